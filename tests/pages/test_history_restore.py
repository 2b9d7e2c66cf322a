"""Restore asks first (issue 12, item 12): which version, when, by whom and what it would change;
nothing happens before the confirmation, and afterwards no other version is silently selected."""

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from model.dev.sample import SAMPLE_PATH
from model.store.auth import Accounts
from model.store.versions import Store
from tests.pages.page_text import diff_counts
from tests.workbooks import ledger, publish

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def store(monkeypatch, tmp_path):
    monkeypatch.setenv("XUEXI_DATA_DIR", str(tmp_path / "data"))
    st.cache_data.clear()
    st.cache_resource.clear()
    store = Store(tmp_path / "data")
    publish(store, SAMPLE_PATH.read_bytes(), user="文书甲", name="a.xlsx")
    publish(store, ledger(members=[["张三", "城关镇党委"]]), user="文书乙", name="b.xlsx")
    return store


def history() -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/history.py").run()
    assert not at.exception, at.exception
    return at


def pick(at: AppTest, row: int, key: str = "versions_table_0") -> AppTest:
    at.session_state[key] = {"selection": {"rows": [row], "columns": []}}
    at.run()
    assert not at.exception, at.exception
    return at


def test_restore_shows_the_version_and_its_changes_and_waits_for_confirmation(store):
    at = pick(history(), 1)  # v1, the sample, below the current v2
    at.button(key="restore_button").click().run()
    v1 = store.get(1)
    question = at.warning[0].value
    assert "v1" in question and "文书甲" in question and "v2" in question
    assert v1.published_at.replace("T", " ")[:16] in question
    changes = diff_counts(at)
    # v2 holds only 城关镇党委|张三; the sample's 72 members all have a 编号 and 125 sessions.
    assert changes[("成员", "新增")] == 72
    assert changes[("成员", "删除")] == 1
    assert changes[("学习计划", "新增")] == 125
    assert store.current().version == 2  # nothing restored yet
    at.button(key="restore_cancel").click().run()
    assert not [b for b in at.button if b.key == "restore_confirm"]
    assert store.current().version == 2


def test_after_a_confirmed_restore_no_version_is_selected(store):
    at = pick(history(), 1)
    at.button(key="restore_button").click().run()
    at.button(key="restore_confirm").click().run()
    assert not at.exception, at.exception
    current = store.current()
    assert (current.version, current.comment) == (3, "恢复自 v1")
    assert any("已把 v1 恢复为新版本 v3" in s.value for s in at.success)
    # The table gained a row at the top: the old selection (row 1) would now be v2.
    assert not [b for b in at.button if b.key in ("restore_button", "restore_confirm")]
    assert list(at.dataframe[0].value["版本"]) == ["v3", "v2", "v1"]
    assert at.dataframe[0].value["说明"].iloc[0] == "恢复自 v1"
    assert Accounts(store.root).audit()[0]["action"] == "restore"


def test_the_restore_preview_filters_by_sheet_and_group_and_pages_its_rows(store):
    at = pick(history(), 1)
    at.button(key="restore_button").click().run()
    assert not at.exception, at.exception
    # Restoring the sample over v2 (张三 alone) adds every row of the sample and removes 张三:
    # 72 + 1 成员, 125 学习计划, 114 讲课记录, 899 参学记录, 214 宣讲记录, 139 考试成绩.
    assert any("逐行变化（1564 行）" in m.value for m in at.markdown)
    page = at.number_input(key="restore_diff_page")
    assert page.label == "页码（共 8 页）"  # 200 rows a page

    def rows():
        return next(f.value for f in at.dataframe if "哪一行" in f.value)

    assert len(rows()) == 200
    page.set_value(8).run()
    assert len(rows()) == 1564 - 7 * 200
    at.multiselect(key="restore_diff_sheets").set_value(["成员"]).run()
    assert not at.exception, at.exception
    assert len(rows()) == 73 and set(rows()["工作表"]) == {"成员"}
    assert not [n for n in at.number_input if n.key == "restore_diff_page"]  # one page now
    at.selectbox(key="restore_diff_group").select("城关镇党委").run()
    shown = rows()
    # 城关镇党委's nine members come back; its 张三 (no 编号, keyed 中心组+姓名) goes.
    assert sorted(shown["变化"]) == ["删除"] + ["新增"] * 9
    assert "城关镇党委 / 张三" in list(shown["哪一行"])
