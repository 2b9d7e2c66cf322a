"""Hostile files, part 3 (issue #10): what must survive them — the writers, the server process
(isolation), the store after a crash, and the command line's exit codes."""

from __future__ import annotations

import io
import json
import resource
import subprocess
import sys
import time

import openpyxl
import pytest

from model.engine.report import build_report
from model.outputs.annotate import annotate_bytes, annotate_isolated
from model.outputs.export import report_workbook
from model.store.versions import Store
from model.workbook.isolation import Limits, read_isolated
from model.workbook.reader import read_workbook
from tests import hostile_files as hostile
from tests.hostile_files import SECONDS, read, unreadable
from tests.workbooks import MEMBERS_HEADER, PLAN_HEADER, ledger, publish, xlsx


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


def _control_characters_in_wang_wu(xml: bytes) -> bytes:
    """王五 → 王_x0000_五_x0001_, whether openpyxl wrote the name as UTF-8 or, as it does with
    lxml installed (python-docx brings it), as character references."""
    new = "王_x0000_五_x0001_".encode()
    return xml.replace("王五".encode(), new).replace(b"&#29579;&#20116;", new)


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
        _control_characters_in_wang_wu,
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
            _control_characters_in_wang_wu,
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


@pytest.mark.parametrize(("header", "missing"), [("参数", "值"), ("值", "参数")])
def test_a_settings_sheet_missing_a_column_is_column_missing_in_the_isolated_reader(
    header, missing
):
    """Not FILE_TOO_COMPLEX, as when the reader raised KeyError for it (issue #23)."""
    sheets = {
        "成员": [MEMBERS_HEADER, *hostile.MEMBERS],
        "学习计划": [PLAN_HEADER, *hostile.PLAN],
        "参数": [[header], ["达标学分" if header == "参数" else 40]],
    }
    result = read_isolated(xlsx(sheets), 20 * 2**20)
    assert [(e.code, e.sheet, e.column) for e in result.errors] == [
        ("COLUMN_MISSING", "参数", missing)
    ]
    assert not result.unreadable


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


def test_running_out_of_memory_is_too_complex_not_corrupt(monkeypatch):
    import model.workbook.reader as reader

    def exhausted(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(reader, "load_raw_sheet", exhausted)
    assert unreadable(hostile.clean()) == "FILE_TOO_COMPLEX"


FORKING_COMMAND = """
import json, sys
from model.sandbox import runner
from model.workbook.isolation import Limits, fork_here, read_isolated
from tests import hostile_files as hostile
from tests.workbook.test_hostile_survival import _unsorted_far_rows

fork_here()
far = read_isolated(_unsorted_far_rows(), 20 * 2**20, Limits(memory_mb=600, seconds=30))
slow = read_isolated(hostile.styled_empty_rows(), 20 * 2**20, Limits(seconds=0.05))
clean = read_isolated(hostile.clean(), 20 * 2**20, keep_raws=True)
print(json.dumps({
    "far": [e.code for e in far.errors],
    "slow": [e.code for e in slow.errors],
    "clean_ok": clean.ok,
    "raws": sorted(clean.raws or {}),
    "zygote": runner._zygote.process is not None,
}))
"""


def test_a_command_forks_its_readers_itself_under_the_same_limits():
    """``python -m model`` forks each read from itself (no zygote); the limits still hold."""
    run = subprocess.run(
        [sys.executable, "-c", FORKING_COMMAND], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
    answer = json.loads(run.stdout)
    assert answer["far"] in (["FILE_TOO_COMPLEX"], ["FILE_FAR_CELL"])
    assert answer["slow"] == ["FILE_TOO_COMPLEX"]
    assert answer["clean_ok"] is True
    assert "members" in answer["raws"]
    assert answer["zygote"] is False


def test_the_cleaned_sheets_come_back_only_when_asked_for():
    data = hostile.clean()
    assert read_isolated(data, 20 * 2**20).raws is None
    kept = read_isolated(data, 20 * 2**20, keep_raws=True).raws
    assert kept is not None and kept["members"].data.shape[0] > 0
