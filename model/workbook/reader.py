"""Workbook bytes → typed frames with resolved people, or every error found (DOMAIN.md §3–§4)."""

from __future__ import annotations

import contextlib
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

import fastexcel
import pandas as pd

from model._gc import collector_paused, give_back_memory
from model.workbook.cells import cell_errors, duplicate_errors, typed_frame
from model.workbook.errors import UnreadableWorkbook, WorkbookError, make_error
from model.workbook.intake import MAX_UPLOAD_BYTES, FileKind, check_workbook_bytes
from model.workbook.params import Params
from model.workbook.people import (
    MemberIndex,
    display_names,
    member_index,
    member_keys,
    name_clashes,
    resolve_people,
)
from model.workbook.rawsheet import RawSheet, load_raw_sheet, open_workbook
from model.workbook.schema import MEMBERS, PARTICIPATION, PLAN, SHEETS, Sheet
from model.workbook.settings_sheet import read_settings
from model.workbook.values import STATUS_CANCELLED, object_strings


@dataclass
class Workbook:
    """The typed study ledger. Person columns hold member keys; ``row`` is the Excel row."""

    members: pd.DataFrame
    plan: pd.DataFrame
    talks: pd.DataFrame
    participation: pd.DataFrame
    outreach: pd.DataFrame
    exams: pd.DataFrame
    params: Params
    sheet_names: dict[str, str] = field(default_factory=dict)  # key → name in the workbook

    def counts(self) -> dict[str, int]:
        """Data rows per sheet, by the sheet's name in the workbook."""
        return {
            self.sheet_names.get(spec.key, spec.zh): len(getattr(self, spec.key))
            for spec in SHEETS
            if spec.key != "settings" and spec.key in self.sheet_names
        }


@dataclass
class ReadResult:
    workbook: Workbook | None
    errors: list[WorkbookError]
    unreadable: bool = False
    kind: FileKind | None = None  # None when the bytes are no spreadsheet at all
    notices: list[str] = field(default_factory=list)  # codes of ``model.texts.NOTICES``
    # The cleaned sheets before typing, only when asked for (a scoped publish recombines them).
    raws: dict[str, RawSheet] | None = None

    @property
    def ok(self) -> bool:
        return self.workbook is not None and not self.errors


def read_workbook_file(path: str | Path, max_bytes: int = MAX_UPLOAD_BYTES) -> ReadResult:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        error = make_error("FILE_CORRUPT", detail_code="CANNOT_OPEN", reason=exc.strerror)
        return ReadResult(None, [error], unreadable=True)
    return read_workbook(data, max_bytes=max_bytes)


def read_workbook(
    data: bytes, max_bytes: int = MAX_UPLOAD_BYTES, keep_raws: bool = False
) -> ReadResult:
    """Read and validate; never raises on bad input."""
    try:
        return _read(data, max_bytes, keep_raws)
    except MemoryError:  # under the isolated reader's limit: too big for it, not broken
        error = make_error("FILE_TOO_COMPLEX", detail_code="OVER_MEMORY")
        return ReadResult(None, [error], unreadable=True)


@collector_paused()
def _read(data: bytes, max_bytes: int, keep_raws: bool) -> ReadResult:
    try:
        kind = check_workbook_bytes(data, max_bytes)
    except UnreadableWorkbook as exc:
        return ReadResult(None, [exc.error], unreadable=True)
    notices = ["MACROS_IGNORED"] if kind.macros else []
    try:
        typed: Typed = {}
        raws, errors = _load_sheets(data, typed)
    except UnreadableWorkbook as exc:
        return ReadResult(None, [exc.error], unreadable=True, kind=kind, notices=notices)
    workbook, cell_problems = _typed_workbook(raws, typed)
    ordered = _in_sheet_order(errors + cell_problems, workbook.sheet_names)
    kept = raws if keep_raws else None
    del raws  # the sheets' text, once typed, unless asked for
    give_back_memory()
    return ReadResult(workbook, ordered, kind=kind, notices=notices, raws=kept)


def _in_sheet_order(errors: list[WorkbookError], names: dict[str, str]) -> list[WorkbookError]:
    """Errors as a clerk walks the workbook: sheet by sheet, row by row (a stable sort)."""
    order = {names.get(spec.key, spec.zh): index for index, spec in enumerate(SHEETS)}

    def position(error: WorkbookError) -> tuple[int, int]:
        last = (
            0 if error.code in ("SHEET_MISSING", "SHEET_DUPLICATE", "COLUMN_MISSING") else 1 << 30
        )
        return order.get(error.sheet or "", -1), error.row if error.row is not None else last

    return sorted(errors, key=position)


# Sheets typed by the thread that loaded them, while the other still parses (key → typed_frame).
Typed = dict[str, tuple[pd.DataFrame, list[WorkbookError]]]


def _load_sheets(
    data: bytes, typed: Typed | None = None
) -> tuple[dict[str, RawSheet], list[WorkbookError]]:
    try:
        reader = open_workbook(data)
        names = list(reader.sheet_names)
    except BaseException as exc:  # calamine's own errors, and Rust panics (not Exceptions)
        _raise_unreadable(exc)
    candidates = {spec.key: [name for name in names if spec.matches(name)] for spec in SHEETS}
    matched = {key: found[0] if found else None for key, found in candidates.items()}
    if matched[MEMBERS.key] is None and matched[PLAN.key] is None:
        raise UnreadableWorkbook(make_error("NOT_A_LEDGER", found=names))
    loaded_sheets = _load_in_parallel(data, reader, matched, typed)
    raws: dict[str, RawSheet] = {}
    errors: list[WorkbookError] = []
    for spec in SHEETS:
        for other in candidates[spec.key][1:]:
            # 成员 and members both present: which one counts is the clerk's call, not ours.
            errors.append(
                make_error(
                    "SHEET_DUPLICATE", sheet=candidates[spec.key][0], other=other, logical=spec.zh
                )
            )
        name = matched[spec.key]
        if name is None:
            if spec.required:
                errors.append(make_error("SHEET_MISSING", sheet=spec.zh))
            continue
        try:
            loaded = loaded_sheets[spec.key].result()
        except BaseException as exc:
            _raise_unreadable(exc)
        if isinstance(loaded, list):
            errors += loaded
        else:
            raws[spec.key] = loaded
            errors += loaded.missing_columns()
    return raws, errors


# From this size on, two threads load the sheets, each with its own reader: calamine lets go of
# the GIL while it parses, so a province's file loads in about half the time on two cores.
PARALLEL_FROM_BYTES = 2 * 2**20


def _load_in_parallel(
    data: bytes,
    reader: fastexcel.ExcelReader,
    matched: dict[str, str | None],
    typed: Typed | None = None,
) -> dict[str, Future[RawSheet | list[WorkbookError]]]:
    """Each matched sheet's ``load_raw_sheet`` as a future (already done for a small file).
    With ``typed``, a thread also types the sheet it loaded (``typed_frame``): a province's
    参学记录 keeps one thread parsing for seconds, while the other has the small sheets done."""
    specs = [spec for spec in SHEETS if matched[spec.key] is not None]
    futures: dict[str, Future[RawSheet | list[WorkbookError]]] = {}
    if len(data) < PARALLEL_FROM_BYTES:
        for spec in specs:
            future: Future[RawSheet | list[WorkbookError]] = Future()
            futures[spec.key] = future
            try:
                future.set_result(load_raw_sheet(reader, str(matched[spec.key]), spec))
            except BaseException as exc:  # kept for the caller, as a thread's would be
                future.set_exception(exc)
        return futures
    readers = threading.local()
    spare = [reader]  # the first thread takes the reader already open; the other opens one
    lock = threading.Lock()

    def load(spec: Sheet) -> RawSheet | list[WorkbookError]:
        if not hasattr(readers, "reader"):
            with lock:
                readers.reader = spare.pop() if spare else None
            if readers.reader is None:
                readers.reader = open_workbook(data)
        loaded = load_raw_sheet(readers.reader, str(matched[spec.key]), spec)
        if typed is not None and isinstance(loaded, RawSheet) and spec.key != "settings":
            with contextlib.suppress(Exception):  # typed again in the caller, which then raises
                typed[spec.key] = typed_frame(loaded)
        return loaded

    with ThreadPoolExecutor(max_workers=2) as pool:
        for spec in specs:
            futures[spec.key] = pool.submit(load, spec)
    return futures


def _raise_unreadable(exc: BaseException) -> NoReturn:
    """A parser failure as a clear error; re-raised as it is when not the file's fault (out of
    memory, interrupted). A corrupt .xls can make calamine panic, and pyo3 raises a panic as a
    BaseException."""
    if isinstance(exc, (MemoryError, KeyboardInterrupt, SystemExit, GeneratorExit)):
        raise exc
    text = str(exc).lower()
    if "password" in text or "encrypt" in text:
        raise UnreadableWorkbook(make_error("FILE_ENCRYPTED")) from exc
    raise UnreadableWorkbook(
        make_error("FILE_CORRUPT", detail_code="LIBRARY", reason=_short(exc))
    ) from exc


def _short(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__


def _typed_workbook(
    raws: dict[str, RawSheet], typed: Typed | None = None
) -> tuple[Workbook, list[WorkbookError]]:
    frames: dict[str, pd.DataFrame] = {}
    errors: list[WorkbookError] = []
    for spec in SHEETS:
        if spec.key == "settings":
            continue
        if spec.key in raws:
            done = (typed or {}).get(spec.key)
            frames[spec.key], sheet_errors = done or typed_frame(raws[spec.key])
            errors += sheet_errors
        else:
            frames[spec.key] = typed_frame(_blank_raw(spec))[0]
    params, setting_errors = read_settings(raws.get("settings"))
    errors += setting_errors
    errors += _check_members(raws, frames)
    people = member_index(frames["members"])
    errors += _check_plan(raws, frames, people)
    errors += _check_records(raws, frames, people)
    frames["participation"] = frames["participation"].rename(columns={"name": "member"})
    frames["exams"] = frames["exams"].rename(columns={"name": "member"})
    frames = {key: _plain_strings(frame) for key, frame in frames.items()}
    workbook = Workbook(
        params=params,
        sheet_names={key: raw.name for key, raw in raws.items()},
        **frames,
    )
    return workbook, errors


def _plain_strings(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns as Python strings (None for blank): the rules engine groups and merges on
    them many times, and pandas does that faster on object columns than on Arrow strings."""
    converted = {}
    for column in frame.columns:
        series = frame[column]
        if isinstance(series.dtype, pd.StringDtype):
            converted[column] = object_strings(series)
    return frame.assign(**converted) if converted else frame


def _blank_raw(spec: Sheet) -> RawSheet:
    empty = pd.DataFrame({c.key: pd.Series(dtype="string") for c in spec.columns})
    return RawSheet(spec, spec.zh, 0, {}, {}, empty)


def _complete(raws: dict[str, RawSheet], key: str, *columns: str) -> bool:
    """The sheet is there with these columns: only then may other sheets be checked against it
    (a missing 场次 column is one error, not one per row of every sheet that refers to it)."""
    raw = raws.get(key)
    return raw is not None and not set(columns) & set(raw.missing)


def _check_members(raws: dict[str, RawSheet], frames: dict[str, pd.DataFrame]) -> list:
    members = frames["members"]
    members["key"] = member_keys(members)
    members["display"] = display_names(members)
    if "members" not in raws:
        return []
    raw = raws["members"]
    errors = duplicate_errors(raw, members, ["member_id"], "member_id", "member_id")
    if not _complete(raws, "members", "name", "group"):
        return errors
    # Same-named members of one group are allowed only when every one of them has a 编号.
    same_name = members.duplicated(["group", "name"], keep="first")
    clash, first_rows = name_clashes(members, same_name)
    errors += cell_errors(
        raw,
        "name",
        clash,
        "DUPLICATE_KEY",
        pd.DataFrame({"first_row": first_rows}),
        key_code="group_name",
    )
    backwards = members["left"] < members["joined"]
    joined_text = members["joined"].dt.strftime("%Y-%m-%d")
    errors += cell_errors(
        raw, "left", backwards, "LEFT_BEFORE_JOINED", pd.DataFrame({"joined": joined_text})
    )
    return errors


def _resolve(
    raw: RawSheet | None,
    frame: pd.DataFrame,
    column: str,
    groups: pd.Series,
    people: MemberIndex,
    checkable: bool = True,
) -> list[WorkbookError]:
    """Replace a person column by member keys; report names that match no one or several."""
    resolution = resolve_people(frame[column], groups, people)
    frame[column] = resolution.keys
    if raw is None or not checkable:
        return []
    return cell_errors(
        raw, column, resolution.unknown, "UNKNOWN_PERSON", resolution.details
    ) + cell_errors(raw, column, resolution.ambiguous, "AMBIGUOUS_PERSON", resolution.details)


def _check_plan(
    raws: dict[str, RawSheet], frames: dict[str, pd.DataFrame], people: MemberIndex
) -> list:
    plan = frames["plan"]
    raw = raws.get("plan")
    errors: list[WorkbookError] = []
    if raw is not None:
        errors += duplicate_errors(raw, plan, ["session"], "session", "session")
    checkable = _complete(raws, "members", "name", "group")
    for column in ("speaker", "host"):
        errors += _resolve(raw, plan, column, plan["group"], people, checkable)
    return errors


def _is_in(column: pd.Series, values: pd.Index | pd.Series) -> pd.Series:
    """``column.isin(values)`` by hashing: pandas converts each value one by one for Arrow text."""
    found = pd.Index(values).dropna().unique().get_indexer(column.astype(object)) >= 0
    return pd.Series(found, index=column.index)


def _check_records(
    raws: dict[str, RawSheet], frames: dict[str, pd.DataFrame], people: MemberIndex
) -> list:
    plan, talks = frames["plan"], frames["talks"]
    planned = plan.drop_duplicates("session").set_index("session")
    errors: list[WorkbookError] = []
    checkable = _complete(raws, "members", "name", "group")
    for key in ("talks", "participation", "outreach"):
        raw, frame = raws.get(key), frames[key]
        if raw is None or not _complete(raws, "plan", "session"):
            continue
        unknown = frame["session"].notna() & ~_is_in(frame["session"], planned.index)
        errors += cell_errors(raw, "session", unknown, "UNKNOWN_SESSION")
    if "talks" in raws:
        raw = raws["talks"]
        errors += duplicate_errors(raw, talks, ["session"], "session", "session")
        cancelled = talks["session"].map(planned["status"]) == STATUS_CANCELLED
        errors += cell_errors(raw, "session", cancelled.fillna(False), "TALK_FOR_CANCELLED")
    participation = frames["participation"]
    # Plain strings to map through: mapping 780,000 rows onto Arrow text takes 4 times as long.
    session_group = participation["session"].map(object_strings(planned["group"]))
    errors += _resolve(
        raws.get("participation"), participation, "name", session_group, people, checkable
    )
    if PARTICIPATION.key in raws:
        raw = raws[PARTICIPATION.key]
        if "talks" not in raws or _complete(raws, "talks", "session"):
            untalked = session_group.notna() & ~_is_in(participation["session"], talks["session"])
            errors += cell_errors(raw, "session", untalked, "NO_TALK_RECORD")
        errors += duplicate_errors(raw, participation, ["session", "name"], "name", "session_name")
    exams = frames["exams"]
    errors += _resolve(raws.get("exams"), exams, "name", exams["group"], people, checkable)
    if "exams" in raws:
        errors += duplicate_errors(
            raws["exams"], exams, ["name", "year"], "name", "group_name_year"
        )
    return errors


def raw_sheets(data: bytes) -> tuple[dict[str, RawSheet], list[WorkbookError]]:
    """The contract's sheets as cleaned text, before typing: what a scoped publish recombines.

    Raises UnreadableWorkbook for bytes that are no ledger; call it only on bytes that the
    (isolated) reader has already read."""
    return _load_sheets(data)


def workbook_from_raw(raws: dict[str, RawSheet]) -> tuple[Workbook, list[WorkbookError]]:
    """Type and check raw sheets exactly as an upload is checked."""
    workbook, errors = _typed_workbook(raws)
    return workbook, _in_sheet_order(errors, workbook.sheet_names)
