"""Credits (DOMAIN.md §5): each member's year, summed over held sessions, with a breakdown."""

from __future__ import annotations

import pandas as pd

from model.timeline import Timeline
from model.values import COMMENT_ORAL, COMMENT_WRITTEN

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
