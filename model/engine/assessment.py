"""Assessment and risk (DOMAIN.md §5–§6): one status per member and year, with reasons and fix."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd

from model.engine.timeline import Timeline, in_post, year_end, year_members
from model.workbook.values import COMMENT_ORAL, COMMENT_WRITTEN


def pass_line(pass_credits: float, days_in_post: pd.Series, days_in_year: int) -> pd.Series:
    """The pro-rated line: ceil(达标学分 × days in post / days in year)."""
    exact = pass_credits * days_in_post / days_in_year
    return np.ceil(exact.round(9)).astype(int)


def days_in_post(members: pd.DataFrame, year: int) -> pd.Series:
    """Days in post within the year, both ends included."""
    first, last = pd.Timestamp(year, 1, 1), year_end(year)
    start = members["joined"].where(members["joined"] > first, first).fillna(first)
    end = members["left"].where(members["left"] < last, last).fillna(last)
    return ((end - start).dt.days + 1).clip(lower=0).astype(int)


def _rates(timeline: Timeline, year: int) -> pd.DataFrame:
    """Each member's attendance and comment shares over this year's sessions so far."""
    rows = timeline.attendance
    rows = rows[(rows["year"] == year) & rows["expected"] & ~rows["is_speaker"]]
    counted = (
        rows.assign(
            oral=rows["comment"] == COMMENT_ORAL, written=rows["comment"] == COMMENT_WRITTEN, n=1
        )
        .groupby("member")[["attended", "oral", "written", "n"]]
        .sum()
    )
    shares = counted[["attended", "oral", "written"]].div(counted["n"], axis=0)
    return shares.rename(
        columns={"attended": "attend_share", "oral": "oral_share", "written": "written_share"}
    )


def _remaining(timeline: Timeline, year: int, members: pd.DataFrame) -> pd.DataFrame:
    """Per member: remaining sessions to attend, to speak at, and to host."""
    sessions = timeline.sessions
    remaining = sessions[sessions["remaining"] & (sessions["year"] == year)].reset_index()
    if remaining.empty:
        return pd.DataFrame(0, index=members["key"], columns=["n_listen", "n_speak", "n_host"])
    pairs = remaining[["session", "group", "planned_date", "speaker", "host"]].merge(
        members[["key", "group", "joined", "left"]], on="group"
    )
    # A postponed session has no date yet: count it if the member is in post at the as-of date.
    day = pairs["planned_date"].where(pairs["planned_date"] >= timeline.as_of, timeline.as_of)
    pairs = pairs[in_post(pairs["joined"], pairs["left"], day)]
    speaking = pairs["speaker"] == pairs["key"]
    per_member = pd.DataFrame(
        {
            "n_listen": (~speaking).groupby(pairs["key"]).sum(),
            "n_speak": speaking.groupby(pairs["key"]).sum(),
            "n_host": (pairs["host"] == pairs["key"]).groupby(pairs["key"]).sum(),
        }
    )
    return per_member.reindex(members["key"]).fillna(0).astype(int)


def assess(
    timeline: Timeline, ledger: pd.DataFrame, exams: pd.DataFrame, year: int
) -> pd.DataFrame:
    """Status, line, projected and attainable credits, reasons and fix for the year's members."""
    params = timeline.params
    members = year_members(timeline.members, year)
    frame = members[["key", "group", "name", "member_id", "exempt"]].copy()
    frame["days_in_post"] = days_in_post(members, year)
    days_in_year = 366 if pd.Timestamp(year, 12, 31).is_leap_year else 365
    frame["line"] = pass_line(params.pass_credits, frame["days_in_post"], days_in_year)
    frame = frame.join(ledger, how="left")
    frame = frame.join(_rates(timeline, year)).join(_remaining(timeline, year, members))
    frame[["attend_share", "oral_share"]] = frame[["attend_share", "oral_share"]].fillna(1.0)
    frame["written_share"] = frame["written_share"].fillna(0.0)

    talk_value = (
        params.attend_credit
        + params.talk_credit
        + params.outreach_cap * params.outreach_credit
        + params.article_credit
    )
    listen_best = params.attend_credit + params.oral_comment_credit
    listen_expected = (
        frame["attend_share"] * params.attend_credit
        + frame["oral_share"] * params.oral_comment_credit
        + frame["written_share"] * params.written_comment_credit
    )
    common = frame["n_speak"] * talk_value + frame["n_host"] * params.host_credit
    frame["attainable"] = frame["credits"] + frame["n_listen"] * listen_best + common
    # Exact: statuses compare these; pages and reports round to one decimal when they show them.
    frame["projected"] = frame["credits"] + frame["n_listen"] * listen_expected + common

    year_exams = exams[exams["year"] == year].drop_duplicates("member").set_index("member")
    frame["score"] = year_exams["score"].reindex(frame.index).astype("Float64")
    frame["makeup"] = year_exams["makeup"].reindex(frame.index).astype("Float64")
    _status(frame, params.exam_pass_mark, timeline.as_of, year)
    return frame


# Credits are sums of 参数 values times counts, and shares have denominators below a few hundred,
# so a true value differs from an integer line by far more than this; it only absorbs float
# noise such as 2.9999999999999996 for 3 and can never flip a status.
TOLERANCE = 1e-9


def below(value: pd.Series, line: pd.Series) -> pd.Series:
    """``value < line``, exactly up to float noise."""
    return value < line - TOLERANCE


def _status(frame: pd.DataFrame, mark: float, as_of: pd.Timestamp, year: int) -> None:
    score, makeup = frame["score"], frame["makeup"]
    exam_passed = ((score >= mark) | (makeup >= mark)).fillna(False).astype(bool)
    makeup_failed = (~exam_passed & makeup.notna() & (makeup < mark)).fillna(False).astype(bool)
    exam_failed_pending = (
        (score.notna() & (score < mark) & makeup.isna()).fillna(False).astype(bool)
    )
    exam_missing = score.isna() & makeup.isna()
    year_over = as_of > year_end(year)
    days_left = (year_end(year) - as_of).days
    credits_ok = ~below(frame["credits"], frame["line"])
    passed = credits_ok & exam_passed
    failed = below(frame["attainable"], frame["line"]) | makeup_failed | (year_over & ~passed)
    projected_short = below(frame["projected"], frame["line"])
    at_risk = (
        (projected_short & (frame["line"] <= frame["attainable"]))
        | exam_failed_pending
        | (exam_missing & (days_left < 60))
    )
    frame["status"] = np.select(
        [frame["exempt"].astype(bool), passed, failed, at_risk],
        ["exempt", "passed", "failed", "at_risk"],
        default="on_track",
    )
    frame["exam_passed"] = exam_passed
    frame["exam_missing"] = exam_missing
    frame["exam_failed_pending"] = exam_failed_pending
    frame["makeup_failed"] = makeup_failed
    frame["projected_short"] = projected_short
    frame["year_over"] = year_over


def explain(
    row: dict[str, Any], counts: dict[str, int], year: int
) -> tuple[list[tuple[str, dict]], list[tuple[str, dict]]]:
    """Reasons (code, details) and, for 风险, the fix (code, details) of one assessed member."""
    status = row["status"]
    credits, line = float(row["credits"]), int(row["line"])
    numbers = {
        "credits": credits,
        "line": line,
        "projected": float(row["projected"]),
        "attainable": float(row["attainable"]),
    }
    if status == "exempt":
        return [("EXEMPT", {})], []
    reasons: list[tuple[str, dict]] = []
    if credits < line - TOLERANCE:
        reasons.append(("CREDIT_SHORTFALL", numbers | {"gap": line - credits}))
    if status != "passed":
        if row["attainable"] < line - TOLERANCE:
            reasons.append(("CANNOT_REACH", numbers))
        elif row["projected_short"]:
            reasons.append(("PROJECTED_SHORT", numbers))
    if counts.get("absent", 0) or counts.get("leave", 0):
        reasons.append(
            ("ABSENCES", {"absent": counts.get("absent", 0), "leave": counts.get("leave", 0)})
        )
    if counts.get("no_comment", 0):
        reasons.append(("COMMENTS_MISSING", {"count": counts["no_comment"]}))
    if not counts.get("talks_planned", 0):
        reasons.append(("NO_TALK_PLANNED", {}))
    if row["makeup_failed"]:
        reasons.append(("MAKEUP_FAILED", {"makeup": float(row["makeup"])}))
    elif row["exam_failed_pending"]:
        reasons.append(("EXAM_FAILED", {"score": float(row["score"])}))
    elif row["exam_missing"]:
        reasons.append(("EXAM_MISSING", {}))
    if status == "failed" and row["year_over"]:
        reasons.insert(0, ("YEAR_OVER", {}))
    if status == "passed":
        reasons.insert(0, ("PASSED", numbers))
    if status == "on_track":
        reasons.insert(0, ("ON_TRACK", numbers))
    fix: list[tuple[str, dict]] = []
    deadline = dt.date(year, 12, 31)  # the exam and make-up are of the year
    if status == "at_risk":
        if row["projected_short"]:
            if row["n_listen"]:
                fix.append(("ATTEND_REMAINING", {"count": int(row["n_listen"])}))
            if row["n_speak"]:
                fix.append(("GIVE_TALK", {}))
        if row["exam_failed_pending"]:
            fix.append(("TAKE_MAKEUP", {"deadline": deadline}))
        elif row["exam_missing"]:
            fix.append(("TAKE_EXAM", {"deadline": deadline}))
    return reasons, fix
