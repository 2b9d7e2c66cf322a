"""The benchmark of issue #13: one group clerk's publish on a county-year store, via the CLI.

The county-year workbook (100 groups × 10 members, clerks' habits past row 1,000) is published
whole; the first group's rows are downloaded, one score and one attendance are changed as a
clerk would, and ``python -m model publish FILE --group G --json`` is timed end to end
(interpreter start included), each run against a fresh copy of the one-version store.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import openpyxl

from model.dev.bench import SIZES, make_workbook

ROOT = Path(__file__).resolve().parents[2]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "model", *args], capture_output=True, text=True, cwd=ROOT
    )


def _edit(source: Path, target: Path) -> None:
    """A clerk's edit: one exam score and one attendance mark changed."""
    book = openpyxl.load_workbook(source)
    exams = book["考试成绩"]
    exams.cell(exams.max_row, 4).value = 58
    attendance = book["参学记录"]
    mark = attendance.cell(attendance.max_row, 3)
    mark.value = "出席" if mark.value == "请假" else "请假"
    book.save(target)


def measure(folder: Path, runs: int = 7) -> dict:
    size = SIZES["county-year"]  # clerks' habits past row 1,000
    path, _, _ = make_workbook(size, folder)
    base = folder / "scoped-store"
    shutil.rmtree(base, ignore_errors=True)
    published = _cli("publish", str(path), "--data", str(base), "--user", "县委宣传部")
    assert published.returncode == 0, published.stdout + published.stderr
    group = openpyxl.load_workbook(path, read_only=True)["成员"]["B3"].value
    downloaded, edited = folder / "scoped-download.xlsx", folder / "scoped-edited.xlsx"
    got = _cli("download", str(downloaded), "--group", str(group), "--data", str(base))
    assert got.returncode == 0, got.stdout + got.stderr
    _edit(downloaded, edited)
    times = []
    for _ in range(runs):
        store = folder / "scoped-run"
        shutil.rmtree(store, ignore_errors=True)
        shutil.copytree(base, store)
        started = time.perf_counter()
        run = _cli("publish", str(edited), "--group", str(group), "--data", str(store), "--json")
        times.append(time.perf_counter() - started)
        answer = json.loads(run.stdout)
        assert run.returncode == 0 and answer["published"], run.stdout + run.stderr
    return {
        "group": group,
        "file_kb": round(edited.stat().st_size / 1024),
        "changes": answer["changes"],
        "median_s": round(statistics.median(times), 2),
        "min_s": round(min(times), 2),
        "max_s": round(max(times), 2),
        "runs": runs,
    }


if __name__ == "__main__":
    print(
        json.dumps(
            measure(Path(sys.argv[1] if len(sys.argv) > 1 else "bench_out")), ensure_ascii=False
        )
    )
