"""Two group clerks in the real browser: each downloads their rows, edits and publishes them;
the county's overview then shows both changes (issue 13)."""

import openpyxl
import pytest

from tests.browser.browser import (
    SCREENSHOTS,
    chromium_page,
    require_chromium,
    streamlit_server,
    wait_for_app,
)
from tests.store.county import CG, QS, county, records

pytestmark = pytest.mark.browser
PASSWORD = "correct horse 1"


def sign_in(page, url: str, name: str) -> None:
    page.context.clear_cookies()  # the previous clerk's session cookie: another browser
    page.goto(url)
    page.get_by_label("用户名").wait_for(timeout=30_000)
    page.get_by_label("用户名").fill(name)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_selector("[data-testid='stMetric']", timeout=60_000)
    wait_for_app(page)


def clerk_round(page, url: str, name: str, version: int, new_member: list, tmp_path) -> None:
    sign_in(page, url, name)
    page.locator("[data-testid='stSidebarNav']").get_by_text("数据上传").click()
    button = page.get_by_role("button", name=f"下载本组当前数据（v{version}）")
    button.wait_for(timeout=30_000)
    with page.expect_download(timeout=30_000) as download:
        button.click()
    path = tmp_path / f"{name}.xlsx"
    download.value.save_as(path)
    book = openpyxl.load_workbook(path)  # the clerk's edit in Excel
    book["成员"].append(new_member)
    book.save(path)
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(path))
    page.get_by_text("与当前版本相比的改动").wait_for(timeout=60_000)
    page.get_by_role("button", name="发布").click()
    page.get_by_text(f"已发布为 v{version + 1}").wait_for(timeout=60_000)


def test_two_group_clerks_publish_in_the_browser_and_the_county_sees_both(tmp_path):
    require_chromium()
    from model.store.auth import Accounts
    from model.store.versions import Store
    from tests.workbooks import publish

    data = tmp_path / "data"
    registry = Accounts(data)
    registry.add("青山文书", PASSWORD, "clerk", [QS])
    registry.add("城关文书", PASSWORD, "clerk", [CG])
    registry.add("管理员", PASSWORD, "admin", None)
    store = Store(data)
    publish(store, county())
    with streamlit_server(data) as url, chromium_page() as page:
        clerk_round(page, url, "青山文书", 1, ["孙八", QS, "Q04"], tmp_path)
        clerk_round(page, url, "城关文书", 2, ["周九", CG, "C03"], tmp_path)
        sign_in(page, url, "管理员")
        members = page.locator("[data-testid='stMetric']", has_text="成员").locator(
            "[data-testid='stMetricValue']"
        )
        assert members.inner_text() == "7"  # 5 at first, one added by each clerk
        assert page.locator("[data-testid='stSidebar']").get_by_text("当前版本 v3").count() == 1
        page.screenshot(path=str(SCREENSHOTS / "group-clerks-county.png"), full_page=True)
    final = store.read_bytes(store.current())
    # Each group's rows stay where they were in the county file.
    assert [(r["姓名"], r["中心组"]) for r in records(final, "成员")] == [
        ("张三", QS),
        ("李四", QS),
        ("王五", QS),
        ("孙八", QS),
        ("赵六", CG),
        ("钱七", CG),
        ("周九", CG),
    ]
    assert [(v.version, v.scope) for v in store.versions()] == [(3, (CG,)), (2, (QS,)), (1, None)]
