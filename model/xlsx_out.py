"""Writing untrusted text into workbooks we produce: text stays text, never a formula."""

from __future__ import annotations

from collections.abc import Iterable

from openpyxl.worksheet.worksheet import Worksheet

FORMULA_PREFIXES = ("=", "+", "-", "@")


def append_text_row(sheet: Worksheet, values: Iterable[object]) -> None:
    """Append a row; any string that Excel would take for a formula is stored as a string."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith(FORMULA_PREFIXES):
            cell.data_type = "s"
