"""Assessment and risk (DOMAIN.md §5–§6): one status per member and year, with reasons and fix."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd

from model.engine.codes import positions, tally
from model.engine.listing import Rule, listed
from model.engine.timeline import Timeline, in_post, in_the_year, year_end, year_members
from model.workbook.params import Params
from model.workbook.values import COMMENT_NONE, COMMENT_ORAL, COMMENT_WRITTEN

# 风险 when no exam score is in and fewer days than this are left in the year (DOMAIN.md §5).
EXAM_WARNING_DAYS = 60


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
    listening = in_the_year(rows, year) & rows["expected"].to_numpy() & ~rows["is_speaker"]
    rows = rows.loc[listening.to_numpy(), ["member_code", "attended", "comment"]]
    codes, size = rows["member_code"].to_numpy(), len(timeline.members)
    n = tally(codes, size)
    seen = n > 0  # members with no such row have no share (the caller fills it in)
    comment = rows["comment"].to_numpy()
    return pd.DataFrame(
        {
            name: tally(codes, size, weights)[seen] / n[seen]
            for name, weights in (
                ("attend_share", rows["attended"].to_numpy()),
                ("oral_share", comment == COMMENT_ORAL),
                ("written_share", comment == COMMENT_WRITTEN),
            )
        },
        index=timeline.members.index[seen],
    )


def _chances(timeline: Timeline, year: int) -> pd.DataFrame:
    """Per member: held sessions of the year expected at, and how many of them were missed
    (not 出席, or no comment as a listener): GROUP_SHORT needs none missed."""
    rows = timeline.attendance
    used = ["member_code", "attended", "is_speaker", "comment"]
    rows = rows.loc[in_the_year(rows, year) & rows["expected"].to_numpy(), used]
    missed = ~rows["attended"] | (~rows["is_speaker"] & (rows["comment"] == COMMENT_NONE))
    codes, size = rows["member_code"].to_numpy(), len(timeline.members)
    held = tally(codes, size)
    seen = held > 0
    return pd.DataFrame(
        {"held_in_post": held[seen], "missed_chances": tally(codes, size, missed)[seen]},
        index=timeline.members.index[seen],
    )


def _talks(timeline: Timeline, year: int) -> pd.DataFrame:
    """Per speaker: talks of the year not cancelled, and the cancelled ones' 场次 (NO_TALK_PLANNED
    says which)."""
    sessions = timeline.sessions
    of_year = sessions[sessions["year"] == year]
    kept = of_year[~of_year["cancelled"]]
    cancelled = of_year[of_year["cancelled"]]
    return pd.DataFrame(
        {
            "talks_in_year": kept.groupby("speaker").size(),
            "cancelled_talks": pd.Series(cancelled.index, index=cancelled.index)
            .groupby(cancelled["speaker"])
            .agg(tuple),
        }
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
    speaking = (pairs["speaker"] == pairs["key"]).to_numpy()
    index = pd.Index(members["key"])
    codes = positions(pairs["key"], index)
    hosting = (pairs["host"] == pairs["key"]).to_numpy()
    return pd.DataFrame(
        {
            "n_listen": tally(codes, len(index), ~speaking),
            "n_speak": tally(codes, len(index), speaking),
            "n_host": tally(codes, len(index), hosting),
        },
        index=index,
    )


def assess(
    timeline: Timeline, ledger: pd.DataFrame, exams: pd.DataFrame, year: int
) -> pd.DataFrame:
    """Status, line, projected and attainable credits, reasons and fix for the year's members."""
    params = timeline.params
    members = year_members(timeline.members, year)
    frame = members[["key", "group", "name", "display", "member_id", "exempt"]].copy()
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
    frame = frame.join(_chances(timeline, year)).join(_talks(timeline, year))
    frame[["held_in_post", "missed_chances", "talks_in_year"]] = (
        frame[["held_in_post", "missed_chances", "talks_in_year"]].fillna(0).astype(int)
    )
    frame["remaining_in_post"] = frame["n_listen"] + frame["n_speak"]
    # In post until: the last day a session added now could still count for the member.
    frame["post_end"] = members["left"].where(members["left"] < year_end(year), year_end(year))
    _group_plan(frame, timeline, year)
    _repair(frame, params, timeline.as_of)
    return frame


def _group_plan(frame: pd.DataFrame, timeline: Timeline, year: int) -> None:
    """The group's sessions of the year (not 取消) against 年度场次下限, for GROUP_SHORT's text."""
    sessions = timeline.sessions
    planned = sessions[(sessions["year"] == year) & ~sessions["cancelled"]]
    per_group = planned.groupby("group").size()
    frame["group_planned"] = frame["group"].map(per_group).fillna(0).astype(int)
    frame["min_sessions"] = timeline.params.min_sessions


def _repair(frame: pd.DataFrame, params: Params, as_of: pd.Timestamp) -> None:
    """For a member who cannot reach the line (CANNOT_REACH): what the group would have to add
    before the member's time in post ends, in the fewest sessions, from the 参数 in force.

    One added session where the member listens and comments orally brings ``listen_value``; a
    talk of the member's own brings ``talk_value`` (a talk is offered only to a member with no
    talk this year, and preferred when it needs no more sessions than listening alone).
    """
    listen_value = params.attend_credit + params.oral_comment_credit
    talk_value = (
        params.attend_credit
        + params.talk_credit
        + params.outreach_cap * params.outreach_credit
        + params.article_credit
    )
    gap = (frame["line"] - frame["attainable"]).clip(lower=0).to_numpy(dtype=float)
    gap = np.where(gap > TOLERANCE, gap, 0.0)
    big = 10**6  # "impossible" in a count: a credit of 0 can close no gap

    def sessions_for(credits: np.ndarray, per: float) -> np.ndarray:
        if per <= 0:
            return np.where(credits > 0, big, 0)
        return np.ceil(np.round(credits / per, 9)).astype(int)

    listening_only = sessions_for(gap, listen_value)
    no_talk = frame["talks_in_year"].to_numpy() == 0
    after_talk = sessions_for(np.clip(gap - talk_value, 0, None), listen_value)
    talk_first = no_talk & (talk_value > 0) & (1 + after_talk <= listening_only)
    frame["listen_value"] = listen_value
    frame["talk_value"] = talk_value
    frame["add_talk"] = talk_first
    frame["add_sessions"] = np.where(talk_first, after_talk, listening_only)
    frame["can_add"] = (frame["post_end"] >= as_of).to_numpy() & ~frame["year_over"].to_numpy()


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
    # 不达标 only when final: the make-up failed, or the year is over (DOMAIN.md §5). A line
    # the plan can no longer reach is a risk the group can still repair (CANNOT_REACH).
    failed = makeup_failed | (year_over & ~passed)
    projected_short = below(frame["projected"], frame["line"])
    cannot_reach = below(frame["attainable"], frame["line"]) & (not year_over)
    at_risk = (
        projected_short
        | cannot_reach
        | exam_failed_pending
        | (exam_missing & (days_left < EXAM_WARNING_DAYS))
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
    frame["cannot_reach"] = cannot_reach
    frame["year_over"] = year_over


def explain_all(
    members: pd.DataFrame, counts: pd.DataFrame, year: int
) -> tuple[list[list[dict[str, Any]]], list[list[dict[str, Any]]]]:
    """Every member's reasons and, for 风险, fix: lists of {"code", "details"}, in member order.

    Each reason is one vectorised condition over the members frame; only the small dicts are
    made per member (a province has 170,000 members: a Python call each took seconds).
    """
    n = len(members)
    counts = counts.reindex(members.index).fillna(0).astype(int)
    status = members["status"].to_numpy()
    assessed = status != "exempt"
    not_passed = status != "passed"
    credits = members["credits"].to_numpy(dtype=float)
    line = members["line"].to_numpy(dtype=int)
    attainable = members["attainable"].to_numpy(dtype=float)
    short = credits < line - TOLERANCE
    numbers = [
        {"credits": c, "line": ln, "projected": p, "attainable": a}
        for c, ln, p, a in zip(
            credits.tolist(),
            line.tolist(),
            members["projected"].to_numpy(dtype=float).tolist(),
            attainable.tolist(),
            strict=True,
        )
    ]
    absent, leave = counts["absent"].to_numpy(), counts["leave"].to_numpy()
    no_comment = counts["no_comment"].to_numpy()
    makeup_failed = members["makeup_failed"].to_numpy(dtype=bool)
    exam_failed = members["exam_failed_pending"].to_numpy(dtype=bool) & ~makeup_failed
    exam_missing = members["exam_missing"].to_numpy(dtype=bool) & ~makeup_failed & ~exam_failed
    cannot_reach = not_passed & members["cannot_reach"].to_numpy(dtype=bool)
    out_of_reach = not_passed & (attainable < line - TOLERANCE)
    # GROUP_SHORT: every chance offered was taken, and the line is still out of reach.
    group_short = out_of_reach & (members["missed_chances"].to_numpy() == 0)
    projected_short = members["projected_short"].to_numpy(dtype=bool)
    makeup = members["makeup"].to_numpy(dtype=float, na_value=np.nan).tolist()
    score = members["score"].to_numpy(dtype=float, na_value=np.nan).tolist()
    year_over = (status == "failed") & members["year_over"].to_numpy(dtype=bool)
    held = members["held_in_post"].to_numpy(dtype=int).tolist()
    remaining = members["remaining_in_post"].to_numpy(dtype=int).tolist()
    planned = members["group_planned"].to_numpy(dtype=int).tolist()
    cancelled = members["cancelled_talks"].tolist()
    minimum = int(members["min_sessions"].iloc[0]) if n else 0

    def group_short_details(i: int) -> dict[str, Any]:
        return {
            "held": held[i],
            "remaining": remaining[i],
            "attainable": attainable[i],
            "line": int(line[i]),
            "planned": planned[i],
            "minimum": minimum,
        }

    def no_talk_details(i: int) -> dict[str, Any]:
        sessions = cancelled[i]
        return {"cancelled": list(sessions) if isinstance(sessions, tuple) else []}

    # (code, who, details of member i) in the order the reasons are read.
    # The details of member i, and the columns they depend on (None: the member's own numbers).
    column = members.__getitem__
    short_of = ("held_in_post", "remaining_in_post", "attainable", "line", "group_planned")
    reason_rules = [
        Rule("EXEMPT", ~assessed, None),
        Rule("YEAR_OVER", year_over, None),
        Rule("PASSED", status == "passed", numbers.__getitem__, None),
        Rule("ON_TRACK", status == "on_track", numbers.__getitem__, None),
        Rule(
            "CREDIT_SHORTFALL",
            short,
            lambda i: numbers[i] | {"gap": float(line[i] - credits[i])},
            None,
        ),
        Rule("CANNOT_REACH", cannot_reach, numbers.__getitem__, None),
        Rule("GROUP_SHORT", group_short, group_short_details, [*map(column, short_of)]),
        Rule(
            "PROJECTED_SHORT",
            not_passed & ~out_of_reach & projected_short,
            numbers.__getitem__,
            None,
        ),
        Rule(
            "ABSENCES",
            (absent > 0) | (leave > 0),
            lambda i: {"absent": int(absent[i]), "leave": int(leave[i])},
            [absent, leave],
        ),
        Rule(
            "COMMENTS_MISSING",
            no_comment > 0,
            lambda i: {"count": int(no_comment[i])},
            [no_comment],
        ),
        Rule(
            "NO_TALK_PLANNED",
            counts["talks_planned"].to_numpy() == 0,
            no_talk_details,
            [pd.factorize(members["cancelled_talks"])[0]],
        ),
        Rule("MAKEUP_FAILED", makeup_failed, lambda i: {"makeup": makeup[i]}, [makeup]),
        Rule("EXAM_FAILED", exam_failed, lambda i: {"score": score[i]}, [score]),
        Rule("EXAM_MISSING", exam_missing, None),
    ]
    deadline = dt.date(year, 12, 31)  # the exam and make-up are of the year
    at_risk = status == "at_risk"
    n_listen = members["n_listen"].to_numpy(dtype=int)
    can_add = members["can_add"].to_numpy(dtype=bool)
    add_talk = members["add_talk"].to_numpy(dtype=bool)
    add_sessions = members["add_sessions"].to_numpy(dtype=int).tolist()
    post_end = [day.date() for day in members["post_end"]]
    talk_value = members["talk_value"].to_numpy(dtype=float).tolist()
    listen_value = members["listen_value"].to_numpy(dtype=float).tolist()
    repair = at_risk & cannot_reach

    def added(i: int) -> dict[str, Any]:
        return {
            "count": add_sessions[i],
            "per": listen_value[i],
            "talk": talk_value[i],
            "deadline": post_end[i],
        }

    ends = members["post_end"]
    added_of = [add_sessions, listen_value, talk_value, ends]
    fix_rules = [
        Rule(
            "ATTEND_REMAINING",
            at_risk & projected_short & (n_listen > 0),
            lambda i: {"count": int(n_listen[i])},
            [n_listen],
        ),
        Rule("GIVE_TALK", at_risk & projected_short & (members["n_speak"].to_numpy() > 0), None),
        Rule("ADD_TALK", repair & can_add & add_talk, added, added_of),
        Rule("ADD_SESSIONS", repair & can_add & ~add_talk, added, added_of),
        Rule(
            "POST_ENDED",
            repair & ~can_add,
            lambda i: {"left": post_end[i], "group_short": bool(group_short[i])},
            [ends, group_short],
        ),
        Rule("TAKE_MAKEUP", at_risk & exam_failed, lambda i: {"deadline": deadline}),
        Rule("TAKE_EXAM", at_risk & exam_missing, lambda i: {"deadline": deadline}),
    ]
    return listed(reason_rules, n, assessed), listed(fix_rules, n, assessed)
