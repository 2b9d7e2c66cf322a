"""成效: the article's four shifts, measured per year, per group and for the whole workbook.

Each metric is one function of a year's evidence returning (numerator, denominator); the value
is their ratio, ``None`` where the denominator is 0. All of them read held sessions as DOMAIN.md
§6 defines them and expected attendance as the rules do (``model.engine.timeline``), and the
draft and revision checks are the findings read back (``progress.session_checks``).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import pandas as pd

from model.engine.findings import find_all
from model.engine.progress import session_checks
from model.engine.timeline import Timeline, build_timeline, year_members
from model.texts.shifts import AVERAGES as SHIFT_AVERAGES
from model.workbook.reader import Workbook
from model.workbook.values import COMMENT_NONE, COMMENT_ORAL


@dataclass(frozen=True)
class Evidence:
    """What one year (of every group together, or of each group: ``per_group``) holds for the
    metrics. Every frame carries its rows' group."""

    sessions: pd.DataFrame  # held sessions, with the ✓/✗ checks
    attendance: pd.DataFrame  # expected or recorded (session, member) rows of held sessions
    members: pd.DataFrame  # members in post at some time during the year
    outreach: pd.DataFrame  # outreach rows of held sessions up to the as-of date, with group
    # Held sessions whose 宣讲期限 / 文章期限 has passed: all of them when a whole year is
    # measured; in a part year only those, so December's talks weigh on no rate (DOMAIN.md §6).
    outreach_due: pd.DataFrame
    article_due: pd.DataFrame
    per_group: bool = False


# A metric's numerator or denominator: a number for the whole, one per group for ``per_group``.
Amount = float | pd.Series
Ratio = tuple[Amount, Amount]


def _total(e: Evidence, frame: pd.DataFrame, values: pd.Series) -> Amount:
    """The sum of ``values`` (a column or mask of ``frame``): overall, or per group."""
    if not e.per_group:
        return float(values.sum())
    return values.astype(float).groupby(frame["group"]).sum()


def _rows(e: Evidence, frame: pd.DataFrame) -> Amount:
    if not e.per_group:
        return float(len(frame))
    return frame.groupby("group").size().astype(float)


def _expected(e: Evidence) -> pd.DataFrame:
    return e.attendance[e.attendance["expected"]]


def attendance_rate(e: Evidence) -> Ratio:
    expected = _expected(e)
    return _total(e, expected, expected["attended"]), _rows(e, expected)


def leave_rate(e: Evidence) -> Ratio:
    expected = _expected(e)
    return _total(e, expected, expected["on_leave"]), _rows(e, expected)


def absence_rate(e: Evidence) -> Ratio:
    expected = _expected(e)
    return _total(e, expected, expected["absent"]), _rows(e, expected)


def _listeners(e: Evidence) -> pd.DataFrame:
    rows = e.attendance
    return rows[rows["attended"] & ~rows["is_speaker"]]


def comment_rate(e: Evidence) -> Ratio:
    listeners = _listeners(e)
    return _total(e, listeners, listeners["comment"] != COMMENT_NONE), _rows(e, listeners)


def oral_share(e: Evidence) -> Ratio:
    listeners = _listeners(e)
    said = listeners[listeners["comment"] != COMMENT_NONE]
    return _total(e, said, said["comment"] == COMMENT_ORAL), _rows(e, said)


def draft_on_time_rate(e: Evidence) -> Ratio:
    return _total(e, e.sessions, e.sessions["draft_on_time"]), _rows(e, e.sessions)


def revised_rate(e: Evidence) -> Ratio:
    return _total(e, e.sessions, e.sessions["revised"]), _rows(e, e.sessions)


def speaker_coverage(e: Evidence) -> Ratio:
    # A speaker is a member of the session's own group (the reader resolves names there), so
    # one set of every group's speakers marks each group's members alike.
    speakers = set(e.sessions["speaker"].dropna())
    return _total(e, e.members, e.members["key"].isin(speakers)), _rows(e, e.members)


def hosts_distinct(e: Evidence) -> Ratio:
    hosts = e.sessions.dropna(subset=["host"])
    if not e.per_group:
        return float(hosts["host"].nunique()), float(len(e.sessions))
    return hosts.groupby("group")["host"].nunique().astype(float), _rows(e, e.sessions)


def commentators_per_session(e: Evidence) -> Ratio:
    return comment_rate(e)[0], _rows(e, e.sessions)


def outreach_per_talk(e: Evidence) -> Ratio:
    due = e.outreach[e.outreach["session"].isin(e.outreach_due.index)]
    return _rows(e, due), _rows(e, e.outreach_due)


def article_rate(e: Evidence) -> Ratio:
    return _total(e, e.article_due, e.article_due["article_done"]), _rows(e, e.article_due)


def off_script_rate(e: Evidence) -> Ratio:
    done = e.sessions["off_script"].fillna(False).astype(bool)
    return _total(e, e.sessions, done), _rows(e, e.sessions)


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
# is in percentage points (one set, shared with the words: model/texts/shifts.py).
AVERAGES = SHIFT_AVERAGES


def evidence(timeline: Timeline, year: int, deadlines: bool = False) -> Evidence:
    """The year's evidence for every group, up to the timeline's as-of date; ``for_group`` cuts
    it to one. With ``deadlines``, outreach and articles are rated only over talks whose 期限 has
    passed by that date (strictly more days than the 期限, as NO_OUTREACH / NO_ARTICLE read it)."""
    checks = session_checks(timeline, year, find_all(timeline, year))
    held = checks[checks["held"]]
    attendance = timeline.attendance[timeline.attendance["year"] == year]
    outreach = timeline.outreach[timeline.outreach["session"].isin(held.index)]
    outreach = outreach.assign(group=outreach["session"].map(held["group"]))
    outreach_due, article_due = held, held
    if deadlines:
        age = (timeline.as_of - held["held_date"]).dt.days
        outreach_due = held[age > timeline.params.outreach_deadline_days]
        article_due = held[age > timeline.params.article_deadline_days]
    return Evidence(
        held,
        attendance,
        year_members(timeline.members, year),
        outreach,
        outreach_due,
        article_due,
    )


def measure(e: Evidence) -> dict[str, float | None]:
    """Every metric's value for the whole; ``None`` where its denominator is 0."""
    values: dict[str, float | None] = {}
    for name, metric in METRICS.items():
        numerator, denominator = metric(e)
        assert not isinstance(numerator, pd.Series) and not isinstance(denominator, pd.Series)
        values[name] = numerator / denominator if denominator else None
    return values


def measure_groups(e: Evidence, groups: list[str]) -> pd.DataFrame:
    """Every metric's value for each of ``groups`` (rows), in one pass over the year's rows;
    NA where a group's denominator is 0 (or it has no rows)."""
    grouped = replace(e, per_group=True)
    columns = {}
    for name, metric in METRICS.items():
        numerator, denominator = metric(grouped)
        numerator = pd.Series(numerator).reindex(groups, fill_value=0.0)
        denominator = pd.Series(denominator).reindex(groups, fill_value=0.0)
        columns[name] = (numerator / denominator.where(denominator > 0)).astype(object)
    table = pd.DataFrame(columns, index=pd.Index(groups, name="group"))
    return table.where(table.notna(), None)


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
    # Each year's measured period (first day, last day): the whole year, or, like with like, up
    # to the same day and month as the chosen year's as-of date.
    periods: dict[int, tuple[dt.date, dt.date]] = field(default_factory=dict)
    like_with_like: bool = False

    @property
    def period(self) -> tuple[dt.date, dt.date]:
        return self.periods[self.year]

    @property
    def previous_period(self) -> tuple[dt.date, dt.date]:
        return self.periods[self.previous_year]


def _compare(now: dict, before: dict) -> dict[str, dict[str, float | None]]:
    return {
        name: {
            "value": now[name],
            "previous": before[name],
            "change": change(name, now[name], before[name]),
        }
        for name in METRICS
    }


def same_day(year: int, day: dt.date) -> dt.date:
    """``day``'s month and day in ``year``; 29 February reads 28 February in a common year."""
    if (day.month, day.day) == (2, 29) and not calendar.isleap(year):
        return dt.date(year, 2, 28)
    return dt.date(year, day.month, day.day)


def measure_shifts(
    workbook: Workbook,
    year: int,
    as_of: dt.date | None = None,
    years: list[int] | None = None,
    timeline_at: Callable[[dt.date], Timeline] | None = None,
) -> Shifts:
    """The chosen year against the year before, overall and per group, and each year's values.

    Like with like (DOMAIN.md §6): while the chosen year is not over at ``as_of``, every year is
    measured up to the same day and month, and rates with a deadline count only talks whose
    deadline has passed by then; once it is over, whole years are compared. ``timeline_at``
    builds (or fetches from a cache) the timeline at a date; by default ``build_timeline``.
    """
    as_of = as_of or workbook.params.as_of_date()
    build = timeline_at or (lambda day: build_timeline(workbook, day))
    like = as_of <= dt.date(year, 12, 31)
    groups = sorted(workbook.members["group"].dropna().unique())
    years = sorted(set(years or []) | {year - 1, year})
    rows = []
    periods: dict[int, tuple[dt.date, dt.date]] = {}
    full_year = build(as_of) if not like else None
    for each in years:
        cutoff = same_day(each, as_of) if like else dt.date(each, 12, 31)
        periods[each] = (dt.date(each, 1, 1), cutoff)
        timeline = full_year if full_year is not None else build(cutoff)
        whole = evidence(timeline, each, deadlines=like)
        rows.append({"group": None, "year": each, **measure(whole)})
        by_group = measure_groups(whole, groups)
        rows += [
            {"group": group, "year": each, **{str(k): v for k, v in values.items()}}
            for group, values in zip(groups, by_group.to_dict("records"), strict=True)
        ]
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
    return Shifts(year, year - 1, overall, per_group, history, periods, like)
