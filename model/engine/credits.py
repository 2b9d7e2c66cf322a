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


def credit_ledger(timeline: Timeline, year: int) -> pd.DataFrame:
    """Credits per member key: one column per source, ``credits`` their sum, plus counts."""
    params = timeline.params
    attendance = timeline.attendance[timeline.attendance["year"] == year]
    per_member = (
        attendance.assign(
            oral=attendance["comment"] == COMMENT_ORAL,
            written=attendance["comment"] == COMMENT_WRITTEN,
        )
        .groupby("member")[["attended", "oral", "written"]]
        .sum()
    )
    sessions = timeline.sessions
    held = sessions[sessions["held"] & (sessions["year"] == year)]
    capped_outreach = held["outreach_count"].clip(upper=params.outreach_cap)
    by_speaker = pd.DataFrame(
        {
            "talks": held.groupby("speaker").size(),
            "outreach_counted": capped_outreach.groupby(held["speaker"]).sum(),
            "articles": held["article_done"].groupby(held["speaker"]).sum(),
        }
    )
    hosted = held.groupby("host").size().rename("hosted")
    ledger = pd.DataFrame(index=timeline.members.index)
    ledger = ledger.join(per_member).join(by_speaker).join(hosted).fillna(0).astype(int)
    ledger["attendance"] = ledger["attended"] * params.attend_credit
    ledger["talks_credit"] = ledger["talks"] * params.talk_credit
    ledger["hosting"] = ledger["hosted"] * params.host_credit
    ledger["oral_comments"] = ledger["oral"] * params.oral_comment_credit
    ledger["written_comments"] = ledger["written"] * params.written_comment_credit
    ledger["outreach"] = ledger["outreach_counted"] * params.outreach_credit
    ledger["articles_credit"] = ledger["articles"] * params.article_credit
    credit_columns = {
        "attendance": "attendance",
        "talks": "talks_credit",
        "hosting": "hosting",
        "oral_comments": "oral_comments",
        "written_comments": "written_comments",
        "outreach": "outreach",
        "articles": "articles_credit",
    }
    breakdown = pd.DataFrame({name: ledger[column] for name, column in credit_columns.items()})
    breakdown["credits"] = breakdown.sum(axis=1)
    counts = ledger[
        ["attended", "oral", "written", "talks", "hosted", "outreach_counted", "articles"]
    ]
    return breakdown.join(counts.add_prefix("n_"))


def credit_events(timeline: Timeline, member: str, year: int) -> pd.DataFrame:
    """One member's credits as dated events (date, source, credits, cumulative) for a chart."""
    params = timeline.params
    rows = timeline.attendance
    rows = rows[(rows["member"] == member) & (rows["year"] == year)]
    comment_value = rows["comment"].map(
        {COMMENT_ORAL: params.oral_comment_credit, COMMENT_WRITTEN: params.written_comment_credit}
    )
    sessions = timeline.sessions
    held = sessions[sessions["held"] & (sessions["year"] == year)]
    talks = held[held["speaker"] == member]
    hosted = held[held["host"] == member]
    outreach = timeline.outreach[timeline.outreach["session"].isin(talks.index)].sort_values("date")
    outreach = outreach[outreach.groupby("session").cumcount() < params.outreach_cap]
    articles = talks[talks["article_done"]]
    parts = [
        pd.DataFrame(
            {
                "date": rows["held_date"],
                "source": "attendance",
                "credits": rows["attended"] * params.attend_credit,
            }
        ),
        pd.DataFrame(
            {"date": rows["held_date"], "source": "comment", "credits": comment_value.fillna(0)}
        ),
        pd.DataFrame({"date": talks["held_date"], "source": "talk", "credits": params.talk_credit}),
        pd.DataFrame(
            {"date": hosted["held_date"], "source": "hosting", "credits": params.host_credit}
        ),
        pd.DataFrame(
            {"date": outreach["date"], "source": "outreach", "credits": params.outreach_credit}
        ),
        pd.DataFrame(
            {
                "date": articles["article_date"].fillna(articles["held_date"]),
                "source": "article",
                "credits": params.article_credit,
            }
        ),
    ]
    events = (
        pd.concat([p for p in parts if len(p)], ignore_index=True)
        if any(len(p) for p in parts)
        else None
    )
    if events is None:
        return pd.DataFrame(
            {
                "date": pd.Series(dtype="datetime64[ns]"),
                "source": [],
                "credits": [],
                "cumulative": [],
            }
        )
    events = events[events["credits"] > 0].sort_values("date", kind="stable")
    events["cumulative"] = events["credits"].cumsum()
    return events.reset_index(drop=True)
