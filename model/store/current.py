"""What the dashboard shows now: the latest published version, or with none the bundled sample."""

from __future__ import annotations

from pathlib import Path

from model.dev.sample import SAMPLE_PATH
from model.store.versions import Store
from model.workbook.reader import read_workbook


def current_groups(data_dir: Path) -> tuple[int | None, set[str]]:
    """The version the dashboard shows (None: the bundled sample) and the central groups it holds.

    Published versions and the sample passed the checks when they were stored, so they are read
    here directly, as the dashboard reads them.
    """
    store = Store(data_dir)
    latest = store.current()
    if latest is None:
        data, where = SAMPLE_PATH.read_bytes(), None
    else:
        data, where = store.read_bytes(latest), latest.version
    workbook = read_workbook(data, max_bytes=len(data) + 1).workbook
    if workbook is None:
        return where, set()
    return where, set(workbook.members["group"].dropna()) | set(workbook.plan["group"].dropna())
