"""The timings of issue #26 (学习记录) on a county-year store (100 groups × 10 members).

    .venv/bin/python benchmarks/record.py [--folder bench_out] [--runs 5]

Publishes the county-year workbook of ``model bench`` whole, then times (medians):

- opening the page: the 学习记录 page run in AppTest as the first page of a session (the
  workbook read and parsed too), after the app's first page (its workbook read and cached, as
  when a clerk comes from 总览), a rerun, and the model's part alone (the version's
  raw sheets read, the session opened) in a fresh process's first call and warm;
- saving a session: ``record_session`` (compose under the write lock, check, write, publish)
  after the page's preview (warm) and without one (cold: the version read under the lock), each
  on a fresh copy of the store; and ``python -m model record-session`` end to end.
Targets: page open ≤ 1 s, save ≤ 2 s.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _median(times: list[float]) -> float:
    return round(statistics.median(times), 3)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "model", *args], capture_output=True, text=True, cwd=ROOT
    )


def make_store(folder: Path) -> tuple[Path, str, str]:
    from model.dev.bench import SIZES, make_workbook
    from model.store.versions import Store
    from model.workbook.reader import read_workbook

    path, _, _ = make_workbook(SIZES["county-year"], folder)
    base = folder / "record-store"
    shutil.rmtree(base, ignore_errors=True)
    published = _cli("publish", str(path), "--data", str(base), "--user", "县委宣传部")
    assert published.returncode == 0, published.stdout + published.stderr
    store = Store(base)
    workbook = read_workbook(store.read_bytes(store.current())).workbook
    assert workbook is not None
    group = str(workbook.plan["group"].iloc[0])
    held = set(workbook.talks["session"])
    plan = workbook.plan[workbook.plan["group"] == group]
    # A session not yet held: recording it adds a 讲课记录 row and the members' rows.
    pending = [s for s in plan["session"] if s not in held]
    session = str(pending[0] if pending else plan["session"].iloc[-1])
    return base, group, session


def _record(store, session: str, minutes: float):
    from model.store.record_open import open_session
    from model.store.record_types import Mark
    from model.store.recording import base_side_raws
    from model.workbook.reader import read_workbook

    current = store.current()
    data = store.read_bytes(current)
    workbook = read_workbook(data, max_bytes=len(data) + 1).workbook
    opened = open_session(workbook, base_side_raws(store, current), session, current.version)
    marks = tuple(Mark(m.member, "出席", "口头") for m in opened.record.marks)
    return opened, replace(opened.record, minutes=minutes, marks=marks)


def save_times(base: Path, session: str, runs: int, folder: Path) -> dict:
    from model.store import recording as module
    from model.store.recording import preview_record, record_session
    from model.store.versions import Store

    warm, cold, preview = [], [], []
    for run in range(runs):
        path = folder / "record-run"
        shutil.rmtree(path, ignore_errors=True)
        shutil.copytree(base, path)
        store = Store(path)
        module._raws.clear()
        module._sides.clear()
        opened, record = _record(store, session, 60 + run)
        started = time.perf_counter()
        outcome = preview_record(store, record)
        assert not outcome.errors, outcome.errors
        outcome.workbook_diff()
        preview.append(time.perf_counter() - started)
        started = time.perf_counter()
        version, _ = record_session(store, record, "bench", opened=opened.rows)
        warm.append(time.perf_counter() - started)
        assert version.version == 2
        # Cold: nothing cached, the version read under the lock.
        shutil.rmtree(path, ignore_errors=True)
        shutil.copytree(base, path)
        module._raws.clear()
        module._sides.clear()
        started = time.perf_counter()
        record_session(Store(path), record, "bench", opened=opened.rows)
        cold.append(time.perf_counter() - started)
    cli = []
    for run in range(runs):
        path = folder / "record-run"
        shutil.rmtree(path, ignore_errors=True)
        shutil.copytree(base, path)
        started = time.perf_counter()
        answer = _cli(
            "record-session", "--data", str(path), "--session", session, "--user", "bench",
            "--minutes", str(70 + run), "--json",
        )  # fmt: skip
        cli.append(time.perf_counter() - started)
        assert answer.returncode == 0, answer.stdout + answer.stderr
    return {
        "preview_s": _median(preview),
        "save_after_preview_s": _median(warm),
        "save_cold_s": _median(cold),
        "preview_plus_save_s": _median([a + b for a, b in zip(preview, warm, strict=True)]),
        "cli_record_session_s": _median(cli),
    }


def open_times(base: Path, session: str, runs: int) -> dict:
    from model.store import recording as module
    from model.store.versions import Store

    store = Store(base)
    first, warm = [], []
    for _ in range(runs):
        module._raws.clear()
        module._sides.clear()
        started = time.perf_counter()
        _record(store, session, 60)
        first.append(time.perf_counter() - started)
        started = time.perf_counter()
        _record(store, session, 60)
        warm.append(time.perf_counter() - started)
    return {"model_open_first_s": _median(first), "model_open_warm_s": _median(warm)}


def page_times(base: Path, group: str, session: str, runs: int) -> dict:
    """The page in AppTest (demo mode: no users), after the overview ran once."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from model.store import recording as module

    os.environ["XUEXI_DATA_DIR"] = str(base)
    first, again, cold = [], [], []
    for _ in range(runs):
        st.cache_data.clear()
        st.cache_resource.clear()
        module._raws.clear()
        module._sides.clear()
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
        started = time.perf_counter()
        at.switch_page("pages/record.py").run()  # the first page: the workbook read too
        cold.append(time.perf_counter() - started)
        assert not at.exception and at.title[0].value == "学习记录", at.exception
        st.cache_data.clear()
        st.cache_resource.clear()
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
        at.run()
        module._raws.clear()  # the version's raw sheets are read by this page only
        module._sides.clear()
        started = time.perf_counter()
        at.switch_page("pages/record.py").run()
        first.append(time.perf_counter() - started)
        assert not at.exception, at.exception
        assert at.title[0].value == "学习记录", [t.value for t in at.title]
        assert (
            at.selectbox(key="recording_group").value in at.selectbox(key="recording_group").options
        )
        assert at.button(key="record_preview_button") is not None  # the whole form drawn
        started = time.perf_counter()
        at.run()  # a rerun, as after any edit on the page
        again.append(time.perf_counter() - started)
    return {
        "page_open_as_first_page_s": _median(cold),
        "page_open_after_overview_s": _median(first),
        "page_rerun_s": _median(again),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folder", default="bench_out")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = Path(args.folder)
    folder.mkdir(parents=True, exist_ok=True)
    base, group, session = make_store(folder)
    results = {"size": "county-year", "group": group, "session": session}
    results |= open_times(base, session, args.runs)
    results |= page_times(base, group, session, args.runs)
    results |= save_times(base, session, args.runs, folder)
    print(json.dumps(results, ensure_ascii=False, indent=2))
    (folder / "record.json").write_text(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
