import datetime as dt

import pytest

from model.workbook.reader import ReadResult, read_workbook


def read(data: bytes) -> ReadResult:
    return read_workbook(data)


@pytest.fixture
def d():
    """d(2026, 3, 15) as a date, for rows that read like the sheet."""
    return dt.date
