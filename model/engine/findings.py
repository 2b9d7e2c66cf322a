"""Findings (DOMAIN.md §4): the 1+X rules broken by valid data, one function per code.

Each rule reads the timeline of one year and returns a frame of findings with the columns of
``FINDING_COLUMNS``; ``details`` feeds the texts of ``model.texts.domain``.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from model.engine.timeline import Timeline, in_the_year, year_members
from model.workbook.values import COMMENT_NONE

FINDING_COLUMNS = ["code", "group", "session", "member", "year", "details"]
# The details that hold people's shown names (a name or a list of names): a page that hides
# names replaces exactly these.
PERSON_DETAILS = ("speaker", "name", "names")


def _frame(code: str, rows: pd.DataFrame, year: int, details: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "code": code,
            "group": rows["group"].to_numpy() if len(rows) else [],
            "session": rows["session"].to_numpy() if "session" in rows else pd.NA,
            "member": rows["member"].to_numpy() if "member" in rows else pd.NA,
            "year": year,
            "details": details,
        },
        columns=FINDING_COLUMNS,
    )


def _held(timeline: Timeline, year: int) -> pd.DataFrame:
    sessions = timeline.sessions
    return sessions[sessions["held"] & (sessions["year"] == year)].reset_index()


def _names(timeline: Timeline, keys: pd.Series) -> pd.Series:
    # The shown name: a name two members of a group share carries the 编号 (DOMAIN.md §3).
    return keys.map(timeline.members["display"]).fillna(keys)


def speaker_is_host(timeline: Timeline, year: int) -> pd.DataFrame:
    sessions = timeline.sessions
    mask = (
        (sessions["year"] == year)
        & ~sessions["cancelled"]
        & (sessions["speaker"] == sessions["host"])
    )
    rows = sessions[mask.fillna(False)].reset_index()
    names = _names(timeline, rows["speaker"])
    return _frame("SPEAKER_IS_HOST", rows, year, [{"speaker": n} for n in names])


def draft_late(timeline: Timeline, year: int) -> pd.DataFrame:
    held = _held(timeline, year)
    required = timeline.params.draft_lead_days
    lead = (held["held_date"] - held["draft_sent"]).dt.days
    rows = held[held["draft_sent"].notna() & (lead < required)]
    return _frame(
        "DRAFT_LATE", rows, year, [{"lead": int(d), "required": required} for d in lead[rows.index]]
    )


def draft_missing(timeline: Timeline, year: int) -> pd.DataFrame:
    held = _held(timeline, year)
    rows = held[held["draft_sent"].isna()]
    return _frame("DRAFT_MISSING", rows, year, [{}] * len(rows))


def duration_off(timeline: Timeline, year: int) -> pd.DataFrame:
    held = _held(timeline, year)
    low, high = timeline.params.min_minutes, timeline.params.max_minutes
    minutes = held["minutes"]
    rows = held[minutes.notna() & ((minutes < low) | (minutes > high)).fillna(False)]
    details = [{"minutes": f"{m:g}", "low": low, "high": high} for m in rows["minutes"]]
    return _frame("DURATION_OFF", rows, year, details)


def _expected(timeline: Timeline, year: int) -> pd.DataFrame:
    attendance = timeline.attendance
    mask = attendance["expected"].to_numpy() & in_the_year(attendance, year)
    return attendance.loc[mask, ["session", "group", "member", "attended", "absent"]]


def not_all_attended(timeline: Timeline, year: int) -> pd.DataFrame:
    expected = _expected(timeline, year)
    missing = expected[~expected["attended"]].assign(name=lambda f: _names(timeline, f["member"]))
    if missing.empty:
        return _frame("NOT_ALL_ATTENDED", missing, year, [])
    # One run of rows per session, in first-seen order; names sliced from one array (a Python
    # aggregation per session took seconds on a province).
    order = pd.Index(missing["session"].unique())
    missing = missing.iloc[np.argsort(order.get_indexer(missing["session"]), kind="stable")]
    starts = np.flatnonzero(
        np.r_[True, missing["session"].to_numpy()[1:] != missing["session"].to_numpy()[:-1]]
    )
    names = missing["name"].to_numpy(dtype=object)
    counts = np.diff(np.r_[starts, len(missing)])
    rows = missing.iloc[starts][["session", "group"]].reset_index(drop=True)
    details = [
        {"names": tuple(names[start : start + count]), "count": int(count)}
        for start, count in zip(starts.tolist(), counts.tolist(), strict=True)
    ]
    return _frame("NOT_ALL_ATTENDED", rows, year, details)


def absent_unexcused(timeline: Timeline, year: int) -> pd.DataFrame:
    expected = _expected(timeline, year)
    rows = expected[expected["absent"]]
    return _frame(
        "ABSENT_UNEXCUSED", rows, year, [{"name": n} for n in _names(timeline, rows["member"])]
    )


def comment_missing(timeline: Timeline, year: int) -> pd.DataFrame:
    attendance = timeline.attendance
    mask = (
        in_the_year(attendance, year)
        & attendance["attended"].to_numpy()
        & ~attendance["is_speaker"].to_numpy()
        & (attendance["comment"].to_numpy() == COMMENT_NONE)
    )
    rows = attendance.loc[mask, ["session", "group", "member"]]
    return _frame(
        "COMMENT_MISSING", rows, year, [{"name": n} for n in _names(timeline, rows["member"])]
    )


def no_revision(timeline: Timeline, year: int) -> pd.DataFrame:
    held = _held(timeline, year)
    unrevised = held["final_date"].isna() | (held["final_date"] < held["held_date"])
    rows = held[unrevised]
    return _frame("NO_REVISION", rows, year, [{}] * len(rows))


def _overdue_followup(
    timeline: Timeline, year: int, code: str, limit: int, done: pd.Series
) -> pd.DataFrame:
    held = _held(timeline, year)
    days = (timeline.as_of - held["held_date"]).dt.days
    rows = held[(days > limit) & ~done.reindex(held["session"]).to_numpy()]
    return _frame(code, rows, year, [{"days": int(d), "limit": limit} for d in days[rows.index]])


def no_outreach(timeline: Timeline, year: int) -> pd.DataFrame:
    done = timeline.sessions["outreach_count"] > 0
    return _overdue_followup(
        timeline, year, "NO_OUTREACH", timeline.params.outreach_deadline_days, done
    )


def no_article(timeline: Timeline, year: int) -> pd.DataFrame:
    done = timeline.sessions["article_done"]
    return _overdue_followup(
        timeline, year, "NO_ARTICLE", timeline.params.article_deadline_days, done
    )


def outreach_off_point(timeline: Timeline, year: int) -> pd.DataFrame:
    held = _held(timeline, year)
    rows = held[held["off_point_places"].notna()]
    return _frame(
        "OUTREACH_OFF_POINT", rows, year, [{"places": p} for p in rows["off_point_places"]]
    )


def session_overdue(timeline: Timeline, year: int) -> pd.DataFrame:
    sessions = timeline.sessions
    rows = sessions[sessions["overdue"] & (sessions["year"] == year)].reset_index()
    days = (timeline.as_of - rows["planned_date"]).dt.days
    details = [
        {"planned": p.strftime("%Y-%m-%d"), "days": int(d)}
        for p, d in zip(rows["planned_date"], days, strict=True)
    ]
    return _frame("SESSION_OVERDUE", rows, year, details)


def _year_members(timeline: Timeline, year: int) -> pd.DataFrame:
    return year_members(timeline.members, year)


def too_few_sessions(timeline: Timeline, year: int) -> pd.DataFrame:
    sessions = timeline.sessions
    planned = sessions[(sessions["year"] == year) & ~sessions["cancelled"]]
    groups = pd.Index(_year_members(timeline, year)["group"].unique())
    counts = planned.groupby("group").size().reindex(groups, fill_value=0)
    minimum = timeline.params.min_sessions
    short = counts[counts < minimum]
    rows = pd.DataFrame({"group": short.index})
    details = [{"year": year, "count": int(c), "minimum": minimum} for c in short]
    return _frame("TOO_FEW_SESSIONS", rows, year, details)


def _heads(timeline: Timeline, year: int) -> pd.DataFrame:
    members = _year_members(timeline, year)
    return members[members["is_head"]]


def head_no_talk(timeline: Timeline, year: int) -> pd.DataFrame:
    sessions = timeline.sessions
    talks = sessions[(sessions["year"] == year) & ~sessions["cancelled"]]
    heads = _heads(timeline, year)
    rows = heads[~heads["key"].isin(talks["speaker"])].rename(columns={"key": "member"})
    return _frame("HEAD_NO_TALK", rows, year, [{"name": n, "year": year} for n in rows["display"]])


def no_head(timeline: Timeline, year: int) -> pd.DataFrame:
    groups = pd.Index(_year_members(timeline, year)["group"].unique())
    headless = groups.difference(pd.Index(_heads(timeline, year)["group"].unique()))
    rows = pd.DataFrame({"group": headless})
    return _frame("NO_HEAD", rows, year, [{}] * len(rows))


def many_heads(timeline: Timeline, year: int) -> pd.DataFrame:
    heads = _heads(timeline, year)
    heads = heads[heads["group"].duplicated(keep=False)]  # only groups with several
    grouped = heads.groupby("group").agg(count=("key", "size"), names=("display", tuple))
    rows = grouped[grouped["count"] > 1].reset_index()
    details = [{"count": c, "names": n} for c, n in zip(rows["count"], rows["names"], strict=True)]
    return _frame("MANY_HEADS", rows, year, details)


def never_speaker(timeline: Timeline, year: int) -> pd.DataFrame:
    sessions = timeline.sessions
    talks = sessions[(sessions["year"] == year) & ~sessions["cancelled"]]
    members = _year_members(timeline, year)
    rows = members[~members["key"].isin(talks["speaker"])].rename(columns={"key": "member"})
    return _frame("NEVER_SPEAKER", rows, year, [{"name": n, "year": year} for n in rows["display"]])


RULES: dict[str, Callable[[Timeline, int], pd.DataFrame]] = {
    "SPEAKER_IS_HOST": speaker_is_host,
    "DRAFT_LATE": draft_late,
    "DRAFT_MISSING": draft_missing,
    "DURATION_OFF": duration_off,
    "NOT_ALL_ATTENDED": not_all_attended,
    "ABSENT_UNEXCUSED": absent_unexcused,
    "COMMENT_MISSING": comment_missing,
    "NO_REVISION": no_revision,
    "NO_OUTREACH": no_outreach,
    "NO_ARTICLE": no_article,
    "OUTREACH_OFF_POINT": outreach_off_point,
    "SESSION_OVERDUE": session_overdue,
    "TOO_FEW_SESSIONS": too_few_sessions,
    "HEAD_NO_TALK": head_no_talk,
    "NO_HEAD": no_head,
    "MANY_HEADS": many_heads,
    "NEVER_SPEAKER": never_speaker,
}


def find_all(timeline: Timeline, year: int) -> pd.DataFrame:
    """Every finding of the year, in the order of DOMAIN.md §4."""
    frames = [rule(timeline, year) for rule in RULES.values()]
    frames = [f for f in frames if not f.empty]
    if not frames:
        return pd.DataFrame(columns=FINDING_COLUMNS)
    return pd.concat(frames, ignore_index=True)
