"""The 1+X rules as codes and numbers (DOMAIN.md §4–6): timeline, findings, credits,
assessment, progress, and the year's report that holds them all."""

from typing import TYPE_CHECKING

from model._lazy import attach

__getattr__, __dir__, __all__ = attach(
    __name__,
    {
        "assessment": ["EXAM_WARNING_DAYS"],
        "credits": ["BREAKDOWN", "credit_events", "credit_ledger"],
        "record": ["StudyRecord", "find_member", "group_records", "study_record"],
        "findings": ["RULES", "find_all"],
        "plan": [
            "DEFAULT_WEEKDAY",
            "PlanProposal",
            "needed_sessions",
            "person_labels",
            "propose_plan",
        ],
        "report": ["Report", "build_report", "default_year", "years_of"],
        "scope": ["restrict"],
        "shifts": ["AVERAGES", "METRICS", "SHIFTS", "Shifts", "measure_shifts"],
        "timeline": ["Timeline", "build_timeline"],
        "todo": ["TODO_KINDS", "Todo", "due_items", "todo_items"],
    },
)

if TYPE_CHECKING:
    from model.engine.assessment import EXAM_WARNING_DAYS
    from model.engine.credits import BREAKDOWN, credit_events, credit_ledger
    from model.engine.findings import RULES, find_all
    from model.engine.plan import (
        DEFAULT_WEEKDAY,
        PlanProposal,
        needed_sessions,
        person_labels,
        propose_plan,
    )
    from model.engine.record import StudyRecord, find_member, group_records, study_record
    from model.engine.report import Report, build_report, default_year, years_of
    from model.engine.scope import restrict
    from model.engine.shifts import AVERAGES, METRICS, SHIFTS, Shifts, measure_shifts
    from model.engine.timeline import Timeline, build_timeline
    from model.engine.todo import TODO_KINDS, Todo, due_items, todo_items
