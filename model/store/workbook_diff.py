"""Every row, setting and assessment status one workbook changes against another (issue #24).

Pure: two typed workbooks in, a ``WorkbookDiff`` out (no Streamlit, no store). Rows are matched
by the keys of DOMAIN.md §3 and compared as the typed reader sees them, so formatting, column
widths, row order and the clerk's title rows never count. Each sheet is aligned on its key and
compared column by column; only the rows that differ become Python objects.

Person cells hold member keys; a member whose 编号 is filled in (or cleared) while the 中心组 and
姓名 stay is one person whose 编号 changed, not one removed and one added.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import numpy as np
import pandas as pd

from model.workbook.params import PARAM_INFO, Params
from model.workbook.schema import (
    EXAMS,
    MEMBERS,
    OUTREACH,
    PARTICIPATION,
    PLAN,
    TALKS,
    Column,
    Sheet,
)

if TYPE_CHECKING:
    from model.engine.report import Report
    from model.workbook.reader import Workbook

Value = str | int | float | bool | dt.date | None
ChangeKind = Literal["added", "removed", "changed"]
KEY_SEPARATOR = " / "  # between the parts of a shown key: 场次 / 姓名
DATA_SHEETS: tuple[Sheet, ...] = (MEMBERS, PLAN, TALKS, PARTICIPATION, OUTREACH, EXAMS)
# The typed frame calls a person column of these sheets ``member``, not ``name``.
_RENAMED = {(PARTICIPATION.key, "name"): "member", (EXAMS.key, "name"): "member"}
# Columns of each sheet whose values, in order, make a row's key (the frames' names).
_KEYS: dict[str, tuple[str, ...]] = {
    MEMBERS.key: ("key",),
    PLAN.key: ("session",),
    TALKS.key: ("session",),
    PARTICIPATION.key: ("session", "member"),
    OUTREACH.key: ("session", "date", "place"),
    EXAMS.key: ("group", "member", "year"),
}
_MATCH = "\x1f"  # joins key parts for matching; never typed in a cell
_NTH = "\x1e"  # then the occurrence of a key that repeats (宣讲记录 may repeat one)


class CellChange(NamedTuple):
    column: str  # the column's Chinese name
    old: Value
    new: Value


@dataclass(frozen=True)
class RowChange:
    sheet: str  # the sheet's Chinese name
    key: str  # the key's parts joined by " / ", dates ISO, people by their shown names
    change: ChangeKind
    # Changed: only the cells that differ. Added or removed: every non-empty cell, with None on
    # the side the row is missing from.
    cells: list[CellChange]
    group: str | None = None  # the row's 中心组 (of its 场次 for records), for filtering
    old_row: int | None = None  # Excel rows, for pointing a clerk at the cell
    new_row: int | None = None


@dataclass(frozen=True)
class ParamChange:
    key: str  # the 参数 name (达标学分)
    old: Value
    new: Value


@dataclass(frozen=True)
class StatusChange:
    group: str
    name: str  # as ``report --json`` shows it: a name two members share carries the 编号
    member_id: str | None
    old: str | None  # status code (passed, at_risk …); None: not assessed in that workbook
    new: str | None


@dataclass
class WorkbookDiff:
    rows: list[RowChange]
    params: list[ParamChange]
    statuses: list[StatusChange]
    year: int  # the year and as-of date the statuses were assessed for
    as_of: dt.date
    statuses_computed: bool = True  # False when asked not to (a workbook with errors)

    def counts(self) -> dict[str, dict[str, int]]:
        """Added, removed and changed rows per sheet (Chinese name), every data sheet listed."""
        counts = {spec.zh: {"added": 0, "removed": 0, "changed": 0} for spec in DATA_SHEETS}
        for row in self.rows:
            counts[row.sheet][row.change] += 1
        return counts

    @property
    def empty(self) -> bool:
        return not (self.rows or self.params or self.statuses)

    def to_json(self) -> dict[str, list[dict[str, Any]]]:
        """The CLI's ``diff --json`` object: names in Chinese, dates ISO, numbers as numbers."""
        return {
            "rows": [
                {
                    "sheet": row.sheet,
                    "key": row.key,
                    "change": row.change,
                    "cells": [
                        {"column": c.column, "old": json_value(c.old), "new": json_value(c.new)}
                        for c in row.cells
                    ],
                }
                for row in self.rows
            ],
            "params": [
                {"key": p.key, "old": json_value(p.old), "new": json_value(p.new)}
                for p in self.params
            ],
            "statuses": [
                {
                    "group": s.group,
                    "name": s.name,
                    "member_id": s.member_id,
                    "old": s.old,
                    "new": s.new,
                }
                for s in self.statuses
            ],
        }

    def audit_detail(self) -> str:
        """The counts for the audit log (issue #24 item 5), short enough for its 500 characters:
        rows per sheet that changed at all, the 参数 changed and the status changes."""
        rows = {
            sheet: {kind: n for kind, n in counts.items() if n}
            for sheet, counts in self.counts().items()
            if any(counts.values())
        }
        summary = {"rows": rows, "params": len(self.params), "statuses": len(self.statuses)}
        return "diff " + json.dumps(summary, ensure_ascii=False, separators=(",", ":"))


def json_value(value: Value) -> Any:
    """A cell's value for JSON: dates ISO, whole numbers as ints, the rest as they are."""
    if isinstance(value, bool) or value is None or isinstance(value, str | int):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    return int(value) if float(value).is_integer() else value


def diff_workbooks(
    old: Workbook | None,
    new: Workbook,
    year: int | None = None,
    as_of: dt.date | None = None,
    *,
    statuses: bool = True,
    new_report: Report | None = None,
    old_assessed: pd.DataFrame | None = None,
) -> WorkbookDiff:
    """What ``new`` changes against ``old`` (None: nothing before it, every row added).

    Statuses are assessed on both workbooks for ``year`` at ``as_of``; by default NEW's
    统计截止日期 (its 参数, else today) and NEW's default year at that date. ``new_report``, the
    report of ``new`` for that year and date if the caller has one, is used instead of building
    it again, as is ``old_assessed``, ``assessed(old, year, as_of)`` made elsewhere (the CLI
    makes it in a second process); ``statuses=False`` skips the assessment (a workbook with
    errors)."""
    year, as_of = assessed_when(new, year, as_of)
    renamed = _renamed_members(old, new) if old is not None else {}
    old_sides = _Sides(old, renamed) if old is not None else None
    new_sides = _Sides(new, {})
    rows: list[RowChange] = []
    for spec in DATA_SHEETS:
        rows += _sheet_changes(spec, old_sides, new_sides)
    params = diff_params(old.params if old is not None else Params(), new.params)
    changed_statuses = (
        _status_changes(old, new, year, as_of, renamed, new_report, old_assessed)
        if statuses
        else []
    )
    return WorkbookDiff(rows, params, changed_statuses, year, as_of, statuses)


def assessed_when(
    new: Workbook, year: int | None = None, as_of: dt.date | None = None
) -> tuple[int, dt.date]:
    """The year and as-of date statuses are compared for: those asked, else NEW's 统计截止日期
    (its 参数, else today) and NEW's default year at that date."""
    from model.engine.report import default_year

    as_of = as_of or new.params.as_of_date()
    return year or default_year(new, as_of), as_of


def diff_params(old: Params, new: Params) -> list[ParamChange]:
    """Every parameter whose value in force differs: a blank and an explicit default are one."""
    changes = []
    for spec in fields(Params):
        before, after = getattr(old, spec.name), getattr(new, spec.name)
        if before != after:
            changes.append(ParamChange(PARAM_INFO[spec.name].zh, before, after))
    return changes


# Rows -------------------------------------------------------------------------------------------


class _Sides:
    """One workbook's sheets ready to be matched: person keys renamed as ``renamed`` says."""

    def __init__(self, workbook: Workbook, renamed: dict[str, str]) -> None:
        self.workbook = workbook
        self.renamed = renamed
        members = workbook.members.drop_duplicates("key")
        keys = self._people(members["key"])
        self.display = pd.Series(members["display"].to_numpy(object), index=keys.to_numpy(object))
        plan = workbook.plan.dropna(subset=["session"]).drop_duplicates("session")
        self.session_group = pd.Series(
            plan["group"].to_numpy(object), index=plan["session"].to_numpy(object)
        )

    def _people(self, keys: pd.Series) -> pd.Series:
        if not self.renamed:
            return keys.astype(object)
        return keys.astype(object).replace(self.renamed)

    def frame(self, spec: Sheet) -> pd.DataFrame:
        """The sheet's contract columns, person columns as (renamed) member keys and lists as
        text, indexed by the match key (with the occurrence of a repeated key)."""
        typed: pd.DataFrame = getattr(self.workbook, spec.key)
        columns: dict[str, pd.Series] = {}
        for column in spec.columns:
            name = _frame_name(spec, column)
            series = typed[name]
            if column.kind == "person":
                series = self._people(series)
            elif column.kind == "list":
                series = pd.Series(
                    ["、".join(items) if items else None for items in series],
                    index=series.index,
                    dtype=object,
                )
            columns[name] = series
        if spec.key == MEMBERS.key:
            columns["key"] = self._people(typed["key"])
        columns["row"] = typed["row"]
        frame = pd.DataFrame(columns, index=typed.index)
        frame.index = _match_keys(frame, _KEYS[spec.key])
        return frame


def _frame_name(spec: Sheet, column: Column) -> str:
    return _RENAMED.get((spec.key, column.key), column.key)


def _match_keys(frame: pd.DataFrame, parts: tuple[str, ...]) -> pd.Index:
    """Each row's key parts as one string, then the how-many-th row with that key it is."""
    texts = [_key_text(frame[part]) for part in parts]
    joined = texts[0] if len(texts) == 1 else [_MATCH.join(t) for t in zip(*texts, strict=True)]
    seen: dict[str, int] = {}
    keys = []
    for key in joined:
        nth = seen.get(key, 0)
        seen[key] = nth + 1
        keys.append(f"{key}{_NTH}{nth}")
    return pd.Index(keys, dtype=object)


def _key_text(series: pd.Series) -> list[str]:
    """A key part as text: dates ISO, numbers without a trailing .0, blank ''."""
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        stamps = series.to_numpy(dtype="datetime64[ns]")
        return ["" if np.isnat(t) else str(t)[:10] for t in stamps]
    if pd.api.types.is_numeric_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series.dtype):
        return [_number_text(v) for v in series.to_numpy(dtype=float, na_value=np.nan)]
    return ["" if v is None or v is pd.NA or v != v else str(v) for v in series.to_numpy(object)]


def _number_text(value: float) -> str:
    if np.isnan(value):
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def _same(old: pd.Series, new: pd.Series, kind: str) -> np.ndarray:
    """Where two aligned columns hold the same value (blank equal to blank, 30 to 30.0)."""
    if kind in ("number", "score", "int"):
        a = old.to_numpy(dtype=float, na_value=np.nan)
        b = new.to_numpy(dtype=float, na_value=np.nan)
        return (a == b) | (np.isnan(a) & np.isnan(b))
    if kind == "date":
        a = old.to_numpy(dtype="datetime64[ns]")
        b = new.to_numpy(dtype="datetime64[ns]")
        return (a == b) | (np.isnat(a) & np.isnat(b))
    if kind == "yesno":
        return old.to_numpy(dtype=bool) == new.to_numpy(dtype=bool)
    a_blank, b_blank = old.isna().to_numpy(), new.isna().to_numpy()
    a = old.to_numpy(dtype=object)
    b = new.to_numpy(dtype=object)
    equal = np.asarray(a == b, dtype=bool)  # element by element: text and None only here
    return (a_blank & b_blank) | (equal & ~a_blank & ~b_blank)


def _shown(series: pd.Series, column: Column, display: pd.Series) -> list[Value]:
    """A column's values as the diff shows them: dates as dates, whole numbers as ints, people
    by their shown names, blanks as None."""
    kind = column.kind
    if kind == "date":
        stamps = series.to_numpy(dtype="datetime64[ns]")
        return [None if np.isnat(t) else pd.Timestamp(t).date() for t in stamps]
    if kind in ("number", "score", "int"):
        numbers = series.to_numpy(dtype=float, na_value=np.nan)
        return [
            None if np.isnan(v) else int(v) if float(v).is_integer() else float(v) for v in numbers
        ]
    if kind == "yesno":
        return [bool(v) for v in series.to_numpy(dtype=bool)]
    if kind == "person":
        series = series.map(display)
    values = series.to_numpy(dtype=object)
    return [None if v is None or (isinstance(v, float) and np.isnan(v)) else v for v in values]


def _filled(value: Value) -> bool:
    """A cell a clerk filled in: a blank yes/no reads as 否, so 否 counts as blank here."""
    return value is not None and value is not False


def _sheet_changes(spec: Sheet, old: _Sides | None, new: _Sides) -> list[RowChange]:
    after = new.frame(spec)
    before = old.frame(spec) if old is not None else after.iloc[0:0]
    both = after.index.intersection(before.index, sort=False)
    added = after.index.difference(before.index, sort=False)
    removed = before.index.difference(after.index, sort=False)
    changes: list[RowChange] = []
    # Changed rows, in the NEW workbook's order, with only their changed cells.
    common_new, common_old = after.loc[both], before.loc[both]
    masks = {}
    for column in spec.columns:
        name = _frame_name(spec, column)
        masks[column.zh] = ~_same(common_old[name], common_new[name], column.kind)
    changed = np.logical_or.reduce(list(masks.values())) if masks else np.zeros(len(both), bool)
    changed_rows: dict[str, list[CellChange]] = {}
    old_rows: dict[str, int] = {}
    if changed.any():
        keys = both[changed]
        changed_new, changed_old = common_new[changed], common_old[changed]
        changed_rows = {key: [] for key in keys}
        old_rows = dict(zip(keys, changed_old["row"].tolist(), strict=True))
        assert old is not None
        for column in spec.columns:
            mask = masks[column.zh][changed]
            if not mask.any():
                continue
            name = _frame_name(spec, column)
            was = _shown(changed_old[name][mask], column, old.display)
            now = _shown(changed_new[name][mask], column, new.display)
            for key, a, b in zip(keys[mask], was, now, strict=True):
                changed_rows[key].append(CellChange(column.zh, a, b))
    shown_new = after.index.isin(added) | after.index.isin(pd.Index(list(changed_rows)))
    rows_new = after[shown_new].sort_values("row", kind="stable")
    if len(rows_new):
        cells_of = _cells(spec, rows_new, new.display, side="new")
        for key, key_text, group, row, cells in zip(
            rows_new.index,
            _key_strings(spec, rows_new, new),
            _groups(spec, rows_new, new),
            rows_new["row"].tolist(),
            cells_of,
            strict=True,
        ):
            if key in changed_rows:
                cells = changed_rows[key]
                changes.append(
                    RowChange(spec.zh, key_text, "changed", cells, group, old_rows[key], row)
                )
            else:
                changes.append(RowChange(spec.zh, key_text, "added", cells, group, None, row))
    if len(removed):
        assert old is not None
        rows_old = before.loc[removed].sort_values("row", kind="stable")
        for key_text, group, row, cells in zip(
            _key_strings(spec, rows_old, old),
            _groups(spec, rows_old, old),
            rows_old["row"].tolist(),
            _cells(spec, rows_old, old.display, side="old"),
            strict=True,
        ):
            changes.append(RowChange(spec.zh, key_text, "removed", cells, group, row, None))
    return changes


def _cells(
    spec: Sheet, frame: pd.DataFrame, display: pd.Series, side: Literal["old", "new"]
) -> list[list[CellChange]]:
    """Every filled cell of each row, on the side the row is on (None on the other)."""
    cells: list[list[CellChange]] = [[] for _ in range(len(frame))]
    for column in spec.columns:
        values = _shown(frame[_frame_name(spec, column)], column, display)
        for position, value in enumerate(values):
            if _filled(value):
                pair = (None, value) if side == "new" else (value, None)
                cells[position].append(CellChange(column.zh, *pair))
    return cells


def _key_strings(spec: Sheet, frame: pd.DataFrame, side: _Sides) -> list[str]:
    """The keys as shown: 编号 (or 中心组 / 姓名), 场次, 场次 / 姓名 …"""
    if spec.key == MEMBERS.key:
        return [
            member_id if isinstance(member_id, str) else _joined(group, name)
            for member_id, group, name in zip(
                frame["member_id"], frame["group"], frame["name"], strict=True
            )
        ]
    parts: list[list[str]] = []
    for part in _KEYS[spec.key]:
        series = frame[part]
        if part == "member":
            series = series.map(side.display)
        parts.append(_key_text(series))
    return [KEY_SEPARATOR.join(values) for values in zip(*parts, strict=True)]


def _joined(*parts: object) -> str:
    return KEY_SEPARATOR.join("" if p is None or p is pd.NA else str(p) for p in parts)


def _groups(spec: Sheet, frame: pd.DataFrame, side: _Sides) -> list[str | None]:
    """Each row's 中心组: its own, or its 场次's in that workbook's 学习计划."""
    groups = frame["group"] if "group" in frame else frame["session"].map(side.session_group)
    return [g if isinstance(g, str) else None for g in groups.to_numpy(dtype=object)]


def _renamed_members(old: Workbook, new: Workbook) -> dict[str, str]:
    """Old member key → new key, for a member whose 编号 was filled in or cleared while the
    中心组+姓名 stayed (and named one member in each workbook): the same person."""
    old_members, new_members = old.members, new.members
    gone = old_members[~old_members["key"].isin(new_members["key"])]
    came = new_members[~new_members["key"].isin(old_members["key"])]
    if gone.empty or came.empty:
        return {}
    pairs = gone[["group", "name", "member_id", "key"]].merge(
        came[["group", "name", "member_id", "key"]], on=["group", "name"], suffixes=("_o", "_n")
    )
    pairs = pairs[pairs["member_id_o"].isna() | pairs["member_id_n"].isna()]
    if pairs.empty:
        return {}
    once_old = old_members.groupby(["group", "name"]).size()
    once_new = new_members.groupby(["group", "name"]).size()
    index = pd.MultiIndex.from_frame(pairs[["group", "name"]])
    alone = (once_old.reindex(index).to_numpy() == 1) & (once_new.reindex(index).to_numpy() == 1)
    pairs = pairs[alone]
    return dict(zip(pairs["key_o"].astype(str), pairs["key_n"].astype(str), strict=True))


# Statuses ---------------------------------------------------------------------------------------


ASSESSED = ["group", "display", "member_id", "status"]


def assessed(
    workbook: Workbook, year: int, as_of: dt.date, report: Report | None = None
) -> pd.DataFrame:
    """Each assessed member's 中心组, shown name, 编号 and status for ``year`` at ``as_of``, by
    member key: ``build_report``'s (``report``'s, if it is of that year and date)."""
    from model.engine.report import build_report

    if report is None or report.year != year or report.as_of != as_of:
        report = build_report(workbook, year, as_of)
    return report.members[ASSESSED]


def _status_changes(
    old: Workbook | None,
    new: Workbook,
    year: int,
    as_of: dt.date,
    renamed: dict[str, str],
    new_report: Report | None,
    old_assessed: pd.DataFrame | None,
) -> list[StatusChange]:
    """Members whose status for ``year`` at ``as_of`` differs, or who are assessed in one
    workbook only; by 中心组 and name, as ``report --json`` lists members."""
    after = assessed(new, year, as_of, new_report)
    if old is not None:
        before = old_assessed if old_assessed is not None else assessed(old, year, as_of)
        before = before.set_axis(before.index.to_series().replace(renamed).to_numpy(object))
    else:
        before = after.iloc[0:0]
    joined = before.merge(
        after, how="outer", left_index=True, right_index=True, suffixes=("_o", "_n")
    )
    was = joined["status_o"].astype(object).fillna("")
    now = joined["status_n"].astype(object).fillna("")
    moved = joined[(was != now).to_numpy()]
    changes = []
    for _, row in moved.iterrows():
        side = "_n" if isinstance(row["status_n"], str) else "_o"
        member_id = row[f"member_id{side}"]
        changes.append(
            StatusChange(
                str(row[f"group{side}"]),
                str(row[f"display{side}"]),
                member_id if isinstance(member_id, str) else None,
                row["status_o"] if isinstance(row["status_o"], str) else None,
                row["status_n"] if isinstance(row["status_n"], str) else None,
            )
        )
    changes.sort(key=lambda s: (s.group, s.name, s.member_id or ""))
    return changes
