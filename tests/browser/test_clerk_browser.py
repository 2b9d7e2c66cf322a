"""The clerk's pages of issue #14 in a real browser: 学习计划 and 待办, and a plan from the
members to a published version without leaving the browser."""

import pytest

from tests.browser.browser import (
    SCREENSHOTS,
    chromium_page,
    require_chromium,
    streamlit_server,
    wait_for_app,
)

pytestmark = pytest.mark.browser


def test_plan_and_todo_pages_in_chromium(tmp_path):
    require_chromium()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with streamlit_server(tmp_path / "data") as url, chromium_page() as page:
        page.goto(f"{url}/plan")
        wait_for_app(page)
        page.wait_for_selector(".vega-embed canvas, .vega-embed svg", timeout=15_000)
        assert page.locator("[data-testid='stMain'] h1").first.inner_text().strip() == "学习计划"
        assert page.locator("[data-testid='stException']").count() == 0
        assert page.get_by_text("节假日数据尚未包含 2027 年", exact=False).count() == 1
        page.screenshot(path=str(SCREENSHOTS / "plan.png"), full_page=True)

        page.goto(f"{url}/todo")
        wait_for_app(page)
        page.wait_for_timeout(800)
        assert page.locator("[data-testid='stMain'] h1").first.inner_text().strip() == "待办"
        assert page.locator("[data-testid='stException']").count() == 0
        total = page.locator("[data-testid='stMetric']", has_text="待办事项")
        assert total.locator("[data-testid='stMetricValue']").inner_text() == "9"
        page.screenshot(path=str(SCREENSHOTS / "todo.png"), full_page=True)


def test_from_members_to_a_published_plan_in_the_browser(tmp_path):
    """Download the current workbook with the new plan merged in, upload it, publish it."""
    require_chromium()
    with streamlit_server(tmp_path / "data") as url, chromium_page() as page:
        page.goto(f"{url}/plan")
        wait_for_app(page)
        with page.expect_download() as download:
            page.get_by_role("button", name="下载：当前台账 + 新计划（可直接上传）").click()
        merged = tmp_path / "merged.xlsx"
        download.value.save_as(merged)
        page.goto(f"{url}/upload")
        wait_for_app(page)
        page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(merged))
        page.get_by_text("检查通过").wait_for(timeout=60_000)
        page.get_by_role("button", name="发布").click()
        page.get_by_text("已发布为 v1").wait_for(timeout=60_000)
        page.screenshot(path=str(SCREENSHOTS / "plan-published.png"), full_page=True)
