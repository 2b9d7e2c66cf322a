"""The 成效 page on the two-year ledger of tests/engine/test_shifts.py, in both languages."""

import io
from pathlib import Path

import openpyxl
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from model.store.versions import Store
from tests.engine.test_shifts import two_years
from tests.workbooks import publish

ROOT = Path(__file__).resolve().parents[2]
LEDGER = two_years()


@pytest.fixture(autouse=True)
def published(monkeypatch, tmp_path):
    monkeypatch.setenv("XUEXI_DATA_DIR", str(tmp_path))
    publish(Store(tmp_path), LEDGER)
    st.cache_data.clear()
    st.cache_resource.clear()


def shifts_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/shifts.py").run()
    assert not at.exception, at.exception
    return at


def test_the_four_shifts_with_their_numbers_and_changes_in_words():
    at = shifts_page()
    assert [s.value for s in at.subheader][:4] == [
        "从“要我学”到“我要学”",
        "从“个人学”到“团队学”",
        "从“泛泛学”到“深入学”",
        "从“单纯学”到“创新学”",
    ]  # two columns: the first holds shifts one and three
    shown = {m.label: m.value for m in at.metric}
    assert (shown["到课率"], shown["点评率"], shown["主讲覆盖率"]) == ("100%", "80%", "40%")
    assert shown["每场宣讲次数"] == "2.0"
    captions = [c.value for c in at.caption]
    assert "到课率 较上年同期提高 33.3 个百分点" in captions
    assert "成文率 与上年同期持平" in captions
    assert at.code[0].value.startswith(
        "截至11月30日，与上年同期相比：从“要我学”到“我要学”：到课率 100%，较上年同期提高 33.3 个百分点。"
    )
    assert [i.value for i in at.info if i.value.startswith("比较期间")] == [
        "比较期间：2026年1月1日至11月30日，与2025年同期（1月1日至11月30日）相比；"
        "宣讲、成文只计期限已到的讲课。"
    ]


def test_the_page_in_english():
    at = shifts_page()
    at.sidebar.radio[0].set_value("en").run()
    assert not at.exception
    shown = {m.label: m.value for m in at.metric}
    assert shown["attendance"] == "100%"
    assert "attendance up 33.3 percentage points on the same period last year" in [
        c.value for c in at.caption
    ]
    assert "up 33.3 percentage points" in at.code[0].value
    assert at.subheader[0].value == "From “made to study” to “want to study”"


def test_the_excel_report_carries_every_metric_per_group_and_year():
    from model.engine.report import build_report
    from model.engine.shifts import measure_shifts
    from model.engine.timeline import build_timeline
    from model.outputs.export import report_workbook
    from model.workbook.reader import read_workbook

    workbook = read_workbook(LEDGER).workbook
    timeline = build_timeline(workbook)
    data = report_workbook(
        build_report(workbook, 2026, timeline=timeline),
        shifts=measure_shifts(workbook, 2026),
    )
    sheet = openpyxl.load_workbook(io.BytesIO(data))["成效"]
    rows = list(sheet.iter_rows(values_only=True))[1:]  # below the title row
    assert rows[0][:4] == ("中心组", "年度", "统计期间", "到课率")
    by_key = {(row[0], row[1]): row for row in rows[1:]}
    assert set(by_key) == {(g, y) for g in ("全部中心组", "一组", "二组") for y in (2025, 2026)}
    # Each year up to 30 November, the workbook's 统计截止日期: the period says so.
    assert by_key[("一组", 2025)][2] == "2025-01-01 — 2025-11-30"
    assert by_key[("一组", 2025)][3] == pytest.approx(0.6667, abs=1e-4)
    assert by_key[("二组", 2026)][3] is None
    assert sheet["D3"].number_format == "0.0%"
