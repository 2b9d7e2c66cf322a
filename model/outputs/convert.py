"""A .xls, .xlsb or .ods workbook as an openpyxl workbook: every value in the same sheet and cell.

openpyxl only opens .xlsx, so the annotated copy of another format starts from this. python-calamine
gives each cell its own type (dates stay dates); formatting, formulas and macros are not carried.
It runs on untrusted bytes, so callers run it in the isolated worker.
"""

from __future__ import annotations

import io
import re

from openpyxl import Workbook as OpenpyxlWorkbook
from python_calamine import CalamineWorkbook

from model.outputs.xlsx_safe import keep_text, storable

DATE_FORMAT = "yyyy-mm-dd"
INVALID_TITLE = re.compile(r"[\\*?:/\[\]]")


def openpyxl_copy(data: bytes) -> OpenpyxlWorkbook:
    """Values of every sheet at their positions from A1; merges kept so marks land on them."""
    source = CalamineWorkbook.from_filelike(io.BytesIO(data))
    book = OpenpyxlWorkbook()
    default = book.active
    for name in source.sheet_names:
        sheet = source.get_sheet_by_name(name)
        target = book.create_sheet(_sheet_title(name))
        for row_number, row in enumerate(sheet.to_python(skip_empty_area=False), start=1):
            for column_number, value in enumerate(row, start=1):
                if value == "" or value is None:
                    continue
                cell = target.cell(row_number, column_number, storable(value))
                keep_text(cell)
                if hasattr(value, "year"):
                    cell.number_format = DATE_FORMAT
        for merged in sheet.merged_cell_ranges or []:
            (top, left), (bottom, right) = merged
            target.merge_cells(
                start_row=top + 1, start_column=left + 1, end_row=bottom + 1, end_column=right + 1
            )
    if default is not None and len(book.sheetnames) > 1:
        book.remove(default)
    return book


def _sheet_title(name: str) -> str:
    """The clerk's name where Excel allows it (.ods allows more: / ? * [ ] : \\ and length)."""
    return INVALID_TITLE.sub("_", name)[:31] or "Sheet"
