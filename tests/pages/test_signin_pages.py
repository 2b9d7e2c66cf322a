"""Sign-in and roles through AppTest: demo banner, refusals, page checks, group limits.

AppTest has no cookie: tests/pages/signin.py signs in as the server's route does and hands the
session id to the pages; the routes themselves are tested in tests/pages/test_web.py.
"""

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from model.dev.sample import SAMPLE_PATH
from model.store.auth import Accounts
from model.store.versions import Store
from tests.pages.signin import PASSWORD, present, sign_in
from tests.workbooks import publish

ROOT = Path(__file__).resolve().parents[2]
__all__ = ["PASSWORD", "data_dir", "sign_in", "start"]  # used by other page tests


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


def test_demo_mode_shows_the_banner(data_dir):
    at = start()
    assert any("演示模式" in w.value for w in at.sidebar.warning)
    assert at.title[0].value == "总览"


def test_sign_in_is_required_once_users_exist(with_users):
    at = start()
    assert at.title[0].value == "登录"
    assert not at.metric  # no data before signing in


def test_clerk_signs_in_and_the_audit_has_it(with_users):
    at = sign_in(start(), "文书甲")
    assert at.title[0].value == "总览"
    assert any("已登录：文书甲" in c.value for c in at.sidebar.caption)
    assert with_users.audit(action="sign_in")[0]["user"] == "文书甲"


def test_viewer_cannot_reach_the_upload_page_even_directly(with_users):
    at = sign_in(start(), "王书记")
    at.switch_page("pages/upload.py").run()
    assert any("没有权限" in e.value for e in at.error)
    assert [link.proto.label for link in at.get("page_link")] == ["返回总览"]
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


def test_a_reload_keeps_the_user_signed_in(with_users):
    """A reload is a new session of the app presenting the same cookie."""
    sign_in(start(), "文书甲")
    again = start()
    assert again.title[0].value == "总览"
    assert any("已登录：文书甲" in c.value for c in again.sidebar.caption)


def test_every_page_is_registered_but_the_menu_shows_only_the_roles(with_users):
    at = sign_in(start(), "王书记")
    at.switch_page("pages/admin.py").run()  # registered, so the address does not 404
    assert any("没有权限" in e.value for e in at.error)


def test_a_removed_user_is_out_at_the_next_action(with_users):
    at = sign_in(start(), "文书甲")
    with_users.remove("文书甲", by="管理员")
    at.run()
    assert at.title[0].value == "登录"
    assert not at.metric
    assert any("登录已失效" in c.value for c in at.caption)


def test_a_disabled_or_demoted_user_loses_access_at_the_next_action(with_users):
    at = sign_in(start(), "文书甲")
    at.switch_page("pages/upload.py").run()
    assert at.file_uploader
    with_users.set_role("文书甲", "viewer", by="管理员")
    at.run()
    assert any("没有权限" in e.value for e in at.error) and not at.file_uploader
    with_users.set_disabled("文书甲", True, by="管理员")
    at.run()
    assert at.title[0].value == "登录"


def test_an_idle_session_ends_with_a_notice(with_users, monkeypatch):
    import datetime as dt

    token = with_users.sessions.issue("文书甲", now=dt.datetime.now(dt.UTC) - dt.timedelta(hours=2))
    present(token)
    at = start()
    assert at.title[0].value == "登录"
    assert any("长时间未操作" in w.value for w in at.warning)


def test_a_revoked_session_signs_no_one_in(with_users):
    sign_in(start(), "文书甲")
    import pages.common.session as session

    with_users.sessions.revoke(session.cookie_token())
    assert start().title[0].value == "登录"
