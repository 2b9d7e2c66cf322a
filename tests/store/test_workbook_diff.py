"""The diff of issue #24: every row, 参数 and status one workbook changes against another."""

import datetime as dt
import json
from dataclasses import replace

from model.engine.report import build_report
from model.store.workbook_diff import (
    CellChange,
    ParamChange,
    RowChange,
    StatusChange,
    diff_workbooks,
)
from tests.store.diff_pairs import (
    AS_OF,
    QS,
    base_rows,
    copy_rows,
    ledger_bytes,
    reformatted,
    workbook,
)

D = dt.date


def edited_pair():
    """The old rows, and the new rows with one edit of each kind, each noted beside it (the
    tests then also reformat the new file and move a row: neither is a change)."""
    old = base_rows()
    new = copy_rows(old)
    new["members"][2] += [None, D(2026, 9, 30)]  # 王五 (Q03): 入组日期 blank, 离组日期 set
    del new["outreach"][1]  # 宣讲记录 QS-01 / 2026-02-25 / 西村 deleted
    new["talks"][1][3] = 30  # 讲课记录 QS-02 时长 60 → 30
    new["settings"][0][1] = 40  # 参数 达标学分 30 → 40
    del new["exams"][3]  # 考试成绩 赵六 2026 deleted
    new["plan"].append(["QS-07", QS, D(2026, 12, 10), "新增专题", "赵六", "张三", None])
    new["participation"][0][2] = "缺席"  # 参学记录 QS-01 / 李四 出席 → 缺席
    return old, new


EXPECTED_ROWS = [
    RowChange("成员", "Q03", "changed", [CellChange("离组日期", None, D(2026, 9, 30))], QS, 4, 4),
    RowChange(
        "学习计划",
        "QS-07",
        "added",
        [
            CellChange("场次", None, "QS-07"),
            CellChange("中心组", None, QS),
            CellChange("计划日期", None, D(2026, 12, 10)),
            CellChange("专题", None, "新增专题"),
            CellChange("主讲人", None, "赵六"),
            CellChange("主持人", None, "张三"),
            CellChange("状态", None, "计划"),  # blank 状态 reads as 计划
        ],
        QS,
        None,
        8,
    ),
    RowChange("讲课记录", "QS-02", "changed", [CellChange("时长", 60, 30)], QS, 3, 3),
    RowChange(
        "参学记录", "QS-01 / 李四", "changed", [CellChange("出勤", "出席", "缺席")], QS, 2, 2
    ),
    RowChange(
        "宣讲记录",
        "QS-01 / 2026-02-25 / 西村",
        "removed",
        [
            CellChange("场次", "QS-01", None),
            CellChange("宣讲日期", D(2026, 2, 25), None),
            CellChange("宣讲地点", "西村", None),
            CellChange("听众人数", 30, None),
        ],
        QS,
        3,
        None,
    ),
    RowChange(
        "考试成绩",
        "青山镇党委 / 赵六 / 2026",
        "removed",
        [
            CellChange("姓名", "赵六", None),
            CellChange("中心组", QS, None),
            CellChange("年度", 2026, None),
            CellChange("成绩", 75, None),
        ],
        QS,
        5,
        None,
    ),
]


def test_every_kind_of_edit_is_one_entry_and_moved_rows_are_none():
    old, new = edited_pair()
    diff = diff_workbooks(workbook(ledger_bytes(old)), workbook(reformatted(ledger_bytes(new))))
    # Reformatted: a title row above 成员's header moves its Excel rows one down, and the
    # 参学记录 row edited was moved from the first row to the last (16).
    members, plan, talks, participation, *rest = EXPECTED_ROWS
    moved = [
        replace(members, new_row=5),
        plan,
        talks,
        replace(participation, new_row=16),
        *rest,
    ]
    assert diff.rows == moved
    assert diff.params == [ParamChange("达标学分", 30, 40)]
    assert (diff.year, diff.as_of) == (2026, AS_OF)
    assert diff.counts() == {
        "成员": {"added": 0, "removed": 0, "changed": 1},
        "学习计划": {"added": 1, "removed": 0, "changed": 0},
        "讲课记录": {"added": 0, "removed": 0, "changed": 1},
        "参学记录": {"added": 0, "removed": 0, "changed": 1},
        "宣讲记录": {"added": 0, "removed": 1, "changed": 0},
        "考试成绩": {"added": 0, "removed": 1, "changed": 0},
    }
    assert not diff.empty


def test_the_same_edits_unformatted_give_the_same_entries():
    old, new = edited_pair()
    diff = diff_workbooks(workbook(ledger_bytes(old)), workbook(ledger_bytes(new)))
    assert diff.rows == EXPECTED_ROWS


def test_json_is_exactly_the_issue_shape():
    old, new = edited_pair()
    diff = diff_workbooks(workbook(ledger_bytes(old)), workbook(ledger_bytes(new)))
    body = json.loads(json.dumps(diff.to_json(), ensure_ascii=False))
    assert list(body) == ["rows", "params", "statuses"]
    assert body["rows"][0] == {
        "sheet": "成员",
        "key": "Q03",
        "change": "changed",
        "cells": [{"column": "离组日期", "old": None, "new": "2026-09-30"}],
    }
    assert body["rows"][2] == {
        "sheet": "讲课记录",
        "key": "QS-02",
        "change": "changed",
        "cells": [{"column": "时长", "old": 60, "new": 30}],
    }
    assert isinstance(body["rows"][2]["cells"][0]["old"], int)  # 60, not 60.0
    assert body["rows"][4]["cells"][1] == {"column": "宣讲日期", "old": "2026-02-25", "new": None}
    assert body["params"] == [{"key": "达标学分", "old": 30, "new": 40}]
    assert body["statuses"] == [
        {"group": QS, "name": "赵六", "member_id": None, "old": "passed", "new": "at_risk"}
    ]


def _statuses(report) -> dict[str, tuple]:
    members = report.members
    return {
        key: (group, name, member_id if isinstance(member_id, str) else None, status)
        for key, group, name, member_id, status in zip(
            members.index,
            members["group"],
            members["display"],
            members["member_id"],
            members["status"],
            strict=True,
        )
    }


def test_statuses_are_those_two_independent_reports_disagree_on():
    old, new = edited_pair()
    before, after = workbook(ledger_bytes(old)), workbook(ledger_bytes(new))
    diff = diff_workbooks(before, after)
    was = _statuses(build_report(workbook(ledger_bytes(old)), 2026, AS_OF))
    now = _statuses(build_report(workbook(ledger_bytes(new)), 2026, AS_OF))
    expected = sorted(
        StatusChange(*(now.get(key) or was[key])[:3], was[key][3], now[key][3])
        for key in was
        if was[key][3] != now[key][3]
    )
    # 赵六's exam is gone; 王五's line is pro-rated to his 离组日期, so 40 still leaves him passed.
    assert expected == [StatusChange(QS, "赵六", None, "passed", "at_risk")]
    assert diff.statuses == expected


def test_a_raised_pass_line_moves_those_between_the_two_lines():
    old = base_rows()
    new = copy_rows(old)
    new["settings"][0][1] = 40  # 达标学分 30 → 40; 王五 and 赵六 have 37
    diff = diff_workbooks(workbook(ledger_bytes(old)), workbook(ledger_bytes(new)))
    was = _statuses(build_report(workbook(ledger_bytes(old)), 2026, AS_OF))
    now = _statuses(build_report(workbook(ledger_bytes(new)), 2026, AS_OF))
    assert [(k, was[k][3], now[k][3]) for k in was if was[k][3] != now[k][3]] == [
        ("Q03", "passed", "at_risk"),
        ("青山镇党委|赵六", "passed", "at_risk"),
    ]
    assert diff.rows == []
    assert diff.statuses == [
        StatusChange(QS, "王五", "Q03", "passed", "at_risk"),
        StatusChange(QS, "赵六", None, "passed", "at_risk"),
    ]


def test_the_year_and_as_of_date_asked_for_are_used():
    old, new = edited_pair()
    early = D(2026, 4, 1)
    diff = diff_workbooks(workbook(ledger_bytes(old)), workbook(ledger_bytes(new)), 2026, early)
    was = _statuses(build_report(workbook(ledger_bytes(old)), 2026, early))
    now = _statuses(build_report(workbook(ledger_bytes(new)), 2026, early))
    assert (diff.year, diff.as_of) == (2026, early)
    assert sorted((s.name, s.old, s.new) for s in diff.statuses) == sorted(
        (now[k][1], was[k][3], now[k][3]) for k in was if was[k][3] != now[k][3]
    )


def test_formatting_order_title_rows_and_clerk_spellings_are_no_change():
    data = ledger_bytes(base_rows())
    diff = diff_workbooks(workbook(data), workbook(reformatted(data)))
    assert diff.rows == [] and diff.params == [] and diff.statuses == []
    assert diff.empty
    assert diff.to_json() == {"rows": [], "params": [], "statuses": []}


def test_a_blank_setting_and_its_explicit_default_are_the_same():
    old = base_rows()
    old["settings"] = [["统计截止日期", AS_OF]]  # 达标学分 blank: the default 30
    new = copy_rows(old)
    new["settings"].append(["达标学分", "30.0"])  # written out, as text
    new["settings"].append(["及格分", 70])  # a real change: 60 → 70
    diff = diff_workbooks(workbook(ledger_bytes(old)), workbook(ledger_bytes(new)))
    assert diff.params == [ParamChange("及格分", 60, 70)]
    assert diff.to_json()["params"] == [{"key": "及格分", "old": 60, "new": 70}]
    blank = copy_rows(old)
    blank["settings"] = []  # 统计截止日期 removed: today
    removed = diff_workbooks(workbook(ledger_bytes(old)), workbook(ledger_bytes(blank)))
    assert removed.params == [ParamChange("统计截止日期", AS_OF, None)]
    assert removed.to_json()["params"] == [
        {"key": "统计截止日期", "old": "2026-11-15", "new": None}
    ]


def test_numbers_compare_across_int_float_and_blank():
    old = base_rows()
    new = copy_rows(old)
    new["talks"][0][3] = 60.0  # 60 → 60.0: the same
    new["outreach"][0][3] = "40"  # as text: the same
    new["exams"][0].append(None)  # 补考成绩 blank on both sides
    new["exams"][1][3] = 85.5  # 85 → 85.5: a change, shown as it is
    diff = diff_workbooks(workbook(ledger_bytes(old)), workbook(ledger_bytes(new)))
    assert [(r.sheet, r.key, r.cells) for r in diff.rows] == [
        ("考试成绩", "青山镇党委 / 李四 / 2026", [CellChange("成绩", 85, 85.5)])
    ]
    assert diff.to_json()["rows"][0]["cells"] == [{"column": "成绩", "old": 85, "new": 85.5}]


def test_a_filled_in_id_is_one_changed_member_not_a_removed_and_an_added_one():
    old = base_rows()
    new = copy_rows(old)
    new["members"][3][2] = "Q04"  # 赵六 gets a 编号
    diff = diff_workbooks(workbook(ledger_bytes(old)), workbook(ledger_bytes(new)))
    assert [(r.sheet, r.key, r.change, r.cells) for r in diff.rows] == [
        ("成员", "Q04", "changed", [CellChange("编号", None, "Q04")])
    ]
    # 赵六's participation, talk and exam rows are the same rows: their person is one person.
    assert diff.statuses == []


def test_removed_and_added_members_and_an_empty_old_side():
    old = base_rows()
    new = copy_rows(old)
    new["members"].append(["孙八", QS, "Q05", "委员", "是"])
    diff = diff_workbooks(workbook(ledger_bytes(old)), workbook(ledger_bytes(new)))
    assert [(r.key, r.change, r.cells) for r in diff.rows] == [
        (
            "Q05",
            "added",
            [
                CellChange("姓名", None, "孙八"),
                CellChange("中心组", None, QS),
                CellChange("编号", None, "Q05"),
                CellChange("职务", None, "委员"),
                CellChange("一把手", None, True),
            ],
        )
    ]
    assert [(s.name, s.member_id, s.old) for s in diff.statuses] == [("孙八", "Q05", None)]
    back = diff_workbooks(workbook(ledger_bytes(new)), workbook(ledger_bytes(old)))
    assert [(r.key, r.change, r.old_row, r.new_row) for r in back.rows] == [
        ("Q05", "removed", 6, None)
    ]
    assert back.statuses == [StatusChange(QS, "孙八", "Q05", "at_risk", None)]
    first = diff_workbooks(None, workbook(ledger_bytes(old)))
    counts = first.counts()
    assert counts["参学记录"] == {"added": 15, "removed": 0, "changed": 0}
    assert counts["成员"]["added"] == 4
    assert len(first.statuses) == 4 and all(s.old is None for s in first.statuses)
    assert first.params == [ParamChange("统计截止日期", None, AS_OF)]


def test_a_repeated_outreach_key_is_matched_row_for_row():
    old = base_rows()
    old["outreach"].append(["QS-01", D(2026, 2, 20), "东村", 12])  # twice on one day
    new = copy_rows(old)
    new["outreach"][3][3] = 15
    diff = diff_workbooks(workbook(ledger_bytes(old)), workbook(ledger_bytes(new)))
    assert [(r.key, r.change, r.cells) for r in diff.rows] == [
        ("QS-01 / 2026-02-20 / 东村", "changed", [CellChange("听众人数", 12, 15)])
    ]


def test_statuses_can_be_left_out_and_the_audit_detail_is_short():
    old, new = edited_pair()
    diff = diff_workbooks(workbook(ledger_bytes(old)), workbook(ledger_bytes(new)), statuses=False)
    assert diff.statuses == [] and not diff.statuses_computed
    assert diff.audit_detail() == (
        'diff {"rows":{"成员":{"changed":1},"学习计划":{"added":1},"讲课记录":{"changed":1},'
        '"参学记录":{"changed":1},"宣讲记录":{"removed":1},"考试成绩":{"removed":1}},'
        '"params":1,"statuses":0}'
    )


def test_by_default_both_sides_are_assessed_for_the_new_files_year_and_date():
    old = base_rows()  # 统计截止日期 2026-11-15
    old["settings"][0][1] = 40  # 王五 and 赵六 (37 credits) at risk on 15 November
    later = copy_rows(old)
    later["settings"][1][1] = D(2027, 1, 5)  # the year over: 2026's verdicts final
    diff = diff_workbooks(workbook(ledger_bytes(old)), workbook(ledger_bytes(later)))
    # NEW's date, and its default year at that date: no 2027 session yet, so 2026.
    assert (diff.year, diff.as_of) == (2026, D(2027, 1, 5))
    assert diff.params == [ParamChange("统计截止日期", AS_OF, D(2027, 1, 5))]
    # Both sides at that one date: the same rows, so no one's status moves. The old file at
    # its own 15 November would have 王五 and 赵六 at risk where the year's end fails them.
    assert diff.statuses == []
    was = _statuses(build_report(workbook(ledger_bytes(old)), 2026, AS_OF))
    now = _statuses(build_report(workbook(ledger_bytes(later)), 2026, D(2027, 1, 5)))
    assert [(k, was[k][3], now[k][3]) for k in was if was[k][3] != now[k][3]] == [
        ("Q03", "at_risk", "failed"),
        ("青山镇党委|赵六", "at_risk", "failed"),
    ]
    planned = copy_rows(later)
    planned["settings"][1][1] = D(2027, 1, 20)
    planned["plan"].append(["QS-2027-01", QS, D(2027, 3, 10), "新年专题", "张三", "李四", None])
    ahead = diff_workbooks(workbook(ledger_bytes(old)), workbook(ledger_bytes(planned)))
    assert (ahead.year, ahead.as_of) == (2027, D(2027, 1, 20))  # the old file has no 2027
    back = diff_workbooks(workbook(ledger_bytes(planned)), workbook(ledger_bytes(old)))
    assert (back.year, back.as_of) == (2026, AS_OF)  # NEW's, whichever side is newer
