"""学习档案 as a printable workbook (issue #15): cells, print settings, one sheet per member."""

import datetime as dt
import io
import subprocess
import sys

import openpyxl

from model.engine.record import find_member, group_records, study_record
from model.outputs.record_sheet import records_bytes
from tests.engine.test_record import YEAR_ROWS, year_report
from tests.ledgers import G, report, talk_row
from tests.workbooks import ledger


def rows_of(sheet) -> list[list[object]]:
    return [[v for v in row if v is not None] for row in sheet.iter_rows(values_only=True)]


def test_a_members_record_cell_by_cell():
    rep = year_report()
    book = openpyxl.load_workbook(
        io.BytesIO(records_bytes([study_record(rep, find_member(rep, "乙", G)[0])]))
    )
    (sheet,) = book.worksheets
    rows = rows_of(sheet)
    assert rows[0] == ["中心组理论学习档案（2026年度）"]
    assert rows[1] == ["姓名：乙\u3000\u3000中心组：一组\u3000\u3000职务：委员\u3000\u3000编号：无"]
    assert rows[2] == ["年度：2026\u3000\u3000统计截止日期：2026-12-31"]
    start = rows.index(["序号", "场次", "日期", "专题", "角色", "出勤", "点评", "学分"])
    day = dt.datetime
    assert rows[start + 1 : start + 5] == [
        [1, "S1", day(2026, 3, 10), "专题一", "主持", "出席", "口头", 7],
        [2, "S2", day(2026, 5, 12), "专题二", "主讲", "出席", "—", 12],
        [3, "S3", day(2026, 9, 8), "专题三", "参加", "无记录（按缺席）", "无", 0],
        [4, "S4", day(2026, 11, 10), "专题四", "参加", "出席", "书面", 4],
    ]
    talks = rows.index(
        ["场次", "日期", "专题", "联系点宣讲（次）", "宣讲学分", "理论文章", "文章学分"]
    )
    assert rows[talks + 1] == ["S2", day(2026, 5, 12), "专题二", 3, 6, "理论文章", 5]
    exam = rows.index(["考试", "补考"])
    assert rows[exam + 1] == [55, 72]
    assert ["年度学分 34，达标线 30（按在岗天数折算）"] in rows
    assert ["评定：达标"] in rows
    assert rows[-1][0].startswith("本人签字：") and "中心组秘书" in rows[-1][0]
    assert not any("后果" in str(row) for row in rows)


def test_print_settings_for_a4():
    rep = year_report()
    book = openpyxl.load_workbook(io.BytesIO(records_bytes(group_records(rep, G))))
    for sheet in book.worksheets:
        assert sheet.page_setup.paperSize == 9  # A4
        assert sheet.page_setup.orientation == "portrait"
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$1:$3"
        assert sheet.print_area == f"'{sheet.title}'!$A$1:$H${sheet.max_row}"
        assert sheet.oddFooter.center.text == "第 &P 页，共 &N 页"


def test_a_group_export_has_one_sheet_per_member_and_the_failed_carry_the_consequence():
    rep = report(as_of=dt.date(2027, 1, 1), **YEAR_ROWS)
    book = openpyxl.load_workbook(io.BytesIO(records_bytes(group_records(rep, G))))
    assert book.sheetnames == ["甲", "乙", "丙"]
    rows = rows_of(book["丙"])
    assert ["评定：不达标"] in rows
    assert ["后果：诫勉，当年不得提拔使用"] in rows


def test_on_the_years_last_day_a_shortfall_is_a_risk_without_consequence():
    rep = year_report()
    rows = rows_of(openpyxl.load_workbook(io.BytesIO(records_bytes(group_records(rep, G))))["丙"])
    assert ["评定：风险"] in rows
    assert not any("诫勉" in str(row) for row in rows)


def test_same_named_members_get_sheets_named_with_their_id():
    members = [["张三", G, "A1"], ["张三", G, "A2"], ["李四", G, None]]
    from model.engine.report import build_report
    from model.workbook.reader import read_workbook

    result = read_workbook(ledger(members=members))
    assert result.ok, result.errors
    rep = build_report(result.workbook, 2026, dt.date(2026, 6, 30))
    book = openpyxl.load_workbook(io.BytesIO(records_bytes(group_records(rep, G))))
    assert book.sheetnames == ["张三-A1", "张三-A2", "李四"]


def test_cli_record_for_a_member_and_for_a_group(tmp_path):
    from tests.engine.test_record import YEAR_ROWS
    from tests.ledgers import MEMBERS

    source = tmp_path / "台账.xlsx"
    source.write_bytes(ledger(members=MEMBERS, **YEAR_ROWS))

    def run(*args):
        return subprocess.run(
            [sys.executable, "-m", "model", "record", str(source), *args],
            capture_output=True,
            text=True,
            check=False,
        )

    one, group = tmp_path / "乙.xlsx", tmp_path / "一组.xlsx"
    first = run(str(one), "--year", "2026", "--as-of", "2026-12-31", "--member", "乙", "--group", G)
    assert first.returncode == 0, first.stderr
    assert openpyxl.load_workbook(one).sheetnames == ["乙"]
    assert run(str(group), "--year", "2026", "--group", G).returncode == 0
    assert openpyxl.load_workbook(group).sheetnames == ["甲", "乙", "丙"]
    missing = run(str(tmp_path / "x.xlsx"), "--year", "2026", "--member", "王五", "--group", G)
    assert missing.returncode == 1 and "找不到此人" in missing.stderr


def test_a_speaker_who_hosts_reads_both_roles_in_the_sheet():
    plan = [["S1", G, dt.date(2026, 3, 10), "专题一", "甲", "甲", "已举行"]]
    rep = report(
        as_of=dt.date(2026, 12, 31), plan=plan, talks=[talk_row("S1", dt.date(2026, 3, 10))]
    )
    book = openpyxl.load_workbook(
        io.BytesIO(records_bytes([study_record(rep, find_member(rep, "甲", G)[0])]))
    )
    rows = rows_of(book.worksheets[0])
    start = rows.index(["序号", "场次", "日期", "专题", "角色", "出勤", "点评", "学分"])
    assert rows[start + 1][4] == "主讲、主持"
