"""The documents that go upward (issue #27): time the 通报 and a group's 学习档案 PDF.

    .venv/bin/python benchmarks/documents.py [--runs 3] [--json bench_out/documents.json]

On the sample and on the county-year workbook of ``model.dev.bench`` (made in bench_out/ when
missing). "bulletin" is the writer on a built report, shifts and to-do (what the page's button
adds to what the page already has); "bulletin with engine" adds the report, the shifts and the
to-do; "cli" is ``python -m model bulletin`` end to end (isolated read included). The group PDF
is the largest group's (the county's groups have 10 members). Targets: 通报 ≤ 2 s on the sample,
≤ 4 s on a county-year file; a group's PDF (≈10 members) ≤ 3 s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _median(values: list[float]) -> float:
    return round(statistics.median(values), 3)


def measure(name: str, path: Path, year: int, runs: int) -> dict:
    from model.engine.record import group_records
    from model.engine.report import build_report, years_of
    from model.engine.shifts import measure_shifts
    from model.engine.todo import todo_items
    from model.outputs.bulletin import bulletin_bytes
    from model.outputs.pdf_record import records_pdf
    from model.workbook.reader import read_workbook

    workbook = read_workbook(path.read_bytes()).workbook
    assert workbook is not None
    as_of = workbook.params.as_of_date()
    writer, engine_and_writer, pdf, cli = [], [], [], []
    members = 0
    for _ in range(runs):
        start = time.perf_counter()
        report = build_report(workbook, year, as_of)
        shifts = measure_shifts(workbook, year, as_of, years_of(workbook))
        todo = todo_items(report.timeline, workbook.exams)
        built = time.perf_counter()
        bulletin_bytes(report, shifts, todo)
        done = time.perf_counter()
        writer.append(done - built)
        engine_and_writer.append(done - start)
        group = str(report.members["group"].value_counts().index[0])
        start = time.perf_counter()
        records = group_records(report, group)
        records_pdf(records)
        pdf.append(time.perf_counter() - start)
        members = len(records)
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "通报.docx"
            start = time.perf_counter()
            command = [sys.executable, "-m", "model", "bulletin", str(path), str(out)]
            subprocess.run(
                [*command, "--year", str(year), "--as-of", as_of.isoformat()],
                check=True,
                capture_output=True,
                cwd=ROOT,
            )
            cli.append(time.perf_counter() - start)
    return {
        "workbook": name,
        "members": len(workbook.members),
        "bulletin_writer_s": _median(writer),
        "bulletin_with_engine_s": _median(engine_and_writer),
        "bulletin_cli_s": _median(cli),
        "group_pdf_s": _median(pdf),
        "group_pdf_members": members,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", default="bench_out/documents.json")
    args = parser.parse_args()
    from model.dev.bench import SIZES, make_workbook
    from model.dev.sample import SAMPLE_PATH

    folder = ROOT / "bench_out"
    folder.mkdir(exist_ok=True)
    county, as_of, _ = make_workbook(SIZES["county-year"], folder)
    results = [
        measure("sample", SAMPLE_PATH, 2026, args.runs),
        measure("county-year", county, as_of.year, args.runs),
    ]
    for row in results:
        print(json.dumps(row, ensure_ascii=False))
    Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
