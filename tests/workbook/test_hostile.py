"""Hostile and careless input (issue #10): every kind gets a clear answer in bounded time and
memory, at the exact cell where there is one, and never a traceback or a dead server."""

from __future__ import annotations

import io
import json
import os
import resource
import subprocess
import sys
import time

import openpyxl
import pytest

from model.engine.report import build_report
from model.outputs.annotate import annotate_bytes
from model.outputs.export import report_workbook
from model.store.versions import Store
from model.workbook import intake
from model.workbook.isolation import Limits, annotate_isolated, read_isolated
from model.workbook.reader import read_workbook
from tests import hostile_files as hostile
from tests.workbooks import ledger, publish

SECONDS = 30  # the bound for any input


def read(data: bytes, **kwargs):
    started = time.perf_counter()
    result = read_workbook(data, **kwargs)
    assert time.perf_counter() - started < SECONDS
    return result


def unreadable(data: bytes, **kwargs) -> str:
    result = read(data, **kwargs)
    assert result.unreadable and result.workbook is None and len(result.errors) == 1
    assert result.errors[0].message and result.errors[0].hint
    return result.errors[0].code


def cell_errors(data: bytes) -> list[tuple[str, str | None, str | None, str | None]]:
    result = read(data)
    assert not result.unreadable
    return [(e.code, e.sheet, e.cell, e.value) for e in result.errors]


# --- Far cells and sheet extents -------------------------------------------------------------


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


# --- The zip container ------------------------------------------------------------------------


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
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "FILE_XLS"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptionInfo".encode("utf-16-le"),
            "FILE_ENCRYPTED",
        ),
    ],
    ids=["empty", "random", "csv-renamed", "truncated-zip", "xls", "encrypted"],
)
def test_files_that_are_no_workbook(data, code):
    assert unreadable(data) == code


def test_a_truncated_workbook():
    data = hostile.clean()
    assert unreadable(data[: len(data) // 2]) == "FILE_CORRUPT"


@pytest.mark.parametrize(
    ("extra", "code"),
    [
        ({"xl/vbaProject.bin": b"\0" * 64}, "FILE_MACRO"),
        ({"xl/workbook.bin": b"\0"}, "FILE_XLSB"),
        ({"mimetype": b"application/vnd.oasis", "content.xml": b"<x/>"}, "FILE_ODS"),
    ],
    ids=["macro", "xlsb", "ods"],
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


def test_formula_text_stays_text_in_the_annotated_copy():
    def typed_formula(book):
        target = book["成员"]["E2"]
        target.value = '=HYPERLINK("http://x","点我")'
        target.data_type = "s"  # typed as text by the clerk, so a value, not a formula

    data = hostile.edited(typed_formula)
    errors = read(data).errors
    assert [(e.code, e.cell) for e in errors] == [("BAD_YESNO", "E2")]
    listing = openpyxl.load_workbook(io.BytesIO(annotate_bytes(data, errors)))["错误清单"]
    assert listing["F2"].value.startswith("=HYPERLINK")
    assert listing["F2"].data_type == "s"


# --- Numbers are numbers ----------------------------------------------------------------------


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


# --- Excel error values -----------------------------------------------------------------------


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


# --- Sheets that mean the same ----------------------------------------------------------------


def test_two_sheets_for_the_members_are_an_error_naming_both():
    def add_alias(book):
        copy = book.copy_worksheet(book["成员"])
        copy.title = "Members"

    errors = cell_errors(hostile.edited(add_alias))
    assert ("SHEET_DUPLICATE", "成员", None, None) in errors
    message = read(hostile.edited(add_alias)).errors[0].message
    assert "成员" in message and "Members" in message


# --- Writers never crash on what the reader accepted ------------------------------------------


def test_merged_cells_over_an_error_mark_the_top_left_cell():
    def merge(book):
        sheet = book["成员"]
        sheet["E2"] = "也许"
        sheet.merge_cells("E2:F3")

    data = hostile.edited(merge)
    errors = read(data).errors
    assert [(e.code, e.cell) for e in errors] == [("BAD_YESNO", "E2")]
    book = openpyxl.load_workbook(io.BytesIO(annotate_bytes(data, errors)))
    assert book["成员"]["E2"].fill.fgColor.rgb.endswith("FF9999")


def test_an_error_inside_a_merge_marks_its_top_left_cell():
    from model.workbook.errors import make_error

    def merge(book):
        book["成员"].merge_cells("D2:D3")

    data = hostile.edited(merge)
    error = make_error("BAD_YESNO", sheet="成员", row=3, column="职务", column_index=3, value="x")
    book = openpyxl.load_workbook(io.BytesIO(annotate_bytes(data, [error])))
    assert book["成员"]["D2"].fill.fgColor.rgb.endswith("FF9999")


def test_control_characters_in_a_name_never_crash_the_writers():
    # Excel escapes control characters as _x0000_; calamine reads them back as the characters.
    base = ledger(
        members=[*hostile.MEMBERS, ["王五", "城关镇党委", "M3"]],
        plan=hostile.PLAN,
        exams=[["王五", "城关镇党委", 2026, "一百"]],
    )
    data = hostile.with_sheet_xml(
        base,
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace("王五".encode(), "王_x0000_五_x0001_".encode()),
    )
    result = read(data)
    assert "王\x00五\x01" in set(result.workbook.members["name"])
    errors = result.errors
    assert {e.code for e in errors} >= {"UNKNOWN_PERSON", "BAD_NUMBER"}
    annotated = openpyxl.load_workbook(io.BytesIO(annotate_bytes(data, errors)))
    assert annotated["错误清单"]["A1"].value == "序号"
    valid = read(
        hostile.with_sheet_xml(
            ledger(members=[*hostile.MEMBERS, ["王五", "城关镇党委", "M3"]], plan=hostile.PLAN),
            "xl/worksheets/sheet1.xml",
            lambda xml: xml.replace("王五".encode(), "王_x0000_五_x0001_".encode()),
        )
    )
    assert valid.ok
    exported = openpyxl.load_workbook(
        io.BytesIO(report_workbook(build_report(valid.workbook, 2026)))
    )
    names = [row[1] for row in exported.worksheets[1].iter_rows(min_row=2, values_only=True)]
    assert "王五" in names


def test_an_error_value_with_control_characters_is_noted_in_the_list():
    from model.workbook.errors import make_error

    error = make_error(
        "BAD_YESNO", sheet="成员", row=2, column="一把手", column_index=4, value="\x00"
    )
    book = openpyxl.load_workbook(io.BytesIO(annotate_bytes(hostile.clean(), [error])))
    cells = [c for row in book["错误清单"].iter_rows(values_only=True) for c in row if c]
    assert any("控制字符" in str(c) for c in cells)


# --- Isolation: the server process survives ---------------------------------------------------


def _unsorted_far_rows() -> bytes:
    """A far row placed before the data, so the cheap extent check cannot see it; only the
    worker's memory limit stands between this file and the server."""
    row = b'<row r="1048576"><c r="Z1048576"><v>1</v></c></row>'
    return hostile.with_sheet_xml(
        hostile.clean(),
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace(b"<sheetData>", b"<sheetData>" + row, 1),
    )


def test_a_file_too_big_for_the_worker_ends_only_the_worker():
    started = time.perf_counter()
    result = read_isolated(_unsorted_far_rows(), 20 * 2**20, Limits(memory_mb=600, seconds=30))
    assert time.perf_counter() - started < SECONDS
    assert [e.code for e in result.errors] in (["FILE_TOO_COMPLEX"], ["FILE_FAR_CELL"])
    assert read_isolated(hostile.clean(), 20 * 2**20).ok  # and the next read works


def test_a_read_over_its_time_ends_with_a_clear_error():
    result = read_isolated(hostile.styled_empty_rows(), 20 * 2**20, Limits(seconds=0.05))
    assert [e.code for e in result.errors] == ["FILE_TOO_COMPLEX"]
    assert "秒" in result.errors[0].message


def test_the_isolated_read_returns_what_the_reader_returns():
    data = hostile.with_cell("讲课记录", "D2", "-60")
    isolated, direct = read_isolated(data, 20 * 2**20), read_workbook(data)
    assert [e.as_dict() for e in isolated.errors] == [e.as_dict() for e in direct.errors]
    assert isolated.workbook.members.equals(direct.workbook.members)


def test_an_annotated_copy_of_an_unopenable_file_is_still_the_error_list():
    errors = read(hostile.with_cell("成员", "E2", "也许")).errors
    fallback = annotate_isolated(b"PK\x03\x04 not really", errors)
    book = openpyxl.load_workbook(io.BytesIO(fallback))
    assert book.sheetnames == ["错误清单"]
    assert book["错误清单"]["C2"].value == "E2"


def test_memory_of_this_process_did_not_grow_with_hostile_reads():
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    read_isolated(_unsorted_far_rows(), 20 * 2**20, Limits(memory_mb=600))
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert (after - before) / 1024 < 200  # MB: the grid was the child's, not ours


# --- The store cleans up after a crash --------------------------------------------------------


def test_leftovers_of_a_killed_publish_are_quarantined_not_deleted(tmp_path):
    store = Store(tmp_path)
    publish(store, hostile.clean())
    (store.files / ".upload-abc123.tmp").write_bytes(b"half a file")
    (store.files / "v00002-0123456789abcdef.xlsx").write_bytes(b"never indexed")
    listed = subprocess.run(
        [sys.executable, "-m", "model", "versions", "--data", str(tmp_path), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert [v["version"] for v in json.loads(listed.stdout)] == [1]
    assert "2 个" in listed.stderr
    assert sorted(p.name for p in store.files.iterdir()) == [store.current().file_name]
    kept = sorted(name.split("-", 1)[1] for name in store.quarantined())
    assert kept == [".upload-abc123.tmp", "v00002-0123456789abcdef.xlsx"]
    assert {p.read_bytes() for p in store.quarantine.iterdir() if p.suffix != ".log"} == {
        b"half a file",
        b"never indexed",
    }
    second = publish(store, hostile.with_cell("成员", "D3", "委员"))
    assert second.version == 2


# --- The command line: exit codes, no traceback -----------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "model", *args], capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda: hostile.clean(), 0),
        (lambda: hostile.with_cell("讲课记录", "D2", "inf"), 1),
        (lambda: hostile.with_cell("成员", "XFD1048576", "x"), 2),
        (lambda: hostile.lying_bomb(real_mb=600), 2),
        (lambda: b"not a workbook", 2),
    ],
    ids=["valid", "cell-error", "far-cell", "lying-bomb", "garbage"],
)
def test_cli_validate_exit_codes_without_traceback(tmp_path, make, code):
    path = tmp_path / "台账.xlsx"
    path.write_bytes(make())
    started = time.perf_counter()
    run = run_cli("validate", str(path), "--json")
    assert time.perf_counter() - started < SECONDS
    assert run.returncode == code, run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    assert json.loads(run.stdout)["ok"] is (code == 0)


def test_cli_annotate_and_publish_on_hostile_files(tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(hostile.with_error_value("讲课记录", "D2", "#DIV/0!"))
    out = tmp_path / "标注.xlsx"
    run = run_cli("annotate", str(bad), str(out))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert openpyxl.load_workbook(out)["讲课记录"]["D2"].fill.fgColor.rgb.endswith("FF9999")
    far = tmp_path / "far.xlsx"
    far.write_bytes(hostile.with_cell("成员", "XFD1048576", "x"))
    assert run_cli("annotate", str(far), str(out)).returncode == 2
    published = run_cli("publish", str(far), "--data", str(tmp_path / "data"), "--json")
    assert published.returncode == 2 and "Traceback" not in published.stderr
    assert json.loads(published.stdout)["published"] is False
    assert not (tmp_path / "data" / "versions").exists() or not any(
        (tmp_path / "data" / "versions").iterdir()
    )


def test_every_kind_here_is_at_least_forty():
    kinds = [
        name for name, item in globals().items() if name.startswith("test_") and callable(item)
    ]
    parametrized = sum(
        len(mark.args[1])
        for name in kinds
        for mark in getattr(globals()[name], "pytestmark", [])
        if mark.name == "parametrize"
    )
    assert len(kinds) + parametrized >= 40


# --- Found by an adversarial pass after the first round ---------------------------------------


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


def test_running_out_of_memory_is_too_complex_not_corrupt(monkeypatch):
    import model.workbook.reader as reader

    def exhausted(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(reader, "load_raw_sheet", exhausted)
    assert unreadable(hostile.clean()) == "FILE_TOO_COMPLEX"


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
