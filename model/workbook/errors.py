"""Errors (DOMAIN.md §4): what makes an upload unusable, with where it is and what to type."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from model.texts.errors import ERRORS, with_parts
from model.texts.plural import fill


def column_letter(index: int) -> str:
    """0-based column index to Excel letters: 0 → A, 27 → AB."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


@dataclass(frozen=True)
class WorkbookError:
    code: str
    sheet: str | None
    row: int | None
    column: str | None
    cell: str | None
    value: str | None
    message: str
    hint: str
    fields: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def as_dict(self) -> dict[str, Any]:
        """The JSON of ``validate``: where, what, and what to type (in Chinese)."""
        return {
            "code": self.code,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "cell": self.cell,
            "value": self.value,
            "message": self.message,
            "hint": self.hint,
        }

    def text(self, lang: str = "zh") -> tuple[str, str]:
        """(message, hint) in the dashboard's language."""
        if lang == "zh" or not self.fields:
            return self.message, self.hint
        message, hint = ERRORS[self.code]["en"]
        try:
            fields = with_parts(self.fields, "en")
            return fill(message, **fields), fill(hint, **fields)
        except (KeyError, ValueError, IndexError):
            return self.message, self.hint


def make_error(
    code: str,
    *,
    sheet: str | None = None,
    row: int | None = None,
    column: str | None = None,
    column_index: int | None = None,
    value: object = None,
    **details: object,
) -> WorkbookError:
    """Build an error with its Chinese message and hint from the catalogue."""
    message_template, hint_template = ERRORS[code]["zh"]
    fields = {"sheet": sheet, "row": row, "column": column, "value": value, **details}
    cell = None
    if row is not None and column_index is not None:
        cell = f"{column_letter(column_index)}{row}"
    return WorkbookError(
        code=code,
        sheet=sheet,
        row=row,
        column=column,
        cell=cell,
        value=None if value is None else str(value),
        message=fill(message_template, **with_parts(fields, "zh")),
        hint=fill(hint_template, **with_parts(fields, "zh")),
        fields=fields,
    )


class UnreadableWorkbook(Exception):
    """The file cannot be read as a study workbook at all (exit code 2)."""

    def __init__(self, error: WorkbookError) -> None:
        super().__init__(error.message)
        self.error = error
