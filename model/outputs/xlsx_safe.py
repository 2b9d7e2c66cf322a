"""Writing untrusted text into workbooks we produce: text stays text, never a formula, and
characters that Excel cannot store are dropped instead of crashing the writer."""

from __future__ import annotations

import re
from collections.abc import Iterable

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, MergedCell
from openpyxl.worksheet.worksheet import Worksheet

FORMULA_PREFIXES = ("=", "+", "-", "@")


# Excel keeps at most this many characters in a cell (and a comment); a longer one is dropped
# when Excel "repairs" the file, so what we write is cut, with an ellipsis, to fit.
CELL_LIMIT = 32_767
ELLIPSIS = "…"


def fitted(text: str, limit: int = CELL_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - len(ELLIPSIS)] + ELLIPSIS


def storable(value: object) -> object:
    """``value`` with the control characters Excel rejects (NUL, \\x01 …) removed, and cut to
    what a cell holds."""
    if isinstance(value, str):
        if ILLEGAL_CHARACTERS_RE.search(value):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        return fitted(value)
    return value


# A formula that reaches outside the workbook: DDE (=cmd|'/c calc'!A1), another file
# (='[b.xlsx]S'!A1, ='C:\\…'), or the web (HYPERLINK, WEBSERVICE, IMPORTXML …).
EXTERNAL_FORMULA = re.compile(
    r"\||\[\d+\]|\[[^\]]*\.\w{2,4}\]|https?:|file:|\\\\"
    r"|\b(?:HYPERLINK|WEBSERVICE|IMPORT\w*|RTD|CALL|REGISTER)\s*\(",
    re.IGNORECASE,
)


def is_external_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith("=") and bool(EXTERNAL_FORMULA.search(value))


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
