"""Raw sheets: every cell as text via fastexcel (Rust calamine), the header row located.

All columns are read as text so nothing is inferred from a sample of rows: fastexcel's default
type inference from the first 1,000 rows silently nulls later cells that do not fit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import fastexcel
import pandas as pd

from model.workbook.errors import WorkbookError, make_error
from model.workbook.schema import HEADER_SEARCH_ROWS, Sheet, normalize_header
from model.workbook.values import clean_text


@dataclass
class RawSheet:
    """A sheet's data rows below its header, one text column per contract column found."""

    spec: Sheet
    name: str  # as named in the workbook
    header_row: int  # Excel row number of the header
    columns: dict[str, str]  # column key → header text as written
    column_index: dict[str, int]  # column key → 0-based absolute column
    data: pd.DataFrame  # column key → cleaned text; index = Excel row number
    # Cells holding an Excel error value (#DIV/0!, #N/A …): column key → their Excel rows.
    # Their text in ``data`` is the error literal, so the row is kept and the value shown.
    formula_errors: dict[str, pd.Index] = field(default_factory=dict)
    # Required columns the header row lacks: the sheet is still read, so that the errors of its
    # other columns are reported in the same pass (COLUMN_MISSING comes from missing_columns()).
    missing: tuple[str, ...] = ()
    required_names: tuple[str, ...] = ()  # every required column, joined in the message's language

    def missing_columns(self) -> list[WorkbookError]:
        return [
            make_error(
                "COLUMN_MISSING",
                sheet=self.name,
                column=self.spec.column(key).zh,
                required=self.required_names,
                header=self.header_row,
            )
            for key in self.missing
        ]


def open_workbook(data: bytes) -> fastexcel.ExcelReader:
    return fastexcel.read_excel(data)


def load_raw_sheet(
    reader: fastexcel.ExcelReader, name: str, spec: Sheet
) -> RawSheet | list[WorkbookError]:
    """The sheet's rows below its header; or, when no row names any required column, the errors
    that say which are missing. A header row lacking some required columns is still read (the
    RawSheet lists them in ``missing``), so one upload reports every error of every column."""
    sheet = reader.load_sheet(name, header_row=None, dtypes="string", skip_rows=0)
    batch, cell_errors = sheet.to_arrow_with_errors()
    frame = batch.to_pandas()
    absolute = [info.absolute_index for info in sheet.available_columns()]
    frame.columns = absolute
    frame.index = pd.RangeIndex(1, len(frame) + 1)  # Excel row numbers
    errors_at = _error_cells(cell_errors, absolute)

    best_row: int | None = None
    best_found: dict[str, tuple[int, str]] = {}
    for excel_row in frame.index[:HEADER_SEARCH_ROWS]:
        found = _match_header(frame.loc[excel_row], spec)
        if all(col.key in found for col in spec.required_columns):
            return _build(spec, name, excel_row, found, frame, errors_at)
        if len(found) > len(best_found):
            best_row, best_found = excel_row, found
    missing = [c for c in spec.required_columns if c.key not in best_found]
    required = tuple(c.zh for c in spec.required_columns)
    if best_row is not None and len(missing) < len(spec.required_columns):
        raw = _build(spec, name, best_row, best_found, frame, errors_at)
        raw.missing = tuple(c.key for c in missing)
        raw.required_names = required
        return raw
    return [
        make_error("COLUMN_MISSING", sheet=name, column=c.zh, required=required, header=best_row)
        for c in missing
    ]


def _match_header(cells: pd.Series, spec: Sheet) -> dict[str, tuple[int, str]]:
    """Contract columns named in this row: key → (absolute column, header text)."""
    found: dict[str, tuple[int, str]] = {}
    for column_index, value in cells.items():
        if not isinstance(value, str):
            continue
        header = normalize_header(value)
        for column in spec.columns:
            if column.key not in found and column.matches(header):
                found[column.key] = (int(str(column_index)), " ".join(value.split()))
    return found


# calamine's names for Excel's error values, and what the clerk sees in the cell.
ERROR_LITERALS = {
    "Div0": "#DIV/0!",
    "NA": "#N/A",
    "Name": "#NAME?",
    "Null": "#NULL!",
    "Num": "#NUM!",
    "Ref": "#REF!",
    "Value": "#VALUE!",
    "GettingData": "#GETTING_DATA",
}
_ERROR_DETAIL = re.compile(r"Error\((\w+)\)")


def _error_cells(cell_errors: object, absolute: list[int]) -> dict[tuple[int, int], str]:
    """(Excel row, absolute column) → error literal, for every cell holding an error value."""
    found: dict[tuple[int, int], str] = {}
    for error in getattr(cell_errors, "errors", None) or []:
        row, column = error.position
        match = _ERROR_DETAIL.search(error.detail)
        literal = ERROR_LITERALS.get(match.group(1), "#ERROR") if match else "#ERROR"
        if 0 <= column < len(absolute):
            found[(row + 1, absolute[column])] = literal
    return found


def _build(
    spec: Sheet,
    name: str,
    header_row: int,
    found: dict[str, tuple[int, str]],
    frame: pd.DataFrame,
    errors_at: dict[tuple[int, int], str],
) -> RawSheet:
    body = frame.loc[header_row + 1 :, [index for index, _ in found.values()]]
    body.columns = list(found)
    cleaned = pd.DataFrame({key: clean_text(body[key]) for key in found}, index=body.index)
    formula_errors: dict[str, pd.Index] = {}
    for key, (column_index, _) in found.items():
        rows = [r for (r, c) in errors_at if c == column_index and r > header_row]
        if rows:
            literals = [errors_at[(r, column_index)] for r in rows]
            cleaned.loc[rows, key] = literals
            formula_errors[key] = pd.Index(rows)
    cleaned = cleaned.dropna(how="all")
    return RawSheet(
        spec=spec,
        name=name,
        header_row=header_row,
        columns={key: text for key, (_, text) in found.items()},
        column_index={key: index for key, (index, _) in found.items()},
        data=cleaned,
        formula_errors=formula_errors,
    )
