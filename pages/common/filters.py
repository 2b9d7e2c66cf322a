"""The sidebar's filters, one function per control.

The filters live in ``st.session_state`` under our own keys (``flt_*``) because Streamlit drops
widget state when ``st.navigation`` switches pages. Each control draws where it is told (the
sidebar, or meeting mode's bar at the top of the page).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from model.engine.report import default_year, years_of
from model.texts.domain import Lang
from model.workbook.reader import ReadResult, Workbook
from pages.common.context import Source, lang, t
from pages.common.meeting import enter_meeting, meeting_on
from pages.common.state_keys import (
    FLT_AS_OF,
    FLT_AS_OF_SEEDED,
    FLT_AS_OF_TYPED,
    FLT_GROUP,
    FLT_HIDE,
    FLT_LANG,
    FLT_MEETING_NAMES,
    FLT_YEAR,
    W_AS_OF,
    W_HIDE,
    W_LANG,
    W_MEETING,
    W_YEAR,
)

ALL = "__all__"


@dataclass(frozen=True)
class Filters:
    year: int
    group: str | None
    as_of: dt.date
    lang: Lang
    meeting: bool
    # Whether people are shown by name; otherwise by pseudonym (成员7). In meeting mode names
    # are hidden unless the presenter shows them; outside it, unless 隐藏姓名 is ticked.
    show_names: bool


def _remember(key: str, widget_key: str) -> None:
    st.session_state[key] = st.session_state[widget_key]


def _remember_group(widget_key: str, all_label: str) -> None:
    chosen = st.session_state[widget_key]
    st.session_state[FLT_GROUP] = ALL if chosen == all_label else chosen


def _persisted(key: str, widget_key: str, default: object, allowed: list | None = None) -> None:
    """Seed a widget from our own key so the choice survives page switches."""
    value = st.session_state.get(key, default)
    if allowed is not None and value not in allowed:
        value = default
    st.session_state[widget_key] = value
    st.session_state[key] = value


def year_filter(workbook: Workbook, where=st) -> int:
    years = years_of(workbook) or [dt.date.today().year]
    _persisted(FLT_YEAR, W_YEAR, default_year(workbook), years)
    where.selectbox(t("year"), years, key=W_YEAR, on_change=_remember, args=(FLT_YEAR, W_YEAR))
    return st.session_state[FLT_YEAR]


def group_filter(workbook: Workbook, where=st) -> str | None:
    # Plain labels (no format_func) under a key that carries the language, because the
    # "all groups" label changes with it.
    all_label = t("all_groups")
    groups = [all_label, *sorted(workbook.members["group"].dropna().unique())]
    group_key = f"w_group_{lang()}"
    if st.session_state.get(FLT_GROUP, ALL) == ALL:
        st.session_state[FLT_GROUP] = ALL
    shown = st.session_state[FLT_GROUP]
    st.session_state[group_key] = all_label if shown == ALL or shown not in groups else shown
    where.selectbox(
        t("group"), groups, key=group_key, on_change=_remember_group, args=(group_key, all_label)
    )
    group = st.session_state[FLT_GROUP]
    return None if group == ALL else group


# Enter applies a typed date, and a page link clicked while one is pending applies it first
# (see the script for why Streamlit alone loses that click).
DATE_FIELD_SCRIPT = (
    "<script>"
    + (Path(__file__).with_name("date_field.js")).read_text(encoding="utf-8")
    + "</script>"
)


def _remember_as_of() -> None:
    """A date the user typed or picked; cleared (None), the data's own as-of date again."""
    chosen = st.session_state.get(W_AS_OF)
    if isinstance(chosen, dt.date):
        st.session_state[FLT_AS_OF_TYPED] = chosen
    else:
        st.session_state.pop(FLT_AS_OF_TYPED, None)


def as_of_value(workbook: Workbook, year: int) -> dt.date:
    """The as-of date: one the user chose (kept across pages) or else the workbook's 统计截止日期,
    blank meaning today. Only a chosen date is remembered: a new version with a blank 统计截止日期
    shows today, not the date the previous workbook (the sample) carried."""
    first, last = as_of_range(workbook, year)
    natural = natural_as_of(workbook, year)
    typed = st.session_state.get(FLT_AS_OF_TYPED)
    # A page link can start the next run before the date input's change callback: a widget
    # value that differs from the one seeded last run is the user's choice all the same.
    widget = st.session_state.get(W_AS_OF)
    seeded = st.session_state.get(FLT_AS_OF_SEEDED)
    if isinstance(widget, dt.date) and isinstance(seeded, dt.date) and widget != seeded:
        typed = st.session_state[FLT_AS_OF_TYPED] = widget
    if not isinstance(typed, dt.date) or not first <= typed <= last:
        st.session_state.pop(FLT_AS_OF_TYPED, None)
        typed = None
    chosen = typed or natural
    st.session_state[FLT_AS_OF] = st.session_state[FLT_AS_OF_SEEDED] = chosen
    return chosen


def natural_as_of(workbook: Workbook, year: int) -> dt.date:
    """The as-of date nobody chose: the workbook's 统计截止日期 (blank: today), within the year's
    range."""
    first, last = as_of_range(workbook, year)
    return min(max(workbook.params.as_of or dt.date.today(), first), last)


def as_of_range(workbook: Workbook, year: int) -> tuple[dt.date, dt.date]:
    """The as-of dates a year can be seen at: its own days, and, once the year is over by the
    workbook's 统计截止日期 (or today), that date too, so a past year shows its final verdicts."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    now = workbook.params.as_of or dt.date.today()
    return first, max(last, now)


def as_of_filter(workbook: Workbook, year: int) -> dt.date:
    first, last = as_of_range(workbook, year)
    chosen = as_of_value(workbook, year)
    st.session_state[W_AS_OF] = chosen
    st.date_input(
        t("as_of"),
        key=W_AS_OF,
        min_value=first,
        max_value=last,
        format="YYYY-MM-DD",
        on_change=_remember_as_of,
    )
    # The date applied, for the script: a page link waits for it (see date_field.js).
    applied = f'<span hidden data-xuexi-as-of="{chosen.isoformat()}"></span>'
    st.html(applied + DATE_FIELD_SCRIPT, unsafe_allow_javascript=True)
    return chosen


def language_switch() -> Lang:
    _persisted(FLT_LANG, W_LANG, "zh", ["zh", "en"])
    st.radio(
        t("language"),
        ["zh", "en"],
        key=W_LANG,
        horizontal=True,
        format_func=lambda code: t(f"lang_{code}"),
        on_change=_remember,
        args=(FLT_LANG, W_LANG),
    )
    return st.session_state[FLT_LANG]


def meeting_toggle() -> None:
    """Off here; switching it on enters meeting mode, which then hides this sidebar."""
    st.session_state[W_MEETING] = False
    st.toggle(
        t("meeting_mode"), key=W_MEETING, help=t("meeting_mode_help"), on_change=enter_meeting
    )


def hide_names_toggle() -> bool:
    _persisted(FLT_HIDE, W_HIDE, False)
    st.checkbox(t("hide_names"), key=W_HIDE, on_change=_remember, args=(FLT_HIDE, W_HIDE))
    return st.session_state[FLT_HIDE]


def sidebar(result: ReadResult, source: Source) -> Filters:
    """Draw the shared filters and return them; the sample is labelled on every page.

    In meeting mode the sidebar is hidden: the year and group switches are drawn by the meeting
    bar (pages.common.meeting), the other filters keep their values.
    """
    workbook = result.workbook
    assert workbook is not None
    meeting = meeting_on()
    if meeting:
        year = int(st.session_state.get(FLT_YEAR, default_year(workbook)))
        if year not in (years_of(workbook) or [year]):
            year = default_year(workbook)
        st.session_state[FLT_YEAR] = year
        group = st.session_state.get(FLT_GROUP, ALL)
        if group not in set(workbook.members["group"]):
            group = st.session_state[FLT_GROUP] = ALL
        as_of = as_of_value(workbook, year)
        show_names = bool(st.session_state.get(FLT_MEETING_NAMES, False))
        _persisted(FLT_LANG, W_LANG, "zh", ["zh", "en"])
    else:
        with st.sidebar:
            year = year_filter(workbook)
            group = group_filter(workbook)
            as_of = as_of_filter(workbook, year)
            # Which data this is, under the filters: above them it pushed 统计截止日期 below
            # the fold at 1366×768 once an admin's navigation held twelve pages.
            st.caption(source.label)
            language_switch()
            meeting_toggle()
            show_names = not hide_names_toggle()
    return Filters(
        year=year,
        group=None if group == ALL else group,
        as_of=as_of,
        lang=st.session_state[FLT_LANG],
        meeting=meeting,
        show_names=show_names,
    )
