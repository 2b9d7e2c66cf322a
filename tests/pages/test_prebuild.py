"""Work done once per version (issue #28): the default view is built before anyone asks."""

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import model.engine.report as report_module
import pages.common.context as context
from model.dev.sample import SAMPLE_PATH
from pages.common.prebuild import build_default_view

ROOT = Path(__file__).resolve().parents[2]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(autouse=True)
def _caches_emptied_after():
    yield
    st.cache_resource.clear()  # what the prebuild cached belongs to this test's data only


def test_after_the_prebuild_the_overview_builds_no_report(data_dir, monkeypatch):
    build_default_view()
    built = []
    real = report_module.build_report
    monkeypatch.setattr(context, "build_report", lambda *a, **k: built.append(1) or real(*a, **k))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    assert len(at.metric) > 0 and built == []  # the KPIs came from the cache


def test_a_publish_starts_the_new_versions_prebuild(data_dir, monkeypatch):
    import pages.common.publish_button as publish_button

    started = []
    monkeypatch.setattr(publish_button, "prebuild_in_background", lambda: started.append(1))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/upload.py").run()
    at.file_uploader[0].set_value(("示范县.xlsx", SAMPLE_PATH.read_bytes(), XLSX)).run()
    assert started == []
    at.button(key="publish_button").click().run()
    assert not at.exception, at.exception
    assert started == [1]


def test_a_language_switch_a_page_change_and_a_group_change_build_no_report(data_dir, monkeypatch):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()  # the first visit builds the default view
    built = []
    real = report_module.build_report
    monkeypatch.setattr(context, "build_report", lambda *a, **k: built.append(1) or real(*a, **k))
    at.sidebar.radio[0].set_value("en").run()
    at.switch_page("pages/risk.py").run()
    at.switch_page("pages/members.py").run()
    at.sidebar.selectbox[1].select(at.sidebar.selectbox[1].options[2]).run()  # cut, not built
    assert not at.exception, at.exception
    assert built == []


def test_after_the_other_years_prebuild_a_year_change_builds_no_report(data_dir, monkeypatch):
    from pages.common.prebuild import build_other_years

    build_default_view()
    build_other_years()
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    built = []
    real = report_module.build_report
    monkeypatch.setattr(context, "build_report", lambda *a, **k: built.append(1) or real(*a, **k))
    years = at.sidebar.selectbox[0].options
    assert years == ["2026", "2025"]
    at.sidebar.selectbox[0].select("2025").run()
    assert not at.exception, at.exception
    assert built == []
