"""Statuses, reasons and fixes of DOMAIN.md §5–§6 with hand-computed lines and credits."""

from model.texts.domain import consequence_text, fix_line
from tests.engine.test_credits import OUTREACH, PARTICIPATION, PLAN, TALKS
from tests.ledgers import D, fix_of, member, plan_row, reason_texts, report, talk_row


def scenario(exams=(), **kw):
    return report(
        plan=PLAN, talks=TALKS, participation=PARTICIPATION, outreach=OUTREACH, exams=exams, **kw
    )


def exam(name, score, makeup=None, year=2026):
    return [name, "一组", year, score, makeup]


def codes(row):
    return [reason["code"] for reason in row["reasons"]]


def test_at_risk_when_projected_below_line_but_attainable():
    # 甲: 27 credits; one remaining session as listener: attainable 27 + 2 + 3 = 32,
    # projected at his rates (attended, never commented) 27 + 2 = 29 < 30.
    row = member(scenario(exams=[exam("甲", 80)]), "甲")
    assert (row["line"], row["attainable"], row["projected"]) == (30, 32, 29)
    assert row["status"] == "at_risk"
    assert codes(row)[:2] == ["CREDIT_SHORTFALL", "PROJECTED_SHORT"]
    assert fix_of(row) == "参加剩余1次学习并口头点评"


def test_cannot_reach_before_the_year_end_is_at_risk_not_failed():
    # 乙: 22 credits (host 2 + attend 2 + oral 3 at session 1; talk 10 + attend 2 + one outreach 3
    # at session 2); session 4 remains as listener and host: attainable 22 + 2 + 3 + 2 = 29 < 30.
    row = member(scenario(exams=[exam("乙", 90)]), "乙")
    assert (row["attainable"], row["status"]) == (29, "at_risk")
    assert codes(row)[:3] == ["CREDIT_SHORTFALL", "CANNOT_REACH", "GROUP_SHORT"]
    assert consequence_text(row["consequence"]) is None
    # 乙 has a talk this year, so the group's fix is one more session (+2 出席 +3 口头 = 5 ≥ 1).
    assert fix_of(row) == (
        "参加剩余1次学习并口头点评；本组需在12月31日前补排 1 次学习（每次参加并口头点评 +5 学分）"
    )
    # Held 1 and 2 in post, 4 still planned; 1, 2, 4 planned for the year (3 cancelled) < 6.
    assert reason_texts(row)[2] == (
        "在岗期间本组举行 2 次、尚有计划 1 次学习，全部参加并点评也最多 29 分，达标需 30 分："
        "差在本组安排，不在本人（本组全年仅计划 3 场，少于 6 场）"
    )


def test_failed_carries_the_consequence_only_when_final():
    rep = report(year=2026, as_of=D(2027, 1, 5), exams=[exam("乙", 90)], **lean_plan(5))
    row = member(rep, "乙")
    assert row["status"] == "failed" and row["consequence"] == "ADMONISHED"
    assert consequence_text(row["consequence"]) == "诫勉，当年不得提拔使用"
    assert consequence_text(row["consequence"], "en") == "Admonished; not promoted this year"


def test_speaker_of_a_remaining_talk_counts_it_in_full():
    # 丙: 4 + attend 2 + talk 10 + outreach 2×3 + article 5 = 27.
    row = member(scenario(), "丙")
    assert (row["attainable"], row["projected"]) == (27, 27)


def lean_plan(credits_sessions: int):
    """甲 speaks at one session; 乙 attends `credits_sessions` sessions with oral comments."""
    plan = [
        plan_row(str(i), D(2026, i, 5), speaker="甲", host="丙")
        for i in range(1, credits_sessions + 1)
    ]
    talks = [talk_row(str(i), D(2026, i, 5)) for i in range(1, credits_sessions + 1)]
    participation = [[str(i), "乙", "出席", "口头"] for i in range(1, credits_sessions + 1)]
    participation += [[str(i), "丙", "出席", "口头"] for i in range(1, credits_sessions + 1)]
    return {"plan": plan, "talks": talks, "participation": participation}


def test_passed_exactly_at_the_line():
    # 乙: 6 sessions × (2 + 3) = 30 = the line.
    rep = report(as_of=D(2026, 7, 1), exams=[exam("乙", 60)], **lean_plan(6))
    row = member(rep, "乙")
    assert (row["credits"], row["line"], row["status"]) == (30, 30, "passed")
    assert codes(row)[0] == "PASSED"


def test_one_credit_short_with_nothing_left_is_at_risk_until_the_year_ends():
    rep = report(
        as_of=D(2026, 7, 1), exams=[exam("乙", 60)], settings=[["达标学分", 31]], **lean_plan(6)
    )
    # 30 credits against a line of 31 and no session left: attainable 30 < 31. 乙 attended and
    # commented at all six (GROUP_SHORT) and has no talk: one talk (2 + 10 + 2×3 + 5 = 23) closes it.
    row = member(rep, "乙")
    assert (row["credits"], row["line"], row["attainable"]) == (30, 31, 30)
    assert row["status"] == "at_risk"
    assert codes(row) == ["CREDIT_SHORTFALL", "CANNOT_REACH", "GROUP_SHORT", "NO_TALK_PLANNED"]
    assert fix_of(row) == "本组需在12月31日前为其安排主讲 1 次（最多 +23 学分）"
    assert reason_texts(row)[-1] == "全年没有主讲安排（本组未安排）"


def test_exam_below_the_pass_mark_is_not_passed():
    rep = report(as_of=D(2026, 7, 1), exams=[exam("乙", 59.5)], **lean_plan(6))
    row = member(rep, "乙")
    assert row["status"] == "at_risk"
    assert codes(row) == ["NO_TALK_PLANNED", "EXAM_FAILED"]
    assert fix_of(row) == "12月31日前参加补考"


def test_makeup_failed_is_failed():
    rep = report(as_of=D(2026, 7, 1), exams=[exam("乙", 50, 58)], **lean_plan(6))
    row = member(rep, "乙")
    assert row["status"] == "failed" and "MAKEUP_FAILED" in codes(row)


def test_makeup_passed_is_passed():
    rep = report(as_of=D(2026, 7, 1), exams=[exam("乙", 50, 75)], **lean_plan(6))
    assert member(rep, "乙")["status"] == "passed"


def test_no_exam_is_at_risk_only_under_60_days_left():
    early = report(as_of=D(2026, 7, 1), **lean_plan(6))  # 183 days left
    assert member(early, "乙")["status"] == "on_track"
    late = report(as_of=D(2026, 11, 2), **lean_plan(6))  # 59 days left
    row = member(late, "乙")
    assert row["status"] == "at_risk" and codes(row) == ["NO_TALK_PLANNED", "EXAM_MISSING"]
    assert fix_of(row) == "12月31日前参加理论考试"


def test_on_track_when_projection_reaches_the_line():
    # 乙 has 10 credits from 2 sessions; 5 remaining at full rates bring 25 more.
    data = lean_plan(2)
    data["plan"] += [plan_row(str(i), D(2026, i, 5), speaker="丙", host="甲") for i in range(8, 13)]
    rep = report(as_of=D(2026, 6, 30), exams=[exam("乙", 88)], **data)
    row = member(rep, "乙")
    assert (row["credits"], row["projected"], row["status"]) == (10, 35, "on_track")
    assert codes(row)[0] == "ON_TRACK"


def test_after_the_year_everyone_not_passed_has_failed():
    rep = report(year=2026, as_of=D(2027, 1, 5), exams=[exam("乙", 88)], **lean_plan(5))
    row = member(rep, "乙")
    assert (row["credits"], row["status"]) == (25, "failed")
    assert codes(row)[:2] == ["YEAR_OVER", "CREDIT_SHORTFALL"]
    assert member(rep, "丙")["status"] == "failed"  # no exam at all


def test_a_makeup_entered_after_the_year_turns_failed_into_passed():
    rep = report(year=2026, as_of=D(2027, 1, 5), exams=[exam("乙", 40, 70)], **lean_plan(6))
    assert member(rep, "乙")["status"] == "passed"


def test_exempt_members_are_not_assessed():
    members = [
        ["甲", "一组", None, "书记", "是", "东村"],
        ["乙", "一组", None, "委员", "否", None, None, None, "是"],
        ["丙", "一组", None, "委员", "否"],
    ]
    row = member(report(members=members, **lean_plan(1)), "乙")
    assert row["status"] == "exempt" and codes(row) == ["EXEMPT"]


def test_pass_line_pro_rated_by_days_in_post_rounded_up():
    members = [
        ["甲", "一组", None, "书记", "是", "东村"],
        ["乙", "一组", None, "委员", "否", None, "2026-07-01"],  # 184 days: 30×184/365 = 15.1 → 16
        ["丙", "一组", None, "委员", "否", None, None, "2026-03-31"],  # 90 days: 7.4 → 8
        ["丁", "一组", None, "委员", "否", None, "2026-10-20"],  # 73 days: exactly 6
    ]
    rep = report(members=members)
    assert [member(rep, n)["line"] for n in ("甲", "乙", "丙", "丁")] == [30, 16, 8, 6]


def test_member_in_post_only_after_a_session_is_not_expected_there():
    members = [
        ["甲", "一组", None, "书记", "是", "东村"],
        ["乙", "一组", None, "委员", "否", None, "2026-05-01"],
        ["丙", "一组", None, "委员", "否"],
    ]
    rep = report(members=members, **lean_plan(2))  # sessions on 1-5 and 2-5
    assert member(rep, "乙")["reasons"][0]["code"] != "ABSENCES"
    assert [r["code"] for r in member(rep, "乙")["reasons"]].count("ABSENCES") == 0


# --- Exact at the boundaries (DOMAIN.md §6: compare exactly, show rounded) ---------------------
# 乙 listens at two held sessions (出席 + 口头 at the first, 缺席 at the second), so her shares are
# attendance 1/2, oral 1/2, written 0, and two sessions remain in December. With 出席学分 A and
# 口头点评学分 O: credits = A + O, projected = credits + 2 × (A/2 + O/2) = 2(A + O),
# attainable = credits + 2 × (A + O) = 3(A + O).
BOUNDARY_PLAN = [
    plan_row("1", D(2026, 3, 10), speaker="甲", host="丙"),
    plan_row("2", D(2026, 4, 10), speaker="甲", host="丙"),
    plan_row("3", D(2026, 12, 10), speaker="甲", host="丙"),
    plan_row("4", D(2026, 12, 20), speaker="甲", host="丙"),
]
BOUNDARY_TALKS = [talk_row("1", D(2026, 3, 10)), talk_row("2", D(2026, 4, 10))]
BOUNDARY_PARTICIPATION = [
    ["1", "乙", "出席", "口头"],
    ["1", "丙", "出席", "口头"],
    ["2", "乙", "缺席", "无"],
    ["2", "丙", "出席", "口头"],
]


MID_YEAR = D(2026, 6, 30)


def boundary(oral: float, line: float, as_of=MID_YEAR, exams=(("乙", 80),)):
    rep = report(
        as_of=as_of,
        plan=BOUNDARY_PLAN,
        talks=BOUNDARY_TALKS,
        participation=BOUNDARY_PARTICIPATION,
        exams=[exam(name, score) for name, score in exams],
        settings=[["出席学分", 2], ["口头点评学分", oral], ["达标学分", line]],
    )
    return member(rep, "乙")


def test_projected_exactly_at_the_line_is_on_track():
    row = boundary(oral=5.5, line=15)  # credits 7.5, projected 2 × 7.5 = 15
    assert (row["credits"], row["line"], row["projected"]) == (7.5, 15, 15)
    assert row["status"] == "on_track"


def test_projected_four_hundredths_below_the_line_is_at_risk():
    row = boundary(oral=5.48, line=15)  # projected 2 × 7.48 = 14.96: shown 15.0, still short
    assert abs(row["projected"] - 14.96) < 1e-9
    assert row["status"] == "at_risk"
    assert "PROJECTED_SHORT" in codes(row)


def test_attainable_exactly_at_the_line_is_not_failed():
    row = boundary(oral=5, line=21)  # attainable 3 × 7 = 21
    assert (row["attainable"], row["line"], row["status"]) == (21, 21, "at_risk")


def test_attainable_one_below_the_line_is_at_risk_with_cannot_reach():
    row = boundary(oral=5, line=22)
    assert (row["attainable"], row["line"], row["status"]) == (21, 22, "at_risk")
    assert "CANNOT_REACH" in codes(row) and "GROUP_SHORT" not in codes(row)  # her own absence
    # 乙 has no talk: one of her own (2 + 10 + 2×3 + 5 = 23) closes the gap of 1 in one session.
    assert fix_of(row) == (
        "参加剩余2次学习并口头点评；本组需在12月31日前为其安排主讲 1 次（最多 +23 学分）"
    )


def test_no_exam_score_with_59_days_left_is_at_risk():
    # 2026-11-02: 31 December − 2 November = 59 days left (the as-of day itself not counted).
    row = boundary(oral=5, line=5, as_of=D(2026, 11, 2), exams=())
    assert row["status"] == "at_risk"
    assert codes(row)[-1] == "EXAM_MISSING"


def test_no_exam_score_with_60_or_61_days_left_is_on_track():
    for as_of in (D(2026, 11, 1), D(2026, 10, 31)):  # 60 and 61 days left
        assert boundary(oral=5, line=5, as_of=as_of, exams=())["status"] == "on_track"


def test_the_exam_deadline_is_rendered_in_the_language_shown():
    rep = report(as_of=D(2026, 7, 1), exams=[exam("乙", 59.5)], **lean_plan(6))
    row = member(rep, "乙")
    assert fix_line(row["fix"], "zh") == "12月31日前参加补考"
    assert fix_line(row["fix"], "en") == "take the make-up exam before 31 December"
