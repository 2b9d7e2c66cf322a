"""Credits (DOMAIN.md §5): each member's year, summed over held sessions, with a breakdown."""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from model.engine.codes import positions, tally
from model.engine.timeline import Timeline, in_the_year
from model.workbook.values import COMMENT_ORAL, COMMENT_WRITTEN

BREAKDOWN = [
    "attendance",
    "talks",
    "hosting",
    "oral_comments",
    "written_comments",
    "outreach",
    "articles",
]


class Credited(NamedTuple):
    """One source of credits: who earned it, when, for which session, and how much each time."""

    source: str
    members: pd.Series
    dates: pd.Series
    credit: float
    sessions: pd.Series


def credited(timeline: Timeline, year: int) -> list[Credited]:
    """What earns a credit in the year, one entry per BREAKDOWN part: who, when, how much.

    The one place where DOMAIN.md §5–§6 turn what happened into credits: the ledger counts
    these rows per member, and a member's chart draws them as dated events.
    """
    params = timeline.params
    rows = timeline.attendance
    # Masks on the whole frame, then only the three columns used: a filtered copy of all of
    # a province's attendance (850,000 rows × 15 columns) cost more than the counting.
    in_year = in_the_year(rows, year)
    comment = rows["comment"].to_numpy()
    used = ["member", "held_date", "session"]
    attended = rows.loc[in_year & rows["attended"].to_numpy(), used]
    oral = rows.loc[in_year & (comment == COMMENT_ORAL), used]
    written = rows.loc[in_year & (comment == COMMENT_WRITTEN), used]
    sessions = timeline.sessions
    held = sessions[sessions["held"] & (sessions["year"] == year)]
    outreach = timeline.outreach[timeline.outreach["session"].isin(held.index)]
    outreach = outreach.sort_values("date", kind="stable")
    counted = outreach[outreach.groupby("session").cumcount() < params.outreach_cap]
    articles = held[held["article_done"]]
    return [
        Credited(
            "attendance",
            attended["member"],
            attended["held_date"],
            params.attend_credit,
            attended["session"],
        ),
        Credited(
            "oral_comments",
            oral["member"],
            oral["held_date"],
            params.oral_comment_credit,
            oral["session"],
        ),
        Credited(
            "written_comments",
            written["member"],
            written["held_date"],
            params.written_comment_credit,
            written["session"],
        ),
        Credited("talks", held["speaker"], held["held_date"], params.talk_credit, _ids(held)),
        Credited("hosting", held["host"], held["held_date"], params.host_credit, _ids(held)),
        Credited(
            "outreach",
            counted["session"].map(held["speaker"]),
            counted["date"],
            params.outreach_credit,
            counted["session"],
        ),
        Credited(
            "articles",
            articles["speaker"],
            articles["article_date"].fillna(articles["held_date"]),
            params.article_credit,
            _ids(articles),
        ),
    ]


def _ids(sessions: pd.DataFrame) -> pd.Series:
    return pd.Series(sessions.index, index=sessions.index)


def credit_ledger(timeline: Timeline, year: int) -> pd.DataFrame:
    """Credits per member key: one column per source, ``credits`` their sum, ``n_`` counts."""
    index = timeline.members.index
    breakdown = pd.DataFrame(index=index)
    tallies = pd.DataFrame(index=index)
    for source, members, _, credit, _ in credited(timeline, year):
        counts = pd.Series(tally(positions(members, index), len(index)), index=index)
        tallies[f"n_{source}"] = counts
        breakdown[source] = counts * float(credit)
    breakdown = breakdown[BREAKDOWN]
    breakdown["credits"] = breakdown.sum(axis=1)
    return breakdown.join(tallies)


def credit_events(timeline: Timeline, member: str, year: int) -> pd.DataFrame:
    """One member's credits as dated events (date, source, credits, cumulative) for a chart."""
    frames = [
        pd.DataFrame(
            {
                "date": pd.to_datetime(dates[members == member].to_numpy()),
                "source": source,
                "credits": float(credit),
            }
        )
        for source, members, dates, credit, _ in credited(timeline, year)
    ]
    events = pd.concat(frames, ignore_index=True)
    events = events[events["credits"] > 0].sort_values("date", kind="stable")
    events["cumulative"] = events["credits"].cumsum()
    return events.reset_index(drop=True)
