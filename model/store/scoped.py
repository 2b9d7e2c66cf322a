"""Many clerks, one county: a group clerk downloads their groups' rows and publishes them back.

A scoped publish takes the latest version, replaces exactly the clerk's groups' rows by those of
the upload, checks the composed workbook and publishes it as a new .xlsx version; the clerk's own
bytes are kept beside it. Composing happens inside the store's write lock, against the latest
version, so two clerks of different groups publishing at once both land.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field

from model.engine.findings import find_all
from model.engine.report import default_year
from model.engine.timeline import build_timeline
from model.outputs.group_file import ALL_GROUPS, ledger_file, recorded_bases
from model.store.diff import Changes, compare
from model.store.group_rows import (
    Composition,
    Raws,
    at_upload_cells,
    compose,
    cut,
    other_groups_rows,
    settings_rows,
)
from model.store.versions import Draft, IdenticalToCurrent, StaleUpload, Store, Version
from model.store.workbook_diff import WorkbookDiff, diff_workbooks
from model.workbook.errors import WorkbookError
from model.workbook.intake import MAX_UPLOAD_BYTES
from model.workbook.isolation import Limits, start_read
from model.workbook.reader import ReadResult, Workbook, raw_sheets, workbook_from_raw
from model.workbook.schema import SETTINGS, SHEETS


class ScopedRejected(Exception):
    """The composed workbook has errors (reported at the upload's cells): nothing published."""

    def __init__(self, outcome: Outcome) -> None:
        super().__init__(f"{len(outcome.errors)} error(s)")
        self.outcome = outcome


@dataclass
class Outcome:
    """A composition against one version, checked: what the preview shows and what is written."""

    base: Version | None
    composition: Composition
    errors: list[WorkbookError]
    workbook: Workbook | None = None  # the scope's rows of the composed workbook, typed
    changes: Changes | None = None
    finding_counts: dict[str, int] = field(default_factory=dict)  # of the whole county
    row_counts: dict[str, int] = field(default_factory=dict)  # of the whole county
    before: Workbook | None = None  # the scope's rows in ``base``, typed
    _diff: WorkbookDiff | None = field(default=None, repr=False)

    def workbook_diff(self) -> WorkbookDiff | None:
        """Every row and status of the clerk's groups this changes against ``base`` (issue #24;
        the 参数 are the county's on both sides). None when the composition has errors."""
        if self.workbook is None:
            return None
        if self._diff is None:
            self._diff = diff_workbooks(self.before, self.workbook)
        return self._diff

    @property
    def notices(self) -> list[str]:
        return ["SETTINGS_IGNORED"] if self.composition.settings_ignored else []

    @property
    def ignored(self) -> dict[str, int]:
        return self.composition.ignored

    @property
    def unchanged(self) -> bool:
        return self.base is not None and self.composition.unchanged


@dataclass
class ScopedUpload:
    """A group clerk's file, read and checked on its own, with the versions it was cut from."""

    data: bytes
    original_name: str
    scope: tuple[str, ...]
    result: ReadResult
    errors: list[WorkbookError]  # the file's own errors (its 参数 sheet is not checked)
    bases: dict[str, int]  # group (or "*") → version the file was cut from, as recorded in it
    parent: Version | None  # current when the file was checked: the base where none recorded
    raws: Raws = field(default_factory=dict)
    preview: Outcome | None = None  # against ``parent``, for the page

    @property
    def publishable(self) -> bool:
        return self.result.workbook is not None and not self.errors and not self.result.unreadable

    def base_of(self, group: str) -> int | None:
        recorded = self.bases.get(group, self.bases.get(ALL_GROUPS))
        if recorded is not None:
            return recorded
        return self.parent.version if self.parent else None


def check_upload(
    store: Store,
    data: bytes,
    original_name: str,
    scope: tuple[str, ...],
    max_bytes: int = MAX_UPLOAD_BYTES,
    limits: Limits | None = None,
) -> ScopedUpload:
    """Read the clerk's file (in the isolated reader first) and note what it was cut from."""
    finish_reading = start_read(data, max_bytes, limits, keep_raws=True)
    parent = store.current()
    if parent is not None:  # while the child reads: the latest version's side, for later
        base_side(store, parent, tuple(scope))
    result = finish_reading()
    upload = ScopedUpload(data, original_name, tuple(scope), result, result.errors, {}, parent)
    if result.workbook is None or result.unreadable or result.raws is None:
        return upload
    upload.raws, result.raws = result.raws, None
    # The bytes passed the isolated reader within its limits: reading them here is safe.
    upload.bases = recorded_bases(data)
    settings_name = result.workbook.sheet_names.get(SETTINGS.key)
    ignored = other_groups_rows(upload.raws, upload.scope)
    # 参数 is county-wide and other groups' rows are ignored: their errors are not the clerk's.
    upload.errors = [
        e
        for e in result.errors
        if (settings_name is None or e.sheet != settings_name)
        and (e.row is None or (e.sheet, e.row) not in ignored)
    ]
    return upload


def preview(store: Store, upload: ScopedUpload) -> Outcome | None:
    """Compose against the current version for the page's preview (publishing composes again,
    under the lock, against whatever is latest then)."""
    if not upload.publishable:
        return None
    base = store.current()
    upload.preview = _compose(store, base, upload)
    return upload.preview


def publish_scoped(
    store: Store,
    upload: ScopedUpload,
    user: str,
    comment: str = "",
    confirm_stale: bool = False,
) -> tuple[Version, Outcome]:
    """Compose under the write lock and publish. Raises StaleUpload when one of the clerk's own
    groups changed since the file was cut (other groups changing is fine), ScopedRejected on
    errors and IdenticalToCurrent when nothing of the scope changed."""
    if not upload.publishable:
        raise ValueError("an upload with errors is never published")
    outcomes: list[Outcome] = []

    def build(current: Version | None, history: list[Version]) -> Draft:
        if not confirm_stale:
            _check_fresh(upload, history)
        outcome = _compose(store, current, upload)
        outcomes.append(outcome)
        if outcome.errors or outcome.workbook is None:
            raise ScopedRejected(outcome)
        if outcome.unchanged:
            assert current is not None
            raise IdenticalToCurrent(current)
        data = ledger_file(
            {key: raw.data for key, raw in outcome.composition.raws.items()},
            settings_rows(outcome.composition.raws),
        )
        kind = upload.result.kind
        return Draft(
            data,
            outcome.row_counts,
            outcome.finding_counts,
            "xlsx",
            scope=upload.scope,
            upload=upload.data,
            upload_format=kind.format if kind else "xlsx",
        )

    version = store.commit(build, user=user, original_name=upload.original_name, comment=comment)
    return version, outcomes[-1]


def _check_fresh(upload: ScopedUpload, history: list[Version]) -> None:
    for group in upload.scope:
        base = upload.base_of(group)
        later = [v for v in history if (base is None or v.version > base) and v.touches(group)]
        if later:
            raise StaleUpload(base, history[0].version)


@dataclass
class BaseSide:
    """What a scoped publish needs of one version, whatever is uploaded: its sheets, and the
    scope's rows in it typed, with their findings per year."""

    raws: Raws
    before: Workbook
    findings: dict[int, Counter[str]] = field(default_factory=dict)

    def findings_in(self, year: int) -> Counter[str]:
        if year not in self.findings:
            self.findings[year] = _findings(self.before, year)
        return self.findings[year]


_sides: dict[tuple[str, str, tuple[str, ...]], BaseSide] = {}
_sides_lock = threading.Lock()


def base_side(store: Store, base: Version, scope: tuple[str, ...]) -> BaseSide:
    """The version's side of a composition, kept for the last two (by the file's hash, so a
    store made again in the same folder is never mistaken), so the preview's work is not done
    again at publishing."""
    key = (str(store.root), base.sha256, scope)
    with _sides_lock:
        side = _sides.get(key)
        if side is None:
            raws = raw_sheets(store.read_bytes(base))[0]
            before = workbook_from_raw(compose(raws, {}, scope).before)[0]
            side = BaseSide(raws, before)
            side.findings_in(default_year(before))  # the year the upload's rows will have, mostly
            while len(_sides) >= 2:
                _sides.pop(next(iter(_sides)))
            _sides[key] = side
        return side


def _compose(store: Store, base: Version | None, upload: ScopedUpload) -> Outcome:
    """Compose against ``base`` and check only the scope's new rows: the other groups' rows are
    a published version's, and what could tie them to the scope's (a 场次 or 编号 taken) is
    checked by ``compose``. Checking a hundredth of the county keeps a publish within seconds."""
    side = base_side(store, base, upload.scope) if base is not None else None
    composition = compose(side.raws if side else {}, upload.raws, upload.scope)
    if composition.errors:
        return Outcome(base, composition, composition.errors)
    mine, errors = workbook_from_raw(composition.mine)
    if errors:
        return Outcome(base, composition, at_upload_cells(errors, composition, upload.raws))
    before = side.before if side is not None else None
    year = default_year(mine)
    counts = Counter(base.finding_counts if base is not None else {})
    counts.update(_findings(mine, year))
    if side is not None:
        counts.subtract(side.findings_in(year))
    return Outcome(
        base,
        composition,
        [],
        mine,
        compare(before, mine),
        {code: count for code, count in counts.most_common() if count > 0},
        {
            spec.zh: len(composition.raws[spec.key].data)
            for spec in SHEETS
            if spec.key != SETTINGS.key
        },
        before,
    )


def _findings(workbook: Workbook, year: int) -> Counter[str]:
    """Finding codes counted: every finding belongs to one group, so a version's counts are
    the previous counts less the scope's old findings plus its new ones."""
    findings = find_all(build_timeline(workbook), year)  # no credits or statuses needed here
    return Counter({str(code): int(n) for code, n in findings["code"].value_counts().items()})


def download_rows(
    store: Store, groups: tuple[str, ...] | None, version: int | None = None
) -> tuple[bytes, Version]:
    """The version (default: current) cut to these groups, in the template's layout, with the
    county's 参数 read-only and the version recorded per group. KeyError: no such version."""
    chosen = store.get(version) if version is not None else store.current()
    if chosen is None:
        raise KeyError(version)
    raws, _ = raw_sheets(store.read_bytes(chosen))
    bases = {group: chosen.version for group in (groups or (ALL_GROUPS,))}
    data = ledger_file(
        cut(raws, groups), settings_rows(raws), bases, settings_read_only=groups is not None
    )
    return data, chosen


# Days after which a group's records count as going stale on the county view. A fixed default
# for now: making it the 参数 更新提醒天数 needs a row in DOMAIN.md §5 first.


def last_updates(versions: list[Version], groups: list[str]) -> dict[str, Version | None]:
    """Each group's last publish that may have changed its rows: its own scoped publishes and
    every whole-workbook publish (or restore). ``versions`` newest first, as Store.versions()."""
    return {group: next((v for v in versions if v.touches(group)), None) for group in groups}
