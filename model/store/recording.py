"""学习记录 (issue #26): one session's talk, attendance and outreach entered in the app and
published as a new version.

Recording is a scoped publish of one session: the session's group's rows of the latest version,
with exactly this session's 讲课记录, 参学记录 and 宣讲记录 rows replaced by the record, are
composed into the county workbook by ``group_rows.compose`` (every other row stays as it was),
checked by the same reader and rules, and published under the store's write lock. Composing
happens against whatever version is latest under the lock, so two clerks recording different
sessions at once both land; a save whose session rows changed since the page was opened is
refused (StaleRecord) until confirmed.

The parts: ``record_types`` (the record and the refusals), ``record_open`` (opening a session),
``record_compose`` (the record as workbook rows, and its checks); this module publishes.
"""

from __future__ import annotations

import threading
from collections import Counter

from model.engine.findings import find_all
from model.engine.report import default_year
from model.engine.timeline import build_timeline
from model.store.auth import Accounts
from model.store.group_rows import (
    Raws,
    compose,
    session_groups,
)
from model.store.record_compose import (
    _field,
    allowed,
    compose_record,
)
from model.store.record_open import (
    changed_rows,
    session_rows,
)
from model.store.record_types import (
    NotYourSession,
    RecordOutcome,
    RecordRejected,
    SessionRecord,
    StaleRecord,
)
from model.store.scoped import BaseSide
from model.store.versions import Draft, IdenticalToCurrent, Store, Version
from model.texts.recording import record_text
from model.workbook.reader import Workbook, raw_sheets, workbook_from_raw


def _findings(workbook: Workbook, year: int) -> Counter[str]:
    findings = find_all(build_timeline(workbook), year)
    return Counter({str(code): int(n) for code, n in findings["code"].value_counts().items()})


def _against(store: Store, base: Version | None, record: SessionRecord) -> RecordOutcome:
    """Compose the record against ``base`` (a published version): its side is cached by the
    scoped publish's cache, so the preview's reading is not done again at saving."""
    if base is None:
        return RecordOutcome(
            None, "", [_field("session", "RECORD_UNKNOWN_SESSION", session=record.session)]
        )
    raws = base_side_raws(store, base)
    group = session_groups(raws).get(record.session)
    if group is None:
        return RecordOutcome(
            base, "", [_field("session", "RECORD_UNKNOWN_SESSION", session=record.session)]
        )
    side = base_side(store, base, group)
    outcome = compose_record(side.raws, side.before, record, base, side.before)
    if outcome.errors or outcome.workbook is None:
        return outcome
    year = default_year(outcome.workbook)
    counts = Counter(base.finding_counts)
    counts.update(_findings(outcome.workbook, year))
    counts.subtract(side.findings_in(year))
    outcome.finding_counts = {code: n for code, n in counts.most_common() if n > 0}
    return outcome


_raws: dict[tuple[str, str], Raws] = {}
_sides: dict[tuple[str, str, str], BaseSide] = {}
_lock = threading.Lock()


def base_side_raws(store: Store, base: Version) -> Raws:
    """The version's raw sheets, kept for the last version read (by the file's hash)."""
    key = (str(store.root), base.sha256)
    with _lock:
        raws = _raws.get(key)
        if raws is None:
            raws = raw_sheets(store.read_bytes(base))[0]
            _raws.clear()
            _raws[key] = raws
        return raws


def base_side(store: Store, base: Version, group: str) -> BaseSide:
    """The version's side of a record of ``group``: its sheets and the group's rows typed,
    with their findings per year (kept for the last few groups, so saving reuses the preview's)."""
    key = (str(store.root), base.sha256, group)
    with _lock:
        side = _sides.get(key)
    if side is None:
        raws = base_side_raws(store, base)
        before = workbook_from_raw(compose(raws, {}, (group,)).before)[0]
        side = BaseSide(raws, before)
        with _lock:
            while len(_sides) >= 8:
                _sides.pop(next(iter(_sides)))
            _sides[key] = side
    return side


def preview_record(store: Store, record: SessionRecord) -> RecordOutcome:
    """The record composed against the current version, for the page's preview."""
    return _against(store, store.current(), record)


def record_session(
    store: Store,
    record: SessionRecord,
    user: str,
    groups: tuple[str, ...] | None = None,
    opened: dict[str, list[tuple]] | None = None,
    confirm_stale: bool = False,
    accounts: Accounts | None = None,
) -> tuple[Version, RecordOutcome]:
    """Compose under the write lock and publish with the comment "学习记录：<场次>".

    Raises NotYourSession (a group clerk's other group), StaleRecord (the session's rows are
    not ``opened`` any more, unless confirmed), RecordRejected (errors: nothing published) and
    IdenticalToCurrent (nothing changed). Every outcome goes to the audit log, if given."""
    outcomes: list[RecordOutcome] = []

    def build(current: Version | None, _history: list[Version]) -> Draft:
        if current is not None:
            raws = base_side_raws(store, current)
            group = session_groups(raws).get(record.session)
            if group is not None and not allowed(group, groups):
                error = _field(
                    "session",
                    "RECORD_NOT_YOURS",
                    session=record.session,
                    group=group,
                    groups=record_text("list_separator").join(groups or ()),
                )
                raise NotYourSession(error)
            if opened is not None and not confirm_stale:
                now = session_rows(raws, record.session)
                if now != opened:
                    raise StaleRecord(record.session, current.version, changed_rows(opened, now))
        outcome = _against(store, current, record)
        outcomes.append(outcome)
        if outcome.errors or outcome.workbook is None:
            raise RecordRejected(outcome)
        if outcome.unchanged:
            assert current is not None
            raise IdenticalToCurrent(current)
        return Draft(
            outcome.data(),
            outcome.row_counts,
            outcome.finding_counts,
            "xlsx",
            scope=(outcome.group,),
        )

    comment = record_text("comment", session=record.session)
    try:
        version = store.commit(build, user=user, original_name=f"{comment}.xlsx", comment=comment)
    except (NotYourSession, StaleRecord, RecordRejected, IdenticalToCurrent) as refused:
        if accounts is not None:
            accounts.log(
                user, "record_session", False, f"{record.session}: {type(refused).__name__}"
            )
        raise
    if accounts is not None:  # with what it changed, as every publish (issue #24 item 5)
        detail = f"v{version.version} {record.session}"
        diff = outcomes[-1].workbook_diff()
        if diff is not None:
            detail += f" {diff.audit_detail()}"
        accounts.log(user, "record_session", True, detail)
    return version, outcomes[-1]
