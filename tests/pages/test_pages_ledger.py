"""Pages on a tiny ledger whose numbers are worked out by hand (tests/engine/test_credits.py):
what the screen shows is checked against those numbers, not against the engine's own answer.

一组, as of 2026-06-30. Session 1 (甲 speaks, 乙 hosts) and 2 (乙 speaks, 甲 hosts) are held,
3 is cancelled, 4 (丙 speaks, 乙 hosts) is on 2026-09-10.
  甲 27 credits (attend 4 + talk 10 + host 2 + outreach 6 + article 5), line 30; one session
     left as listener: attainable 27 + 2 + 3 = 32, projected at his rates (attended, never
     commented) 27 + 2 = 29 < 30 → 风险, fix "参加剩余1次学习并口头点评".
  乙 22 credits; at best + listener 5 + host 2 = 29 < 30, in June → 风险 (CANNOT_REACH), and as
     乙 attended and commented every time, the group's shortfall (GROUP_SHORT): one session more.
  丙 4 credits; at best + attend 2 + talk 10 + outreach 6 + article 5 = 27 < 30 → 风险
     (CANNOT_REACH; on leave once, so not the group's alone): one session more.
Held sessions expect 6 attendances, 5 present (丙 on leave at 2) → 到课率 83%;
3 listeners present, 2 commented (甲 silent at 2) → 点评覆盖 67%.
"""

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from model.store.versions import Store
from pages.common.labels import label
from tests.engine.test_credits import OUTREACH, PARTICIPATION, PLAN, TALKS
from tests.ledgers import MEMBERS
from tests.pages.test_pages import chart_data
from tests.workbooks import ledger, publish

ROOT = Path(__file__).resolve().parents[2]
LEDGER = ledger(
    members=MEMBERS,
    plan=PLAN,
    talks=TALKS,
    participation=PARTICIPATION,
    outreach=OUTREACH,
    exams=[["甲", "一组", 2026, 80, None]],
    settings=[["统计截止日期", "2026-06-30"]],
)


@pytest.fixture(autouse=True)
def published(monkeypatch, tmp_path):
    monkeypatch.setenv("XUEXI_DATA_DIR", str(tmp_path))
    publish(Store(tmp_path), LEDGER)
    st.cache_data.clear()
    st.cache_resource.clear()


def app(page: str | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_overview_shows_the_hand_computed_progress_and_statuses():
    shown = metrics(app())
    assert shown[label("kpi_held")] == "2 / 3"
    assert shown[label("kpi_overdue")] == "0"
    assert shown[label("kpi_attendance")] == "83%"
    assert shown[label("kpi_comments")] == "67%"
    assert (shown[label("kpi_passed")], shown[label("kpi_at_risk")]) == ("0", "3")
    assert (shown[label("kpi_failed")], shown[label("members_total")]) == ("0", "3")


def test_overview_says_the_groups_shortfall_once_and_counts_no_failed_in_its_chart():
    at = app()
    # 乙 took every chance (GROUP_SHORT): the group's line, with its member, not a member's fail.
    (group_line,) = [w.value for w in at.warning if w.value.startswith("**一组**：")]
    assert "1 名成员每次学习都参加并点评" in group_line and group_line.endswith("涉及成员：乙")
    assert not any("诫勉" in w.value for w in at.warning) and not at.error
    charts = [e for e in at.main if getattr(e, "type", "") == "vega_lite_chart"]
    statuses = chart_data(charts[1]).set_index("code")["count"]
    assert (statuses["at_risk"], statuses["failed"]) == (3, 0)  # 甲, 乙, 丙; nothing final


def test_members_page_detail_shows_credits_and_the_fix_of_the_member_picked():
    at = app("pages/members.py")
    table = at.dataframe[0].value
    assert list(table[label("name")]) == ["丙", "乙", "甲"]  # all 风险: the largest shortfall first
    position = list(table[label("name")]).index("甲")
    at.session_state["members_table"] = {"selection": {"rows": [position], "columns": []}}
    at.run()
    assert not at.exception
    assert at.subheader[0].value == "甲（一组）· 风险"
    shown = metrics(at)
    assert shown[label("credits")] == "27 / 30"
    assert (shown[label("projected")], shown[label("attainable")]) == ("29", "32")
    assert f"{label('fix')}：参加剩余1次学习并口头点评" in [i.value for i in at.info]


def test_members_card_of_a_member_who_cannot_reach_shows_the_fix_and_no_consequence():
    at = app("pages/members.py")
    table = at.dataframe[0].value
    assert set(table[label("status")]) == {"风险"}  # the table too: nothing is final in June
    position = list(table[label("name")]).index("丙")
    at.session_state["members_table"] = {"selection": {"rows": [position], "columns": []}}
    at.run()
    assert not at.exception
    assert at.subheader[0].value == "丙（一组）· 风险"
    assert "按现有计划，剩余场次全部参加也最多 27 分" in " ".join(m.value for m in at.markdown)
    (fix,) = [i.value for i in at.info if i.value.startswith(f"{label('fix')}：")]
    assert "本组需在12月31日前补排 1 次学习" in fix  # CANNOT_REACH: what the group must add
    assert not at.error  # the consequence is drawn as an error box: none before it is final


def test_risk_page_in_june_shows_no_verdict_and_says_the_groups_shortfall_once():
    at = app("pages/risk.py")
    assert not at.error  # nothing is final in June: no 不达标, no 诫勉
    boxes = [w.value for w in at.warning]
    assert not any("诫勉" in box for box in boxes)
    (group_line,) = [box for box in boxes if box.startswith("**一组**：")]
    assert "1 名成员每次学习都参加并点评" in group_line
    assert "全年仅计划 3 场，少于 6 场" in group_line
    assert "本组需补排至少 1 次学习" in group_line
    assert group_line.endswith("涉及成员：乙")
    cards = {name: box for box in boxes for name in "甲乙丙" if f"一组 · {name}**" in box}
    assert "学分 22/30" in cards["乙"] and "差在本组安排，不在本人" in cards["乙"]
    assert cards["乙"].count("最多 29 分") == 1  # GROUP_SHORT says it; CANNOT_REACH not again
    assert "按现有计划，剩余场次全部参加也最多 27 分" in cards["丙"]
    assert "本组需在12月31日前补排 1 次学习" in cards["丙"]
    assert "参加剩余1次学习并口头点评" in cards["甲"]
