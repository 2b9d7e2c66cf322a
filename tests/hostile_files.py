"""Hostile and odd workbooks, built in the tests from a clean ledger (no binary fixtures)."""

from __future__ import annotations

import io
import struct
import time
import zipfile
import zlib

import openpyxl

from model.workbook.reader import ReadResult, read_workbook
from tests.workbooks import ledger

SECONDS = 30  # the bound of issue #10 for any input


def read(data: bytes, **kwargs) -> ReadResult:
    """read_workbook, asserting it answered within SECONDS."""
    started = time.perf_counter()
    result = read_workbook(data, **kwargs)
    assert time.perf_counter() - started < SECONDS
    return result


def unreadable(data: bytes, **kwargs) -> str:
    """The code of the one clear error a file that cannot be read gets."""
    result = read(data, **kwargs)
    assert result.unreadable and result.workbook is None and len(result.errors) == 1
    assert result.errors[0].message and result.errors[0].hint
    return result.errors[0].code


def cell_errors(data: bytes) -> list[tuple[str, str | None, str | None, str | None]]:
    """(code, sheet, cell, value) of each error of a readable file."""
    result = read(data)
    assert not result.unreadable
    return [(e.code, e.sheet, e.cell, e.value) for e in result.errors]


MEMBERS = [
    ["张三", "城关镇党委", "M1", "书记", "是"],
    ["李四", "城关镇党委", "M2", "副书记"],
]
PLAN = [["CG-01", "城关镇党委", "2026-03-10", "学习专题", "张三", "李四"]]
TALKS = [["CG-01", "2026-03-10", "2026-03-01", 60, "是", "2026-03-12", None]]
PARTICIPATION = [["CG-01", "李四", "出席", "口头"]]
EXAMS = [["张三", "城关镇党委", 2026, 80, None], ["李四", "城关镇党委", 2026, 75, None]]


def clean() -> bytes:
    return ledger(members=MEMBERS, plan=PLAN, talks=TALKS, participation=PARTICIPATION, exams=EXAMS)


def edited(edit) -> bytes:
    """The clean ledger after ``edit(book)`` on its openpyxl workbook."""
    book = openpyxl.load_workbook(io.BytesIO(clean()))
    edit(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def with_cell(sheet: str, cell: str, value: object) -> bytes:
    def edit(book):
        book[sheet][cell] = value

    return edited(edit)


def with_error_value(sheet: str, cell: str, literal: str) -> bytes:
    """A cell holding an Excel error value, as a formula that failed leaves it."""

    def edit(book):
        target = book[sheet][cell]
        target.value = literal
        target.data_type = "e"

    return edited(edit)


def parts(data: bytes) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {name: archive.read(name) for name in archive.namelist()}


def repack(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def with_sheet_xml(data: bytes, part: str, change) -> bytes:
    """The package with one worksheet's XML replaced by ``change(xml)``."""
    entries = parts(data)
    entries[part] = change(entries[part])
    return repack(entries)


def styled_empty_rows(count: int = 1_048_574) -> bytes:
    """成员 followed by a million empty rows that carry only a style, as a careless 'format
    the whole column' leaves them."""

    def add_rows(xml: bytes) -> bytes:
        rows = b"".join(
            b'<row r="%d" s="1" customFormat="1"><c r="A%d" s="1"/></row>' % (n, n)
            for n in range(4, 4 + count)
        )
        return xml.replace(b"</sheetData>", rows + b"</sheetData>")

    return with_sheet_xml(clean(), "xl/worksheets/sheet1.xml", add_rows)


def _raw_zip(entries: list[tuple[str, int, bytes, int, int]]) -> bytes:
    """A zip written by hand: (name, method, stored bytes, declared size, crc) per entry."""
    body = io.BytesIO()
    central = []
    for name, method, stored, declared, crc in entries:
        encoded = name.encode()
        offset = body.tell()
        body.write(
            struct.pack(
                "<4s5H3L2H",
                b"PK\x03\x04",
                20,
                0,
                method,
                0,
                0,
                crc,
                len(stored),
                declared,
                len(encoded),
                0,
            )
        )
        body.write(encoded + stored)
        central.append(
            struct.pack(
                "<4s6H3L5H2L",
                b"PK\x01\x02",
                20,
                20,
                0,
                method,
                0,
                0,
                crc,
                len(stored),
                declared,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + encoded
        )
    directory_at = body.tell()
    directory = b"".join(central)
    body.write(directory)
    body.write(
        struct.pack(
            "<4s4H2LH",
            b"PK\x05\x06",
            0,
            0,
            len(entries),
            len(entries),
            len(directory),
            directory_at,
            0,
        )
    )
    return body.getvalue()


def _deflated(content: bytes) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return compressor.compress(content) + compressor.flush()


def lying_bomb(real_mb: int = 1024) -> bytes:
    """A ledger whose 成员 sheet inflates to ``real_mb`` MB while the directory says 2 KB.

    The same fully flushed deflate block is repeated, so building it costs almost nothing.
    """
    entries = parts(clean())
    row = b'<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row>' * 16_384
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(row) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeats = real_mb * 2**20 // len(row)
    stream = block * repeats + b"\x03\x00"  # an empty final block ends the stream
    raw = []
    for name, content in entries.items():
        if name == "xl/worksheets/sheet1.xml":
            raw.append((name, zipfile.ZIP_DEFLATED, stream, 2048, 0))
        else:
            raw.append(
                (name, zipfile.ZIP_DEFLATED, _deflated(content), len(content), zlib.crc32(content))
            )
    return _raw_zip(raw)


def with_method(method: int) -> bytes:
    """The clean ledger with its 成员 part claiming a compression method we do not support."""
    raw = []
    for name, content in parts(clean()).items():
        if name == "xl/worksheets/sheet1.xml":
            raw.append((name, method, content, len(content), zlib.crc32(content)))
        else:
            raw.append(
                (name, zipfile.ZIP_DEFLATED, _deflated(content), len(content), zlib.crc32(content))
            )
    return _raw_zip(raw)


def corrupt_stream() -> bytes:
    raw = []
    for name, content in parts(clean()).items():
        stored = _deflated(content)
        if name == "xl/worksheets/sheet1.xml":
            stored = b"\xff" * 16 + stored[16:]
        raw.append((name, zipfile.ZIP_DEFLATED, stored, len(content), zlib.crc32(content)))
    return _raw_zip(raw)
