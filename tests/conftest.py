import datetime as dt

import pytest

from model.workbook.reader import ReadResult, read_workbook


def read(data: bytes) -> ReadResult:
    return read_workbook(data)


@pytest.fixture
def d():
    """d(2026, 3, 15) as a date, for rows that read like the sheet."""
    return dt.date


@pytest.fixture(autouse=True)
def _no_cookie_left_behind():
    """A session id handed to AppTest (tests/pages/signin.py) lasts for one test only."""
    from unittest import mock

    yield
    mock.patch.stopall()
