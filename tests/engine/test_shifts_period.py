"""成效 like with like (DOMAIN.md §6, issue #22): a part year against the same part of the year
before, and rates with a deadline over talks whose deadline has passed. Two years of 一组
(甲, 乙), each with a December talk, as of 15 November 2026; 宣讲期限 60, 文章期限 90 days.

2025  P1 03-10 甲 speaks, article, 1 outreach (03-20)
      P2 09-10 乙 speaks, no article, no outreach
      P3 12-10 甲 speaks, article, 1 outreach (12-15)      ← after 15 November
2026  Q1 03-10 甲 speaks, article, 1 outreach (03-20)
      Q2 09-10 乙 speaks, no article, 1 outreach (09-20)    ← 66 days by 15 November: > 60, ≤ 90
      Q3 12-10 乙 speaks, planned only

Up to 15 November:
  2026  outreach due at Q1, Q2 (both > 60 days): 2 rows / 2 talks = 1.0;
        articles due at Q1 only (Q2 is 66 ≤ 90 days old): 1 / 1 = 100% (not 1 / 2).
  2025  P3 is not yet held by 2025-11-15. Outreach due at P1, P2: 1 row / 2 = 0.5;
        articles due at P1 only (P2 is 66 days old): 1 / 1 = 100% (not 2 / 3 for the full year).
Whole years, as of 2027-01-05:
  2025  P1, P2, P3 held: outreach 2 / 3, articles 2 / 3.
  2026  Q1, Q2 held (Q3 never was): outreach 2 / 2 = 1.0, articles 1 / 2.
"""

import datetime as dt

import pytest

from model.engine.shifts import measure_shifts, same_day
from model.texts.shifts import period_caption, summary_paragraph
from tests.workbooks import clean_workbook

D = dt.date
MEMBERS = [["甲", "一组", None, "书记", "是"], ["乙", "一组", None, "委员"]]
PLAN = [
    ["P1", "一组", D(2025, 3, 10), "专题一", "甲", "乙"],
    ["P2", "一组", D(2025, 9, 10), "专题二", "乙", "甲"],
    ["P3", "一组", D(2025, 12, 10), "专题三", "甲", "乙"],
    ["Q1", "一组", D(2026, 3, 10), "专题四", "甲", "乙"],
    ["Q2", "一组", D(2026, 9, 10), "专题五", "乙", "甲"],
    ["Q3", "一组", D(2026, 12, 10), "专题六", "乙", "甲"],
]


def talk(session: str, held: dt.date, article: str | None) -> list:
    return [session, held, held - dt.timedelta(days=10), 60, "是", held, article]


TALKS = [
    talk("P1", D(2025, 3, 10), "文章一"),
    talk("P2", D(2025, 9, 10), None),
    talk("P3", D(2025, 12, 10), "文章三"),
    talk("Q1", D(2026, 3, 10), "文章四"),
    talk("Q2", D(2026, 9, 10), None),
]
OUTREACH = [
    ["P1", D(2025, 3, 20), "东村", 30],
    ["P3", D(2025, 12, 15), "东村", 30],
    ["Q1", D(2026, 3, 20), "东村", 30],
    ["Q2", D(2026, 9, 20), "东村", 30],
]
PARTICIPATION = [[s, name, "出席", "口头"] for s, *_ in TALKS for name in ("甲", "乙")]


@pytest.fixture(scope="module")
def workbook():
    return clean_workbook(
        members=MEMBERS,
        plan=PLAN,
        talks=TALKS,
        participation=[row for row in PARTICIPATION if row[1] != speaker(row[0])],
        outreach=OUTREACH,
    )


def speaker(session: str) -> str:
    return next(row[4] for row in PLAN if row[0] == session)


def test_like_with_like_measures_both_years_up_to_the_same_day(workbook):
    result = measure_shifts(workbook, 2026, D(2026, 11, 15))
    assert result.like_with_like
    assert result.period == (D(2026, 1, 1), D(2026, 11, 15))
    assert result.previous_period == (D(2025, 1, 1), D(2025, 11, 15))
    outreach, article = result.overall["outreach_per_talk"], result.overall["article_rate"]
    assert (outreach["value"], outreach["previous"]) == (pytest.approx(1.0), pytest.approx(0.5))
    assert (article["value"], article["previous"]) == (pytest.approx(1.0), pytest.approx(1.0))
    assert article["change"] == pytest.approx(0)


def test_a_rate_with_a_deadline_counts_only_talks_past_it(workbook):
    # Q2's article is not yet due on 15 November: it weighs on neither year's 成文率.
    result = measure_shifts(workbook, 2026, D(2026, 11, 15))
    assert result.groups["一组"]["article_rate"]["value"] == pytest.approx(1.0)
    # A month later, Q2 is 96 days old: its missing article now counts (1 / 2).
    later = measure_shifts(workbook, 2026, D(2026, 12, 15))
    assert later.overall["article_rate"]["value"] == pytest.approx(0.5)


def test_a_full_year_is_compared_with_a_full_year(workbook):
    result = measure_shifts(workbook, 2026, D(2027, 1, 5))
    assert not result.like_with_like
    assert result.period == (D(2026, 1, 1), D(2026, 12, 31))
    assert result.previous_period == (D(2025, 1, 1), D(2025, 12, 31))
    outreach, article = result.overall["outreach_per_talk"], result.overall["article_rate"]
    assert (outreach["value"], outreach["previous"]) == (pytest.approx(1.0), pytest.approx(2 / 3))
    assert (article["value"], article["previous"]) == (pytest.approx(0.5), pytest.approx(2 / 3))


def test_the_summary_and_caption_say_which_period(workbook):
    part = measure_shifts(workbook, 2026, D(2026, 11, 15))
    assert summary_paragraph(part).startswith("截至11月15日，与上年同期相比：")
    assert "每场宣讲次数 1.0，较上年同期增加 0.5" in summary_paragraph(part)
    assert period_caption(part).startswith("比较期间：2026年1月1日至11月15日，与2025年同期")
    whole = measure_shifts(workbook, 2026, D(2027, 1, 5))
    assert not summary_paragraph(whole).startswith("截至")
    assert "较上年增加 0.3" in summary_paragraph(whole)  # 1.0 against 0.67, from exact values
    assert period_caption(whole) == "比较期间：2026年全年与2025年全年。"


def test_same_day_of_a_leap_day_in_a_common_year():
    assert same_day(2025, D(2024, 2, 29)) == D(2025, 2, 28)
    assert same_day(2024, D(2026, 11, 15)) == D(2024, 11, 15)


def test_the_summary_paragraph_words_come_from_exact_values(workbook):
    """91.4% against 92.3%: the paragraph says 下降 0.9 个百分点, the exact difference to one
    decimal, not the 1 point the whole percents (91%, 92%) would give, and names the period."""
    import copy

    part = copy.deepcopy(measure_shifts(workbook, 2026, D(2026, 11, 15)))
    part.overall["attendance_rate"].update(value=0.914, previous=0.923)
    part.groups = {}  # one sentence per shift, no best and worst group
    paragraph = summary_paragraph(part)
    assert paragraph.startswith(
        "截至11月15日，与上年同期相比：从“要我学”到“我要学”：到课率 91.4%，较上年同期下降 0.9 个百分点。"
    )
