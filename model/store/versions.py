"""Published versions on disk with an SQLite index: publish, history, restore; nothing deleted.

Each version is a file named by number and sha256, written to a temp file, fsynced and renamed
inside one ``BEGIN IMMEDIATE`` transaction, so two clerks publishing at once get two consistent
versions and a crash at any point leaves the previous version current.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from model.store.index_schema import COLUMNS, SCHEMA, migrate

# The comment a restore stores with its version: data in the index (older stores hold it too),
# read back by pages/history.py, which shows it in the chosen language.
RESTORED_COMMENT = "恢复自 v{version}"

logger = logging.getLogger(__name__)


def default_data_dir(configured: str | None = None) -> Path:
    return Path(configured or os.environ.get("XUEXI_DATA_DIR") or "data").resolve()


@dataclass(frozen=True)
class Version:
    version: int
    published_at: str
    user: str
    original_name: str
    size: int
    sha256: str
    row_counts: dict[str, int]
    finding_counts: dict[str, int]
    parent: int | None
    comment: str
    file_name: str
    scope: tuple[str, ...] | None = None  # the groups a scoped publish replaced; None: all
    upload_sha: str | None = None  # the clerk's file behind a composed version (uploads/)

    def touches(self, group: str) -> bool:
        """Whether this version may have changed ``group``'s rows (a whole publish may have)."""
        return self.scope is None or group in self.scope

    @property
    def file_format(self) -> str:
        """The stored file's format (xlsx, xls, ods …): the clerk's own bytes are kept as sent."""
        return Path(self.file_name).suffix.lstrip(".") or "xlsx"


class StaleUpload(Exception):
    """The upload was prepared against a version that is no longer current."""

    def __init__(self, expected: int | None, current: int | None) -> None:
        super().__init__(f"prepared against v{expected}, current is v{current}")
        self.expected = expected
        self.current = current


class IdenticalToCurrent(Exception):
    """The same bytes are already the current version."""

    def __init__(self, version: Version) -> None:
        super().__init__(f"identical to current v{version.version}")
        self.version = version


@dataclass(frozen=True)
class Draft:
    """What a publish writes, decided under the write lock by a ``commit`` builder."""

    data: bytes
    row_counts: dict[str, int]
    finding_counts: dict[str, int]
    file_format: str = "xlsx"
    scope: tuple[str, ...] | None = None
    upload: bytes | None = None  # the clerk's own bytes, kept beside a composed version
    upload_format: str = "xlsx"


class Store:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.files = self.root / "versions"
        self.index = self.root / "index.sqlite"
        self.quarantine = self.root / "quarantine"
        self.uploads = self.root / "uploads"

    # Reading never creates anything: a fresh machine shows the sample without a data folder.
    def _connect(self, create: bool = False) -> sqlite3.Connection | None:
        if not create and not self.index.exists():
            return None
        self.files.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.index, timeout=30, isolation_level=None)
        # Two processes creating the index at once: switching a new file to WAL can answer
        # "database is locked" at once, without waiting; the switch is retried for a while.
        deadline = time.monotonic() + 30
        while True:
            try:
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("PRAGMA synchronous=FULL")
                connection.executescript(SCHEMA)
                migrate(connection)
                return connection
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    connection.close()
                    raise
                time.sleep(0.05)

    def versions(self) -> list[Version]:
        connection = self._connect()
        if connection is None:
            return []
        with closing(connection):
            rows = connection.execute(
                f"SELECT {COLUMNS} FROM versions ORDER BY version DESC"
            ).fetchall()
        return [_version(row) for row in rows]

    def current(self) -> Version | None:
        connection = self._connect()
        if connection is None:
            return None
        with closing(connection):
            row = connection.execute(
                f"SELECT {COLUMNS} FROM versions ORDER BY version DESC LIMIT 1"
            ).fetchone()
        return _version(row) if row else None

    def get(self, version: int) -> Version | None:
        connection = self._connect()
        if connection is None:
            return None
        with closing(connection):
            row = connection.execute(
                f"SELECT {COLUMNS} FROM versions WHERE version = ?", (version,)
            ).fetchone()
        return _version(row) if row else None

    def find_sha(self, sha256: str) -> list[Version]:
        return [v for v in self.versions() if v.sha256 == sha256]

    def file_path(self, version: Version) -> Path:
        return self.files / version.file_name

    def read_bytes(self, version: Version) -> bytes:
        data = self.file_path(version).read_bytes()
        if hashlib.sha256(data).hexdigest() != version.sha256:
            raise OSError(f"version {version.version} does not match its sha256")
        return data

    def publish(
        self,
        data: bytes,
        *,
        user: str,
        original_name: str,
        row_counts: dict[str, int],
        finding_counts: dict[str, int],
        comment: str = "",
        expected_parent: int | bool | None = False,
        file_format: str = "xlsx",
    ) -> Version:
        """Publish ``data`` (a workbook of ``file_format``) as the next version.

        ``expected_parent`` is the version the upload was prepared against (``None`` for an empty
        store); if another version was published meanwhile, StaleUpload is raised. ``False``
        skips that check (a confirmed upload, a restore).
        """
        sha = hashlib.sha256(data).hexdigest()

        def as_sent(current: Version | None, _history: list[Version]) -> Draft:
            current_number = current.version if current else None
            if current and current.sha256 == sha:
                raise IdenticalToCurrent(current)
            if expected_parent is not False and expected_parent != current_number:
                raise StaleUpload(expected_parent, current_number)
            return Draft(data, row_counts, finding_counts, file_format)

        return self.commit(as_sent, user=user, original_name=original_name, comment=comment)

    def commit(
        self,
        build: Callable[[Version | None, list[Version]], Draft],
        *,
        user: str,
        original_name: str,
        comment: str = "",
    ) -> Version:
        """Publish what ``build`` makes of the latest version, all under the write lock.

        ``build`` gets the current version and every version (newest first) and returns the
        Draft to write, or raises to publish nothing (IdenticalToCurrent, StaleUpload, …). A
        scoped publish composes its workbook here, so two clerks of different groups publishing
        at once each compose against the other's result and neither loses rows.
        """
        connection = self._connect(create=True)
        assert connection is not None
        temp: Path | None = None
        try:
            with closing(connection):
                connection.execute("BEGIN IMMEDIATE")
                try:
                    # Under the write lock, every temp file is a dead publisher's: clear them first.
                    self._quarantine_strays(connection)
                    rows = connection.execute(
                        f"SELECT {COLUMNS} FROM versions ORDER BY version DESC"
                    ).fetchall()
                    history = [_version(row) for row in rows]
                    current = history[0] if history else None
                    current_number = current.version if current else None
                    draft = build(current, history)
                    sha = hashlib.sha256(draft.data).hexdigest()
                    if current and current.sha256 == sha:
                        raise IdenticalToCurrent(current)
                    upload_sha = self._keep_upload(draft)
                    number = (current_number or 0) + 1
                    temp = self._write_temp(draft.data)
                    file_name = f"v{number:05d}-{sha[:16]}.{draft.file_format}"
                    version = Version(
                        number,
                        dt.datetime.now().isoformat(timespec="seconds"),
                        user,
                        original_name,
                        len(draft.data),
                        sha,
                        draft.row_counts,
                        draft.finding_counts,
                        current_number,
                        comment,
                        file_name,
                        draft.scope,
                        upload_sha,
                    )
                    os.replace(temp, self.files / file_name)
                    _fsync_dir(self.files)
                    connection.execute(
                        f"INSERT INTO versions ({COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        (
                            version.version,
                            version.published_at,
                            version.user,
                            version.original_name,
                            version.size,
                            version.sha256,
                            json.dumps(version.row_counts, ensure_ascii=False),
                            json.dumps(version.finding_counts, ensure_ascii=False),
                            version.parent,
                            version.comment,
                            version.file_name,
                            None
                            if version.scope is None
                            else json.dumps(list(version.scope), ensure_ascii=False),
                            version.upload_sha,
                        ),
                    )
                    connection.execute("COMMIT")
                except BaseException:
                    connection.execute("ROLLBACK")
                    raise
        finally:
            if temp is not None and temp.exists():
                temp.unlink()
        return version

    def _keep_upload(self, draft: Draft) -> str | None:
        """The clerk's own bytes of a composed version, in uploads/ named by sha256 (audit).

        Written before the commit: a publish that then fails leaves an unreferenced upload,
        which is harmless (the same bytes get the same name) and never a half version."""
        if draft.upload is None:
            return None
        sha = hashlib.sha256(draft.upload).hexdigest()
        self.uploads.mkdir(parents=True, exist_ok=True)
        target = self.uploads / f"{sha}.{draft.upload_format}"
        if not target.exists():
            temp = self._write_temp(draft.upload)
            os.replace(temp, target)
            _fsync_dir(self.uploads)
        return sha

    def upload_path(self, version: Version) -> Path | None:
        """The clerk's own file behind a composed version, if it has one."""
        if version.upload_sha is None:
            return None
        found = sorted(self.uploads.glob(f"{version.upload_sha}.*"))
        return found[0] if found else None

    def recover(self) -> list[str]:
        """Move what a killed publish left behind to ``quarantine/``; the names moved."""
        connection = self._connect()
        if connection is None:
            return []
        with closing(connection):
            connection.execute("BEGIN IMMEDIATE")
            try:
                moved = self._quarantine_strays(connection)
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
        return moved

    def _quarantine_strays(self, connection: sqlite3.Connection) -> list[str]:
        """Temp files and version files missing from the index, moved aside (never deleted).

        Called only under the write lock: no live publisher has a temp file then, and a version
        file not in the index is one whose transaction never committed.
        """
        if not self.files.exists():
            return []
        indexed = {row[0] for row in connection.execute("SELECT file_name FROM versions")}
        strays = [
            path
            for path in self.files.iterdir()
            if path.is_file()
            and (
                (path.name.startswith(".upload-") and path.name.endswith(".tmp"))
                or (path.name.startswith("v") and path.name not in indexed)
            )
        ]
        if not strays:
            return []
        self.quarantine.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
        with (self.quarantine / "quarantine.log").open("a", encoding="utf-8") as log:
            for path in strays:
                os.replace(path, self.quarantine / f"{stamp}-{path.name}")
                log.write(f"{stamp}\t{path.name}\n")
        _fsync_dir(self.files)
        logger.warning("store: moved %d stray file(s) to %s", len(strays), self.quarantine)
        return [path.name for path in strays]

    def quarantined(self) -> list[str]:
        """Files ever moved to quarantine, oldest first."""
        if not self.quarantine.exists():
            return []
        return sorted(p.name for p in self.quarantine.iterdir() if p.name != "quarantine.log")

    def restore(self, number: int, user: str) -> Version:
        """Publish an earlier version again as a new one; nothing is ever deleted."""
        old = self.get(number)
        if old is None:
            raise KeyError(number)
        return self.publish(
            self.read_bytes(old),
            user=user,
            original_name=old.original_name,
            row_counts=old.row_counts,
            finding_counts=old.finding_counts,
            comment=RESTORED_COMMENT.format(version=number),
            file_format=old.file_format,
        )

    def _write_temp(self, data: bytes) -> Path:
        self.files.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=".upload-", suffix=".tmp", dir=self.files)
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        return Path(name)


def _fsync_dir(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _version(row: tuple) -> Version:
    values = list(row)
    values[6] = json.loads(values[6])
    values[7] = json.loads(values[7])
    values[11] = None if values[11] is None else tuple(json.loads(values[11]))
    return Version(*values)
