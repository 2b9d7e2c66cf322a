"""学习记录 (issue #26): what a recorded session is — its marks, outreach rows and record — and the
ways a save is refused (NotYourSession, RecordRejected, StaleRecord), with the outcome of a
check. ``model/store/recording.py`` says how the parts fit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from model.outputs.group_file import ledger_file
from model.store.group_rows import (
    Composition,
    settings_rows,
)
from model.store.versions import Version
from model.store.workbook_diff import WorkbookDiff, diff_workbooks
from model.texts.domain import Lang
from model.texts.recording import record_text
from model.workbook.errors import WorkbookError
from model.workbook.reader import Workbook
from model.workbook.schema import OUTREACH, PARTICIPATION, TALKS, Sheet
from model.workbook.values import (
    ATTENDANCE_ABSENT,
    ATTENDANCE_LEAVE,
    ATTENDANCE_PRESENT,
    COMMENT_NONE,
    COMMENT_ORAL,
    COMMENT_WRITTEN,
)

ATTENDANCE = (ATTENDANCE_PRESENT, ATTENDANCE_LEAVE, ATTENDANCE_ABSENT)
COMMENTS = (COMMENT_ORAL, COMMENT_WRITTEN, COMMENT_NONE)
RECORD_SPECS: tuple[Sheet, ...] = (TALKS, PARTICIPATION, OUTREACH)
SPEAKER, HOST = "speaker", "host"


@dataclass(frozen=True)
class Mark:
    """One member's row of 参学记录: ``member`` is the member's key (编号, else 中心组+姓名)."""

    member: str
    attendance: str | None  # None: no row written (the rules count it as 缺席)
    comment: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class OutreachRow:
    date: dt.date | None
    place: str | None
    audience: int | None = None


@dataclass(frozen=True)
class SessionRecord:
    """What the page (or the command line) records for one session."""

    session: str
    held_date: dt.date | None
    minutes: float | None = None
    off_script: bool = False
    draft_sent: dt.date | None = None
    final_date: dt.date | None = None
    article: str | None = None
    article_date: dt.date | None = None
    marks: tuple[Mark, ...] = ()
    outreach: tuple[OutreachRow, ...] = ()


@dataclass(frozen=True)
class RosterRow:
    key: str
    name: str
    position: str | None
    role: str | None  # SPEAKER, HOST or None


@dataclass
class Opened:
    """A session as the page opens it: the plan's facts, the members in post, the record's
    current values (or the defaults) and the session's rows as they were (for a stale save)."""

    session: str
    group: str
    topic: str
    planned_date: dt.date
    speaker: str | None
    host: str | None
    speaker_points: tuple[str, ...]
    roster: list[RosterRow]
    record: SessionRecord
    held: bool  # the session has a 讲课记录 row
    rows: dict[str, list[tuple]]  # sheet key → the session's rows, canonical
    version: int | None


@dataclass(frozen=True)
class FieldError:
    """An error beside its field: ``field`` a column key of 讲课记录 (held_date, minutes …),
    ``attendance``/``comment``/``note`` with the ``member`` key, ``outreach.<column>`` with
    the ``index`` of the 宣讲记录 row, or ``session`` for the record as a whole."""

    field: str
    message: str
    hint: str = ""
    member: str | None = None
    index: int | None = None
    error: WorkbookError | None = None

    def text(self, lang: str = "zh") -> str:
        if self.error is not None:
            message, hint = self.error.text(lang)
            return f"{message} {hint}".strip()
        return f"{self.message} {self.hint}".strip()


class NotYourSession(PermissionError):
    def __init__(self, error: FieldError) -> None:
        super().__init__(error.message)
        self.error = error


class RecordRejected(Exception):
    """The record or the composed workbook has errors: nothing published."""

    def __init__(self, outcome: RecordOutcome) -> None:
        super().__init__(f"{len(outcome.errors)} error(s)")
        self.outcome = outcome


class StaleRecord(Exception):
    """The session's rows changed since the page was opened."""

    def __init__(self, session: str, current: int | None, changes: list[str]) -> None:
        super().__init__(f"{session} changed since opened (now v{current})")
        self.session, self.current, self.changes = session, current, changes

    def text(self, lang: str = "zh") -> str:
        language: Lang = "en" if lang == "en" else "zh"
        return record_text(
            "RECORD_STALE",
            language,
            session=self.session,
            current=self.current,
            changes=record_text("separator", language).join(self.changes),
        )


@dataclass
class RecordOutcome:
    """A record composed against one version and checked: what the preview shows and what is
    written."""

    base: Version | None
    group: str
    errors: list[FieldError]
    composition: Composition | None = None
    workbook: Workbook | None = None  # the group's rows with the record, typed
    before: Workbook | None = None  # the group's rows in ``base``, typed
    finding_counts: dict[str, int] = field(default_factory=dict)
    row_counts: dict[str, int] = field(default_factory=dict)
    _diff: WorkbookDiff | None = field(default=None, repr=False)

    @property
    def unchanged(self) -> bool:
        return self.composition is not None and self.composition.unchanged

    def workbook_diff(self) -> WorkbookDiff | None:
        if self.workbook is None:
            return None
        if self._diff is None:
            self._diff = diff_workbooks(self.before, self.workbook)
        return self._diff

    def data(self) -> bytes:
        assert self.composition is not None
        raws = self.composition.raws
        return ledger_file({key: raw.data for key, raw in raws.items()}, settings_rows(raws))
