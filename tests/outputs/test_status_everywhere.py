"""No 诫勉 before the verdict is final, in every output that shows a status (DOMAIN.md §5, issue
#22 item 1): the Excel report, the report JSON, the terminal report, the 学习档案 (.xlsx and PDF),
the 风险预警 PDF and the 学习情况通报 (.docx). The pages are checked in tests/pages.

The ledger is tests/engine/test_verdicts.py's cancelled talk, worked out by hand there: 丙's talk
(session 3) was cancelled; on 15 November 丙 has 15 credits, attainable 20 < 30: 风险 with
CANNOT_REACH and the fix "为其安排主讲 1 次（最多 +23 学分）", no consequence. On 5 January 2027
the year is over: 不达标 (YEAR_OVER), 诫勉. 甲 and 乙 have passed either way; nobody else fails, so
any 诫勉 in a document is 丙's.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import json

import docx
import openpyxl

from model.engine.record import group_records
from model.engine.report import Report, build_report, years_of
from model.engine.shifts import measure_shifts
from model.engine.todo import todo_items
from model.outputs.bulletin import bulletin_bytes
from model.outputs.export import report_workbook
from model.outputs.pdf_record import records_pdf, risk_pdf
from model.outputs.record_sheet import records_bytes
from model.outputs.report_json import report_json_bytes
from model.outputs.terminal import report_text
from tests.engine.test_verdicts import (
    CANCELLED_PARTICIPATION,
    CANCELLED_PLAN,
    CANCELLED_TALKS,
    EXAMS,
    leaver,
)
from tests.ledgers import MEMBERS, G
from tests.pdf_text import pages_text
from tests.workbooks import clean_workbook

NOVEMBER = dt.date(2026, 11, 15)
AFTER_THE_YEAR = dt.date(2027, 1, 5)
ADMONISHED = "诫勉，当年不得提拔使用"
TALK_FIX = "本组需在12月31日前为其安排主讲 1 次（最多 +23 学分）"


@functools.cache
def _workbook():
    return clean_workbook(
        members=MEMBERS,
        plan=CANCELLED_PLAN,
        talks=CANCELLED_TALKS,
        participation=CANCELLED_PARTICIPATION,
        exams=EXAMS,
    )


@functools.cache
def _report(as_of: dt.date) -> Report:
    return build_report(_workbook(), 2026, as_of)


def _statuses(as_of: dt.date) -> dict[str, str]:
    members = _report(as_of).members
    return dict(zip(members["name"], members["status"], strict=True))


def test_the_ledger_is_at_risk_in_november_and_failed_after_the_year():
    assert _statuses(NOVEMBER) == {"甲": "passed", "乙": "passed", "丙": "at_risk"}
    assert _statuses(AFTER_THE_YEAR) == {"甲": "passed", "乙": "passed", "丙": "failed"}


# --- The report JSON: members[].status, reasons[].code, fix, consequence -------------------------


def _json_member(as_of: dt.date) -> dict:
    data = json.loads(report_json_bytes(_report(as_of)))
    (row,) = [m for m in data["members"] if m["name"] == "丙"]
    return row


def test_report_json_no_consequence_before_the_verdict_is_final():
    row = _json_member(NOVEMBER)
    assert row["status"] == "at_risk"
    assert [r["code"] for r in row["reasons"]] == [
        "CREDIT_SHORTFALL",
        "CANNOT_REACH",
        "ABSENCES",
        "NO_TALK_PLANNED",
    ]
    assert row["fix"].endswith(TALK_FIX)
    assert row["consequence"] is None
    after = _json_member(AFTER_THE_YEAR)
    assert (after["status"], after["fix"], after["consequence"]) == ("failed", None, ADMONISHED)


# --- The Excel report's 成员学分 sheet ------------------------------------------------------------


def _excel_row(as_of: dt.date) -> dict[str, object]:
    book = openpyxl.load_workbook(io.BytesIO(report_workbook(_report(as_of))))
    rows = list(book["成员学分"].iter_rows(values_only=True))[1:]  # below the title row
    header, *data = rows
    (row,) = [dict(zip(header, values, strict=True)) for values in data if values[1] == "丙"]
    return row


def test_excel_report_no_consequence_before_the_verdict_is_final():
    row = _excel_row(NOVEMBER)
    assert row["状态"] == "风险"
    assert str(row["怎么补救"]).endswith(TALK_FIX)
    assert row["后果"] is None
    after = _excel_row(AFTER_THE_YEAR)
    assert (after["状态"], after["后果"]) == ("不达标", ADMONISHED)


# --- The terminal report -------------------------------------------------------------------------


def test_terminal_report_no_consequence_before_the_verdict_is_final():
    text = report_text(_report(NOVEMBER))
    (line,) = [line for line in text.splitlines() if "丙" in line]
    assert line.strip().startswith("[风险] 一组 丙") and line.endswith(TALK_FIX)
    assert "诫勉" not in text
    after = report_text(_report(AFTER_THE_YEAR))
    (line,) = [line for line in after.splitlines() if "丙" in line]
    assert line.strip().startswith("[不达标] 一组 丙") and line.endswith(f"→ {ADMONISHED}")


# --- The 学习档案, .xlsx and PDF ------------------------------------------------------------------


def _record_sheet_text(as_of: dt.date) -> str:
    book = openpyxl.load_workbook(io.BytesIO(records_bytes(group_records(_report(as_of), G))))
    return "\n".join(
        str(value) for row in book["丙"].iter_rows(values_only=True) for value in row if value
    )


def test_study_record_sheet_no_consequence_before_the_verdict_is_final():
    text = _record_sheet_text(NOVEMBER)
    assert "评定：风险" in text and "诫勉" not in text
    after = _record_sheet_text(AFTER_THE_YEAR)
    assert "评定：不达标" in after and f"后果：{ADMONISHED}" in after


def _record_pdf_text(as_of: dt.date) -> str:
    pages = pages_text(records_pdf(group_records(_report(as_of), G)))
    assert len(pages) == 3  # 甲, 乙, 丙, each from a new page
    return pages[2].replace("\n", "")


def test_study_record_pdf_no_consequence_before_the_verdict_is_final():
    text = _record_pdf_text(NOVEMBER)
    assert "丙" in text and "评定：风险" in text and "诫勉" not in text
    after = _record_pdf_text(AFTER_THE_YEAR)
    assert "评定：不达标" in after and f"后果：{ADMONISHED}" in after


# --- The 风险预警 PDF and the 学习情况通报 ------------------------------------------------------


def test_risk_pdf_no_verdict_before_it_is_final_and_the_consequence_with_it():
    text = "".join(pages_text(risk_pdf(_report(NOVEMBER)))).replace("\n", "")
    assert "丙" in text and "风险" in text
    assert "不达标" not in text and "诫勉" not in text
    assert "安排主讲 1 次" in text  # the fix beside the risk
    after = "".join(pages_text(risk_pdf(_report(AFTER_THE_YEAR)))).replace("\n", "")
    assert "不达标" in after and f"全年没有主讲安排（已取消：场次 3）；{ADMONISHED}" in after


def _bulletin(as_of: dt.date) -> docx.document.Document:
    workbook, report = _workbook(), _report(as_of)
    shifts = measure_shifts(workbook, 2026, as_of, years_of(workbook))
    data = bulletin_bytes(report, shifts, todo_items(report.timeline, workbook.exams))
    return docx.Document(io.BytesIO(data))


def _member_rows(document) -> list[list[str]]:
    """The rows of the 通报's table of members at risk and failed (the one headed 姓名)."""
    (table,) = [t for t in document.tables if "姓名" in [c.text for c in t.rows[0].cells]]
    return [[cell.text for cell in row.cells] for row in table.rows[1:]]


def test_bulletin_no_verdict_before_it_is_final_and_the_consequence_with_it():
    document = _bulletin(NOVEMBER)
    (row,) = _member_rows(document)
    assert row[:3] == [G, "丙", "风险"]
    assert "诫勉" not in "\n".join(p.text for p in document.paragraphs) + str(row)
    (after,) = _member_rows(_bulletin(AFTER_THE_YEAR))
    assert after[:3] == [G, "丙", "不达标"]
    # The final 不达标 is shown with its consequence, after the reasons (DOMAIN.md §5).
    assert after[-1].startswith("年度已结束，未达标；") and after[-1].endswith(f"；{ADMONISHED}")


def test_a_group_short_failure_after_the_year_keeps_its_consequence_in_the_documents():
    # test_verdicts' leaver: 乙 left on 30 June having attended and commented at both sessions
    # held in post (9 < 15, GROUP_SHORT). In November the group's shortfall is said once, no
    # 诫勉; after the year 乙 is 不达标 and the row says whose shortfall it was and the 诫勉.
    in_november = "".join(pages_text(risk_pdf(leaver(NOVEMBER)))).replace("\n", "")
    assert "（中心组原因）" in in_november and ADMONISHED not in in_november
    after = "".join(pages_text(risk_pdf(leaver(AFTER_THE_YEAR)))).replace("\n", "")
    assert f"差在本组安排，不在本人；全年没有主讲安排（本组未安排）；{ADMONISHED}" in after
