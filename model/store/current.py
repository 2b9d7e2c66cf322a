"""What the dashboard shows now: the latest published version, or with none the bundled sample."""

from __future__ import annotations

from pathlib import Path

from model.dev.sample import SAMPLE_PATH
from model.store.versions import Store
from model.workbook.reader import read_workbook


def current_groups(data_dir: Path) -> tuple[str, set[str]]:
    """Where the shown data comes from (for a message) and the central groups it holds.

    Published versions and the sample passed the checks when they were stored, so they are read
    here directly, as the dashboard reads them.
    """
    store = Store(data_dir)
    latest = store.current()
    if latest is None:
        data, where = SAMPLE_PATH.read_bytes(), "示例数据"
    else:
        data, where = store.read_bytes(latest), f"当前版本（v{latest.version}）"
    workbook = read_workbook(data, max_bytes=len(data) + 1).workbook
    if workbook is None:
        return where, set()
    return where, set(workbook.members["group"].dropna()) | set(workbook.plan["group"].dropna())
