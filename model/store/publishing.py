"""From uploaded bytes to a published version: check, preview, publish (page and CLI alike)."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from model.engine.report import Report, build_report, default_year
from model.store.diff import Changes, compare
from model.store.versions import Store, Version
from model.store.workbook_diff import WorkbookDiff, diff_workbooks
from model.workbook.intake import MAX_UPLOAD_BYTES
from model.workbook.isolation import Limits, read_isolated
from model.workbook.reader import ReadResult, Workbook, read_workbook


@dataclass
class Prepared:
    """An upload checked against the store as it was when the clerk uploaded it."""

    data: bytes
    original_name: str
    result: ReadResult
    parent: Version | None  # the version current when the upload was checked
    changes: Changes | None
    finding_counts: dict[str, int]
    # For the diff, dropped once it is made: the parent version's workbook, and the upload's
    # report of its default year (made for the finding counts).
    previous: Workbook | None = None
    report: Report | None = field(default=None, repr=False)
    _diff: WorkbookDiff | None = field(default=None, repr=False)

    def diff(self) -> WorkbookDiff | None:
        """Every row, 参数 and status the upload changes against the version current when it
        was checked (issue #24); None for an upload with errors. Made once, when first asked."""
        if not self.publishable or self.result.workbook is None:
            return None
        if self._diff is None:
            self._diff = diff_workbooks(self.previous, self.result.workbook, new_report=self.report)
            # Kept in the page's session from now on: the diff, not what it was made from.
            self.previous = self.report = None
        return self._diff

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
    return _finding_counts(_default_report(result.workbook))


def _default_report(workbook: Workbook) -> Report:
    return build_report(workbook, default_year(workbook))


def _finding_counts(report: Report) -> dict[str, int]:
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
    report = _default_report(result.workbook)
    return Prepared(
        data,
        original_name,
        result,
        parent,
        compare(previous, result.workbook),
        _finding_counts(report),
        previous,
        report,
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


def published_diff(store: Store, prepared: Prepared, version: Version) -> WorkbookDiff | None:
    """What the published ``version`` changed against the version it replaced: the upload's
    diff, unless another version landed between the check and the publish (then against that
    one)."""
    checked_against = prepared.parent.version if prepared.parent else None
    if version.parent == checked_against or prepared.result.workbook is None:
        return prepared.diff()
    replaced = store.get(version.parent) if version.parent is not None else None
    return diff_workbooks(
        version_workbook(store, replaced) if replaced else None, prepared.result.workbook
    )


def version_workbook(store: Store, version: Version) -> Workbook | None:
    """A published version's workbook (it always reads; None if its file does not)."""
    return read_workbook(store.read_bytes(version), max_bytes=version.size + 1).workbook


def version_diff(
    store: Store,
    old: Version | None,
    new: Version,
    year: int | None = None,
    as_of: dt.date | None = None,
) -> WorkbookDiff | None:
    """What ``new`` changes against ``old`` (None: against nothing): for 版本历史's comparison
    of two versions, and, with ``old`` the current version, the preview of restoring ``new``.
    None if a version's file no longer reads."""
    after = version_workbook(store, new)
    before = version_workbook(store, old) if old is not None else None
    if after is None or (old is not None and before is None):
        return None
    return diff_workbooks(before, after, year, as_of)
