"""版本历史: every published version, downloadable, and restorable as a new version."""

import pandas as pd
import streamlit as st

from model.store import IdenticalToCurrent, Store
from pages.common.context import data_dir, t
from pages.common.downloads import MIME_TYPES, XLSX
from pages.common.layout import header
from pages.common.scoped import scope_text
from pages.common.session import accounts, require

header("page_history", "publish")
user = require("publish")
store = Store(data_dir())
st.caption(t("history_intro"))
versions = store.versions()
if not versions:
    st.info(t("no_versions"))
else:
    table = pd.DataFrame(
        {
            t("version"): [f"v{v.version}" for v in versions],
            t("published_at"): [v.published_at.replace("T", " ") for v in versions],
            t("user"): [v.user for v in versions],
            t("scope_col"): [scope_text(v) for v in versions],
            t("file_name"): [v.original_name for v in versions],
            t("rows"): [sum(v.row_counts.values()) for v in versions],
            t("findings_count"): [sum(v.finding_counts.values()) for v in versions],
            t("comment_col"): [v.comment for v in versions],
        }
    )
    picked = st.dataframe(
        table, hide_index=True, on_select="rerun", selection_mode="single-row", key="versions_table"
    )
    rows = picked.selection.rows if picked else []
    st.caption(t("pick_version"))
    if rows:
        chosen = versions[rows[0]]
        left, right = st.columns(2)
        left.download_button(
            t("download_version", version=chosen.version),
            data=lambda: store.read_bytes(chosen),
            file_name=f"v{chosen.version}-{chosen.original_name}",
            mime=MIME_TYPES.get(chosen.file_format, XLSX),
            on_click="ignore",
        )
        restorable = user.can("restore") and chosen.version != versions[0].version
        if restorable and right.button(t("restore", version=chosen.version), key="restore_button"):
            require("restore")
            try:
                restored = store.restore(chosen.version, user.name)
            except IdenticalToCurrent:
                st.info(t("already_current", version=chosen.version))
            else:
                accounts().log(
                    user.name, "restore", True, f"v{chosen.version} → v{restored.version}"
                )
                st.session_state["just_restored"] = (chosen.version, restored.version)
                st.rerun()
if "just_restored" in st.session_state:
    old, new = st.session_state.pop("just_restored")
    st.success(t("restored", old=old, new=new))
