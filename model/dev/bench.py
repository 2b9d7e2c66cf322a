"""The benchmark of issue #7: make workbooks at three sizes, time each step in fresh processes.

Every measurement runs in its own interpreter (``python -c``) so caches and imports never carry
over; the figure reported is the median of the runs, and peak memory is that process's maxrss.
"""

from __future__ import annotations

import datetime as dt
import json
import platform
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from model.dev.sample import generate, write_workbook


@dataclass(frozen=True)
class Size:
    name: str
    groups: int
    members_per_group: int
    years: int
    sessions_per_year: int = 8
    runs: int = 5
    reference_runs: int = 3
    clerk_habits: bool = False  # text dates, √, full-width digits past row 1,000


SIZES = {
    "smoke": Size("smoke", 6, 6, 1, runs=1, reference_runs=1),
    # Issue #16's county target is measured on a workbook as clerks keep it (text dates, √ …).
    "county-year": Size("county-year", 100, 10, 1, clerk_habits=True),
    "county-term": Size("county-term", 100, 10, 5),
    "max": Size("max", 500, 25, 10, runs=3, reference_runs=1),
    # Issue #16: a province's year, a million participation rows over 170,000 members. No target
    # uses pandas+openpyxl here and it takes minutes: reference_runs=0 skips it.
    "province-year": Size(
        "province-year",
        15_600,
        11,
        1,
        sessions_per_year=6,
        runs=2,
        reference_runs=0,
        clerk_habits=True,
    ),
}

# Each probe prints one JSON object; times are measured inside, around the work only.
PROBE_OURS = """
import json, resource, sys, time
from model.workbook.reader import read_workbook_file
from model.engine.report import build_report
started = time.perf_counter()
result = read_workbook_file(sys.argv[1], max_bytes=1 << 30)
read_done = time.perf_counter()
assert result.ok, result.errors[:3]
report = build_report(result.workbook, int(sys.argv[2]))
done = time.perf_counter()
print(json.dumps({"read": read_done - started, "report": done - read_done, "total": done - started,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "findings": len(report.findings), "members": len(report.members)}))
"""
PROBE_FASTEXCEL = """
import json, resource, sys, time
import fastexcel
import pandas  # imported before the clock starts, as in our probe
started = time.perf_counter()
reader = fastexcel.read_excel(sys.argv[1])
frames = {name: reader.load_sheet(name).to_pandas() for name in reader.sheet_names}
done = time.perf_counter()
print(json.dumps({"total": done - started, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""
PROBE_OPENPYXL = """
import json, resource, sys, time
import pandas as pd
started = time.perf_counter()
frames = pd.read_excel(sys.argv[1], sheet_name=None, engine="openpyxl")
done = time.perf_counter()
print(json.dumps({"total": done - started, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


PANDAS_ONLY = """
import sys
import pandas as pd
pd.read_excel(sys.argv[1], sheet_name=None, engine="openpyxl")
"""


def _probe(code: str, *args: str) -> dict:
    run = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    return json.loads(run.stdout.strip().splitlines()[-1])


def _end_to_end(path: Path, year: int, as_of: str) -> dict:
    """`python -m model report PATH --year Y --as-of D --json > out.json`, interpreter start
    included; peak is the largest process of the run (the CLI, or its isolated reader)."""
    started = time.perf_counter()
    with open(path.with_suffix(".json"), "wb") as out:
        command = ["-m", "model", "report", str(path), "--year", str(year), "--as-of", as_of]
        subprocess.run(
            [sys.executable, *command, "--json"],
            stdout=out,
            check=True,
            cwd=Path(__file__).resolve().parents[2],
        )
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"total": elapsed, "peak_mb": peak}


def _pandas_end_to_end(path: Path) -> float:
    """pandas.read_excel(path, sheet_name=None, engine="openpyxl") with interpreter start."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", PANDAS_ONLY, str(path)],
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    return time.perf_counter() - started


def make_workbook(size: Size, folder: Path) -> tuple[Path, dt.date, int]:
    """The size's workbook (reused when already made), its as-of date and participation rows."""
    path = folder / f"bench-{size.name}.xlsx"
    ledger, as_of = generate(
        groups=size.groups,
        members_per_group=size.members_per_group,
        years=size.years,
        sessions_per_year=size.sessions_per_year,
        seed=7,
        scripted=False,
    )
    if not path.exists():
        write_workbook(ledger, as_of, path, clerk_habits=size.clerk_habits)
    return path, as_of, len(ledger.participation)


def measure(size: Size, folder: Path, log=print) -> dict:
    path, as_of, participation = make_workbook(size, folder)
    year = as_of.year
    log(
        f"[{size.name}] {path.name}: {path.stat().st_size / 2**20:.1f} MB, {participation:,} participation rows"
    )
    ours = [_probe(PROBE_OURS, str(path), str(year)) for _ in range(size.runs)]
    fast = [_probe(PROBE_FASTEXCEL, str(path)) for _ in range(size.runs)]
    openpyxl = [_probe(PROBE_OPENPYXL, str(path)) for _ in range(size.reference_runs)] or [
        {"total": float("nan"), "peak_mb": 0}
    ]
    end_to_end = [_end_to_end(path, year, as_of.isoformat()) for _ in range(size.runs)]
    pandas_end_to_end = [_pandas_end_to_end(path) for _ in range(size.reference_runs)] or [
        float("nan")
    ]

    def median(rows: list[dict], key: str) -> float:
        return round(statistics.median(row[key] for row in rows), 3)

    result = {
        "size": size.name,
        "file_mb": round(path.stat().st_size / 2**20, 1),
        "participation_rows": participation,
        "members": ours[0]["members"],
        "runs": size.runs,
        "read_validate_s": median(ours, "read"),
        "report_s": median(ours, "report"),
        "read_validate_report_s": median(ours, "total"),
        "end_to_end_cli_s": median(end_to_end, "total"),
        "end_to_end_peak_mb": round(max(row["peak_mb"] for row in end_to_end)),
        "pandas_end_to_end_s": round(statistics.median(pandas_end_to_end), 3),
        "peak_mb": round(max(row["peak_mb"] for row in ours)),
        "fastexcel_bare_s": median(fast, "total"),
        "fastexcel_peak_mb": round(max(row["peak_mb"] for row in fast)),
        "openpyxl_pandas_s": median(openpyxl, "total"),
        "openpyxl_peak_mb": round(max(row["peak_mb"] for row in openpyxl)),
    }
    result["ratio_to_fastexcel"] = round(
        result["read_validate_report_s"] / result["fastexcel_bare_s"], 2
    )
    # The targets of issue #16, each a ratio of two figures of this one run.
    result["cli_to_fastexcel"] = round(result["end_to_end_cli_s"] / result["fastexcel_bare_s"], 2)
    result["cli_to_pandas"] = round(result["end_to_end_cli_s"] / result["pandas_end_to_end_s"], 2)
    return result


def table(results: list[dict]) -> str:
    header = (
        "| size | file | participation rows | read+validate | report | read+validate+report | "
        "CLI end to end (peak) | peak | bare fastexcel | ratio | pandas+openpyxl | "
        "CLI ÷ fastexcel | CLI ÷ pandas (both with start) |"
    )
    lines = [header, "|" + "---|" * 13]
    for r in results:
        lines.append(
            f"| {r['size']} | {r['file_mb']} MB | {r['participation_rows']:,} | {r['read_validate_s']:.2f} s | "
            f"{r['report_s']:.2f} s | {r['read_validate_report_s']:.2f} s | "
            f"{r['end_to_end_cli_s']:.2f} s ({r['end_to_end_peak_mb']} MB) | "
            f"{r['peak_mb']} MB | {r['fastexcel_bare_s']:.2f} s ({r['fastexcel_peak_mb']} MB) | "
            f"{r['ratio_to_fastexcel']}× | {r['openpyxl_pandas_s']:.2f} s ({r['openpyxl_peak_mb']} MB) | "
            f"{r['cli_to_fastexcel']}× | {r['cli_to_pandas']}× |"
        )
    return "\n".join(lines)


def run(sizes: list[str], folder: Path, out: Path | None) -> list[dict]:
    folder.mkdir(parents=True, exist_ok=True)
    results = [measure(SIZES[name], folder) for name in sizes]
    print(table(results))
    if out:
        payload = {
            "machine": platform.platform(),
            "python": platform.python_version(),
            "results": results,
        }
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(payload, ensure_ascii=False, indent=2))
        print(f"written {out}")
    return results
