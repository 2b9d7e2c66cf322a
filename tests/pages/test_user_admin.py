"""用户管理 on the admin page through AppTest: the list, add (password typed twice), reset,
role and groups (from the current version), disable and enable, remove, the last admin kept,
every change audited with the admin's name."""

import pytest

from model.store.auth import Accounts
from tests.pages.signin import PASSWORD, sign_in
from tests.pages.test_signin_pages import data_dir, start  # noqa: F401

pytestmark = pytest.mark.usefixtures("data_dir")
ROLE_WORDS = {"viewer": "领导", "clerk": "文书", "admin": "管理员"}


@pytest.fixture
def admin_page(data_dir):  # noqa: F811
    registry = Accounts(data_dir)
    registry.add("管理员", PASSWORD, "admin", None)
    registry.add("王书记", PASSWORD, "viewer", ["青山镇党委"])
    at = sign_in(start(), "管理员")
    at.switch_page("pages/admin.py").run()
    assert not at.exception, at.exception
    return at, registry


def users_shown(at) -> dict:
    table = at.dataframe[0].value
    return {row["用户名"]: row for row in table.to_dict("records")}


def test_the_users_are_listed_with_role_groups_last_sign_in_and_state(admin_page):
    at, _ = admin_page
    shown = users_shown(at)
    assert shown["管理员"]["角色"] == "管理员" and shown["管理员"]["状态"] == "启用"
    assert shown["管理员"]["最近登录"] != "从未登录" and shown["管理员"]["在线会话"] == 1
    assert shown["王书记"]["可查看的中心组"] == "青山镇党委"
    assert shown["王书记"]["最近登录"] == "从未登录"


def fill_add(at, name: str, first: str, second: str, role: str = "viewer", groups=()):
    at.text_input(key="user_add_name").input(name)
    at.selectbox(key="user_add_role_zh").select(ROLE_WORDS[role])
    at.multiselect(key="user_add_groups").set_value(list(groups))
    at.text_input(key="user_add_password").input(first)
    at.text_input(key="user_add_again").input(second)
    next(b for b in at.button if b.proto.label == "添加").click().run()


def test_add_a_user_with_the_password_typed_twice(admin_page):
    at, registry = admin_page
    groups = at.multiselect(key="user_add_groups").options
    assert "青山镇党委" in groups and "城关镇党委" in groups  # from the version shown (the sample)
    fill_add(at, "李文书", "secret pass 9", "secret pass 8", "clerk")
    assert any("不一致" in e.value for e in at.error) and registry.get("李文书") is None
    fill_add(at, "李文书", "short", "short", "clerk")
    assert any("至少 8 位" in e.value for e in at.error)
    fill_add(at, "王书记", "secret pass 9", "secret pass 9")
    assert any("已存在" in e.value for e in at.error)
    fill_add(at, "李文书", "secret pass 9", "secret pass 9", "clerk", ["青山镇党委"])
    assert not at.exception, at.exception
    assert any("已添加用户 李文书" in s.value for s in at.success)
    user = registry.get("李文书")
    assert user.role == "clerk" and user.groups == ("青山镇党委",)
    assert registry.sign_in("李文书", "secret pass 9").user is not None
    assert registry.audit(action="user_add")[0]["user"] == "管理员"


def pick(at, name: str):
    at.selectbox(key="user_pick").select(name).run()


def test_role_and_groups_change(admin_page):
    at, registry = admin_page
    pick(at, "王书记")
    at.selectbox(key="user_role_pick_王书记_zh").select("文书")
    at.multiselect(key="user_groups_pick_王书记").set_value(["青山镇党委", "城关镇党委"])
    next(b for b in at.button if b.proto.label == "保存角色和中心组").click().run()
    assert not at.exception, at.exception
    user = registry.get("王书记")
    assert user.role == "clerk" and set(user.groups) == {"青山镇党委", "城关镇党委"}
    log = at.dataframe[1].value
    assert {"修改角色", "修改可查看的中心组"} <= set(log["操作"])
    assert "王书记：领导 → 文书" in set(log["详情"])


def test_reset_a_password_ends_the_users_sessions(admin_page):
    at, registry = admin_page
    token = registry.sessions.issue("王书记")
    pick(at, "王书记")
    at.text_input(key="pw1_王书记").input("new secret 77")
    at.text_input(key="pw2_王书记").input("new secret 77")
    next(b for b in at.button if b.proto.label == "重设密码").click().run()
    assert any("已重设 王书记 的密码" in s.value for s in at.success)
    assert registry.sessions.resolve(token).session is None
    assert registry.sign_in("王书记", "new secret 77").user is not None


def test_disable_enable_and_remove(admin_page):
    at, registry = admin_page
    pick(at, "王书记")
    at.button(key="user_disable_王书记").click().run()
    assert registry.get("王书记").disabled
    assert users_shown(at)["王书记"]["状态"] == "已停用"
    at.button(key="user_enable_王书记").click().run()
    assert not registry.get("王书记").disabled
    assert at.button(key="user_remove_王书记").disabled  # not before the confirmation
    at.checkbox(key="user_remove_ok_王书记").check().run()
    at.button(key="user_remove_王书记").click().run()
    assert registry.get("王书记") is None
    assert "王书记" not in users_shown(at)
    actions = [row["action"] for row in registry.audit(user="管理员")]
    assert {"user_disable", "user_enable", "user_remove"} <= set(actions)


def test_the_last_admin_stays(admin_page):
    at, registry = admin_page
    pick(at, "管理员")
    at.selectbox(key="user_role_pick_管理员_zh").select("领导")
    next(b for b in at.button if b.proto.label == "保存角色和中心组").click().run()
    assert any("唯一启用的管理员" in e.value for e in at.error)
    at.button(key="user_disable_管理员").click().run()
    assert any("唯一启用的管理员" in e.value for e in at.error)
    at.checkbox(key="user_remove_ok_管理员").check().run()
    at.button(key="user_remove_管理员").click().run()
    assert any("唯一启用的管理员" in e.value for e in at.error)
    assert registry.get("管理员").role == "admin" and not registry.get("管理员").disabled
