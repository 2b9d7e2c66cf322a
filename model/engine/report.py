"""One year's report: findings, credits, statuses and progress, per group and for the workbook."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd

from model._gc import collector_paused
from model.engine.assessment import assess, explain_all
from model.engine.codes import positions, tally
from model.engine.credits import BREAKDOWN, credit_ledger
from model.engine.findings import find_all
from model.engine.progress import progress, session_checks
from model.engine.timeline import Timeline, build_timeline, in_the_year
from model.texts.domain import (
    ADMONISHED,
    STATUS_ORDER,
    Lang,
    consequence_text,
    finding_text,
    fix_line,
    reason_text,
)
from model.workbook.params import Params
from model.workbook.reader import Workbook


@dataclass
class Report:
    year: int
    as_of: dt.date
    params: Params
    timeline: Timeline
    sessions: pd.DataFrame  # session_checks of the year
    findings: pd.DataFrame  # code, group, session, member, year, details
    # One row per assessed member: credits, line, status; reasons and fix as lists of
    # {"code", "details"}; consequence the code ADMONISHED for 不达标.
    members: pd.DataFrame
    groups: pd.DataFrame  # progress and status counts per group
    overall: pd.Series  # the same for every group together


def years_of(workbook: Workbook) -> list[int]:
    """Years that have sessions or exams, newest first."""
    dates = pd.concat([workbook.plan["planned_date"], workbook.talks["held_date"]])
    years = set(dates.dropna().dt.year.astype(int)) | set(
        workbook.exams["year"].dropna().astype(int)
    )
    return sorted(years, reverse=True)


def default_year(workbook: Workbook, as_of: dt.date | None = None) -> int:
    years = years_of(workbook)
    today = (as_of or workbook.params.as_of_date()).year
    return today if today in years or not years else years[0]


@collector_paused()
def build_report(
    workbook: Workbook,
    year: int,
    as_of: dt.date | None = None,
    group: str | None = None,
    timeline: Timeline | None = None,
) -> Report:
    """The year's report in codes and numbers; it does not depend on the language shown."""
    timeline = timeline or build_timeline(workbook, as_of)
    findings = find_all(timeline, year)
    ledger = credit_ledger(timeline, year)
    members = assess(timeline, ledger, workbook.exams, year)
    _explain_all(members, _member_counts(timeline, year, findings), year)
    checks = session_checks(timeline, year, findings)
    whole = Report(
        year,
        timeline.as_of.date(),
        timeline.params,
        timeline,
        checks,
        findings,
        members,
        _group_table(checks, members),
        _overall(checks, members),
    )
    return group_report(whole, group) if group else whole


def group_report(whole: Report, group: str) -> Report:
    """One group's report cut from the whole's: the rules are per member, session and group, so
    the cut is the report built for that group, and a group change costs a filter, not a build."""
    findings = whole.findings[whole.findings["group"] == group]
    members = whole.members[whole.members["group"] == group]
    checks = whole.sessions[whole.sessions["group"] == group]
    groups, overall = _group_table(checks, members), _overall(checks, members)
    return replace(
        whole, sessions=checks, findings=findings, members=members, groups=groups, overall=overall
    )


def _member_counts(timeline: Timeline, year: int, findings: pd.DataFrame) -> pd.DataFrame:
    """Per member: absences and missing comments as the rules found them, leaves taken, and
    whether the member has a talk (no NEVER_SPEAKER finding)."""
    index = timeline.members.index
    size = len(index)
    codes = positions(findings["member"], index)
    code = findings["code"].to_numpy()
    rows = timeline.attendance
    expected = rows.loc[
        in_the_year(rows, year) & rows["expected"].to_numpy(), ["member_code", "on_leave"]
    ]
    counts = pd.DataFrame(
        {
            "absent": tally(codes, size, code == "ABSENT_UNEXCUSED"),
            "no_comment": tally(codes, size, code == "COMMENT_MISSING"),
            "never_speaker": tally(codes, size, code == "NEVER_SPEAKER"),
            "leave": tally(expected["member_code"].to_numpy(), size, expected["on_leave"]),
        },
        index=index,
    )
    counts["talks_planned"] = (counts["never_speaker"] == 0).astype(int)
    return counts


def _explain_all(members: pd.DataFrame, counts: pd.DataFrame, year: int) -> None:
    """Reasons, fix and consequence as codes with details; words are chosen at the edges."""
    reasons, fixes = explain_all(members, counts, year)
    members["reasons"] = pd.Series(reasons, index=members.index, dtype=object)
    members["fix"] = pd.Series(fixes, index=members.index, dtype=object)
    members["consequence"] = members["status"].map({"failed": ADMONISHED})


def _status_counts(members: pd.DataFrame, by: str | None) -> pd.DataFrame:
    key = by or "_all"
    # One group holding every member when ``by`` is None; not a copy of all the columns.
    keys = members[by] if by else pd.Series("all", index=members.index, dtype=object)
    frame = pd.DataFrame({key: keys, "status": members["status"]})
    counts = frame.groupby([key, "status"]).size().unstack(fill_value=0)
    return counts.reindex(columns=list(STATUS_ORDER), fill_value=0)


def _group_table(checks: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
    groups = pd.Index(sorted(set(members["group"]) | set(checks["group"])), name="group")
    table = progress(checks, "group").reindex(groups)
    counts = ["planned", "held", "overdue", "cancelled", "postponed"]
    table[counts] = table[counts].fillna(0).astype(int)
    statuses = _status_counts(members, "group").reindex(groups, fill_value=0)
    table = table.join(statuses)
    table["members"] = statuses.sum(axis=1)
    table["completion"] = (table["held"] / table["planned"].where(table["planned"] > 0)).astype(
        "Float64"
    )
    return table


def _overall(checks: pd.DataFrame, members: pd.DataFrame) -> pd.Series:
    totals = progress(checks, None)
    row = totals.iloc[0] if len(totals) else pd.Series(0, index=totals.columns)
    statuses = _status_counts(members, None)
    status_row = statuses.iloc[0] if len(statuses) else pd.Series(0, index=list(STATUS_ORDER))
    return pd.concat([row, status_row, pd.Series({"members": int(status_row.sum())})])


def plain(value: Any) -> Any:
    """JSON-ready: NA to None, numpy numbers to Python numbers."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def _values(column: pd.Series) -> list[Any]:
    """A column as plain Python values, NA as None, in one pass (not one lookup per cell)."""
    return column.astype(object).where(column.notna(), None).tolist()


@collector_paused()
def report_json(report: Report, lang: Lang = "zh") -> dict[str, Any]:
    """The CLI's JSON: codes and numbers, with the texts rendered in ``lang``, as Python data
    (``model.outputs.report_json`` writes the same as bytes, faster)."""
    frame = report.members.sort_values(["group", "name"])
    return {
        "year": report.year,
        "as_of": report.as_of.isoformat(),
        "members": _member_records(frame, lang),
        "findings": _finding_records(report, report.findings, lang),
        "groups": group_records(report),
        "overall": {k: plain(v) for k, v in report.overall.items()},
    }


def _member_records(frame: pd.DataFrame, lang: Lang) -> list[dict[str, Any]]:
    breakdown = {part: _values(frame[part]) for part in BREAKDOWN}
    parts = list(breakdown)
    columns = zip(
        frame["group"].tolist(),
        frame["display"].tolist(),  # a name two members share carries its 编号
        _values(frame["member_id"]),
        _values(frame["credits"]),
        zip(*breakdown.values(), strict=True),
        _values(frame["line"]),
        frame["projected"].astype(float).round(1).tolist(),
        frame["attainable"].astype(float).round(1).tolist(),
        _values(frame["score"]),
        _values(frame["makeup"]),
        frame["status"].tolist(),
        frame["reasons"].tolist(),
        frame["fix"].tolist(),
        frame["consequence"].tolist(),
        strict=True,
    )
    return [
        {
            "group": group,
            "name": name,
            "member_id": member_id,
            "credits": credits,
            "breakdown": dict(zip(parts, shares, strict=True)),
            "line": line,
            "projected": projected,
            "attainable": attainable,
            "exam": {"score": score, "makeup": makeup},
            "status": status,
            "reasons": [
                {"code": r["code"], "text": reason_text(r["code"], r["details"], lang)}
                for r in reasons
            ],
            "fix": fix_line(fix, lang),
            "consequence": consequence_text(consequence, lang),
        }
        for (
            group,
            name,
            member_id,
            credits,
            shares,
            line,
            projected,
            attainable,
            score,
            makeup,
            status,
            reasons,
            fix,
            consequence,
        ) in columns
    ]


def _finding_records(report: Report, findings: pd.DataFrame, lang: Lang) -> list[dict]:
    names = findings["member"].map(report.timeline.members["display"])
    finding_rows = zip(
        findings["code"].tolist(),
        findings["group"].tolist(),
        _values(findings["session"]),
        _values(names),
        findings["details"].tolist(),
        strict=True,
    )
    return [
        {
            "code": code,
            "group": group,
            "session": session,
            "member": name,
            "text": finding_text(code, details, lang),
        }
        for code, group, session, name, details in finding_rows
    ]


def group_records(report: Report) -> list[dict[str, Any]]:
    table = report.groups
    group_columns = {column: _values(table[column]) for column in table.columns}
    return [
        {"group": group, **dict(zip(group_columns, values, strict=True))}
        for group, *values in zip(table.index, *group_columns.values(), strict=True)
    ]
