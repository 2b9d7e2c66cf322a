"""Files we write: the Excel report, the annotated copy, the template, the terminal report."""

from typing import TYPE_CHECKING

from model._lazy import attach

__getattr__, __dir__, __all__ = attach(
    __name__,
    {
        "annotate": [
            "annotate_bytes",
            "annotate_isolated",
            "annotated_file_name",
            "error_list_bytes",
        ],
        "calendar": ["calendar_bytes"],
        "export": ["report_workbook", "unit_from_file_name"],
        "plan_workbook": ["merged_plan_bytes", "plan_workbook_bytes"],
        "record_sheet": ["records_bytes"],
        "signin_sheet": ["signin_file_name", "signin_sheet_bytes"],
        "terminal": ["report_text"],
        "template": ["template_bytes"],
    },
)

if TYPE_CHECKING:
    from model.outputs.annotate import (
        annotate_bytes,
        annotate_isolated,
        annotated_file_name,
        error_list_bytes,
    )
    from model.outputs.calendar import calendar_bytes
    from model.outputs.export import report_workbook, unit_from_file_name
    from model.outputs.plan_workbook import merged_plan_bytes, plan_workbook_bytes
    from model.outputs.record_sheet import records_bytes
    from model.outputs.signin_sheet import signin_file_name, signin_sheet_bytes
    from model.outputs.template import template_bytes
    from model.outputs.terminal import report_text
