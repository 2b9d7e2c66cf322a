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
