"""The annotated copy, as the walk found it (issue #29 items 4, 5, 7, 10a): a missing column is
marked on its sheet, every 错误清单 row links somewhere, formulas reaching outside the workbook
come back as text, and no cell we write exceeds Excel's 32,767 characters."""

import io

from openpyxl import load_workbook

from model.outputs.annotate import annotate_bytes
from model.outputs.file_words import LIST_SHEET
from model.outputs.xlsx_safe import CELL_LIMIT, is_external_formula
from model.workbook.reader import read_workbook
from tests import hostile_files as hostile


def annotated(data: bytes):
    errors = read_workbook(data).errors
    return errors, load_workbook(io.BytesIO(annotate_bytes(data, errors)))


def without_outreach_date() -> bytes:
    """宣讲记录 with its 宣讲日期 column deleted (a required column)."""

    def edit(book):
        sheet = book["宣讲记录"]
        sheet.delete_cols(2)
        sheet.append(["CG-01", "东村", 30])

    return hostile.edited(edit)


def test_a_missing_column_is_marked_on_its_header_row_and_linked():
    errors, book = annotated(without_outreach_date())
    missing = [e for e in errors if e.code == "COLUMN_MISSING"]
    assert [(e.sheet, e.column) for e in missing] == [("宣讲记录", "宣讲日期")]
    # The header reads 场次 | 宣讲地点 | 听众人数: the mark goes where the column would, D1.
    mark = book["宣讲记录"]["D1"]
    assert mark.fill.fgColor.rgb.endswith("FF9999")
    assert "宣讲日期" in mark.comment.text
    number = errors.index(missing[0]) + 2
    link = book[LIST_SHEET].cell(number, 3)
    assert link.value == "D1"
    assert (link.hyperlink.location or link.hyperlink.target) == "'宣讲记录'!D1"


def test_every_error_list_row_links_to_its_cell_or_sheet():
    errors, book = annotated(without_outreach_date())
    rows = list(book[LIST_SHEET].iter_rows(min_row=2, max_row=len(errors) + 1))
    assert rows and all(row[2].hyperlink is not None for row in rows)
    # An internal link to the very cell ('成员'!E2), which Excel and WPS open in place.
    errors, book = annotated(hostile.with_cell("成员", "E2", "也许"))  # 是否一把手: 是 or 否
    rows = list(book[LIST_SHEET].iter_rows(min_row=2, max_row=len(errors) + 1))
    cells = [(error, row[2]) for error, row in zip(errors, rows, strict=True) if error.cell]
    assert cells
    for error, link in cells:
        assert link.value == error.cell
        assert link.hyperlink.location == f"'{error.sheet}'!{error.cell}", error


def test_dde_and_external_formulas_come_back_as_text_ordinary_ones_stay():
    def edit(book):
        sheet = book["成员"]
        sheet["H2"] = "=cmd|'/c calc'!A1"
        sheet["H3"] = '=HYPERLINK("http://example.com/x","点我")'
        sheet["I2"] = "=1+1"

    _, book = annotated(hostile.edited(edit))
    sheet = book["成员"]
    assert (sheet["H2"].data_type, sheet["H2"].value) == ("s", "=cmd|'/c calc'!A1")
    assert sheet["H3"].data_type == "s"
    assert (sheet["I2"].data_type, sheet["I2"].value) == ("f", "=1+1")
    notes = [row[0] for row in book[LIST_SHEET].iter_rows(values_only=True) if row[0]]
    assert any("H2" in str(note) and "改为文本" in str(note) for note in notes)
    assert any("H3" in str(note) for note in notes)


def test_external_formula_patterns():
    assert is_external_formula("=cmd|'/c calc'!A1")
    assert is_external_formula("='[预算.xlsx]Sheet1'!A1")
    assert is_external_formula("=[1]Sheet1!A1")
    assert is_external_formula('=WEBSERVICE("http://x")')
    assert not is_external_formula("=SUM(A1:A3)")
    assert not is_external_formula("=表1[[#This Row],[学分]]*2")
    assert not is_external_formula("cmd|x")  # not a formula at all


def test_no_cell_or_comment_we_write_exceeds_excels_limit():
    long_text = "字" * CELL_LIMIT
    errors, book = annotated(hostile.with_cell("成员", "E2", long_text))
    assert errors  # 是否一把手 cannot hold 32,767 characters
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    assert len(cell.value) <= CELL_LIMIT, (sheet.title, cell.coordinate)
                if cell.comment is not None:
                    assert len(cell.comment.text) <= CELL_LIMIT, (sheet.title, cell.coordinate)
