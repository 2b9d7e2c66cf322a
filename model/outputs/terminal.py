"""The report as a readable Chinese table for the terminal."""

from __future__ import annotations

from model.engine.report import Report
from model.texts.domain import (
    STATUS_ORDER,
    consequence_text,
    finding_title,
    fix_line,
    reasons_text,
    status_label,
)


def _percent(value: object) -> str:
    if not isinstance(value, int | float) or value != value:
        return "—"
    return f"{float(value):.0%}"


def report_text(report: Report) -> str:
    lines = [f"{report.year} 年度学习情况（统计截止 {report.as_of:%Y-%m-%d}）", ""]
    overall = report.overall
    lines.append(
        f"场次：计划 {int(overall['planned'])}，已举行 {int(overall['held'])}，逾期 {int(overall['overdue'])}；"
        f"到课率 {_percent(overall['attendance_rate'])}，点评覆盖 {_percent(overall['comment_coverage'])}"
    )
    lines.append("成员：" + "，".join(f"{status_label(s)} {int(overall[s])}" for s in STATUS_ORDER))
    lines += ["", "中心组                 计划 举行 逾期 到课率 达标 风险 不达标"]
    for group, row in report.groups.iterrows():
        lines.append(
            f"{group:<14}\t{row['planned']:>3} {row['held']:>4} {row['overdue']:>4} "
            f"{_percent(row['attendance_rate']):>6} {row['passed']:>4} {row['at_risk']:>4} {row['failed']:>5}"
        )
    flagged = report.members[report.members["status"].isin(["failed", "at_risk"])]
    if len(flagged):
        lines += ["", "需要关注的成员："]
        order = {s: i for i, s in enumerate(STATUS_ORDER)}
        flagged = flagged.sort_values("status", key=lambda s: s.map(order))
        for _, row in flagged.iterrows():
            reasons = reasons_text(row["reasons"])
            tail = fix_line(row["fix"]) or consequence_text(row["consequence"]) or ""
            lines.append(
                f"  [{status_label(row['status'])}] {row['group']} {row['display']}：{reasons}"
                + (f" → {tail}" if tail else "")
            )
    counts = report.findings["code"].value_counts()
    if len(counts):
        lines += ["", "发现的问题："]
        lines += [f"  {finding_title(str(code))}：{count} 处" for code, count in counts.items()]
    return "\n".join(lines)
