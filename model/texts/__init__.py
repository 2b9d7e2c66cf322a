"""The one catalogue of domain texts, code → {zh, en}: errors, findings, reasons, fixes,
statuses. The engine returns codes; these words are chosen at the edges."""

from typing import TYPE_CHECKING

from model._lazy import attach

__getattr__, __dir__, __all__ = attach(
    __name__,
    {
        "domain": [
            "ADMONISHED",
            "CONSEQUENCE",
            "consequence_text",
            "fix_line",
            "reasons_text",
            "FINDINGS",
            "STATUS_ORDER",
            "Lang",
            "finding_text",
            "finding_title",
            "fix_text",
            "group_shortfall_text",
            "reason_text",
            "status_label",
        ],
        "labels": ["LABELS", "PROCEDURE", "text"],
        "notices": ["NOTICES", "notice_text"],
        "recording": ["RECORD_TEXTS", "record_text"],
        "rules": ["CREDIT_RULES", "FINDING_RULES", "STATUS_RULES", "rule_text"],
        "shifts": [
            "METRIC_LABELS",
            "SHIFT_TITLES",
            "change_text",
            "period_caption",
            "shown",
            "summary_paragraph",
        ],
        "todo": ["PLAN_NOTICES", "TODO_TEXTS", "plan_notice", "todo_kind", "todo_text"],
    },
)

if TYPE_CHECKING:
    from model.texts.domain import (
        ADMONISHED,
        CONSEQUENCE,
        FINDINGS,
        STATUS_ORDER,
        Lang,
        consequence_text,
        finding_text,
        finding_title,
        fix_line,
        fix_text,
        group_shortfall_text,
        reason_text,
        reasons_text,
        status_label,
    )
    from model.texts.labels import LABELS, PROCEDURE, text
    from model.texts.notices import NOTICES, notice_text
    from model.texts.recording import RECORD_TEXTS, record_text
    from model.texts.rules import CREDIT_RULES, FINDING_RULES, STATUS_RULES, rule_text
    from model.texts.shifts import (
        METRIC_LABELS,
        SHIFT_TITLES,
        change_text,
        period_caption,
        shown,
        summary_paragraph,
    )
    from model.texts.todo import PLAN_NOTICES, TODO_TEXTS, plan_notice, todo_kind, todo_text
