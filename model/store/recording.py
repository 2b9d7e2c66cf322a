"""学习记录 (issue #26): one session's talk, attendance and outreach entered in the app and
published as a new version.

Recording is a scoped publish of one session: the session's group's rows of the latest version,
with exactly this session's 讲课记录, 参学记录 and 宣讲记录 rows replaced by the record, are
composed into the county workbook by ``group_rows.compose`` (every other row stays as it was),
checked by the same reader and rules, and published under the store's write lock. Composing
happens against whatever version is latest under the lock, so two clerks recording different
sessions at once both land; a save whose session rows changed since the page was opened is
refused (StaleRecord) until confirmed.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter
from dataclasses import dataclass, field, replace

import pandas as pd

from model.engine.findings import find_all
from model.engine.report import default_year
from model.engine.timeline import build_timeline
from model.outputs.group_file import ledger_file
from model.store.auth import Accounts
from model.store.group_rows import (
    Composition,
    Raws,
    _canonical,
    _sheet,
    compose,
    row_groups,
    session_groups,
    settings_rows,
)
from model.store.scoped import BaseSide
from model.store.versions import Draft, IdenticalToCurrent, Store, Version
from model.store.workbook_diff import WorkbookDiff, diff_workbooks
from model.texts.domain import Lang
from model.texts.recording import record_text
from model.workbook.errors import WorkbookError
from model.workbook.reader import Workbook, raw_sheets, workbook_from_raw
from model.workbook.schema import OUTREACH, PARTICIPATION, SETTINGS, SHEETS, TALKS, Sheet
from model.workbook.values import (
    ATTENDANCE_ABSENT,
    ATTENDANCE_LEAVE,
    ATTENDANCE_PRESENT,
    COMMENT_NONE,
    COMMENT_ORAL,
    COMMENT_WRITTEN,
    STATUS_CANCELLED,
    YES_WORD,
    session_ids,
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


# Opening ------------------------------------------------------------------------------------


def _date(value: object) -> dt.date | None:
    if value is None or pd.isna(value):  # type: ignore[call-overload]
        return None
    return pd.Timestamp(value).date()  # type: ignore[arg-type]


def _text(value: object) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):  # type: ignore[call-overload]
        return None
    return str(value)


def in_post(members: pd.DataFrame, group: str, day: dt.date) -> pd.DataFrame:
    """The group's members in post on ``day`` (入组日期 ≤ day ≤ 离组日期, blanks open)."""
    stamp = pd.Timestamp(day)
    mine = members[members["group"] == group]
    joined = mine["joined"].isna() | (mine["joined"] <= stamp)
    left = mine["left"].isna() | (mine["left"] >= stamp)
    return mine[(joined & left).to_numpy()]


def default_session(
    workbook: Workbook, group: str, today: dt.date, groups: tuple[str, ...] | None = None
) -> str | None:
    """The nearest held-or-due session of the group: the latest held or planned on or before
    ``today`` (cancelled ones aside); with none, the first one planned after it."""
    plan = workbook.plan[workbook.plan["group"] == group]
    plan = plan[plan["status"] != STATUS_CANCELLED] if "status" in plan else plan
    if plan.empty:
        return None
    held = dict(zip(workbook.talks["session"], workbook.talks["held_date"], strict=True))
    stamp = pd.Timestamp(today)
    dates = [held.get(s, p) for s, p in zip(plan["session"], plan["planned_date"], strict=True)]
    frame = pd.DataFrame({"session": plan["session"].to_numpy(), "date": dates})
    past = frame[frame["date"] <= stamp]
    if not past.empty:
        return str(past.sort_values("date", kind="stable").iloc[-1]["session"])
    return str(frame.sort_values("date", kind="stable").iloc[0]["session"])


def open_session(
    workbook: Workbook, raws: Raws, session: str, version: int | None = None
) -> Opened:
    """The session's facts and current record; KeyError if the plan has no such session."""
    plan = workbook.plan[workbook.plan["session"] == session]
    if plan.empty:
        raise KeyError(session)
    row = plan.iloc[0]
    group = str(row["group"])
    planned = _date(row["planned_date"])
    assert planned is not None  # required by the reader
    speaker, host = _text(row["speaker"]), _text(row["host"])
    talks = workbook.talks[workbook.talks["session"] == session]
    talk = talks.iloc[0] if not talks.empty else None
    held_date = _date(talk["held_date"]) if talk is not None else None
    day = held_date or planned
    members = in_post(workbook.members, group, day)
    roster = [
        RosterRow(
            str(m["key"]),
            str(m["display"]),
            _text(m["position"]),
            SPEAKER if m["key"] == speaker else HOST if m["key"] == host else None,
        )
        for _, m in members.iterrows()
    ]
    existing = workbook.participation[workbook.participation["session"] == session]
    by_member = {str(p["member"]): p for _, p in existing.iterrows()}
    marks = tuple(
        Mark(
            r.key,
            _text(by_member[r.key]["attendance"]) if r.key in by_member else None,
            _text(by_member[r.key]["comment"]) if r.key in by_member else None,
            _text(by_member[r.key]["note"]) if r.key in by_member else None,
        )
        for r in roster
        if r.role != SPEAKER
    )
    # Rows the form does not show are kept as they are: the speaker's own row, if the clerk
    # typed one, and those of members no longer in post on the date.
    listed = {m.member for m in marks}
    marks += tuple(
        Mark(
            key,
            _text(row["attendance"]),
            _text(row["comment"]),
            _text(row["note"]),
        )
        for key, row in by_member.items()
        if key not in listed
    )
    outreach = workbook.outreach[workbook.outreach["session"] == session]
    points: tuple[str, ...] = ()
    if speaker is not None:
        found = workbook.members[workbook.members["key"] == speaker]
        if not found.empty:
            points = tuple(found.iloc[0]["points"] or ())
    minutes = talk["minutes"] if talk is not None else None
    record = SessionRecord(
        session,
        held_date or planned,
        None if minutes is None or pd.isna(minutes) else float(minutes),
        bool(talk["off_script"]) if talk is not None else False,
        _date(talk["draft_sent"]) if talk is not None else None,
        _date(talk["final_date"]) if talk is not None else None,
        _text(talk["article"]) if talk is not None else None,
        _date(talk["article_date"]) if talk is not None else None,
        marks,
        tuple(
            OutreachRow(
                _date(o["date"]),
                _text(o["place"]),
                None if pd.isna(o["audience"]) else int(o["audience"]),
            )
            for _, o in outreach.iterrows()
        ),
    )
    return Opened(
        session,
        group,
        str(row["topic"]),
        planned,
        speaker,
        host,
        points,
        roster,
        record,
        talk is not None,
        session_rows(raws, session),
        version,
    )


def session_rows(raws: Raws, session: str) -> dict[str, list[tuple]]:
    """This session's rows of 讲课记录, 参学记录 and 宣讲记录, as the values written."""
    found: dict[str, list[tuple]] = {}
    for spec in RECORD_SPECS:
        raw = raws.get(spec.key)
        if raw is None or raw.data.empty:
            found[spec.key] = []
            continue
        ids = session_ids(raw.data["session"])
        found[spec.key] = _canonical(spec, raw.data[(ids == session).to_numpy()])
    return found


def changed_rows(before: dict[str, list[tuple]], now: dict[str, list[tuple]]) -> list[str]:
    """What changed in a session's rows, per sheet: for the stale save's question."""
    lines = []
    for spec in RECORD_SPECS:
        old, new = Counter(before.get(spec.key, [])), Counter(now.get(spec.key, []))
        added, removed = sum((new - old).values()), sum((old - new).values())
        if added:
            lines.append(record_text("rows_added", sheet=spec.zh, count=added))
        if removed:
            lines.append(record_text("rows_removed", sheet=spec.zh, count=removed))
    return lines


# Composing ----------------------------------------------------------------------------------


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _number(value: float | int | None) -> str | None:
    if value is None:
        return None
    number = float(value)
    return str(int(number)) if number.is_integer() else str(number)


def _person_cells(members: pd.DataFrame, group: str) -> dict[str, str]:
    """member key → what its 姓名 cell holds: the 姓名, or the 编号 where two share a 姓名."""
    mine = members[members["group"] == group]
    counts = Counter(mine["name"])
    return {
        str(m["key"]): str(m["member_id"])
        if counts[m["name"]] > 1 and m["member_id"]
        else m["name"]
        for _, m in mine.iterrows()
    }


def record_frames(record: SessionRecord, people: dict[str, str]) -> dict[str, pd.DataFrame]:
    """The record as raw text rows of the three sheets: a mark without 出勤 writes no row (the
    speaker attends without one)."""
    talk = {
        "session": record.session,
        "held_date": _iso(record.held_date),
        "draft_sent": _iso(record.draft_sent),
        "minutes": _number(record.minutes),
        "off_script": YES_WORD if record.off_script else None,
        "final_date": _iso(record.final_date),
        "article": (record.article or "").strip() or None,
        "article_date": _iso(record.article_date),
    }
    marks = [
        {
            "session": record.session,
            "name": people.get(mark.member, mark.member),
            "attendance": mark.attendance,
            "comment": mark.comment,
            "note": (mark.note or "").strip() or None,
        }
        for mark in record.marks
        if mark.attendance
    ]
    outreach = [
        {
            "session": record.session,
            "date": _iso(row.date),
            "place": (row.place or "").strip() or None,
            "audience": _number(row.audience),
        }
        for row in record.outreach
        if row.date is not None or (row.place or "").strip() or row.audience is not None
    ]
    return {
        TALKS.key: _frame(TALKS, [talk]),
        PARTICIPATION.key: _frame(PARTICIPATION, marks),
        OUTREACH.key: _frame(OUTREACH, outreach),
    }


def _frame(spec: Sheet, rows: list[dict[str, str | None]]) -> pd.DataFrame:
    keys = [c.key for c in spec.columns]
    return pd.DataFrame(rows, columns=keys).astype("string")


def _upload(
    base: Raws, group: str, session: str, frames: dict[str, pd.DataFrame]
) -> tuple[Raws, dict[str, list[int]]]:
    """The group's rows of ``base`` with this session's rows replaced by ``frames`` (placed
    where the session's rows were), and, per sheet, the positions of the new rows among the
    group's rows (0-based): the Excel row of the check's workbook is position + 2."""
    sessions = session_groups(base)
    upload: Raws = {}
    positions: dict[str, list[int]] = {}
    for spec in SHEETS:
        if spec.key == SETTINGS.key:
            continue
        raw = base.get(spec.key)
        if raw is None:
            raw, _ = _sheet(spec, pd.DataFrame(), pd.DataFrame())
        data = raw.data
        mine = data[row_groups(raw, sessions).eq(group).fillna(False).to_numpy()]
        if spec.key in frames:
            new = frames[spec.key]
            own = session_ids(mine["session"]).eq(session).fillna(False).to_numpy(dtype=bool)
            at = int(own.argmax()) if own.any() else len(mine)
            rest = mine[~own]
            head, tail = rest.iloc[:at], rest.iloc[at:]
            parts = [p.reindex(columns=new.columns) for p in (head, new, tail) if not p.empty]
            mine = pd.concat(parts) if parts else new
            positions[spec.key] = list(range(len(head), len(head) + len(new)))
        mine = mine.reset_index(drop=True)
        mine.index = pd.RangeIndex(2, len(mine) + 2)
        upload[spec.key] = replace(raw, data=mine)
    return upload, positions


def check_record(record: SessionRecord, workbook: Workbook) -> list[FieldError]:
    """What is refused before composing: an unknown or cancelled session, no 举行日期, marks of
    people who are not members of the group."""
    plan = workbook.plan[workbook.plan["session"] == record.session]
    if plan.empty:
        return [_field("session", "RECORD_UNKNOWN_SESSION", session=record.session)]
    row = plan.iloc[0]
    errors = []
    if "status" in plan and row["status"] == STATUS_CANCELLED:
        errors.append(_field("session", "RECORD_CANCELLED", session=record.session))
    if record.held_date is None:
        errors.append(_field("held_date", "RECORD_HELD_MISSING"))
    keys = set(workbook.members.loc[workbook.members["group"] == row["group"], "key"])
    for mark in record.marks:
        if mark.member not in keys:
            errors.append(
                _field(
                    "attendance",
                    "RECORD_UNKNOWN_MEMBER",
                    member=mark.member,
                    group=row["group"],
                    name=mark.member,
                )
            )
    return errors


def _field(field_name: str, code: str, member: str | None = None, **values: object) -> FieldError:
    return FieldError(field_name, record_text(code, "zh", **values), member=member)


def allowed(group: str, groups: tuple[str, ...] | None) -> bool:
    return groups is None or group in groups


def compose_record(
    raws: Raws,
    workbook: Workbook,
    record: SessionRecord,
    base: Version | None = None,
    before: Workbook | None = None,
) -> RecordOutcome:
    """The pure step: the county's raw sheets and typed workbook (of the same version) and a
    record → the composed workbook, checked (errors beside their fields)."""
    errors = check_record(record, workbook)
    group_of = session_groups(raws)
    group = group_of.get(record.session, "")
    if errors:
        return RecordOutcome(base, group, errors)
    frames = record_frames(record, _person_cells(workbook.members, group))
    upload, positions = _upload(raws, group, record.session, frames)
    composition = compose(raws, upload, (group,))
    if composition.errors:  # a 场次 or 编号 of another group: never from a record
        return RecordOutcome(base, group, [_general(e) for e in composition.errors], composition)
    mine, read_errors = workbook_from_raw(composition.mine)
    if read_errors:
        located = [_located(e, positions, frames, record) for e in read_errors]
        return RecordOutcome(base, group, located, composition)
    return RecordOutcome(
        base,
        group,
        [],
        composition,
        mine,
        before,
        row_counts={
            spec.zh: len(composition.raws[spec.key].data)
            for spec in SHEETS
            if spec.key != SETTINGS.key
        },
    )


def _general(error: WorkbookError) -> FieldError:
    return FieldError("session", error.message, error.hint, error=error)


def _located(
    error: WorkbookError,
    positions: dict[str, list[int]],
    frames: dict[str, pd.DataFrame],
    record: SessionRecord,
) -> FieldError:
    """A reader's error on the composed rows, put beside the record's field it is about."""
    spec = next((s for s in RECORD_SPECS if s.zh == error.sheet), None)
    if spec is None or error.row is None:
        return _general(error)
    rows = positions.get(spec.key, [])
    position = error.row - 2
    if position not in rows:
        return _general(error)
    index = rows.index(position)
    column = next((c.key for c in spec.columns if c.zh == error.column), "session")
    if spec.key == TALKS.key:
        return FieldError(column, error.message, error.hint, error=error)
    if spec.key == PARTICIPATION.key:
        members = [m.member for m in record.marks if m.attendance]
        member = members[index] if index < len(members) else None
        return FieldError(column, error.message, error.hint, member=member, error=error)
    return FieldError(f"outreach.{column}", error.message, error.hint, index=index, error=error)


# Publishing ---------------------------------------------------------------------------------


def _findings(workbook: Workbook, year: int) -> Counter[str]:
    findings = find_all(build_timeline(workbook), year)
    return Counter({str(code): int(n) for code, n in findings["code"].value_counts().items()})


def _against(store: Store, base: Version | None, record: SessionRecord) -> RecordOutcome:
    """Compose the record against ``base`` (a published version): its side is cached by the
    scoped publish's cache, so the preview's reading is not done again at saving."""
    if base is None:
        return RecordOutcome(
            None, "", [_field("session", "RECORD_UNKNOWN_SESSION", session=record.session)]
        )
    raws = base_side_raws(store, base)
    group = session_groups(raws).get(record.session)
    if group is None:
        return RecordOutcome(
            base, "", [_field("session", "RECORD_UNKNOWN_SESSION", session=record.session)]
        )
    side = base_side(store, base, group)
    outcome = compose_record(side.raws, side.before, record, base, side.before)
    if outcome.errors or outcome.workbook is None:
        return outcome
    year = default_year(outcome.workbook)
    counts = Counter(base.finding_counts)
    counts.update(_findings(outcome.workbook, year))
    counts.subtract(side.findings_in(year))
    outcome.finding_counts = {code: n for code, n in counts.most_common() if n > 0}
    return outcome


_raws: dict[tuple[str, str], Raws] = {}
_sides: dict[tuple[str, str, str], BaseSide] = {}
_lock = threading.Lock()


def base_side_raws(store: Store, base: Version) -> Raws:
    """The version's raw sheets, kept for the last version read (by the file's hash)."""
    key = (str(store.root), base.sha256)
    with _lock:
        raws = _raws.get(key)
        if raws is None:
            raws = raw_sheets(store.read_bytes(base))[0]
            _raws.clear()
            _raws[key] = raws
        return raws


def base_side(store: Store, base: Version, group: str) -> BaseSide:
    """The version's side of a record of ``group``: its sheets and the group's rows typed,
    with their findings per year (kept for the last few groups, so saving reuses the preview's)."""
    key = (str(store.root), base.sha256, group)
    with _lock:
        side = _sides.get(key)
    if side is None:
        raws = base_side_raws(store, base)
        before = workbook_from_raw(compose(raws, {}, (group,)).before)[0]
        side = BaseSide(raws, before)
        with _lock:
            while len(_sides) >= 8:
                _sides.pop(next(iter(_sides)))
            _sides[key] = side
    return side


def preview_record(store: Store, record: SessionRecord) -> RecordOutcome:
    """The record composed against the current version, for the page's preview."""
    return _against(store, store.current(), record)


def record_session(
    store: Store,
    record: SessionRecord,
    user: str,
    groups: tuple[str, ...] | None = None,
    opened: dict[str, list[tuple]] | None = None,
    confirm_stale: bool = False,
    accounts: Accounts | None = None,
) -> tuple[Version, RecordOutcome]:
    """Compose under the write lock and publish with the comment "学习记录：<场次>".

    Raises NotYourSession (a group clerk's other group), StaleRecord (the session's rows are
    not ``opened`` any more, unless confirmed), RecordRejected (errors: nothing published) and
    IdenticalToCurrent (nothing changed). Every outcome goes to the audit log, if given."""
    outcomes: list[RecordOutcome] = []

    def build(current: Version | None, _history: list[Version]) -> Draft:
        if current is not None:
            raws = base_side_raws(store, current)
            group = session_groups(raws).get(record.session)
            if group is not None and not allowed(group, groups):
                error = _field(
                    "session",
                    "RECORD_NOT_YOURS",
                    session=record.session,
                    group=group,
                    groups=record_text("list_separator").join(groups or ()),
                )
                raise NotYourSession(error)
            if opened is not None and not confirm_stale:
                now = session_rows(raws, record.session)
                if now != opened:
                    raise StaleRecord(record.session, current.version, changed_rows(opened, now))
        outcome = _against(store, current, record)
        outcomes.append(outcome)
        if outcome.errors or outcome.workbook is None:
            raise RecordRejected(outcome)
        if outcome.unchanged:
            assert current is not None
            raise IdenticalToCurrent(current)
        return Draft(
            outcome.data(),
            outcome.row_counts,
            outcome.finding_counts,
            "xlsx",
            scope=(outcome.group,),
        )

    comment = record_text("comment", session=record.session)
    try:
        version = store.commit(build, user=user, original_name=f"{comment}.xlsx", comment=comment)
    except (NotYourSession, StaleRecord, RecordRejected, IdenticalToCurrent) as refused:
        if accounts is not None:
            accounts.log(
                user, "record_session", False, f"{record.session}: {type(refused).__name__}"
            )
        raise
    if accounts is not None:
        accounts.log(user, "record_session", True, f"v{version.version} {record.session}")
    return version, outcomes[-1]
