"""What every command shares: the exit codes, the reader's limits on the command line, reading a
named file in the isolated reader, and printing a workbook's errors."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING

from model.texts.lookup import text
from model.texts.notices import notice_text
from model.workbook.errors import WorkbookError, make_error

if TYPE_CHECKING:
    from model.sandbox import Limits
    from model.workbook.reader import ReadResult


class ExitCode(IntEnum):
    """The command line's exit codes, the same for every command."""

    OK = 0
    ERRORS = 1  # the workbook (or the request) has errors: nothing was done
    UNREADABLE = 2  # a file could not be read at all
    IDENTICAL = 3  # nothing changed: the same as the current version
    STALE = 4  # the group has a newer version than the one the upload was made from


# Files named on the command line may be larger than an upload (benchmarks, archives), so the
# isolated reader may use more memory and time than it may for an upload.
CLI_MAX_BYTES = 512 * 1024 * 1024
CLI_MEMORY_MB = int(os.environ.get("XUEXI_CLI_READ_MEMORY_MB", "4096"))
CLI_SECONDS = float(os.environ.get("XUEXI_CLI_READ_SECONDS", "300"))


def date_arg(text: str) -> dt.date:
    """An argparse type: a date as YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(say("BAD_DATE", text=text)) from exc


def year_and_date(parser: argparse.ArgumentParser) -> None:
    """The year a report is of (required) and its 统计截止日期 (default: the workbook's)."""
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument("--as-of", type=date_arg, default=None, help="统计截止日期 YYYY-MM-DD")


def cli_limits() -> Limits:
    from model.sandbox import Limits

    return Limits(memory_mb=CLI_MEMORY_MB, seconds=CLI_SECONDS)


def read_for_cli(path: str) -> ReadResult:
    """The named file, read in the isolated worker: a hostile file ends the child, not us."""
    # Commands import what they use: `report` must not pay for openpyxl at start-up.
    from model.workbook.isolation import read_isolated
    from model.workbook.reader import ReadResult

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        error = make_error("FILE_CORRUPT", detail_code="CANNOT_OPEN", reason=exc.strerror)
        return ReadResult(None, [error], unreadable=True)
    return read_isolated(data, CLI_MAX_BYTES, cli_limits())


def exit_code(result: ReadResult) -> ExitCode:
    if result.unreadable:
        return ExitCode.UNREADABLE
    return ExitCode.ERRORS if result.errors else ExitCode.OK


def validation_json(result: ReadResult) -> dict:
    return {
        "ok": result.ok,
        "errors": [error.as_dict() for error in result.errors],
        "counts": result.workbook.counts() if result.workbook else {},
        "format": result.kind.format if result.kind else None,
        "notices": [{"code": code, "message": notice_text(code, "zh")} for code in result.notices],
    }


def dump_json(payload: object, indent: int | None = 2) -> None:
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=indent)
    print()


def print_errors(errors: list[WorkbookError]) -> None:
    for error in errors:
        where = " ".join(
            part
            for part in (
                error.sheet,
                error.cell or (say("ROW", row=error.row) if error.row else None),
            )
            if part
        )
        column = f"［{error.column}］" if error.column else ""
        print(f"{where}{column} {error.message} → {error.hint}")


def refuse(result: ReadResult, as_json: bool, what: str) -> ExitCode:
    """A workbook with errors: say so (as the validate JSON, or as lines) and exit 1 or 2."""
    if as_json:
        dump_json(validation_json(result))
    else:
        print(say("REFUSED", count=len(result.errors), what=what))
        print_errors(result.errors)
    return exit_code(result)


def say(code: str, **fields: object) -> str:
    """The command line's words for ``code`` (model/texts/cli.py), in Chinese."""
    return text("cli", code, "zh", **fields)
