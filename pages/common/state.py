"""What every page shares: the workbook shown, the sidebar filters, cached computations.

The filters live in ``st.session_state`` under our own keys (``flt_*``) because Streamlit drops
widget state when ``st.navigation`` switches pages.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from model.dev import SAMPLE_PATH
from model.engine import (
    Report,
    Timeline,
    build_report,
    build_timeline,
    default_year,
    restrict,
    years_of,
)
from model.store import Store, User, default_data_dir
from model.texts import Lang
from model.workbook import ReadResult, read_workbook
from pages.common.labels import label

ALL = "__all__"


@dataclass(frozen=True)
class Source:
    label: str
    sha256: str
    data: bytes
    is_sample: bool
    version: int | None = None


@dataclass(frozen=True)
class Filters:
    year: int
    group: str | None
    as_of: dt.date
    lang: Lang
    meeting: bool
    hide_names: bool

    @property
    def show_names(self) -> bool:
        return not (self.meeting and self.hide_names)


def lang() -> Lang:
    return st.session_state.get("flt_lang", "zh")


def t(key: str, **values: object) -> str:
    """The UI text for ``key`` in the language chosen in the sidebar."""
    return label(key, lang(), **values)


@st.cache_resource(max_entries=4, show_spinner=False)
def _file_source(path: str, mtime: float) -> tuple[bytes, str]:
    data = Path(path).read_bytes()
    return data, hashlib.sha256(data).hexdigest()


def data_dir() -> Path:
    return default_data_dir(os.environ.get("XUEXI_DATA_DIR"))


def current_source() -> Source:
    """The latest published version; with none, the bundled sample."""
    store = Store(data_dir())
    latest = store.current()
    if latest is not None:
        path = store.file_path(latest)
        data, sha = _file_source(str(path), path.stat().st_mtime)
        source_label = label(
            "source_version", lang(), version=latest.version, time=latest.published_at[:16]
        )
        return Source(source_label, sha, data, False, latest.version)
    data, sha = _file_source(str(SAMPLE_PATH), SAMPLE_PATH.stat().st_mtime)
    return Source(label("source_sample", lang()), sha, data, True)


@st.cache_resource(max_entries=4, show_spinner=False)
def read_cached(sha256: str, _data: bytes) -> ReadResult:
    """Parsed once per file content: a filter change never re-reads the workbook."""
    return read_workbook(_data, max_bytes=len(_data) + 1)


@st.cache_resource(max_entries=8, show_spinner=False)
def scoped_cached(sha256: str, groups: tuple[str, ...] | None, _result: ReadResult) -> ReadResult:
    """The workbook as this user may see it: only their groups, before any page sees it."""
    assert _result.workbook is not None
    return ReadResult(restrict(_result.workbook, groups), [])


@st.cache_resource(max_entries=8, show_spinner=False)
def timeline_cached(
    sha256: str, groups: tuple[str, ...] | None, as_of: dt.date, _result: ReadResult
) -> Timeline:
    assert _result.workbook is not None
    return build_timeline(_result.workbook, as_of)


@st.cache_resource(max_entries=32, show_spinner=False)
def report_cached(
    sha256: str,
    groups: tuple[str, ...] | None,
    year: int,
    as_of: dt.date,
    group: str | None,
    _result: ReadResult,
) -> Report:
    """Codes and numbers only: switching the language re-renders, it never recomputes."""
    assert _result.workbook is not None
    timeline = timeline_cached(sha256, groups, as_of, _result)
    return build_report(_result.workbook, year, as_of, group, timeline=timeline)


def _remember(key: str, widget_key: str) -> None:
    st.session_state[key] = st.session_state[widget_key]


def _remember_group(widget_key: str, all_label: str) -> None:
    chosen = st.session_state[widget_key]
    st.session_state["flt_group"] = ALL if chosen == all_label else chosen


def _persisted(key: str, widget_key: str, default: object, allowed: list | None = None) -> None:
    """Seed a widget from our own key so the choice survives page switches."""
    value = st.session_state.get(key, default)
    if allowed is not None and value not in allowed:
        value = default
    st.session_state[widget_key] = value
    st.session_state[key] = value


def sidebar(result: ReadResult, source: Source) -> Filters:
    """Draw the shared filters and return them; the sample is labelled on every page."""
    workbook = result.workbook
    assert workbook is not None
    with st.sidebar:
        st.caption(source.label)
        years = years_of(workbook) or [dt.date.today().year]
        _persisted("flt_year", "w_year", default_year(workbook), years)
        st.selectbox(
            t("year"), years, key="w_year", on_change=_remember, args=("flt_year", "w_year")
        )
        year = st.session_state["flt_year"]

        # Plain labels (no format_func) under a key that carries the language, because the
        # "all groups" label changes with it.
        all_label = t("all_groups")
        groups = [all_label, *sorted(workbook.members["group"].dropna().unique())]
        group_key = f"w_group_{lang()}"
        if st.session_state.get("flt_group", ALL) == ALL:
            st.session_state["flt_group"] = ALL
        shown = st.session_state["flt_group"]
        st.session_state[group_key] = all_label if shown == ALL or shown not in groups else shown
        st.selectbox(
            t("group"),
            groups,
            key=group_key,
            on_change=_remember_group,
            args=(group_key, all_label),
        )
        group = st.session_state["flt_group"]

        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        natural = workbook.params.as_of or dt.date.today()
        default_as_of = min(max(natural, first), last)
        stored = st.session_state.get("flt_as_of")
        if not isinstance(stored, dt.date) or not first <= stored <= last:
            st.session_state["flt_as_of"] = default_as_of
        st.session_state["w_as_of"] = st.session_state["flt_as_of"]
        st.date_input(
            t("as_of"),
            key="w_as_of",
            min_value=first,
            max_value=last,
            on_change=_remember,
            args=("flt_as_of", "w_as_of"),
        )
        as_of = st.session_state["flt_as_of"]

        _persisted("flt_lang", "w_lang", "zh", ["zh", "en"])
        st.radio(
            t("language"),
            ["zh", "en"],
            key="w_lang",
            horizontal=True,
            format_func=lambda code: "中文" if code == "zh" else "English",
            on_change=_remember,
            args=("flt_lang", "w_lang"),
        )
        _persisted("flt_meeting", "w_meeting", False)
        st.toggle(
            t("meeting_mode"),
            key="w_meeting",
            help=t("meeting_mode_help"),
            on_change=_remember,
            args=("flt_meeting", "w_meeting"),
        )
        _persisted("flt_hide", "w_hide", False)
        st.checkbox(t("hide_names"), key="w_hide", on_change=_remember, args=("flt_hide", "w_hide"))
    return Filters(
        year=year,
        group=None if group == ALL else group,
        as_of=as_of,
        lang=st.session_state["flt_lang"],
        meeting=st.session_state["flt_meeting"],
        hide_names=st.session_state["flt_hide"],
    )


@dataclass
class PageContext:
    source: Source
    result: ReadResult  # already restricted to the user's groups
    filters: Filters
    user: User

    def report(self, group: str | bool | None = True) -> Report:
        """The year's report for the chosen group (``group=None`` for every group)."""
        chosen = self.filters.group if group is True else (group or None)
        f = self.filters
        return report_cached(
            self.source.sha256, self.user.groups, f.year, f.as_of, chosen, self.result
        )
