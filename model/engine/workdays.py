"""Which days a session may be held on: a working day in China, outside the Spring Festival week.

Public holidays and the adjusted working days (调休) come from the ``chinese-calendar`` package,
which carries the State Council's yearly notice. A year it has no data for falls back to
"Monday to Friday" and the caller says so (notice ``HOLIDAYS_UNKNOWN``); it never fails.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import chinese_calendar

SPRING_FESTIVAL = "Spring Festival"  # the holiday's name in chinese-calendar


@cache
def holidays_known(year: int) -> bool:
    try:
        chinese_calendar.is_workday(dt.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def is_workday(day: dt.date) -> bool:
    """A working day: 调休 weekends count, public holidays do not; weekdays only without data."""
    if not holidays_known(day.year):
        return day.weekday() < 5
    return bool(chinese_calendar.is_workday(day))


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


@cache
def spring_festival_weeks(year: int) -> frozenset[dt.date]:
    """Mondays of the weeks (Monday–Sunday) with a weekday off for the Spring Festival.

    A holiday that merely starts on a Sunday does not take the week before it with it.
    """
    if not holidays_known(year):
        return frozenset()
    mondays = set()
    day = dt.date(year, 1, 1)
    while day.month <= 3 and day.year == year:  # the festival falls in January or February
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
        if on_holiday and name == SPRING_FESTIVAL and day.weekday() < 5:
            mondays.add(_monday(day))
        day += dt.timedelta(days=1)
    return frozenset(mondays)


def meeting_day(day: dt.date) -> bool:
    """A day a session may be planned on."""
    return is_workday(day) and _monday(day) not in spring_festival_weeks(day.year)
