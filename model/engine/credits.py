"""Credits (DOMAIN.md §5): each member's year, summed over held sessions, with a breakdown."""

from __future__ import annotations

import pandas as pd

from model.engine.timeline import Timeline
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


def year_events(timeline: Timeline, year: int) -> pd.DataFrame:
    """Every credit of the year as an event: member, date, source (a BREAKDOWN part), credits.

    The one place where DOMAIN.md §5–§6 turn what happened into credits: the ledger sums these
    events, and a member's chart draws them.
    """
    params = timeline.params
    rows = timeline.attendance[timeline.attendance["year"] == year]
    sessions = timeline.sessions
    held = sessions[sessions["held"] & (sessions["year"] == year)]
    attended = rows[rows["attended"]]
    oral = rows[rows["comment"] == COMMENT_ORAL]
    written = rows[rows["comment"] == COMMENT_WRITTEN]
    outreach = timeline.outreach[timeline.outreach["session"].isin(held.index)]
    outreach = outreach.sort_values("date", kind="stable")
    counted = outreach[outreach.groupby("session").cumcount() < params.outreach_cap]
    articles = held[held["article_done"]]
    parts = [
        (attended["member"], attended["held_date"], "attendance", params.attend_credit),
        (oral["member"], oral["held_date"], "oral_comments", params.oral_comment_credit),
        (
            written["member"],
            written["held_date"],
            "written_comments",
            params.written_comment_credit,
        ),
        (held["speaker"], held["held_date"], "talks", params.talk_credit),
        (held["host"], held["held_date"], "hosting", params.host_credit),
        (
            counted["session"].map(held["speaker"]),
            counted["date"],
            "outreach",
            params.outreach_credit,
        ),
        (
            articles["speaker"],
            articles["article_date"].fillna(articles["held_date"]),
            "articles",
            params.article_credit,
        ),
    ]
    frames = [
        pd.DataFrame(
            {
                "member": members.to_numpy(dtype=object),
                "date": pd.to_datetime(dates.to_numpy()),
                "source": source,
                "credits": float(credit),
            }
        )
        for members, dates, source, credit in parts
    ]
    return pd.concat(frames, ignore_index=True)


def credit_ledger(timeline: Timeline, year: int) -> pd.DataFrame:
    """Credits per member key: one column per source, ``credits`` their sum, ``n_`` counts."""
    events = year_events(timeline, year)
    grouped = events.groupby(["member", "source"])["credits"]
    sums = grouped.sum().unstack(fill_value=0).astype(float)
    counts = grouped.size().unstack(fill_value=0)
    index = timeline.members.index
    breakdown = sums.reindex(index=index, columns=BREAKDOWN, fill_value=0.0).fillna(0.0)
    breakdown["credits"] = breakdown[BREAKDOWN].sum(axis=1)
    tallies = counts.reindex(index=index, columns=BREAKDOWN, fill_value=0).fillna(0).astype(int)
    return breakdown.join(tallies.add_prefix("n_"))


def credit_events(timeline: Timeline, member: str, year: int) -> pd.DataFrame:
    """One member's credits as dated events (date, source, credits, cumulative) for a chart."""
    events = year_events(timeline, year)
    events = events[(events["member"] == member) & (events["credits"] > 0)]
    events = events.sort_values("date", kind="stable").drop(columns="member")
    events["cumulative"] = events["credits"].cumsum()
    return events.reset_index(drop=True)
