"""Group progress (DOMAIN.md §5): sessions, rates and the 四到位 shares, per group and overall."""

from __future__ import annotations

import numpy as np
import pandas as pd

from model.engine.codes import positions, tally
from model.engine.timeline import Timeline
from model.engine.topics import topic_settled

ON_TIME_DAYS = 14  # 时间到位: held within 14 days of the planned date
PROGRESS_COLUMNS = [
    "planned",
    "held",
    "overdue",
    "cancelled",
    "postponed",
    "attendance_rate",
    "comment_coverage",
    "drafts_on_time",
    "revised",
    "outreach_done",
    "articles_done",
    "people",
    "time",
    "content",
    "effect",
]


def _flagged(findings: pd.DataFrame, code: str) -> pd.Index:
    """Sessions with at least one finding of ``code``."""
    return pd.Index(findings.loc[findings["code"] == code, "session"].dropna().unique())


def session_checks(timeline: Timeline, year: int, findings: pd.DataFrame) -> pd.DataFrame:
    """Per session of the year: its state and the ✓/✗ checks the sessions page shows.

    Every ✓ is the absence of the finding that the rule of ``model.engine.findings`` raised
    for the session, so the sessions table and the findings cannot disagree.
    """
    sessions = timeline.sessions
    frame = sessions[sessions["year"] == year].copy()
    held = frame["held"]

    def clear_of(*codes: str) -> pd.Series:
        flagged = pd.Index([]).append([_flagged(findings, code) for code in codes])
        return held & ~frame.index.isin(flagged)

    frame["draft_on_time"] = clear_of("DRAFT_LATE", "DRAFT_MISSING")
    frame["duration_ok"] = clear_of("DURATION_OFF") & frame["minutes"].notna()
    frame["revised"] = clear_of("NO_REVISION")
    frame["all_attended"] = clear_of("NOT_ALL_ATTENDED")
    frame["all_commented"] = clear_of("COMMENT_MISSING")
    frame["outreach_done"] = held & (frame["outreach_count"] > 0)
    rows = timeline.attendance
    in_year = (rows["year"] == year).to_numpy(dtype=bool, na_value=False)
    # Counted by the session's position, not by hashing and sorting a million 场次 texts.
    at = np.where(in_year, positions(rows["session"], sessions.index), -1)
    attended = rows["attended"].to_numpy()
    expected = rows["expected"].to_numpy()
    listening = attended & ~rows["is_speaker"].to_numpy()
    size = len(sessions)
    expected_n, listeners_n = tally(at, size, expected), tally(at, size, listening)
    uncommented = findings.loc[findings["code"] == "COMMENT_MISSING", "session"].value_counts()
    attended_n = tally(at, size, expected & attended)
    per_session = pd.DataFrame(  # the sessions with such rows, as a group-by would list them
        {
            "expected_n": pd.Series(expected_n, index=sessions.index)[expected_n > 0],
            "attended_n": pd.Series(attended_n, index=sessions.index)[expected_n > 0],
            "listeners_n": pd.Series(listeners_n, index=sessions.index)[listeners_n > 0],
        }
    )
    frame = frame.join(per_session).fillna({c: 0 for c in per_session.columns})
    frame["commented_n"] = frame["listeners_n"] - uncommented.reindex(frame.index, fill_value=0)
    frame["on_time"] = held & (
        (frame["held_date"] - frame["planned_date"]).dt.days.abs() <= ON_TIME_DAYS
    )
    frame["state"] = "planned"
    frame.loc[frame["postponed"], "state"] = "postponed"
    frame.loc[frame["cancelled"], "state"] = "cancelled"
    frame.loc[frame["overdue"], "state"] = "overdue"
    frame.loc[held, "state"] = "held"
    return frame


def _share(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    return (numerator / denominator.where(denominator > 0)).astype("Float64")


def progress(checks: pd.DataFrame, by: str | None = "group") -> pd.DataFrame:
    """Progress per group (``by="group"``) or for all the sessions given (``by=None``)."""
    frame = checks.assign(_all="all")  # one group holding every row
    key = by or "_all"
    counted = frame[~frame["cancelled"]]
    held = frame[frame["held"]]
    grouped_held = held.groupby(key)
    result = pd.DataFrame(
        {
            "planned": counted.groupby(key).size(),
            "held": grouped_held.size(),
            "overdue": frame.groupby(key)["overdue"].sum(),
            "cancelled": frame.groupby(key)["cancelled"].sum(),
            "postponed": frame.groupby(key)["postponed"].sum(),
            "_expected": grouped_held["expected_n"].sum(),
            "_attended": grouped_held["attended_n"].sum(),
            "_listeners": grouped_held["listeners_n"].sum(),
            "_commented": grouped_held["commented_n"].sum(),
            "_drafts": grouped_held["draft_on_time"].sum(),
            "_revised": grouped_held["revised"].sum(),
            "_outreach": grouped_held["outreach_done"].sum(),
            "_articles": grouped_held["article_done"].sum(),
            "_on_time": grouped_held["on_time"].sum(),
            # 内容到位: a topic chosen (not 待定) and the draft out on time.
            "_content": (topic_settled(held["topic"]) & held["draft_on_time"])
            .groupby(held[key])
            .sum(),
            "_effect": (held["all_commented"] & held["revised"] & held["outreach_done"])
            .groupby(held[key])
            .sum(),
        }
    ).fillna(0)
    count_columns = ["planned", "held", "overdue", "cancelled", "postponed"]
    result[count_columns] = result[count_columns].astype(int)
    result["attendance_rate"] = _share(result["_attended"], result["_expected"])
    result["comment_coverage"] = _share(result["_commented"], result["_listeners"])
    for name, column in [
        ("drafts_on_time", "_drafts"),
        ("revised", "_revised"),
        ("outreach_done", "_outreach"),
        ("articles_done", "_articles"),
        ("time", "_on_time"),
        ("content", "_content"),
        ("effect", "_effect"),
    ]:
        result[name] = _share(result[column], result["held"])
    result["people"] = result["attendance_rate"]
    return result[PROGRESS_COLUMNS]
