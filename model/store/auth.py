"""Users, roles, sign-in with lock-out, and the audit log: pure Python, no Streamlit.

Passwords are hashed with scrypt from the standard library (salted, memory-hard); the users
file holds only those hashes. Failed sign-ins and every sign-in, publish, restore and user
change go to an SQLite audit log beside the versions.
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
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

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
SESSION_IDLE_MINUTES = 60

AUDIT_SCHEMA = """
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    user TEXT NOT NULL,
    action TEXT NOT NULL,
    ok INTEGER NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS failures (
    user TEXT PRIMARY KEY,
    count INTEGER NOT NULL,
    locked_until TEXT
);
"""


@dataclass(frozen=True)
class User:
    name: str
    role: Role
    groups: tuple[str, ...] | None  # None: every group

    def can(self, permission: str) -> bool:
        return permission in PERMISSIONS[self.role]


DEMO_USER = User("演示", "admin", None)


@dataclass(frozen=True)
class SignIn:
    user: User | None
    locked_seconds: int = 0  # > 0: refused without checking, try again later


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


class Accounts:
    """Users in ``users.json`` and the audit log in ``audit.sqlite`` under the data directory."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.users_file = self.root / "users.json"
        self.audit_file = self.root / "audit.sqlite"

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
            raise ValueError(f"unknown role {role}")
        name = name.strip()
        if not name or len(password) < 8:
            raise ValueError("用户名不能为空，密码至少 8 位")
        users = self._load()
        if name in users:
            raise ValueError(f"用户 {name} 已存在")
        users[name] = {"role": role, "groups": groups or None, "hash": hash_password(password)}
        self._save(users)
        self.log(by, "user_add", True, f"{name} {role} {','.join(groups or [])}")
        return _user(name, users[name])

    def remove(self, name: str, by: str = "cli") -> None:
        users = self._load()
        if users.pop(name, None) is None:
            raise KeyError(name)
        self._save(users)
        self.log(by, "user_remove", True, name)

    def set_password(self, name: str, password: str, by: str = "cli") -> None:
        users = self._load()
        if name not in users:
            raise KeyError(name)
        if len(password) < 8:
            raise ValueError("密码至少 8 位")
        users[name]["hash"] = hash_password(password)
        self._save(users)
        self._clear_failures(name)
        self.log(by, "user_passwd", True, name)

    # Sign-in ---------------------------------------------------------------------------------
    def sign_in(self, name: str, password: str, now: dt.datetime | None = None) -> SignIn:
        """Check a password, with a growing delay after repeated failures (per user name)."""
        now = now or dt.datetime.now()
        locked = self._locked_seconds(name, now)
        if locked:
            self.log(name, "sign_in_locked", False, f"{locked}s")
            return SignIn(None, locked)
        record = self._load().get(name)
        # Hash even for unknown names so timing does not reveal which names exist.
        ok = (
            check_password(password, record["hash"] if record else _DUMMY_HASH)
            and record is not None
        )
        if ok:
            self._clear_failures(name)
            self.log(name, "sign_in", True)
            assert record is not None  # ok implies a known user
            return SignIn(_user(name, record))
        delay = self._record_failure(name, now)
        self.log(name, "sign_in_failed", False, f"delay {delay}s" if delay else "")
        return SignIn(None, delay)

    def _db(self) -> sqlite3.Connection:
        self.root.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.audit_file, timeout=30, isolation_level=None)
        connection.executescript(AUDIT_SCHEMA)
        return connection

    def _locked_seconds(self, name: str, now: dt.datetime) -> int:
        with closing(self._db()) as db:
            row = db.execute("SELECT locked_until FROM failures WHERE user = ?", (name,)).fetchone()
        if not row or not row[0]:
            return 0
        remaining = (dt.datetime.fromisoformat(row[0]) - now).total_seconds()
        return max(0, int(remaining + 0.999))

    def _record_failure(self, name: str, now: dt.datetime) -> int:
        with closing(self._db()) as db:
            db.execute("BEGIN IMMEDIATE")
            row = db.execute("SELECT count FROM failures WHERE user = ?", (name,)).fetchone()
            count = (row[0] if row else 0) + 1
            delay = 0
            if count >= FREE_ATTEMPTS:
                delay = min(MAX_DELAY_SECONDS, BASE_DELAY_SECONDS * 2 ** (count - FREE_ATTEMPTS))
            until = (now + dt.timedelta(seconds=delay)).isoformat() if delay else None
            db.execute(
                "INSERT INTO failures(user, count, locked_until) VALUES (?,?,?) "
                "ON CONFLICT(user) DO UPDATE SET count = excluded.count, locked_until = excluded.locked_until",
                (name, count, until),
            )
            db.execute("COMMIT")
        return delay

    def _clear_failures(self, name: str) -> None:
        with closing(self._db()) as db:
            db.execute("DELETE FROM failures WHERE user = ?", (name,))

    # Audit -----------------------------------------------------------------------------------
    def log(self, user: str, action: str, ok: bool, detail: str = "") -> None:
        with closing(self._db()) as db:
            db.execute(
                "INSERT INTO audit(at, user, action, ok, detail) VALUES (?,?,?,?,?)",
                (
                    dt.datetime.now().isoformat(timespec="seconds"),
                    user,
                    action,
                    int(ok),
                    detail[:500],
                ),
            )

    def audit(
        self, user: str | None = None, action: str | None = None, limit: int = 1000
    ) -> list[dict]:
        query = "SELECT at, user, action, ok, detail FROM audit WHERE 1=1"
        args: list[object] = []
        if user:
            query, args = query + " AND user = ?", [*args, user]
        if action:
            query, args = query + " AND action = ?", [*args, action]
        with closing(self._db()) as db:
            rows = db.execute(query + " ORDER BY id DESC LIMIT ?", (*args, limit)).fetchall()
        return [
            {"at": r[0], "user": r[1], "action": r[2], "ok": bool(r[3]), "detail": r[4]}
            for r in rows
        ]


_DUMMY_HASH = hash_password(secrets.token_hex(8))


def _user(name: str, record: dict) -> User:
    groups = record.get("groups")
    return User(name, record["role"], tuple(groups) if groups else None)
