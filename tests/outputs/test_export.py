"""The downloadable Excel report and Markdown escaping of workbook text."""

import io

from openpyxl import load_workbook

from model.engine.report import build_report
from model.outputs.export import report_workbook
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
    names = [row[1] for row in book["成员学分"].iter_rows(min_row=2, values_only=True)]
    assert "+cmd|' /C calc'!A0" in names
    cell = next(c for c in book["成员学分"]["B"] if c.value == "+cmd|' /C calc'!A0")
    assert cell.data_type == "s"
    overview = list(book["总览"].iter_rows(values_only=True))
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
