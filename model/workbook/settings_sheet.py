"""The 参数 sheet: overrides of the defaults of DOMAIN.md §5, each value checked for its type."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from model.workbook.cells import cell_errors, duplicate_errors
from model.workbook.errors import WorkbookError
from model.workbook.params import FIELD_BY_ZH, INT_FIELDS, PARAM_INFO, Params
from model.workbook.rawsheet import RawSheet
from model.workbook.schema import normalize_header
from model.workbook.values import out_of_range_dates, parse_dates, parse_numbers

_FIELD_BY_KEY = {normalize_header(zh): name for zh, name in FIELD_BY_ZH.items()} | {
    normalize_header(name): name for name in PARAM_INFO
}


def read_settings(raw: RawSheet | None) -> tuple[Params, list[WorkbookError]]:
    """The parameters the sheet sets, and the errors of its cells. A sheet lacking its 参数 or
    值 column has that reported as COLUMN_MISSING (``RawSheet.missing_columns``) and sets
    nothing; without 值 its keys are still checked, in the same pass."""
    if raw is None or raw.data.empty or "key" not in raw.data:
        return Params(), []
    data = raw.data.copy()
    data["row"] = data.index
    data["field"] = data["key"].map(lambda k: _FIELD_BY_KEY.get(normalize_header(k)))
    allowed = [info.zh for info in PARAM_INFO.values()]
    errors = cell_errors(
        raw, "key", data["key"].notna() & data["field"].isna(), "UNKNOWN_SETTING", allowed=allowed
    )
    errors += duplicate_errors(raw, data, ["field"], "key", "setting")
    if "value" not in data:
        return Params(), errors
    overrides: dict[str, object] = {}
    for row, field, text in data[["field", "value"]].dropna().itertuples():
        value, expected = _parse_value(field, pd.Series([text], index=[row], dtype="string"))
        if value is None:
            bad = pd.Series(True, index=[row])
            asked = {"setting": PARAM_INFO[field].zh, **expected}
            errors += cell_errors(raw, "value", bad, "BAD_SETTING", None, **asked)
        else:
            overrides[field] = value
    params = replace(Params(), **overrides)  # type: ignore[arg-type]
    if params.min_minutes > params.max_minutes:
        rows = data.index[data["field"] == "min_minutes"]
        errors += cell_errors(
            raw,
            "value",
            pd.Series(True, index=rows[:1]),
            "BAD_SETTING",
            setting=PARAM_INFO["min_minutes"].zh,
            expected_code="MIN_OVER_MAX",
        )
    return params, errors


def _parse_value(field: str, text: pd.Series) -> tuple[object | None, dict[str, object]]:
    """The value, or None and what to ask for (an EXPECTED code of model/texts/errors.py)."""
    if field == "as_of":
        dates, bad = parse_dates(text)
        if bad.iloc[0] or out_of_range_dates(dates).iloc[0]:
            return None, {"expected_code": "DATE_OR_BLANK"}
        return dates.iloc[0].date(), {}
    numbers, bad = parse_numbers(text)
    number = numbers.iloc[0]
    info = PARAM_INFO[field]
    bounds = {"low": f"{info.low:g}", "high": f"{info.high:g}"}
    outside = bad.iloc[0] or not info.low <= number <= info.high
    if field in INT_FIELDS:
        if outside or number != round(number):
            return None, {"expected_code": "INT_BETWEEN", **bounds}
        return int(number), {}
    if outside:
        return None, {"expected_code": "NUMBER_BETWEEN", **bounds}
    return float(number), {}
