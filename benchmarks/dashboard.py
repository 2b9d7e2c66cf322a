"""Dashboard timings of issue #7: filter-change reruns (AppTest) and first paint (Chromium).

    .venv/bin/python benchmarks/dashboard.py [--workbook bench_out/bench-county-term.xlsx]

Publishes the workbook into a temporary data directory, warms the caches with a first run, then
times each filter change as AppTest sees it (median of the changes), and the time from opening
the sample dashboard in headless Chromium until its first metric is shown.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def rerun_times(workbook: Path) -> dict:
    from streamlit.testing.v1 import AppTest

    from model.store.versions import Store

    with tempfile.TemporaryDirectory() as data:
        os.environ["XUEXI_DATA_DIR"] = data
        Store(Path(data)).publish(
            workbook.read_bytes(),
            user="bench",
            original_name=workbook.name,
            row_counts={},
            finding_counts={},
        )
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
        started = time.perf_counter()
        at.run()
        first = time.perf_counter() - started
        group_box, year_box = at.sidebar.selectbox[1], at.sidebar.selectbox[0]
        groups, years = group_box.options[1:6], year_box.options
        timings = {"group": [], "year": []}
        for group in groups:  # a new group: the report for it is computed once, then cached
            started = time.perf_counter()
            at.sidebar.selectbox[1].select(group).run()
            timings["group"].append(time.perf_counter() - started)
        for year in [*years[1:4], years[0]]:
            started = time.perf_counter()
            at.sidebar.selectbox[0].select(year).run()
            timings["year"].append(time.perf_counter() - started)
        assert not at.exception, at.exception
    return {
        "first_load_s": round(first, 3),
        "group_change_median_s": round(statistics.median(timings["group"]), 3),
        "group_change_max_s": round(max(timings["group"]), 3),
        "year_change_median_s": round(statistics.median(timings["year"]), 3),
        "year_change_max_s": round(max(timings["year"]), 3),
    }


def first_paint() -> dict:
    """Seconds until the first metric shows: the very first visit, then a fresh second visitor."""
    sys.path.insert(0, str(ROOT))
    from tests.browser import chromium_page, streamlit_server

    timings = []

    with (
        tempfile.TemporaryDirectory() as data,
        streamlit_server(Path(data)) as url,
        chromium_page() as page,
    ):
        for _ in range(2):
            started = time.perf_counter()
            page.goto(url)
            page.wait_for_selector("[data-testid='stMetric']", timeout=30_000)
            timings.append(round(time.perf_counter() - started, 3))
            page.goto("about:blank")
    return {"first_visit_s": timings[0], "later_visit_s": timings[1]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workbook", default=str(ROOT / "bench_out" / "bench-county-term.xlsx"))
    parser.add_argument("--json", default=str(ROOT / "bench_out" / "dashboard.json"))
    args = parser.parse_args()
    result = {"workbook": Path(args.workbook).name, **rerun_times(Path(args.workbook))}
    result["browser_first_metric"] = first_paint()
    print(json.dumps(result, indent=2))
    Path(args.json).write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
