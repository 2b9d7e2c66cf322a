"""AppTest of every page on the sample workbook: the numbers model/ computes, filters, modes."""

import datetime as dt
import json
import re
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.testing.v1 import AppTest

from model.dev.sample import SAMPLE_PATH
from model.engine.report import build_report
from model.workbook.reader import read_workbook_file

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")
PAGES = [
    "pages/overview.py",
    "pages/sessions.py",
    "pages/members.py",
    "pages/risk.py",
    "pages/rules.py",
]


@pytest.fixture(autouse=True)
def fresh(monkeypatch, tmp_path):
    monkeypatch.setenv("XUEXI_DATA_DIR", str(tmp_path / "data"))  # no published version: the sample
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


@pytest.fixture(scope="module")
def sample_report():
    return build_report(read_workbook_file(SAMPLE_PATH).workbook, 2026)


def app() -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def goto(at: AppTest, page: str) -> AppTest:
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def test_overview_shows_the_report_numbers(sample_report):
    at = app()
    shown = metrics(at)
    overall = sample_report.overall
    assert shown["风险"] == str(int(overall["at_risk"]))
    assert shown["不达标"] == str(int(overall["failed"]))
    assert shown["已举行"] == f"{int(overall['held'])} / {int(overall['planned'])}"
    assert shown["到课率"] == f"{overall['attendance_rate']:.0%}"
    assert any("示例数据" in info.value for info in at.info)


def chart_data(chart) -> pd.DataFrame:
    """The rows an Altair chart was drawn from (Streamlit ships them as Arrow datasets)."""
    return convert_arrow_bytes_to_pandas_df(chart.proto.datasets[0].data.data)


def test_overview_chart_spec_carries_the_cumulative_counts(sample_report):
    at = app()
    charts = [e for e in at.main if getattr(e, "type", "") == "vega_lite_chart"]
    assert len(charts) == 2
    spec = json.loads(charts[0].proto.spec)
    assert spec["config"]["axis"]["labelAngle"] == 0
    assert spec["encoding"]["x"]["field"] == "month_label"
    rows = chart_data(charts[0])
    december = rows[(rows["month_label"] == "12月") & (rows["series"] == "已举行")]["count"]
    assert list(december) == [int(sample_report.overall["held"])]
    statuses = chart_data(charts[1]).set_index("code")["count"]
    assert statuses["at_risk"] == int(sample_report.overall["at_risk"])


def test_every_page_renders(sample_report):
    at = app()
    for page in PAGES:
        goto(at, page)
        assert at.title[0].value
        assert any("示例数据" in info.value for info in at.info)


def test_group_filter_changes_the_numbers():
    at = app()
    everyone = metrics(at)["成员"]
    at.sidebar.selectbox[1].select("青山镇党委").run()
    assert metrics(at)["成员"] == "9" != everyone
    goto(at, "pages/risk.py")  # the filter survives a page switch
    assert at.sidebar.selectbox[1].value == "青山镇党委"


def test_year_filter_shows_the_past_year_as_over():
    at = app()
    at.sidebar.selectbox[0].select(2025).run()
    shown = metrics(at)
    # Seen at the workbook's 统计截止日期, 2026-11-15, the year 2025 is over: nothing is at risk.
    assert shown["风险"] == "0"
    assert at.sidebar.date_input[0].value == dt.date(2026, 11, 15)


def test_risk_page_lists_failed_before_at_risk_with_consequence():
    at = goto(app(), "pages/risk.py")
    errors = [e.value for e in at.error]
    warnings = [w.value for w in at.warning]
    assert errors and all("诫勉，当年不得提拔使用" in e for e in errors)
    assert any("怎么补救" in w for w in warnings)


def test_english_switch_leaves_no_chinese_label():
    at = app()
    at.sidebar.radio[0].set_value("en").run()
    for page in PAGES:
        goto(at, page)
        labels = [at.title[0].value]
        labels += [m.label for m in at.metric]
        labels += [s.value for s in at.subheader]
        labels += [c.value for c in at.caption]
        labels += [w.label for w in at.sidebar.selectbox] + [at.sidebar.date_input[0].label]
        if page == "pages/rules.py":  # the parameter table too: names, values and meanings
            labels += [str(v) for v in at.dataframe[0].value.to_numpy().ravel()]
        leftovers = [label for label in labels if CJK.search(label)]
        # The sample's source label and data values may be Chinese; UI labels may not.
        assert leftovers == [], (page, leftovers)


def test_members_page_detail_shows_fix_for_an_at_risk_member(sample_report):
    at = goto(app(), "pages/members.py")
    at.text_input[0].input("许华俊").run()
    table = at.dataframe[0].value
    assert list(table["姓名"]) == ["许华俊"]
    at.session_state["members_table"] = {"selection": {"rows": [0], "columns": []}}
    at.run()
    row = sample_report.members[sample_report.members["name"] == "许华俊"].iloc[0]
    assert row["status"] == "at_risk"
    assert at.subheader[0].value == "许华俊（青山镇党委）· 风险"
    assert "怎么补救：12月31日前参加理论考试" in [i.value for i in at.info]


def test_rules_page_shows_the_range_each_parameter_may_take():
    at = goto(app(), "pages/rules.py")
    table = at.dataframe[0].value.set_index("参数")
    assert table.loc["达标学分", "允许范围"] == "0–1000"
    assert table.loc["时长下限", "允许范围"] == "1–600"
    assert table.loc["及格分", "允许范围"] == "0–100"


def test_rules_page_states_the_rules_a_user_had_to_work_out():
    at = goto(app(), "pages/rules.py")
    text = " ".join(m.value for m in at.markdown)
    assert "每参加一场已举行的学习得出席学分 2；主讲人、主持人同样得出席学分" in text
    assert "主讲人兼主持的，主讲和主持学分都计" in text
    assert "最多可得＝已得学分＋剩余每场都出席并口头点评" in text
    assert "预计＝已得学分＋剩余场次按本人今年已有的出勤率" in text
    assert "只在结论确定时认定：补考成绩低于 60 分；或年度已结束" in text
    assert "本组安排不足" in text


def test_switching_language_renders_again_without_recomputing(monkeypatch):
    import pages.common.context as state

    calls = []
    real = state.build_report

    def counting(*args, **kwargs):
        calls.append(args[1:3])
        return real(*args, **kwargs)

    monkeypatch.setattr(state, "build_report", counting)
    at = goto(app(), "pages/risk.py")
    computed = len(calls)
    assert computed >= 1
    at.sidebar.radio[0].set_value("en").run()
    assert not at.exception
    assert len(calls) == computed  # the cached report serves both languages
    shown = " ".join(e.value for e in [*at.error, *at.warning])
    assert "Admonished; not promoted this year" in shown
    assert "诫勉" not in shown


def test_overview_puts_lagging_groups_first_in_whole_percent():
    """Completion by hand from the sample: 城关镇党委 3 of 5 held (60%), 白沙镇党委 5 of 7
    (71%), the rest 7 of 8 (88%); among those, 青山镇党委 has 2 at risk, so it comes first."""
    at = app()
    table = at.dataframe[0].value
    assert list(table["中心组"][:3]) == ["城关镇党委", "白沙镇党委", "青山镇党委"]
    assert list(table["completion"][:3]) == [60, 71, 88]
    assert all(float(v).is_integer() for v in table["attendance_rate"].dropna())


def test_overview_charts_count_in_whole_numbers_with_month_names():
    at = app()
    charts = [e for e in at.main if getattr(e, "type", "") == "vega_lite_chart"]
    cumulative, statuses = (json.loads(c.proto.spec) for c in charts[:2])
    months = [f"{m}月" for m in range(1, 13)]
    assert cumulative["encoding"]["x"]["sort"] == months
    assert cumulative["height"] >= 360  # tall enough to read the steps
    for spec in (cumulative, statuses):
        assert spec["encoding"]["y"]["axis"]["format"] == "d"
        assert spec["encoding"]["y"]["axis"]["tickMinStep"] == 1


def test_sessions_missed_column_says_none_and_lists_in_each_language():
    at = goto(app(), "pages/sessions.py")
    missed = list(at.dataframe[0].value["未达要求"])
    assert "无" in missed and "✓" not in missed  # a held session that missed nothing
    assert any("、" in value for value in missed)
    at.sidebar.radio[0].set_value("en").run()
    english = list(at.dataframe[0].value["Missed"])
    assert "none" in english
    assert not any("、" in value for value in english)
    assert any(", " in value for value in english)


def test_risk_page_in_english_writes_an_english_colon():
    at = goto(app(), "pages/risk.py")
    at.sidebar.radio[0].set_value("en").run()
    shown = [box.value for box in [*at.error, *at.warning]]
    assert not any("：" in box and "Reasons" in box for box in shown)
    assert any("Reasons: " in box for box in shown)


def test_members_detail_puts_the_makeup_in_the_exam_label(sample_report):
    at = goto(app(), "pages/members.py")
    at.text_input[0].input("江辉").run()
    at.session_state["members_table"] = {"selection": {"rows": [0], "columns": []}}
    at.run()
    row = sample_report.members.set_index("name").loc["江辉"]
    shown = {m.label: m.value for m in at.metric}
    label = f"考试（补考 {row['makeup']:g}）"
    assert shown[label] == f"{row['score']:g}"  # a short value: it was cut at 1366 px


def test_overview_group_row_opens_that_group():
    at = app()
    groups = at.dataframe[-1].value
    position = list(groups["中心组"]).index("白沙镇党委")
    at.session_state["groups_table_0"] = {"selection": {"rows": [position], "columns": []}}
    at.run()
    assert not at.exception, at.exception
    assert at.sidebar.selectbox[1].value == "白沙镇党委"


def test_overview_a_click_on_a_group_name_opens_that_group():
    """A click on the name selects its cell, not its row: that opens the group too."""
    at = app()
    groups = at.dataframe[-1].value
    position = list(groups["中心组"]).index("青山镇党委")
    at.session_state["groups_table_0"] = {
        "selection": {"rows": [], "columns": [], "cells": [[position, "中心组"]]}
    }
    at.run()
    assert not at.exception, at.exception
    assert at.sidebar.selectbox[1].value == "青山镇党委"


def test_a_risk_card_links_to_its_member(sample_report):
    at = goto(app(), "pages/risk.py")
    links = [link.proto for link in at.get("page_link") if link.proto.page == "members"]
    flagged = sample_report.members["status"].isin(["failed", "at_risk"])
    assert len(links) == int(flagged.sum())  # one per card, folded ones included
    assert {link.query_string for link in links} == {
        f"member={key}" for key in sample_report.members.index[flagged]
    }
    # The members page opens the member a link names.
    at = app()
    at.query_params["member"] = "M00104"
    goto(at, "pages/members.py")
    assert at.subheader[0].value.startswith("向浩伟（M00104，委员）（城关镇党委）")
