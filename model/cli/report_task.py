"""The sandbox task ``report``: the isolated reader's child reads the file and also builds the
report and its output, so only the output's bytes come back: at province scale, sending the
parsed workbook back to the command (87 MB) and rebuilding it there cost more than 2 s. Its
answer is the read result without its workbook, and the bytes. Imported by ``report`` when it
runs, so other commands start without pandas.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from model.sandbox import Limits, Plain, SandboxFailure, register, run
from model.workbook.isolation import failed_read
from model.workbook.reader import ReadResult
from model.workbook.transfer import result_from_plain, result_to_plain


def report_output(
    data: bytes,
    max_bytes: int,
    year: int,
    as_of: dt.date | None,
    group: str | None,
    as_json: bool,
    indent: bool,
) -> tuple[ReadResult, bytes | None]:
    """Read ``data``; if it is a clean ledger, the report's output (JSON, or the text for a
    terminal) in bytes. The read result comes back without its workbook, for the errors."""
    from model.engine.report import build_report
    from model.outputs.report_json import report_json_bytes, report_json_pieces
    from model.outputs.terminal import report_text
    from model.workbook.reader import read_workbook

    result = read_workbook(data, max_bytes)
    workbook, result = result.workbook, replace(result, workbook=None)
    if workbook is None or result.errors:
        return result, None
    report = build_report(workbook, year, as_of, group)
    del workbook, data  # what the report does not hold is freed before the output is built
    if as_json and not indent:
        pieces = report_json_pieces(report)
        del report  # its frames are freed before the pieces and the newline make one copy
        output = b"".join([*pieces, b"\n"])
    elif as_json:
        output = report_json_bytes(report, indent=indent) + b"\n"
    else:
        output = (report_text(report) + "\n").encode("utf-8")
    return replace(result, workbook=None), output


def _report(arguments: Plain) -> tuple[ReadResult, bytes | None]:
    options = dict(arguments.data)
    as_of = options.pop("as_of")
    return report_output(
        bytes(arguments.blobs["data"]),
        as_of=None if as_of is None else dt.date.fromisoformat(as_of),
        **options,
    )


def _encode(answer: tuple[ReadResult, bytes | None]) -> Plain:
    result, output = answer
    plain = result_to_plain(result)
    blobs = dict(plain.blobs) if output is None else {**plain.blobs, "output": output}
    return Plain({"result": plain.data, "output": output is not None}, blobs)


def _decode(plain: Plain) -> tuple[ReadResult, bytes | None]:
    result = result_from_plain(Plain(plain.data["result"], plain.blobs))
    if result.workbook is not None:
        raise ValueError("a report answers without its workbook")
    output = bytes(plain.blobs["output"]) if plain.data["output"] is True else None
    return result, output


REPORT = register("report", _report, encode=_encode, decode=_decode)


def run_report_isolated(
    arguments: dict[str, object], limits: Limits | None = None
) -> tuple[ReadResult, bytes | None]:
    """``report_output(**arguments)`` in a child; a child over its limits is FILE_TOO_COMPLEX
    and one that raised READER_FAILED, as for a read."""
    limits = limits or Limits()
    options = dict(arguments)
    data = options.pop("data")
    as_of = options.pop("as_of", None)
    assert isinstance(data, bytes) and (as_of is None or isinstance(as_of, dt.date))
    options["as_of"] = None if as_of is None else as_of.isoformat()
    try:
        return run(REPORT, Plain(options, {"data": data}), limits)
    except SandboxFailure as failure:
        return failed_read(failure, limits), None
