"""学习记录: composing a record into the county workbook — the session's rows as cells, the
record's own checks, and errors placed at the record's fields."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace

import pandas as pd

from model.store.group_rows import (
    Raws,
    _sheet,
    compose,
    row_groups,
    session_groups,
)
from model.store.record_types import (
    RECORD_SPECS,
    FieldError,
    RecordOutcome,
    SessionRecord,
)
from model.store.versions import Version
from model.texts.recording import record_text
from model.workbook.errors import WorkbookError
from model.workbook.reader import Workbook, workbook_from_raw
from model.workbook.schema import OUTREACH, PARTICIPATION, SETTINGS, SHEETS, TALKS, Sheet
from model.workbook.values import (
    STATUS_CANCELLED,
    YES_WORD,
    session_ids,
)


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
