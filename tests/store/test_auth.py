"""Users, roles, lock-out and the audit log (model/auth) and the users CLI."""

import datetime as dt
import subprocess
import sys

import pytest

from model.dev.sample import SAMPLE_PATH
from model.engine.scope import restrict
from model.store.auth import (
    BASE_DELAY_SECONDS,
    FREE_ATTEMPTS,
    Accounts,
    check_password,
    hash_password,
)
from model.workbook.reader import read_workbook_file

PASSWORD = "correct horse 1"
NOW = dt.datetime(2026, 11, 27, 9, 0, 0)


@pytest.fixture
def accounts(tmp_path):
    registry = Accounts(tmp_path)
    registry.add("王书记", PASSWORD, "viewer", ["青山镇党委"])
    registry.add("文书甲", PASSWORD, "clerk", None)
    return registry


def test_hashes_are_salted_and_checked():
    first, second = hash_password(PASSWORD), hash_password(PASSWORD)
    assert first != second and first.startswith("scrypt$")
    assert check_password(PASSWORD, first) and not check_password("wrong", first)
    assert not check_password(PASSWORD, "garbage")


def test_users_file_holds_no_plaintext_password(accounts):
    text = accounts.users_file.read_text(encoding="utf-8")
    assert PASSWORD not in text and "scrypt$" in text
    assert oct(accounts.users_file.stat().st_mode & 0o777) == "0o600"


def test_roles_and_permissions(accounts):
    viewer, clerk = accounts.get("王书记"), accounts.get("文书甲")
    assert viewer.can("view") and not viewer.can("publish")
    assert clerk.can("publish") and not clerk.can("restore")
    assert viewer.groups == ("青山镇党委",) and clerk.groups is None


def test_wrong_password_is_refused_and_audited(accounts):
    assert accounts.sign_in("文书甲", "nope", NOW).user is None
    assert accounts.sign_in("文书甲", PASSWORD, NOW).user.name == "文书甲"
    actions = [(row["user"], row["action"], row["ok"]) for row in accounts.audit()]
    assert actions[:2] == [("文书甲", "sign_in", True), ("文书甲", "sign_in_failed", False)]


def test_growing_delay_after_repeated_failures(accounts):
    for _ in range(FREE_ATTEMPTS - 1):
        assert accounts.sign_in("文书甲", "nope", NOW).locked_seconds == 0
    third = accounts.sign_in("文书甲", "nope", NOW)
    assert third.locked_seconds == BASE_DELAY_SECONDS
    # While locked even the right password is refused without being checked.
    locked = accounts.sign_in("文书甲", PASSWORD, NOW + dt.timedelta(seconds=10))
    assert locked.user is None and locked.locked_seconds == BASE_DELAY_SECONDS - 10
    later = NOW + dt.timedelta(seconds=BASE_DELAY_SECONDS + 1)
    assert accounts.sign_in("文书甲", "nope", later).locked_seconds == 2 * BASE_DELAY_SECONDS
    after = later + dt.timedelta(seconds=2 * BASE_DELAY_SECONDS + 1)
    assert accounts.sign_in("文书甲", PASSWORD, after).user is not None
    assert accounts.sign_in("文书甲", "nope", after).locked_seconds == 0  # the count was reset


def test_unknown_user_is_refused_like_a_wrong_password(accounts):
    assert accounts.sign_in("nobody", PASSWORD, NOW).user is None


def test_user_changes_are_audited(accounts):
    accounts.set_password("文书甲", "another pass 2")
    accounts.remove("王书记")
    actions = [row["action"] for row in accounts.audit()]
    assert actions[:2] == ["user_remove", "user_passwd"]
    assert "user_add" in actions
    assert accounts.get("王书记") is None


def test_short_password_is_refused(tmp_path):
    with pytest.raises(ValueError):
        Accounts(tmp_path).add("x", "short", "viewer", None)


def test_group_limited_workbook_has_no_other_groups_names():
    workbook = read_workbook_file(SAMPLE_PATH).workbook
    limited = restrict(workbook, ("青山镇党委",))
    assert set(limited.members["group"]) == {"青山镇党委"}
    assert set(limited.plan["group"]) == {"青山镇党委"}
    assert set(limited.participation["member"]) <= set(limited.members["key"])
    assert set(limited.exams["group"]) == {"青山镇党委"}
    assert len(limited.talks) < len(workbook.talks)


def run_cli(*args, stdin=""):
    return subprocess.run(
        [sys.executable, "-m", "model", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


def test_users_cli_reads_the_password_from_stdin(tmp_path):
    data = str(tmp_path)
    added = run_cli(
        "users", "add", "李文书", "--role", "clerk", "--data", data, stdin="s3cret-pass\n"
    )
    assert added.returncode == 0, added.stdout
    assert "s3cret-pass" not in added.stdout + added.stderr
    listed = run_cli("users", "list", "--data", data)
    assert "李文书\tclerk\t全部" in listed.stdout
    limited = run_cli(
        "users",
        "add",
        "王书记",
        "--role",
        "viewer",
        "--groups",
        "青山镇党委",
        "--data",
        data,
        stdin="another-pass\n",
    )
    assert limited.returncode == 0
    assert Accounts(tmp_path).sign_in("李文书", "s3cret-pass").user is not None
    assert (
        run_cli("users", "passwd", "李文书", "--data", data, stdin="new-pass-123\n").returncode == 0
    )
    assert Accounts(tmp_path).sign_in("李文书", "new-pass-123").user is not None
    assert run_cli("users", "remove", "李文书", "--data", data).returncode == 0
    assert run_cli("users", "remove", "李文书", "--data", data).returncode == 1
    assert "s3cret-pass" not in (tmp_path / "audit.sqlite").read_bytes().decode("utf-8", "ignore")


def test_users_add_warns_about_groups_not_in_the_current_version(tmp_path):
    """A typo in --groups would leave the leader with an empty dashboard: say so when adding."""
    from model.store.versions import Store
    from tests.ledgers import MEMBERS
    from tests.workbooks import ledger, publish

    publish(Store(tmp_path), ledger(members=MEMBERS))  # v1 holds only 一组
    added = run_cli(
        "users",
        "add",
        "王书记",
        "--role",
        "viewer",
        "--groups",
        "一组,二组",
        "--data",
        str(tmp_path),
        stdin="another-pass\n",
    )
    assert added.returncode == 0  # added all the same: the group may come with the next upload
    assert "“二组”不在当前版本（v1）中" in added.stderr
    assert "“一组”" not in added.stderr


def test_lock_out_is_per_client(accounts):
    """Failures typed in one browser never lock the user out of another."""
    for _ in range(FREE_ATTEMPTS):
        accounts.sign_in("文书甲", "nope", NOW, client="10.0.0.66")
    assert accounts.sign_in("文书甲", PASSWORD, NOW, client="10.0.0.66").locked_seconds > 0
    assert accounts.sign_in("文书甲", PASSWORD, NOW, client="10.0.0.5").user is not None
    rows = accounts.audit(action="sign_in_locked")
    assert rows[0]["client"] == "10.0.0.66"
    assert accounts.audit(action="sign_in")[0]["client"] == "10.0.0.5"
    # A success from elsewhere does not lift the other client's delay (it doubles on).
    later = NOW + dt.timedelta(seconds=BASE_DELAY_SECONDS + 1)
    assert accounts.sign_in("文书甲", "nope", later, client="10.0.0.66").locked_seconds == (
        2 * BASE_DELAY_SECONDS
    )


def test_a_disabled_user_cannot_sign_in(accounts):
    accounts.set_disabled("文书甲", True, by="管理员")
    result = accounts.sign_in("文书甲", PASSWORD, NOW)
    assert result.user is None and result.disabled
    assert accounts.sign_in("文书甲", "nope", NOW).disabled is False  # a wrong one says nothing
    assert not accounts.get("文书甲").can("view")
    accounts.set_disabled("文书甲", False, by="管理员")
    assert accounts.sign_in("文书甲", PASSWORD, NOW).user is not None
    actions = [row["action"] for row in accounts.audit()]
    assert "user_disable" in actions and "user_enable" in actions


def test_role_and_groups_change_and_are_audited(accounts):
    accounts.set_role("王书记", "clerk", by="管理员")
    accounts.set_groups("王书记", ["青山镇党委", "城关镇党委"], by="管理员")
    user = accounts.get("王书记")
    assert user.role == "clerk" and user.groups == ("青山镇党委", "城关镇党委")
    accounts.set_groups("王书记", None, by="管理员")
    assert accounts.get("王书记").groups is None
    rows = accounts.audit(user="管理员")
    assert [r["action"] for r in rows] == ["user_groups", "user_groups", "user_role"]
    assert rows[2]["detail"] == "王书记 viewer clerk"


def test_the_last_admin_cannot_be_removed_demoted_or_disabled_in_the_app(tmp_path):
    from model.store.auth import LastAdmin

    accounts = Accounts(tmp_path)
    accounts.add("管理员", PASSWORD, "admin", None)
    accounts.add("文书甲", PASSWORD, "clerk", None)
    with pytest.raises(LastAdmin):
        accounts.remove("管理员", by="管理员", keep_an_admin=True)
    with pytest.raises(LastAdmin):
        accounts.set_role("管理员", "clerk", by="管理员")
    with pytest.raises(LastAdmin):
        accounts.set_disabled("管理员", True, by="管理员")
    accounts.add("副管理员", PASSWORD, "admin", None)
    accounts.set_disabled("副管理员", True, by="管理员")
    with pytest.raises(LastAdmin):  # a disabled admin manages nothing
        accounts.set_role("管理员", "viewer", by="管理员")
    accounts.set_disabled("副管理员", False, by="管理员")
    accounts.set_role("管理员", "clerk", by="副管理员")
    assert accounts.get("管理员").role == "clerk"


def test_an_old_audit_log_gains_the_client_column(tmp_path):
    import sqlite3

    with sqlite3.connect(tmp_path / "audit.sqlite") as db:
        db.executescript(
            "CREATE TABLE audit (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, "
            "user TEXT NOT NULL, action TEXT NOT NULL, ok INTEGER NOT NULL, "
            "detail TEXT NOT NULL DEFAULT '');"
            "INSERT INTO audit(at, user, action, ok) VALUES ('2026-01-01T00:00:00', 'cli', 'x', 1);"
            "CREATE TABLE failures (user TEXT PRIMARY KEY, count INTEGER, locked_until TEXT);"
        )
    accounts = Accounts(tmp_path)
    accounts.log("文书甲", "sign_in", True, client="10.0.0.5")
    assert [(r["action"], r["client"]) for r in accounts.audit()] == [
        ("sign_in", "10.0.0.5"),
        ("x", ""),
    ]


def test_users_add_says_what_is_wrong(tmp_path):
    data = str(tmp_path)
    short = run_cli("users", "add", "李文书", "--role", "clerk", "--data", data, stdin="x\n")
    assert short.returncode == 1
    # The name was given: only the password is wrong, and the message says so.
    assert "未添加：密码至少 8 位（现在只有 1 位）" in short.stdout
    assert "用户名" not in short.stdout
    ok = run_cli("users", "add", "李文书", "--role", "clerk", "--data", data, stdin="s3cret-pass\n")
    assert ok.returncode == 0
    again = run_cli(
        "users", "add", "李文书", "--role", "clerk", "--data", data, stdin="s3cret-pass\n"
    )
    assert "未添加：用户 李文书 已存在" in again.stdout
    blank = run_cli("users", "add", " ", "--role", "clerk", "--data", data, stdin="s3cret-pass\n")
    assert "未添加：用户名不能为空" in blank.stdout
