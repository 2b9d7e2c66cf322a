"""Sessions and attendance as of a date (DOMAIN.md §6): the frames every rule reads.

Computed once per (workbook, as-of); findings, credits, risk and progress only read them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import chain
from typing import Any

import numpy as np
import pandas as pd

from model.engine.codes import positions
from model.workbook.params import Params
from model.workbook.reader import Workbook
from model.workbook.values import (
    ATTENDANCE_ABSENT,
    ATTENDANCE_LEAVE,
    ATTENDANCE_PRESENT,
    COMMENT_NONE,
    COMMENT_ORAL,
    COMMENT_WRITTEN,
    STATUS_CANCELLED,
    STATUS_POSTPONED,
)


def timestamp(day: dt.date) -> pd.Timestamp:
    return pd.Timestamp(day)


def year_end(year: int) -> pd.Timestamp:
    return pd.Timestamp(year, 12, 31)


ATTENDANCE_COLUMNS = [
    "session",
    "member",
    "expected",
    "attendance",
    "comment",
    "group",
    "held_date",
    "year",
    "is_speaker",
    "is_host",
    "missing_row",
    "attended",
    "absent",
    "on_leave",
    "member_code",  # the member's position in Timeline.members: what the rules count by
]


_ATTENDANCE = [ATTENDANCE_PRESENT, ATTENDANCE_LEAVE, ATTENDANCE_ABSENT]
_COMMENTS = [COMMENT_ORAL, COMMENT_WRITTEN, COMMENT_NONE]
_BOOL_COLUMNS = {
    "expected",
    "is_speaker",
    "is_host",
    "missing_row",
    "attended",
    "absent",
    "on_leave",
}


def _empty_attendance() -> pd.DataFrame:
    dtypes: dict[str, object] = {
        c: bool if c in _BOOL_COLUMNS else object for c in ATTENDANCE_COLUMNS
    }
    dtypes |= {"held_date": "datetime64[ns]", "year": "Int64", "member_code": np.int64}
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in dtypes.items()})  # type: ignore[call-overload]


def in_post(joined: Any, left: Any, day: Any) -> Any:
    """Whether a member is in post on ``day``: joined on or before it, left on or after it.

    Works on Series and on plain numpy arrays alike (the attendance join uses arrays).
    """
    return (pd.isna(joined) | (joined <= day)) & (pd.isna(left) | (left >= day))


def in_the_year(rows: pd.DataFrame, year: int) -> np.ndarray:
    """Rows (of attendance or sessions) of the year, as a plain mask (a blank year: no)."""
    return (rows["year"] == year).to_numpy(dtype=bool, na_value=False)


def year_members(members: pd.DataFrame, year: int) -> pd.DataFrame:
    """Members in post at some time during the year: joined by its end, left after its start."""
    started = members["joined"].isna() | (members["joined"] <= year_end(year))
    stayed = members["left"].isna() | (members["left"] >= pd.Timestamp(year, 1, 1))
    return members[started & stayed]


@dataclass
class Timeline:
    """Everything known at ``as_of``: sessions with their state, expected attendance, outreach."""

    as_of: pd.Timestamp
    params: Params
    members: pd.DataFrame  # indexed by member key
    sessions: pd.DataFrame  # one row per planned session, indexed by session
    attendance: pd.DataFrame  # one row per (held session, member) expected or recorded
    outreach: pd.DataFrame  # outreach rows of held sessions up to as_of


def build_timeline(workbook: Workbook, as_of: dt.date | None = None) -> Timeline:
    params = workbook.params.with_as_of(as_of)
    today = timestamp(params.as_of_date())
    members = workbook.members.set_index("key", drop=False)
    sessions = _sessions(workbook, today)
    outreach = workbook.outreach.copy()
    outreach = outreach[
        outreach["session"].isin(sessions.index[sessions["held"]]) & (outreach["date"] <= today)
    ]
    _add_outreach(sessions, outreach, members)
    attendance = _attendance(sessions, members, workbook.participation)
    return Timeline(today, params, members, sessions, attendance, outreach)


def _sessions(workbook: Workbook, today: pd.Timestamp) -> pd.DataFrame:
    talks = workbook.talks.drop(columns="row").drop_duplicates("session").set_index("session")
    sessions = workbook.plan.drop(columns="row").drop_duplicates("session").set_index("session")
    sessions = sessions.join(talks, how="left")
    # A talk dated after the as-of date has not happened yet at that date.
    sessions["held"] = sessions["held_date"].notna() & (sessions["held_date"] <= today)
    not_held = ~sessions["held"]
    sessions["cancelled"] = not_held & (sessions["status"] == STATUS_CANCELLED)
    sessions["postponed"] = not_held & (sessions["status"] == STATUS_POSTPONED)
    date = sessions["held_date"].where(sessions["held"], sessions["planned_date"])
    sessions["date"] = date
    sessions["year"] = date.dt.year.astype("Int64")
    open_plan = not_held & ~sessions["cancelled"] & ~sessions["postponed"]
    sessions["overdue"] = open_plan & (sessions["planned_date"] < today)
    year_open = today <= pd.to_datetime(sessions["year"].astype("string") + "-12-31")
    sessions["remaining"] = (
        not_held
        & ~sessions["cancelled"]
        & ((sessions["planned_date"] >= today) | sessions["postponed"])
        & year_open.fillna(False)
    )
    sessions["article_done"] = sessions["held"] & sessions["article"].notna()
    sessions["article_done"] &= sessions["article_date"].isna() | (
        sessions["article_date"] <= today
    )
    return sessions


def _add_outreach(sessions: pd.DataFrame, outreach: pd.DataFrame, members: pd.DataFrame) -> None:
    """Outreach counts, and the places off the speaker's 联系点 (OUTREACH_OFF_POINT applies only
    where the speaker lists some). Matched on integers: (speaker's position, place code)."""
    at = positions(outreach["session"], sessions.index)
    counts = np.bincount(at[at >= 0], minlength=len(sessions))
    sessions["outreach_count"] = pd.Series(counts, index=sessions.index).astype(int)
    points = members["points"].tolist()
    lengths = np.fromiter(map(len, points), dtype=np.int64, count=len(points))
    point_places = pd.Series(list(chain.from_iterable(points)), dtype=object)
    place_codes, places = pd.factorize(pd.concat([point_places, outreach["place"]]))
    width = len(places) + 1
    listed = np.repeat(np.arange(len(points)), lengths) * width + place_codes[: len(point_places)]
    speaker = np.where(at >= 0, positions(sessions["speaker"], members.index)[at], -1)
    place = place_codes[len(point_places) :]
    has_points = (speaker >= 0) & (lengths[speaker] > 0)
    on_point = (place >= 0) & np.isin(speaker * width + place, listed)
    off_rows = outreach[has_points & ~on_point]
    off = off_rows.groupby("session")["place"].agg(tuple)
    sessions["off_point_places"] = off.reindex(sessions.index)


def _attendance(
    sessions: pd.DataFrame, members: pd.DataFrame, participation: pd.DataFrame
) -> pd.DataFrame:
    """Held sessions × members in post that day, joined with what was recorded.

    A missing row counts as 缺席; the speaker attends with or without a row and never comments.
    Joins run on integer codes (session position × member position): on a million rows that
    is several times faster than joining strings.
    """
    held = sessions[sessions["held"]].reset_index()[
        ["session", "group", "held_date", "speaker", "host", "year"]
    ]
    if held.empty:
        return _empty_attendance()
    member_index = pd.Index(members["key"])
    session_index = pd.Index(held["session"])
    width = len(member_index) + 1

    # Expected: every member of the session's group in post on the day.
    group_codes, _ = pd.factorize(pd.concat([held["group"], members["group"]]))
    held_group, member_group = group_codes[: len(held)], group_codes[len(held) :]
    roster = pd.DataFrame({"g": member_group, "m": np.arange(len(member_index))})
    pairs = pd.DataFrame({"g": held_group, "s": np.arange(len(held))}).merge(roster, on="g")
    s_codes, m_codes = pairs["s"].to_numpy(), pairs["m"].to_numpy()
    day = held["held_date"].to_numpy()[s_codes]
    joined = members["joined"].to_numpy()[m_codes]
    left = members["left"].to_numpy()[m_codes]
    on_post = in_post(joined, left, day)
    expected_keys = s_codes[on_post].astype(np.int64) * width + m_codes[on_post]

    # Recorded: the participation rows of held sessions, one per (session, member).
    rec_s = session_index.get_indexer(participation["session"])
    rec_m = member_index.get_indexer(participation["member"])
    usable = (rec_s >= 0) & (rec_m >= 0)
    # Marks as small integer codes (index into _ATTENDANCE / _COMMENTS): no string work per row.
    attendance_codes = pd.Index(_ATTENDANCE).get_indexer(pd.Index(participation["attendance"]))
    comment_codes = pd.Index(_COMMENTS).get_indexer(pd.Index(participation["comment"]))
    recorded = pd.DataFrame(
        {
            "k": rec_s[usable].astype(np.int64) * width + rec_m[usable],
            "a": attendance_codes[usable].astype(np.int8),
            "c": comment_codes[usable].astype(np.int8),
        }
    ).drop_duplicates("k")
    frame = pd.DataFrame({"k": expected_keys, "expected": True}).merge(
        recorded, on="k", how="outer"
    )
    frame["expected"] = frame["expected"].fillna(False).astype(bool)
    keys = frame["k"].to_numpy()
    s_of, m_of = keys // width, keys % width
    # Explicit object dtype: pandas would otherwise copy a million strings into Arrow arrays.
    for column in ("session", "group", "speaker", "host"):
        frame[column] = pd.Series(
            held[column].to_numpy(dtype=object)[s_of], index=frame.index, dtype=object
        )
    frame["held_date"] = held["held_date"].to_numpy()[s_of]
    frame["year"] = held["year"].to_numpy()[s_of]
    frame["member"] = pd.Series(
        member_index.to_numpy(dtype=object)[m_of], index=frame.index, dtype=object
    )
    frame["member_code"] = m_of
    is_speaker = frame["member"].to_numpy() == frame["speaker"].to_numpy()
    frame["is_speaker"] = is_speaker
    frame["is_host"] = frame["member"].to_numpy() == frame["host"].to_numpy()
    recorded_mark = frame["a"].to_numpy()
    frame["missing_row"] = np.isnan(recorded_mark) & ~is_speaker
    absent, present = _ATTENDANCE.index(ATTENDANCE_ABSENT), _ATTENDANCE.index(ATTENDANCE_PRESENT)
    no_comment = _COMMENTS.index(COMMENT_NONE)
    mark = np.where(np.isnan(recorded_mark), absent, recorded_mark).astype(np.int8)
    mark[is_speaker] = present
    said = np.where(np.isnan(frame["c"].to_numpy()), no_comment, frame["c"].to_numpy()).astype(
        np.int8
    )
    said[is_speaker | (said < 0)] = no_comment
    frame["attendance"] = pd.Series(
        np.array(_ATTENDANCE, dtype=object)[mark], index=frame.index, dtype=object
    )
    frame["comment"] = pd.Series(
        np.array(_COMMENTS, dtype=object)[said], index=frame.index, dtype=object
    )
    frame["attended"] = mark == present
    frame["absent"] = mark == absent
    frame["on_leave"] = mark == _ATTENDANCE.index(ATTENDANCE_LEAVE)
    frame["year"] = frame["year"].astype("Int64")
    # An outer merge sorts its keys, so rows already run session by session in plan order and,
    # within a session, in the order of the 成员 sheet.
    return frame[ATTENDANCE_COLUMNS]
