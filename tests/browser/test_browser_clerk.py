"""Issue 12 items only a browser shows: the as-of date typed and applied with Enter, kept
through a page link, and kept and followed by one click on a page link made at once; the
uploader's own words replaced by ours."""

import json
import re

import pytest

from tests.browser.browser import (
    SCREENSHOTS,
    chromium_page,
    require_chromium,
    streamlit_server,
    wait_for_app,
)

pytestmark = pytest.mark.browser
DATE = "[data-testid='stSidebar'] [data-testid='stDateInput']"
HIDDEN = f"{DATE} input[type=date]"
APPLIED = "[data-xuexi-as-of]"  # the date the server applied, written by the sidebar


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    require_chromium()
    with streamlit_server(tmp_path_factory.mktemp("data")) as url:
        yield url


def held(page) -> str:
    metric = page.locator("[data-testid='stMetric']", has_text="已举行")
    return metric.locator("[data-testid='stMetricValue']").inner_text()


def type_date(page, month_day: str) -> None:
    page.locator(f"{DATE} [data-type=month]").click()
    page.keyboard.type(month_day)


def test_a_typed_date_applies_on_enter_and_survives_a_page_link(server):
    with chromium_page() as page:
        page.goto(server)
        page.wait_for_selector("[data-testid='stMetric']", timeout=30_000)
        wait_for_app(page)
        before = held(page)
        type_date(page, "0630")
        page.keyboard.press("Enter")
        # Enter alone applies it: the numbers follow without clicking anywhere.
        page.wait_for_function(
            "(before) => [...document.querySelectorAll('[data-testid=stMetric]')]"
            ".some(m => m.innerText.includes('已举行') && !m.innerText.includes(before))",
            arg=before,
            timeout=30_000,
        )
        assert page.locator(HIDDEN).input_value() == "2026-06-30"
        page.locator("[data-testid='stSidebarNav'] a", has_text="风险预警").click()
        page.wait_for_function(
            "() => document.querySelector('[data-testid=stMain] h1')?.innerText === '风险预警'",
            timeout=30_000,
        )
        wait_for_app(page)
        assert page.locator(HIDDEN).input_value() == "2026-06-30"
        assert page.locator(APPLIED).get_attribute("data-xuexi-as-of") == "2026-06-30"
        page.screenshot(path=str(SCREENSHOTS / "as-of-typed.png"), full_page=True)


def title_is(page, title: str, timeout: float) -> None:
    page.wait_for_function(
        "(title) => document.querySelector('[data-testid=stMain] h1')?.innerText === title",
        arg=title,
        timeout=timeout,
    )


# Pages in an order where each differs from the one before; press lengths of a machine's click
# (0 ms) and a person's (80 ms), both of which lost the click or the date before.
ROUNDS = [
    ("风险预警", "0610", 0),
    ("成员学分", "0711", 80),
    ("学习安排", "0812", 0),
    ("成效", "0913", 80),
    ("总览", "1014", 0),
    ("风险预警", "0515", 80),
]


def test_one_click_on_a_page_link_keeps_a_typed_date_and_opens_the_page(server):
    """Type a date and click a page link straight away, no Enter: that one click opens the
    page and the page counts to the typed date, round after round."""
    with chromium_page() as page:
        page.goto(server)
        page.wait_for_selector("[data-testid='stMetric']", timeout=30_000)
        wait_for_app(page)
        for title, month_day, press in ROUNDS:
            type_date(page, month_day)
            date = f"2026-{month_day[:2]}-{month_day[2:]}"
            assert page.locator(HIDDEN).input_value() == date  # typed, not yet applied
            assert page.locator(APPLIED).get_attribute("data-xuexi-as-of") != date
            page.locator("[data-testid='stSidebarNav'] a", has_text=title).click(delay=press)
            # A lost click never opens the page; the bound only keeps a failure short.
            title_is(page, title, timeout=15_000)
            page.wait_for_function(
                "(date) => document.querySelector('[data-xuexi-as-of]')"
                "?.getAttribute('data-xuexi-as-of') === date",
                arg=date,
                timeout=15_000,
            )
            wait_for_app(page)
            assert page.locator(HIDDEN).input_value() == date, title


def test_the_uploader_speaks_chinese_and_lists_what_is_accepted(server):
    from model.workbook.intake import ACCEPTED_SUFFIXES

    with chromium_page() as page:
        page.goto(f"{server}/upload")
        wait_for_app(page)
        zone = page.locator("[data-testid='stFileUploader']")
        zone.wait_for(timeout=30_000)
        shown = zone.inner_text()
        for english in ("Upload", "Drag and drop", "per file", "XLSX"):
            assert english not in shown
        button = page.evaluate(
            "() => getComputedStyle(document.querySelector("
            "\"[data-testid='stFileUploaderDropzone'] button\"), '::after').content"
        )
        assert button == '"选择文件"'
        types = "、".join(f".{suffix}" for suffix in ACCEPTED_SUFFIXES)
        assert page.get_by_text(f"可用格式：{types}；每个文件不超过 20 MB。").count() == 1
        zone.screenshot(path=str(SCREENSHOTS / "uploader.png"))
        # A text input's "Press Enter to apply" is hidden too.
        page.goto(f"{server}/members")
        wait_for_app(page)
        page.locator("[data-testid='stTextInput'] input").first.fill("许")
        page.wait_for_timeout(300)
        hints = page.locator("[data-testid='InputInstructions']")
        assert hints.count() == 0 or not hints.first.is_visible()


def css_after(page, selector: str) -> str:
    """The words CSS puts after an element (``content:``), unquoted; "" when none."""
    content = page.evaluate(
        "(s) => getComputedStyle(document.querySelector(s), '::after').content", selector
    )
    return json.loads(content) if content.startswith('"') else ""


DROP = "[data-testid='stFileUploaderDropzoneInstructions']"
BUTTON = "[data-testid='stFileUploaderDropzone'] button"
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")


def test_the_drop_zone_speaks_the_language_of_the_ui(server):
    """Streamlit's "Drag and drop file here" / "200MB per file • XLSX" read in Chinese in the
    中文 UI (no English word but the unit MB) and in English in the English UI."""
    with chromium_page() as page:
        page.goto(f"{server}/upload")
        wait_for_app(page)
        page.locator(DROP).wait_for(timeout=30_000)
        drop = css_after(page, DROP)
        assert drop == "将文件拖放到此处 · 每个文件不超过 20 MB"
        assert set(ENGLISH_WORD.findall(drop)) <= {"MB"}
        assert page.locator(DROP).inner_text().strip() == ""  # Streamlit's own words hidden
        assert page.locator(DROP).bounding_box()["width"] > 100  # and ours take their place
        page.locator("[data-testid='stSidebar'] label", has_text="English").click()
        page.wait_for_function(
            "() => document.querySelector('[data-testid=stMain] h1')?.innerText === 'Upload'",
            timeout=30_000,
        )
        wait_for_app(page)
        page.wait_for_function(
            "(s) => getComputedStyle(document.querySelector(s), '::after').content"
            ".includes('Drag and drop')",
            arg=DROP,
            timeout=15_000,
        )
        drop = css_after(page, DROP)
        assert drop == "Drag and drop a file here · up to 20 MB per file"
        assert not re.search(r"[\u3400-\u9fff]", drop + css_after(page, BUTTON))
        assert css_after(page, BUTTON) == "Choose a file"
        page.locator("[data-testid='stFileUploader']").screenshot(
            path=str(SCREENSHOTS / "uploader-en.png")
        )


def test_a_chosen_file_shows_choose_once_and_keeps_its_remove_mark(server, tmp_path):
    from model.dev.sample import SAMPLE_PATH

    with chromium_page() as page:
        page.goto(f"{server}/upload")
        wait_for_app(page)
        page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
            str(SAMPLE_PATH)
        )
        page.locator("[data-testid='stFileChipDeleteBtn']").wait_for(timeout=30_000)
        labels = page.evaluate(
            """() => [...document.querySelectorAll("[data-testid='stFileUploader'] button")]
                .map(b => getComputedStyle(b, '::after').content)"""
        )
        assert labels.count('"选择文件"') == 1, labels  # the × read 选择文件 too
        remove = page.locator("[data-testid='stFileChipDeleteBtn'] button svg")
        assert remove.is_visible()
        page.locator("[data-testid='stFileUploader']").screenshot(
            path=str(SCREENSHOTS / "uploader-chosen.png")
        )
