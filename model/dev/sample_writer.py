"""The sample ledger written as an .xlsx with openpyxl's streaming writer, as clerks keep it:
a title row above some headers and, past row 1,000, values typed as clerks type them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook as OpenpyxlWorkbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from model.workbook.schema import EXAMS, MEMBERS, OUTREACH, PARTICIPATION, PLAN, SETTINGS, TALKS

if TYPE_CHECKING:
    from model.dev.sample import Ledger


def write_workbook(
    ledger: Ledger,
    as_of: dt.date | None,
    path: Path,
    title_rows: bool = True,
    clerk_habits: bool = False,
) -> None:
    """Write the rows with openpyxl's streaming writer; a title row sits above some headers.

    ``clerk_habits`` types some values past row 1,000 as clerks do (text dates, √, full-width
    digits, synonyms), so a benchmark meets them where sampling readers stop looking.
    """
    book = OpenpyxlWorkbook(write_only=True)
    sheets = [
        (MEMBERS, ledger.members, "示范县各级党委（党组）理论学习中心组成员名单"),
        (PLAN, ledger.plan, "年度学习计划"),
        (TALKS, ledger.talks, None),
        (PARTICIPATION, ledger.participation, None),
        (OUTREACH, ledger.outreach, None),
        (EXAMS, ledger.exams, None),
    ]
    for spec, rows, title in sheets:
        sheet = book.create_sheet(spec.zh)
        if title and title_rows:
            cell = WriteOnlyCell(sheet, title)
            cell.font = Font(bold=True, size=14)
            sheet.append([cell])
        sheet.append(_header(sheet, [c.zh for c in spec.columns]))
        kinds = [column.kind for column in spec.columns]
        for number, row in enumerate(rows):
            sheet.append(_as_clerks_type(row, kinds, number) if clerk_habits else row)
    settings = book.create_sheet(SETTINGS.zh)
    settings.append(_header(settings, [c.zh for c in SETTINGS.columns]))
    if as_of:
        settings.append(["统计截止日期", as_of])
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)


_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_SYNONYMS = {
    "出席": "√",
    "缺席": "缺",
    "请假": "假",
    "口头": "口头点评",
    "书面": "书面点评",
    "是": "Y",
}


def _as_clerks_type(row: Sequence[Any], kinds: Sequence[str], number: int) -> list[Any]:
    """One row in three past row 1,000 as a clerk would type it: the same values, other forms."""
    if number < 1_000 or number % 3:
        return list(row)
    typed: list[Any] = []
    for value, kind in zip(row, kinds, strict=False):
        if kind == "date" and isinstance(value, dt.date):
            value = (
                f"{value.year}.{value.month}.{value.day}"
                if number % 2
                else f"{value.year}年{value.month}月{value.day}日"
            )
        elif kind in ("number", "int", "score") and isinstance(value, int | float):
            value = f"{value:g}".translate(_FULL_WIDTH)
        elif kind in ("choice", "yesno") and isinstance(value, str):
            value = _SYNONYMS.get(value, value)
        typed.append(value)
    return typed


def _header(sheet, names: list[str]) -> Iterator[Any]:
    for name in names:
        cell = WriteOnlyCell(sheet, name)
        cell.font = Font(bold=True)
        yield cell
