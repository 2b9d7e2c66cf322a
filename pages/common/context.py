"""What every page shares: the workbook shown (the latest version, or the sample), the caches
of its parse and reports, and the PageContext a page draws from."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import streamlit as st

from model.dev.sample import SAMPLE_PATH
from model.engine.report import Report, build_report, group_report, years_of
from model.engine.scope import restrict
from model.engine.shifts import Shifts, measure_shifts
from model.engine.timeline import Timeline, build_timeline
from model.engine.todo import DEFAULT_DAYS, Todo, group_todo, todo_items
from model.store.auth import User
from model.store.versions import Store, default_data_dir
from model.texts.domain import Lang
from model.workbook.reader import ReadResult, read_workbook
from pages.common.labels import label
from pages.common.state_keys import FLT_LANG

if TYPE_CHECKING:
    import pandas as pd

    from pages.common.filters import Filters


@dataclass(frozen=True)
class Source:
    label: str
    sha256: str
    data: bytes
    is_sample: bool
    version: int | None = None


def lang() -> Lang:
    return st.session_state.get(FLT_LANG, "zh")


def t(key: str, **values: object) -> str:
    """The UI text for ``key`` in the language chosen in the sidebar."""
    return label(key, lang(), **values)


def labelled(name: str, text: object) -> str:
    """ "原因：…" / "Reasons: …": a label and its text, with the language's colon."""
    return label("labelled", lang(), name=name, text=text)


def listed(items: Iterable[object]) -> str:
    """Items joined the way the chosen language writes a list (、 or , )."""
    return label("list_separator", lang()).join(str(item) for item in items)


def bracketed(name: object, text: object) -> str:
    """ "江辉（城关镇党委）" / "江辉 (城关镇党委)": a name and its note in the language's brackets."""
    return label("bracketed", lang(), name=name, text=text)


def clauses(items: Iterable[object]) -> str:
    """Clauses joined the way the chosen language writes them (， or , )."""
    return label("clause_separator", lang()).join(str(item) for item in items)


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
            "source_version",
            lang(),
            version=latest.version,
            time=dt.datetime.fromisoformat(latest.published_at),
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
    """Codes and numbers only: switching the language re-renders, it never recomputes. A group's
    report is cut from the whole's (built once per version, year and date)."""
    assert _result.workbook is not None
    if group is not None:
        return group_report(report_cached(sha256, groups, year, as_of, None, _result), group)
    timeline = timeline_cached(sha256, groups, as_of, _result)
    return build_report(_result.workbook, year, as_of, timeline=timeline)


@st.cache_resource(max_entries=16, show_spinner=False)
def shifts_cached(
    sha256: str, groups: tuple[str, ...] | None, year: int, as_of: dt.date, _result: ReadResult
) -> Shifts:
    assert _result.workbook is not None
    return measure_shifts(
        _result.workbook,
        year,
        as_of,
        years_of(_result.workbook),
        timeline_at=lambda day: timeline_cached(sha256, groups, day, _result),
    )


@st.cache_resource(max_entries=16, show_spinner=False)
def todo_cached(
    sha256: str,
    groups: tuple[str, ...] | None,
    as_of: dt.date,
    days: int,
    _timeline: Timeline,
    _exams: pd.DataFrame,
) -> Todo:
    """Every group's to-do at the date, once per version: a group change only filters it."""
    return todo_items(_timeline, _exams, days)


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

    def todo(self, days: int = DEFAULT_DAYS) -> Todo:
        """The to-do at the sidebar's date for the chosen group, due within ``days`` days."""
        f, workbook = self.filters, self.result.workbook
        assert workbook is not None
        timeline = self.report().timeline  # cached with the report: no second timeline
        whole = todo_cached(
            self.source.sha256, self.user.groups, f.as_of, days, timeline, workbook.exams
        )
        return group_todo(whole, f.group)

    def shifts(self) -> Shifts:
        """The four shifts of the chosen year against the one before, for every group."""
        f = self.filters
        return shifts_cached(self.source.sha256, self.user.groups, f.year, f.as_of, self.result)
