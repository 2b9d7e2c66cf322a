"""From uploaded bytes to a published version: check, preview, publish (page and CLI alike)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from model.engine.report import build_report, default_year
from model.store.diff import Changes, compare
from model.store.versions import Store, Version
from model.workbook.intake import MAX_UPLOAD_BYTES
from model.workbook.isolation import Limits, read_isolated
from model.workbook.reader import ReadResult, read_workbook


@dataclass
class Prepared:
    """An upload checked against the store as it was when the clerk uploaded it."""

    data: bytes
    original_name: str
    result: ReadResult
    parent: Version | None  # the version current when the upload was checked
    changes: Changes | None
    finding_counts: dict[str, int]

    @property
    def identical(self) -> bool:
        """The very bytes of the version current at upload time: nothing to publish (the store
        refuses them too; this lets the preview say so before anyone presses 发布)."""
        digest = hashlib.sha256(self.data).hexdigest()
        return self.parent is not None and self.parent.sha256 == digest

    @property
    def publishable(self) -> bool:
        return self.result.ok


def finding_counts(result: ReadResult) -> dict[str, int]:
    if result.workbook is None:
        return {}
    workbook = result.workbook
    report = build_report(workbook, default_year(workbook))
    return {str(code): int(count) for code, count in report.findings["code"].value_counts().items()}


def prepare(
    store: Store,
    data: bytes,
    original_name: str,
    max_bytes: int = MAX_UPLOAD_BYTES,
    limits: Limits | None = None,
) -> Prepared:
    """Check an upload (in the isolated reader) and compare it with the current version."""
    result = read_isolated(data, max_bytes, limits)
    parent = store.current()
    if not result.ok:
        return Prepared(data, original_name, result, parent, None, {})
    previous = None
    if parent is not None:
        previous_result = read_workbook(store.read_bytes(parent), max_bytes=parent.size + 1)
        previous = previous_result.workbook
    assert result.workbook is not None
    return Prepared(
        data,
        original_name,
        result,
        parent,
        compare(previous, result.workbook),
        finding_counts(result),
    )


def publish(
    store: Store, prepared: Prepared, user: str, comment: str = "", confirm_stale: bool = False
) -> Version:
    """Publish a checked upload; raises StaleUpload if another version landed meanwhile."""
    if not prepared.publishable or prepared.result.workbook is None:
        raise ValueError("an upload with errors is never published")
    expected = False if confirm_stale else (prepared.parent.version if prepared.parent else None)
    return store.publish(
        prepared.data,
        user=user,
        original_name=prepared.original_name,
        row_counts=prepared.result.workbook.counts(),
        finding_counts=prepared.finding_counts,
        comment=comment,
        expected_parent=expected,
        file_format=prepared.result.kind.format if prepared.result.kind else "xlsx",
    )


def restore_changes(store: Store, version: Version) -> Changes:
    """What restoring ``version`` would change against the current version (asked before)."""
    current = store.current()

    def workbook(chosen: Version):
        return read_workbook(store.read_bytes(chosen), max_bytes=chosen.size + 1).workbook

    restored = workbook(version)
    if restored is None:  # a published version always reads; an empty preview if not
        return Changes()
    return compare(workbook(current) if current is not None else None, restored)
