"""The proposed plan as a workbook to upload (issue #14): the template with the group's 成员
and the plan in 学习计划, or a copy of the current workbook with the plan rows appended.

Both keep what the clerk relies on: the template's dropdowns and 说明 sheet, or the clerk's
own sheets untouched except for the new rows.
"""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from model.engine.plan import PlanProposal
from model.outputs.template import template_bytes
from model.outputs.xlsx_safe import keep_text, storable
from model.workbook.intake import check_workbook_bytes
from model.workbook.schema import HEADER_SEARCH_ROWS, MEMBERS, PLAN, Sheet, normalize_header
from model.workbook.values import NO_WORD, YES_WORD


def _cell(value: object) -> object:
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.date()
    if isinstance(value, bool):
        return YES_WORD if value else NO_WORD
    if isinstance(value, tuple | list):
        return "、".join(str(v) for v in value) or None
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:  # NaN
        return None
    return value


def _header(sheet: Worksheet, spec: Sheet) -> tuple[int, dict[str, int]]:
    """The header row (1-based) and column key → column number, as the reader finds them."""
    for row in range(1, HEADER_SEARCH_ROWS + 1):
        found: dict[str, int] = {}
        for cell in sheet[row]:
            header = normalize_header(cell.value)
            for column in spec.columns:
                if column.matches(header) and column.key not in found:
                    found[column.key] = int(cell.column or 0)
        if all(c.key in found for c in spec.required_columns):
            return row, found
    raise ValueError(f"{spec.zh}: no header row")


def _last_row(sheet: Worksheet, header_row: int) -> int:
    """The last row holding any value (empty formatted rows below it do not count)."""
    last = header_row
    for row in sheet.iter_rows(min_row=header_row + 1):
        if any(cell.value not in (None, "") for cell in row):
            last = int(row[0].row or last)
    return last


def _append(sheet: Worksheet, spec: Sheet, frame: pd.DataFrame) -> None:
    header_row, columns = _header(sheet, spec)
    row = _last_row(sheet, header_row)
    for record in frame.to_dict("records"):
        row += 1
        for key, number in columns.items():
            value = storable(_cell(record.get(key)))
            cell = sheet.cell(row, number)
            cell.value = value  # type: ignore[assignment]
            keep_text(cell)  # text stays text, never a formula
            if key.endswith("date") or key in ("joined", "left"):
                cell.number_format = "yyyy-mm-dd"


def _find(book, spec: Sheet) -> Worksheet:
    return next(book[name] for name in book.sheetnames if spec.matches(name))


def plan_workbook_bytes(proposal: PlanProposal) -> bytes:
    """The template holding the group's members and the proposed plan."""
    book = load_workbook(io.BytesIO(template_bytes()))
    members = proposal.members.drop(columns=["key", "row"], errors="ignore")
    _append(_find(book, MEMBERS), MEMBERS, members)
    _append(_find(book, PLAN), PLAN, proposal.cells())
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def merged_plan_bytes(current: bytes, proposal: PlanProposal) -> bytes:
    """A copy of ``current`` (a workbook that passed validation) with the plan rows appended;
    an .xls, .xlsb or .ods workbook becomes an .xlsx copy of its values first."""
    if check_workbook_bytes(current, len(current) + 1).format in ("xlsx", "xlsm"):
        book = load_workbook(io.BytesIO(current))
    else:
        from model.outputs.convert import openpyxl_copy

        book = openpyxl_copy(current)
    _append(_find(book, PLAN), PLAN, proposal.cells())
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
