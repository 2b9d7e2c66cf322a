"""What the isolated reader's child sends back is plain data that decodes to exactly the
in-process read (issue #23): every frame with its dtypes and index, the parameters, the errors,
the cleaned sheets; and the report's and the annotated copy's answers too."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path

import openpyxl
import orjson
import pandas as pd
import pytest

from model.cli.report_task import report_output, run_report_isolated
from model.outputs.annotate import annotate_bytes, annotate_isolated
from model.sandbox import Plain
from model.workbook.isolation import read_isolated
from model.workbook.rawsheet import RawSheet
from model.workbook.reader import ReadResult, Workbook, read_workbook
from model.workbook.transfer import FRAMES, result_from_plain, result_to_plain
from tests import formats
from tests import hostile_files as hostile
from tests.workbooks import ledger

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "示范县学习台账.xlsx"


def _with_errors() -> bytes:
    """Errors of many kinds, an Excel error value, a bad parameter, a title row and a blank row."""
    data = hostile.with_error_value("讲课记录", "D2", "#DIV/0!")
    book = openpyxl.load_workbook(io.BytesIO(data))
    book["成员"].insert_rows(1)
    book["成员"]["A1"] = "成员名单"
    book["成员"].append([])
    book["成员"].append(
        ["王五", "城关镇党委", "M2", "委员", "也许", "北坪村、东坪村", "2026-13-01"]
    )
    book["考试成绩"].append(["不存在", "城关镇党委", 2026, 101, None])
    settings = book.create_sheet("参数")
    for row in (["参数", "值"], ["达标学分", "inf"], ["统计截止日期", "2026-11-15"], ["不存在", 1]):
        settings.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


WORKBOOKS = {
    "sample": lambda: SAMPLE.read_bytes(),
    "with-errors": _with_errors,
    "xls-with-errors": lambda: formats.XLS_FIXTURE.read_bytes(),
    "settings-without-value": lambda: ledger(
        members=hostile.MEMBERS, plan=hostile.PLAN, settings=[["达标学分"]]
    ),
    "not-a-ledger": lambda: b"PK\x03\x04 not really",
}


def assert_same(decoded: ReadResult, direct: ReadResult) -> None:
    """Equal field by field; frames by ``assert_frame_equal``, dtypes and index included."""
    assert decoded.errors == direct.errors
    assert [e.fields for e in decoded.errors] == [e.fields for e in direct.errors]
    assert [e.text("en") for e in decoded.errors] == [e.text("en") for e in direct.errors]
    assert (decoded.unreadable, decoded.kind, decoded.notices) == (
        direct.unreadable,
        direct.kind,
        direct.notices,
    )
    assert (decoded.workbook is None) is (direct.workbook is None)
    if direct.workbook is not None:
        assert decoded.workbook is not None
        assert decoded.workbook.params == direct.workbook.params
        assert decoded.workbook.sheet_names == direct.workbook.sheet_names
        for key in FRAMES:
            pd.testing.assert_frame_equal(
                getattr(decoded.workbook, key), getattr(direct.workbook, key), check_exact=True
            )
    assert (decoded.raws is None) is (direct.raws is None)
    if direct.raws is not None:
        assert decoded.raws is not None and decoded.raws.keys() == direct.raws.keys()
        for key, raw in direct.raws.items():
            other = decoded.raws[key]
            pd.testing.assert_frame_equal(other.data, raw.data, check_exact=True)
            assert other.formula_errors.keys() == raw.formula_errors.keys()
            for column, rows in raw.formula_errors.items():
                pd.testing.assert_index_equal(other.formula_errors[column], rows)
            plain = [f.name for f in dataclasses.fields(RawSheet)]
            for name in set(plain) - {"data", "formula_errors"}:
                assert getattr(other, name) == getattr(raw, name), name


def _over_the_wire(plain: Plain) -> Plain:
    """As the socket carries it: the JSON through orjson, the blobs as bytes."""
    return Plain(
        orjson.loads(orjson.dumps(plain.data)), {k: bytes(v) for k, v in plain.blobs.items()}
    )


@pytest.mark.parametrize("name", list(WORKBOOKS))
def test_a_read_result_decodes_equal_to_the_read(name):
    direct = read_workbook(WORKBOOKS[name](), keep_raws=True)
    assert_same(result_from_plain(_over_the_wire(result_to_plain(direct))), direct)


@pytest.mark.parametrize("name", ["sample", "with-errors", "xls-with-errors"])
def test_the_isolated_read_is_the_in_process_read(name):
    data = WORKBOOKS[name]()
    for keep_raws in (False, True):
        assert_same(
            read_isolated(data, 20 * 2**20, keep_raws=keep_raws),
            read_workbook(data, keep_raws=keep_raws),
        )


def test_the_workbook_with_errors_has_the_dtypes_that_matter():
    workbook = read_isolated(_with_errors(), 20 * 2**20).workbook
    assert workbook is not None
    members = workbook.members
    assert not isinstance(members.index, pd.RangeIndex)  # the title and blank rows are gone
    assert members["joined"].dtype == "datetime64[ns]"
    assert members["points"].map(type).eq(tuple).all()
    assert members["note"].dtype == object and members["note"].isna().all()
    assert str(workbook.exams["year"].dtype) == "Int64"
    assert str(workbook.exams["score"].dtype) == "Float64"
    assert workbook.params.as_of == dt.date(2026, 11, 15)


def test_the_codec_knows_every_field():
    """A field added to these classes must be added to ``model.workbook.transfer`` too."""
    assert [f.name for f in dataclasses.fields(ReadResult)] == [
        "workbook",
        "errors",
        "unreadable",
        "kind",
        "notices",
        "raws",
    ]
    assert [f.name for f in dataclasses.fields(Workbook)] == [*FRAMES, "params", "sheet_names"]
    assert len(dataclasses.fields(RawSheet)) == 9


def test_a_child_that_sends_other_types_is_refused():
    plain = result_to_plain(read_workbook(SAMPLE.read_bytes()))
    wrong = orjson.loads(orjson.dumps(plain.data))
    wrong["errors"] = [{"code": 1}]
    with pytest.raises((ValueError, KeyError)):
        result_from_plain(Plain(wrong, plain.blobs))
    wrong = orjson.loads(orjson.dumps(plain.data))
    wrong["workbook"]["params"]["pass_credits"] = "30"
    with pytest.raises(ValueError):
        result_from_plain(Plain(wrong, plain.blobs))


def test_the_report_answer_is_the_in_process_one():
    data = SAMPLE.read_bytes()
    arguments = {
        "data": data,
        "max_bytes": 20 * 2**20,
        "year": 2026,
        "as_of": dt.date(2026, 11, 15),
        "group": None,
        "as_json": True,
        "indent": False,
    }
    isolated, output = run_report_isolated(arguments)
    direct, expected = report_output(**arguments)
    assert output == expected and output is not None
    assert_same(isolated, direct)
    bad = {**arguments, "data": _with_errors()}
    isolated, output = run_report_isolated(bad)
    direct, expected = report_output(**bad)
    assert output is None and expected is None
    assert_same(isolated, direct)


def test_the_annotated_copy_is_the_in_process_one():
    data = _with_errors()
    errors = read_workbook(data).errors

    def cells(book_bytes: bytes) -> list[tuple]:
        book = openpyxl.load_workbook(io.BytesIO(book_bytes))
        return [row for sheet in book for row in sheet.iter_rows(values_only=True)]

    assert cells(annotate_isolated(data, errors)) == cells(annotate_bytes(data, errors))
