"""A workbook cut down to some central groups: what a group-limited leader may see at all."""

from __future__ import annotations

from dataclasses import replace

from model.workbook.reader import Workbook


def restrict(workbook: Workbook, groups: tuple[str, ...] | None) -> Workbook:
    """Only these groups' members, sessions and records; ``None`` keeps everything.

    Cutting the data before any page sees it means no table, chart, download or search box can
    show another group's names.
    """
    if groups is None:
        return workbook
    allowed = set(groups)
    members = workbook.members[workbook.members["group"].isin(allowed)]
    plan = workbook.plan[workbook.plan["group"].isin(allowed)]
    sessions = set(plan["session"])
    member_keys = set(members["key"])
    return replace(
        workbook,
        members=members,
        plan=plan,
        talks=workbook.talks[workbook.talks["session"].isin(sessions)],
        participation=workbook.participation[
            workbook.participation["session"].isin(sessions)
            & workbook.participation["member"].isin(member_keys)
        ],
        outreach=workbook.outreach[workbook.outreach["session"].isin(sessions)],
        exams=workbook.exams[workbook.exams["group"].isin(allowed)],
    )
