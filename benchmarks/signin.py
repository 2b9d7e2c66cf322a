"""First KPI after sign-in (issue 25): headless Chromium against the served app on the sample.

    .venv/bin/python benchmarks/signin.py [--runs 5] [--json bench_out/signin.json]

Starts the server as ``make run`` does (``python -m pages.common.serve``: caches warmed before it
answers) with users configured, then, for each run, opens a fresh browser context (no cookie, no
cached files) at the root, types an admin's name and password into the sign-in form, leaves the
page the 2.5 s a person takes to type them (the page fetches Streamlit's files meanwhile) and
times from the click on 登录 to the first KPI (``stMetric``) of 总览. The first run is the first
sign-in after the server started. Also times a reload of a signed-in page to its first KPI.
Prints and writes the median, min and max; the issue's target is a median ≤ 2 s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSWORD = "bench-pass-123"
KPI = "[data-testid='stMetric']"
TYPING_MS = 2500  # a person typing a name and a password


def measure(runs: int, prepare: Callable[[Path], None] | None = None) -> dict:
    """``prepare`` fills the data folder first (benchmarks/browser.py publishes a county-year)."""
    from model.store.auth import Accounts
    from tests.browser.browser import chromium_browser, new_page, streamlit_server

    with tempfile.TemporaryDirectory() as data:
        if prepare is not None:
            prepare(Path(data))
        Accounts(Path(data)).add("管理员", PASSWORD, "admin", None)
        sign_in, reload = [], []
        with streamlit_server(Path(data)) as url, chromium_browser() as browser:
            for _ in range(runs):
                page = new_page(browser)
                page.goto(url)
                page.get_by_label("用户名").fill("管理员")
                page.get_by_label("密码").fill(PASSWORD)
                page.wait_for_timeout(TYPING_MS)
                started = time.perf_counter()
                page.get_by_role("button", name="登录").click()
                page.wait_for_selector(KPI, timeout=60_000)
                sign_in.append(round(time.perf_counter() - started, 3))
                started = time.perf_counter()
                page.reload()
                page.wait_for_selector(KPI, timeout=60_000)
                reload.append(round(time.perf_counter() - started, 3))
                page.context.close()
    return {
        "runs": runs,
        "sign_in_to_first_kpi_s": sign_in,
        "median_s": statistics.median(sign_in),
        "min_s": min(sign_in),
        "max_s": max(sign_in),
        "reload_to_first_kpi_s": reload,
        "reload_median_s": statistics.median(reload),
        "target_s": 2.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", default=str(ROOT / "bench_out" / "signin.json"))
    args = parser.parse_args()
    result = measure(args.runs)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
