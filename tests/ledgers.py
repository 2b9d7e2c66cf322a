"""Scenario helpers for rule tests: a small group whose rows read like the sheets."""

from __future__ import annotations

import datetime as dt

from model.engine.report import Report, build_report
from model.texts.domain import finding_text, fix_line, reason_text
from tests.workbooks import clean_workbook

D = dt.date
G = "一组"
MID_YEAR = D(2026, 6, 30)
# 甲 is the head with two 联系点; 乙 and 丙 are members.
MEMBERS = [
    ["甲", G, None, "书记", "是", "东村、西村"],
    ["乙", G, None, "委员", "否", "南村"],
    ["丙", G, None, "委员", "否", None],
]


def report(
    year: int = 2026,
    as_of: dt.date = MID_YEAR,
    members=MEMBERS,
    plan=(),
    talks=(),
    participation=(),
    outreach=(),
    exams=(),
    settings=(),
) -> Report:
    workbook = clean_workbook(
        members=members,
        plan=plan,
        talks=talks,
        participation=participation,
        outreach=outreach,
        exams=exams,
        settings=settings,
    )
    return build_report(workbook, year, as_of)


def findings(rep: Report, code: str) -> list[tuple]:
    """(session, member name) of each finding with this code."""
    names = rep.timeline.members["name"]
    rows = rep.findings[rep.findings["code"] == code]
    return [
        (s if isinstance(s, str) else None, names.get(m) if isinstance(m, str) else None)
        for s, m in zip(rows["session"], rows["member"], strict=True)
    ]


def member(rep: Report, name: str):
    rows = rep.members[rep.members["name"] == name]
    assert len(rows) == 1
    return rows.iloc[0]


def plan_row(session, planned, speaker="甲", host="乙", status="", topic="专题"):
    return [session, G, planned, topic, speaker, host, status]


GOOD = object()  # a sentinel: a draft 10 days before, a final draft 5 days after


def talk_row(session, held, draft=GOOD, minutes=60, final=GOOD, article="理论文章"):
    draft = held - dt.timedelta(days=10) if draft is GOOD else draft
    final = held + dt.timedelta(days=5) if final is GOOD else final
    return [session, held, draft, minutes, "是", final, article]


def everyone(session, comment="口头", skip=("甲",)):
    """Participation rows: every member but the speaker present with this comment."""
    return [[session, name, "出席", comment] for name, *_ in MEMBERS if name not in skip]


def reason_texts(row) -> list[str]:
    """A member's reasons as the Chinese page shows them."""
    return [reason_text(r["code"], r["details"]) for r in row["reasons"]]


def fix_of(row) -> str | None:
    return fix_line(row["fix"])


def finding_texts(rep: Report, code: str) -> list[str]:
    rows = rep.findings[rep.findings["code"] == code]
    return [finding_text(c, d) for c, d in zip(rows["code"], rows["details"], strict=True)]
