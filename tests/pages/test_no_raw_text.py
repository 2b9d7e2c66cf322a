"""No raw text on any screen (issue 12, item 8): every page in both languages, signed in as an
admin with published data, the upload page after a bad upload, the version history mid-restore
and the audit log — no None/nan/NaT, no raw codes, no English words in the Chinese UI beyond an
allow-list, no Chinese in the English UI beyond the workbook's own data and contract names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from model.dev.sample import SAMPLE_PATH
from model.store.auth import Accounts
from model.store.versions import Store
from model.workbook.reader import read_workbook, read_workbook_file
from model.workbook.schema import SHEETS
from model.workbook.values import CHOICES, TOPIC_TBD
from tests.pages.screen_text import screen_text
from tests.pages.signin import sign_in
from tests.workbooks import EXAMS_HEADER, MEMBERS_HEADER, PLAN_HEADER, ledger, publish, xlsx

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse 1"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PAGES = [
    "pages/overview.py",
    "pages/sessions.py",
    "pages/todo.py",
    "pages/members.py",
    "pages/risk.py",
    "pages/shifts.py",
    "pages/rules.py",
    "pages/upload.py",
    "pages/record.py",
    "pages/history.py",
    "pages/admin.py",
    # Last: AppTest cannot leave it once the language changed (its weekday radio's format_func
    # follows the language; AppTest then looks the Chinese label up among English options).
    "pages/plan.py",
]
RAW = re.compile(r"\b(None|nan|NaN|NaT|<NA>)\b")
CODE = re.compile(r"\b[A-Z]{3,}(_[A-Z]+)+\b")
WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2,}(?![A-Za-z0-9])")  # ids like 3efe0b8 are not words
CJK = re.compile(r"[\u3400-\u9fff]")
# Chinese punctuation an English screen must not write (issue #29 item 20: "Never a speaker、No
# commentary", "城关镇党委：Too few sessions"); and one of a thing counted as many.
CJK_PUNCTUATION = re.compile(r"[、：，。；（）]")
ONE_AS_MANY = re.compile(r"(?<![\d.])1 (percentage points|points|sessions|members|days|groups)\b")
# English a Chinese screen may show: file formats, products, the CLI command, the language name.
ALLOWED_ENGLISH = {
    "Excel", "xlsx", "xlsm", "xls", "xlsb", "ods", "et", "ics", "WPS", "CSV", "MB", "English", "LibreOffice",
    "OpenDocument", "Ctrl", "End", "Word", "docx", "PDF", "python", "model", "users", "add", "remove", "passwd", "list",
    "meeting",  # the URL parameter ?meeting=1, named in the meeting-mode help
    "member", "members",  # a risk card's link: its page and ?member= (an address, not shown)
}  # fmt: skip
# Bad upload: an unknown person one character off, a bad date, and 考试成绩 without 年度.
BAD = xlsx(
    {
        "成员": [MEMBERS_HEADER, ["张三", "城关镇党委"], ["赵丽", "城关镇党委"]],
        "学习计划": [PLAN_HEADER, ["1", "城关镇党委", "2026-13-01", "x", "张三", "赵莉"]],
        "考试成绩": [[h for h in EXAMS_HEADER if h != "年度"], ["张三", "城关镇党委", 105]],
    }
)
EARLIER = ledger(members=[["张三", "城关镇党委"], ["李四", "城关镇党委"]])


def workbook_strings() -> set[str]:
    """Text the workbooks themselves hold: names, groups, topics, places, ids, sheet and column
    names of the contract and its choices (hints name them as the clerk sees them)."""
    found: set[str] = set()
    for result in (read_workbook_file(SAMPLE_PATH), read_workbook(EARLIER)):
        workbook = result.workbook
        for frame in (workbook.members, workbook.plan, workbook.talks, workbook.outreach):
            for column in frame.columns:
                for value in frame[column].dropna():
                    if isinstance(value, str):
                        found.add(value)
                    elif isinstance(value, tuple | list):
                        found.update(map(str, value))
                        found.add("、".join(map(str, value)))  # the cell as the clerk wrote it
    for sheet in SHEETS:
        found.add(sheet.zh)
        found.update(column.zh for column in sheet.columns)
    for table in CHOICES.values():
        found.update(str(k) for k in table)
        found.update(str(v) for v in table.values())
    found.update(
        {"管理员", "文书甲", "张三", "赵丽", "赵莉", "城关镇党委", "2026年3月15日", "台账"}
    )
    found.update({"本年.xlsx", "示范县.xlsx", "坏.xlsx", "恢复自"})  # file names; the store's note
    found.add(TOPIC_TBD)  # the 专题 the plan generator writes into the workbook
    return {text for text in found if text}


@pytest.fixture
def admin(monkeypatch, tmp_path) -> AppTest:
    data = tmp_path / "data"
    monkeypatch.setenv("XUEXI_DATA_DIR", str(data))
    st.cache_data.clear()
    st.cache_resource.clear()
    registry = Accounts(data)
    registry.add("管理员", PASSWORD, "admin", None)
    registry.add("文书甲", PASSWORD, "clerk", ["城关镇党委"])
    for _ in range(3):  # failed sign-ins with a delay, for the audit log
        registry.sign_in("文书甲", "wrong password")
    store = Store(data)
    publish(store, EARLIER, user="文书甲", name="本年.xlsx")
    publish(store, SAMPLE_PATH.read_bytes(), user="文书甲", name="示范县.xlsx")
    store.restore(1, "管理员")
    publish(store, SAMPLE_PATH.read_bytes() + b"", user="管理员", name="示范县.xlsx")
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    sign_in(at, "管理员", PASSWORD)
    at.switch_page("pages/overview.py").run()
    assert not at.exception, at.exception
    return at


def select(at: AppTest, key: str, row: int = 0) -> None:
    at.session_state[key] = {"selection": {"rows": [row], "columns": []}}
    at.run()


def screens(at: AppTest) -> dict[str, list[str]]:
    """Each page's text, with its details open: a session, a member, a bad upload, a restore."""
    shown: dict[str, list[str]] = {}
    for page in PAGES:
        at.switch_page(page).run()
        assert not at.exception, (page, at.exception)
        if page == "pages/sessions.py":
            select(at, "sessions_table", 0)
        if page == "pages/members.py":
            select(at, "members_table", 0)
        if page == "pages/upload.py":
            at.file_uploader[0].set_value(("坏.xlsx", BAD, XLSX)).run()
        if page == "pages/history.py":
            select(at, "versions_table_0", 2)
            at.button(key="restore_button").click().run()
        assert not at.exception, (page, at.exception)
        shown[page] = screen_text(at)
    return shown


def offending(shown: dict[str, list[str]], pattern: re.Pattern, allowed=frozenset()) -> dict:
    found: dict[str, set[str]] = {}
    for page, texts in shown.items():
        for text in texts:
            hits = {m.group(0) for m in pattern.finditer(text)} - set(allowed)
            if hits:
                found.setdefault(page, set()).update(hits)
    return found


def test_chinese_screens_have_no_raw_values_codes_or_english(admin):
    shown = screens(admin)
    assert any("是否为‘赵丽’？" in text for text in shown["pages/upload.py"])
    # The uploader's words are ours, shown by CSS: they are read and checked like the rest.
    assert {"选择文件", "将文件拖放到此处 · 每个文件不超过 20 MB"} <= set(shown["pages/upload.py"])
    assert any("恢复自 v1" in text for text in shown["pages/history.py"])
    assert offending(shown, RAW) == {}
    assert offending(shown, CODE) == {}
    data_words = {m.group(0) for text in workbook_strings() for m in WORD.finditer(text)}
    assert offending(shown, WORD, ALLOWED_ENGLISH | data_words) == {}


def test_english_screens_have_no_raw_values_codes_or_chinese_outside_the_data(admin):
    admin.sidebar.radio[0].set_value("en").run()
    shown = screens(admin)
    assert any("Did you mean “赵丽”?" in text for text in shown["pages/upload.py"])
    assert "Drag and drop a file here · up to 20 MB per file" in shown["pages/upload.py"]
    assert offending(shown, RAW) == {}
    assert offending(shown, CODE) == {}
    data = sorted(workbook_strings() | {"中文"}, key=len, reverse=True)  # + the language's name
    strip = re.compile("|".join(map(re.escape, data)))
    leftovers = {
        page: sorted({text for text in texts if CJK.search(strip.sub("", text))})
        for page, texts in shown.items()
    }
    assert {page: texts for page, texts in leftovers.items() if texts} == {}
    punctuation = {
        page: sorted({text for text in texts if CJK_PUNCTUATION.search(strip.sub("", text))})
        for page, texts in shown.items()
    }
    assert {page: texts for page, texts in punctuation.items() if texts} == {}
    assert offending(shown, ONE_AS_MANY) == {}
