"""Server-side sign-in sessions: pure Python, no Streamlit.

A session id is 256 random bits handed to the browser once, in a cookie; only its sha256 is
kept, in ``sessions.sqlite`` in the data directory, with the user, when it was created, when it
was last seen and when it ends at the latest. A session ends when it has been idle longer than
``XUEXI_SESSION_IDLE_MINUTES`` (60 by default), 12 hours after it was created, at sign-out, and
when the user's password is changed or the user is disabled or removed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import secrets
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

SESSION_IDLE_MINUTES = 60
SESSION_ABSOLUTE_HOURS = 12
TOUCH_SECONDS = 30  # last seen is written at most this often, not on every rerun

SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    token_hash TEXT PRIMARY KEY,
    user TEXT NOT NULL,
    created TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    expires TEXT NOT NULL,
    client TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS sessions_user ON sessions(user);
"""


def idle_minutes() -> int:
    """The idle limit: ``XUEXI_SESSION_IDLE_MINUTES`` when it is a positive number, else 60."""
    try:
        value = int(os.environ.get("XUEXI_SESSION_IDLE_MINUTES", ""))
    except ValueError:
        return SESSION_IDLE_MINUTES
    return value if value > 0 else SESSION_IDLE_MINUTES


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Session:
    user: str
    created: dt.datetime
    last_seen: dt.datetime
    expires: dt.datetime  # the absolute end; the idle end moves with last_seen
    client: str


@dataclass(frozen=True)
class Resolved:
    """What a presented id comes to: a live session, or why not."""

    session: Session | None
    reason: Literal["ok", "none", "unknown", "expired"]


class SessionStore:
    """The sessions of one data directory."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.file = self.root / "sessions.sqlite"

    def _db(self) -> sqlite3.Connection:
        self.root.mkdir(parents=True, exist_ok=True)
        fresh = not self.file.exists()
        connection = sqlite3.connect(self.file, timeout=30, isolation_level=None)
        if fresh:
            os.chmod(self.file, 0o600)
        connection.executescript(SCHEMA)
        return connection

    def issue(self, user: str, client: str = "", now: dt.datetime | None = None) -> str:
        """A new session for ``user``; returns the id (shown once, never stored)."""
        now = now or _now()
        token = secrets.token_urlsafe(32)  # 256 bits
        expires = now + dt.timedelta(hours=SESSION_ABSOLUTE_HOURS)
        with closing(self._db()) as db:
            self._purge(db, now)
            db.execute(
                "INSERT INTO sessions(token_hash, user, created, last_seen, expires, client) "
                "VALUES (?,?,?,?,?,?)",
                (token_hash(token), user, _iso(now), _iso(now), _iso(expires), client[:100]),
            )
        return token

    def resolve(self, token: str | None, now: dt.datetime | None = None) -> Resolved:
        """The live session behind ``token`` (its last seen moved on), or why there is none.

        An idle or too old session is deleted here, so presenting it again finds nothing.
        """
        if not token:
            return Resolved(None, "none")
        now = now or _now()
        digest = token_hash(token)
        if not self.file.exists():
            return Resolved(None, "unknown")
        with closing(self._db()) as db:
            row = db.execute(
                "SELECT user, created, last_seen, expires, client FROM sessions "
                "WHERE token_hash = ?",
                (digest,),
            ).fetchone()
            if row is None:
                return Resolved(None, "unknown")
            user, created, last_seen, expires, client = row
            created_at = dt.datetime.fromisoformat(created)
            seen_at = dt.datetime.fromisoformat(last_seen)
            ends_at = dt.datetime.fromisoformat(expires)
            idle = dt.timedelta(minutes=idle_minutes())
            if now >= ends_at or now - seen_at > idle:
                db.execute("DELETE FROM sessions WHERE token_hash = ?", (digest,))
                return Resolved(None, "expired")
            if (now - seen_at).total_seconds() >= TOUCH_SECONDS:
                db.execute(
                    "UPDATE sessions SET last_seen = ? WHERE token_hash = ?", (_iso(now), digest)
                )
                seen_at = now
        return Resolved(Session(user, created_at, seen_at, ends_at, client), "ok")

    def revoke(self, token: str | None) -> str | None:
        """End the session behind ``token``; returns its user, None if there was none."""
        if not token or not self.file.exists():
            return None
        digest = token_hash(token)
        with closing(self._db()) as db:
            row = db.execute("SELECT user FROM sessions WHERE token_hash = ?", (digest,)).fetchone()
            db.execute("DELETE FROM sessions WHERE token_hash = ?", (digest,))
        return row[0] if row else None

    def revoke_user(self, user: str) -> int:
        """End every session of ``user`` (password changed, disabled, removed)."""
        if not self.file.exists():
            return 0
        with closing(self._db()) as db:
            return db.execute("DELETE FROM sessions WHERE user = ?", (user,)).rowcount

    def active(self, now: dt.datetime | None = None) -> dict[str, int]:
        """How many live sessions each user has."""
        if not self.file.exists():
            return {}
        now = now or _now()
        with closing(self._db()) as db:
            self._purge(db, now)
            rows = db.execute("SELECT user, COUNT(*) FROM sessions GROUP BY user").fetchall()
        return {user: count for user, count in rows}

    @staticmethod
    def _purge(db: sqlite3.Connection, now: dt.datetime) -> None:
        idle_start = now - dt.timedelta(minutes=idle_minutes())
        db.execute(
            "DELETE FROM sessions WHERE expires <= ? OR last_seen < ?",
            (_iso(now), _iso(idle_start)),
        )
