"""Credits of DOMAIN.md §5–§6, hand-computed on a three-member group."""

from tests.ledgers import D, member, plan_row, report, talk_row

PLAN = [
    plan_row("1", D(2026, 3, 10), speaker="甲", host="乙"),
    plan_row("2", D(2026, 4, 10), speaker="乙", host="甲"),
    plan_row("3", D(2026, 5, 10), speaker="丙", host="甲", status="取消"),
    plan_row("4", D(2026, 9, 10), speaker="丙", host="乙"),
]
TALKS = [
    talk_row("1", D(2026, 3, 10)),  # with an article
    talk_row("2", D(2026, 4, 12), article=None),
]
PARTICIPATION = [
    ["1", "乙", "出席", "口头"],
    ["1", "丙", "出席", "书面"],
    ["2", "甲", "出席", "无"],
    ["2", "丙", "请假", "无"],
]
OUTREACH = [
    ["1", D(2026, 3, 20), "东村"],
    ["1", D(2026, 3, 25), "西村"],
    ["1", D(2026, 4, 1), "东村"],  # the third is past the cap of 2
    ["2", D(2026, 4, 20), "南村"],
]


def scenario(**kw):
    return report(plan=PLAN, talks=TALKS, participation=PARTICIPATION, outreach=OUTREACH, **kw)


def breakdown(rep, name):
    row = member(rep, name)
    parts = [
        "attendance",
        "talks",
        "hosting",
        "oral_comments",
        "written_comments",
        "outreach",
        "articles",
    ]
    return {part: float(row[part]) for part in parts}, float(row["credits"])


def test_speaker_credits_talk_outreach_cap_article_and_attendance():
    # 甲: talk 1 (attend 2 + talk 10 + outreach min(3,2)×3 + article 5) + session 2 (attend 2 + host 2)
    parts, total = breakdown(scenario(), "甲")
    assert parts == {
        "attendance": 4,
        "talks": 10,
        "hosting": 2,
        "oral_comments": 0,
        "written_comments": 0,
        "outreach": 6,
        "articles": 5,
    }
    assert total == 27


def test_host_and_commentator_credits():
    # 乙: session 1 (attend 2 + oral 3 + host 2) + own talk 2 (attend 2 + talk 10 + outreach 3)
    parts, total = breakdown(scenario(), "乙")
    assert parts == {
        "attendance": 4,
        "talks": 10,
        "hosting": 2,
        "oral_comments": 3,
        "written_comments": 0,
        "outreach": 3,
        "articles": 0,
    }
    assert total == 22


def test_leave_earns_nothing_and_written_comment_earns_its_credit():
    parts, total = breakdown(scenario(), "丙")
    assert parts["attendance"] == 2 and parts["written_comments"] == 2
    assert total == 4


def test_parameters_override_credit_values():
    rep = scenario(settings=[["出席学分", 1], ["宣讲计分上限", 3], ["主讲学分", 8]])
    # 甲: attend 2×1 + talk 8 + outreach 3×3 + article 5 + host 2
    assert float(member(rep, "甲")["credits"]) == 26


def test_cancelled_and_future_sessions_earn_nothing():
    rep = scenario(as_of=D(2026, 3, 31))  # talk 2 not yet held at that date
    assert float(member(rep, "乙")["credits"]) == 7
    assert int(rep.overall["planned"]) == 3 and int(rep.overall["cancelled"]) == 1


def test_credits_of_another_year_do_not_count():
    rep = scenario(year=2027, as_of=D(2027, 3, 1))
    assert float(member(rep, "甲")["credits"]) == 0


def test_a_members_chart_events_add_up_to_the_ledger():
    from model.engine.credits import credit_events

    rep = scenario()
    for key, row in rep.members.iterrows():
        events = credit_events(rep.timeline, key, 2026)
        total = float(events["cumulative"].iloc[-1]) if len(events) else 0.0
        assert total == float(row["credits"]), row["name"]
    # 甲 by hand: talk 1 on 03-10 (attend 2 + talk 10), outreach 03-20 and 03-25 (3 each),
    # the article dated with the talk (5), session 2 on 04-12 (attend 2 + host 2).
    jia = credit_events(rep.timeline, member(rep, "甲").name, 2026)
    assert list(jia["credits"]) == [2, 10, 5, 3, 3, 2, 2]
    assert list(jia["cumulative"])[-1] == 27
