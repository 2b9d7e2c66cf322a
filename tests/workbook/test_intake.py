"""Unreadable input gets one clear error and exit code 2, never a traceback."""

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from model.workbook.reader import read_workbook
from tests.workbooks import ledger

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "calamine-tests"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared/corpus not beside the repo")


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def only_error(data: bytes, **kwargs) -> str:
    result = read_workbook(data, **kwargs)
    assert result.unreadable and result.workbook is None
    assert len(result.errors) == 1
    assert result.errors[0].hint
    return result.errors[0].code


def test_empty_file():
    assert only_error(b"") == "FILE_EMPTY"


def test_not_a_zip():
    assert only_error("姓名,中心组\n张三,城关镇".encode()) == "FILE_NOT_XLSX"


def test_over_the_size_limit():
    assert only_error(ledger(), max_bytes=1000) == "FILE_TOO_LARGE"


def test_zip_without_a_workbook():
    assert only_error(zip_bytes({"hello.txt": b"hi"})) == "FILE_NOT_XLSX"


def test_zip_bomb_is_refused_before_parsing():
    bomb = zip_bytes(
        {
            "[Content_Types].xml": b"<Types/>",
            "xl/workbook.xml": b"<workbook/>",
            "xl/worksheets/sheet1.xml": b"\0" * (40 * 2**20),
        }
    )
    assert len(bomb) < 200_000
    assert only_error(bomb) == "FILE_ZIP_BOMB"


def test_truncated_xlsx_is_corrupt():
    assert only_error(ledger()[:3000]) in {"FILE_CORRUPT", "FILE_NOT_XLSX"}


def test_a_workbook_with_other_sheets_is_not_a_ledger():
    from tests.workbooks import xlsx

    result = read_workbook(xlsx({"Sheet1": [["a", "b"]]}))
    assert result.unreadable
    assert result.errors[0].code == "NOT_A_LEDGER" and "Sheet1" in result.errors[0].message


@needs_corpus
@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("pass_protected.xlsx", "FILE_ENCRYPTED"),
        ("pass_protected.xlsb", "FILE_ENCRYPTED"),
        ("pass_protected.ods", "FILE_ENCRYPTED"),
        ("ptgexp-truncated-operand.xls", "FILE_CORRUPT"),  # calamine panics on it
        ("date.xls", "NOT_A_LEDGER"),
        ("date.xlsb", "NOT_A_LEDGER"),
        ("date.ods", "NOT_A_LEDGER"),
        ("vba.xlsm", "NOT_A_LEDGER"),
        ("OOM_alloc.xls", "NOT_A_LEDGER"),
    ],
)
def test_unreadable_kinds_from_the_corpus(name, code):
    assert only_error((CORPUS / name).read_bytes()) == code


@needs_corpus
@pytest.mark.parametrize(
    ("name", "file_format", "macros"),
    [
        ("date.xls", "xls", False),
        ("date.xlsb", "xlsb", False),
        ("date.ods", "ods", False),
        ("vba.xlsm", "xlsm", True),
        ("date.xlsx", "xlsx", False),
    ],
)
def test_the_format_is_told_from_the_bytes(name, file_format, macros):
    result = read_workbook((CORPUS / name).read_bytes())
    assert result.kind is not None
    assert (result.kind.format, result.kind.macros) == (file_format, macros)
    assert result.notices == (["MACROS_IGNORED"] if macros else [])


@needs_corpus
def test_cli_validate_exits_2_with_a_clear_message_for_a_corrupt_xls():
    path = CORPUS / "ptgexp-truncated-operand.xls"
    run = subprocess.run(
        [sys.executable, "-m", "model", "validate", str(path), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    report = json.loads(run.stdout)
    assert report["ok"] is False and report["format"] == "xls"
    assert report["errors"][0]["code"] == "FILE_CORRUPT"
    assert "Traceback" not in run.stderr
