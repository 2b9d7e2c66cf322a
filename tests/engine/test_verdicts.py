"""Final verdicts and whose shortfall it is (DOMAIN.md §5–§6, issue #22): 不达标 only when final,
CANNOT_REACH with the group's arithmetic fix, GROUP_SHORT when the member took every chance.

Every expected line and credit is worked out by hand beside the rows that produce it."""

from model.dev.sample import SAMPLE_PATH
from model.engine.group_short import group_shortfalls
from model.engine.report import build_report
from model.texts.domain import consequence_text, group_shortfall_text, reasons_text
from model.workbook.reader import read_workbook_file
from tests.ledgers import D, G, fix_of, member, plan_row, reason_texts, report, talk_row

NOVEMBER = D(2026, 11, 15)
AFTER_THE_YEAR = D(2027, 1, 5)


def codes(row) -> list[str]:
    return [reason["code"] for reason in row["reasons"]]


# --- A cancelled talk and the member's own absence ----------------------------------------------
# 丙's only talk (3) was cancelled. 丙 is absent at 1 and attends with an oral comment at 2, 4, 5:
# 3 × (2 + 3) = 15 credits. Session 6 remains: attainable 15 + 5 = 20 < 30, a gap of 10.
# Listening alone needs ceil(10 / 5) = 2 added sessions; a talk of 丙's own brings
# 2 + 10 + 2 × 3 + 5 = 23 ≥ 10 in one session, so the talk is the fix.
CANCELLED_PLAN = [
    plan_row("1", D(2026, 1, 10), speaker="甲", host="乙"),
    plan_row("2", D(2026, 3, 10), speaker="乙", host="甲"),
    plan_row("3", D(2026, 5, 10), speaker="丙", host="甲", status="取消"),
    plan_row("4", D(2026, 7, 10), speaker="甲", host="乙"),
    plan_row("5", D(2026, 9, 10), speaker="乙", host="甲"),
    plan_row("6", D(2026, 12, 10), speaker="甲", host="乙"),
]
CANCELLED_TALKS = [talk_row(s, d) for s, _, d, *_ in CANCELLED_PLAN if s in {"1", "2", "4", "5"}]
CANCELLED_PARTICIPATION = [
    ["1", "乙", "出席", "口头"],
    ["1", "丙", "缺席", "无"],
    ["2", "甲", "出席", "口头"],
    ["2", "丙", "出席", "口头"],
    ["4", "乙", "出席", "口头"],
    ["4", "丙", "出席", "口头"],
    ["5", "甲", "出席", "口头"],
    ["5", "丙", "出席", "口头"],
]
EXAMS = [["甲", G, 2026, 90, None], ["乙", G, 2026, 85, None], ["丙", G, 2026, 80, None]]


def cancelled_talk(as_of=NOVEMBER):
    return report(
        as_of=as_of,
        plan=CANCELLED_PLAN,
        talks=CANCELLED_TALKS,
        participation=CANCELLED_PARTICIPATION,
        exams=EXAMS,
    )


def test_cannot_reach_after_a_cancelled_talk_is_at_risk_with_a_talk_as_fix():
    row = member(cancelled_talk(), "丙")
    assert (row["credits"], row["line"], row["attainable"]) == (15, 30, 20)
    assert row["status"] == "at_risk"
    assert row["consequence"] is None or consequence_text(row["consequence"]) is None
    assert codes(row) == ["CREDIT_SHORTFALL", "CANNOT_REACH", "ABSENCES", "NO_TALK_PLANNED"]
    assert reason_texts(row)[-1] == "全年没有主讲安排（已取消：场次 3）"
    assert fix_of(row) == (
        "参加剩余1次学习并口头点评；本组需在12月31日前为其安排主讲 1 次（最多 +23 学分）"
    )


def test_group_short_is_not_given_to_a_member_short_through_own_absence():
    assert "GROUP_SHORT" not in codes(member(cancelled_talk(), "丙"))  # absent at session 1


def test_cannot_reach_becomes_failed_with_the_consequence_only_after_the_year():
    row = member(cancelled_talk(AFTER_THE_YEAR), "丙")
    # Session 6 was never held: 15 credits stand, the year is over.
    assert (row["credits"], row["status"]) == (15, "failed")
    assert codes(row)[:2] == ["YEAR_OVER", "CREDIT_SHORTFALL"]
    assert "CANNOT_REACH" not in codes(row)  # nothing is left to reach: the year is over
    assert consequence_text(row["consequence"]) == "诫勉，当年不得提拔使用"
    assert fix_of(row) is None


# --- A leaver who took every chance -------------------------------------------------------------
# 乙 left on 30 June: 181 days in post, line ceil(30 × 181 / 365) = ceil(14.88) = 15. The group
# held two sessions while 乙 was in post; 乙 attended both, with an oral comment (2 + 3) and a
# written one (2 + 2): 9 credits, and nothing the group adds now can count for 乙.
LEAVER_MEMBERS = [
    ["甲", G, None, "书记", "是", "东村"],
    ["乙", G, None, "委员", "否", None, None, "2026-06-30"],
    ["丙", G, None, "委员", "否"],
]
LEAVER_PLAN = [
    plan_row("1", D(2026, 2, 10), speaker="甲", host="丙"),
    plan_row("2", D(2026, 5, 10), speaker="甲", host="丙"),
    plan_row("3", D(2026, 8, 10), speaker="丙", host="甲"),
    plan_row("4", D(2026, 9, 10), speaker="甲", host="丙"),
    plan_row("5", D(2026, 10, 10), speaker="丙", host="甲"),
    plan_row("6", D(2026, 12, 10), speaker="甲", host="丙"),
]
LEAVER_PARTICIPATION = [
    ["1", "乙", "出席", "口头"],
    ["1", "丙", "出席", "口头"],
    ["2", "乙", "出席", "书面"],
    ["2", "丙", "出席", "口头"],
    ["3", "甲", "出席", "口头"],
    ["4", "丙", "出席", "口头"],
    ["5", "甲", "出席", "口头"],
]


def leaver(as_of):
    return report(
        as_of=as_of,
        members=LEAVER_MEMBERS,
        plan=LEAVER_PLAN,
        talks=[talk_row(s, d) for s, _, d, *_ in LEAVER_PLAN[:5]],
        participation=LEAVER_PARTICIPATION,
        exams=EXAMS,
    )


def test_leaver_who_took_every_chance_is_group_short_and_at_risk_in_november():
    row = member(leaver(NOVEMBER), "乙")
    assert (row["credits"], row["line"], row["attainable"]) == (9, 15, 9)
    assert row["status"] == "at_risk"
    assert codes(row) == ["CREDIT_SHORTFALL", "CANNOT_REACH", "GROUP_SHORT", "NO_TALK_PLANNED"]
    assert reason_texts(row)[2] == (
        "在岗期间本组仅举行 2 次学习，全部参加并点评也只有 9 分，达标需 15 分：差在本组安排，不在本人"
    )
    assert reason_texts(row)[3] == "全年没有主讲安排（本组未安排）"
    assert fix_of(row) == (
        "已于6月30日离组，在岗期间本组学习安排不足，补排已无法计入；请中心组说明情况，报考核部门认定"
    )
    assert consequence_text(row["consequence"]) is None


def test_leaver_who_took_every_chance_fails_after_the_year_still_group_short():
    row = member(leaver(AFTER_THE_YEAR), "乙")
    assert (row["credits"], row["status"]) == (9, "failed")
    assert codes(row) == ["YEAR_OVER", "CREDIT_SHORTFALL", "GROUP_SHORT", "NO_TALK_PLANNED"]
    assert consequence_text(row["consequence"]) == "诫勉，当年不得提拔使用"


def test_group_short_in_english_names_the_group():
    row = member(leaver(NOVEMBER), "乙")
    from model.texts.domain import reason_text

    reason = next(r for r in row["reasons"] if r["code"] == "GROUP_SHORT")
    assert reason_text("GROUP_SHORT", reason["details"], "en") == (
        "the group held only 2 sessions while in post; attending and commenting at all gives 9"
        " credits, the line is 15: the group's plan is short, not the member"
    )


# --- The group must add several sessions --------------------------------------------------------
# 乙 gave talk 1 (2 + 10 + article 5 = 17; no outreach yet) and listens at 2 in December:
# attainable 17 + 5 = 22 < 30, a gap of 8. 乙 already has a talk, so only listening counts:
# ceil(8 / 5) = 2 sessions. 乙 missed nothing: GROUP_SHORT, and the group plans 2 < 6.
THIN_PLAN = [
    plan_row("1", D(2026, 3, 10), speaker="乙", host="甲"),
    plan_row("2", D(2026, 12, 10), speaker="甲", host="丙"),
]


def thin(members=None, as_of=NOVEMBER):
    kw = {"members": members} if members else {}
    return report(
        as_of=as_of,
        plan=THIN_PLAN,
        talks=[talk_row("1", D(2026, 3, 10))],
        participation=[["1", "甲", "出席", "口头"], ["1", "丙", "出席", "口头"]],
        exams=EXAMS,
        **kw,
    )


def test_cannot_reach_fix_counts_the_sessions_the_group_must_add():
    row = member(thin(), "乙")
    assert (row["credits"], row["attainable"], row["status"]) == (17, 22, "at_risk")
    assert fix_of(row) == (
        "参加剩余1次学习并口头点评；本组需在12月31日前补排 2 次学习（每次参加并口头点评 +5 学分）"
    )
    assert reason_texts(row)[2] == (
        "在岗期间本组举行 1 次、尚有计划 1 次学习，全部参加并点评也最多 22 分，达标需 30 分："
        "差在本组安排，不在本人（本组全年仅计划 2 场，少于 6 场）"
    )


def test_cannot_reach_fix_ends_on_the_members_last_day_in_post():
    # 乙 leaves on 5 December: 339 days, line ceil(30 × 339 / 365) = ceil(27.86) = 28; session 2
    # (10 December) is after that, so attainable stays 17 and the gap is 11: ceil(11 / 5) = 3.
    members = [
        ["甲", G, None, "书记", "是", "东村"],
        ["乙", G, None, "委员", "否", None, None, "2026-12-05"],
        ["丙", G, None, "委员", "否"],
    ]
    row = member(thin(members), "乙")
    assert (row["line"], row["attainable"]) == (28, 17)
    assert fix_of(row) == "本组需在12月5日前补排 3 次学习（每次参加并口头点评 +5 学分）"


def test_the_fix_follows_the_parameters_in_force():
    rep = report(
        as_of=NOVEMBER,
        plan=THIN_PLAN,
        talks=[talk_row("1", D(2026, 3, 10))],
        participation=[["1", "甲", "出席", "口头"], ["1", "丙", "出席", "口头"]],
        exams=EXAMS,
        settings=[["出席学分", 1], ["口头点评学分", 1]],
    )
    # 乙: attend 1 + talk 10 + article 5 = 16; +2 at session 2: 18; gap 12 at 2 a session: 6.
    row = member(rep, "乙")
    assert (row["credits"], row["attainable"]) == (16, 18)
    assert fix_of(row).endswith("本组需在12月31日前补排 6 次学习（每次参加并口头点评 +2 学分）")


# --- A failed make-up is final at once ------------------------------------------------------------


def test_makeup_failed_in_june_is_failed_with_the_consequence():
    rep = report(
        as_of=D(2026, 6, 15),
        plan=CANCELLED_PLAN,
        talks=CANCELLED_TALKS[:2],
        participation=CANCELLED_PARTICIPATION[:4],
        exams=[["乙", G, 2026, 50, 55]],
    )
    row = member(rep, "乙")
    assert row["status"] == "failed"
    assert "MAKEUP_FAILED" in codes(row) and "YEAR_OVER" not in codes(row)
    assert consequence_text(row["consequence"]) == "诫勉，当年不得提拔使用"


# --- The sample, as the leaders see it on 15 November ------------------------------------------


def sample_report():
    read = read_workbook_file(SAMPLE_PATH)
    return build_report(read.workbook, 2026, NOVEMBER)


def test_no_verdict_before_it_is_final_in_the_sample():
    members = sample_report().members
    failed = members[members["status"] == "failed"]
    # Mid-November only a failed make-up is final: 江辉 (城关镇党委), make-up 45.
    assert failed["name"].tolist() == ["江辉"]
    assert all("MAKEUP_FAILED" in [r["code"] for r in reasons] for reasons in failed["reasons"])
    assert failed["consequence"].tolist() == ["ADMONISHED"]
    others = members[members["status"] != "failed"]
    assert others["consequence"].isna().all()


def test_every_risk_in_the_sample_has_a_fix():
    members = sample_report().members
    at_risk = members[members["status"] == "at_risk"]
    assert len(at_risk) == 10
    assert all(len(fix) > 0 for fix in at_risk["fix"])


def test_the_sample_names_the_groups_shortfall():
    members = sample_report().members.set_index("name")
    # 余娟英 left 城关镇 on 30 June after both sessions held in her time; 周伟云's talk was
    # cancelled but he missed a session himself.
    assert "GROUP_SHORT" in [r["code"] for r in members.at["余娟英", "reasons"]]
    zhou = [r["code"] for r in members.at["周伟云", "reasons"]]
    assert "CANNOT_REACH" in zhou and "GROUP_SHORT" not in zhou
    assert members.at["周伟云", "status"] == "at_risk"


# --- GROUP_SHORT said once for the group ---------------------------------------------------------


def test_group_short_gathered_per_group_with_the_sessions_the_group_must_add():
    rep = thin()
    (row,) = group_shortfalls(rep.members).to_dict("records")
    # 乙 needs 2 listening sessions (above). 丙 attended and commented at 1 (5) and hosts 2
    # (2 + 2): attainable 9, a gap of 21, and 丙 has no talk: one talk of 丙's own (+23) closes
    # it. 甲 missed no chance either but reaches the line with the talk at 2. The talk needs a
    # session of its own, and 乙 listens there too: max(1 talk, 2 + 0, 0 + 1) = 2 sessions.
    assert row == {
        "group": G,
        "keys": [member(rep, "乙")["key"], member(rep, "丙")["key"]],
        "planned": 2,
        "minimum": 6,
        "sessions": 2,
        "talks": 1,
        "left": 0,
    }
    assert group_shortfall_text(row) == (
        "2 名成员每次学习都参加并点评，仍达不到达标线：差在本组安排，不在个人；"
        "全年仅计划 2 场，少于 6 场；本组需补排至少 2 次学习（其中 1 次安排尚未主讲的成员主讲）"
    )
    assert member(rep, "甲")["status"] != "at_risk"


def test_group_short_in_the_sample_counts_talks_and_leavers():
    members = sample_report().members
    (row,) = group_shortfalls(members).to_dict("records")
    by_key = members.set_index("key")["name"]
    assert row["group"] == "城关镇党委"
    assert [by_key[key] for key in row["keys"]] == ["向浩伟", "余娟英", "任东静"]
    # 向浩伟 needs 2 listening sessions; 任东静, with no talk, one talk of her own; 余娟英 has left.
    # Each talk takes a session of its own: max(1 talk, 2 + 0, 0 + 1) = 2 sessions.
    assert (row["planned"], row["minimum"]) == (5, 6)
    assert (row["sessions"], row["talks"], row["left"]) == (2, 1, 1)


def test_group_short_is_not_said_twice_beside_cannot_reach():
    row = member(thin(), "乙")
    assert {"CANNOT_REACH", "GROUP_SHORT"} <= set(codes(row))
    assert reasons_text(row["reasons"]).count("最多 22 分") == 1


def test_group_short_after_the_year_is_a_verdict_not_a_group_line():
    rep = thin(as_of=AFTER_THE_YEAR)
    assert member(rep, "乙")["status"] == "failed"
    assert group_shortfalls(rep.members).empty
