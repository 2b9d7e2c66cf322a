"""The diff timings of issue #24 on two county-year workbooks (clerks' habits past row 1,000).

    .venv/bin/python benchmarks/diff.py [--folder bench_out] [--runs 7]

Makes a county-year workbook of the issue's size (110 groups, 1,100 members, 6,930
participation rows: the issue's ~6,400 or more, with clerks' habits: text dates, √, full-width
digits) and a copy edited as the issue's admin did (a 离组日期 set, a 宣讲记录 row deleted, a
时长 changed, 达标学分 30 → 40, an exam row deleted, a session added, one 出勤 flipped), then
times:

- ``python -m model diff OLD NEW --json`` end to end, interpreter start included (target
  ≤ 1.5 s), median of fresh processes;
- the upload preview after the check (target ≤ 1 s): the old file published into a store, the
  edited one checked as 数据上传 checks it (``prepare``, not timed), then ``Prepared.diff()``,
  which the page shows;
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

from model.dev.bench import Size, make_workbook  # noqa: E402  (after the path is set)

# Issue #24's county-year upload: 1,100 members, ~6,400 participation rows, clerks' habits.
# (``model bench``'s county-year has 1,000 members and 6,300 rows.)
SIZE = Size("county-year-1100", 110, 10, 1, clerk_habits=True)


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


def preview_times(old: Path, new: Path, runs: int, folder: Path) -> list[float]:
    """``Prepared.diff()`` after ``prepare`` (the check), as 数据上传 makes its preview."""
    import shutil

    from model.store.publishing import prepare
    from model.store.versions import Store
    from model.workbook.intake import MAX_UPLOAD_BYTES

    root = folder / "diff-preview-store"
    shutil.rmtree(root, ignore_errors=True)
    store = Store(root)
    data = old.read_bytes()
    store.publish(data, user="bench", original_name=old.name, row_counts={}, finding_counts={})
    upload = new.read_bytes()
    times = []
    for _ in range(runs):
        prepared = prepare(store, upload, new.name, max_bytes=MAX_UPLOAD_BYTES)
        assert prepared.publishable, prepared.result.errors[:3]
        started = time.perf_counter()
        diff = prepared.diff()
        times.append(time.perf_counter() - started)
        assert diff is not None and diff.params
    shutil.rmtree(root, ignore_errors=True)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folder", default="bench_out")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    folder = Path(args.folder)
    folder.mkdir(parents=True, exist_ok=True)
    old, _, participation = make_workbook(SIZE, folder)
    new = folder / f"bench-{SIZE.name}-edited.xlsx"
    edit(old, new)
    cli, answer = cli_times(old, new, args.runs)
    preview = preview_times(old, new, args.runs, folder)
    alone = in_process_times(old, new, args.runs)
    counts: dict[str, dict[str, int]] = {}
    for row in answer["rows"]:
        counts.setdefault(row["sheet"], {}).setdefault(row["change"], 0)
        counts[row["sheet"]][row["change"]] += 1

    def median(values: list[float]) -> float:
        return round(statistics.median(values), 3)

    result = {
        "size": SIZE.name,
        "members": SIZE.groups * SIZE.members_per_group,
        "participation_rows": participation,
        "cli_diff_json_median_s": median(cli),
        "cli_diff_json_max_s": round(max(cli), 3),
        "cli_target_s": 1.5,
        "preview_after_check_median_s": median(preview),
        "preview_after_check_max_s": round(max(preview), 3),
        "preview_target_s": 1.0,
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
