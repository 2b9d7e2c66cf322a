"""学习档案 (issue #15): one member's year, session by session, with hand-computed credits."""

import datetime as dt

from model.engine.record import find_member, group_records, study_record
from tests.ledgers import D, G, report, talk_row

YEAR_END = D(2026, 12, 31)
PLAN = [
    ["S1", G, D(2026, 3, 10), "专题一", "甲", "乙", "已举行"],
    ["S2", G, D(2026, 5, 12), "专题二", "乙", "丙", "已举行"],
    ["S3", G, D(2026, 9, 8), "专题三", "丙", "甲", "已举行"],
    ["S4", G, D(2026, 11, 10), "专题四", "甲", "丙", "已举行"],
]
TALKS = [talk_row(session, date) for session, _, date, *_ in PLAN]
PARTICIPATION = [
    ["S1", "乙", "出席", "口头"],  # 乙: attend 2 + oral 3 + hosting 2 = 7
    ["S1", "丙", "出席", "书面"],
    ["S2", "甲", "出席", "口头"],  # 乙 speaks: talk 10 + attend 2 = 12
    ["S2", "丙", "请假", None],
    ["S3", "甲", "出席", "口头"],  # 乙 has no row: absent, 0
    ["S4", "乙", "出席", "书面"],  # 乙: attend 2 + written 2 = 4
]
# 乙's talk S2 was taken to the 联系点 three times: the cap of 2 counts, 2 × 3 = 6 credits.
OUTREACH = [["S2", D(2026, 5, 20 + i), "南村", 40] for i in range(3)]
EXAMS = [["乙", G, 2026, 55, 72], ["丙", G, 2026, 80, None], ["甲", G, 2026, 90, None]]


YEAR_ROWS = {
    "plan": PLAN,
    "talks": TALKS,
    "participation": PARTICIPATION,
    "outreach": OUTREACH,
    "exams": EXAMS,
}


def year_report():
    return report(as_of=YEAR_END, **YEAR_ROWS)


def test_record_lists_every_session_in_post_with_role_attendance_and_credits():
    rep = year_report()
    record = study_record(rep, find_member(rep, "乙", G)[0])
    rows = record.sessions[["session", "role", "attendance", "comment", "credits"]]
    assert rows.astype(object).where(rows.notna(), None).values.tolist() == [
        ["S1", "host", "出席", "口头", 7.0],
        ["S2", "speaker", "出席", None, 12.0],
        ["S3", "listener", None, "无", 0.0],
        ["S4", "listener", "出席", "书面", 4.0],
    ]
    assert list(record.sessions["date"]) == [
        D(2026, 3, 10),
        D(2026, 5, 12),
        D(2026, 9, 8),
        D(2026, 11, 10),
    ]


def test_record_talks_carry_outreach_and_article_credits():
    rep = year_report()
    record = study_record(rep, find_member(rep, "乙", G)[0])
    talk = record.talks.iloc[0]
    assert (talk["session"], talk["outreach"], talk["outreach_credits"]) == ("S2", 3, 6.0)
    assert (talk["article"], talk["articles_credits"]) == ("理论文章", 5.0)
    # 7 + 12 + 0 + 4 in sessions, 6 + 5 after the talk: the ledger's 34.
    assert record.sessions["credits"].sum() + 6 + 5 == record.credits == 34.0
    assert (record.line, record.status, record.consequence) == (30.0, "passed", None)
    assert (record.score, record.makeup) == (55.0, 72.0)


def test_record_on_the_last_day_is_at_risk_and_carries_no_consequence():
    rep = year_report()
    record = study_record(rep, find_member(rep, "丙", G)[0])
    # S1 attend 2 + written 2; S2 hosting 2 (on leave); S3 talk 10 + attend 2 + article 5;
    # S4 hosting 2 (no row): 25 < 30 on 31 December, the year's last day: not yet final.
    assert record.credits == 25.0
    assert (record.status, record.consequence) == ("at_risk", None)
    assert record.talks["session"].tolist() == ["S3"]


def test_record_of_a_failed_member_carries_the_consequence_once_the_year_is_over():
    rep = report(as_of=D(2027, 1, 1), **YEAR_ROWS)
    record = study_record(rep, find_member(rep, "丙", G)[0])
    assert record.credits == 25.0
    assert (record.status, record.consequence) == ("failed", "ADMONISHED")
    assert [r["code"] for r in record.reasons][:2] == ["YEAR_OVER", "CREDIT_SHORTFALL"]


def test_group_records_one_per_member_in_sheet_order():
    rep = year_report()
    assert [r.name for r in group_records(rep, G)] == ["甲", "乙", "丙"]
    assert all(r.as_of == dt.date(2026, 12, 31) for r in group_records(rep, G))


def test_record_role_of_a_speaker_who_hosts_says_both():
    # S1: 甲 speaks and hosts (SPEAKER_IS_HOST): attend 2 + talk 10 + host 2 = 14, article 5 apart.
    plan = [["S1", G, D(2026, 3, 10), "专题一", "甲", "甲", "已举行"]]
    rep = report(as_of=YEAR_END, plan=plan, talks=[talk_row("S1", D(2026, 3, 10))])
    record = study_record(rep, find_member(rep, "甲", G)[0])
    assert record.sessions[["session", "role", "credits"]].values.tolist() == [
        ["S1", "speaker_host", 14.0]
    ]
