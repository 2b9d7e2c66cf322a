"""A diff (``model.store.workbook_diff``) as an .xlsx: 参数 and 考核状态 first, then one sheet
per workbook sheet with a row per changed cell, old and new side by side (issue #24)."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook as OpenpyxlWorkbook
from openpyxl.styles import Font

from model.outputs.xlsx_safe import append_text_row
from model.store.workbook_diff import WorkbookDiff, json_value
from model.texts.domain import status_label
from model.texts.labels import text

BOLD = Font(bold=True)


def diff_bytes(diff: WorkbookDiff) -> bytes:
    book = OpenpyxlWorkbook()
    default = book.active
    params = book.create_sheet(text("diff_sheet_params"))
    _rows(
        params,
        [text("diff_param"), text("diff_old"), text("diff_new")],
        [[p.key, json_value(p.old), json_value(p.new)] for p in diff.params],
    )
    statuses = book.create_sheet(text("diff_sheet_statuses"))
    _rows(
        statuses,
        [text("group"), text("name"), text("member_id"), text("diff_old"), text("diff_new")],
        [
            [
                s.group,
                s.name,
                s.member_id,
                status_label(s.old) if s.old else None,
                status_label(s.new) if s.new else None,
            ]
            for s in diff.statuses
        ],
    )
    header = [text("diff_key"), text("diff_change"), text("diff_column")]
    header += [text("diff_old"), text("diff_new")]
    for sheet_name in dict.fromkeys(row.sheet for row in diff.rows):
        sheet = book.create_sheet(sheet_name)
        rows = [
            [row.key, text(f"diff_{row.change}"), cell.column, *_sides(cell.old, cell.new)]
            for row in diff.rows
            if row.sheet == sheet_name
            for cell in row.cells
        ]
        _rows(sheet, header, rows)
    if default is not None:
        book.remove(default)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sides(old: object, new: object) -> list[object]:
    return [json_value(old), json_value(new)]  # type: ignore[arg-type]


def _rows(sheet: Any, header: list[str], rows: list[list[object]]) -> None:
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = BOLD
    for row in rows:
        append_text_row(sheet, row)  # the clerk's text stays text, never a formula
    sheet.freeze_panes = "A2"
    for column, width in zip("ABCDE", (24, 10, 14, 24, 24), strict=False):
        sheet.column_dimensions[column].width = width
