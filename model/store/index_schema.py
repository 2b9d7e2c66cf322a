"""The version index's table: its schema, and the columns added since the first release."""

from __future__ import annotations

import sqlite3

SCHEMA = """
CREATE TABLE IF NOT EXISTS versions (
    version INTEGER PRIMARY KEY,
    published_at TEXT NOT NULL,
    user TEXT NOT NULL,
    original_name TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    row_counts TEXT NOT NULL,
    finding_counts TEXT NOT NULL,
    parent INTEGER,
    comment TEXT NOT NULL DEFAULT '',
    file_name TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS versions_sha ON versions(sha256);
"""
# Columns added after the first release: ALTERed into an older index when it is opened, so a
# data folder of an earlier version keeps working (old rows read as whole-workbook publishes).
ADDED_COLUMNS = {
    "scope": "TEXT",  # JSON list of the groups a scoped publish replaced; NULL: whole workbook
    "upload_sha": "TEXT",  # sha256 of the clerk's own file, kept in uploads/ when it differs
}
COLUMNS = (
    "version, published_at, user, original_name, size, sha256, row_counts, finding_counts, "
    "parent, comment, file_name, scope, upload_sha"
)


def migrate(connection: sqlite3.Connection) -> None:
    """Add the columns an older index lacks; two processes racing to add one both succeed."""
    present = {row[1] for row in connection.execute("PRAGMA table_info(versions)")}
    for name, kind in ADDED_COLUMNS.items():
        if name not in present:
            try:
                connection.execute(f"ALTER TABLE versions ADD COLUMN {name} {kind}")
            except sqlite3.OperationalError as exc:
                if "duplicate column" not in str(exc):
                    raise
