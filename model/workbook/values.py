"""Whole-column parsing of the values clerks really type (DOMAIN.md §3).

Every parser takes a column of raw cell text (``NA`` for blank) and returns the parsed column and
a mask of cells that are present but unreadable, so the reader can report each of them.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable

import pandas as pd

# Stray spaces of any width, zero-width spaces and byte-order marks around a cell's text.
_STRIP = " \t\r\n\u3000\u00a0\u200b\ufeff"

ATTENDANCE_PRESENT, ATTENDANCE_LEAVE, ATTENDANCE_ABSENT = "出席", "请假", "缺席"
COMMENT_ORAL, COMMENT_WRITTEN, COMMENT_NONE = "口头", "书面", "无"
STATUS_PLANNED, STATUS_HELD, STATUS_POSTPONED, STATUS_CANCELLED = "计划", "已举行", "延期", "取消"

# Synonym tables; keys are compared after NFKC folding and lower-casing.
CHOICES: dict[str, dict[str, str]] = {
    "attendance": {
        "出席": ATTENDANCE_PRESENT,
        "到": ATTENDANCE_PRESENT,
        "参加": ATTENDANCE_PRESENT,
        "√": ATTENDANCE_PRESENT,
        "✓": ATTENDANCE_PRESENT,
        "✔": ATTENDANCE_PRESENT,
        "请假": ATTENDANCE_LEAVE,
        "假": ATTENDANCE_LEAVE,
        "缺席": ATTENDANCE_ABSENT,
        "缺": ATTENDANCE_ABSENT,
        "×": ATTENDANCE_ABSENT,
        "✗": ATTENDANCE_ABSENT,
        "x": ATTENDANCE_ABSENT,
    },
    "comment": {
        "口头": COMMENT_ORAL,
        "口头点评": COMMENT_ORAL,
        "书面": COMMENT_WRITTEN,
        "书面点评": COMMENT_WRITTEN,
        "无": COMMENT_NONE,
        "-": COMMENT_NONE,
        "—": COMMENT_NONE,
        "/": COMMENT_NONE,
    },
    "status": {
        "计划": STATUS_PLANNED,
        "计划中": STATUS_PLANNED,
        "待举行": STATUS_PLANNED,
        "已举行": STATUS_HELD,
        "举行": STATUS_HELD,
        "已完成": STATUS_HELD,
        "延期": STATUS_POSTPONED,
        "推迟": STATUS_POSTPONED,
        "取消": STATUS_CANCELLED,
        "已取消": STATUS_CANCELLED,
    },
}
# What a blank cell means for each choice column.
CHOICE_BLANK: dict[str, str | None] = {
    "attendance": None,
    "comment": COMMENT_NONE,
    "status": STATUS_PLANNED,
}

# What a county-level unit's name ends with (a ledger's file name starts with it).
UNIT_SUFFIXES = "县市区旗"

# How the app itself writes a yes/no cell and a 专题 still to be chosen (issue #14).
YES_WORD, NO_WORD = "是", "否"
TOPIC_TBD = "待定（主讲人确定）"
TBD_PREFIX = "待定"  # a clerk may shorten it to 待定 or write 待定（…）

_YES = {"是", "y", "yes", "√", "✓", "✔", "1", "true", "对", "有"}
_NO = {"否", "n", "no", "×", "✗", "x", "0", "false", "无", "-"}

# Matched against folded (NFKC, lower-case) text, so the time's "T" is a "t" here.
_TEXT_DATE = re.compile(
    r"^(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:[ t](?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?)?$",
    re.ASCII,
)
_COMPACT_DATE = re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$", re.ASCII)
_EXCEL_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$", re.ASCII)
_EXCEL_EPOCH = dt.datetime(1899, 12, 30)
DATE_MIN, DATE_MAX = pd.Timestamp("2000-01-01"), pd.Timestamp("2100-12-31")
_YEAR_FLOOR, _YEAR_CEILING = 1900, 2200


def by_unique(
    parse: Callable[..., tuple[pd.Series, pd.Series]],
) -> Callable[..., tuple[pd.Series, pd.Series]]:
    """Run a column parser on the column's distinct values only, then spread the result back.

    A million participation rows hold a few hundred distinct dates and a handful of marks, so
    parsing the distinct values keeps every parser at hashing speed.
    """

    @functools.wraps(parse)
    def wrapper(text: pd.Series, *args: object) -> tuple[pd.Series, pd.Series]:
        # A blank cell is one of the distinct values, so each parser runs exactly once.
        codes, uniques = pd.factorize(text, use_na_sentinel=False)
        if len(uniques) * 2 > len(text):
            return parse(text, *args)
        values, bad = parse(pd.Series(uniques, dtype=text.dtype), *args)
        if isinstance(values.dtype, pd.StringDtype):  # spread plain strings: no Arrow copy later
            values = object_strings(values)
        spread, flags = values.take(codes), bad.take(codes)
        spread.index = flags.index = text.index
        return spread, flags.astype(bool)

    return wrapper


def object_strings(series: pd.Series) -> pd.Series:
    """Arrow-backed text as plain Python strings (None for blank), index kept: pandas groups,
    merges and maps object columns faster, and nothing is copied back into Arrow later."""
    values = series.to_numpy(dtype=object, na_value=None)  # type: ignore[call-overload]
    return pd.Series(values, index=series.index, dtype=object)


def clean_text(raw: pd.Series) -> pd.Series:
    """Trim spaces of any width; a cell left empty becomes NA."""
    text = raw.astype("string").str.strip(_STRIP)
    return text.mask(text == "")


def fold(text: pd.Series) -> pd.Series:
    """Full-width digits, letters and punctuation to their ASCII forms, lower case."""
    return text.str.normalize("NFKC").str.strip(_STRIP).str.lower()


@by_unique
def parse_dates(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Excel dates (read as ISO text) and 2026-03-15, 2026/3/15, 2026.3.15, 2026年3月15日."""
    # Plain Python per distinct value: a column holds a few hundred distinct dates, and
    # pandas' string methods cost more in set-up than this costs in all.
    values = [_date_of(v) for v in text.to_numpy(dtype=object, na_value=None)]  # type: ignore[call-overload]
    dates = pd.Series(values, index=text.index, dtype="datetime64[ns]")
    return dates, text.notna() & dates.isna()


def _date_of(value: str | None) -> dt.datetime | None:
    if value is None:
        return None
    folded = unicodedata.normalize("NFKC", value).strip(_STRIP).lower()
    parts = _TEXT_DATE.match(folded) or _COMPACT_DATE.match(folded)
    if parts is not None:
        # A year far outside what a date column can hold (a typo like 3026) is kept in range
        # here as 1900 or 2200, so that it is reported as out of range at its cell.
        year = min(max(int(parts["y"]), _YEAR_FLOOR), _YEAR_CEILING)
        try:
            return dt.datetime(year, int(parts["m"]), int(parts["d"]))
        except ValueError:  # 2026-02-30
            return None
    if _EXCEL_SERIAL.match(folded):  # a serial number that lost its date format (WPS copies)
        return _EXCEL_EPOCH + dt.timedelta(days=int(float(folded)))
    return None


def out_of_range_dates(dates: pd.Series) -> pd.Series:
    return dates.notna() & ((dates < DATE_MIN) | (dates > DATE_MAX))


def _drop_commas(match: re.Match[str]) -> str:
    return match.group(1).replace(",", "") + (match.group(2) or "")


@by_unique
def parse_numbers(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Numbers stored as text, full-width digits, thousands separators, a 分钟/分 unit."""
    # A comma is a thousands separator only between groups of three digits (1,200); "8,5" is
    # not 85, so it stays and the cell is reported.
    folded = fold(text).str.replace(
        r"^([+-]?\d{1,3}(?:,\d{3})+)(\.\d+)?$", _drop_commas, regex=True
    )
    folded = folded.str.replace(r"\s*(分钟|分|min|mins|minutes)$", "", regex=True)
    numbers = pd.to_numeric(folded, errors="coerce").astype("Float64")
    # inf, Infinity and nan are not numbers a clerk means; huge ones are left to range checks.
    numbers = numbers.mask(~numbers.abs().lt(float("inf")).fillna(False))
    bad = text.notna() & numbers.isna()
    return numbers, bad


def parse_whole_numbers(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Whole numbers, still as floats (range checks come before any integer conversion, so
    nothing wraps): a fraction or a non-number is flagged, never rounded into an integer."""
    numbers, bad = parse_numbers(text)
    fractional = (numbers.notna() & (numbers != numbers.round())).fillna(False)
    return numbers.mask(fractional), bad | fractional


@by_unique
def parse_yesno(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """是/否, Y/N, √/×, 1/0, TRUE/FALSE; a blank cell means no."""
    folded = fold(text).str.replace(r"\.0+$", "", regex=True)
    yes = folded.isin(_YES).fillna(False).astype(bool)
    no = folded.isin(_NO).fillna(False).astype(bool)
    bad = text.notna() & ~yes & ~no
    return yes, bad


@by_unique
def parse_choice(text: pd.Series, table: str) -> tuple[pd.Series, pd.Series]:
    synonyms = {key.lower(): value for key, value in CHOICES[table].items()}
    folded = fold(text)
    # NFKC turns × into x and √ stays √; map both forms.
    mapped = folded.map(synonyms, na_action="ignore")
    bad = text.notna() & mapped.isna()
    blank_value = CHOICE_BLANK[table]
    if blank_value is not None:
        mapped = mapped.mask(text.isna(), blank_value)
    return mapped.astype("string"), bad


def split_list(text: pd.Series) -> pd.Series:
    """联系点: a list split by 、,，;； with each item trimmed."""
    # Plain Python on plain strings: one pass, no per-row pandas call (170,000 members).
    values = [_items(value) for value in object_strings(text)]
    return pd.Series(values, index=text.index, dtype=object)


_LIST_SEPARATOR = re.compile(r"[、,，;；]")


def _items(value: str | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(item for item in (p.strip(_STRIP) for p in _LIST_SEPARATOR.split(value)) if item)


def choice_values(table: str) -> list[str]:
    """The canonical values of a choice table, in order, for hints and dropdowns."""
    return list(dict.fromkeys(CHOICES[table].values()))


def session_ids(text: pd.Series) -> pd.Series:
    """场次 as a key: full-width folded, and a number typed as 3.0 equal to 3."""
    codes, uniques = pd.factorize(text, use_na_sentinel=False)
    distinct = pd.Series(uniques, dtype=text.dtype)
    folded = distinct.str.normalize("NFKC").str.strip(_STRIP)
    folded = folded.str.replace(r"^(\d+)\.0+$", r"\1", regex=True)
    spread = object_strings(folded).take(codes)
    spread.index = text.index
    return spread
