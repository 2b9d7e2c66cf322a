"""A ``ReadResult`` as plain data, to cross from the isolated reader's child to the parent.

Frames go as Arrow IPC blobs (``model.sandbox.plain``), everything else as JSON: the parent
builds each object from its known class and checks each field's type, so a child that sends
something else is refused (``model.sandbox`` reports it as an incident), never run.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, get_args

import pandas as pd

from model.sandbox import Plain
from model.sandbox.plain import frame_from_ipc, frame_to_ipc, from_plain, to_plain
from model.sandbox.registry import Blob
from model.workbook.errors import WorkbookError
from model.workbook.intake import FileFormat, FileKind
from model.workbook.params import Params
from model.workbook.rawsheet import RawSheet
from model.workbook.reader import ReadResult, Workbook
from model.workbook.schema import SHEETS

FRAMES = ("members", "plan", "talks", "participation", "outreach", "exams")
_SPECS = {spec.key: spec for spec in SHEETS}


def errors_to_plain(errors: list[WorkbookError]) -> list[dict[str, Any]]:
    return [
        {
            "code": e.code,
            "sheet": e.sheet,
            "row": e.row,
            "column": e.column,
            "cell": e.cell,
            "value": e.value,
            "fields": to_plain(e.fields),
        }
        for e in errors
    ]


def errors_from_plain(data: Any) -> list[WorkbookError]:
    errors = []
    for item in _of(data, list):
        item = _of(item, dict)
        fields = from_plain(item["fields"])
        errors.append(
            WorkbookError(
                code=_of(item["code"], str),
                sheet=_optional(item["sheet"], str),
                row=_optional(item["row"], int),
                column=_optional(item["column"], str),
                cell=_optional(item["cell"], str),
                value=_optional(item["value"], str),
                fields=_of(fields, dict),
            )
        )
    return errors


def result_to_plain(result: ReadResult) -> Plain:
    """``result`` as JSON and one Arrow blob per frame (``workbook.*`` and ``raws.*``)."""
    blobs: dict[str, Any] = {}
    workbook = None
    if result.workbook is not None:
        book = result.workbook
        for key in FRAMES:
            blobs[f"workbook.{key}"] = frame_to_ipc(getattr(book, key))
        params = {
            f.name: to_plain(getattr(book.params, f.name)) for f in dataclasses.fields(Params)
        }
        workbook = {"params": params, "sheet_names": dict(book.sheet_names)}
    raws = None
    if result.raws is not None:
        raws = {}
        for key, raw in result.raws.items():
            blobs[f"raws.{key}"] = frame_to_ipc(raw.data)
            raws[key] = {
                "spec": raw.spec.key,
                "name": raw.name,
                "header_row": raw.header_row,
                "columns": raw.columns,
                "column_index": raw.column_index,
                "formula_errors": {
                    k: [int(r) for r in rows] for k, rows in raw.formula_errors.items()
                },
                "missing": list(raw.missing),
                "required_names": list(raw.required_names),
            }
    data = {
        "workbook": workbook,
        "errors": errors_to_plain(result.errors),
        "unreadable": result.unreadable,
        "kind": None if result.kind is None else [result.kind.format, result.kind.macros],
        "notices": list(result.notices),
        "raws": raws,
    }
    return Plain(data, blobs)


def result_from_plain(plain: Plain) -> ReadResult:
    data = _of(plain.data, dict)
    workbook = None
    if data["workbook"] is not None:
        book = _of(data["workbook"], dict)
        params = _params(_of(book["params"], dict))
        frames = {key: frame_from_ipc(plain.blobs[f"workbook.{key}"]) for key in FRAMES}
        workbook = Workbook(params=params, sheet_names=_texts(book["sheet_names"]), **frames)
    raws = None
    if data["raws"] is not None:
        raws = {
            key: _raw(_of(raw, dict), plain.blobs[f"raws.{key}"])
            for key, raw in _of(data["raws"], dict).items()
        }
    kind = None
    if data["kind"] is not None:
        file_format, macros = _of(data["kind"], list)
        if file_format not in get_args(FileFormat):
            raise ValueError(f"unknown file format {file_format!r:.40}")
        kind = FileKind(file_format, _of(macros, bool))
    return ReadResult(
        workbook,
        errors_from_plain(data["errors"]),
        unreadable=_of(data["unreadable"], bool),
        kind=kind,
        notices=[_of(code, str) for code in _of(data["notices"], list)],
        raws=raws,
    )


def _params(data: dict[str, Any]) -> Params:
    values = {name: from_plain(value) for name, value in data.items()}
    as_of = values.get("as_of")
    if as_of is not None and type(as_of) is not dt.date:
        raise ValueError("as_of is no date")
    for name, value in values.items():
        if name != "as_of" and type(value) not in (int, float):
            raise ValueError(f"parameter {name!r:.40} is no number")
    return Params(**values)


def _raw(data: dict[str, Any], blob: Blob) -> RawSheet:
    spec = _SPECS[_of(data["spec"], str)]
    return RawSheet(
        spec=spec,
        name=_of(data["name"], str),
        header_row=_of(data["header_row"], int),
        columns=_texts(data["columns"]),
        column_index={_of(k, str): _of(v, int) for k, v in _of(data["column_index"], dict).items()},
        data=frame_from_ipc(blob),
        formula_errors={
            _of(k, str): pd.Index([_of(r, int) for r in _of(rows, list)], dtype="int64")
            for k, rows in _of(data["formula_errors"], dict).items()
        },
        missing=tuple(_of(key, str) for key in _of(data["missing"], list)),
        required_names=tuple(_of(name, str) for name in _of(data["required_names"], list)),
    )


def _texts(data: Any) -> dict[str, str]:
    return {_of(k, str): _of(v, str) for k, v in _of(data, dict).items()}


def _of(value: Any, kind: type) -> Any:
    if type(value) is not kind:
        raise ValueError(f"expected {kind.__name__}, got {type(value).__name__}")
    return value


def _optional(value: Any, kind: type) -> Any:
    return None if value is None else _of(value, kind)
