"""Issue 12 items only a browser shows: the as-of date typed and applied with Enter, kept
through a page link; the uploader's own words replaced by ours."""

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
        page.screenshot(path=str(SCREENSHOTS / "as-of-typed.png"), full_page=True)


def test_the_uploader_speaks_chinese_and_lists_what_is_accepted(server):
    from model.workbook import ACCEPTED_SUFFIXES

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
