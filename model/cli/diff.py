"""`python -m model diff OLD NEW`: every row, 参数 and assessment status NEW changes (issue #24).

OLD and NEW are workbook paths or ``vN``, a version of the store in ``--data``. Exit 0 when the
diff ran (differences or not), 1 when a file has errors (its rows and 参数 are still compared, but
no statuses are assessed on a workbook with errors), 2 when a file cannot be read at all.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import re
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from model.cli.common import CLI_MAX_BYTES, ExitCode, cli_limits, date_arg, print_errors, say

if TYPE_CHECKING:
    import pandas as pd

    from model.engine.report import Report
    from model.store.workbook_diff import Value, WorkbookDiff
    from model.workbook.reader import ReadResult, Workbook

_VERSION = re.compile(r"^[vV](\d+)$")


def add_commands(commands: argparse._SubParsersAction) -> None:
    diff = commands.add_parser(
        "diff", help="对比两个台账（文件或版本 vN）：逐行、参数与考核状态的变化"
    )
    diff.add_argument("old", help="原台账：文件路径，或 vN（数据目录中的版本号）")
    diff.add_argument("new", help="新台账：文件路径，或 vN")
    diff.add_argument("--json", action="store_true")
    diff.add_argument("--year", type=int, default=None, help="默认：新台账的默认年度")
    diff.add_argument(
        "--as-of", type=date_arg, default=None, help="统计截止日期 YYYY-MM-DD；默认：新台账的"
    )
    diff.add_argument("--data", default=None, help="数据目录（默认 $XUEXI_DATA_DIR 或 ./data）")
    diff.set_defaults(run=diff_command, reads=True)


def diff_command(args: argparse.Namespace) -> int:
    from model.workbook.isolation import start_read

    names = [say("OLD_FILE", source=args.old), say("NEW_FILE", source=args.new)]
    loaded = [_load(args.old, args.data), _load(args.new, args.data)]
    for name, found in zip(names, loaded, strict=True):
        if isinstance(found, str):
            print(say("LOAD_FAILED", name=name, reason=found), file=sys.stderr)
    if any(isinstance(found, str) for found in loaded):
        return ExitCode.UNREADABLE
    # Both files are read at once, each in its own child; meanwhile the rules are imported.
    finishing = [
        start_read(found, CLI_MAX_BYTES, cli_limits()) if isinstance(found, bytes) else found
        for found in loaded
        if not isinstance(found, str)
    ]
    from model.store.workbook_diff import diff_workbooks

    results = [finish() if callable(finish) else finish for finish in finishing]
    unreadable = [(name, r) for name, r in zip(names, results, strict=True) if r.unreadable]
    if unreadable:
        for name, result in unreadable:
            _say_errors(name, result, say("WHAT_UNREADABLE"))
        return ExitCode.UNREADABLE
    old, new = (result.workbook for result in results)
    assert old is not None and new is not None
    with_errors = [(name, r) for name, r in zip(names, results, strict=True) if r.errors]
    for name, result in with_errors:
        _say_errors(name, result, say("WHAT_NO_STATUSES"))
    if with_errors:
        diff = diff_workbooks(old, new, args.year, args.as_of, statuses=False)
    else:
        diff = parallel_diff(old, new, args.year, args.as_of)
    if args.json:
        json.dump(diff.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print("\n".join(summary_lines(diff, args.old, args.new)))
    return ExitCode.ERRORS if with_errors else ExitCode.OK


def parallel_diff(
    old: Workbook | None,
    new: Workbook,
    year: int | None = None,
    as_of: dt.date | None = None,
    new_report: Report | None = None,
) -> WorkbookDiff:
    """``diff_workbooks`` with the old workbook assessed in a forked child while this process
    assesses the new one: a report costs a few tenths of a second even for one group."""
    from model.engine.report import build_report
    from model.store.workbook_diff import assessed, assessed_when, diff_workbooks

    year, as_of = assessed_when(new, year, as_of)
    old_side = _in_child(lambda: assessed(old, year, as_of)) if old is not None else lambda: None
    if new_report is None or new_report.year != year or new_report.as_of != as_of:
        new_report = build_report(new, year, as_of)
    return diff_workbooks(old, new, year, as_of, new_report=new_report, old_assessed=old_side())


def _in_child(task: Callable[[], pd.DataFrame]) -> Callable[[], pd.DataFrame | None]:
    """``task()`` in a forked child, its frame sent back as Arrow IPC (plain data, not a
    serialised object) when asked for; None if the child failed (the caller then does the work itself), or
    at once in this process if it runs threads (forking is safe only without them: a command,
    not the server or a test run)."""
    from model.sandbox.plain import frame_from_ipc, frame_to_ipc

    if threading.active_count() > 1 or not hasattr(os, "fork"):
        answer = task()
        return lambda: answer
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: the task, its answer, then gone without the parent's clean-up
        code = 0
        try:
            os.close(read_end)
            with os.fdopen(write_end, "wb") as out:
                out.write(frame_to_ipc(task()))
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)

    def finish() -> pd.DataFrame | None:
        with os.fdopen(read_end, "rb") as answer:
            data = answer.read()
        _, status = os.waitpid(pid, 0)
        if status != 0 or not data:
            return None
        return frame_from_ipc(data)

    return finish


def _load(source: str, data_dir: str | None) -> bytes | ReadResult | str:
    """The bytes named (a file, or a version of the store), or why there are none: the
    reader's error for a file, a sentence for a version the store does not have."""
    from model.workbook.errors import make_error
    from model.workbook.reader import ReadResult

    number = _VERSION.match(source)
    if number and not Path(source).exists():
        from model.store.versions import Store, default_data_dir

        store = Store(default_data_dir(data_dir))
        version = store.get(int(number.group(1)))
        if version is None:
            return say("NO_VERSION_IN", folder=store.root, source=source)
        try:
            return store.read_bytes(version)
        except OSError as exc:
            error = make_error(
                "FILE_CORRUPT", detail_code="VERSION_UNREADABLE", source=source, reason=str(exc)
            )
            return ReadResult(None, [error], unreadable=True)
    try:
        return Path(source).read_bytes()
    except OSError as exc:
        error = make_error("FILE_CORRUPT", detail_code="CANNOT_OPEN", reason=exc.strerror)
        return ReadResult(None, [error], unreadable=True)


def _say_errors(name: str, result: ReadResult, what: str) -> None:
    print(say("FILE_ERRORS", name=name, what=what, count=len(result.errors)), file=sys.stderr)
    with contextlib.redirect_stdout(sys.stderr):
        print_errors(result.errors)


def summary_lines(diff: WorkbookDiff, old: str, new: str) -> list[str]:
    """The human summary: rows per sheet, then 参数, then statuses, then every row changed."""
    from model.texts.domain import status_label

    lines = [say("DIFF_HEAD", old=old, new=new, year=diff.year, as_of=diff.as_of.isoformat())]
    if diff.empty:
        lines.append(say("DIFF_EMPTY"))
        return lines
    lines.append(say("DIFF_SHEETS"))
    for sheet, counts in diff.counts().items():
        lines.append(say("DIFF_SHEET", sheet=sheet, **counts))
    if diff.params:
        lines.append(say("DIFF_PARAMS", count=len(diff.params)))
        lines += [f"  {p.key}：{cell_text(p.old)} → {cell_text(p.new)}" for p in diff.params]
    else:
        lines.append(say("DIFF_NO_PARAMS"))
    if not diff.statuses_computed:
        lines.append(say("DIFF_NO_STATUSES"))
    else:
        count = say("PEOPLE", count=len(diff.statuses)) if diff.statuses else say("NONE")
        lines.append(say("DIFF_STATUSES", year=diff.year, count=count))
        for s in diff.statuses:
            was = status_label(s.old) if s.old else say("NOT_ASSESSED")
            now = status_label(s.new) if s.new else say("NOT_ASSESSED")
            lines.append(f"  {s.group} {s.name}：{was} → {now}")
    lines.append(say("DIFF_ROWS", count=len(diff.rows)))
    for row in diff.rows:
        if row.change == "changed":
            cells = say("CELL_SEP").join(
                f"{c.column} {cell_text(c.old)} → {cell_text(c.new)}" for c in row.cells
            )
        else:
            cells = say("CELL_SEP").join(
                f"{c.column} {cell_text(c.new if row.change == 'added' else c.old)}"
                for c in row.cells
            )
        lines.append(f"  [{row.sheet}] {row.key} {say(row.change.upper())}：{cells}")
    return lines


def cell_text(value: Value) -> str:
    if value is None:
        return say("EMPTY")
    if isinstance(value, bool):
        return say("YES") if value else say("NO")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
