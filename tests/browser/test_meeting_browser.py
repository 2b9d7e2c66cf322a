"""Meeting mode and the laptop view in Chromium (issue #12): names absent at 1920×1080 until the
presenter shows them, the mode kept by a reload and by its own page links, the members table's
状态 whole at 1366 px, and a screenshot of every page in both modes."""

from pathlib import Path

import pytest

from model.dev.sample import SAMPLE_PATH
from model.workbook.reader import read_workbook_file
from pages.common.meeting import MEETING_PAGES
from tests.browser.browser import (
    SCREENSHOTS,
    chromium_page,
    require_chromium,
    streamlit_server,
    wait_for_app,
)

pytestmark = pytest.mark.browser

PAGES = [
    ("", "总览"),
    ("sessions", "学习安排"),
    ("members", "成员学分"),
    ("risk", "风险预警"),
    ("shifts", "成效"),
    ("rules", "规则说明"),
]
NAMES = set(read_workbook_file(SAMPLE_PATH).workbook.members["name"])
GRID_PROBE = (Path(__file__).parent / "grid_probe.js").read_text(encoding="utf-8")
TEXT_LINES = (Path(__file__).parent / "text_lines_probe.js").read_text(encoding="utf-8")
# The heights, in screen px, of the runs of ink in a grid's first 100 px (one per body row).
INK_PROBE = """() => {
  const canvas = document.querySelector("[data-testid='stDataFrame'] [data-testid='data-grid-canvas']");
  const { width, height } = canvas;
  const scale = width / canvas.getBoundingClientRect().width;
  const px = canvas.getContext("2d").getImageData(0, 0, width, height).data;
  const dark = (x, y) => { const i = (y * width + x) * 4; return px[i] + px[i + 1] + px[i + 2] < 450; };
  const runs = []; let start = -1;
  for (let y = Math.round(36 * scale); y < height; y++) {
    let hit = false;
    for (let x = 2; x < Math.round(100 * scale) && !hit; x++) hit = dark(x, y);
    if (hit && start < 0) start = y;
    // Runs under 5 px are grid lines and the row marks' boxes, not text.
    if (!hit && start >= 0) { if ((y - start) / scale >= 5) runs.push((y - start) / scale); start = -1; }
  }
  return runs;
}"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    require_chromium()
    with streamlit_server(tmp_path_factory.mktemp("data")) as url:
        yield url


def names_on(page) -> set[str]:
    text = page.locator("body").inner_text()
    return {name for name in NAMES if name in text}


def whole_page(page, path: Path) -> None:
    """A screenshot of the whole page: Streamlit scrolls inside its main block, not the body,
    so the window is made as tall as the content for the picture."""
    width, height = page.viewport_size["width"], page.viewport_size["height"]
    content = page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollHeight")
    page.set_viewport_size({"width": width, "height": max(height, content)})
    page.wait_for_timeout(500)
    page.screenshot(path=str(path))
    page.set_viewport_size({"width": width, "height": height})


def open_page(page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)
    page.wait_for_timeout(800)


def test_meeting_mode_hides_names_until_the_presenter_shows_them(server):
    with chromium_page(1920, 1080) as page:
        open_page(page, f"{server}/risk?meeting=1")
        page.get_by_text("姓名已隐藏").wait_for(timeout=15_000)
        page.get_by_text("后果：诫勉").first.wait_for(timeout=15_000)  # the cards are drawn
        assert not page.locator("[data-testid='stSidebar']").is_visible()
        assert "城关镇党委 · 成员" in page.locator("body").inner_text()  # cards by pseudonym
        assert names_on(page) == set()
        whole_page(page, SCREENSHOTS / "meeting-risk-names-hidden.png")
        page.get_by_test_id("stCheckbox").get_by_text("显示姓名", exact=True).click()
        page.get_by_text("主持人已选择显示姓名").wait_for(timeout=15_000)
        page.get_by_text("县委宣传部党组 · 董刚").wait_for(timeout=15_000)
        wait_for_app(page)
        assert len(names_on(page)) >= 8  # the cards' 8 failed and 3 at-risk members, by name
        whole_page(page, SCREENSHOTS / "meeting-risk-names-shown.png")


def test_a_reload_and_the_meeting_links_keep_meeting_mode(server):
    with chromium_page(1920, 1080) as page:
        open_page(page, f"{server}/?meeting=1")
        page.reload()
        wait_for_app(page)
        assert "meeting=1" in page.url
        page.get_by_role("button", name="退出会议模式").wait_for(timeout=15_000)
        assert not page.locator("[data-testid='stSidebar']").is_visible()
        bar = page.locator("[data-testid='stPageLink']")
        assert bar.count() == len(MEETING_PAGES)  # 待办 and 学习计划 too
        bar.filter(has_text="成员学分").click()
        page.wait_for_url("**/members?meeting=1", timeout=15_000)
        wait_for_app(page)
        page.get_by_role("button", name="退出会议模式").wait_for(timeout=15_000)
        assert page.locator("[data-testid='stMain'] h1").first.inner_text().strip() == "成员学分"
        assert names_on(page) == set()
        page.get_by_role("button", name="退出会议模式").click()
        page.wait_for_function("() => !location.search.includes('meeting')", timeout=15_000)
        page.locator("[data-testid='stSidebar']").wait_for(state="visible", timeout=15_000)
        assert page.get_by_role("button", name="退出会议模式").count() == 0


def test_the_members_table_shows_the_whole_status_at_1366(server):
    with chromium_page(1366, 768) as page:
        open_page(page, f"{server}/members")
        page.wait_for_selector("[data-testid='data-grid-canvas']", timeout=20_000)
        page.wait_for_timeout(1000)
        probe = page.evaluate(GRID_PROBE, 1)  # 状态: the column after the pinned 姓名
        assert probe is not None
        assert 85 <= probe["right"] - probe["left"] <= 95  # the 90 px the page asks for
        assert probe["reach"], "no text found in the 状态 column"
        # Text that fits ends at least the cell padding short of the border; cut text reaches it.
        assert max(probe["reach"]) <= probe["right"] - 6, probe
        page.screenshot(path=str(SCREENSHOTS / "members-1366.png"))


@pytest.mark.parametrize("slug", ["", "sessions", "members"])
def test_tables_need_no_sideways_scroll_at_1366(server, slug):
    """The grid's scroller is as wide as its columns: wider than the box means a sideways
    scroll (the sessions table had one, the groups table cut 主要问题)."""
    with chromium_page(1366, 768) as page:
        open_page(page, f"{server}/{slug}")
        page.wait_for_selector("[data-testid='data-grid-canvas']", timeout=20_000)
        page.wait_for_timeout(1000)
        widths = page.evaluate(
            """() => [...document.querySelectorAll("[data-testid='stDataFrame'] .dvn-scroller")]
                .map(s => [s.scrollWidth, s.clientWidth])"""
        )
        assert widths
        scroll, box = widths[0]
        assert scroll <= box + 1, widths


@pytest.mark.parametrize("meeting", [False, True], ids=["laptop-1366", "meeting-1920"])
def test_every_page_in_both_modes(server, meeting):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    size = (1920, 1080) if meeting else (1366, 768)
    with chromium_page(*size) as page:
        for slug, title in PAGES:
            open_page(page, f"{server}/{slug}" + ("?meeting=1" if meeting else ""))
            assert page.locator("[data-testid='stMain'] h1").first.inner_text().strip() == title
            assert page.locator("[data-testid='stException']").count() == 0
            if meeting:
                assert names_on(page) == set(), slug
            if slug in ("", "sessions", "shifts"):
                page.wait_for_selector(".vega-embed canvas, .vega-embed svg", timeout=15_000)
                page.wait_for_timeout(500)
            prefix = "meeting" if meeting else "laptop"
            whole_page(page, SCREENSHOTS / f"{prefix}-{slug or 'overview'}.png")


def test_the_meeting_bar_dropdowns_are_projector_sized(server):
    """The year and group values, and the group list once opened, at least 20 px at 1920×1080
    (they were 19 px, the size of a laptop's form text zoomed by the root size only)."""
    with chromium_page(1920, 1080) as page:
        open_page(page, f"{server}/?meeting=1")
        page.locator("[data-testid=stSelectbox] input").nth(1).wait_for(timeout=15_000)
        values = page.evaluate(
            """() => [...document.querySelectorAll("[data-testid=stSelectbox] input")].map(e =>
                [e.value, parseFloat(getComputedStyle(e).fontSize), e.clientHeight])"""
        )
        assert [value for value, _, _ in values] == ["2026", "全部中心组"]
        for _, size, height in values:
            assert size >= 20, values
            assert height >= size, values  # the box is tall enough for its text
        page.locator("[data-testid='stSelectbox']").nth(1).click()
        page.locator("[role=option]").first.wait_for(timeout=15_000)
        options = page.evaluate(
            """() => [...document.querySelectorAll("[role=option]")].map(e =>
                [e.innerText, parseFloat(getComputedStyle(e.firstElementChild || e).fontSize)])"""
        )
        assert options and options[0][0] == "全部中心组"
        assert min(size for _, size in options) >= 20, options
        page.screenshot(path=str(SCREENSHOTS / "meeting-group-list.png"))


def test_meeting_tables_are_projector_sized_and_show_whole_group_names(server):
    """At 1920×1080 the grid text is at least 20 px (14 px zoomed) and the longest group name,
    县发展改革局党组, is not cut in 各中心组完成情况 (it was: "县委宣传部党…")."""
    with chromium_page(1920, 1080) as page:
        open_page(page, f"{server}/?meeting=1")
        page.wait_for_selector("[data-testid='data-grid-canvas']", timeout=20_000)
        page.wait_for_timeout(1000)
        # The height of the group names' ink on screen: a CJK glyph's ink is about its size.
        ink = page.evaluate(INK_PROBE)
        assert ink and min(ink) >= 19.5, ink
        probe = page.evaluate(GRID_PROBE, 0)  # the pinned group column, after the row marks
        assert probe is not None and probe["reach"]
        assert max(probe["reach"]) <= probe["right"] - 6, probe
        # 主要问题, the last column, wraps whole: it was cut to "全年未安排主讲、未点评、主讲人兼…".
        grids = page.locator("[data-testid='stDataFrame']")
        table = grids.count() - 1
        borders = page.evaluate(GRID_PROBE, [0, table])["lines"]
        width = page.evaluate(
            "(i) => document.querySelectorAll(\"[data-testid='data-grid-canvas']\")[i].width",
            table,
        )
        flags = page.evaluate(TEXT_LINES, [table, borders[-1], width])
        assert len(flags["runs"]) > 8, flags  # eight groups, the longest on two lines
        assert flags["reach"] <= width - 6, flags
        links = page.locator("[data-testid='stPageLink']").all_inner_texts()
        assert any("待办" in link for link in links) and any("学习计划" in link for link in links)
        whole_page(page, SCREENSHOTS / "meeting-overview-groups.png")


def test_the_sidebar_filters_are_above_the_fold_at_1366x768(server):
    with chromium_page(1366, 768) as page:
        open_page(page, server)
        # Under load the sidebar may draw after the page's heading: wait for its third filter.
        page.wait_for_function(
            """() => document.querySelectorAll("[data-testid='stSidebar'] [data-testid='stSelectbox'],"
                + "[data-testid='stSidebar'] [data-testid='stDateInput']").length >= 3""",
            timeout=30_000,
        )
        boxes = page.evaluate(
            """() => [...document.querySelectorAll("[data-testid='stSidebar'] [data-testid='stSelectbox'],"
                + "[data-testid='stSidebar'] [data-testid='stDateInput']")]
                .map(e => e.getBoundingClientRect().bottom)"""
        )
        assert len(boxes) >= 3, boxes  # 年度, 中心组, 统计截止日期
        assert max(boxes[:3]) <= 768, boxes
        page.screenshot(path=str(SCREENSHOTS / "sidebar-1366x768.png"))
