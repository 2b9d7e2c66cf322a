"""Sign-in and roles through AppTest: demo banner, refusals, page checks, group limits."""

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from model.dev.sample import SAMPLE_PATH
from model.store.auth import Accounts
from model.store.versions import Store
from tests.workbooks import publish

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse 1"


@pytest.fixture
def data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("XUEXI_DATA_DIR", str(tmp_path))
    st.cache_data.clear()
    st.cache_resource.clear()
    return tmp_path


@pytest.fixture
def with_users(data_dir):
    registry = Accounts(data_dir)
    registry.add("王书记", PASSWORD, "viewer", ["青山镇党委"])
    registry.add("文书甲", PASSWORD, "clerk", None)
    registry.add("管理员", PASSWORD, "admin", None)
    return registry


def start() -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    return at


def sign_in(at: AppTest, name: str, password: str = PASSWORD) -> AppTest:
    at.text_input(key="login_name").input(name)
    at.text_input(key="login_password").input(password)
    at.button[0].click().run()
    return at


def test_demo_mode_shows_the_banner(data_dir):
    at = start()
    assert any("演示模式" in w.value for w in at.sidebar.warning)
    assert at.title[0].value == "总览"


def test_sign_in_is_required_once_users_exist(with_users):
    at = start()
    assert at.title[0].value == "登录"
    assert not at.metric  # no data before signing in


def test_wrong_password_is_refused(with_users):
    at = sign_in(start(), "文书甲", "wrong password")
    assert any("不正确" in e.value for e in at.error)
    assert with_users.audit(action="sign_in_failed")[0]["user"] == "文书甲"


def test_lock_out_after_repeated_failures(with_users):
    at = start()
    for _ in range(3):
        sign_in(at, "文书甲", "wrong password")
    assert any("秒后再试" in e.value for e in at.error)
    sign_in(at, "文书甲")  # even the right password waits
    assert any("秒后再试" in e.value for e in at.error)


def test_clerk_signs_in_and_the_audit_has_it(with_users):
    at = sign_in(start(), "文书甲")
    at.switch_page("pages/overview.py").run()
    assert at.title[0].value == "总览"
    assert any("已登录：文书甲" in c.value for c in at.sidebar.caption)
    assert with_users.audit(action="sign_in")[0]["user"] == "文书甲"


def test_viewer_cannot_reach_the_upload_page_even_directly(with_users):
    at = sign_in(start(), "王书记")
    at.switch_page("pages/upload.py").run()
    assert any("没有权限" in e.value for e in at.error)
    assert not at.file_uploader
    assert not [b for b in at.button if b.key == "publish_button"]
    assert Store(with_users.root).current() is None


def test_group_limited_leader_sees_only_their_group(with_users):
    at = sign_in(start(), "王书记")
    at.switch_page("pages/overview.py").run()
    assert {m.label: m.value for m in at.metric}["成员"] == "9"
    assert at.sidebar.selectbox[1].options == ["全部中心组", "青山镇党委"]
    at.switch_page("pages/members.py").run()
    assert set(at.dataframe[0].value["中心组"]) == {"青山镇党委"}


def test_admin_reads_the_audit_log(with_users):
    at = sign_in(start(), "管理员")
    at.switch_page("pages/admin.py").run()
    assert not at.exception
    log = at.dataframe[1].value
    assert "登录" in set(log["操作"])  # the actions in words, not sign_in or user_add
    assert "添加用户" in set(log["操作"])
    assert "服务器命令行" in set(log["用户名"])


def test_clerk_cannot_open_the_admin_page(with_users):
    at = sign_in(start(), "文书甲")
    at.switch_page("pages/admin.py").run()
    assert any("没有权限" in e.value for e in at.error)
    assert not at.dataframe


def test_published_data_is_limited_too(with_users):
    publish(Store(with_users.root), SAMPLE_PATH.read_bytes())
    at = sign_in(start(), "王书记")
    at.switch_page("pages/risk.py").run()
    text = " ".join(x.value for x in [*at.error, *at.warning])
    assert "城关镇党委" not in text
    assert "青山镇党委" in text  # the viewer's own group is there: the page is not just empty


def test_a_leader_whose_groups_have_no_rows_is_told_so(data_dir):
    """Instead of 0% and empty axes: the groups the leader may see are not in the ledger."""
    registry = Accounts(data_dir)
    registry.add("李书记", PASSWORD, "viewer", ["城关镇党委"])
    from tests.ledgers import MEMBERS
    from tests.workbooks import ledger

    publish(Store(data_dir), ledger(members=MEMBERS))  # only 一组
    at = sign_in(start(), "李书记")
    for page in ("pages/overview.py", "pages/members.py", "pages/risk.py"):
        at.switch_page(page).run()
        assert not at.exception
        assert [w.value for w in at.warning] == [
            "你有权查看的中心组（城关镇党委）在当前台账中没有数据。"
        ]
        assert not at.metric and not at.dataframe
