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
    """An error as a code, where it is, and the fields its words are filled with: the words
    themselves (message and hint, in Chinese or English) are chosen when they are shown."""

    code: str
    sheet: str | None
    row: int | None
    column: str | None
    cell: str | None
    value: str | None
    fields: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def message(self) -> str:
        return self.text("zh")[0]

    @property
    def hint(self) -> str:
        return self.text("zh")[1]

    def as_dict(self) -> dict[str, Any]:
        """The JSON of ``validate``: where, what, and what to type (in Chinese)."""
        message, hint = self.text("zh")
        return {
            "code": self.code,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "cell": self.cell,
            "value": self.value,
            "message": message,
            "hint": hint,
        }

    def text(self, lang: str = "zh") -> tuple[str, str]:
        """(message, hint) in ``lang``, from the catalogue (model/texts/errors.py)."""
        message, hint = ERRORS[self.code][lang]
        try:
            fields = with_parts(self.fields, lang)
            return fill(message, **fields), fill(hint, **fields)
        except (KeyError, ValueError, IndexError):
            if lang == "zh":
                raise
            return self.text("zh")  # an English template missing a field: say it in Chinese


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
    """An error of ``code`` at its place, with the fields its words are filled with."""
    if code not in ERRORS:
        raise KeyError(f"no error code {code!r}")
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
        fields=fields,
    )


class UnreadableWorkbook(Exception):
    """The file cannot be read as a study workbook at all (exit code 2)."""

    def __init__(self, error: WorkbookError) -> None:
        super().__init__(error.message)
        self.error = error
