"""The one catalogue of domain texts, code → {zh, en}: errors, findings, reasons, fixes,
statuses. The engine returns codes; these words are chosen at the edges."""

from typing import TYPE_CHECKING

from model._lazy import attach

__getattr__, __dir__, __all__ = attach(
    __name__,
    {
        "domain": [
            "CONSEQUENCE",
            "FINDINGS",
            "STATUS_ORDER",
            "Lang",
            "finding_text",
            "finding_title",
            "fix_text",
            "reason_text",
            "status_label",
        ],
        "labels": ["PROCEDURE", "text"],
    },
)

if TYPE_CHECKING:
    from model.texts.domain import (
        CONSEQUENCE,
        FINDINGS,
        STATUS_ORDER,
        Lang,
        finding_text,
        finding_title,
        fix_text,
        reason_text,
        status_label,
    )
    from model.texts.labels import PROCEDURE, text
