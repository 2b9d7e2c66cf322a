"""The diff timings of issue #24 on two county-year workbooks (clerks' habits past row 1,000).

    .venv/bin/python benchmarks/diff.py [--folder bench_out] [--runs 7]

Makes the county-year workbook of ``model bench`` and a copy edited as the issue's admin did
(a 离组日期 set, a 宣讲记录 row deleted, a 时长 changed, 达标学分 30 → 40, an exam row deleted,
a session added, one 出勤 flipped), then times:

- ``python -m model diff OLD NEW --json`` end to end, interpreter start included (target
  ≤ 1.5 s), median of fresh processes;
- ``diff_workbooks`` alone on the two read workbooks, without the two reports (≤ ~0.3 s), and
  with them, in this process (medians).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def edit(source: Path, target: Path) -> None:
    """The issue's edits, made in openpyxl as a clerk's Excel would save them."""
    import openpyxl

    book = openpyxl.load_workbook(source)
    members = book["成员"]
    header = next(r for r in range(1, 11) if members.cell(r, 1).value == "姓名")
    members.cell(header + 6, 8).value = dt.datetime(2026, 9, 30)  # a 离组日期 set
    book["宣讲记录"].delete_rows(5)  # one 宣讲 row deleted
    book["讲课记录"].cell(4, 4).value = 30  # one 时长 changed
    book["参数"].append(["达标学分", 40])  # raised from the default 30
    book["考试成绩"].delete_rows(book["考试成绩"].max_row)  # an exam row deleted
    plan = book["学习计划"]
    added = [c.value for c in plan[plan.max_row]]
    added[0] = f"{added[0]}-补"  # a session added, like the group's last one
    plan.append(added)
    attendance = book["参学记录"].cell(2, 3)
    attendance.value = "缺席" if attendance.value != "缺席" else "出席"  # one 出勤 flipped
    book.save(target)


def cli_times(old: Path, new: Path, runs: int) -> tuple[list[float], dict]:
    times, answer = [], {}
    for _ in range(runs):
        started = time.perf_counter()
        run = subprocess.run(
            [sys.executable, "-m", "model", "diff", str(old), str(new), "--json"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        times.append(time.perf_counter() - started)
        assert run.returncode == 0, run.stderr[-2000:]
        answer = json.loads(run.stdout)
    return times, answer


def in_process_times(old: Path, new: Path, runs: int) -> dict[str, list[float]]:
    from model.store.workbook_diff import diff_workbooks
    from model.workbook.reader import read_workbook_file

    before = read_workbook_file(old, max_bytes=1 << 30).workbook
    after = read_workbook_file(new, max_bytes=1 << 30).workbook
    assert before is not None and after is not None
    diff_workbooks(before, after, statuses=False)  # imports and first-call costs
    rows_only, with_reports = [], []
    for _ in range(runs):
        started = time.perf_counter()
        diff_workbooks(before, after, statuses=False)
        rows_only.append(time.perf_counter() - started)
        started = time.perf_counter()
        diff_workbooks(before, after)
        with_reports.append(time.perf_counter() - started)
    return {"diff_alone": rows_only, "diff_with_two_reports": with_reports}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folder", default="bench_out")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    from model.dev.bench import SIZES, make_workbook

    folder = Path(args.folder)
    folder.mkdir(parents=True, exist_ok=True)
    old, _, _ = make_workbook(SIZES["county-year"], folder)
    new = folder / "bench-county-year-edited.xlsx"
    edit(old, new)
    cli, answer = cli_times(old, new, args.runs)
    alone = in_process_times(old, new, args.runs)
    counts: dict[str, dict[str, int]] = {}
    for row in answer["rows"]:
        counts.setdefault(row["sheet"], {}).setdefault(row["change"], 0)
        counts[row["sheet"]][row["change"]] += 1

    def median(values: list[float]) -> float:
        return round(statistics.median(values), 3)

    result = {
        "size": "county-year",
        "cli_diff_json_median_s": median(cli),
        "cli_diff_json_max_s": round(max(cli), 3),
        "cli_target_s": 1.5,
        "diff_alone_median_s": median(alone["diff_alone"]),
        "diff_alone_target_s": 0.3,
        "diff_with_two_reports_median_s": median(alone["diff_with_two_reports"]),
        "rows": counts,
        "params": answer["params"],
        "status_changes": len(answer["statuses"]),
        "runs": args.runs,
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
