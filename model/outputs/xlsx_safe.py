"""Writing untrusted text into workbooks we produce: text stays text, never a formula, and
characters that Excel cannot store are dropped instead of crashing the writer."""

from __future__ import annotations

from collections.abc import Iterable

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, MergedCell
from openpyxl.worksheet.worksheet import Worksheet

FORMULA_PREFIXES = ("=", "+", "-", "@")


def storable(value: object) -> object:
    """``value`` with the control characters Excel rejects (NUL, \\x01 …) removed."""
    if isinstance(value, str) and ILLEGAL_CHARACTERS_RE.search(value):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def has_unstorable(value: object) -> bool:
    return isinstance(value, str) and ILLEGAL_CHARACTERS_RE.search(value) is not None


def append_text_row(sheet: Worksheet, values: Iterable[object]) -> None:
    """Append a row; any string that Excel would take for a formula is stored as a string."""
    sheet.append([storable(value) for value in values])
    for cell in sheet[sheet.max_row]:
        keep_text(cell)


def keep_text(cell: Cell | MergedCell) -> None:
    """A string that Excel would take for a formula stays a string."""
    if isinstance(cell.value, str) and cell.value.startswith(FORMULA_PREFIXES):
        cell.data_type = "s"
