"""The as-of date (issue 12, item 11): blank 统计截止日期 is today, also right after publishing;
a chosen date stays across pages until cleared."""

import datetime as dt
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from model.dev.sample import SAMPLE_AS_OF
from tests.workbooks import ledger

ROOT = Path(__file__).resolve().parents[2]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TODAY = dt.date.today()
# A workbook of this year with no 参数 sheet: its as-of date is today.
NO_AS_OF = ledger(
    members=[["张三", "城关镇党委"], ["李四", "城关镇党委"]],
    plan=[["1", "城关镇党委", dt.date(TODAY.year, 3, 10), "x", "张三", "李四"]],
)


@pytest.fixture(autouse=True)
def data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("XUEXI_DATA_DIR", str(tmp_path / "data"))
    st.cache_data.clear()
    st.cache_resource.clear()
    return tmp_path / "data"


def start() -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def test_blank_as_of_is_today_right_after_publishing():
    at = start()
    assert at.sidebar.date_input[0].value == SAMPLE_AS_OF  # the sample's 参数 sheet
    at.switch_page("pages/upload.py").run()
    at.file_uploader[0].set_value(("本年.xlsx", NO_AS_OF, XLSX)).run()
    at.button(key="publish_button").click().run()
    assert not at.exception, at.exception
    assert at.sidebar.date_input[0].value == TODAY  # not the sample's date kept from before
    at.switch_page("pages/overview.py").run()
    assert at.sidebar.date_input[0].value == TODAY


def test_a_chosen_date_stays_across_pages_and_clearing_it_restores_the_default():
    at = start()
    chosen = dt.date(2026, 6, 30)
    at.sidebar.date_input[0].set_value(chosen).run()
    for page in ("pages/risk.py", "pages/members.py", "pages/overview.py"):
        at.switch_page(page).run()
        assert at.sidebar.date_input[0].value == chosen, page
    held = {m.label: m.value for m in at.metric}["已举行"]
    at.sidebar.date_input[0].set_value(None).run()
    assert at.sidebar.date_input[0].value == SAMPLE_AS_OF
    assert {m.label: m.value for m in at.metric}["已举行"] != held  # the numbers follow the date
