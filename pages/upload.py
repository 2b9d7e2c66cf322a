"""数据上传: check an upload, show its errors or its changes, and publish it on request."""

import hashlib

import pandas as pd
import streamlit as st

from model.outputs.annotate import annotate_isolated, annotated_file_name
from model.outputs.template import template_bytes
from model.store.publish_flow import Ending
from model.store.publishing import Prepared, prepare, publish, published_diff
from model.store.versions import Store
from model.texts.domain import finding_title
from model.texts.notices import notice_text
from model.workbook.intake import ACCEPTED_SUFFIXES, MAX_UPLOAD_BYTES
from pages.common.chrome import ledger_uploader
from pages.common.context import clauses, data_dir, lang, listed, t
from pages.common.diff_view import show_diff
from pages.common.downloads import XLSX
from pages.common.error_table import error_tables
from pages.common.layout import header, never_in_meeting
from pages.common.publish_button import PublishButton, finish, publish_button
from pages.common.scoped import is_scoped, scoped_upload
from pages.common.session import require

UPLOAD_BUTTON = PublishButton(
    "publish_button",
    "stale_for",
    "stale",
    "just_published",
    "uploads_published",
    ("prepared", "prepared_sha"),
)


def preview_and_publish(store: Store, prepared: Prepared, digest: str, name: str) -> None:
    """What the upload changes, and the 发布 button (with the stale-upload confirmation)."""
    st.markdown(f"**{t('changes_preview')}**")
    if prepared.parent is None:
        st.info(t("changes_first"))
    diff = prepared.diff()
    show_diff(diff, "upload_diff")
    comment = st.text_input(t("publish_comment"), key="publish_comment")
    ended = publish_button(
        UPLOAD_BUTTON,
        digest,
        lambda user, confirm: (publish(store, prepared, user, comment, confirm), None),
    )
    if ended is None:
        return
    if ended.ending is Ending.UNCHANGED:
        st.info(t("identical", version=ended.current))
        return
    version = ended.version
    assert version is not None  # a checked upload is never rejected
    finish(UPLOAD_BUTTON, version, name, published_diff(store, prepared, version))


never_in_meeting(header("page_upload", "publish"))
user = require("publish")  # checked on the server on every run, not just by hiding the link
store = Store(data_dir())
if is_scoped(user):  # a group clerk publishes only their groups' rows (issue 13)
    scoped_upload(store, user)
    st.stop()
types = listed(f".{suffix}" for suffix in ACCEPTED_SUFFIXES)
st.caption(t("upload_intro", types=types))
st.download_button(
    t("template_download"),
    data=template_bytes,
    file_name=t("file_template"),
    mime=XLSX,
    on_click="ignore",
)
# A new key after each publish empties the uploader, so the page starts afresh.
uploader_key = f"uploader_{st.session_state.get('uploads_published', 0)}"
upload = ledger_uploader(
    uploader_key, hint=t("uploader_help", types=types, limit=MAX_UPLOAD_BYTES // 2**20)
)
st.caption(t("uploader_types", types=types, limit=MAX_UPLOAD_BYTES // 2**20))
if upload is not None:
    data = upload.getvalue()
    digest = hashlib.sha256(data).hexdigest()
    # The check is kept per file so that the parent version is the one current at upload time.
    prepared = st.session_state.get("prepared")
    if prepared is None or st.session_state.get("prepared_sha") != digest:
        with st.spinner():
            prepared = prepare(store, data, upload.name, max_bytes=MAX_UPLOAD_BYTES)
        st.session_state["prepared"], st.session_state["prepared_sha"] = prepared, digest
    result = prepared.result
    for notice in result.notices:
        st.info(notice_text(notice, lang()))
    if result.unreadable:
        st.error(t("unreadable"))
        message, hint = result.errors[0].text(lang())
        st.error(f"{message} {hint}")
    elif not result.ok:
        st.error(t("errors_found", count=len(result.errors)))
        st.download_button(
            t("annotated_download"),
            data=lambda: annotate_isolated(data, result.errors, kind=result.kind),
            file_name=annotated_file_name(upload.name),
            mime=XLSX,
            on_click="ignore",
        )
        error_tables(result.errors)
    else:
        assert result.workbook is not None  # ok means a workbook
        counts = clauses(f"{sheet} {rows}" for sheet, rows in result.workbook.counts().items())
        st.success(t("upload_ok", counts=counts))
        if prepared.finding_counts:
            st.markdown(f"**{t('findings_summary')}**")
            st.dataframe(
                pd.DataFrame(
                    {
                        t("findings"): [finding_title(c, lang()) for c in prepared.finding_counts],
                        t("count"): list(prepared.finding_counts.values()),
                    }
                ),
                hide_index=True,
            )
        if prepared.identical:
            # One answer, on the preview: the same bytes as the current version, nothing to publish.
            assert prepared.parent is not None
            st.info(t("identical", version=prepared.parent.version))
        else:
            preview_and_publish(store, prepared, digest, upload.name)
if "just_published" in st.session_state:
    st.success(t("published", version=st.session_state.pop("just_published")))
