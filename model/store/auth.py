"""Users, roles, sign-in with lock-out, and the audit log: pure Python, no Streamlit.

Passwords are hashed with scrypt from the standard library (salted, memory-hard); the users
file holds only those hashes. Failed sign-ins and every sign-in, publish, restore and user
change go to an SQLite audit log beside the versions, with the client's address where there is
one. Repeated failures delay the next try for that user *from that client* only, so failures
typed in one browser never lock the user out of another. Sessions live in ``sessions``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from model.store.sessions import SessionStore
from model.texts.domain import Lang
from model.texts.notices import account_error_text

Role = Literal["viewer", "clerk", "admin"]
ROLES: tuple[Role, ...] = ("viewer", "clerk", "admin")
PERMISSIONS: dict[Role, frozenset[str]] = {
    "viewer": frozenset({"view"}),
    "clerk": frozenset({"view", "publish"}),
    "admin": frozenset({"view", "publish", "restore", "manage_users", "audit"}),
}
SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}
FREE_ATTEMPTS = 3  # failures before the delay starts
BASE_DELAY_SECONDS = 30  # doubles with each further failure
MAX_DELAY_SECONDS = 15 * 60

AUDIT_SCHEMA = """
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    user TEXT NOT NULL,
    action TEXT NOT NULL,
    ok INTEGER NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS client_failures (
    user TEXT NOT NULL,
    client TEXT NOT NULL,
    count INTEGER NOT NULL,
    locked_until TEXT,
    PRIMARY KEY (user, client)
);
"""
_MIGRATED: set[Path] = set()  # audit files this process has brought up to date


@dataclass(frozen=True)
class User:
    name: str
    role: Role
    groups: tuple[str, ...] | None  # None: every group
    disabled: bool = False

    def can(self, permission: str) -> bool:
        return not self.disabled and permission in PERMISSIONS[self.role]


class LastAdmin(ValueError):
    """The change would leave no enabled admin to manage the users in the app."""


DEMO_USER = User("演示", "admin", None)


@dataclass(frozen=True)
class SignIn:
    user: User | None
    locked_seconds: int = 0  # > 0: refused without checking, try again later
    disabled: bool = False  # the password was right but the account is disabled


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, **SCRYPT)
    return f"scrypt${SCRYPT['n']}${SCRYPT['r']}${SCRYPT['p']}${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    try:
        _, n, r, p, salt, digest = stored.split("$")
        computed = hashlib.scrypt(
            password.encode(),
            salt=bytes.fromhex(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(digest) // 2,
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(computed.hex(), digest)


MIN_PASSWORD = 8


class AccountError(ValueError):
    """A refused account change, as a code and its fields (words chosen at the edges; its
    str() is the Chinese text, for the command line)."""

    def __init__(self, code: str, **fields: object) -> None:
        self.code, self.fields = code, fields
        super().__init__(account_error_text(code, "zh", **fields))

    def text(self, lang: Lang = "zh") -> str:
        return account_error_text(self.code, lang, **self.fields)


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError("PASSWORD_SHORT", length=len(password))


class Accounts:
    """Users in ``users.json`` and the audit log in ``audit.sqlite`` under the data directory."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.users_file = self.root / "users.json"
        self.audit_file = self.root / "audit.sqlite"
        self.sessions = SessionStore(self.root)

    # Users -----------------------------------------------------------------------------------
    def _load(self) -> dict[str, dict]:
        if not self.users_file.exists():
            return {}
        return json.loads(self.users_file.read_text(encoding="utf-8"))

    def _save(self, users: dict[str, dict]) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=".users-", dir=self.root)
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump(users, file, ensure_ascii=False, indent=2)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(name, 0o600)
        os.replace(name, self.users_file)

    @contextmanager
    def _changing(self) -> Iterator[dict[str, dict]]:
        """The users to change, under a lock: two admins at once cannot both remove the last
        other admin, nor lose each other's change."""
        import fcntl

        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / ".users.lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            users = self._load()
            yield users
            self._save(users)

    def enabled(self) -> bool:
        """Sign-in is on as soon as one user exists; with none the app runs in demo mode."""
        return bool(self._load())

    def users(self) -> list[User]:
        return [_user(name, record) for name, record in sorted(self._load().items())]

    def get(self, name: str) -> User | None:
        record = self._load().get(name)
        return _user(name, record) if record else None

    def add(
        self, name: str, password: str, role: Role, groups: list[str] | None, by: str = "cli"
    ) -> User:
        if role not in ROLES:
            raise AccountError("ROLE_UNKNOWN", role=role)
        name = name.strip()
        if not name:
            raise AccountError("NAME_EMPTY")
        _check_password(password)
        with self._changing() as users:
            if name in users:
                raise AccountError("USER_EXISTS", name=name)
            users[name] = {"role": role, "groups": groups or None, "hash": hash_password(password)}
            added = _user(name, users[name])
        self.log(by, "user_add", True, f"{name} {role} {','.join(groups or [])}")
        return added

    def remove(self, name: str, by: str = "cli", keep_an_admin: bool = False) -> None:
        """Remove a user and end their sessions. ``keep_an_admin`` (the app): refuse to remove
        the last enabled admin; the server's command line may."""
        with self._changing() as users:
            if name not in users:
                raise KeyError(name)
            if keep_an_admin:
                _check_admin_left(users, name)
            del users[name]
        self.sessions.revoke_user(name)
        self.log(by, "user_remove", True, name)

    def set_password(self, name: str, password: str, by: str = "cli") -> None:
        """A new password; every session of the user ends (an old cookie signs no one in)."""
        _check_password(password)
        with self._changing() as users:
            if name not in users:
                raise KeyError(name)
            users[name]["hash"] = hash_password(password)
        self.sessions.revoke_user(name)
        self._clear_failures(name, None)
        self.log(by, "user_passwd", True, name)

    def set_role(self, name: str, role: Role, by: str) -> None:
        """A new role, read at the user's next action; the last enabled admin stays admin."""
        if role not in ROLES:
            raise AccountError("ROLE_UNKNOWN", role=role)
        with self._changing() as users:
            if name not in users:
                raise KeyError(name)
            if role != "admin":
                _check_admin_left(users, name)
            old = users[name]["role"]
            users[name]["role"] = role
        self.log(by, "user_role", True, f"{name} {old} {role}")

    def set_groups(self, name: str, groups: list[str] | None, by: str) -> None:
        """The central groups the user is limited to (None or empty: every group)."""
        with self._changing() as users:
            if name not in users:
                raise KeyError(name)
            users[name]["groups"] = list(groups) if groups else None
        self.log(by, "user_groups", True, f"{name} {','.join(groups or [])}")

    def set_disabled(self, name: str, disabled: bool, by: str) -> None:
        """Disable (every session ends, sign-in refused) or enable a user."""
        with self._changing() as users:
            if name not in users:
                raise KeyError(name)
            if disabled:
                _check_admin_left(users, name)
            users[name]["disabled"] = bool(disabled)
        if disabled:
            self.sessions.revoke_user(name)
        self.log(by, "user_disable" if disabled else "user_enable", True, name)

    def last_sign_ins(self) -> dict[str, str]:
        """Each user's last successful sign-in (ISO time, from the audit log)."""
        with closing(self._db()) as db:
            rows = db.execute(
                "SELECT user, MAX(at) FROM audit WHERE action = 'sign_in' AND ok = 1 GROUP BY user"
            ).fetchall()
        return {user: at for user, at in rows}

    # Sign-in ---------------------------------------------------------------------------------
    def sign_in(
        self, name: str, password: str, now: dt.datetime | None = None, client: str = ""
    ) -> SignIn:
        """Check a password, with a growing delay after repeated failures of this user from
        this client (its address as the server sees it; "" when unknown)."""
        now = now or dt.datetime.now()
        client = client[:100]
        locked = self._locked_seconds(name, client, now)
        if locked:
            self.log(name, "sign_in_locked", False, f"{locked}s", client)
            return SignIn(None, locked)
        record = self._load().get(name)
        # Hash even for unknown names so timing does not reveal which names exist.
        ok = (
            check_password(password, record["hash"] if record else _DUMMY_HASH)
            and record is not None
        )
        if ok:
            assert record is not None  # ok implies a known user
            self._clear_failures(name, client)
            if record.get("disabled"):
                self.log(name, "sign_in_failed", False, "disabled", client)
                return SignIn(None, disabled=True)
            self.log(name, "sign_in", True, "", client)
            return SignIn(_user(name, record))
        delay = self._record_failure(name, client, now)
        self.log(name, "sign_in_failed", False, f"delay {delay}s" if delay else "", client)
        return SignIn(None, delay)

    def _db(self) -> sqlite3.Connection:
        self.root.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.audit_file, timeout=30, isolation_level=None)
        connection.executescript(AUDIT_SCHEMA)
        if self.audit_file not in _MIGRATED:
            columns = {row[1] for row in connection.execute("PRAGMA table_info(audit)")}
            if "client" not in columns:  # an audit log from before clients were recorded
                connection.execute("ALTER TABLE audit ADD COLUMN client TEXT NOT NULL DEFAULT ''")
            connection.execute("DROP TABLE IF EXISTS failures")  # per user only: replaced
            _MIGRATED.add(self.audit_file)
        return connection

    def _locked_seconds(self, name: str, client: str, now: dt.datetime) -> int:
        with closing(self._db()) as db:
            row = db.execute(
                "SELECT locked_until FROM client_failures WHERE user = ? AND client = ?",
                (name, client),
            ).fetchone()
        if not row or not row[0]:
            return 0
        remaining = (dt.datetime.fromisoformat(row[0]) - now).total_seconds()
        return max(0, int(remaining + 0.999))

    def _record_failure(self, name: str, client: str, now: dt.datetime) -> int:
        with closing(self._db()) as db:
            db.execute("BEGIN IMMEDIATE")
            row = db.execute(
                "SELECT count FROM client_failures WHERE user = ? AND client = ?", (name, client)
            ).fetchone()
            count = (row[0] if row else 0) + 1
            delay = 0
            if count >= FREE_ATTEMPTS:
                delay = min(MAX_DELAY_SECONDS, BASE_DELAY_SECONDS * 2 ** (count - FREE_ATTEMPTS))
            until = (now + dt.timedelta(seconds=delay)).isoformat() if delay else None
            db.execute(
                "INSERT INTO client_failures(user, client, count, locked_until) VALUES (?,?,?,?) "
                "ON CONFLICT(user, client) DO UPDATE SET count = excluded.count, "
                "locked_until = excluded.locked_until",
                (name, client, count, until),
            )
            db.execute("COMMIT")
        return delay

    def _clear_failures(self, name: str, client: str | None) -> None:
        """Forget the failures of ``name`` from ``client`` (None: from every client)."""
        with closing(self._db()) as db:
            if client is None:
                db.execute("DELETE FROM client_failures WHERE user = ?", (name,))
            else:
                db.execute(
                    "DELETE FROM client_failures WHERE user = ? AND client = ?", (name, client)
                )

    # Audit -----------------------------------------------------------------------------------
    def log(self, user: str, action: str, ok: bool, detail: str = "", client: str = "") -> None:
        with closing(self._db()) as db:
            db.execute(
                "INSERT INTO audit(at, user, action, ok, detail, client) VALUES (?,?,?,?,?,?)",
                (
                    dt.datetime.now().isoformat(timespec="seconds"),
                    user,
                    action,
                    int(ok),
                    detail[:500],
                    client[:100],
                ),
            )

    def audit(
        self, user: str | None = None, action: str | None = None, limit: int = 1000
    ) -> list[dict]:
        query = "SELECT at, user, action, ok, detail, client FROM audit WHERE 1=1"
        args: list[object] = []
        if user:
            query, args = query + " AND user = ?", [*args, user]
        if action:
            query, args = query + " AND action = ?", [*args, action]
        with closing(self._db()) as db:
            rows = db.execute(query + " ORDER BY id DESC LIMIT ?", (*args, limit)).fetchall()
        return [
            {
                "at": r[0],
                "user": r[1],
                "action": r[2],
                "ok": bool(r[3]),
                "detail": r[4],
                "client": r[5],
            }
            for r in rows
        ]


_DUMMY_HASH = hash_password(secrets.token_hex(8))


def _user(name: str, record: dict) -> User:
    groups = record.get("groups")
    return User(
        name, record["role"], tuple(groups) if groups else None, bool(record.get("disabled"))
    )


def _check_admin_left(users: dict[str, dict], name: str) -> None:
    """Raise LastAdmin when ``name`` is the only enabled admin (and would stop being one)."""
    others = [
        other
        for other, record in users.items()
        if other != name and record["role"] == "admin" and not record.get("disabled")
    ]
    target = users[name]
    if target["role"] == "admin" and not target.get("disabled") and not others:
        raise LastAdmin(name)
