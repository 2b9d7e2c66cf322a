"""The blank workbook clerks start from: every sheet, header, dropdown and a 说明 sheet."""

from __future__ import annotations

import io

from openpyxl import Workbook as OpenpyxlWorkbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from model.outputs.file_words import HELP_SHEET
from model.workbook.params import Params
from model.workbook.schema import SHEETS, Column
from model.workbook.values import choice_values

HEADER_FILL = PatternFill("solid", fgColor="C00000")
REQUIRED_FONT = Font(bold=True, color="FFFFFF")
OPTIONAL_FONT = Font(bold=False, color="FFFFFF")
VALIDATED_ROWS = 2000

COLUMN_HELP: dict[str, str] = {
    "姓名": "成员姓名；同一中心组有同名成员时，其他表中请填写编号",
    "中心组": "所在中心组（单位）名称，如“城关镇党委”",
    "编号": "可选；成员唯一编号，填写后可在其他表中代替姓名",
    "职务": "可选",
    "一把手": "是/否；每个中心组应有且仅有一位一把手",
    "联系点": "可选；联系的党组织、学习点或村居，多个用顿号、逗号或分号分隔",
    "入组日期": "可选；年中入组者按在组天数折算达标学分",
    "离组日期": "可选；调离、退休等",
    "免考核": "是/否；免于学分考核的成员",
    "备注": "可选",
    "场次": "本场学习的唯一编号，如 2026-01；其他表用它关联",
    "计划日期": "计划举行日期，如 2026-03-15",
    "专题": "本场学习的专题/课题",
    "主讲人": "作中心发言的成员姓名或编号",
    "主持人": "主持本场学习的成员姓名或编号，应与主讲人不同",
    "学习小组": "可选",
    "状态": "计划/已举行/延期/取消；空白视为计划",
    "举行日期": "实际举行日期；有讲课记录即视为已举行",
    "初稿发放日期": "初稿发给与会人员的日期，应至少提前 7 天",
    "时长": "中心发言分钟数，如 60",
    "脱稿": "是/否",
    "定稿日期": "根据点评完善讲稿后的定稿日期",
    "理论文章": "由讲稿形成的理论文章标题",
    "文章日期": "文章完成或发表日期",
    "出勤": "出席/请假/缺席（也可填 √、假、×）",
    "点评": "口头/书面/无",
    "宣讲日期": "到联系点宣讲的日期",
    "宣讲地点": "宣讲的联系点，应为主讲人的联系点之一",
    "听众人数": "可选；整数",
    "年度": "考试年度，如 2026",
    "成绩": "理论考试成绩，0–100",
    "补考成绩": "可选；补考成绩，0–100",
    "参数": "参数名称，见下方默认值",
    "值": "参数的值；删除本行即使用默认值",
}


def template_bytes() -> bytes:
    buffer = io.BytesIO()
    template_book().save(buffer)
    return buffer.getvalue()


def template_book() -> OpenpyxlWorkbook:
    """The template as an openpyxl workbook, for files written in its layout."""
    book = OpenpyxlWorkbook()
    if book.active is not None:
        book.remove(book.active)
    _help_sheet(book)
    for spec in SHEETS:
        sheet = book.create_sheet(spec.zh)
        for index, column in enumerate(spec.columns, start=1):
            cell = sheet.cell(1, index, column.zh)
            cell.fill = HEADER_FILL
            cell.font = REQUIRED_FONT if column.required else OPTIONAL_FONT
            cell.alignment = Alignment(horizontal="center")
            sheet.column_dimensions[get_column_letter(index)].width = _width(column)
            _validate(sheet, column, get_column_letter(index))
        sheet.freeze_panes = "A2"
    _fill_settings(book["参数"])
    return book


def _width(column: Column) -> float:
    if column.kind == "date":
        return 14
    if column.zh in ("专题", "理论文章", "联系点", "备注", "宣讲地点"):
        return 30
    return max(10, len(column.zh) * 2.6)


def _validate(sheet, column: Column, letter: str) -> None:
    target = f"{letter}2:{letter}{VALIDATED_ROWS}"
    if column.kind == "choice" and column.choices:
        options = ",".join(choice_values(column.choices))
        rule = DataValidation(type="list", formula1=f'"{options}"', allow_blank=True)
        rule.error = f"请从下拉列表中选择：{options}"
    elif column.kind == "yesno":
        rule = DataValidation(type="list", formula1='"是,否"', allow_blank=True)
        rule.error = "请选择 是 或 否"
    elif column.kind == "date":
        rule = DataValidation(
            type="date", operator="between", formula1="DATE(2000,1,1)", formula2="DATE(2100,12,31)"
        )
        rule.error = "请填写 2000–2100 年之间的日期，如 2026-03-15"
    elif column.kind == "score":
        rule = DataValidation(type="decimal", operator="between", formula1="0", formula2="100")
        rule.error = "请填写 0 到 100 之间的分数"
    else:
        return
    rule.showErrorMessage = True
    rule.errorTitle = f"{column.zh}填写有误"
    sheet.add_data_validation(rule)
    rule.add(target)


def _fill_settings(sheet) -> None:
    defaults = Params()
    for row, (_field, value, info) in enumerate(defaults.rows(), start=2):
        sheet.cell(row, 1, info.zh)
        sheet.cell(row, 2, value)
        sheet.cell(row, 3, f"{info.meaning}（{info.unit}）" if info.unit else info.meaning)
    sheet.cell(1, 3, "说明").font = Font(bold=True)
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["C"].width = 40


def _help_sheet(book: OpenpyxlWorkbook) -> None:
    sheet = book.create_sheet(HELP_SHEET)
    sheet.append(["中心组“1+X”学习台账 填写说明"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(
        ["加粗列为必填列；日期可写 2026-03-15、2026/3/15 或 2026年3月15日；不要改动表头名称。"]
    )
    sheet.append([])
    sheet.append(["工作表", "列", "必填", "说明"])
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    for spec in SHEETS:
        for column in spec.columns:
            required = "是" if column.required else ""
            sheet.append([spec.zh, column.zh, required, COLUMN_HELP.get(column.zh, "")])
    for letter, width in zip("ABCD", (12, 14, 6, 70), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A5"
