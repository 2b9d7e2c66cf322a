"""The plan generator of issue #14: hand-checked properties for groups of 5, 9 and 15."""

from __future__ import annotations

import datetime as dt
import itertools

import pandas as pd
import pytest

from model.engine.plan import plan_dates, propose_plan, session_ids
from model.engine.report import build_report
from model.engine.workdays import is_workday, meeting_day
from model.outputs.plan_workbook import merged_plan_bytes, plan_workbook_bytes
from model.workbook.reader import read_workbook
from tests.workbooks import clean_workbook, ledger

D = dt.date
G = "一组"
JOINED, LEFT = D(2026, 7, 1), D(2026, 6, 30)
# Weekdays off in 2026 by the State Council's notice: 元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆.
HOLIDAYS_2026 = {
    D(2026, 1, 1),
    D(2026, 1, 2),
    *(D(2026, 2, day) for day in (16, 17, 18, 19, 20, 23)),
    D(2026, 4, 6),
    D(2026, 5, 1),
    D(2026, 5, 4),
    D(2026, 5, 5),
    D(2026, 6, 19),
    D(2026, 9, 25),
    *(D(2026, 10, day) for day in (1, 2, 5, 6, 7)),
}
# The weeks of the Spring Festival (16–22 and 23 Feb–1 Mar): their working days are out too.
SPRING_WEEK_WORKDAYS = {D(2026, 2, day) for day in (24, 25, 26, 27)}


def group_rows(size: int) -> list[list[object]]:
    """``size`` members: 成员1 the head, the second to last joins 1 July, the last leaves 30 June."""
    rows: list[list[object]] = []
    for n in range(1, size + 1):
        joined = JOINED if n == size - 1 else None
        left = LEFT if n == size else None
        rows.append([f"成员{n}", G, None, "委员", "是" if n == 1 else "否", None, joined, left])
    return rows


def workbook(size: int, plan=()):
    return workbook_of(group_rows(size), plan)


def workbook_of(rows: list[list[object]], plan=()):
    return clean_workbook(members=rows, plan=plan)


def in_post(row: pd.Series, day: dt.date) -> bool:
    joined, left = row["joined"], row["left"]
    return (pd.isna(joined) or joined.date() <= day) and (pd.isna(left) or left.date() >= day)


@pytest.mark.parametrize("size", [5, 9, 15])
def test_plan_properties_for_a_group_with_a_joiner_and_a_leaver(size):
    book = workbook(size)
    proposal = propose_plan(book, G, 2026)
    rows = proposal.rows
    members = proposal.members
    dates = [d.date() for d in rows["planned_date"]]
    # Count: max(年度场次下限 = 6, members in post for a session) — all of them here.
    assert len(rows) == max(6, size)
    # Every member speaks; with 5 members and a minimum of 6 the head opens a second round.
    assert set(rows["speaker"]) == set(members.index)
    if size >= 6:
        assert rows["speaker"].is_unique
    else:
        assert list(rows["speaker"]).count("一组|成员1") == 2
    assert rows["speaker"].iloc[0] == "一组|成员1"  # the head first
    for _, row in rows.iterrows():
        day = row["planned_date"].date()
        assert row["host"] != row["speaker"]
        assert in_post(members.loc[row["speaker"]], day)
        assert in_post(members.loc[row["host"]], day)
    joiner, leaver = f"一组|成员{size - 1}", f"一组|成员{size}"
    assert dates[list(rows["speaker"]).index(joiner)] >= JOINED
    assert dates[list(rows["speaker"]).index(leaver)] <= LEFT
    # Hosting balanced among those in post all year (the joiner and leaver host less).
    hosted = rows["host"].value_counts().reindex(members.index, fill_value=0)
    all_year = hosted.drop([joiner, leaver])
    assert all_year.max() - all_year.min() <= 1
    # Dates: Wednesdays, working days, never a 2026 holiday or the Spring Festival weeks.
    assert all(d.isoweekday() == 3 for d in dates)
    assert not set(dates) & (HOLIDAYS_2026 | SPRING_WEEK_WORKDAYS)
    assert all(b - a >= dt.timedelta(days=14) for a, b in itertools.pairwise(dates))
    assert dates[0] >= D(2026, 1, 1) and dates[-1] <= D(2026, 12, 15)
    assert set(rows["topic"]) == {"待定（主讲人确定）"} and set(rows["status"]) == {"计划"}
    assert proposal.notices == []


@pytest.mark.parametrize("size", [5, 9, 15])
def test_generated_plan_uploads_back_with_no_errors_and_no_plan_findings(size):
    book = workbook(size)
    proposal = propose_plan(book, G, 2026)
    for data in (
        plan_workbook_bytes(proposal),
        merged_plan_bytes(ledger(group_rows(size)), proposal),
    ):
        result = read_workbook(data)
        assert result.ok and result.errors == []
        rep = build_report(result.workbook, 2026, D(2026, 1, 1))
        codes = set(rep.findings["code"])
        assert not codes & {"SPEAKER_IS_HOST", "NEVER_SPEAKER", "HEAD_NO_TALK", "TOO_FEW_SESSIONS"}
        assert len(result.workbook.plan) == max(6, size)


@pytest.mark.parametrize("weekday", [1, 2, 3, 4, 5])
def test_every_meeting_day_of_2026_on_a_weekday_skips_the_named_holidays(weekday):
    days = [D(2026, 1, 1) + dt.timedelta(days=i) for i in range(349)]  # to 15 December
    expected = [
        d
        for d in days
        if d.isoweekday() == weekday and d not in HOLIDAYS_2026 | SPRING_WEEK_WORKDAYS
    ]
    assert plan_dates(D(2026, 1, 1), D(2026, 12, 15), weekday, len(expected)) == expected


def test_adjusted_working_days_count_and_holidays_do_not():
    assert is_workday(D(2026, 5, 9))  # a Saturday worked for 劳动节 (调休)
    assert is_workday(D(2026, 9, 20)) and meeting_day(D(2026, 9, 20))  # a Sunday worked
    assert not is_workday(D(2026, 10, 1)) and not is_workday(D(2026, 4, 6))
    assert is_workday(D(2026, 2, 27)) and not meeting_day(D(2026, 2, 27))  # Spring Festival week
    # A Thursday plan starting on National Day moves to the next Thursday.
    assert plan_dates(D(2026, 10, 1), D(2026, 12, 15), 4, 1) == [D(2026, 10, 8)]


def test_a_year_without_holiday_data_falls_back_to_weekdays_and_says_so():
    book = workbook(5)
    proposal = propose_plan(book, G, 2040)
    assert ("HOLIDAYS_UNKNOWN", {"year": 2040}) in proposal.notices
    assert all(d.isoweekday() == 3 for d in proposal.rows["planned_date"])
    assert len(proposal.rows) == 6


def test_session_ids_follow_the_group_style_and_never_collide():
    plan = [
        ["CG-2025-07", G, D(2025, 12, 1), "专题", "成员1", "成员2", "已举行"],
        ["CG-2026-01", G, D(2026, 1, 20), "专题", "成员1", "成员2", ""],
        ["CG-2026-03", G, D(2026, 2, 20), "专题", "成员2", "成员1", ""],
    ]
    book = workbook(5, plan)
    assert session_ids(book, G, 2026, 3) == ["CG-2026-02", "CG-2026-04", "CG-2026-05"]
    assert session_ids(workbook(5), G, 2027, 2) == ["一组-2027-01", "一组-2027-02"]
    # Ids with no year (QS-01, QS-02): the group's prefix with the year, not the group's name.
    plain = [
        ["QS-01", G, D(2026, 3, 1), "专题", "成员1", "成员2", "已举行"],
        ["QS-02", G, D(2026, 4, 1), "专题", "成员2", "成员1", ""],
    ]
    assert session_ids(workbook(5, plain), G, 2027, 2) == ["QS-2027-01", "QS-2027-02"]
    proposal = propose_plan(book, G, 2026)
    assert ("PLAN_EXISTS", {"count": 2}) in proposal.notices


def test_a_chosen_count_and_weekday_and_start_are_kept():
    proposal = propose_plan(workbook(9), G, 2026, start=D(2026, 3, 1), weekday=5, count=12)
    dates = [d.date() for d in proposal.rows["planned_date"]]
    assert len(dates) == 12 and dates[0] >= D(2026, 3, 1)
    assert all(d.isoweekday() == 5 for d in dates)
    assert all(b - a >= dt.timedelta(days=14) for a, b in itertools.pairwise(dates))
    fewer = propose_plan(workbook(9), G, 2026, count=4)
    assert {code for code, _ in fewer.notices} == {"PLAN_FEWER_THAN_MEMBERS", "PLAN_BELOW_MINIMUM"}


def test_too_little_time_takes_other_weekdays_and_says_so():
    proposal = propose_plan(workbook(9), G, 2026, start=D(2026, 11, 20))
    dates = [d.date() for d in proposal.rows["planned_date"]]
    # 8 in post (the leaver left in June) between 20 November and 15 December: any working day.
    assert len(dates) == 8 and dates[0] == D(2026, 11, 20) and dates[-1] == D(2026, 12, 15)
    assert all(is_workday(d) for d in dates)
    assert ("PLAN_CROWDED", {"days": 3}) in proposal.notices  # e.g. Friday 20 to Tuesday 24


def test_a_plan_merged_into_an_ods_ledger_comes_back_as_xlsx_without_errors():
    from tests.formats import as_ods
    from tests.workbooks import MEMBERS_HEADER, PLAN_HEADER

    ods = as_ods({"成员": [MEMBERS_HEADER, *group_rows(5)], "学习计划": [PLAN_HEADER]})
    proposal = propose_plan(workbook(5), G, 2026)
    merged = merged_plan_bytes(ods, proposal)
    assert merged[:2] == b"PK"  # an .xlsx package
    result = read_workbook(merged)
    assert result.ok and len(result.workbook.plan) == 6


def test_members_left_before_the_first_date_are_named_as_a_list_in_each_language():
    # 成员4 and 成员5 leave on 5 January 2026, before the year's first meeting day: no talk can be
    # placed for them. The engine names them as a list; each language joins it its own way.
    from model.texts.todo import plan_notice

    rows = group_rows(5)
    for row in rows[3:]:
        row[6], row[7] = None, D(2026, 1, 5)
    proposal = propose_plan(workbook_of(rows), G, 2026)
    (details,) = [d for code, d in proposal.notices if code == "PLAN_MEMBER_NOT_PLACED"]
    assert details == {"names": ["成员4", "成员5"]}
    zh = plan_notice("PLAN_MEMBER_NOT_PLACED", details, "zh")
    assert zh == "以下成员在岗期间没有可用日期，未安排主讲：成员4、成员5"
    en = plan_notice("PLAN_MEMBER_NOT_PLACED", details, "en")
    assert en == "No usable date while in post, so no talk planned for: 成员4, 成员5"
