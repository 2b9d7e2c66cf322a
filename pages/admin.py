"""用户与审计: the users and their roles, and the audit log with filters (admins only)."""

import pandas as pd
import streamlit as st

from pages.common.audit_text import action_text, detail_text, user_text
from pages.common.context import t
from pages.common.layout import header
from pages.common.session import accounts, require

header("page_admin", "audit")
require("audit")
registry = accounts()
st.subheader(t("users_title"))
users = registry.users()
st.dataframe(
    pd.DataFrame(
        {
            t("username"): [u.name for u in users],
            t("role"): [t(f"role_{u.role}") for u in users],
            t("groups_col"): ["、".join(u.groups) if u.groups else t("all") for u in users],
        }
    ),
    hide_index=True,
)
st.caption(t("users_cli_hint"))
st.subheader(t("audit_title"))
left, right = st.columns(2)
names = sorted({row["user"] for row in registry.audit(limit=5000)})
user_filter = left.selectbox(
    t("filter_user"),
    ["", *names],
    key="audit_user",
    format_func=lambda name: user_text(name) if name else t("all"),
)
actions = sorted({row["action"] for row in registry.audit(limit=5000)})
action_filter = right.selectbox(
    t("filter_action"),
    ["", *actions],
    key="audit_action",
    format_func=lambda action: action_text(action) if action else t("all"),
)
rows = registry.audit(user=user_filter or None, action=action_filter or None)
st.dataframe(
    pd.DataFrame(
        {
            t("audit_at"): [r["at"].replace("T", " ") for r in rows],
            t("username"): [user_text(r["user"]) for r in rows],
            t("audit_action"): [action_text(r["action"]) for r in rows],
            t("audit_ok"): [t("yes") if r["ok"] else t("no") for r in rows],
            t("audit_detail"): [detail_text(r["action"], r["detail"]) for r in rows],
        }
    ),
    hide_index=True,
)
