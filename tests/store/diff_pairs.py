"""A small county ledger as rows, for the diff tests (issue #24): edit a copy, diff the two."""

from __future__ import annotations

import copy
import datetime as dt
import io

import openpyxl

from model.workbook.reader import Workbook, read_workbook
from tests.workbooks import ledger

QS = "青山镇党委"
D = dt.date
AS_OF = D(2026, 11, 15)


def base_rows() -> dict[str, list[list[object]]]:
    """The rows of the old workbook; a test edits a deep copy of them for the new one."""
    talks = []
    participation = []
    speakers = ["张三", "李四", "王五", "赵六", "张三", "李四"]
    hosts = ["李四", "张三", "张三", "张三", "李四", "张三"]
    plan = []
    for number, (speaker, host) in enumerate(zip(speakers, hosts, strict=True), start=1):
        session = f"QS-{number:02d}"
        planned = D(2026, 1 + number, 10)
        plan.append([session, QS, planned, f"专题{number}", speaker, host, None])
        if number <= 5:
            held = planned
            talks.append(
                [session, held, held - dt.timedelta(days=10), 60, "是", held, f"文章{number}"]
            )
            for name in ("张三", "李四", "王五", "赵六"):
                if name != speaker:
                    participation.append([session, name, "出席", "口头"])
    return {
        "members": [
            ["张三", QS, "Q01", "书记", "是", "东村、西村"],
            ["李四", QS, "Q02", "镇长", None, "南村"],
            ["王五", QS, "Q03", "委员", None, "北村"],
            ["赵六", QS, None, "委员", None, "中村"],  # no 编号: keyed by 中心组+姓名
        ],
        "plan": plan,
        "talks": talks,
        "participation": participation,
        "outreach": [
            ["QS-01", D(2026, 2, 20), "东村", 40],
            ["QS-01", D(2026, 2, 25), "西村", 30],
            ["QS-02", D(2026, 3, 20), "南村", 25],
        ],
        "exams": [
            ["张三", QS, 2026, 90],
            ["李四", QS, 2026, 85],
            ["王五", QS, 2026, 70],
            ["赵六", QS, 2026, 75],
        ],
        "settings": [["达标学分", 30], ["统计截止日期", AS_OF]],
    }


def copy_rows(rows: dict[str, list[list[object]]]) -> dict[str, list[list[object]]]:
    return copy.deepcopy(rows)


def ledger_bytes(rows: dict[str, list[list[object]]]) -> bytes:
    return ledger(**rows)  # type: ignore[arg-type]


def workbook(data: bytes) -> Workbook:
    result = read_workbook(data)
    assert result.ok, result.errors
    assert result.workbook is not None
    return result.workbook


def reformatted(data: bytes) -> bytes:
    """The same ledger as a clerk's Excel might keep it: a merged title row above 成员's header,
    wide columns, bold headers, 参学记录's first row moved to the end, dates typed as text,
    √ for 出席 and 时长 typed as text with full-width digits. None of it is a change."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    members = book["成员"]
    members.insert_rows(1)
    members["A1"] = "青山镇党委理论学习中心组成员名单"
    members.merge_cells("A1:I1")
    for sheet in book.worksheets:
        sheet.column_dimensions["A"].width = 30
        for cell in sheet[2 if sheet is members else 1]:
            cell.font = openpyxl.styles.Font(bold=True)
    attendance = book["参学记录"]
    rows = [[c.value for c in row] for row in attendance.iter_rows(min_row=2)]
    for offset, values in enumerate([*rows[1:], rows[0]], start=2):  # the first row moved last
        for column, value in enumerate(values, start=1):
            attendance.cell(offset, column).value = value
    for row in attendance.iter_rows(min_row=2):
        if row[2].value == "出席":
            row[2].value = "√"
    talks = book["讲课记录"]
    for row in talks.iter_rows(min_row=2):
        held = row[1].value
        row[1].value = f"{held.year}/{held.month}/{held.day}"  # a text date
        row[3].value = "６０" if row[3].value == 60 else row[3].value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
