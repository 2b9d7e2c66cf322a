"""成效: the article's four shifts, measured per year, per group and for the whole workbook.

Each metric is one function of a year's evidence returning (numerator, denominator); the value
is their ratio, ``None`` where the denominator is 0. All of them read held sessions as DOMAIN.md
§6 defines them and expected attendance as the rules do (``model.engine.timeline``), and the
draft and revision checks are the findings read back (``progress.session_checks``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from model.engine.findings import find_all
from model.engine.progress import session_checks
from model.engine.timeline import Timeline, year_members
from model.workbook.values import COMMENT_NONE, COMMENT_ORAL


@dataclass(frozen=True)
class Evidence:
    """What one year (of one group, or of all) holds for the metrics."""

    sessions: pd.DataFrame  # held sessions, with the ✓/✗ checks
    attendance: pd.DataFrame  # expected or recorded (session, member) rows of held sessions
    members: pd.DataFrame  # members in post at some time during the year
    outreach: pd.DataFrame  # outreach rows of held sessions up to the as-of date


Ratio = tuple[float, float]


def attendance_rate(e: Evidence) -> Ratio:
    expected = e.attendance[e.attendance["expected"]]
    return float(expected["attended"].sum()), float(len(expected))


def leave_rate(e: Evidence) -> Ratio:
    expected = e.attendance[e.attendance["expected"]]
    return float(expected["on_leave"].sum()), float(len(expected))


def absence_rate(e: Evidence) -> Ratio:
    expected = e.attendance[e.attendance["expected"]]
    return float(expected["absent"].sum()), float(len(expected))


def _listeners(e: Evidence) -> pd.DataFrame:
    rows = e.attendance
    return rows[rows["attended"] & ~rows["is_speaker"]]


def comment_rate(e: Evidence) -> Ratio:
    listeners = _listeners(e)
    return float((listeners["comment"] != COMMENT_NONE).sum()), float(len(listeners))


def oral_share(e: Evidence) -> Ratio:
    comments = _listeners(e)["comment"]
    said = comments[comments != COMMENT_NONE]
    return float((said == COMMENT_ORAL).sum()), float(len(said))


def draft_on_time_rate(e: Evidence) -> Ratio:
    return float(e.sessions["draft_on_time"].sum()), float(len(e.sessions))


def revised_rate(e: Evidence) -> Ratio:
    return float(e.sessions["revised"].sum()), float(len(e.sessions))


def speaker_coverage(e: Evidence) -> Ratio:
    speakers = set(e.sessions["speaker"].dropna())
    return float(e.members["key"].isin(speakers).sum()), float(len(e.members))


def hosts_distinct(e: Evidence) -> Ratio:
    return float(e.sessions["host"].dropna().nunique()), float(len(e.sessions))


def commentators_per_session(e: Evidence) -> Ratio:
    return comment_rate(e)[0], float(len(e.sessions))


def outreach_per_talk(e: Evidence) -> Ratio:
    return float(len(e.outreach)), float(len(e.sessions))


def article_rate(e: Evidence) -> Ratio:
    return float(e.sessions["article_done"].sum()), float(len(e.sessions))


def off_script_rate(e: Evidence) -> Ratio:
    return float(e.sessions["off_script"].fillna(False).astype(bool).sum()), float(len(e.sessions))


# The four shifts of the article, each with its metrics, in the order the page shows them.
SHIFTS: dict[str, dict[str, Callable[[Evidence], Ratio]]] = {
    "want_to_study": {
        "attendance_rate": attendance_rate,
        "leave_rate": leave_rate,
        "absence_rate": absence_rate,
    },
    "deep_study": {
        "comment_rate": comment_rate,
        "oral_share": oral_share,
        "draft_on_time_rate": draft_on_time_rate,
        "revised_rate": revised_rate,
    },
    "team_study": {
        "speaker_coverage": speaker_coverage,
        "hosts_distinct": hosts_distinct,
        "commentators_per_session": commentators_per_session,
    },
    "innovative_study": {
        "outreach_per_talk": outreach_per_talk,
        "article_rate": article_rate,
        "off_script_rate": off_script_rate,
    },
}
METRICS: dict[str, Callable[[Evidence], Ratio]] = {
    name: metric for metrics in SHIFTS.values() for name, metric in metrics.items()
}
# Per-session averages change by their difference; every other metric is a rate, whose change
# is in percentage points.
AVERAGES = {"commentators_per_session", "outreach_per_talk"}


def evidence(timeline: Timeline, year: int) -> Evidence:
    """The year's evidence for every group; ``for_group`` cuts it to one."""
    checks = session_checks(timeline, year, find_all(timeline, year))
    held = checks[checks["held"]]
    attendance = timeline.attendance[timeline.attendance["year"] == year]
    outreach = timeline.outreach[timeline.outreach["session"].isin(held.index)]
    return Evidence(held, attendance, year_members(timeline.members, year), outreach)


def for_group(e: Evidence, group: str) -> Evidence:
    held = e.sessions[e.sessions["group"] == group]
    return Evidence(
        held,
        e.attendance[e.attendance["group"] == group],
        e.members[e.members["group"] == group],
        e.outreach[e.outreach["session"].isin(held.index)],
    )


def measure(e: Evidence) -> dict[str, float | None]:
    """Every metric's value; ``None`` where its denominator is 0."""
    values: dict[str, float | None] = {}
    for name, metric in METRICS.items():
        numerator, denominator = metric(e)
        values[name] = numerator / denominator if denominator else None
    return values


def change(name: str, value: float | None, previous: float | None) -> float | None:
    """Percentage points for rates, the plain difference for averages."""
    if value is None or previous is None:
        return None
    difference = value - previous
    return difference if name in AVERAGES else difference * 100


@dataclass
class Shifts:
    year: int
    previous_year: int
    overall: dict[str, dict[str, float | None]]  # metric → value, previous, change
    groups: dict[str, dict[str, dict[str, float | None]]]  # group → the same
    history: pd.DataFrame  # one row per (group or None for all, year): every metric's value


def _compare(now: dict, before: dict) -> dict[str, dict[str, float | None]]:
    return {
        name: {
            "value": now[name],
            "previous": before[name],
            "change": change(name, now[name], before[name]),
        }
        for name in METRICS
    }


def measure_shifts(timeline: Timeline, year: int, years: list[int] | None = None) -> Shifts:
    """The chosen year against the year before, overall and per group, and each year's values."""
    groups = sorted(timeline.members["group"].dropna().unique())
    years = sorted(set(years or []) | {year - 1, year})
    rows = []
    for each in years:
        whole = evidence(timeline, each)
        rows.append({"group": None, "year": each, **measure(whole)})
        for group in groups:
            rows.append({"group": group, "year": each, **measure(for_group(whole, group))})
    history = pd.DataFrame(rows)

    def values(group: str | None, each: int) -> dict:
        picked = history[(history["year"] == each)]
        picked = (
            picked[picked["group"].isna()] if group is None else picked[picked["group"] == group]
        )
        row = picked.iloc[0]
        return {name: None if pd.isna(row[name]) else float(row[name]) for name in METRICS}

    overall = _compare(values(None, year), values(None, year - 1))
    per_group = {g: _compare(values(g, year), values(g, year - 1)) for g in groups}
    return Shifts(year, year - 1, overall, per_group, history)
