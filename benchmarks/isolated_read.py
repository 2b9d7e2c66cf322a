"""Time reading a workbook through the isolated reader, and the same read in this process.

    .venv/bin/python benchmarks/isolated_read.py [--runs 5] [--sizes sample county-year ...]

For each workbook: the in-process ``read_workbook`` (the floor), ``read_isolated`` through the
zygote (as the server reads an upload) and ``read_isolated`` forked from a one-shot process (as
``python -m model`` reads), each the median of ``--runs``. The difference to the floor is what
isolation costs: the fork, and carrying the result back to the parent.
Workbooks of the sizes of ``model.dev.bench`` are made in ``--folder`` when missing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SAMPLE = ROOT / "sample_data" / "示范县学习台账.xlsx"

FORKED = """
import json, statistics, sys, time
from model.workbook.isolation import Limits, fork_here, read_isolated
fork_here()
data = open(sys.argv[1], "rb").read()
limits = Limits(memory_mb=8192, seconds=600)
times = []
for _ in range(int(sys.argv[2])):
    started = time.perf_counter()
    result = read_isolated(data, 1 << 30, limits)
    times.append(time.perf_counter() - started)
    assert result.ok, result.errors[:3]
print(json.dumps(times))
"""


def _median(times: list[float]) -> float:
    return round(statistics.median(times), 3)


def measure(path: Path, runs: int) -> dict[str, object]:
    from model.workbook.isolation import Limits, read_isolated, warm
    from model.workbook.reader import read_workbook

    data = path.read_bytes()
    limits = Limits(memory_mb=8192, seconds=600)
    warm()
    read_isolated(data, 1 << 30, limits)  # the first read also warms the page cache
    direct, zygote = [], []
    for _ in range(runs):
        started = time.perf_counter()
        assert read_workbook(data, 1 << 30).ok
        direct.append(time.perf_counter() - started)
        started = time.perf_counter()
        result = read_isolated(data, 1 << 30, limits)
        zygote.append(time.perf_counter() - started)
        assert result.ok, result.errors[:3]
    forked = subprocess.run(
        [sys.executable, "-c", FORKED, str(path), str(runs)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    forked_times = json.loads(forked.stdout.strip().splitlines()[-1])
    return {
        "file": path.name,
        "mb": round(len(data) / 2**20, 2),
        "in_process_s": _median(direct),
        "zygote_s": _median(zygote),
        "forked_s": _median(forked_times),
        # On a shared machine the fastest run is the steadier figure.
        "fastest_s": [round(min(times), 3) for times in (direct, zygote, forked_times)],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", nargs="*", default=["sample", "county-year"])
    parser.add_argument("--folder", type=Path, default=ROOT / "bench_out")
    args = parser.parse_args()
    from model.dev.bench import SIZES, make_workbook

    rows = []
    for size in args.sizes:
        path = SAMPLE if size == "sample" else make_workbook(SIZES[size], args.folder)[0]
        rows.append({"size": size, **measure(path, args.runs)})
        print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
    print("| size | file | in process | isolated (zygote) | isolated (forked) |")
    print("|---|---|---|---|---|")
    for row in rows:
        print(
            f"| {row['size']} | {row['mb']} MB | {row['in_process_s']:.3f} s | "
            f"{row['zygote_s']:.3f} s | {row['forked_s']:.3f} s |"
        )


if __name__ == "__main__":
    main()
