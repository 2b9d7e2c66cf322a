"""AppTest of the clerk's pages of issue #14 (学习计划, 待办, the to-do on 总览) on the sample."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from model.dev.sample import SAMPLE_PATH
from model.engine.plan import needed_sessions
from model.engine.timeline import build_timeline
from model.engine.todo import todo_items
from model.workbook.reader import read_workbook_file

ROOT = Path(__file__).resolve().parents[2]
GROUP = "城关镇党委"


@pytest.fixture(autouse=True)
def fresh(monkeypatch, tmp_path):
    monkeypatch.setenv("XUEXI_DATA_DIR", str(tmp_path / "data"))  # no published version: the sample
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


@pytest.fixture(scope="module")
def sample():
    return read_workbook_file(SAMPLE_PATH).workbook


def page(path: str, group: str | None = None, meeting: bool = False) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    if group:
        at.sidebar.selectbox[1].select(group).run()
    if meeting:
        at.sidebar.toggle[0].set_value(True).run()
    at.switch_page(path).run()
    assert not at.exception, at.exception
    return at


def test_plan_page_previews_the_next_years_plan_for_the_chosen_group(sample):
    at = page("pages/plan.py", GROUP)
    assert at.title[0].value == "学习计划"
    # The sample's as-of date is 15 November 2026: the page proposes 2027.
    assert at.number_input(key="plan_year").value == 2027
    table = at.dataframe[0].value
    assert (
        len(table) == needed_sessions(sample, GROUP, 2027, dt.date(2027, 1, 1)) == 8
    )  # 余娟英 left in 2026
    assert list(table.index[:2]) == ["CG-2027-01", "CG-2027-02"]  # as CG-2026-01 …
    assert table["主讲人"].iloc[0] == "郭刚海"  # the head first
    assert (table["主讲人"] != table["主持人"]).all()
    assert all(day.isoweekday() == 3 for day in table["计划日期"])
    # chinese-calendar has no 2027 holidays yet: the page says so.
    assert any("2027" in w.value and "节假日" in w.value for w in at.warning)


def test_plan_page_follows_the_weekday_and_count(sample):
    at = page("pages/plan.py", GROUP)
    at.radio(key="plan_weekday").set_value(5).run()
    at.number_input(key=f"plan_count_{GROUP}_2027").set_value(12).run()
    assert not at.exception
    table = at.dataframe[0].value
    assert len(table) == 12
    assert all(day.isoweekday() == 5 for day in table["计划日期"])


def test_todo_page_lists_the_engines_items_and_meeting_mode_counts_only(sample):
    expected = todo_items(build_timeline(sample), sample.exams, 14)
    at = page("pages/todo.py")
    shown = {m.label: m.value for m in at.metric}
    assert shown["待办事项"] == str(len(expected.items)) == "9"
    assert shown["已逾期"] == str(int(expected.items["overdue"].sum())) == "6"
    rows = sum(len(frame.value) for frame in at.dataframe)
    assert rows == 2 * 9  # once by week, once by person
    # By week, each table is all overdue or none: no always-empty 已逾期 column; by person the
    # column says which rows are overdue.
    by_week, by_person = at.tabs
    assert by_week.dataframe and all("已逾期" not in f.value.columns for f in by_week.dataframe)
    assert all("已逾期" in frame.value.columns for frame in by_person.dataframe)
    # Every group: one table by person (a county's people would be hundreds of tables).
    assert len(by_person.dataframe) == 1
    people = list(by_person.dataframe[0].value["责任人"])
    assert people == sorted(people)
    assert "理论考试（距年底不足 60 天起）" in " ".join(c.value for c in at.caption)
    meeting = page("pages/todo.py", meeting=True)
    assert len(meeting.dataframe) == 0
    assert {m.label: m.value for m in meeting.metric}["待办事项"] == "9"


def test_overview_of_one_group_starts_with_its_todo():
    at = page("pages/overview.py", GROUP)
    assert at.subheader[0].value == "本组待办（14 天内）"
    first = at.dataframe[0].value
    assert list(first["事项"]) == ["发初稿", "学习安排"]
    assert set(first["中心组"]) == {GROUP}


def test_the_county_todo_says_where_the_calendar_is():
    county = page("pages/todo.py")
    assert "日历（.ics）按中心组导出：请先在左侧选择一个中心组。" in [
        c.value for c in county.caption
    ]
    assert not county.get("download_button")
    one = page("pages/todo.py", GROUP)
    assert [b.proto.label for b in one.get("download_button")] == ["下载日历（.ics）"]


def test_a_persons_calendar_file_is_named_for_the_person(monkeypatch):
    """One person's .ics was saved under the group's name (学习日历-城关镇党委-2026.ics)."""
    names: list[str] = []
    original = st.download_button

    def recording(*args, **kwargs):
        if str(kwargs.get("file_name", "")).endswith(".ics"):
            names.append(kwargs["file_name"])
        return original(*args, **kwargs)

    monkeypatch.setattr(st, "download_button", recording)
    at = page("pages/todo.py", GROUP)
    assert names[-1] == "学习日历-城关镇党委-2026.ics"
    box = at.selectbox(key="todo_calendar_person")
    person = box.options[1]  # the group's first member after 全组
    box.set_value(person).run()
    assert not at.exception, at.exception
    assert names[-1] == f"学习日历-城关镇党委-{person}-2026.ics"
