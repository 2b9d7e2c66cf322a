"""Where ``report --json`` spends its time, phase by phase, in one process (issue #28).

    .venv/bin/python benchmarks/profile_report.py WORKBOOK --year 2026 [--runs 3]

The same steps the command's child runs (guard, load, typing and checks, report, JSON), each
timed by wrapping the function that does it; medians of ``--runs`` in-process runs after one
warm-up. Loading and typing overlap in two threads on a file over 2 MB, so the sheets' typing
is also counted inside "load" there; the phases' sum is then more than the wall time. The
command adds interpreter start, imports and the fork (``python -m model bench`` measures the
whole).
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# (module the caller looks the name up in, name, phase): wrapped where it is called from.
PHASES = [
    ("model.workbook.reader", "check_workbook_bytes", "guard (zip inflated with a cap)"),
    ("model.workbook.reader", "_load_sheets", "load (calamine, text cleaned)"),
    ("model.workbook.reader", "typed_frame", "typing: cells typed (main thread)"),
    ("model.workbook.reader", "_check_members", "typing: 成员 checks"),
    ("model.workbook.reader", "member_index", "typing: member index"),
    ("model.workbook.reader", "_check_plan", "typing: plan checks"),
    ("model.workbook.reader", "_check_records", "typing: records' people and checks"),
    ("model.engine.report", "build_timeline", "report: timeline (attendance join)"),
    ("model.engine.report", "find_all", "report: findings"),
    ("model.engine.report", "credit_ledger", "report: credits"),
    ("model.engine.report", "assess", "report: assessment"),
    ("model.engine.report", "_member_counts", "report: per-member counts"),
    ("model.engine.report", "_explain_all", "report: reasons and fixes"),
    ("model.engine.report", "session_checks", "report: session checks"),
    ("model.engine.report", "_group_table", "report: group table"),
    ("model.engine.report", "_overall", "report: overall"),
]


def _wrap(spent: dict[str, float], phase: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[phase] += time.perf_counter() - started

    return timed


def profile(path: Path, year: int, runs: int) -> list[tuple[str, float]]:
    from model.engine.report import build_report
    from model.outputs.report_json import report_json_pieces
    from model.workbook.reader import read_workbook

    data = path.read_bytes()
    spent: dict[str, float] = defaultdict(float)
    for module_name, name, phase in PHASES:
        module = importlib.import_module(module_name)
        setattr(module, name, _wrap(spent, phase, getattr(module, name)))
    rows: dict[str, list[float]] = defaultdict(list)
    for run in range(runs + 1):
        spent.clear()
        started = time.perf_counter()
        result = read_workbook(data, max_bytes=len(data) + 1)
        read_done = time.perf_counter()
        assert result.workbook is not None, result.errors[:3]
        report = build_report(result.workbook, year)
        report_done = time.perf_counter()
        b"".join(report_json_pieces(report))
        ended = time.perf_counter()
        del report, result
        if run == 0 and runs > 0:
            continue  # the warm-up: first calls pay for lazy imports and caches
        for phase, seconds in spent.items():
            rows[phase].append(seconds)
        rows["read, wall"].append(read_done - started)
        rows["report, wall"].append(report_done - read_done)
        rows["JSON (by columns)"].append(ended - report_done)
        rows["total, wall"].append(ended - started)
    order = [phase for _, _, phase in PHASES] + ["read, wall", "report, wall"]
    order += ["JSON (by columns)", "total, wall"]
    return [(phase, statistics.median(rows[phase])) for phase in order if phase in rows]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", type=Path)
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument("--runs", type=int, default=3, help="0: the first, cold run alone")
    args = parser.parse_args()
    for phase, seconds in profile(args.path, args.year, args.runs):
        print(f"{phase:<42}{seconds:>8.3f} s")


if __name__ == "__main__":
    main()
