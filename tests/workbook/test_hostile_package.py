"""Hostile files, part 1 (issue #10): the container and the guard before any parser —
zip tricks, bombs, far cells, odd XML. Each gets one clear error in bounded time."""

from __future__ import annotations

import io
import json
import os
import time

import openpyxl
import pytest

from model.outputs.annotate import annotate_bytes
from model.workbook import intake
from tests import hostile_files as hostile
from tests.hostile_files import read, unreadable


@pytest.mark.parametrize("cell", ["XFD1048576", "AZ1048576", "ZZ500000"])
def test_a_far_value_is_refused_before_calamine_sees_it(cell):
    started = time.perf_counter()
    result = read(hostile.with_cell("成员", cell, "x"))
    assert time.perf_counter() - started < 2  # costs nothing: the grid is never built
    assert [(e.code, e.sheet) for e in result.errors] == [("FILE_FAR_CELL", "成员")]
    assert cell in result.errors[0].message
    assert "Ctrl+End" in result.errors[0].hint


def test_a_far_cell_with_only_a_style_costs_nothing():
    def style_far(book):
        book["成员"]["XFD1048576"].font = openpyxl.styles.Font(bold=True)

    result = read(hostile.edited(style_far))
    assert result.ok


def test_a_lying_dimension_is_only_a_hint():
    data = hostile.with_sheet_xml(
        hostile.clean(),
        "xl/worksheets/sheet1.xml",
        lambda xml: (
            xml.replace(b"<sheetData>", b'<dimension ref="A1:XFD1048576"/><sheetData>', 1)
            if b"<dimension" not in xml
            else xml.replace(b'<dimension ref="', b'<dimension ref="A1:XFD1048576" x="', 1)
        ),
    )
    assert read(data).ok


def test_a_million_styled_empty_rows_read_and_annotate_quickly():
    data = hostile.styled_empty_rows()
    assert len(data) < intake.MAX_UPLOAD_BYTES
    started = time.perf_counter()
    result = read(data)
    assert result.ok and len(result.workbook.members) == 2
    assert time.perf_counter() - started < 10
    errors = read(hostile.with_cell("成员", "E2", "也许")).errors  # one cell error to mark
    started = time.perf_counter()
    annotated = annotate_bytes(data, errors)
    assert time.perf_counter() - started < 15
    book = openpyxl.load_workbook(io.BytesIO(annotated))
    assert book["成员"]["E2"].fill.fgColor.rgb.endswith("FF9999")
    assert book["成员"].max_row < 100  # the empty tail was cut, the data kept


def test_extent_of_a_sheet_comes_from_its_values():
    xml = (
        b'<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c>'
        b'<c r="XFD1" s="2"/></row><row r="7"><c r="C7"><v>1</v></c></row>'
        b'<row r="1048576" s="1"/></sheetData></worksheet>'
    )
    extent = intake.sheet_extent("xl/worksheets/sheet1.xml", xml)
    assert (extent.max_row, extent.max_column) == (7, 3)  # the styled XFD1 holds no value
    narrow = xml.replace(b'<c r="XFD1" s="2"/>', b"")
    extent = intake.sheet_extent("xl/worksheets/sheet1.xml", narrow)
    assert (extent.max_row, extent.max_column) == (7, 11)  # no cell past K: bounded at K
    wide = xml.replace(b'<c r="C7"><v>1</v></c>', b'<c r="AB7"><f>1+1</f><v>2</v></c>')
    extent = intake.sheet_extent("xl/worksheets/sheet1.xml", wide)
    assert (extent.max_row, extent.max_column) == (7, 28)


def test_a_zip_directory_that_lies_about_sizes_is_not_trusted():
    data = hostile.lying_bomb(real_mb=1024)
    assert len(data) < 20 * 2**20
    started = time.perf_counter()
    assert unreadable(data) == "FILE_ZIP_BOMB"
    assert time.perf_counter() - started < 10


def test_an_honest_high_ratio_part_is_refused():
    rows = b'<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row>' * 400_000
    data = hostile.with_sheet_xml(
        hostile.clean(),
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace(b"</sheetData>", rows + b"</sheetData>"),
    )
    assert unreadable(data) == "FILE_ZIP_BOMB"


def test_the_total_inflated_size_is_capped(monkeypatch):
    monkeypatch.setattr(intake, "MAX_UNCOMPRESSED_BYTES", 20_000)
    assert unreadable(hostile.clean()) == "FILE_ZIP_BOMB"


def test_too_many_zip_entries():
    entries = hostile.parts(hostile.clean())
    entries.update({f"xl/media/pad{n}.bin": b"" for n in range(12_000)})
    assert unreadable(hostile.repack(entries)) == "FILE_ZIP_BOMB"


def test_an_unsupported_compression_method():
    assert unreadable(hostile.with_method(12)) == "FILE_CORRUPT"  # bzip2


def test_a_corrupt_deflate_stream():
    assert unreadable(hostile.corrupt_stream()) == "FILE_CORRUPT"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "FILE_EMPTY"),
        (os.urandom(4096), "FILE_NOT_XLSX"),
        ("姓名,中心组\n张三,城关镇\n".encode(), "FILE_NOT_XLSX"),
        (b"PK\x03\x04" + os.urandom(2000), "FILE_CORRUPT"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "FILE_NOT_XLSX"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "Workbook".encode("utf-16-le") + b"\0" * 600,
            "FILE_CORRUPT",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptionInfo".encode("utf-16-le"),
            "FILE_ENCRYPTED",
        ),
    ],
    ids=[
        "empty",
        "random",
        "csv-renamed",
        "truncated-zip",
        "ole-not-xls",
        "xls-broken",
        "encrypted",
    ],
)
def test_files_that_are_no_workbook(data, code):
    assert unreadable(data) == code


def test_a_truncated_workbook():
    data = hostile.clean()
    assert unreadable(data[: len(data) // 2]) == "FILE_CORRUPT"


@pytest.mark.parametrize(
    ("extra", "code"),
    [
        ({"mimetype": b"application/vnd.oasis", "content.xml": b"<x/>"}, "FILE_NOT_XLSX"),
        (
            {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"},
            "FILE_NOT_XLSX",
        ),
    ],
    ids=["ods-wrong-mimetype", "odt"],
)
def test_packages_of_another_kind(extra, code):
    entries = hostile.parts(hostile.clean())
    entries.update(extra)
    assert unreadable(hostile.repack(entries)) == code


def test_over_the_upload_size():
    assert unreadable(hostile.clean(), max_bytes=1024) == "FILE_TOO_LARGE"


def test_billion_laughs_is_not_expanded():
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;") * 10)
            for n in range(1, 10)
        )
        + b']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
        b'uniqueCount="1"><si><t>&lol9;</t></si></sst>'
    )
    entries = hostile.parts(hostile.clean())
    entries["xl/sharedStrings.xml"] = laughs
    started = time.perf_counter()
    result = read(hostile.repack(entries))
    assert time.perf_counter() - started < 5
    assert result.ok or result.errors  # answered, not hung
    text = json.dumps([e.as_dict() for e in result.errors], ensure_ascii=False)
    assert "lollollol" not in text


def test_an_external_entity_is_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    entries = hostile.parts(hostile.clean())
    entries["xl/worksheets/sheet1.xml"] = entries["xl/worksheets/sheet1.xml"].replace(
        b"<worksheet",
        f'<!DOCTYPE w [<!ENTITY x SYSTEM "file://{secret}">]><worksheet'.encode(),
        1,
    )
    data = hostile.repack(entries)
    result = read(data)
    shown = json.dumps([e.as_dict() for e in result.errors], ensure_ascii=False)
    if result.workbook is not None:
        shown += result.workbook.members.to_json(force_ascii=False, date_format="iso")
    assert "TOP-SECRET" not in shown


def test_path_traversal_names_in_the_zip_are_harmless(tmp_path):
    entries = hostile.parts(hostile.clean())
    entries["../../evil.txt"] = b"owned"
    data = hostile.repack(entries)
    result = read(data)
    assert result.ok
    assert not (tmp_path.parent / "evil.txt").exists()


def test_a_file_of_unclosed_tags_cannot_make_the_guard_quadratic():
    def unclosed(xml: bytes) -> bytes:
        junk = b"<!-- " + b'<c r="L1"' * 40_000 + b" -->"
        return xml.replace(b"</sheetData>", junk + b"</sheetData>")

    started = time.perf_counter()
    read(hostile.with_sheet_xml(hostile.clean(), "xl/worksheets/sheet1.xml", unclosed))
    assert time.perf_counter() - started < 5  # was 165 s

    entries = hostile.parts(hostile.clean())
    entries["xl/workbook.xml"] = entries["xl/workbook.xml"].replace(
        b"<sheets>", b"<sheets>" + b"<sheet" * 20_000, 1
    )
    started = time.perf_counter()
    read(hostile.repack(entries))
    assert time.perf_counter() - started < 5  # was 47 s


@pytest.mark.parametrize(
    "row",
    [
        b"<row r='1048576'><c r='XFD1048576' t='inlineStr'><is><t>x</t></is></c></row>",
        b'<row r="1048576"><c t="inlineStr" r="XFD1048576"><is><t>x</t></is></c></row>',
    ],
    ids=["single-quoted", "r-after-t"],
)
def test_a_far_cell_written_another_way_is_still_found(row):
    data = hostile.with_sheet_xml(
        hostile.clean(),
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace(b"</sheetData>", row + b"</sheetData>"),
    )
    result = read(data)
    assert [(e.code, e.sheet) for e in result.errors] == [("FILE_FAR_CELL", "成员")]
    assert "XFD1048576" in result.errors[0].message
