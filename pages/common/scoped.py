"""数据上传 for a group clerk (issue 13): download my rows, upload them back, publish only mine.

Kept apart from pages/upload.py so that the whole-workbook flow stays as it is; the page calls
``scoped_upload`` for a clerk limited to groups, and history calls ``scope_text``.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import streamlit as st

from model.outputs.annotate import annotate_isolated, annotated_file_name
from model.store.auth import User
from model.store.publish_flow import Attempt, Ending
from model.store.scoped import (
    ScopedRejected,
    check_upload,
    download_rows,
    last_updates,
    preview,
    publish_scoped,
)
from model.store.versions import Store, Version
from model.texts.notices import notice_text
from model.workbook.intake import MAX_UPLOAD_BYTES
from pages.common.chrome import ledger_uploader
from pages.common.context import clauses, lang, listed, t
from pages.common.diff_view import show_diff
from pages.common.downloads import XLSX
from pages.common.error_table import error_tables
from pages.common.publish_button import PublishButton, finish, publish_button

SCOPED_BUTTON = PublishButton(
    "scoped_publish_button",
    "scoped_stale_for",
    "scoped_stale",
    "scoped_just_published",
    "scoped_published",
    ("scoped_upload", "scoped_sha", "scoped_outcome"),
)


def is_scoped(user: User) -> bool:
    """A clerk limited to groups publishes only those groups' rows; admins and clerks without
    groups publish the whole workbook, as before."""
    return user.role == "clerk" and bool(user.groups)


def scope_text(version: Version) -> str:
    return listed(version.scope) if version.scope else t("scope_all")


def last_update_column(
    store: Store, groups: list[str], today: dt.date, reminder_days: int
) -> list[str] | None:
    """总览's 最近更新 per group: the date and version of the group's last publish, flagged when
    older than the 参数 更新提醒天数; None when nothing is published (the sample is shown)."""
    versions = store.versions()
    if not versions:
        return None
    cells = []
    for version in last_updates(versions, groups).values():
        if version is None:
            cells.append(t("never_updated"))
            continue
        date = dt.date.fromisoformat(version.published_at[:10])
        days = (today - date).days
        key = "last_update_stale" if days > reminder_days else "last_update_at"
        cells.append(t(key, date=date.isoformat(), version=version.version, days=days))
    return cells


def scoped_upload(store: Store, user: User) -> None:
    groups = user.groups or ()
    names = listed(groups)
    st.caption(t("scoped_intro", groups=names))
    current = store.current()
    if current is not None:
        st.download_button(
            t("download_my_rows", version=current.version),
            data=lambda: download_rows(store, groups)[0],
            file_name=f"{names}-v{current.version}.xlsx",
            mime=XLSX,
            on_click="ignore",
            key="download_my_rows",
        )
    key = f"scoped_uploader_{st.session_state.get('scoped_published', 0)}"
    upload = ledger_uploader(key)
    if upload is not None:
        _checked(store, user, upload.name, upload.getvalue())
    if "scoped_just_published" in st.session_state:
        version = st.session_state.pop("scoped_just_published")
        st.success(t("scoped_published", version=version, groups=names))


def _checked(store: Store, user: User, name: str, data: bytes) -> None:
    digest = hashlib.sha256(data).hexdigest()
    if st.session_state.get("scoped_sha") != digest:
        with st.spinner():
            checked = check_upload(store, data, name, user.groups or (), MAX_UPLOAD_BYTES)
            outcome = preview(store, checked)
        st.session_state["scoped_upload"], st.session_state["scoped_sha"] = checked, digest
        st.session_state["scoped_outcome"] = outcome
    checked = st.session_state["scoped_upload"]
    outcome = st.session_state["scoped_outcome"]
    for code in checked.result.notices + (outcome.notices if outcome else []):
        st.info(notice_text(code, lang()))
    if outcome is not None and outcome.ignored:
        detail = clauses(f"{sheet} {rows}" for sheet, rows in outcome.ignored.items())
        count = sum(outcome.ignored.values())
        st.info(notice_text("OTHER_GROUPS_IGNORED", lang(), count=count, detail=detail))
    if checked.result.unreadable:
        st.error(t("unreadable"))
        message, hint = checked.errors[0].text(lang())
        st.error(f"{message} {hint}")
        return
    errors = checked.errors or (outcome.errors if outcome else [])
    if errors:
        _errors(data, name, errors, checked.result.kind)
        return
    assert outcome is not None  # a publishable upload is always previewed
    _preview(outcome)
    if outcome.unchanged:
        st.info(t("scoped_unchanged", version=outcome.base.version if outcome.base else "-"))
        return
    comment = st.text_input(t("publish_comment"), key="scoped_comment")
    ended = publish_button(
        SCOPED_BUTTON,
        digest,
        lambda user, confirm: publish_scoped(store, checked, user, comment, confirm),
    )
    if ended is not None:
        _published(checked, ended)


def _published(checked, ended: Attempt) -> None:
    if isinstance(ended.refusal, ScopedRejected):  # the latest version changed under the preview
        st.session_state["scoped_outcome"] = ended.refusal.outcome
        st.rerun()
    if ended.ending is Ending.UNCHANGED:
        st.info(t("scoped_unchanged", version=ended.current))
        return
    version, landed = ended.version, ended.landed
    assert version is not None
    diff = landed.workbook_diff() if landed is not None else None
    finish(SCOPED_BUTTON, version, ",".join(checked.scope), diff)


def _errors(data: bytes, name: str, errors, kind) -> None:
    st.error(t("errors_found", count=len(errors)))
    st.download_button(
        t("annotated_download"),
        data=lambda: annotate_isolated(data, errors, kind=kind),
        file_name=annotated_file_name(name),
        mime=XLSX,
        on_click="ignore",
    )
    error_tables(errors)


def _preview(outcome) -> None:
    st.markdown(f"**{t('changes_preview')}**")
    show_diff(outcome.workbook_diff(), "scoped_diff")
