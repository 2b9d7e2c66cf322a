"""AppTest of a group clerk: download my rows, upload them edited, preview, publish only mine."""

import datetime as dt
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from model.store.auth import Accounts
from model.store.scoped import download_rows
from model.store.versions import Store
from tests.pages.page_text import diff_counts
from tests.pages.screen_text import screen_text
from tests.pages.signin import sign_in
from tests.store.county import CG, QS, county, delete_rows_where, edited, records
from tests.workbooks import publish

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse 1"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("XUEXI_DATA_DIR", str(tmp_path))
    st.cache_data.clear()
    st.cache_resource.clear()
    registry = Accounts(tmp_path)
    registry.add("青山文书", PASSWORD, "clerk", [QS])
    registry.add("管理员", PASSWORD, "admin", None)
    publish(Store(tmp_path), county())
    return tmp_path


def signed_in_upload_page(name: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    sign_in(at, name, PASSWORD)
    at.switch_page("pages/upload.py").run()
    assert not at.exception, at.exception
    return at


def test_a_group_clerk_downloads_edits_and_publishes_only_their_group(data_dir):
    at = signed_in_upload_page("青山文书")
    labels = [button.proto.label for button in at.get("download_button")]
    assert labels == ["下载本组当前数据（v1）"]
    assert any(QS in caption.value for caption in at.caption)
    # The group clerk's uploader speaks Chinese too, not Streamlit's "Upload" / "Drag and drop".
    assert {"选择文件", "将文件拖放到此处 · 每个文件不超过 20 MB"} <= set(screen_text(at))
    assert at.file_uploader[0].proto.max_upload_size_mb == 20

    store = Store(data_dir)
    mine, _ = download_rows(store, (QS,))  # the bytes behind that button

    def edit(book):
        delete_rows_where(book["成员"], 1, "王五")
        delete_rows_where(book["参学记录"], 2, "王五")
        book["考试成绩"]["D2"] = 95
        # A row of another group typed in by mistake: ignored, and said so.
        book["考试成绩"].append(["赵六", CG, 2026, 10])

    at.file_uploader[0].set_value(("青山.xlsx", edited(mine, edit), XLSX)).run()
    assert not at.exception, at.exception
    changes = diff_counts(at)
    assert (changes[("成员", "删除")], changes[("考试成绩", "修改")]) == (1, 1)
    keys = next(f.value for f in at.dataframe if "哪一行" in f.value)["哪一行"]
    assert any("王五" in key for key in keys)
    assert any("已忽略：其他中心组的 1 行（考试成绩 1）" in i.value for i in at.info)

    at.button(key="scoped_publish_button").click().run()
    assert not at.exception, at.exception
    assert any(f"已发布为 v2：只更新了 {QS} 的数据" in s.value for s in at.success)
    current = store.current()
    assert (current.version, current.scope, current.user) == (2, (QS,), "青山文书")
    final = store.read_bytes(current)
    assert [(r["姓名"], r["成绩"]) for r in records(final, "考试成绩")] == [
        ("张三", 95),
        ("赵六", 85),  # 城关镇's score untouched
    ]
    assert [r["姓名"] for r in records(final, "成员")] == ["张三", "李四", "赵六", "钱七"]

    # The clerk's own view of the overview: their group only, updated by v2.
    at.switch_page("pages/overview.py").run()
    assert not at.exception, at.exception
    table = next(frame.value for frame in at.dataframe if "last_update" in frame.value.columns)
    assert table.set_index("中心组")["last_update"].to_dict() == {
        QS: f"{current.published_at[:10]}（v2）"
    }


def test_the_history_shows_who_published_which_groups(data_dir):
    store = Store(data_dir)
    mine, _ = download_rows(store, (QS,))
    from model.store.scoped import check_upload, publish_scoped

    changed = edited(mine, lambda book: book["考试成绩"].__setitem__("D2", 95))
    publish_scoped(store, check_upload(store, changed, "青山.xlsx", (QS,)), "青山文书")
    at = signed_in_upload_page("管理员")
    at.switch_page("pages/history.py").run()
    assert not at.exception, at.exception
    table = at.dataframe[0].value
    assert list(zip(table["发布人"], table["发布范围"], strict=True)) == [
        ("青山文书", QS),
        ("文书", "全部中心组"),
    ]
    # The county view: each group's last update (青山镇 by v2, 城关镇 still by the first v1).
    at.switch_page("pages/overview.py").run()
    assert not at.exception, at.exception
    table = next(frame.value for frame in at.dataframe if "last_update" in frame.value.columns)
    second, first = (v.published_at[:10] for v in store.versions())
    assert table.set_index("中心组")["last_update"].to_dict() == {
        QS: f"{second}（v2）",
        CG: f"{first}（v1）",
    }


def test_an_admin_still_publishes_the_whole_workbook(data_dir):
    at = signed_in_upload_page("管理员")
    assert not [b for b in at.get("download_button") if "本组" in b.proto.label]
    assert any("模板" in b.proto.label for b in at.get("download_button"))


def test_a_group_not_updated_for_more_than_30_days_is_flagged(data_dir):
    from model.workbook.params import Params
    from pages.common.scoped import last_update_column

    days = Params().update_reminder_days  # 参数 更新提醒天数, 30 by default
    assert days == 30
    store = Store(data_dir)
    first = dt.date.fromisoformat(store.current().published_at[:10])
    later = first + dt.timedelta(days=31)
    assert last_update_column(store, [QS], later, days) == [f"⚠ {first}（v1），已 31 天未更新"]
    on_the_day = first + dt.timedelta(days=30)
    assert last_update_column(store, [QS], on_the_day, days) == [f"{first}（v1）"]
    # A county that sets 更新提醒天数 to 7 sees the flag after a week.
    assert last_update_column(store, [QS], first + dt.timedelta(days=8), 7)[0].startswith("⚠")
    assert last_update_column(Store(data_dir / "empty"), [QS], later, days) is None
