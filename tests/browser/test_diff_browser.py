"""The change preview in Chromium (issue #24): an upload with the walk's four edits, and two
versions compared on 版本历史, each looked at in a screenshot."""

import pytest

from model.store.versions import Store
from tests.browser.browser import (
    SCREENSHOTS,
    chromium_page,
    require_chromium,
    streamlit_server,
    wait_for_app,
)
from tests.browser.test_meeting_browser import GRID_PROBE, TEXT_LINES, whole_page
from tests.pages.test_diff_preview import edited
from tests.store.diff_pairs import base_rows, ledger_bytes
from tests.workbooks import publish

pytestmark = pytest.mark.browser


def test_the_preview_and_the_comparison_in_chromium(tmp_path):
    require_chromium()
    data = tmp_path / "data"
    store = Store(data)
    publish(store, ledger_bytes(base_rows()), name="v1.xlsx")
    upload = tmp_path / "v2.xlsx"
    upload.write_bytes(edited())
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with streamlit_server(data) as url, chromium_page(1366, 900) as page:
        page.goto(f"{url}/upload")
        wait_for_app(page)
        page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(upload))
        page.get_by_text("参数有 1 处变化").wait_for(timeout=30_000)
        page.get_by_text("人考核状态变化").first.wait_for(timeout=10_000)
        assert page.get_by_text("只有格式不同").count() == 0
        wait_for_app(page)
        whole_page(page, SCREENSHOTS / "diff-upload-preview.png")
        # The row list: each row's 内容 whole inside its column, none cut at its edge.
        grids = page.locator("[data-testid='stDataFrame']")
        rows_grid = grids.count() - 1
        grids.nth(rows_grid).scroll_into_view_if_needed()
        page.wait_for_timeout(800)
        borders = page.evaluate(GRID_PROBE, [0, rows_grid])["lines"]
        width = page.evaluate(
            "(i) => document.querySelectorAll(\"[data-testid='data-grid-canvas']\")[i].width",
            rows_grid,
        )
        cells = page.evaluate(TEXT_LINES, [rows_grid, borders[-1], width])  # 内容, the last
        page.screenshot(path=str(SCREENSHOTS / "diff-upload-rows.png"))
        assert len(cells["runs"]) >= 3, cells  # every row's 内容 drawn
        assert cells["reach"] <= width - 6, cells  # none runs into the column's edge
        page.get_by_role("button", name="发布").click()
        page.get_by_text("已发布为 v2").wait_for(timeout=30_000)
        page.goto(f"{url}/history")
        wait_for_app(page)
        page.get_by_text("v2 相对 v1 的全部变化").wait_for(timeout=30_000)
        assert page.get_by_text("参数有 1 处变化").count() == 1
        wait_for_app(page)
        whole_page(page, SCREENSHOTS / "diff-two-versions.png")
