"""Reading the clerk's workbook (DOMAIN.md §3–4): guard, isolate, parse, validate, resolve."""

from typing import TYPE_CHECKING

from model._lazy import attach

__getattr__, __dir__, __all__ = attach(
    __name__,
    {
        "errors": ["UnreadableWorkbook", "WorkbookError", "make_error"],
        "intake": ["ACCEPTED_SUFFIXES", "MAX_UPLOAD_BYTES", "FileKind"],
        "isolation": ["Limits", "read_isolated", "warm"],
        "params": ["PARAM_INFO", "ParamInfo", "Params"],
        "reader": ["ReadResult", "Workbook", "read_workbook", "read_workbook_file"],
    },
)

if TYPE_CHECKING:
    from model.workbook.errors import UnreadableWorkbook, WorkbookError, make_error
    from model.workbook.intake import ACCEPTED_SUFFIXES, MAX_UPLOAD_BYTES, FileKind
    from model.workbook.isolation import Limits, read_isolated, warm
    from model.workbook.params import PARAM_INFO, ParamInfo, Params
    from model.workbook.reader import ReadResult, Workbook, read_workbook, read_workbook_file
