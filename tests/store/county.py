"""A two-group county for the scoped-publish tests, and helpers to edit a downloaded file."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl

from tests.workbooks import ledger

QS, CG = "青山镇党委", "城关镇党委"
D = dt.date


def county(settings=(("及格分", 70),)) -> bytes:
    return ledger(
        members=[
            ["张三", QS, "Q01", "书记", "是"],
            ["李四", QS, "Q02", "镇长"],
            ["王五", QS, "Q03"],
            ["赵六", CG, "C01", "书记", "是"],
            ["钱七", CG, "C02"],
        ],
        plan=[
            ["QS-1", QS, D(2026, 3, 1), "理论学习", "张三", "李四"],
            ["QS-2", QS, D(2026, 6, 1), "基层治理", "李四", "张三"],
            ["CG-1", CG, D(2026, 3, 5), "乡村振兴", "赵六", "钱七"],
        ],
        talks=[
            ["QS-1", D(2026, 3, 1), D(2026, 2, 20), 60],
            ["CG-1", D(2026, 3, 5), D(2026, 2, 25), 70],
        ],
        participation=[
            ["QS-1", "李四", "出席", "口头"],
            ["QS-1", "王五", "请假", "书面"],
            ["CG-1", "钱七", "出席", "口头"],
        ],
        outreach=[["CG-1", D(2026, 3, 20), "城关社区", 40]],
        exams=[["张三", QS, 2026, 90], ["赵六", CG, 2026, 85]],
        settings=settings,
    )


def records(data: bytes, sheet: str) -> list[dict[str, object]]:
    """A sheet's data rows as {header: value} without blank cells (dates as ISO text)."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    rows = list(book[sheet].iter_rows(values_only=True))
    header = rows[0]
    found = []
    for values in rows[1:]:
        row = {h: _plain(v) for h, v in zip(header, values, strict=False) if v is not None}
        if row:
            found.append(row)
    return found


def _plain(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return value


def edited(data: bytes, edit) -> bytes:
    """``edit(book)`` applied to an openpyxl copy of ``data``: a clerk's session in Excel."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    edit(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def delete_rows_where(sheet, column: int, value: object) -> None:
    """Delete every data row whose ``column`` (1-based) holds ``value``."""
    for row in range(sheet.max_row, 1, -1):
        if sheet.cell(row, column).value == value:
            sheet.delete_rows(row)
