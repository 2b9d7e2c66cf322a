"""学习记录 (issue #26): record one session where it happens and publish it as a version.

Thin: the session's facts and its record come from ``model.store`` (open_session), the check
and the publish too (preview_record, record_session); this page draws the form and the answer.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import pandas as pd
import streamlit as st

from model.outputs.signin_sheet import signin_file_name, signin_sheet_bytes
from model.store.publish_flow import Ending, attempt
from model.store.record_open import default_session, open_session
from model.store.record_types import (
    ATTENDANCE,
    COMMENTS,
    Mark,
    NotYourSession,
    Opened,
    OutreachRow,
    RecordOutcome,
    RecordRejected,
    SessionRecord,
    StaleRecord,
)
from model.store.recording import base_side_raws, preview_record, record_session
from model.store.versions import Store
from model.texts.recording import record_text
from model.workbook.reader import Workbook
from pages.common.context import data_dir, lang, listed, t
from pages.common.diff_view import show_diff
from pages.common.downloads import XLSX
from pages.common.layout import header, never_in_meeting
from pages.common.prebuild import prebuild_in_background
from pages.common.scoped import is_scoped
from pages.common.session import accounts, require

NAME, POSITION, ROLE = "name", "position", "role"
ATTEND, COMMENT, NOTE = "attendance", "comment", "note"
DATE, PLACE, AUDIENCE = "date", "place", "audience"
NAME_WIDTH = 210  # px
TALK_FIELDS = (
    "held_date",
    "minutes",
    "draft_sent",
    "final_date",
    "article",
    "article_date",
    "off_script",
)
FIELD_LABELS = {
    "held_date": "record_held",
    "minutes": "record_minutes",
    "off_script": "record_off_script",
    "draft_sent": "record_draft_sent",
    "final_date": "record_final_date",
    "article": "rec_article",
    "article_date": "record_article_date",
}


def _option(workbook: Workbook, session: str) -> str:
    row = workbook.plan[workbook.plan["session"] == session].iloc[0]
    held = t("record_held_mark") if session in set(workbook.talks["session"]) else ""
    day = pd.Timestamp(row["planned_date"]).date().isoformat()
    return t("record_session_option", session=session, date=day, topic=row["topic"], held=held)


def _opened(store: Store, workbook: Workbook, session: str) -> Opened:
    """The session as first opened in this browser session: its rows then are what a later
    save compares with (a save over someone else's change asks first)."""
    kept = st.session_state.setdefault("record_opened", {})
    current = store.current()
    assert current is not None
    opened = open_session(workbook, base_side_raws(store, current), session, current.version)
    if session not in kept:
        kept[session] = opened.rows
    return opened


def _errors_for(errors, field: str) -> None:
    for error in errors:
        if error.field == field:
            st.error(t("record_field_error", field=t(FIELD_LABELS[field]), text=error.text(lang())))


def _talk(opened: Opened, errors) -> dict:
    record, key = opened.record, f"rec_{opened.session}"
    values: dict = {}
    left, middle, right = st.columns(3)
    with left:
        values["held_date"] = st.date_input(
            t("record_held"),
            value=record.held_date,
            key=f"{key}_held",
            min_value=dt.date(2000, 1, 1),
        )
        _errors_for(errors, "held_date")
        values["draft_sent"] = st.date_input(
            t("record_draft_sent"), value=record.draft_sent, key=f"{key}_draft"
        )
        _errors_for(errors, "draft_sent")
    with middle:
        values["minutes"] = st.number_input(
            t("record_minutes"),
            value=record.minutes,
            step=5.0,
            format="%g",  # 60, not 60.00: minutes are whole numbers as a clerk types them
            key=f"{key}_minutes",
        )
        _errors_for(errors, "minutes")
        values["final_date"] = st.date_input(
            t("record_final_date"), value=record.final_date, key=f"{key}_final"
        )
        _errors_for(errors, "final_date")
    with right:
        values["article"] = st.text_input(
            t("rec_article"), value=record.article or "", key=f"{key}_article"
        )
        _errors_for(errors, "article")
        values["article_date"] = st.date_input(
            t("record_article_date"), value=record.article_date, key=f"{key}_article_date"
        )
        _errors_for(errors, "article_date")
    values["off_script"] = st.checkbox(
        t("record_off_script"), value=record.off_script, key=f"{key}_off"
    )
    return values


def _roster_frame(opened: Opened) -> pd.DataFrame:
    marks = {m.member: m for m in opened.record.marks}
    rows = []
    for person in opened.roster:
        mark = marks.get(person.key)
        speaker = person.role == "speaker"
        rows.append(
            {
                NAME: person.name,
                POSITION: person.position or "",
                ROLE: t(f"rec_role_{person.role}") if person.role else "",
                ATTEND: ATTENDANCE[0] if speaker else (mark.attendance if mark else None),
                COMMENT: COMMENTS[-1] if speaker else (mark.comment if mark else None),
                NOTE: (mark.note if mark else None) or "",
            }
        )
    return pd.DataFrame(rows, index=[p.key for p in opened.roster])


def _members(opened: Opened, errors) -> pd.DataFrame:
    state = f"rec_{opened.session}_marks"
    turn = st.session_state.get(f"{state}_turn", 0)
    base = st.session_state.get(state)
    if base is None:
        base = st.session_state[state] = _roster_frame(opened)
    edited = st.data_editor(
        base,
        key=f"{state}_{turn}",
        hide_index=True,
        width="stretch",
        disabled=[NAME, POSITION, ROLE],
        column_config={
            # Wide enough for a name told apart by 编号 and 职务: 向浩伟（M00104，委员）.
            NAME: st.column_config.TextColumn(t("record_col_name"), width=NAME_WIDTH),
            POSITION: st.column_config.TextColumn(t("record_col_position")),
            ROLE: st.column_config.TextColumn(t("record_col_role")),
            ATTEND: st.column_config.SelectboxColumn(
                t("record_col_attendance"), options=list(ATTENDANCE)
            ),
            COMMENT: st.column_config.SelectboxColumn(
                t("record_col_comment"), options=list(COMMENTS)
            ),
            NOTE: st.column_config.TextColumn(t("record_col_note")),
        },
    )
    st.caption(t("record_members_help"))
    names = {p.key: p.name for p in opened.roster}
    for error in errors:
        if error.member is not None:
            name = names.get(error.member, error.member)
            st.error(t("record_member_error", name=name, text=error.text(lang())))
    # Side by side: in st.columns the second sat a column's width away from the first.
    shortcuts = st.container(horizontal=True)
    listeners = [p.key for p in opened.roster if p.role != "speaker"]
    for label, field, value in (
        ("record_all_present", ATTEND, ATTENDANCE[0]),
        ("record_all_oral", COMMENT, COMMENTS[0]),
    ):
        if shortcuts.button(t(label), key=f"{state}_{field}_all"):
            changed = edited.copy()
            rows = listeners
            if field == COMMENT:  # no oral comment from one marked 请假 or 缺席: they were away
                away = changed[ATTEND].isin(ATTENDANCE[1:])
                rows = [key for key in listeners if not away.get(key, False)]
            changed.loc[rows, field] = value
            st.session_state[state] = changed
            st.session_state[f"{state}_turn"] = turn + 1
            st.rerun()
    return edited


def _outreach(opened: Opened, errors) -> pd.DataFrame:
    points = listed(opened.speaker_points) if opened.speaker_points else t("record_no_points")
    frame = pd.DataFrame(
        {
            DATE: pd.Series([r.date for r in opened.record.outreach], dtype="object"),
            PLACE: pd.Series([r.place for r in opened.record.outreach], dtype="object"),
            AUDIENCE: pd.Series([r.audience for r in opened.record.outreach], dtype="Int64"),
        }
    )
    edited = st.data_editor(
        frame,
        key=f"rec_{opened.session}_outreach",
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        column_config={
            DATE: st.column_config.DateColumn(t("record_col_date"), format="YYYY-MM-DD"),
            PLACE: st.column_config.TextColumn(t("record_col_place")),
            AUDIENCE: st.column_config.NumberColumn(t("record_col_audience"), step=1),
        },
    )
    st.caption(t("record_outreach_help", points=points))
    for error in errors:
        if error.index is not None:
            number = error.index + 1
            st.error(t("record_outreach_error", number=number, text=error.text(lang())))
    return edited


def _day(value: object) -> dt.date | None:
    if value is None or (not isinstance(value, dt.date) and pd.isna(value)):  # type: ignore[call-overload]
        return None
    return pd.Timestamp(value).date()  # type: ignore[arg-type]


def _blank(value: object) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value))  # type: ignore[call-overload]


def _record(
    opened: Opened, talk: dict, marks: pd.DataFrame, outreach: pd.DataFrame
) -> SessionRecord:
    speaker = opened.speaker
    return SessionRecord(
        opened.session,
        talk["held_date"],
        None if talk["minutes"] is None else float(talk["minutes"]),
        bool(talk["off_script"]),
        talk["draft_sent"],
        talk["final_date"],
        talk["article"] or None,
        talk["article_date"],
        tuple(
            Mark(
                str(key),
                None if _blank(row[ATTEND]) else str(row[ATTEND]),
                None if _blank(row[COMMENT]) else str(row[COMMENT]),
                None if _blank(row[NOTE]) or not row[NOTE] else str(row[NOTE]),
            )
            for key, row in marks.iterrows()
            if key != speaker
        )
        # Rows the form does not show (the speaker's own, members no longer in post) stay.
        + tuple(
            m for m in opened.record.marks if m.member not in marks.index or m.member == speaker
        ),
        tuple(
            OutreachRow(
                _day(row[DATE]),
                None if _blank(row[PLACE]) else str(row[PLACE]),
                None if _blank(row[AUDIENCE]) else int(row[AUDIENCE]),
            )
            for _, row in outreach.iterrows()
        ),
    )


def _save(store: Store, record: SessionRecord, groups, confirm: bool) -> None:
    user = require("publish")  # again at the moment of acting
    opened_rows = st.session_state.get("record_opened", {}).get(record.session)
    ended = attempt(
        lambda confirm: record_session(
            store, record, user.name, groups, opened_rows, confirm, accounts()
        ),
        confirm_stale=confirm,
    )
    refusal = ended.refusal
    if isinstance(refusal, StaleRecord):  # the page asks, with the rows that changed
        st.session_state["record_stale"] = (record, refusal.text(lang()))
        st.rerun()
    elif isinstance(refusal, RecordRejected):
        st.session_state["record_preview"] = (record, refusal.outcome)
        st.rerun()
    elif isinstance(refusal, NotYourSession):
        st.error(refusal.error.text(lang()))
    elif ended.ending is Ending.UNCHANGED:
        st.info(record_unchanged(record.session))
    else:
        version = ended.version
        assert version is not None
        for key in ("record_preview", "record_stale"):
            st.session_state.pop(key, None)
        st.session_state.get("record_opened", {}).pop(record.session, None)
        for key in [k for k in st.session_state if str(k).startswith(f"rec_{record.session}_")]:
            del st.session_state[key]
        st.session_state["record_published"] = (version.version, record.session)
        prebuild_in_background()
        st.rerun()


def record_unchanged(session: str) -> str:
    return record_text("RECORD_UNCHANGED", lang(), session=session)


def published_text(version: int, session: str) -> str:
    return record_text("RECORD_PUBLISHED", lang(), version=version, session=session)


def errors_text(count: int) -> str:
    return record_text("RECORD_ERRORS", lang(), count=count)


def _preview(store: Store, record: SessionRecord, groups) -> None:
    kept = st.session_state.get("record_preview")
    outcome: RecordOutcome | None = kept[1] if kept and kept[0] == record else None
    stale = st.session_state.get("record_stale")
    if kept and outcome is None:
        st.caption(t("record_edit_outdated"))
    if st.button(t("record_preview"), key="record_preview_button"):
        with st.spinner():
            outcome = preview_record(store, record)
        st.session_state["record_preview"] = (record, outcome)
        st.session_state.pop("record_stale", None)
        st.rerun()
    if outcome is None:
        return
    if outcome.errors:
        st.error(errors_text(len(outcome.errors)))
        for error in outcome.errors:
            if error.field == "session" or (
                error.field not in TALK_FIELDS and error.member is None and error.index is None
            ):
                st.error(error.text(lang()))
        return
    if outcome.unchanged:
        st.info(record_unchanged(record.session))
        return
    st.markdown(f"**{t('record_changes')}**")
    show_diff(outcome.workbook_diff(), "record_diff")
    confirm = stale is not None and stale[0] == record
    if confirm and stale is not None:
        st.warning(stale[1])
    label = t("record_save_anyway") if confirm else t("record_save")
    if st.button(label, type="primary", key="record_save_button"):
        _save(store, record, groups, confirm)


ctx = header("page_record", "publish")
never_in_meeting(ctx)
if ctx is not None:
    st.caption(t("record_intro"))
    store = Store(data_dir())
    current = store.current()
    if "record_published" in st.session_state:
        number, done = st.session_state.pop("record_published")
        st.success(published_text(number, done))
        # The save button sits at the bottom of a long form and the page stays scrolled there:
        # the toast says it where the clerk is looking.
        st.toast(published_text(number, done), icon=":material/check_circle:")
    if current is None or ctx.source.is_sample:
        st.info(t("record_no_version"))
        st.stop()
    st.download_button(
        t("record_download_version", version=current.version),
        data=partial(store.read_bytes, current),
        file_name=f"{t('page_record')}-v{current.version}.xlsx",
        mime=XLSX,
        on_click="ignore",
        key="record_download_version",
    )
    workbook = ctx.result.workbook
    assert workbook is not None
    groups = ctx.user.groups if is_scoped(ctx.user) else None
    choices = sorted(set(workbook.plan["group"].dropna()))
    if not choices:
        st.info(t("record_no_sessions", group=listed(groups or ())))
        st.stop()
    left, right = st.columns([1, 2])
    preferred = ctx.filters.group if ctx.filters.group in choices else choices[0]
    group = left.selectbox(
        t("recording_group"), choices, index=choices.index(preferred), key="recording_group"
    )
    sessions = list(workbook.plan.loc[workbook.plan["group"] == group, "session"])
    if not sessions:
        st.info(t("record_no_sessions", group=group))
        st.stop()
    chosen = st.session_state.get(f"record_chosen_{group}")
    if chosen not in sessions:
        chosen = default_session(workbook, group, ctx.filters.as_of) or sessions[0]
    # Keyed by the version too: the browser kept showing a kept choice's old words (no ✓ on
    # a session just recorded), so a new version draws a new box on the session chosen.
    session = right.selectbox(
        t("record_session"),
        sessions,
        index=sessions.index(chosen),
        format_func=partial(_option, workbook),
        key=f"record_session_{group}_v{current.version}",
    )
    session = str(session)
    st.session_state[f"record_chosen_{group}"] = session
    opened = _opened(store, workbook, session)
    names = dict(zip(workbook.members["key"], workbook.members["display"], strict=True))
    st.caption(
        t(
            "record_plan_line",
            date=opened.planned_date.isoformat(),
            speaker=names.get(opened.speaker, opened.speaker),
            host=names.get(opened.host, opened.host),
        )
    )
    st.download_button(
        t("record_signin"),
        data=partial(signin_sheet_bytes, workbook, session, lang()),
        file_name=signin_file_name(session),
        mime=XLSX,
        on_click="ignore",
        key="record_signin",
    )
    kept = st.session_state.get("record_preview")
    shown_errors = kept[1].errors if kept and kept[1].errors else []
    st.subheader(t("record_talk"))
    talk = _talk(opened, shown_errors)
    st.subheader(t("record_members"))
    marks = _members(opened, shown_errors)
    st.subheader(t("rec_outreach"))
    outreach = _outreach(opened, shown_errors)
    _preview(store, _record(opened, talk, marks, outreach), groups)
