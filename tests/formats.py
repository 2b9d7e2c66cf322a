"""One small ledger with the clerk's habits and a few errors, in every format clerks keep it in.

The same rows go to .xlsx (openpyxl), .ods (odfpy, made here) and .xls (the committed fixture
``tests/fixtures/clerk_habits.xls``, written from these rows by ``tests/fixtures/make_xls.py``).
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import openpyxl
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P

from tests.workbooks import (
    EXAMS_HEADER,
    MEMBERS_HEADER,
    PARTICIPATION_HEADER,
    PLAN_HEADER,
    TALKS_HEADER,
)

XLS_FIXTURE = Path(__file__).parent / "fixtures" / "clerk_habits.xls"
D = dt.date

# Sheet → rows from row 1; a title row above each header, a blank row inside the data.
SHEETS: dict[str, list[list[object]]] = {
    "成员": [
        ["城关镇党委理论学习中心组成员名单"],
        MEMBERS_HEADER,
        ["张三　", "城关镇党委", "M001", "书记", "是", "北坪村", D(2026, 1, 1), None, None],
        ["赵丽", "城关镇党委", "M002", "镇长", "否", "金坪村、东坪村", "2026.1.5", None, "×"],
        [],
        ["李四", "城关镇党委", "M003", "副书记", None, None, "2026年1月5日", None, None],
    ],
    "学习计划": [
        PLAN_HEADER,
        ["CG-2026-01", "城关镇党委", D(2026, 3, 10), "学习专题一", "张三", "赵丽", "已举行"],
        ["CG-2026-02", "城关镇党委", "2026/5/12", "学习专题二", "赵丽", "张三", "已举行"],
        ["CG-2026-03", "城关镇党委", "2026-13-40", "学习专题三", "李四", "赵丽", "计划"],
    ],
    "讲课记录": [
        TALKS_HEADER,
        ["CG-2026-01", D(2026, 3, 10), D(2026, 3, 1), "６０", "√", "2026.3.12", "理论文章"],
        ["CG-2026-02", "2026/5/12", "2026-5-2", 45, "Y", None, None],
    ],
    "参学记录": [
        PARTICIPATION_HEADER,
        ["CG-2026-01", "赵丽", "到", "口头点评"],
        ["CG-2026-01", "李四", "√", "书面"],
        ["CG-2026-02", "张三", "出席", "-"],
        ["CG-2026-02", "赵立", "缺", None],
        ["CG-2026-02", "李四", "迟到", None],
    ],
    "考试成绩": [
        EXAMS_HEADER,
        ["张三", "城关镇党委", 2026, 88, None],
        ["赵丽", "城关镇党委", "２０２６", 105, None],
        ["李四", "城关镇党委", 2026, "59", "61"],
    ],
}
# The errors those rows hold, as (code, sheet, cell): what every format must report alike.
EXPECTED_ERRORS = [
    ("BAD_DATE", "学习计划", "C4"),
    ("UNKNOWN_PERSON", "参学记录", "B5"),
    ("BAD_CHOICE", "参学记录", "C6"),
    ("SCORE_OUT_OF_RANGE", "考试成绩", "D3"),
]


def without_errors() -> dict[str, list[list[object]]]:
    """The same ledger with its four errors put right, as the clerk would."""
    sheets = {name: [list(row) for row in rows] for name, rows in SHEETS.items()}
    sheets["学习计划"][3][2] = "2026-10-13"
    sheets["参学记录"][4][1] = "赵丽"
    sheets["参学记录"][5][2] = "请假"
    sheets["考试成绩"][2][3] = 95
    return sheets


def openpyxl_book(sheets: dict[str, list[list[object]]] = SHEETS) -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    return book


def as_xlsx(sheets: dict[str, list[list[object]]] = SHEETS) -> bytes:
    buffer = io.BytesIO()
    openpyxl_book(sheets).save(buffer)
    return buffer.getvalue()


def as_ods(sheets: dict[str, list[list[object]]] = SHEETS) -> bytes:
    """The rows as an OpenDocument spreadsheet: dates as date cells, numbers as float cells."""
    document = OpenDocumentSpreadsheet()
    for name, rows in sheets.items():
        table = Table(name=name)
        for row in rows:
            table_row = TableRow()
            for value in row:
                table_row.addElement(_ods_cell(value))
            table.addElement(table_row)
        document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def _ods_cell(value: object) -> TableCell:
    if value is None:
        return TableCell()
    if isinstance(value, dt.date):
        cell = TableCell(valuetype="date", datevalue=value.isoformat())
    elif isinstance(value, int | float) and not isinstance(value, bool):
        cell = TableCell(valuetype="float", value=value)
    else:
        cell = TableCell(valuetype="string")
    cell.addElement(P(text=str(value)))
    return cell
