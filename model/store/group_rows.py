"""A group's rows at the level of raw cells, and a county workbook composed from two files.

A group's rows (issue 13): 成员, 学习计划 and 考试成绩 rows whose 中心组 is the group; 讲课记录,
参学记录 and 宣讲记录 rows whose 场次 is one of the group's sessions. Working on the raw text
(not the typed frames) keeps every other group's cells exactly as they were and lets every error
be traced back to the cell of the clerk's own file.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pandas as pd

from model.outputs.group_file import cell_value
from model.workbook.cells import cell_errors
from model.workbook.errors import WorkbookError, column_letter
from model.workbook.rawsheet import RawSheet
from model.workbook.schema import SETTINGS, SHEETS, Column, Sheet
from model.workbook.values import object_strings, session_ids

GROUP_SHEETS = ("members", "plan", "exams")  # rows that name their 中心组
SESSION_SHEETS = ("talks", "participation", "outreach")  # rows that belong to a session's group
Raws = dict[str, RawSheet]
_SETTING = Column(
    "value", SETTINGS.column("value").zh, "number"
)  # a 参数 value compared as a number where it is one


def session_groups(raws: Raws) -> dict[str, str]:
    """场次 → 中心组 from 学习计划 (the first row of a session wins, as the reader's does)."""
    plan = raws.get("plan")
    if plan is None or plan.data.empty:
        return {}
    ids = session_ids(plan.data["session"])
    groups = object_strings(plan.data["group"])
    mapping: dict[str, str] = {}
    for session, group in zip(ids, groups, strict=True):
        if session is not None and group is not None and session not in mapping:
            mapping[session] = group
    return mapping


def row_groups(raw: RawSheet, sessions: dict[str, str]) -> pd.Series:
    """The 中心组 of each row of a sheet (None where it cannot be told), index = Excel row."""
    if raw.spec.key in GROUP_SHEETS:
        return object_strings(raw.data["group"])
    ids = session_ids(raw.data["session"])
    return pd.Series([sessions.get(s) if s else None for s in ids], index=ids.index, dtype=object)


def cut(raws: Raws, groups: tuple[str, ...] | None) -> dict[str, pd.DataFrame]:
    """Each sheet's rows of these groups (all rows for None): the clerk's download."""
    sessions = session_groups(raws)
    rows: dict[str, pd.DataFrame] = {}
    for key, raw in raws.items():
        if key == SETTINGS.key:
            continue
        if groups is None:
            rows[key] = raw.data
        else:
            rows[key] = raw.data[row_groups(raw, sessions).isin(groups).to_numpy()]
    return rows


def other_groups_rows(raws: Raws, scope: tuple[str, ...]) -> set[tuple[str, int]]:
    """(sheet name, Excel row) of the rows of groups outside ``scope``: ignored on upload, so
    their errors are not the clerk's to fix."""
    sessions = session_groups(raws)
    found: set[tuple[str, int]] = set()
    for key, raw in raws.items():
        if key == SETTINGS.key:
            continue
        groups = row_groups(raw, sessions)
        outside = groups.notna() & ~groups.isin(scope)
        found.update((raw.name, int(row)) for row in groups.index[outside.to_numpy()])
    return found


def settings_rows(raws: Raws) -> list[tuple[object, object]]:
    raw = raws.get(SETTINGS.key)
    if raw is None:
        return []
    frame = raw.data.reindex(columns=["key", "value"])
    return [
        (key, value)
        for key, value in frame.itertuples(index=False)
        if not (pd.isna(key) and pd.isna(value))
    ]


@dataclass
class Composition:
    """The latest version with a scope's rows replaced by those of an upload."""

    raws: Raws  # the composed county sheets; Excel rows from 2, header in row 1
    mine: Raws  # the scope's new rows alone (with the county's 参数): what is checked
    before: Raws  # the scope's rows in the latest version (with its 参数): for the preview
    # sheet key → for each row of ``mine`` (from Excel row 2): the upload's own Excel row
    origin: dict[str, list[int | None]]
    ignored: dict[str, int] = field(default_factory=dict)  # upload sheet name → rows ignored
    errors: list[WorkbookError] = field(default_factory=list)  # at the upload's own cells
    unchanged: bool = False  # the scope's rows are the same as in the latest version
    settings_ignored: bool = False  # the upload's 参数 differ from the county's


def compose(base: Raws, upload: Raws, scope: tuple[str, ...]) -> Composition:
    """Replace exactly ``scope``'s rows of ``base`` by the upload's; other groups' rows of the
    upload are ignored (and counted), a 场次 or 编号 of another group is an error at its cell."""
    wanted = set(scope)
    base_sessions = session_groups(base)
    upload_sessions = session_groups(upload)
    # A record's session is told by the upload's plan first, then by the latest version's.
    known = base_sessions | upload_sessions
    composed: Raws = {}
    mine_raws: Raws = {}
    before_raws: Raws = {}
    origin: dict[str, list[int | None]] = {}
    ignored: dict[str, int] = {}
    errors: list[WorkbookError] = []
    unchanged = True
    empty = pd.DataFrame()
    for spec in SHEETS:
        if spec.key == SETTINGS.key:
            continue
        kept, before = empty, empty
        if spec.key in base:
            inside_base = row_groups(base[spec.key], base_sessions).isin(wanted).to_numpy()
            kept = base[spec.key].data[~inside_base]
            before = base[spec.key].data[inside_base]
        raw = upload.get(spec.key)
        mine = empty
        if raw is not None:
            groups = row_groups(raw, known)
            # Rows whose group cannot be told stay in, so that the check reports them.
            inside = (groups.isin(wanted) | groups.isna()).to_numpy()
            mine = raw.data[inside]
            if (~inside).sum():
                ignored[raw.name] = int((~inside).sum())
            errors += _taken_keys(spec, raw, inside, base, base_sessions, wanted)
        unchanged = unchanged and _canonical(spec, before) == _canonical(spec, mine)
        # The scope's rows go where they were, so the county file keeps its order.
        at = before.index[0] if not before.empty else None
        head = kept if at is None else kept[kept.index < at]
        tail = empty if at is None else kept[kept.index > at]
        composed[spec.key], _ = _sheet(spec, head, pd.concat([mine, tail]) if len(tail) else mine)
        mine_raws[spec.key], origin[spec.key] = _sheet(spec, empty, mine)
        before_raws[spec.key], _ = _sheet(spec, empty, before)
    if SETTINGS.key in base:
        for raws in (composed, mine_raws, before_raws):
            raws[SETTINGS.key] = base[SETTINGS.key]
    return Composition(
        composed,
        mine_raws,
        before_raws,
        origin,
        ignored,
        errors,
        unchanged,
        settings_ignored=SETTINGS.key in upload
        and _canonical_settings(upload) != _canonical_settings(base),
    )


def _canonical_settings(raws: Raws) -> list[tuple]:
    return sorted((repr(k), repr(cell_value(_SETTING, v))) for k, v in settings_rows(raws))


def _canonical(spec: Sheet, frame: pd.DataFrame) -> list[tuple]:
    """Rows as the values they would be written as, in a stable order: for "nothing changed"."""
    if frame.empty:
        return []
    columns = [c for c in spec.columns]
    values = [
        object_strings(frame[c.key]).tolist() if c.key in frame.columns else [None] * len(frame)
        for c in columns
    ]
    rows = [
        tuple(cell_value(c, v) for c, v in zip(columns, line, strict=True))
        for line in zip(*values, strict=True)
    ]
    return sorted(rows, key=repr)


def _taken_keys(
    spec: Sheet,
    raw: RawSheet,
    inside,
    base: Raws,
    base_sessions: dict[str, str],
    wanted: set[str],
) -> list[WorkbookError]:
    """The scope's new rows may not take a 场次 or 编号 that another group already uses."""
    data = raw.data
    if spec.key == "plan":
        ids = session_ids(data["session"])
        other = ids.map(lambda s: base_sessions.get(s) if s else None)
        taken = other.notna() & ~other.isin(wanted) & pd.Series(inside, index=data.index)
        return cell_errors(
            raw, "session", taken, "SESSION_OF_OTHER_GROUP", pd.DataFrame({"other": other})
        )
    if spec.key == "members" and "member_id" in data.columns and "members" in base:
        others = base["members"].data
        if "member_id" not in others.columns:
            return []
        outside = others[~object_strings(others["group"]).isin(wanted).to_numpy()]
        owner = dict(
            zip(
                object_strings(outside["member_id"]),
                object_strings(outside["group"]),
                strict=True,
            )
        )
        owner.pop(None, None)
        other = object_strings(data["member_id"]).map(lambda i: owner.get(i) if i else None)
        taken = other.notna() & pd.Series(inside, index=data.index)
        return cell_errors(
            raw, "member_id", taken, "MEMBER_ID_OF_OTHER_GROUP", pd.DataFrame({"other": other})
        )
    return []


def _sheet(spec: Sheet, kept: pd.DataFrame, mine: pd.DataFrame) -> tuple[RawSheet, list]:
    """One sheet from ``kept`` rows, then ``mine`` (whose Excel rows are listed in the
    origin), every contract column in the template's order."""
    keys = [c.key for c in spec.columns]
    parts = [frame.reindex(columns=keys) for frame in (kept, mine) if not frame.empty]
    if parts:
        data = pd.concat(parts).astype("string")
    else:
        data = pd.DataFrame({key: pd.Series(dtype="string") for key in keys})
    origin: list[int | None] = [None] * (len(kept) if not kept.empty else 0)
    origin += [int(row) for row in mine.index] if not mine.empty else []
    data.index = pd.RangeIndex(2, len(data) + 2)
    raw = RawSheet(
        spec=spec,
        name=spec.zh,
        header_row=1,
        columns={c.key: c.zh for c in spec.columns},
        column_index={c.key: index for index, c in enumerate(spec.columns)},
        data=data,
    )
    return raw, origin


def at_upload_cells(
    errors: list[WorkbookError], composition: Composition, upload: Raws
) -> list[WorkbookError]:
    """Errors of the composed workbook moved to the upload's own sheet, row and cell."""
    by_name = {spec.zh: spec for spec in SHEETS}
    moved = []
    for error in errors:
        spec = by_name.get(error.sheet or "")
        if spec is None or error.row is None or spec.key not in upload:
            moved.append(error)
            continue
        origins = composition.origin.get(spec.key, [])
        position = error.row - 2
        source = origins[position] if 0 <= position < len(origins) else None
        if source is None:
            moved.append(error)  # a kept row of the latest version: shown as it is
            continue
        raw = upload[spec.key]
        key = next((c.key for c in spec.columns if c.zh == error.column), None)
        index = raw.column_index.get(key) if key else None
        moved.append(
            replace(
                error,
                sheet=raw.name,
                row=source,
                column=raw.columns.get(key, error.column) if key else error.column,
                cell=f"{column_letter(index)}{source}" if index is not None else None,
            )
        )
    return moved
