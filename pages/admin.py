"""用户与审计: 用户管理 (list, add, reset a password, role and groups, disable, remove) and the
audit log with filters (admins only)."""

import pandas as pd
import streamlit as st

from pages.common.audit_text import action_text, detail_text, user_text
from pages.common.context import lang, t
from pages.common.layout import header
from pages.common.session import accounts, require
from pages.common.user_admin import user_management

header("page_admin", "audit")
admin = require("audit")
registry = accounts()
user_management(registry, admin)
st.subheader(t("audit_title"))
left, right = st.columns(2)
# Plain labels (no format_func) under keys that carry the language, as the sidebar's group
# filter does: the words change with the language, the codes behind them do not.
names = sorted({row["user"] for row in registry.audit(limit=5000)})
user_labels = {t("all"): "", **{user_text(name): name for name in names}}
user_filter = user_labels[
    left.selectbox(t("filter_user"), list(user_labels), key=f"audit_user_{lang()}")
]
actions = sorted({row["action"] for row in registry.audit(limit=5000)})
action_labels = {t("all"): "", **{action_text(action): action for action in actions}}
action_filter = action_labels[
    right.selectbox(t("filter_action"), list(action_labels), key=f"audit_action_{lang()}")
]
rows = registry.audit(user=user_filter or None, action=action_filter or None)
st.dataframe(
    pd.DataFrame(
        {
            t("audit_at"): [r["at"].replace("T", " ") for r in rows],
            t("username"): [user_text(r["user"]) for r in rows],
            t("audit_action"): [action_text(r["action"]) for r in rows],
            t("audit_ok"): [t("yes") if r["ok"] else t("no") for r in rows],
            t("audit_detail"): [detail_text(r["action"], r["detail"]) for r in rows],
            t("audit_client"): [r["client"] for r in rows],
        }
    ),
    hide_index=True,
)
