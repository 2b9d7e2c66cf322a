"""Issue #15: .xls, .xlsb and .ods are read like .xlsx, and their annotated copy is an .xlsx."""

import datetime as dt
import io
import time
import zipfile

import openpyxl
import pandas as pd
import pytest

from model.outputs.annotate import (
    ERROR_FILL,
    LIST_SHEET,
    annotate_bytes,
    annotate_isolated,
    annotated_file_name,
)
from model.workbook.intake import MAX_UPLOAD_BYTES, check_workbook_bytes
from model.workbook.isolation import read_isolated
from model.workbook.reader import read_workbook
from tests import formats
from tests import hostile_files as hostile
from tests.workbooks import PLAN_HEADER

FORMATS = {
    "xls": lambda: formats.XLS_FIXTURE.read_bytes(),
    "ods": formats.as_ods,
}
FRAMES = ("members", "plan", "talks", "participation", "outreach", "exams")


def where(result) -> list[tuple]:
    return [(e.code, e.sheet, e.cell, e.value) for e in result.errors]


@pytest.mark.parametrize("file_format", FORMATS)
def test_same_errors_at_the_same_cells_as_the_xlsx(file_format):
    as_xlsx = read_workbook(formats.as_xlsx())
    other = read_workbook(FORMATS[file_format]())
    assert [e[:3] for e in where(as_xlsx)] == formats.EXPECTED_ERRORS
    assert where(other) == where(as_xlsx)
    assert other.kind is not None and other.kind.format == file_format


@pytest.mark.parametrize("file_format", FORMATS)
def test_same_typed_rows_as_the_xlsx(file_format):
    """Dates typed as dates or as 2026.1.5 / 2026年1月5日, full-width digits, √ and 到 alike."""
    as_xlsx = read_workbook(formats.as_xlsx(formats.without_errors()))
    other = read_workbook(
        formats.as_ods(formats.without_errors()) if file_format == "ods" else FORMATS["xls"]()
    )
    assert as_xlsx.ok
    for key in FRAMES if file_format == "ods" else ("members", "talks"):
        pd.testing.assert_frame_equal(
            getattr(other.workbook, key).reset_index(drop=True),
            getattr(as_xlsx.workbook, key).reset_index(drop=True),
            check_dtype=False,
        )
    members = other.workbook.members.set_index("name")
    assert members.loc["李四", "joined"] == pd.Timestamp(2026, 1, 5)


def test_the_isolated_reader_reads_xls():
    result = read_isolated(formats.XLS_FIXTURE.read_bytes(), MAX_UPLOAD_BYTES)
    assert result.kind.format == "xls"
    assert [e[:3] for e in where(result)] == formats.EXPECTED_ERRORS


@pytest.mark.parametrize("file_format", FORMATS)
def test_annotated_copy_is_an_xlsx_with_the_marks(file_format):
    data = FORMATS[file_format]()
    result = read_workbook(data)
    annotated = annotate_isolated(data, result.errors, kind=result.kind)
    book = openpyxl.load_workbook(io.BytesIO(annotated))
    assert book.sheetnames[0] == LIST_SHEET
    for _, sheet, cell in formats.EXPECTED_ERRORS:
        marked = book[sheet][cell]
        assert marked.fill.fgColor.rgb.endswith(ERROR_FILL.fgColor.rgb[-6:])
        assert marked.comment is not None
    # Values stay where they were, dates as dates.
    assert book["成员"]["A1"].value == "城关镇党委理论学习中心组成员名单"
    assert book["成员"]["G3"].value == dt.datetime(2026, 1, 1)
    assert book["学习计划"]["C4"].value == "2026-13-40"
    assert book["考试成绩"]["D3"].value == 105
    notes = [row[0] for row in book[LIST_SHEET].iter_rows(values_only=True)]
    assert f"注：原文件为 .{file_format}，标注副本已另存为 .xlsx。" in notes


def test_macros_are_read_past_never_kept_and_noted():
    entries = hostile.parts(hostile.clean())
    entries["xl/vbaProject.bin"] = b"\0" * 64
    data = hostile.repack(entries)
    result = read_workbook(data)
    assert result.ok and result.notices == ["MACROS_IGNORED"]
    assert (result.kind.format, result.kind.macros) == ("xlsm", True)
    annotated = annotate_bytes(data, [], result.kind.format, result.kind.macros)
    assert not any(
        "vba" in name.lower() for name in zipfile.ZipFile(io.BytesIO(annotated)).namelist()
    )
    notes = [row[0] for row in openpyxl.load_workbook(io.BytesIO(annotated))[LIST_SHEET].values]
    assert any("宏" in str(note) for note in notes)


def test_an_xls_with_vba_is_noted():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64
    streams = "Workbook".encode("utf-16-le") + "_VBA_PROJECT_CUR".encode("utf-16-le")
    kind = check_workbook_bytes(ole + streams)
    assert (kind.format, kind.macros) == ("xls", True)


def _ods(content: bytes, manifest: bytes = b"<manifest/>") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        # Stored first and uncompressed, as the format requires (calamine checks).
        archive.writestr(
            "mimetype",
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content)
    return buffer.getvalue()


def test_an_encrypted_ods():
    manifest = b"<manifest><file-entry><encryption-data/></file-entry></manifest>"
    assert hostile.unreadable(_ods(b"<x/>", manifest)) == "FILE_ENCRYPTED"


def test_an_ods_bomb_is_stopped_by_the_inflation_guard():
    assert hostile.unreadable(_ods(b"<x>" + b" " * (20 << 20) + b"</x>")) == "FILE_ZIP_BOMB"


ODS_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?><office:document-content '
    b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    b'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    b"<office:body><office:spreadsheet>"
)
ODS_TAIL = b"</office:spreadsheet></office:body></office:document-content>"


def _repeated_sheet(name: str, rows: int, columns: int) -> bytes:
    """A sheet whose one value is repeated over rows × columns cells by two attributes."""
    return (
        f'<table:table table:name="{name}"><table:table-row table:number-rows-repeated="{rows}">'
        f'<table:table-cell table:number-columns-repeated="{columns}" office:value-type="string">'
        f"<text:p>x</text:p></table:table-cell></table:table-row></table:table>"
    ).encode()


def _cell(text: str, repeat: int = 1) -> str:
    return (
        f'<table:table-cell table:number-columns-repeated="{repeat}" office:value-type="string">'
        f"<text:p>{text}</text:p></table:table-cell>"
    )


def test_an_ods_repeating_a_member_row_a_million_times_is_answered_in_time():
    """Two attributes make a million rows of data: refused before the parser expands them."""
    members = (
        '<table:table table:name="成员"><table:table-row>'
        + _cell("姓名")
        + _cell("中心组")
        + '</table:table-row><table:table-row table:number-rows-repeated="1048575">'
        + _cell("张三", repeat=2)
        + "</table:table-row></table:table>"
    )
    plan = '<table:table table:name="学习计划"><table:table-row>'
    plan += "".join(_cell(header) for header in PLAN_HEADER) + "</table:table-row></table:table>"
    content = ODS_HEAD + (members + plan).encode() + ODS_TAIL
    started = time.perf_counter()
    result = read_isolated(_ods(content), MAX_UPLOAD_BYTES)
    assert time.perf_counter() - started < hostile.SECONDS
    assert [error.code for error in result.errors] == ["FILE_TOO_COMPLEX"]
    assert "1,048,574" in result.errors[0].message


def test_an_ods_repeating_one_value_over_the_whole_grid_is_answered_in_time():
    content = ODS_HEAD + _repeated_sheet("成员", 1_048_576, 16_384) + ODS_TAIL
    started = time.perf_counter()
    result = read_isolated(
        _ods(content), MAX_UPLOAD_BYTES
    )  # with the upload's memory and time limits
    assert time.perf_counter() - started < hostile.SECONDS
    assert result.workbook is None and len(result.errors) == 1
    assert result.errors[0].code in {"FILE_TOO_COMPLEX", "FILE_CORRUPT"}


def test_the_annotated_copy_is_named_as_an_xlsx():
    assert annotated_file_name("城关镇台账.xls") == "标注-城关镇台账.xlsx"
    assert annotated_file_name("台账.v2.ods") == "标注-台账.v2.xlsx"
