"""学习记录: opening a session — its roster (members in post, 主讲 and 主持 marked), the record
as the workbook holds it, and the rows a stale save is compared with."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pandas as pd

from model.store.group_rows import (
    Raws,
    _canonical,
)
from model.store.record_types import (
    HOST,
    RECORD_SPECS,
    SPEAKER,
    Mark,
    Opened,
    OutreachRow,
    RosterRow,
    SessionRecord,
)
from model.texts.recording import record_text
from model.workbook.reader import Workbook
from model.workbook.values import (
    STATUS_CANCELLED,
    session_ids,
)


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
