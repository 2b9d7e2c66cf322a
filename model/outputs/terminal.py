"""The report as a readable table for the terminal, in Chinese (or English)."""

from __future__ import annotations

from model.engine.report import Report
from model.texts.domain import (
    STATUS_ORDER,
    Lang,
    consequence_text,
    finding_title,
    fix_line,
    reasons_text,
    status_label,
)
from model.texts.lookup import text


def _percent(value: object) -> str:
    if not isinstance(value, int | float) or value != value:
        return "—"
    return f"{float(value):.0%}"


def report_text(report: Report, lang: Lang = "zh") -> str:
    overall = report.overall
    head = text("cli", "TERM_HEAD", lang, year=report.year, as_of=f"{report.as_of:%Y-%m-%d}")
    sessions = text(
        "cli",
        "TERM_SESSIONS",
        lang,
        planned=int(overall["planned"]),
        held=int(overall["held"]),
        overdue=int(overall["overdue"]),
        attendance=_percent(overall["attendance_rate"]),
        comments=_percent(overall["comment_coverage"]),
    )
    separator = text("cli", "TERM_COUNT_SEPARATOR", lang)
    counts = separator.join(f"{status_label(s, lang)} {int(overall[s])}" for s in STATUS_ORDER)
    lines = [head, "", sessions, text("cli", "TERM_MEMBERS", lang, counts=counts)]
    lines += ["", text("cli", "TERM_TABLE_HEAD", lang)]
    for group, row in report.groups.iterrows():
        lines.append(
            f"{group:<14}\t{row['planned']:>3} {row['held']:>4} {row['overdue']:>4} "
            f"{_percent(row['attendance_rate']):>6} {row['passed']:>4} {row['at_risk']:>4} {row['failed']:>5}"
        )
    flagged = report.members[report.members["status"].isin(["failed", "at_risk"])]
    if len(flagged):
        lines += ["", text("cli", "TERM_FLAGGED", lang)]
        order = {s: i for i, s in enumerate(STATUS_ORDER)}
        flagged = flagged.sort_values("status", key=lambda s: s.map(order))
        for _, row in flagged.iterrows():
            reasons = reasons_text(row["reasons"], lang)
            tail = fix_line(row["fix"], lang) or consequence_text(row["consequence"], lang) or ""
            line = text(
                "cli",
                "TERM_MEMBER_LINE",
                lang,
                status=status_label(row["status"], lang),
                group=row["group"],
                name=row["display"],
                reasons=reasons,
            )
            lines.append(line + (f" → {tail}" if tail else ""))
    counts_by_code = report.findings["code"].value_counts()
    if len(counts_by_code):
        lines += ["", text("cli", "TERM_FINDINGS", lang)]
        lines += [
            text("cli", "TERM_FINDING_LINE", lang, title=finding_title(str(code), lang), count=n)
            for code, n in counts_by_code.items()
        ]
    return "\n".join(lines)
