"""The preview of every change (issue #24 item 3–4) on 数据上传, restore and two versions:
the four edits of the walk (a 离组日期 set, a 宣讲记录 row deleted, a 时长 changed, 达标学分
30 → 40) are each shown, settings first, with whose status moves."""

import io
from pathlib import Path

import openpyxl
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from model.store.versions import Store
from tests.store.diff_pairs import base_rows, copy_rows, ledger_bytes
from tests.workbooks import publish

ROOT = Path(__file__).resolve().parents[2]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def edited() -> bytes:
    rows = copy_rows(base_rows())
    rows["members"][2] = [*rows["members"][2][:5], "北村", None, "2026-09-30"]  # 王五 leaves
    del rows["outreach"][1]  # QS-01's 西村 talk
    rows["talks"][2][3] = 30  # QS-03 lasted 30 minutes
    rows["settings"][0] = ["达标学分", 40]
    return ledger_bytes(rows)


@pytest.fixture
def store(monkeypatch, tmp_path):
    monkeypatch.setenv("XUEXI_DATA_DIR", str(tmp_path))
    st.cache_data.clear()
    st.cache_resource.clear()
    store = Store(tmp_path)
    publish(store, ledger_bytes(base_rows()), name="v1.xlsx")
    return store


def page(path: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    at.switch_page(path).run()
    assert not at.exception, at.exception
    return at


def tables(at: AppTest) -> list:
    return [frame.value for frame in at.dataframe]


def test_the_upload_preview_shows_every_edit_settings_first(store):
    at = page("pages/upload.py")
    at.file_uploader[0].set_value(("v2.xlsx", edited(), XLSX)).run()
    assert not at.exception, at.exception
    assert not any("只有格式不同" in i.value for i in at.info)
    assert any("参数有 1 处变化" in e.value for e in at.error)
    params, statuses, counts, rows = tables(at)[-4:]
    assert params.values.tolist() == [["达标学分", "30", "40"]]
    assert any("人考核状态变化" in w.value for w in at.warning)
    assert len(statuses) > 0 and set(statuses["新状态"]) <= {"风险", "正常", "不达标", "达标"}
    by_sheet = counts.set_index("工作表")
    assert by_sheet.loc["成员", "修改"] == 1
    assert by_sheet.loc["宣讲记录", "删除"] == 1
    assert by_sheet.loc["讲课记录", "修改"] == 1
    cells = " ".join(rows["内容（原值 → 新值）"])
    assert "离组日期：— → 2026-09-30" in cells
    assert "时长：60 → 30" in cells
    assert "宣讲地点：西村" in cells


def test_a_long_change_gets_rows_tall_enough_to_wrap_whole(store):
    # 专题1 → a topic of 40 characters: "专题：专题1 → …" is 47 glyphs, two lines of the 30 a
    # 460 px column holds. The grid wraps only in rows over 4rem (64 px): 56 px kept one line
    # and cut it to "…". A row of short changes stays one line high (35 px).
    rows = copy_rows(base_rows())
    rows["plan"][0][3] = "学" * 40
    at = page("pages/upload.py")
    at.file_uploader[0].set_value(("v2.xlsx", ledger_bytes(rows), XLSX)).run()
    assert not at.exception, at.exception
    (shown,) = tables(at)[-1]["内容（原值 → 新值）"]
    assert shown.startswith("专题：专题1 → 学学")
    assert at.dataframe[-1].proto.row_height == 2 * 21 + 14 + 9  # two lines, over 4rem: 65
    short = copy_rows(base_rows())
    short["talks"][2][3] = 30  # "时长：60 → 30"
    at = page("pages/upload.py")
    at.file_uploader[0].set_value(("v3.xlsx", ledger_bytes(short), XLSX)).run()
    assert tables(at)[-1]["内容（原值 → 新值）"].tolist() == ["时长：60 → 30"]
    assert at.dataframe[-1].proto.row_height == 35


def test_an_identical_content_says_only_format_differs(store):
    at = page("pages/upload.py")
    rows = base_rows()
    book = openpyxl.load_workbook(io.BytesIO(ledger_bytes(rows)))
    book["成员"].column_dimensions["A"].width = 40  # formatting only
    buffer = io.BytesIO()
    book.save(buffer)
    at.file_uploader[0].set_value(("v2.xlsx", buffer.getvalue(), XLSX)).run()
    assert any("只有格式不同" in i.value for i in at.info)


def test_restore_and_two_versions_show_the_same_view(store):
    publish(store, edited(), name="v2.xlsx")
    at = page("pages/history.py")
    assert at.subheader[0].value == "比较两个版本"
    assert at.selectbox(key="compare_new").value == 2
    assert any("v2 相对 v1 的全部变化" in c.value for c in at.caption)
    assert any("参数有 1 处变化" in e.value for e in at.error)
    assert [b.proto.label for b in at.get("download_button")][-1] == "下载变化清单（.xlsx）"
    # Restoring v1 previews the way back: 达标学分 40 → 30, 王五's 离组日期 cleared.
    at.session_state["versions_table_0"] = {"selection": {"rows": [1], "columns": []}}
    at.run()
    at.button(key="restore_button").click().run()
    assert not at.exception, at.exception
    shown = [frame.value for frame in at.dataframe]
    assert any(t.values.tolist() == [["达标学分", "40", "30"]] for t in shown if "参数" in t)


def test_two_versions_of_the_same_content_say_so_not_the_current_version(store):
    book = openpyxl.load_workbook(io.BytesIO(ledger_bytes(base_rows())))
    book["成员"].column_dimensions["A"].width = 40  # formatting only
    buffer = io.BytesIO()
    book.save(buffer)
    publish(store, buffer.getvalue(), name="v2.xlsx")
    publish(store, edited(), name="v3.xlsx")
    at = page("pages/history.py")
    at.selectbox(key="compare_new").set_value(2).run()
    assert not at.exception, at.exception
    infos = [i.value for i in at.info]
    assert "两个版本内容相同，只有格式可能不同。" in infos
    assert not any("与当前版本" in i for i in infos)  # v3 is current, and neither side


def test_the_diff_workbook_has_a_sheet_per_changed_sheet():
    from model.store.diff_sheet import diff_bytes
    from model.store.workbook_diff import diff_workbooks
    from tests.store.diff_pairs import workbook

    diff = diff_workbooks(workbook(ledger_bytes(base_rows())), workbook(edited()))
    book = openpyxl.load_workbook(io.BytesIO(diff_bytes(diff)))
    assert book.sheetnames[:2] == ["参数变化", "考核状态变化"]
    assert {"成员", "讲课记录", "宣讲记录"} <= set(book.sheetnames)
    rows = list(book["讲课记录"].iter_rows(values_only=True))
    assert rows[0] == ("哪一行", "变化", "列", "原值", "新值")
    assert ("QS-03", "修改", "时长", 60, 30) in rows
    assert list(book["参数变化"].iter_rows(values_only=True))[1] == ("达标学分", 30, 40)


def test_publish_and_restore_write_the_diffs_counts_to_the_audit_log(store):
    from model.store.auth import Accounts

    at = page("pages/upload.py")
    at.file_uploader[0].set_value(("v2.xlsx", edited(), XLSX)).run()
    at.button(key="publish_button").click().run()
    assert not at.exception, at.exception
    assert store.current().version == 2
    # The four edits: 王五's 离组日期, QS-03's 时长, the 西村 talk, 达标学分; 40 leaves 赵六
    # (37 credits) at risk, and 王五's line is pro-rated to his leaving (30 × 9/12 < 37).
    published = Accounts(store.root).audit()[0]
    assert (published["action"], published["ok"]) == ("publish", 1)
    assert published["detail"] == (
        'v2 v2.xlsx diff {"rows":{"成员":{"changed":1},"讲课记录":{"changed":1},'
        '"宣讲记录":{"removed":1}},"params":1,"statuses":1}'
    )
    at = page("pages/history.py")
    at.session_state["versions_table_0"] = {"selection": {"rows": [1], "columns": []}}
    at.run()
    at.button(key="restore_button").click().run()
    at.button(key="restore_confirm").click().run()
    assert not at.exception, at.exception
    restored = Accounts(store.root).audit()[0]
    assert restored["action"] == "restore"
    assert restored["detail"] == (
        'v1 → v3 diff {"rows":{"成员":{"changed":1},"讲课记录":{"changed":1},'
        '"宣讲记录":{"added":1}},"params":1,"statuses":1}'
    )


def test_meeting_mode_never_shows_a_preview_nor_publishes(store):
    publish(store, edited(), name="v2.xlsx")
    for path in ("pages/upload.py", "pages/history.py", "pages/record.py"):
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        at.run()
        at.sidebar.toggle[0].set_value(True).run()  # 会议模式
        at.switch_page(path).run()
        assert not at.exception, at.exception
        assert any("会议模式下不能上传、发布、记录或恢复" in i.value for i in at.info), path
        assert not at.file_uploader and not at.error and not at.dataframe, path
        assert [b.key for b in at.button] == ["exit_meeting"], path  # the bar's way out only
        at.button(key="exit_meeting").click().run()
        assert not at.exception, at.exception
        assert not any("会议模式下不能" in i.value for i in at.info), path
