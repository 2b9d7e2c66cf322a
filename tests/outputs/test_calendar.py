"""The .ics export of issue #14: parsed back with icalendar, counts, dates and stable UIDs."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from icalendar import Calendar

from model.engine.timeline import build_timeline
from model.outputs.calendar import calendar_bytes
from model.workbook.reader import read_workbook
from tests.engine.test_todo import AS_OF, EXAMS, OUTREACH, PARTICIPATION, PLAN, TALKS
from tests.ledgers import MEMBERS, D
from tests.workbooks import ledger


def timeline_and_exams():
    data = ledger(MEMBERS, PLAN, TALKS, PARTICIPATION, OUTREACH, EXAMS)
    workbook = read_workbook(data).workbook
    return build_timeline(workbook, AS_OF), workbook.exams


def events(person=None):
    timeline, exams = timeline_and_exams()
    key = None if person is None else f"一组|{person}"
    parsed = Calendar.from_ical(calendar_bytes(timeline, exams, 2026, "一组", key))
    return list(parsed.walk("VEVENT"))


def test_the_calendar_parses_back_with_every_session_and_deadline():
    found = events()
    # 12 sessions; deadlines: drafts B C D E F G, topics B G, revision H, outreach H I J,
    # articles H I J K L; and the exam on 31 December (丙 failed with no make-up yet).
    assert len(found) == 12 + 6 + 2 + 1 + 3 + 5 + 1
    assert len([e for e in found if "中心组学习" in str(e["summary"])]) == 12
    first = next(e for e in found if "场次 A）" in str(e["description"]))
    start = first.decoded("dtstart")
    assert start == dt.datetime(2026, 6, 10, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert first.decoded("dtend") - start == dt.timedelta(hours=2)
    revision = next(e for e in found if str(e["summary"]).startswith("定稿"))
    assert revision.decoded("dtstart") == D(2026, 6, 10)  # an all-day event on the due date
    assert str(revision["summary"]) == "定稿：甲"


def test_uids_are_stable_across_two_exports_and_unique():
    first, second = events(), events()
    uids = [str(e["uid"]) for e in first]
    assert len(set(uids)) == len(uids)
    assert uids == [str(e["uid"]) for e in second]


def test_one_person_gets_the_group_sessions_and_their_own_deadlines():
    found = events("甲")
    deadlines = sorted(
        (e.decoded("dtstart"), str(e["summary"]))
        for e in found
        if "中心组学习" not in str(e["summary"])
    )
    assert len(found) == 12 + len(deadlines)
    assert deadlines == [
        (D(2026, 6, 10), "定稿：甲"),  # H
        (D(2026, 6, 10), "理论文章：甲"),  # K
        (D(2026, 6, 24), "发初稿：甲"),  # D
        (D(2026, 7, 4), "发初稿：甲"),  # F
        (D(2026, 8, 9), "联系点宣讲：甲"),  # H
        (D(2026, 9, 8), "理论文章：甲"),  # H
    ]


def test_the_group_calendar_has_the_exam_deadline_and_every_session_a_place():
    found = events()
    (exam,) = [e for e in found if "理论考试截止" in str(e["summary"])]
    assert exam.decoded("dtstart") == D(2026, 12, 31)
    # 甲 80 and 乙 (make-up 70) passed; 丙 50 with no make-up: one still to sit it.
    assert str(exam["summary"]) == "一组：2026 年度理论考试截止（1 人尚未考试或补考）"
    sessions = [e for e in found if "中心组学习" in str(e["summary"])]
    assert {str(e["location"]) for e in sessions} == {"一组"}


def test_a_persons_calendar_is_named_for_the_person_and_has_their_exam_only_if_due():
    timeline, exams = timeline_and_exams()
    own = Calendar.from_ical(calendar_bytes(timeline, exams, 2026, "一组", "一组|丙"))
    assert str(own["x-wr-calname"]) == "中心组学习 2026 一组 丙"
    assert [str(e["summary"]) for e in own.walk("VEVENT") if "考试" in str(e["summary"])] == [
        "丙：2026 年度理论考试截止"
    ]
    passed = Calendar.from_ical(calendar_bytes(timeline, exams, 2026, "一组", "一组|甲"))
    assert not [e for e in passed.walk("VEVENT") if "考试" in str(e["summary"])]
    group = Calendar.from_ical(calendar_bytes(timeline, exams, 2026, "一组"))
    assert str(group["x-wr-calname"]) == "中心组学习 2026 一组"
