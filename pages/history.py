"""版本历史: every published version, downloadable, and restorable as a new version — after the
admin has seen which version it is and what it would change, and confirmed."""

import re

import pandas as pd
import streamlit as st

from model.store.diff_sheet import diff_bytes
from model.store.publish_flow import attempt
from model.store.publishing import version_diff
from model.store.versions import RESTORED_COMMENT, Store, Version
from pages.common.context import data_dir, t
from pages.common.diff_view import show_diff
from pages.common.downloads import MIME_TYPES, XLSX
from pages.common.layout import header, never_in_meeting, safe
from pages.common.prebuild import prebuild_in_background
from pages.common.scoped import scope_text
from pages.common.session import accounts, require

RESTORED_FROM = re.compile("^" + RESTORED_COMMENT.format(version=r"(\d+)") + "$")


def comment_text(comment: str) -> str:
    """A version's comment; the store's own note on a restore in the chosen language."""
    match = RESTORED_FROM.match(comment or "")
    return t("restored_from", version=match.group(1)) if match else comment


def confirm_restore(store: Store, chosen: Version, current: Version, user_name: str) -> None:
    """Which version, when and by whom, what it would change; restore only on confirmation."""
    with st.container(border=True):
        st.warning(
            t(
                "restore_question",
                version=chosen.version,
                time=chosen.published_at.replace("T", " ")[:16],
                user=safe(chosen.user),
                current=current.version,
            )
        )
        st.markdown(f"**{t('restore_changes')}**")
        diff = version_diff(store, current, chosen)
        show_diff(diff, "restore_diff")
        yes, no = st.columns(2)
        confirmed = yes.button(
            t("restore_confirm", version=chosen.version), type="primary", key="restore_confirm"
        )
        cancelled = no.button(t("restore_cancel"), key="restore_cancel")
    if cancelled:
        st.session_state.pop("restore_pending", None)
        st.rerun()
    if confirmed:
        require("restore")  # again at the moment of acting
        st.session_state.pop("restore_pending", None)
        ended = attempt(lambda _confirm: (store.restore(chosen.version, user_name), None))
        if ended.version is None:  # the only other ending of a restore: nothing changes
            st.info(t("already_current", version=chosen.version))
            return
        restored = ended.version
        detail = f"v{chosen.version} → v{restored.version}"
        if diff is not None:  # what it changed, in the audit log (issue #24)
            detail += f" {diff.audit_detail()}"
        accounts().log(user_name, "restore", True, detail)
        st.session_state["just_restored"] = (chosen.version, restored.version)
        prebuild_in_background()
        # A new table key drops the selection: the rows shift down by one with the new version,
        # and the old selection would silently point at another version.
        st.session_state["restores"] = st.session_state.get("restores", 0) + 1
        st.rerun()


def compare_versions(store: Store, versions: list[Version]) -> None:
    """Any two versions side by side: by default the newest and the one before it."""
    st.subheader(t("compare_title"))
    numbers = [v.version for v in versions]  # newest first
    left, right = st.columns(2)
    new = left.selectbox(
        t("compare_new"), numbers, index=0, format_func=lambda n: f"v{n}", key="compare_new"
    )
    older = [n for n in numbers if n < new] or numbers
    old = right.selectbox(
        t("compare_old"), older, index=0, format_func=lambda n: f"v{n}", key=f"compare_old_{new}"
    )
    by_number = {v.version: v for v in versions}
    diff = version_diff(store, by_number[old], by_number[new])
    if diff is None:
        st.warning(t("compare_unreadable"))
        return
    st.caption(t("compare_caption", old=old, new=new))
    show_diff(diff, "compare_diff", same="no_changes_between")
    st.download_button(
        t("compare_download"),
        data=lambda: diff_bytes(diff),
        file_name=t("compare_file", old=old, new=new),
        mime=XLSX,
        on_click="ignore",
        icon=":material/download:",
    )


never_in_meeting(header("page_history", "publish"))
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
            t("comment_col"): [comment_text(v.comment) for v in versions],
        }
    )
    picked = st.dataframe(
        table,
        hide_index=True,
        on_select="rerun",
        selection_mode="single-row",
        key=f"versions_table_{st.session_state.get('restores', 0)}",
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
            st.session_state["restore_pending"] = chosen.version
        if restorable and st.session_state.get("restore_pending") == chosen.version:
            confirm_restore(store, chosen, versions[0], user.name)
    if len(versions) > 1:
        compare_versions(store, versions)
if "just_restored" in st.session_state:
    old, new = st.session_state.pop("just_restored")
    st.success(t("restored", old=old, new=new))
