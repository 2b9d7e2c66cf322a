"""Small workbooks built in the tests, written as rows of the clerk's own values."""

from __future__ import annotations

import io
from collections.abc import Sequence

import openpyxl

from model.workbook.reader import Workbook, read_workbook

Rows = Sequence[Sequence[object]]

MEMBERS_HEADER = [
    "姓名",
    "中心组",
    "编号",
    "职务",
    "一把手",
    "联系点",
    "入组日期",
    "离组日期",
    "免考核",
]
PLAN_HEADER = ["场次", "中心组", "计划日期", "专题", "主讲人", "主持人", "状态"]
TALKS_HEADER = ["场次", "举行日期", "初稿发放日期", "时长", "脱稿", "定稿日期", "理论文章"]
PARTICIPATION_HEADER = ["场次", "姓名", "出勤", "点评"]
OUTREACH_HEADER = ["场次", "宣讲日期", "宣讲地点", "听众人数"]
EXAMS_HEADER = ["姓名", "中心组", "年度", "成绩", "补考成绩"]
SETTINGS_HEADER = ["参数", "值"]


def xlsx(sheets: dict[str, Rows]) -> bytes:
    """A workbook whose sheets hold exactly these rows, from row 1."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def ledger(
    members: Rows = (),
    plan: Rows = (),
    talks: Rows = (),
    participation: Rows = (),
    outreach: Rows = (),
    exams: Rows = (),
    settings: Rows = (),
) -> bytes:
    """A study workbook with the standard headers and these data rows."""
    sheets: dict[str, Rows] = {
        "成员": [MEMBERS_HEADER, *members],
        "学习计划": [PLAN_HEADER, *plan],
        "讲课记录": [TALKS_HEADER, *talks],
        "参学记录": [PARTICIPATION_HEADER, *participation],
        "宣讲记录": [OUTREACH_HEADER, *outreach],
        "考试成绩": [EXAMS_HEADER, *exams],
    }
    if settings:
        sheets["参数"] = [SETTINGS_HEADER, *settings]
    return xlsx(sheets)


def clean_workbook(**sheets: Rows) -> Workbook:
    """The typed workbook of ``ledger(**sheets)``, which must read without an error."""
    result = read_workbook(ledger(**sheets))
    assert result.ok, result.errors
    assert result.workbook is not None
    return result.workbook


def publish(store, data: bytes, user: str = "文书", name: str = "台账.xlsx", **kw):
    """Publish bytes straight into a store, as a clerk's earlier upload would have."""
    return store.publish(
        data, user=user, original_name=name, row_counts={}, finding_counts={}, **kw
    )
