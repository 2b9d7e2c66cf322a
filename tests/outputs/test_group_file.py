"""The file a group clerk downloads (and a scoped publish stores): the template with rows."""

import io

import openpyxl

from model.dev.sample import SAMPLE_PATH
from model.outputs.group_file import ledger_file, recorded_bases
from model.store.group_rows import cut, settings_rows
from model.workbook.reader import raw_sheets, read_workbook
from tests.store.county import edited
from tests.workbooks import ledger


def test_every_cell_of_the_sample_reads_back_as_it_was():
    raws, _ = raw_sheets(SAMPLE_PATH.read_bytes())
    written = ledger_file(cut(raws, None), settings_rows(raws), {"*": 7})
    again, errors = raw_sheets(written)
    assert errors == []
    for key, raw in raws.items():
        before = raw.data.reset_index(drop=True)
        after = again[key].data.reindex(columns=before.columns).reset_index(drop=True)
        assert before.astype(object).equals(after.astype(object)), key
    assert read_workbook(written).ok
    assert recorded_bases(written) == {"*": 7}


def test_text_that_looks_like_a_formula_stays_text_and_dates_stay_dates():
    def as_text(book):  # typed as text in Excel: '=1+1
        book["成员"]["C2"].value = "=1+1"
        book["成员"]["C2"].data_type = "s"

    data = edited(
        ledger(members=[["张三", "城关镇党委", None, None, "是", None, "2026-01-05"]]), as_text
    )
    raws, _ = raw_sheets(data)
    written = ledger_file(cut(raws, None), settings_rows(raws))
    sheet = openpyxl.load_workbook(io.BytesIO(written))["成员"]
    assert sheet["C2"].value == "=1+1" and sheet["C2"].data_type == "s"
    assert sheet["G2"].is_date and sheet["G2"].value.date().isoformat() == "2026-01-05"
    assert sheet.max_row == 2 and sheet["A1"].value == "姓名"
    # The template's dropdowns are kept.
    assert any("E2:E" in str(rule.sqref) for rule in sheet.data_validations.dataValidation)


def test_a_file_without_the_record_has_no_bases():
    assert recorded_bases(ledger(members=[["张三", "城关镇党委"]])) == {}
