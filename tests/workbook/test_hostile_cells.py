"""Hostile files, part 2 (issue #10): values that must not slip through — numbers out of range,
Excel error values, far dates, decimal commas, duplicate sheets. Each is an error at its cell."""

from __future__ import annotations

import pytest

from tests import hostile_files as hostile
from tests.hostile_files import cell_errors, read
from tests.workbooks import ledger


@pytest.mark.parametrize(
    ("sheet", "cell", "value", "code"),
    [
        ("宣讲记录", "D2", "inf", "BAD_INTEGER"),
        ("宣讲记录", "D2", "-5", "NUMBER_OUT_OF_RANGE"),
        ("宣讲记录", "D2", "99999999999999999999", "NUMBER_OUT_OF_RANGE"),
        ("宣讲记录", "D2", "1e20", "NUMBER_OUT_OF_RANGE"),
        ("讲课记录", "D2", "Infinity", "BAD_NUMBER"),
        ("讲课记录", "D2", "-60", "NUMBER_OUT_OF_RANGE"),
        ("讲课记录", "D2", 601, "NUMBER_OUT_OF_RANGE"),
        ("讲课记录", "D2", "nan", "BAD_NUMBER"),
        ("考试成绩", "C2", "1e20", "NUMBER_OUT_OF_RANGE"),
        ("考试成绩", "C2", "inf", "BAD_INTEGER"),
        ("考试成绩", "C2", 1999, "NUMBER_OUT_OF_RANGE"),
        ("考试成绩", "D2", "-inf", "BAD_NUMBER"),
        ("考试成绩", "D2", 100.5, "SCORE_OUT_OF_RANGE"),
    ],
)
def test_a_number_out_of_its_range_is_a_cell_error(sheet, cell, value, code):
    def edit(book):
        if sheet == "宣讲记录":
            book[sheet].append(["CG-01", "2026-03-20", "城关社区", 30])
        book[sheet][cell] = value

    errors = cell_errors(hostile.edited(edit))
    assert (code, sheet, cell) in [(c, s, x) for c, s, x, _ in errors]
    assert not [e for e in errors if e[2] != cell]  # nothing else is blamed


def test_no_exam_row_is_lost_to_a_wrapped_year():
    result = read(hostile.with_cell("考试成绩", "C2", "99999999999999999999"))
    assert not result.ok  # the row is an error, not a silently different year
    assert len(result.workbook.exams) == 2


@pytest.mark.parametrize(
    "value", ["inf", "Infinity", "1e308", "-5", "NaN", "1e20"], ids=lambda v: f"param-{v}"
)
def test_a_parameter_must_be_finite_and_in_bounds(value):
    data = ledger(members=hostile.MEMBERS, plan=hostile.PLAN, settings=[["达标学分", value]])
    errors = cell_errors(data)
    assert ("BAD_SETTING", "参数", "B2") in [(c, s, x) for c, s, x, _ in errors]
    hint = read(data).errors[0].hint
    assert "0–1000" in hint


@pytest.mark.parametrize(
    ("sheet", "cell", "literal"),
    [
        ("讲课记录", "D2", "#DIV/0!"),
        ("考试成绩", "D2", "#N/A"),
        ("讲课记录", "B2", "#REF!"),
        ("成员", "A3", "#VALUE!"),
        ("成员", "D2", "#NAME?"),
        ("学习计划", "C2", "#NUM!"),
        ("参学记录", "C2", "#NULL!"),
    ],
)
def test_an_excel_error_value_is_reported_as_itself(sheet, cell, literal):
    errors = cell_errors(hostile.with_error_value(sheet, cell, literal))
    assert errors[0] == ("FORMULA_ERROR", sheet, cell, literal)
    assert not [e for e in errors if e[0] == "REQUIRED_EMPTY" and e[2] == cell]


def test_a_formula_error_message_says_what_to_type():
    error = read(hostile.with_error_value("讲课记录", "D2", "#DIV/0!")).errors[0]
    assert "公式出错（#DIV/0!）" in error.message
    assert "时长" in error.hint


def test_two_sheets_for_the_members_are_an_error_naming_both():
    def add_alias(book):
        copy = book.copy_worksheet(book["成员"])
        copy.title = "Members"

    errors = cell_errors(hostile.edited(add_alias))
    assert ("SHEET_DUPLICATE", "成员", None, None) in errors
    message = read(hostile.edited(add_alias)).errors[0].message
    assert "成员" in message and "Members" in message


@pytest.mark.parametrize("typed", ["3026-03-10", "9999-12-31", "1066-10-14"])
def test_a_date_far_outside_any_calendar_is_out_of_range_at_its_cell(typed):
    errors = cell_errors(hostile.with_cell("学习计划", "C2", typed))
    assert ("DATE_OUT_OF_RANGE", "学习计划", "C2", typed) in errors


def test_an_as_of_date_in_the_far_future_is_a_bad_setting():
    data = ledger(
        members=hostile.MEMBERS, plan=hostile.PLAN, settings=[["统计截止日期", "3026-01-01"]]
    )
    assert ("BAD_SETTING", "参数", "B2") in [(c, s, x) for c, s, x, _ in cell_errors(data)]


def test_a_decimal_comma_is_not_read_as_thousands():
    errors = cell_errors(hostile.with_cell("考试成绩", "D2", "8,5"))
    assert errors == [("BAD_NUMBER", "考试成绩", "D2", "8,5")]  # never silently 85


def test_a_time_that_is_no_clock_time_is_not_a_date():
    errors = cell_errors(hostile.with_cell("讲课记录", "B2", "2026-03-10 99:99"))
    assert ("BAD_DATE", "讲课记录", "B2", "2026-03-10 99:99") in errors
