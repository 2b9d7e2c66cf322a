"""Every real-world spreadsheet of shared/corpus gets a clean answer within seconds."""

import time
from pathlib import Path

import fastexcel
import pytest

from model.workbook.rawsheet import load_raw_sheet, open_workbook
from model.workbook.reader import read_workbook
from model.workbook.schema import MEMBERS

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "calamine-tests"
FILES = sorted(CORPUS.glob("*")) if CORPUS.is_dir() else []
SECONDS = 5.0


@pytest.mark.skipif(not FILES, reason="shared/corpus not beside the repo")
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_corpus_file_is_answered_cleanly_and_fast(path: Path):
    started = time.perf_counter()
    result = read_workbook(path.read_bytes())
    elapsed = time.perf_counter() - started
    assert elapsed < SECONDS
    # None of these is a study ledger: each gets exactly one clear, Chinese reason.
    assert result.unreadable and result.workbook is None
    assert len(result.errors) == 1
    error = result.errors[0]
    assert error.code.startswith(("FILE_", "NOT_A_LEDGER"))
    assert error.message and error.hint


@pytest.mark.skipif(not FILES, reason="shared/corpus not beside the repo")
@pytest.mark.parametrize("path", [p for p in FILES if p.suffix == ".xlsx"], ids=lambda p: p.name)
def test_every_sheet_of_corpus_xlsx_reads_raw_without_surprises(path: Path):
    """Past the sheet-name check too: the raw sheet loader meets each odd sheet."""
    started = time.perf_counter()
    try:
        reader = open_workbook(path.read_bytes())
    except fastexcel.CalamineError:
        # Only files the reader already reports as unreadable may fail to open.
        assert path.name in {"issue252.xlsx", "pass_protected.xlsx"}
        return
    for name in reader.sheet_names:
        loaded = load_raw_sheet(reader, name, MEMBERS)
        # Either the header was found or the missing columns are named.
        assert loaded.header_row >= 1 if not isinstance(loaded, list) else loaded[0].column
    assert time.perf_counter() - started < SECONDS
