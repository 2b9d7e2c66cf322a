"""Two members of one group with one 姓名 are told apart wherever a person is shown (issue #12)."""

import io

import openpyxl

from model.engine.report import report_json
from model.outputs.export import report_workbook
from tests.ledgers import D, G, finding_texts, plan_row, report, talk_row

# Two 乙 in 一组, told apart by 编号; only the first has a 职务. 丙 shares no name.
TWINS = [
    ["甲", G, None, "书记", "是"],
    ["乙", G, "B1", "委员", "否"],
    ["乙", G, "B2", None, "否"],
    ["丙", G, None, "委员", "否"],
]


def twins_report():
    return report(
        members=TWINS,
        plan=[plan_row("1", D(2026, 3, 10), speaker="甲", host="B1")],
        talks=[talk_row("1", D(2026, 3, 10))],
        participation=[
            ["1", "B1", "出席", "口头"],
            ["1", "B2", "缺席", "无"],
            ["1", "丙", "出席", "口头"],
        ],
        as_of=D(2026, 3, 31),
    )


def test_a_name_shared_in_a_group_is_shown_with_its_id_and_position():
    members = twins_report().timeline.members.set_index("row")["display"]
    # rows 2–5 of the 成员 sheet, in order
    assert list(members) == ["甲", "乙（B1，委员）", "乙（B2）", "丙"]


def test_findings_and_the_members_table_name_the_right_twin():
    rep = twins_report()
    assert finding_texts(rep, "ABSENT_UNEXCUSED") == ["无故缺席：乙（B2） 缺席（未请假）"]
    assert sorted(rep.members["display"]) == ["丙", "乙（B1，委员）", "乙（B2）", "甲"]
    names = {m["name"] for m in report_json(rep)["members"]}
    assert {"乙（B1，委员）", "乙（B2）"} <= names


def test_the_excel_report_names_the_right_twin():
    book = openpyxl.load_workbook(io.BytesIO(report_workbook(twins_report())))
    members = [row[1] for row in book["成员学分"].iter_rows(min_row=2, values_only=True)]
    assert "乙（B1，委员）" in members and "乙（B2）" in members and "乙" not in members
    findings = [row[2] for row in book["问题清单"].iter_rows(min_row=2, values_only=True)]
    assert "乙（B2）" in findings
