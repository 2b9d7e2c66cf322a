"""The to-do of issue #14: one case of each kind at the window's edges, hand-listed."""

from __future__ import annotations

import datetime as dt

from model.engine.plan import person_labels
from model.engine.timeline import build_timeline
from model.engine.todo import todo_items
from model.texts.todo import todo_text
from tests.ledgers import MEMBERS, D, G, plan_row, talk_row
from tests.workbooks import clean_workbook

AS_OF = D(2026, 6, 10)  # the window runs to 24 June (14 days)
TBD = "待定（主讲人确定）"
PLAN = [
    plan_row("A", D(2026, 6, 10), "甲", "乙", topic="专题A"),  # upcoming on the as-of date
    plan_row("B", D(2026, 6, 24), "乙", "丙", topic=TBD),  # upcoming on the window's last day
    plan_row("C", D(2026, 6, 25), "丙", "甲", topic="专题C"),  # a day after; draft due 18 June
    plan_row("D", D(2026, 7, 1), "甲", "丙", topic="专题D"),  # draft due on the last day
    plan_row("E", D(2026, 7, 2), "乙", "甲", topic="专题E"),  # draft due a day after
    plan_row("F", D(2026, 7, 11), "甲", "乙", topic=TBD),  # 待定, 31 days ahead: not yet
    plan_row("G", D(2026, 7, 10), "丙", "乙", topic=TBD),  # 待定, 30 days ahead: listed
    plan_row("H", D(2026, 6, 10), "甲", "乙", topic="专题H"),
    plan_row("I", D(2026, 4, 25), "乙", "甲", topic="专题I"),
    plan_row("J", D(2026, 4, 26), "丙", "甲", topic="专题J"),
    plan_row("K", D(2026, 3, 12), "甲", "丙", topic="专题K"),
    plan_row("L", D(2026, 3, 10), "乙", "甲", topic="专题L"),
]
TALKS = [
    talk_row("A", D(2026, 6, 12), draft=D(2026, 6, 1)),  # dated after the as-of: not held yet
    talk_row("H", D(2026, 6, 10), final=None, article=None),  # revision due today
    talk_row("I", D(2026, 4, 25), article=None),  # outreach due 24 June (+60)
    talk_row("J", D(2026, 4, 26), article=None),  # outreach due 25 June: outside
    talk_row("K", D(2026, 3, 12), article=None),  # article due 10 June (+90)
    talk_row("L", D(2026, 3, 10), article=None),  # article due 8 June: overdue; 丙 unrecorded
]
PARTICIPATION = [
    *[
        [s, name, "出席", "口头"]
        for s, names in [("H", "乙丙"), ("I", "甲丙"), ("J", "甲乙")]
        for name in names
    ],
    ["K", "乙", "出席", "口头"],
    ["K", "丙", "出席", "口头"],
    ["L", "甲", "出席", "口头"],
]
OUTREACH = [["K", D(2026, 3, 20), "东村"], ["L", D(2026, 3, 20), "南村"]]
EXAMS = [["甲", G, 2026, 80, None], ["乙", G, 2026, 50, 70], ["丙", G, 2026, 50, None]]


def todo(as_of=AS_OF, exams=EXAMS, days=14):
    workbook = clean_workbook(
        members=MEMBERS,
        plan=PLAN,
        talks=TALKS,
        participation=PARTICIPATION,
        outreach=OUTREACH,
        exams=exams,
    )
    timeline = build_timeline(workbook, as_of)
    return todo_items(timeline, workbook.exams, days), person_labels(timeline.members)


def listed(items, names):
    return [
        (
            row["due"],
            row["kind"],
            row["session"] if isinstance(row["session"], str) else None,
            names.get(row["person"]) if isinstance(row["person"], str) else None,
            bool(row["overdue"]),
        )
        for row in items.to_dict("records")
    ]


def test_every_kind_at_the_window_edges():
    result, names = todo()
    assert listed(result.items, names) == [
        (D(2026, 3, 10), "records_missing", "L", None, True),
        (D(2026, 6, 8), "article_due", "L", "乙", True),
        (D(2026, 6, 10), "session_upcoming", "A", "甲", False),
        (D(2026, 6, 10), "revision_due", "H", "甲", False),
        (D(2026, 6, 10), "article_due", "K", "甲", False),
        (D(2026, 6, 17), "draft_due", "B", "乙", False),
        (D(2026, 6, 17), "topic_tbd", "B", "乙", False),
        (D(2026, 6, 18), "draft_due", "C", "丙", False),
        (D(2026, 6, 24), "session_upcoming", "B", "乙", False),
        (D(2026, 6, 24), "draft_due", "D", "甲", False),
        (D(2026, 6, 24), "outreach_due", "I", "乙", False),
        (D(2026, 7, 3), "topic_tbd", "G", "丙", False),  # within 30 days: its own horizon
        (D(2026, 12, 31), "makeup_due", None, "丙", False),
    ]


def test_item_texts_name_the_people_and_the_deadline():
    result, names = todo()
    texts = [todo_text(row, names) for row in result.items.to_dict("records")]
    assert texts[0] == "补录场次 L（2026-03-10）的参学记录：丙"
    assert texts[2] == "2026-06-10 集中学习（场次 A）：甲 主讲《专题A》，乙 主持"
    assert (
        texts[5]
        == "乙 于 2026-06-17 前把初稿发给全体与会人员（2026-06-24 主讲《待定（主讲人确定）》）"
    )
    assert texts[-1] == "丙 2026 年度理论考试 50 分未及格，尚无补考成绩"


def test_exam_due_only_with_under_60_days_left():
    no_score_for_c = EXAMS[:2]
    late, names = todo(D(2026, 11, 2), no_score_for_c)  # 59 days left
    assert ("exam_due", "丙") in {
        (r["kind"], names[r["person"]])
        for r in late.items.to_dict("records")
        if r["kind"].startswith("exam")
    }
    early, _ = todo(D(2026, 11, 1), no_score_for_c)  # 60 days left
    assert "exam_due" not in set(early.items["kind"])


def test_a_longer_window_takes_in_the_later_deadlines():
    result, names = todo(days=15)
    added = set(listed(result.items, names)) - set(listed(todo()[0].items, names))
    assert added == {
        (D(2026, 6, 25), "session_upcoming", "C", "丙", False),
        (D(2026, 6, 25), "draft_due", "E", "乙", False),
        (D(2026, 6, 25), "outreach_due", "J", "丙", False),
    }
    assert dt.timedelta(days=15) == D(2026, 6, 25) - AS_OF


def test_todo_and_plan_texts_have_both_languages_with_the_same_fields():
    import string

    from model.engine.todo import TODO_KINDS
    from model.texts.todo import PLAN_NOTICES, TODO_KIND_LABELS, TODO_TEXTS

    def fields(template: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}

    assert set(TODO_TEXTS) == set(TODO_KIND_LABELS) == set(TODO_KINDS)
    for catalogue in (TODO_TEXTS, TODO_KIND_LABELS, PLAN_NOTICES):
        for code, entry in catalogue.items():
            assert set(entry) == {"zh", "en"}, code
            assert fields(entry["zh"]) == fields(entry["en"]), code


def test_a_groups_todo_cut_from_every_groups_equals_the_one_asked_for_that_group():
    from model.dev.sample import SAMPLE_PATH
    from model.engine.todo import group_todo
    from model.workbook.reader import read_workbook_file

    workbook = read_workbook_file(SAMPLE_PATH).workbook
    timeline = build_timeline(workbook, dt.date(2026, 9, 1))
    whole = todo_items(timeline, workbook.exams, 60)
    groups = sorted(set(whole.items["group"]))
    assert len(groups) >= 3  # the sample has to-dos in several groups at that date
    for group in groups:
        asked = todo_items(timeline, workbook.exams, 60, group)
        cut = group_todo(whole, group)
        assert len(cut.items) > 0, group
        assert cut.items.reset_index(drop=True).equals(asked.items.reset_index(drop=True)), group
    assert group_todo(whole, None) is whole


def test_a_list_of_members_is_joined_in_the_language_of_the_text():
    item = {
        "kind": "records_missing",
        "due": D(2026, 3, 17),
        "session": "L",
        "person": None,
        "details": {"date": D(2026, 3, 10), "members": ("M1", "M2")},
    }
    names = {"M1": "甲", "M2": "乙"}
    assert todo_text(item, names) == "补录场次 L（2026-03-10）的参学记录：甲、乙"
    # English wrote "for 甲、乙".
    assert todo_text(item, names, "en") == (
        "Record participation of session L (2026-03-10) for 甲, 乙"
    )
