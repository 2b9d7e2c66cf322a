"""Typed columns from a raw sheet, with one error per unreadable cell."""

from __future__ import annotations

import pandas as pd

from model.workbook.errors import WorkbookError, make_error
from model.workbook.rawsheet import RawSheet
from model.workbook.schema import Column
from model.workbook.values import (
    choice_values,
    out_of_range_dates,
    parse_choice,
    parse_dates,
    parse_numbers,
    parse_whole_numbers,
    parse_yesno,
    session_ids,
    split_list,
)

# Past this many of one kind in one column the rest are summarised in one error.
MAX_ERRORS_PER_COLUMN = 200


def cell_errors(
    raw: RawSheet,
    key: str,
    mask: pd.Series,
    code: str,
    details: pd.DataFrame | None = None,
    **fixed: object,
) -> list[WorkbookError]:
    """One error per flagged cell of column ``key``; per-row details come from ``details``."""
    if not mask.any():
        return []
    flagged = mask[mask.fillna(False).astype(bool)].index
    errors = []
    for row in flagged[:MAX_ERRORS_PER_COLUMN]:
        row_details = details.loc[row].to_dict() if details is not None else {}
        errors.append(
            make_error(
                code,
                sheet=raw.name,
                row=int(row),
                column=raw.columns.get(key, key),
                column_index=raw.column_index.get(key),
                value=_cell_value(raw, row, key),
                **fixed,
                **row_details,
            )
        )
    if len(flagged) > MAX_ERRORS_PER_COLUMN:
        errors.append(
            make_error(
                "MORE_ERRORS",
                sheet=raw.name,
                column=raw.columns.get(key, key),
                more=len(flagged) - MAX_ERRORS_PER_COLUMN,
                first_code=code,
            )
        )
    return errors


def _cell_value(raw: RawSheet, row: int, key: str) -> str | None:
    if key not in raw.data:
        return None
    value = raw.data.at[row, key]
    return None if pd.isna(value) else str(value)  # type: ignore[arg-type]


_ABSENT_DTYPES = {
    "date": "datetime64[ns]",
    "yesno": bool,
    "number": "Float64",
    "score": "Float64",
    "int": "Int64",
    "list": object,
}


def _absent(column: Column, index: pd.Index) -> pd.Series:
    """The typed value of a column the sheet does not have: blank everywhere."""
    if column.kind == "choice":
        assert column.choices is not None
        return parse_choice(pd.Series(pd.NA, index=index, dtype="string"), column.choices)[0]
    if column.kind == "list":
        return pd.Series([()] * len(index), index=index, dtype=object)
    dtype = _ABSENT_DTYPES.get(column.kind, "string")
    if dtype is bool:
        return pd.Series(False, index=index, dtype=bool)
    blank = pd.NA if dtype != "datetime64[ns]" else pd.NaT
    return pd.Series(blank, index=index, dtype=dtype)  # type: ignore[call-overload]


def typed_column(raw: RawSheet, column: Column) -> tuple[pd.Series, list[WorkbookError]]:
    """Parse one contract column of the sheet; a column the sheet lacks comes back empty."""
    if column.key not in raw.data:
        return _absent(column, raw.data.index), []
    text = raw.data[column.key]
    errors: list[WorkbookError] = []
    if column.required and column.key in raw.data:
        errors += cell_errors(raw, column.key, text.isna(), "REQUIRED_EMPTY")
    if column.key in raw.formula_errors:
        # An error value (#DIV/0!, #N/A …) is reported as itself, then read as blank.
        failed = pd.Series(text.index.isin(raw.formula_errors[column.key]), index=text.index)
        errors += cell_errors(raw, column.key, failed, "FORMULA_ERROR")
        text = text.mask(failed)
    kind = column.kind
    if kind in ("text", "person"):
        return text, errors
    if kind == "session":
        return session_ids(text), errors
    if kind == "list":
        return split_list(text), errors
    if kind == "date":
        values, bad = parse_dates(text)
        errors += cell_errors(raw, column.key, bad, "BAD_DATE")
        outside = out_of_range_dates(values)
        errors += cell_errors(raw, column.key, outside, "DATE_OUT_OF_RANGE")
        return values.mask(outside), errors
    if kind == "yesno":
        values, bad = parse_yesno(text)
        return values, errors + cell_errors(raw, column.key, bad, "BAD_YESNO")
    if kind == "choice":
        assert column.choices is not None
        values, bad = parse_choice(text, column.choices)
        allowed = choice_values(column.choices)
        return values, errors + cell_errors(raw, column.key, bad, "BAD_CHOICE", allowed=allowed)
    if kind == "int":
        values, bad = parse_whole_numbers(text)
        errors += cell_errors(raw, column.key, bad, "BAD_INTEGER")
    else:
        values, bad = parse_numbers(text)
        errors += cell_errors(raw, column.key, bad, "BAD_NUMBER")
    low, high = column.low, column.high
    if low is None or high is None:  # every number column has bounds; int64 at the least
        low, high = -(2.0**53), 2.0**53
    outside = (values.notna() & ((values < low) | (values > high))).fillna(False)
    code = "SCORE_OUT_OF_RANGE" if kind == "score" else "NUMBER_OUT_OF_RANGE"
    errors += cell_errors(raw, column.key, outside, code, low=_plain(low), high=_plain(high))
    values = values.mask(outside)
    if kind == "int":
        values = values.round().astype("Int64")
    return values, errors


def _plain(number: float) -> str:
    """60.0 → 60, 100000 → 100000: bounds as a clerk would type them."""
    return f"{number:g}" if abs(number) < 1e6 else str(int(number))


def typed_frame(raw: RawSheet) -> tuple[pd.DataFrame, list[WorkbookError]]:
    """All contract columns of the sheet, typed, plus ``row`` (the Excel row number)."""
    columns: dict[str, pd.Series] = {}
    errors: list[WorkbookError] = []
    for column in raw.spec.columns:
        columns[column.key], column_errors = typed_column(raw, column)
        errors += column_errors
    frame = pd.DataFrame(columns, index=raw.data.index)
    frame["row"] = frame.index.astype("int64")
    return frame, errors


def duplicate_errors(
    raw: RawSheet, frame: pd.DataFrame, subset: list[str], key_column: str, key_code: str
) -> list[WorkbookError]:
    """DUPLICATE_KEY on every repeat of a key, pointing back at its first row; ``key_code``
    names the key in model/texts/errors.py's DUPLICATE_KEYS."""
    keyed = frame.dropna(subset=subset)
    repeats = keyed.duplicated(subset=subset, keep="first")
    if not repeats.any():
        return []
    first_rows = keyed.groupby(subset, sort=False)["row"].transform("first")
    details = pd.DataFrame({"first_row": first_rows})
    return cell_errors(raw, key_column, repeats, "DUPLICATE_KEY", details, key_code=key_code)
