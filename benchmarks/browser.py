"""What a person waits for in the browser (issue #28): headless Chromium against the served app.

    .venv/bin/python benchmarks/browser.py [--runs 5] [--sizes sample,county-year]

For the sample (nothing published: the dashboard shows the bundled workbook) and a county-year
store (``bench_out/bench-county-year.xlsx``, 100 groups, published as v1), each in servers
started as ``make run`` starts them (``python -m pages.common.serve``), medians of ``--runs``:
- first KPI on a fresh server: a new server each run, then one visit to its first ``stMetric``;
- first KPI for a later visitor: fresh browser contexts on one running server;
- sign-in to the first KPI: with an admin configured, from the click on 登录;
- every sidebar filter (年度, 中心组, 统计截止日期, 隐藏姓名, language, 会议模式) and every page
  switch: from the action until the script run it caused has finished (the app's own
  ``data-test-script-state`` going running → notRunning, observed in the page).
Writes ``bench_out/browser.json``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

KPI = "[data-testid='stMetric']"
SIDEBAR = "[data-testid='stSidebar']"
DATE = f"{SIDEBAR} [data-testid='stDateInput']"
TYPING_MS = 2500
COUNTY = ROOT / "bench_out" / "bench-county-year.xlsx"

# Records every change of the app's script state with its time (page clock). A quick run can
# go running → notRunning within one batch of mutations: each record's new value is the next
# record's old value (the last one's, the attribute now), so no state is missed.
OBSERVE = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  const NAME = 'data-test-script-state';
  window.__states = [];
  new MutationObserver((records) => {
    const now = performance.now();
    const values = [...records.slice(1).map((r) => r.oldValue), app.getAttribute(NAME)];
    for (const value of values) window.__states.push([value, now]);
  }).observe(app, {attributes: true, attributeOldValue: true, attributeFilter: [NAME]});
}"""
MARK = "() => { window.__states = []; window.__t0 = performance.now(); }"
# A run started after the mark and has finished; returns its end (page clock) minus the mark.
FINISHED = """() => {
  const s = window.__states;
  const started = s.findIndex(([state]) => state === 'running');
  if (started < 0) return null;
  const ended = s.slice(started).find(([state]) => state === 'notRunning');
  if (!ended || document.querySelector('[data-testid="stStatusWidget"]')) return null;
  return ended[1] - window.__t0;
}"""


def _store(kind: str, folder: Path) -> None:
    if kind == "county-year":
        from model.store.versions import Store

        if not COUNTY.exists():
            from model.dev.bench import SIZES, make_workbook

            make_workbook(SIZES["county-year"], COUNTY.parent)
        data = COUNTY.read_bytes()
        Store(folder).publish(
            data, user="bench", original_name=COUNTY.name, row_counts={}, finding_counts={}
        )


def _timed(page, action, prepare=None) -> float:
    """Seconds from ``action`` until the script run it caused has finished. ``prepare`` runs
    before the clock starts: what the person does before the app has anything to answer
    (opening a dropdown, typing a date's digits), as Playwright's own round trips would
    otherwise be counted as the app's."""
    if prepare is not None:
        prepare()
    page.evaluate(MARK)
    action()
    handle = page.wait_for_function(FINISHED, timeout=60_000, polling=20)
    return round(handle.json_value() / 1000, 3)


def _first_kpi(page, url: str) -> float:
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(KPI, timeout=60_000)
    return round(time.perf_counter() - started, 3)


def first_visits(kind: str, runs: int) -> dict:
    from tests.browser.browser import chromium_browser, new_page, streamlit_server

    fresh, later = [], []
    with tempfile.TemporaryDirectory() as data, chromium_browser() as browser:
        _store(kind, Path(data))
        for _ in range(runs):
            with streamlit_server(Path(data)) as url:
                page = new_page(browser)
                fresh.append(_first_kpi(page, url))
                page.context.close()
        with streamlit_server(Path(data)) as url:
            for _ in range(runs + 1):
                page = new_page(browser)
                later.append(_first_kpi(page, url))
                page.context.close()
    later = later[1:]  # the first of them is the server's first visitor
    return {"first_kpi_fresh_server_s": fresh, "first_kpi_later_visitor_s": later}


def sign_ins(kind: str, runs: int) -> list[float]:
    from signin import measure  # benchmarks/signin.py: the same walk, on this store

    return measure(runs, prepare=lambda folder: _store(kind, folder))["sign_in_to_first_kpi_s"]


def _timed_select(page, index: int, option: str) -> float:
    """From the click on ``option`` in the sidebar's ``index``-th dropdown (opened first)."""
    choice = page.get_by_role("option", name=option, exact=True)

    def open_list() -> None:
        page.locator(f"{SIDEBAR} [data-testid='stSelectbox']").nth(index).click()
        choice.wait_for()

    return _timed(page, choice.click, prepare=open_list)


def _options(page, index: int) -> list[str]:
    page.locator(f"{SIDEBAR} [data-testid='stSelectbox']").nth(index).click()
    options = page.get_by_role("option").all_inner_texts()
    page.keyboard.press("Escape")
    return [o.strip() for o in options]


def interactions(kind: str, runs: int) -> dict:
    from tests.browser.browser import chromium_browser, new_page, streamlit_server, wait_for_app

    timings: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as data, chromium_browser() as browser:
        _store(kind, Path(data))
        with streamlit_server(Path(data)) as url:
            page = new_page(browser, width=1400, height=1000)
            page.goto(url)
            page.wait_for_selector(KPI, timeout=60_000)
            wait_for_app(page)
            page.evaluate(OBSERVE)
            switch_pages(page, timings, "page", runs)  # the default view, as a leader opens it
            groups = _options(page, 1)[1 : runs + 1]
            years = _options(page, 0)
            for group in groups:  # each a group not seen before: its report is built once
                timings.setdefault("group", []).append(_timed_select(page, 1, group))
            timings["group_back_to_all"] = [_timed_select(page, 1, _options(page, 1)[0])]
            for _ in range(runs if len(years) > 1 else 0):  # a one-year workbook has no switch
                for year in (years[1], years[0]):
                    timings.setdefault("year", []).append(_timed_select(page, 0, year))
            for day in range(runs):  # the date field's segments, typed as a clerk types them
                typed = f"10{10 + day:02d}"

                def type_digits(typed: str = typed) -> None:
                    page.locator(f"{DATE} [data-type=month]").click()
                    page.keyboard.type(typed)

                def apply_date() -> None:
                    page.keyboard.press("Enter")

                took = _timed(page, apply_date, prepare=type_digits)
                timings.setdefault("as_of", []).append(took)
            for _ in range(runs * 2):  # on, then off again
                box = page.locator(SIDEBAR).get_by_text("隐藏姓名", exact=True)
                timings.setdefault("hide_names", []).append(_timed(page, box.click))
            for _ in range(runs):  # the sidebar's toggle in, the meeting bar's button out
                toggle = page.locator(SIDEBAR).get_by_text("会议模式", exact=True)
                timings.setdefault("meeting_on", []).append(_timed(page, toggle.click))
                leave = page.get_by_role("button", name="退出会议模式")
                timings.setdefault("meeting_off", []).append(_timed(page, leave.click))
            for _ in range(runs):
                for label in ("English", "中文"):
                    radio = page.locator(SIDEBAR).get_by_text(label, exact=True)
                    timings.setdefault("language", []).append(_timed(page, radio.click))
            switch_pages(page, timings, "page_at_typed_date", runs)
            page.context.close()
    return timings


def switch_pages(page, timings: dict[str, list[float]], prefix: str, runs: int) -> None:
    """Each page of the navigation in turn from 总览, ending on 总览; ``runs // 2`` rounds."""
    links = page.locator("[data-testid='stSidebarNav'] a")
    names = [name.split("\n")[-1].strip() for name in links.all_inner_texts()]
    order = [*range(1, len(names)), 0]
    for _ in range(max(1, runs // 2)):
        for index in order:
            took = _timed(page, links.nth(index).click)
            timings.setdefault(f"{prefix}:{names[index]}", []).append(took)


def summary(values: list[float]) -> dict:
    return {"median_s": statistics.median(values), "max_s": max(values), "runs": values}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="sample,county-year")
    parser.add_argument("--json", default=str(ROOT / "bench_out" / "browser.json"))
    args = parser.parse_args()
    result: dict[str, dict] = {}
    for kind in args.sizes.split(","):
        visits = first_visits(kind, args.runs)
        entry = {name: summary(values) for name, values in visits.items()}
        entry["sign_in_to_first_kpi_s"] = summary(sign_ins(kind, args.runs))
        entry |= {name: summary(v) for name, v in interactions(kind, args.runs).items()}
        result[kind] = entry
        print(kind)
        for name, values in entry.items():
            print(f"  {name:34} median {values['median_s']:.3f} s  max {values['max_s']:.3f} s")
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
