"""规则说明 (issue #12, item 4): each status's rule and each check's threshold carry the numbers
of the 参数 in force, here changed by the workbook's own 参数 sheet."""

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from model.store.versions import Store
from tests.ledgers import MEMBERS
from tests.workbooks import ledger, publish

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def published(monkeypatch, tmp_path):
    monkeypatch.setenv("XUEXI_DATA_DIR", str(tmp_path))
    settings = [["达标学分", 40], ["及格分", 70], ["时长下限", 30], ["宣讲期限天数", 45]]
    publish(Store(tmp_path), ledger(members=MEMBERS, settings=settings))
    st.cache_data.clear()
    st.cache_resource.clear()


def rules_page(lang: str = "zh") -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    if lang != "zh":
        at.sidebar.radio[0].set_value(lang).run()
    at.switch_page("pages/rules.py").run()
    assert not at.exception, at.exception
    return at


def test_each_status_rule_shows_the_parameters_in_force():
    at = rules_page()
    statuses = " ".join(m.value for m in at.markdown)
    assert "**达标**：学分达到达标线（全年 40 学分" in statuses
    assert "不低于 70 分" in statuses
    assert "距年底不足 60 天仍无考试成绩" in statuses  # the engine's EXAM_WARNING_DAYS
    assert "**不达标**：" in statuses and "补考成绩低于 70 分" in statuses
    assert "诫勉，当年不得提拔使用" in statuses


def test_each_check_shows_its_threshold():
    at = rules_page()
    checks = at.dataframe[1].value.set_index("发现的问题")["规则与阈值"]
    assert len(checks) == 17  # every finding code
    assert "少于 30 分钟或多于 90 分钟" in checks["时长不合要求"]
    assert "超过 45 天" in checks["未到联系点宣讲"]
    assert "举行日期前 7 天" in checks["初稿发放晚"]
    assert "少于 6 场" in checks["全年场次不足"]
    assert "code" not in at.dataframe[1].value.columns  # no raw codes on screen


def test_the_rules_read_in_english_too():
    at = rules_page("en")
    checks = at.dataframe[1].value.set_index("Findings")["Rule and threshold"]
    assert "under 30 or over 90 minutes" in checks["Duration off"]
    statuses = " ".join(m.value for m in at.markdown)
    assert "40 a year" in statuses and "at least 70" in statuses
