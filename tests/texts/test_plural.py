"""English texts agree with their numbers and write dates in English on any server."""

import datetime as dt
import locale

from model.texts.domain import finding_text, fix_text, reason_text
from model.texts.plural import fill


def test_counting_spec_picks_the_word_by_the_number():
    assert fill("{n:~session|sessions}", n=1) == "1 session"
    assert fill("{n:~session|sessions}", n=2) == "2 sessions"
    assert fill("{n:~session|sessions}", n=0) == "0 sessions"
    assert fill("{n:~day}", n=3) == "3 days"  # the plural defaults to an added s
    assert fill("{x:.1f} {y}", x=2.25, y="a") == "2.2 a"  # plain specs still work


def test_reasons_and_fixes_in_english_are_singular_for_one():
    assert reason_text("ABSENCES", {"absent": 1, "leave": 1}, "en") == "1 absence, 1 leave"
    assert reason_text("COMMENTS_MISSING", {"count": 1}, "en") == "1 session without comment"
    assert fix_text("ATTEND_REMAINING", {"count": 1}, "en") == (
        "attend the 1 remaining session and comment orally there"
    )
    assert fix_text("ATTEND_REMAINING", {"count": 3}, "en") == (
        "attend the 3 remaining sessions and comment orally at each"
    )
    text = finding_text("SESSION_OVERDUE", {"planned": "2026-10-25", "days": 1}, "en")
    assert text == "Overdue: planned for 2026-10-25, 1 day overdue"


def test_english_dates_do_not_follow_the_server_locale():
    deadline = {"deadline": dt.date(2026, 12, 31)}
    before = locale.setlocale(locale.LC_TIME)
    try:
        for name in ("zh_CN.UTF-8", "C.UTF-8"):
            try:
                locale.setlocale(locale.LC_TIME, name)
            except locale.Error:
                continue
            assert (
                fix_text("TAKE_EXAM", deadline, "en") == "take the theory exam before 31 December"
            )
    finally:
        locale.setlocale(locale.LC_TIME, before)
    assert fix_text("TAKE_EXAM", deadline, "zh") == "12月31日前参加理论考试"
