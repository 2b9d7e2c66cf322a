"""File-level errors carry codes and fields; their details are chosen in the shown language
(issue #23: no Chinese rendered when an error is made)."""

import string

import pytest

from model.texts.errors import DETAILS, DUPLICATE_KEYS, EXPECTED
from model.workbook.errors import make_error


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("catalogue", [DETAILS, DUPLICATE_KEYS, EXPECTED])
def test_every_detail_has_both_languages_with_the_same_fields(catalogue):
    for code, words in catalogue.items():
        assert set(words) == {"zh", "en"}, code
        assert _fields(words["zh"]) == _fields(words["en"]), code


def test_a_zip_bomb_detail_is_rendered_in_the_language_shown():
    error = make_error("FILE_ZIP_BOMB", detail_code="PART_RATIO", part="xl/a.xml", ratio=812.4)
    assert "xl/a.xml 压缩比 812:1" in error.text("zh")[0]
    assert "xl/a.xml compressed 812:1" in error.text("en")[0]
    assert "detail" not in error.fields  # the words are not stored with the error


def test_not_a_ledger_lists_the_sheets_in_each_language_and_says_none_for_none():
    error = make_error("NOT_A_LEDGER", found=["Sheet1", "汇总"])
    assert "现有工作表：Sheet1、汇总" in error.message
    assert "sheets: Sheet1, 汇总" in error.text("en")[0]
    assert "现有工作表：无" in make_error("NOT_A_LEDGER", found=[]).message


def test_a_duplicate_key_names_its_key_from_the_catalogue():
    error = make_error(
        "DUPLICATE_KEY", sheet="参学记录", row=9, first_row=4, key_code="session_name"
    )
    assert error.message == "与第 4 行重复（场次+姓名）。"
    assert error.text("en")[0] == "Repeats row 4 (场次 + 姓名)."


def test_a_bad_setting_asks_for_its_range_in_each_language():
    error = make_error(
        "BAD_SETTING",
        setting="达标学分",
        value="x",
        expected_code="INT_BETWEEN",
        low="1",
        high="200",
    )
    assert error.hint == "请填写 1–200 之间的整数。"
    assert error.text("en")[1] == "Type a whole number from 1 to 200."
