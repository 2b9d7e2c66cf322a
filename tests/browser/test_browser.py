"""The dashboard in a real browser: every page, readable Chinese, charts, no exception box."""

import time

import pytest

from tests.browser.browser import (
    SCREENSHOTS,
    chromium_page,
    require_chromium,
    streamlit_server,
    wait_for_app,
)

pytestmark = pytest.mark.browser

PAGES = [
    ("", "总览"),  # the default page lives at the root
    ("sessions", "学习安排"),
    ("members", "成员学分"),
    ("risk", "风险预警"),
    ("shifts", "成效"),
    ("rules", "规则说明"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    require_chromium()
    with streamlit_server(tmp_path_factory.mktemp("data")) as url:
        yield url


def test_every_page_in_chromium(server):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with chromium_page() as page:
        started = time.monotonic()
        page.goto(server)
        page.wait_for_selector("[data-testid='stMetric']", timeout=30_000)
        first_interactive = time.monotonic() - started
        for slug, title in PAGES:
            page.goto(f"{server}/{slug}")
            wait_for_app(page)
            page.wait_for_timeout(800)
            assert page.locator("[data-testid='stMain'] h1").first.inner_text().strip() == title
            assert page.get_by_text("示例数据（示范县）").count() >= 1
            assert page.locator("[data-testid='stException']").count() == 0
            assert page.get_by_text("Page not found").count() == 0
            if slug in ("", "sessions", "shifts"):
                page.wait_for_selector(".vega-embed canvas, .vega-embed svg", timeout=15_000)
            page.screenshot(path=str(SCREENSHOTS / f"{slug or 'overview'}.png"), full_page=True)
    print(f"first page interactive after {first_interactive:.2f} s")
    assert first_interactive < 15


def test_sidebar_filter_in_the_browser(server):
    with chromium_page() as page:
        page.goto(server)
        page.wait_for_selector("[data-testid='stMetric']", timeout=30_000)
        wait_for_app(page)
        members = page.locator("[data-testid='stMetric']", has_text="成员").locator(
            "[data-testid='stMetricValue']"
        )
        assert members.inner_text() == "72"
        page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").nth(1).click()
        page.get_by_role("option", name="青山镇党委").click()
        wait_for_app(page)
        page.wait_for_function(
            "() => [...document.querySelectorAll('[data-testid=stMetricValue]')].some(e => e.innerText === '9')"
        )
        page.screenshot(path=str(SCREENSHOTS / "overview-group.png"), full_page=True)


def test_upload_publish_and_see_the_dashboard_change(tmp_path):
    """A clerk uploads a workbook in the real browser; the overview then shows its numbers."""
    require_chromium()
    from model.dev.sample import generate, write_workbook

    ledger, as_of = generate(groups=3, members_per_group=6, years=1, seed=11)
    upload = tmp_path / "三个中心组.xlsx"
    write_workbook(ledger, as_of, upload)
    with streamlit_server(tmp_path / "data") as url, chromium_page() as page:
        page.goto(f"{url}/upload")  # a first visit straight to a deep link
        wait_for_app(page)
        page.wait_for_timeout(500)
        nav = page.locator("[data-testid='stSidebarNav']").inner_text()
        assert "数据上传" in nav and "overview" not in nav  # st.navigation, not the pages/ folder
        page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(upload))
        page.get_by_text("检查通过").wait_for(timeout=30_000)
        page.get_by_role("button", name="发布").click()
        page.get_by_text("已发布为 v1").wait_for(timeout=30_000)
        assert page.get_by_text("检查通过").count() == 0  # the uploader was emptied
        page.screenshot(path=str(SCREENSHOTS / "upload-published.png"), full_page=True)
        page.goto(url)
        page.wait_for_selector("[data-testid='stMetric']", timeout=30_000)
        wait_for_app(page)
        members = page.locator("[data-testid='stMetric']", has_text="成员").locator(
            "[data-testid='stMetricValue']"
        )
        assert members.inner_text() == "18"
        assert page.get_by_text("示例数据（示范县）").count() == 0
        assert page.locator("[data-testid='stSidebar']").get_by_text("当前版本 v1").count() == 1


def test_sign_in_and_roles_in_the_browser(tmp_path):
    """With users configured: the sign-in page, a refused password, a viewer without upload."""
    require_chromium()
    from model.store.auth import Accounts

    registry = Accounts(tmp_path / "data")
    registry.add("王书记", "correct horse 1", "viewer", ["青山镇党委"])
    with streamlit_server(tmp_path / "data") as url, chromium_page() as page:
        page.goto(url)
        page.get_by_label("用户名").wait_for(timeout=30_000)
        page.get_by_label("用户名").fill("王书记")
        page.get_by_label("密码").fill("wrong password")
        page.get_by_role("button", name="登录").click()
        page.get_by_text("用户名或密码不正确").wait_for(timeout=15_000)
        page.get_by_label("密码").fill("correct horse 1")
        page.get_by_role("button", name="登录").click()
        page.wait_for_selector("[data-testid='stMetric']", timeout=30_000)
        wait_for_app(page)
        nav = page.locator("[data-testid='stSidebarNav']").inner_text()
        assert "总览" in nav and "数据上传" not in nav
        # A crafted URL keeps the session, and the viewer still never sees the uploader.
        page.goto(f"{url}/upload")
        page.get_by_text("你的账号没有权限使用这个页面").wait_for(timeout=30_000)
        # The refusal and its way back are drawn in one run; wait for the link rather than
        # trust the idle flag, which a just-started rerun has not yet set.
        page.get_by_role("link", name="返回总览").wait_for(timeout=15_000)
        wait_for_app(page)
        assert page.get_by_role("link", name="返回总览").count() == 1
        assert page.get_by_role("button", name="发布").count() == 0
        assert page.locator("[data-testid='stFileUploaderDropzoneInput']").count() == 0
        page.screenshot(path=str(SCREENSHOTS / "viewer-signed-in.png"), full_page=True)
    actions = [row["action"] for row in registry.audit()]
    assert "sign_in_failed" in actions and "sign_in" in actions


def test_a_hostile_upload_leaves_the_server_up_for_everyone(tmp_path):
    """The 11 KB far-cell workbook that once killed the server: the clerk sees where the stray
    cell is, and a second visitor still gets the overview."""
    require_chromium()
    from tests import hostile_files as hostile

    far = tmp_path / "远处有字.xlsx"
    far.write_bytes(hostile.with_cell("成员", "XFD1048576", "x"))
    unsorted = tmp_path / "乱序行.xlsx"
    row = b'<row r="1048576"><c r="Z1048576"><v>1</v></c></row>'
    unsorted.write_bytes(
        hostile.with_sheet_xml(
            hostile.clean(),
            "xl/worksheets/sheet1.xml",
            lambda xml: xml.replace(b"<sheetData>", b"<sheetData>" + row, 1),
        )
    )
    with streamlit_server(tmp_path / "data") as url, chromium_page() as page:
        page.goto(f"{url}/upload")
        wait_for_app(page)
        uploader = page.locator("[data-testid='stFileUploaderDropzoneInput']")
        uploader.set_input_files(str(far))
        page.get_by_text("XFD1048576").first.wait_for(timeout=30_000)
        assert page.get_by_role("button", name="发布").count() == 0
        page.screenshot(path=str(SCREENSHOTS / "upload-far-cell.png"), full_page=True)
        uploader.set_input_files(str(unsorted))
        page.get_by_text("无法读取这个文件").first.wait_for(timeout=60_000)
        assert page.locator("[data-testid='stException']").count() == 0
        second = page.context.browser.new_page()  # another visitor: a new Streamlit session
        second.goto(url)
        second.wait_for_selector("[data-testid='stMetric']", timeout=30_000)
        wait_for_app(second)
        assert second.locator("[data-testid='stException']").count() == 0
        assert second.get_by_text("示例数据（示范县）").count() >= 1


def test_risk_page_says_the_groups_shortfall_once_in_chromium(server):
    with chromium_page() as page:
        page.goto(f"{server}/risk")
        wait_for_app(page)
        page.get_by_text("本组安排不足").first.wait_for(timeout=15_000)
        line = page.locator("[data-testid='stAlert']", has_text="城关镇党委：3 名成员")
        assert line.count() == 1
        named = line.inner_text().split("涉及成员：")[1].strip().split("、")
        assert sorted(named) == sorted(["向浩伟（M00104，委员）", "余娟英", "任东静"])
        assert page.get_by_text("诫勉").count() == 1  # 江辉 only: the one final 不达标
        page.get_by_text("查看这 3 名成员的情况").click()
        page.get_by_text("城关镇党委 · 余娟英").wait_for(timeout=5_000)
        wait_for_app(page)
        # The one final 不达标 comes first, above the group's line.
        boxes = page.locator("[data-testid='stAlert']").all_inner_texts()
        first_failed = next(i for i, box in enumerate(boxes) if "[不达标]" in box)
        group_line = next(i for i, box in enumerate(boxes) if box.startswith("城关镇党委："))
        assert first_failed < group_line
        page.screenshot(path=str(SCREENSHOTS / "risk-group-short.png"), full_page=True)
