"""Work done once per workbook version (issue #28): the default view's parse, report, shifts
and to-do, built before anyone asks for them.

``serve.py`` builds them for the shown version before the server answers; a publish in the app
starts the same in a background thread for the new version, so the next page anyone opens
(the publisher's or another user's) finds its report, 成效 and 待办 cached. The caches are
process-wide (``st.cache_resource``), keyed by the version's sha256 and the filters.
"""

from __future__ import annotations

import logging
import threading

from model.engine.report import default_year, years_of
from model.engine.todo import DEFAULT_DAYS
from model.workbook.reader import ReadResult, Workbook
from pages.common.context import (
    Source,
    current_source,
    read_cached,
    report_cached,
    scoped_cached,
    shifts_cached,
    timeline_cached,
    todo_cached,
)
from pages.common.filters import natural_as_of

logger = logging.getLogger(__name__)


def _everyone(source: Source | None) -> tuple[Source, ReadResult, Workbook] | None:
    """The version (shown, or ``source``) as users who see every group read it; None if it does
    not read."""
    source = source or current_source()
    result = read_cached(source.sha256, source.data)
    if result.workbook is None:
        return None
    return source, scoped_cached(source.sha256, None, result), result.workbook


def build_default_view(source: Source | None = None) -> None:
    """The shown version's (or ``source``'s) default view for users who see every group (admins,
    county clerks, the demo): what 总览, 成效 and 待办 open with."""
    read = _everyone(source)
    if read is None:
        return
    source, scoped, workbook = read
    year = default_year(workbook)
    as_of = natural_as_of(workbook, year)
    report_cached(source.sha256, None, year, as_of, None, scoped)
    timeline = timeline_cached(source.sha256, None, as_of, scoped)
    todo_cached(source.sha256, None, as_of, DEFAULT_DAYS, timeline, workbook.exams)
    shifts_cached(source.sha256, None, year, as_of, scoped)


OTHER_YEARS = 4  # the years before the default one whose reports are built ahead, newest first


def build_other_years(source: Source | None = None) -> None:
    """The reports of the years before the default one, at each one's natural date: a leader
    comparing with last year switches to a report already built."""
    read = _everyone(source)
    if read is None:
        return
    source, scoped, workbook = read
    default = default_year(workbook)
    for year in [y for y in years_of(workbook) if y != default][:OTHER_YEARS]:
        report_cached(source.sha256, None, year, natural_as_of(workbook, year), None, scoped)


def _quietly(source: Source, default_view: bool = True) -> None:
    try:
        if default_view:
            build_default_view(source)
        build_other_years(source)
    except Exception:  # a prebuild is a head start only: the page builds it if this fails
        logger.exception("prebuild of the new version failed")


def prebuild_in_background(default_view: bool = True) -> None:
    """After a publish: build the new version's default view (unless built already) and its
    other years while the user reads the toast. The version is chosen here, in the page's run,
    so the thread builds what was published."""
    source = current_source()
    threading.Thread(
        target=_quietly, args=(source, default_view), name="xuexi-prebuild", daemon=True
    ).start()
