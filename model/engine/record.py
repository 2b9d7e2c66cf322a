"""学习档案: one member's year as it goes into the personnel file — every session in post with the
role and the credits it earned, the talks given with their outreach and article, the exam, and the
status the report assigns. Codes and numbers only; ``model.outputs.record_sheet`` writes it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandas as pd

from model.engine.credits import credited
from model.engine.report import Report

# Credits that belong to the session itself, and those that follow a talk (after the session).
SESSION_SOURCES = ("attendance", "oral_comments", "written_comments", "talks", "hosting")
TALK_SOURCES = ("outreach", "articles")


@dataclass(frozen=True)
class StudyRecord:
    key: str
    name: str
    group: str
    member_id: str | None
    position: str | None
    year: int
    as_of: dt.date
    # One row per held session of the year in post, by date: session, date, topic,
    # role (speaker/host/listener), attendance (出席/请假/缺席, None when no row), comment, credits.
    sessions: pd.DataFrame
    # One row per talk given: session, date, topic, outreach (counted), outreach_credits,
    # article (title or None), article_credits.
    talks: pd.DataFrame
    score: float | None
    makeup: float | None
    credits: float
    line: float
    status: str
    reasons: list[dict[str, Any]]
    consequence: str | None


def study_record(report: Report, key: str) -> StudyRecord:
    """The record of the member with ``key`` in ``report``'s year (KeyError if not in it)."""
    member = report.members.loc[key]
    timeline, year = report.timeline, report.year
    details = timeline.members.loc[key]
    earned = _earned_per_session(report, key)
    rows = timeline.attendance
    rows = rows[(rows["member"] == key) & (rows["year"] == year) & rows["expected"]]
    sessions = timeline.sessions
    table = pd.DataFrame(
        {
            "session": rows["session"].to_numpy(),
            "date": rows["held_date"].dt.date.to_numpy(),
            "topic": rows["session"].map(sessions["topic"]).to_numpy(),
            "role": _roles(rows),
            "attendance": rows["attendance"].where(~rows["missing_row"]).to_numpy(),
            "comment": rows["comment"].where(~rows["is_speaker"]).to_numpy(),
        }
    )
    table["credits"] = [
        sum(earned.get((session, source), 0.0) for source in SESSION_SOURCES)
        for session in table["session"]
    ]
    table = table.sort_values(["date", "session"], kind="stable").reset_index(drop=True)
    given = sessions[sessions["held"] & (sessions["year"] == year) & (sessions["speaker"] == key)]
    talks = pd.DataFrame(
        {
            "session": given.index.to_numpy(),
            "date": given["held_date"].dt.date.to_numpy(),
            "topic": given["topic"].to_numpy(),
            "outreach": given["outreach_count"].fillna(0).astype(int).to_numpy(),
            "article": given["article"].where(given["article_done"]).to_numpy(),
        }
    )
    for source in TALK_SOURCES:
        talks[f"{source}_credits"] = [earned.get((s, source), 0.0) for s in talks["session"]]
    talks = talks.sort_values("date", kind="stable").reset_index(drop=True)
    return StudyRecord(
        key=key,
        name=str(member["name"]),
        group=str(member["group"]),
        member_id=_text(member["member_id"]),
        position=_text(details.get("position")),
        year=year,
        as_of=report.as_of,
        sessions=table,
        talks=talks,
        score=_number(member["score"]),
        makeup=_number(member["makeup"]),
        credits=_number(member["credits"]) or 0.0,
        line=_number(member["line"]) or 0.0,
        status=str(member["status"]),
        reasons=list(member["reasons"]),
        consequence=_text(member["consequence"]),
    )


def group_records(report: Report, group: str) -> list[StudyRecord]:
    """Every member of ``group`` in the report's year, in the members sheet's order."""
    keys = report.members.index[report.members["group"] == group]
    return [study_record(report, key) for key in keys]


def find_member(report: Report, who: str, group: str | None) -> list[str]:
    """Keys of the members named ``who`` (姓名 within ``group``, or 编号)."""
    members = report.members
    by_id = members.index[members["member_id"] == who]
    if len(by_id):
        return list(by_id)
    named = members["name"] == who
    if group is not None:
        named &= members["group"] == group
    return list(members.index[named])


def _earned_per_session(report: Report, key: str) -> dict[tuple[str, str], float]:
    earned: dict[tuple[str, str], float] = {}
    for source, members, _, credit, sessions in credited(report.timeline, report.year):
        for session in sessions[members == key]:
            earned[(session, source)] = earned.get((session, source), 0.0) + float(credit)
    return earned


def _roles(rows: pd.DataFrame) -> list[str]:
    # A speaker who also hosts (SPEAKER_IS_HOST) earns both credits, so the record says both.
    roles = {(True, True): "speaker_host", (True, False): "speaker", (False, True): "host"}
    return [
        roles.get((bool(speaker), bool(host)), "listener")
        for speaker, host in zip(rows["is_speaker"], rows["is_host"], strict=True)
    ]


def _text(value: Any) -> str | None:
    return None if value is None or pd.isna(value) else str(value)


def _number(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else float(value)
