"""成效 (issue #17): every metric's numerator and denominator worked out by hand, two years.

一组: 甲 (head), 乙, 丙 all year; 丁 joins 2026-07-01. 二组: 戊 alone, nothing held (its
denominators are 0, except speaker coverage: 1 member, 0 talks). As of 2026-11-30.

2025  A1 03-10 甲 speaks, 乙 hosts: draft 9 days ahead, revised, article, 脱稿; 乙 出席 口头,
         丙 请假; 2 outreach rows.
      A2 06-10 乙 speaks, 甲 hosts: no draft date, not revised, no article, not 脱稿;
         甲 出席 but silent, 丙 缺席.
2026  B1 03-10 丙 speaks, 甲 hosts: all done, article, 脱稿; 甲 书面, 乙 口头; 1 outreach row.
      B2 05-10 cancelled.
      B3 08-10 甲 speaks, 乙 hosts: draft on time, revised, no article, 脱稿; 乙 口头, 丙 口头,
         丁 出席 silent; 3 outreach rows.
"""

import datetime as dt
import json
import subprocess
import sys

import pytest

from model.engine.shifts import change, measure_shifts
from model.texts.shifts import shown, summary_paragraph, trend
from model.workbook.reader import read_workbook
from tests.workbooks import ledger

D = dt.date
AS_OF = D(2026, 11, 30)
MEMBERS = [
    ["甲", "一组", None, "书记", "是"],
    ["乙", "一组", None, "委员"],
    ["丙", "一组", None, "委员"],
    ["丁", "一组", None, "委员", None, None, D(2026, 7, 1)],
    ["戊", "二组", None, "书记", "是"],
]
PLAN = [
    ["A1", "一组", D(2025, 3, 10), "专题一", "甲", "乙"],
    ["A2", "一组", D(2025, 6, 10), "专题二", "乙", "甲"],
    ["B1", "一组", D(2026, 3, 10), "专题三", "丙", "甲"],
    ["B2", "一组", D(2026, 5, 10), "专题四", "甲", "乙", "取消"],
    ["B3", "一组", D(2026, 8, 10), "专题五", "甲", "乙"],
    ["C1", "二组", D(2026, 12, 20), "专题六", "戊", "戊"],
]
TALKS = [
    ["A1", D(2025, 3, 10), D(2025, 3, 1), 60, "是", D(2025, 3, 12), "文章一"],
    ["A2", D(2025, 6, 10), None, 60, "否", None, None],
    ["B1", D(2026, 3, 10), D(2026, 3, 1), 60, "是", D(2026, 3, 12), "文章三"],
    ["B3", D(2026, 8, 10), D(2026, 8, 1), 60, "是", D(2026, 8, 12), None],
]
PARTICIPATION = [
    ["A1", "乙", "出席", "口头"],
    ["A1", "丙", "请假", "无"],
    ["A2", "甲", "出席", "无"],
    ["A2", "丙", "缺席", "无"],
    ["B1", "甲", "出席", "书面"],
    ["B1", "乙", "出席", "口头"],
    ["B3", "乙", "出席", "口头"],
    ["B3", "丙", "出席", "口头"],
    ["B3", "丁", "出席", "无"],
]
OUTREACH = [
    ["A1", D(2025, 3, 20), "东村", 30],
    ["A1", D(2025, 4, 20), "西村", 30],
    ["B1", D(2026, 3, 20), "东村", 30],
    ["B3", D(2026, 8, 20), "东村", 30],
    ["B3", D(2026, 9, 20), "西村", 30],
    ["B3", D(2026, 10, 20), "南村", 30],
]


def two_years() -> bytes:
    """The ledger above, as of 2026-11-30 (its 参数 sheet says so)."""
    return ledger(
        members=MEMBERS,
        plan=PLAN,
        talks=TALKS,
        participation=PARTICIPATION,
        outreach=OUTREACH,
        settings=[["统计截止日期", AS_OF]],
    )


@pytest.fixture(scope="module")
def result():
    read = read_workbook(two_years())
    assert read.ok, read.errors
    return measure_shifts(read.workbook, 2026, AS_OF)


# (numerator / denominator) per metric for 一组, by hand; see the module docstring.
GROUP_ONE = {
    2026: {
        "attendance_rate": 7 / 7,  # B1: 甲 乙 丙(speaker); B3: 甲(speaker) 乙 丙 丁 (joined 07-01)
        "leave_rate": 0 / 7,
        "absence_rate": 0 / 7,
        "comment_rate": 4 / 5,  # listeners 甲 乙 | 乙 丙 丁; 丁 silent
        "oral_share": 3 / 4,  # 书面, 口头 | 口头, 口头
        "draft_on_time_rate": 2 / 2,
        "revised_rate": 2 / 2,
        "speaker_coverage": 2 / 4,  # 丙 and 甲 of 甲 乙 丙 丁; the cancelled B2 is no talk
        "hosts_distinct": 2 / 2,  # 甲, 乙
        "commentators_per_session": 4 / 2,
        "outreach_per_talk": 4 / 2,
        "article_rate": 1 / 2,
        "off_script_rate": 2 / 2,
    },
    2025: {
        "attendance_rate": 4 / 6,  # A1: 甲(speaker) 乙, 丙 on leave; A2: 乙(speaker) 甲, 丙 absent
        "leave_rate": 1 / 6,
        "absence_rate": 1 / 6,
        "comment_rate": 1 / 2,  # 乙 口头 at A1; 甲 silent at A2 (the speaker never counts)
        "oral_share": 1 / 1,
        "draft_on_time_rate": 1 / 2,  # A2 has no draft date
        "revised_rate": 1 / 2,
        "speaker_coverage": 2 / 3,  # 丁 not yet in post
        "hosts_distinct": 2 / 2,
        "commentators_per_session": 1 / 2,
        "outreach_per_talk": 2 / 2,
        "article_rate": 1 / 2,
        "off_script_rate": 1 / 2,
    },
}


def test_every_metric_of_a_group_matches_the_hand_count(result):
    for name, expected in GROUP_ONE[2026].items():
        figures = result.groups["一组"][name]
        assert figures["value"] == pytest.approx(expected), name
        assert figures["previous"] == pytest.approx(GROUP_ONE[2025][name]), name


def test_a_zero_denominator_is_none_not_zero(result):
    second = result.groups["二组"]
    assert second["attendance_rate"]["value"] is None
    assert second["outreach_per_talk"]["value"] is None
    assert second["attendance_rate"]["change"] is None
    assert second["speaker_coverage"]["value"] == 0  # one member, no talk: 0 / 1


def test_overall_counts_every_group(result):
    overall = result.overall
    assert overall["attendance_rate"]["value"] == pytest.approx(1.0)  # 二组 held nothing
    assert overall["speaker_coverage"]["value"] == pytest.approx(2 / 5)  # 戊 counted
    assert overall["speaker_coverage"]["previous"] == pytest.approx(2 / 4)


def test_changes_are_percentage_points_for_rates_and_differences_for_averages(result):
    overall = result.overall
    assert overall["attendance_rate"]["change"] == pytest.approx(100 / 3)
    assert overall["oral_share"]["change"] == pytest.approx(-25)
    assert overall["commentators_per_session"]["change"] == pytest.approx(1.5)
    assert overall["article_rate"]["change"] == pytest.approx(0)
    assert change("outreach_per_talk", None, 1.0) is None


def test_the_paragraph_says_up_and_down_and_names_groups(result):
    paragraph = summary_paragraph(result)
    # As of 30 November 2026 the year is not over: both years up to 30 November (like with like).
    assert paragraph == (
        "截至11月30日，与上年同期相比："
        "从“要我学”到“我要学”：到课率 100%，较上年同期提高 33.3 个百分点。"
        "从“泛泛学”到“深入学”：点评率 80%，较上年同期提高 30 个百分点。"
        "从“个人学”到“团队学”：主讲覆盖率 40%，较上年同期下降 10 个百分点；"
        "一组最高（50%），二组最低（0%）。"
        "从“单纯学”到“创新学”：每场宣讲次数 2.0，较上年同期增加 1。"
    )
    english = summary_paragraph(result, "en")
    assert english.startswith("Up to 30 November, compared with the same period last year: ")
    assert "attendance 100%, up 33.3 percentage points on the same period last year." in english
    assert "members who spoke 40%, down 10 percentage points" in english


def test_the_change_in_words_is_computed_from_exact_values():
    assert trend("article_rate", 0.5, 0.5, "zh") == "与上年持平"
    # 91.4% against 92.3%: 0.9 points, not the 1 point that whole percents (91%, 92%) suggest.
    assert trend("attendance_rate", 0.914, 0.923, "zh") == "较上年下降 0.9 个百分点"
    assert shown("attendance_rate", 0.914) == "91.4%" and shown("attendance_rate", 1.0) == "100%"
    assert trend("attendance_rate", 0.914, 0.9142, "zh") == "与上年持平"  # 0.02 points
    assert trend("commentators_per_session", 6.74, 6.75, "zh") == "与上年持平"  # 0.01
    assert trend("commentators_per_session", 6.74, 6.86, "zh") == "较上年减少 0.1"
    assert trend("attendance_rate", 0.914, 0.923, "zh", same_period=True) == (
        "较上年同期下降 0.9 个百分点"
    )
    assert trend("outreach_per_talk", 1.0, None, "en") == "no figure for last year"
    # English counts its points: 1 point, 2 points (it said "down 1 percentage points").
    assert trend("attendance_rate", 0.50, 0.51, "en") == "down 1 percentage point"
    assert trend("attendance_rate", 0.52, 0.50, "en") == "up 2 percentage points"


def test_cli_shifts_json_gives_the_same_numbers(tmp_path):
    path = tmp_path / "两年.xlsx"
    path.write_bytes(two_years())
    run = subprocess.run(
        [sys.executable, "-m", "model", "shifts", str(path), "--year", "2026", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(run.stdout)
    assert (data["year"], data["previous_year"]) == (2026, 2025)
    assert data["groups"]["一组"]["comment_rate"]["value"] == pytest.approx(0.8)
    assert data["overall"]["oral_share"]["previous"] == pytest.approx(1.0)
    assert data["summary"].startswith(
        "截至11月30日，与上年同期相比：从“要我学”到“我要学”：到课率 100%"
    )
    assert data["like_with_like"] is True
    assert data["period"] == {"from": "2026-01-01", "to": "2026-11-30"}
    assert data["previous_period"] == {"from": "2025-01-01", "to": "2025-11-30"}


def test_a_sentence_for_an_unchanged_shift(result):
    import copy

    from model.texts.shifts import sentence

    steady = copy.deepcopy(result)
    steady.overall["comment_rate"]["previous"] = 0.8  # as this year: 80%
    assert sentence(steady, "deep_study", "zh") == (
        "从“泛泛学”到“深入学”：点评率 80%，与上年同期持平。"
    )
    assert sentence(steady, "deep_study", "en") == (
        "From shallow to deep study: comment rate 80%, unchanged on the same period last year."
    )


@pytest.mark.parametrize("as_of", [dt.date(2026, 10, 10), dt.date(2027, 1, 5)])
def test_every_groups_metrics_in_one_pass_equal_each_groups_rows_measured_alone(as_of):
    """measure_groups (one group-by per metric) says for each group what measuring that group's
    own rows says; the sample has groups of every shape (no sessions held, no outreach …)."""
    from dataclasses import replace

    from model.dev.sample import SAMPLE_PATH
    from model.engine.shifts import evidence, measure, measure_groups
    from model.engine.timeline import build_timeline
    from model.workbook.reader import read_workbook_file

    workbook = read_workbook_file(SAMPLE_PATH).workbook
    whole = evidence(build_timeline(workbook, as_of), 2026, deadlines=as_of.year == 2026)
    groups = sorted(workbook.members["group"].dropna().unique())
    table = measure_groups(whole, groups)
    for group in groups:

        def mine(frame, group=group):
            return frame[frame["group"] == group]

        alone = replace(
            whole,
            sessions=mine(whole.sessions),
            attendance=mine(whole.attendance),
            members=mine(whole.members),
            outreach=mine(whole.outreach),
            outreach_due=mine(whole.outreach_due),
            article_due=mine(whole.article_due),
        )
        expected = measure(alone)
        assert table.loc[group].to_dict() == pytest.approx(expected, nan_ok=True), group
    assert table.loc[groups[0]].notna().any()
