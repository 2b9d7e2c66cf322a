"""The clerk's own workbook with every error cell marked red and explained, and a 错误清单 sheet."""

from __future__ import annotations

import io

from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill

from model.errors import WorkbookError
from model.xlsx_out import append_text_row

ERROR_FILL = PatternFill("solid", fgColor="FF9999")
LIST_SHEET = "错误清单"
LIST_HEADER = ("序号", "工作表", "单元格", "行", "列", "填写的值", "问题", "怎么改")


def annotate_bytes(data: bytes, errors: list[WorkbookError]) -> bytes:
    """A copy of ``data`` (an .xlsx that openpyxl can open) with the errors marked."""
    book = load_workbook(io.BytesIO(data))
    if LIST_SHEET in book.sheetnames:
        del book[LIST_SHEET]
    listing = book.create_sheet(LIST_SHEET, 0)
    listing.append(LIST_HEADER)
    for cell in listing[1]:
        cell.font = Font(bold=True)
    for number, error in enumerate(errors, start=1):
        append_text_row(
            listing,
            [
                number,
                error.sheet,
                error.cell,
                error.row,
                error.column,
                error.value,
                error.message,
                error.hint,
            ],
        )
        if error.sheet in book.sheetnames and error.cell:
            target = book[error.sheet][error.cell]
            target.fill = ERROR_FILL
            note = f"{error.message}\n{error.hint}"
            if target.comment is not None:
                note = f"{target.comment.text}\n{note}"
            target.comment = Comment(note, "学习台账检查", width=320, height=120)
            link = listing.cell(number + 1, 3)
            quoted = error.sheet.replace("'", "''")
            link.hyperlink = f"#'{quoted}'!{error.cell}"
            link.font = Font(color="0563C1", underline="single")
    for letter, width in zip("ABCDEFGH", (6, 12, 8, 6, 12, 18, 50, 60), strict=True):
        listing.column_dimensions[letter].width = width
    listing.freeze_panes = "A2"
    book.active = 0
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
