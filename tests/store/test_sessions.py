"""Server-side sessions (model/store/sessions): issue, resolve, idle and absolute expiry,
revoke, and only the id's hash at rest."""

import datetime as dt
import hashlib
import sqlite3

import pytest

from model.store.auth import Accounts
from model.store.sessions import (
    SESSION_ABSOLUTE_HOURS,
    SESSION_IDLE_MINUTES,
    SessionStore,
    idle_minutes,
)

NOW = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.delenv("XUEXI_SESSION_IDLE_MINUTES", raising=False)
    return SessionStore(tmp_path)


def test_issue_and_resolve(store):
    token = store.issue("文书甲", "10.0.0.5", NOW)
    assert len(token) >= 43  # 32 random bytes, base64url: 256 bits
    resolved = store.resolve(token, NOW + dt.timedelta(minutes=5))
    assert resolved.reason == "ok"
    session = resolved.session
    assert session.user == "文书甲" and session.client == "10.0.0.5"
    assert session.created == NOW
    assert session.expires == NOW + dt.timedelta(hours=SESSION_ABSOLUTE_HOURS)


def test_ids_are_random_and_unknown_ids_resolve_to_nothing(store):
    assert store.issue("a", now=NOW) != store.issue("a", now=NOW)
    assert store.resolve("not-a-session", NOW).reason == "unknown"
    assert store.resolve(None, NOW).reason == "none"
    assert store.resolve("", NOW).session is None


def test_only_the_hash_is_stored(store, tmp_path):
    token = store.issue("文书甲", now=NOW)
    raw = (tmp_path / "sessions.sqlite").read_bytes()
    assert token.encode() not in raw
    with sqlite3.connect(tmp_path / "sessions.sqlite") as db:
        (stored,) = db.execute("SELECT token_hash FROM sessions").fetchone()
    assert stored == hashlib.sha256(token.encode()).hexdigest()
    assert oct((tmp_path / "sessions.sqlite").stat().st_mode & 0o777) == "0o600"


def test_idle_expiry_and_use_keeps_it_alive(store):
    token = store.issue("文书甲", now=NOW)
    idle = dt.timedelta(minutes=SESSION_IDLE_MINUTES)
    # Used every 50 minutes: alive well past one idle period.
    moment = NOW
    for _ in range(4):
        moment += dt.timedelta(minutes=50)
        assert store.resolve(token, moment).reason == "ok"
    assert store.resolve(token, moment + idle + dt.timedelta(seconds=1)).reason == "expired"
    assert store.resolve(token, moment).reason == "unknown"  # deleted, never back


def test_idle_minutes_from_the_environment(store, monkeypatch):
    monkeypatch.setenv("XUEXI_SESSION_IDLE_MINUTES", "5")
    assert idle_minutes() == 5
    token = store.issue("文书甲", now=NOW)
    assert store.resolve(token, NOW + dt.timedelta(minutes=4)).reason == "ok"
    assert store.resolve(token, NOW + dt.timedelta(minutes=10)).reason == "expired"
    for bad in ("0", "-3", "abc", ""):
        monkeypatch.setenv("XUEXI_SESSION_IDLE_MINUTES", bad)
        assert idle_minutes() == SESSION_IDLE_MINUTES


def test_absolute_lifetime_holds_however_busy(store):
    token = store.issue("文书甲", now=NOW)
    moment = NOW
    end = NOW + dt.timedelta(hours=SESSION_ABSOLUTE_HOURS)
    while moment + dt.timedelta(minutes=30) < end:
        moment += dt.timedelta(minutes=30)
        assert store.resolve(token, moment).reason == "ok"
    assert store.resolve(token, end).reason == "expired"


def test_revoke_one_and_every_session_of_a_user(store):
    first, second = store.issue("文书甲", now=NOW), store.issue("文书甲", now=NOW)
    other = store.issue("王书记", now=NOW)
    assert store.revoke(first) == "文书甲"
    assert store.resolve(first, NOW).reason == "unknown"
    assert store.revoke(first) is None
    assert store.revoke_user("文书甲") == 1
    assert store.resolve(second, NOW).session is None
    assert store.resolve(other, NOW).session.user == "王书记"
    assert store.active(NOW) == {"王书记": 1}


def test_password_change_disable_and_removal_end_the_users_sessions(tmp_path):
    accounts = Accounts(tmp_path)
    accounts.add("管理员", "correct horse 1", "admin", None)
    accounts.add("文书甲", "correct horse 1", "clerk", None)
    for change in (
        lambda: accounts.set_password("文书甲", "another pass 2", by="管理员"),
        lambda: accounts.set_disabled("文书甲", True, by="管理员"),
        lambda: accounts.remove("文书甲", by="管理员"),
    ):
        token = accounts.sessions.issue("文书甲")
        change()
        assert accounts.sessions.resolve(token).session is None
    assert accounts.sessions.resolve(accounts.sessions.issue("管理员")).session is not None


def test_expired_sessions_are_purged_when_a_new_one_is_issued(store, tmp_path):
    store.issue("旧", now=NOW)
    store.issue("新", now=NOW + dt.timedelta(hours=2))
    with sqlite3.connect(tmp_path / "sessions.sqlite") as db:
        users = [row[0] for row in db.execute("SELECT user FROM sessions")]
    assert users == ["新"]
