"""Each finding code of DOMAIN.md §4, firing and not firing, named after its code."""

from tests.ledgers import MEMBERS, D, everyone, finding_texts, findings, plan_row, report, talk_row

HELD = D(2026, 3, 10)
END_OF_MARCH = D(2026, 3, 31)


def one_session(talk=None, participation=None, outreach=(), as_of=END_OF_MARCH, plan=None, **kw):
    return report(
        as_of=as_of,
        plan=plan or [plan_row("1", HELD)],
        talks=[talk or talk_row("1", HELD)],
        participation=everyone("1") if participation is None else participation,
        outreach=outreach,
        **kw,
    )


def test_SPEAKER_IS_HOST():
    fired = one_session(plan=[plan_row("1", HELD, speaker="甲", host="甲")])
    assert findings(fired, "SPEAKER_IS_HOST") == [("1", None)]
    assert findings(one_session(), "SPEAKER_IS_HOST") == []


def test_DRAFT_LATE_fires_one_day_short_and_not_exactly_on_the_lead():
    late = one_session(talk=talk_row("1", HELD, draft=D(2026, 3, 4)))  # 6 days before
    assert findings(late, "DRAFT_LATE") == [("1", None)]
    assert "提前 6 天" in finding_texts(late, "DRAFT_LATE")[0]
    on_time = one_session(talk=talk_row("1", HELD, draft=D(2026, 3, 3)))  # exactly 7
    assert findings(on_time, "DRAFT_LATE") == []


def test_DRAFT_LATE_follows_the_parameter():
    rep = one_session(
        talk=talk_row("1", HELD, draft=D(2026, 3, 3)), settings=[["初稿提前天数", 10]]
    )
    assert findings(rep, "DRAFT_LATE") == [("1", None)]


def test_DRAFT_MISSING():
    assert findings(one_session(talk=talk_row("1", HELD, draft=None)), "DRAFT_MISSING") == [
        ("1", None)
    ]
    assert findings(one_session(), "DRAFT_MISSING") == []


def test_DURATION_OFF_bounds_are_fine():
    for minutes in (45, 90):
        assert (
            findings(one_session(talk=talk_row("1", HELD, minutes=minutes)), "DURATION_OFF") == []
        )
    for minutes in (44, 91):
        assert findings(one_session(talk=talk_row("1", HELD, minutes=minutes)), "DURATION_OFF") == [
            ("1", None)
        ]


def test_NOT_ALL_ATTENDED_lists_who_and_counts_a_missing_row():
    rows = [["1", "乙", "请假", "无"]]  # 丙 has no row at all
    rep = one_session(participation=rows)
    assert findings(rep, "NOT_ALL_ATTENDED") == [("1", None)]
    assert "乙、丙" in finding_texts(rep, "NOT_ALL_ATTENDED")[0]
    assert findings(one_session(), "NOT_ALL_ATTENDED") == []


def test_NOT_ALL_ATTENDED_ignores_members_not_yet_in_post():
    members = [*MEMBERS, ["丁", "一组", None, None, "否", None, D(2026, 4, 1)]]
    assert findings(one_session(members=members), "NOT_ALL_ATTENDED") == []


def test_ABSENT_UNEXCUSED_for_absence_and_missing_row_not_for_leave():
    rows = [["1", "乙", "缺", "无"]]  # 丙 missing → also 缺席
    assert findings(one_session(participation=rows), "ABSENT_UNEXCUSED") == [
        ("1", "乙"),
        ("1", "丙"),
    ]
    leave = [["1", "乙", "请假", "无"], ["1", "丙", "出席", "口头"]]
    assert findings(one_session(participation=leave), "ABSENT_UNEXCUSED") == []


def test_COMMENT_MISSING_not_for_the_speaker_nor_the_absent():
    rows = [["1", "甲", "出席", "无"], ["1", "乙", "出席", "无"], ["1", "丙", "缺席", "无"]]
    assert findings(one_session(participation=rows), "COMMENT_MISSING") == [("1", "乙")]
    assert findings(one_session(participation=everyone("1", "书面")), "COMMENT_MISSING") == []


def test_NO_REVISION_missing_or_before_the_talk():
    assert findings(one_session(talk=talk_row("1", HELD, final=None)), "NO_REVISION") == [
        ("1", None)
    ]
    before = one_session(talk=talk_row("1", HELD, final=D(2026, 3, 9)))
    assert findings(before, "NO_REVISION") == [("1", None)]
    same_day = one_session(talk=talk_row("1", HELD, final=HELD))
    assert findings(same_day, "NO_REVISION") == []


def test_NO_OUTREACH_strictly_after_the_deadline():
    at_deadline = one_session(as_of=D(2026, 5, 9))  # 60 days after 3-10
    assert findings(at_deadline, "NO_OUTREACH") == []
    past = one_session(as_of=D(2026, 5, 10))  # 61 days
    assert findings(past, "NO_OUTREACH") == [("1", None)]
    done = one_session(as_of=D(2026, 5, 10), outreach=[["1", D(2026, 4, 1), "东村"]])
    assert findings(done, "NO_OUTREACH") == []


def test_NO_ARTICLE_strictly_after_the_deadline():
    no_article = talk_row("1", HELD, article=None)
    assert (
        findings(one_session(talk=no_article, as_of=D(2026, 6, 8)), "NO_ARTICLE") == []
    )  # 90 days
    assert findings(one_session(talk=no_article, as_of=D(2026, 6, 9)), "NO_ARTICLE") == [
        ("1", None)
    ]
    assert findings(one_session(as_of=D(2026, 6, 9)), "NO_ARTICLE") == []


def test_OUTREACH_OFF_POINT_only_where_the_speaker_lists_points():
    off = one_session(outreach=[["1", D(2026, 3, 20), "县委党校"], ["1", D(2026, 3, 21), "东村"]])
    assert findings(off, "OUTREACH_OFF_POINT") == [("1", None)]
    assert "县委党校" in finding_texts(off, "OUTREACH_OFF_POINT")[0]
    on_point = one_session(outreach=[["1", D(2026, 3, 20), " 西村 "]])
    assert findings(on_point, "OUTREACH_OFF_POINT") == []
    # 丙 lists no 联系点: anywhere is fine.
    no_points = one_session(
        plan=[plan_row("1", HELD, speaker="丙", host="乙")],
        participation=everyone("1", skip=("丙",)),
        outreach=[["1", D(2026, 3, 20), "县委党校"]],
    )
    assert findings(no_points, "OUTREACH_OFF_POINT") == []


def test_SESSION_OVERDUE_not_when_postponed_cancelled_or_held():
    plan = [
        plan_row("1", D(2026, 3, 1)),
        plan_row("2", D(2026, 3, 2), status="延期"),
        plan_row("3", D(2026, 3, 3), status="取消"),
        plan_row("4", D(2026, 7, 1)),
    ]
    rep = report(as_of=D(2026, 3, 31), plan=plan)
    assert findings(rep, "SESSION_OVERDUE") == [("1", None)]


def test_TOO_FEW_SESSIONS_does_not_count_cancelled():
    six = [plan_row(str(i), D(2026, i, 5)) for i in range(1, 7)]
    assert findings(report(plan=six), "TOO_FEW_SESSIONS") == []
    six[0] = plan_row("1", D(2026, 1, 5), status="取消")
    assert findings(report(plan=six), "TOO_FEW_SESSIONS") == [(None, None)]


def test_HEAD_NO_TALK_counts_planned_talks():
    assert findings(
        report(plan=[plan_row("1", D(2026, 9, 1), speaker="乙", host="甲")]), "HEAD_NO_TALK"
    ) == [(None, "甲")]
    assert findings(report(plan=[plan_row("1", D(2026, 9, 1))]), "HEAD_NO_TALK") == []


def test_NO_HEAD_and_MANY_HEADS():
    no_head = [[n, "一组", None, None, "否"] for n in ("甲", "乙")]
    assert findings(report(members=no_head), "NO_HEAD") == [(None, None)]
    assert findings(report(members=no_head), "HEAD_NO_TALK") == []
    two = [[n, "一组", None, None, "是"] for n in ("甲", "乙")]
    rep = report(members=two)
    assert findings(rep, "MANY_HEADS") == [(None, None)]
    assert findings(report(), "NO_HEAD") == [] and findings(report(), "MANY_HEADS") == []


def test_NEVER_SPEAKER_per_member_and_year():
    plan = [
        plan_row("1", D(2026, 3, 1), speaker="甲"),
        plan_row("2", D(2026, 9, 1), speaker="乙", host="甲"),
    ]
    assert findings(report(plan=plan), "NEVER_SPEAKER") == [(None, "丙")]
    # A talk of the year before does not count for this year.
    old = [plan_row("0", D(2025, 3, 1), speaker="丙"), *plan]
    assert findings(report(plan=old), "NEVER_SPEAKER") == [(None, "丙")]
