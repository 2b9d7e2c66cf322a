"""AppTest of 学习记录 (issue #26): a clerk records one session on one screen and publishes it."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from model.store.auth import Accounts
from model.store.versions import Store
from tests.pages.signin import sign_in
from tests.pages.test_scoped_upload_page import PASSWORD, data_dir  # noqa: F401  (a fixture)
from tests.store.county import CG, QS, records

ROOT = Path(__file__).resolve().parents[2]


def record_page(name: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    sign_in(at, name, PASSWORD)
    at.switch_page("pages/record.py").run()
    assert not at.exception, at.exception
    return at


def test_a_group_clerk_records_a_session_and_publishes_it(data_dir):  # noqa: F811
    at = record_page("青山文书")
    assert at.title[0].value == "学习记录"
    # Only their own group; the nearest held-or-due session by default.
    assert at.selectbox(key="recording_group").options == [QS]
    session = at.selectbox(key=f"record_session_{QS}_v1")
    session.select("QS-2").run()
    assert not at.exception, at.exception
    minutes = at.number_input(key="rec_QS-2_minutes")
    assert minutes.proto.format == "%g"  # 60 reads 60, not 60.00
    minutes.set_value(60.0).run()
    at.button(key="rec_QS-2_marks_attendance_all").click().run()
    at.button(key="rec_QS-2_marks_comment_all").click().run()
    assert not at.exception, at.exception
    at.button(key="record_preview_button").click().run()
    assert not at.exception, at.exception
    assert any("将发布的变化" in m.value for m in at.markdown)
    at.button(key="record_save_button").click().run()
    assert not at.exception, at.exception
    assert any("已发布 v2：学习记录 QS-2" in s.value for s in at.success)
    # Also a toast: the save button is at the bottom, the success line at the top.
    assert any("已发布 v2：学习记录 QS-2" in toast.value for toast in at.toast)
    # The same session stays chosen, in a box of the new version that marks it held.
    chosen = at.selectbox(key=f"record_session_{QS}_v2")
    assert chosen.value == "QS-2" and "QS-2  2026-06-01  基层治理  ✓" in chosen.options
    store = Store(data_dir)
    current = store.current()
    assert (current.version, current.comment, current.user) == (2, "学习记录：QS-2", "青山文书")
    final = store.read_bytes(current)
    assert [r for r in records(final, "参学记录") if r["场次"] == "QS-2"] == [
        {"场次": "QS-2", "姓名": "张三", "出勤": "出席", "点评": "口头"},
        {"场次": "QS-2", "姓名": "王五", "出勤": "出席", "点评": "口头"},
    ]
    assert {"场次": "QS-2", "举行日期": "2026-06-01", "时长": 60} in records(final, "讲课记录")
    # The new version downloads as a workbook, and the 签到表 is offered.
    labels = [b.proto.label for b in at.get("download_button")]
    assert "下载当前台账（v2，Excel）" in labels and "下载签到表（A4，可打印）" in labels
    entries = Accounts(data_dir).audit(action="record_session")
    assert entries[0]["user"] == "青山文书" and "QS-2" in entries[0]["detail"]


def test_a_bad_value_is_shown_beside_its_field_and_nothing_is_published(data_dir):  # noqa: F811
    at = record_page("管理员")
    at.selectbox(key="recording_group").select(CG).run()
    at.selectbox(key=f"record_session_{CG}_v1").select("CG-1").run()
    at.number_input(key="rec_CG-1_minutes").set_value(-5.0).run()
    at.button(key="record_preview_button").click().run()
    assert not at.exception, at.exception
    assert any(e.value.startswith("时长（分钟）：时长 -5 不在 1–600 之间") for e in at.error)
    assert not [b for b in at.button if b.key == "record_save_button"]
    assert Store(data_dir).current().version == 1


def test_a_save_over_someone_elses_change_asks_first(data_dir):  # noqa: F811
    from dataclasses import replace

    from model.store.record_open import open_session
    from model.store.recording import base_side_raws, record_session
    from model.workbook.reader import read_workbook

    at = record_page("管理员")
    at.selectbox(key="recording_group").select(QS).run()
    at.selectbox(key=f"record_session_{QS}_v1").select("QS-1").run()
    # Another clerk records QS-1 while the page is open.
    store = Store(data_dir)
    current = store.current()
    workbook = read_workbook(store.read_bytes(current)).workbook
    other = open_session(workbook, base_side_raws(store, current), "QS-1")
    record_session(store, replace(other.record, minutes=75), "青山文书", opened=other.rows)
    at.number_input(key="rec_QS-1_minutes").set_value(90.0).run()
    at.button(key="record_preview_button").click().run()
    at.button(key="record_save_button").click().run()
    assert not at.exception, at.exception
    assert any("已被他人修改（当前版本 v2）：讲课记录新增 1 行" in w.value for w in at.warning)
    assert store.current().version == 2
    save = at.button(key="record_save_button")
    assert save.label == "仍然保存（覆盖他人的修改）"
    save.click().run()
    assert not at.exception, at.exception
    assert store.current().version == 3
    talks = {r["场次"]: r["时长"] for r in records(store.read_bytes(store.current()), "讲课记录")}
    assert talks["QS-1"] == 90


def test_a_viewer_may_not_record_and_meeting_mode_does_not_offer_it(data_dir):  # noqa: F811
    from pages.common.meeting import MEETING_PAGES
    from pages.common.navigation import PAGES

    assert "pages/record.py" not in [path for path, _, _ in MEETING_PAGES]
    assert next(p for p in PAGES if p.path == "pages/record.py").permission == "publish"
    Accounts(data_dir).add("王书记", PASSWORD, "viewer", [QS])
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    sign_in(at, "王书记", PASSWORD)
    at.switch_page("pages/record.py").run()
    assert not at.exception, at.exception
    assert any("没有权限" in e.value for e in at.error), [e.value for e in at.error]
    assert not [b for b in at.button if b.key == "record_preview_button"]


def test_all_oral_leaves_out_a_member_marked_away(data_dir):  # noqa: F811
    """全部口头点评 after marking 王五 请假 gave him 口头 too: 3 credits for a comment he was
    not there to give. The shortcut now skips 请假 and 缺席 rows."""
    at = record_page("青山文书")
    at.selectbox(key=f"record_session_{QS}_v1").select("QS-2").run()
    at.button(key="rec_QS-2_marks_attendance_all").click().run()
    marks = at.session_state["rec_QS-2_marks"].copy()
    marks.loc["Q03", "attendance"] = "请假"  # as the clerk would in the grid
    at.session_state["rec_QS-2_marks"] = marks
    at.session_state["rec_QS-2_marks_turn"] = at.session_state["rec_QS-2_marks_turn"] + 1
    at.run()
    at.button(key="rec_QS-2_marks_comment_all").click().run()
    assert not at.exception, at.exception
    assert any("“全部口头点评”不改请假、缺席的成员" in c.value for c in at.caption)  # says so
    after = at.session_state["rec_QS-2_marks"]
    assert after.loc["Q01", "comment"] == "口头"  # the host, present
    assert after.loc["Q03", "comment"] != "口头" and after.loc["Q03", "attendance"] == "请假"
