"""The downloadable Excel report and Markdown escaping of workbook text."""

import io

import pytest
from openpyxl import load_workbook

from model.engine.report import build_report
from model.outputs.export import report_workbook, unit_from_file_name
from model.workbook.reader import read_workbook
from pages.common.layout import safe
from tests.ledgers import MEMBERS, D, plan_row, talk_row
from tests.workbooks import ledger


def report_with_hostile_names():
    members = [*MEMBERS, ["+cmd|' /C calc'!A0", "一组", None, None, "否"]]
    data = ledger(
        members=members,
        plan=[plan_row("1", D(2026, 3, 10))],
        talks=[talk_row("1", D(2026, 3, 10))],
        participation=[["1", "乙", "出席", "口头"]],
    )
    result = read_workbook(data)
    assert result.ok, result.errors
    return build_report(result.workbook, 2026, D(2026, 6, 30))


def test_report_workbook_has_three_sheets_and_keeps_formulas_as_text():
    book = load_workbook(io.BytesIO(report_workbook(report_with_hostile_names())))
    assert book.sheetnames == ["总览", "成员学分", "问题清单"]
    names = [row[1] for row in book["成员学分"].iter_rows(min_row=3, values_only=True)]
    assert "+cmd|' /C calc'!A0" in names
    cell = next(c for c in book["成员学分"]["B"] if c.value == "+cmd|' /C calc'!A0")
    assert cell.data_type == "s"
    overview = list(book["总览"].iter_rows(min_row=2, values_only=True))
    assert overview[0][:3] == ("中心组", "计划场次", "已举行")
    assert overview[1][0] == "一组" and overview[1][2] == 1


def test_report_workbook_without_names_has_no_member_sheet():
    book = load_workbook(io.BytesIO(report_workbook(report_with_hostile_names(), show_names=False)))
    assert book.sheetnames == ["总览", "问题清单"]
    texts = " ".join(
        str(c) for row in book["问题清单"].iter_rows(values_only=True) for c in row if c
    )
    assert "乙" not in texts and "丙" not in texts


def test_english_report_headers():
    book = load_workbook(io.BytesIO(report_workbook(report_with_hostile_names(), lang="en")))
    assert book.sheetnames == ["Overview", "Members", "Findings"]


def test_safe_escapes_markdown_links_images_and_html():
    escaped = safe("![x](http://evil/a.png) <img src=x> **b**")
    assert "![" not in escaped and "](" not in escaped and "**" not in escaped
    assert "\\<img" in escaped  # shown as typed, never an HTML tag
    assert safe("张三") == "张三"


def test_report_workbook_is_fit_for_a_clerk():
    """Issue 12, item 13: title row, frozen header with filters, % shares, widths to content."""
    report = report_with_hostile_names()
    book = load_workbook(io.BytesIO(report_workbook(report, unit="示范县")))
    overview = book["总览"]
    assert overview["A1"].value == "示范县 中心组“1+X”学习台账 2026 年报表（统计截止 2026-06-30）"
    assert overview.freeze_panes == "A3"
    assert overview.auto_filter.ref == "A2:M3"  # 中心组 + 12 figures; header and one group
    header = [c.value for c in overview[2]]
    attendance = overview.cell(3, header.index("到课率") + 1)
    # 一组 as of 2026-06-30: one held session; 甲 speaks and 乙 attends, while 丙 and the
    # hostile-named member have no row → 2 of 4 present.
    assert attendance.value == pytest.approx(0.5)
    assert attendance.number_format == "0.0%"
    assert overview.cell(3, header.index("已举行") + 1).number_format == "General"
    members = book["成员学分"]
    widths = {c.value: members.column_dimensions[c.column_letter].width for c in members[2]}
    # The hostile name is 18 characters, the longest of its column: 18 + 2.
    assert widths["姓名"] == 20
    assert widths["达标线"] == 8  # three CJK characters (6) + 2 is below the minimum of 8
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A3" and sheet.auto_filter.ref.startswith("A2:")


def test_report_title_in_english_and_the_county_from_a_file_name():
    book = load_workbook(io.BytesIO(report_workbook(report_with_hostile_names(), lang="en")))
    assert book["Overview"]["A1"].value == (
        "Central group “1+X” study ledger, 2026 report (as of 2026-06-30)"
    )
    assert unit_from_file_name("示范县学习台账.xlsx") == "示范县"
    assert unit_from_file_name("某市某区台账.xlsx") == "某市"
    assert unit_from_file_name("台账-11月.xlsx") is None
