"""Items of the fresh walk (issue #29) that only a browser shows, at a leader's 1366×768 and in
English: the member's exam KPI whole, the error tables' long texts wrapped, 规则说明's tables
with no inner scroll box and no empty row, the overview's English headers."""

import pytest

from model.dev.sample import SAMPLE_PATH
from model.workbook.reader import read_workbook_file
from tests.browser.browser import (
    SCREENSHOTS,
    chromium_page,
    require_chromium,
    streamlit_server,
    wait_for_app,
)
from tests.browser.test_meeting_browser import GRID_PROBE, TEXT_LINES, open_page, whole_page
from tests.workbooks import ledger

pytestmark = pytest.mark.browser
SCROLLERS = """() => [...document.querySelectorAll("[data-testid='stDataFrame'] .dvn-scroller")]
    .map(s => [s.scrollHeight, s.clientHeight])"""
# For each column between `borders` (canvas px), how far right the header's ink reaches; the
# grid draws its header on a canvas of its own, over the body's.
HEADER_REACH = """([grid, borders]) => {
  const frame = document.querySelectorAll("[data-testid='stDataFrame']")[grid];
  const canvas = frame.querySelector("canvas:not([data-testid])");
  const { width } = canvas;
  const scale = width / canvas.getBoundingClientRect().width;
  const top = Math.round(6 * scale), bottom = Math.round(30 * scale);
  const px = canvas.getContext("2d").getImageData(0, 0, width, bottom).data;
  const dark = (x, y) => { const i = (y * width + x) * 4; return px[i] + px[i + 1] + px[i + 2] < 450; };
  const out = [];
  for (let c = 0; c + 1 < borders.length; c++) {
    let last = -1;
    for (let x = borders[c] + 2; x < borders[c + 1] - 1; x++)
      for (let y = top; y < bottom; y++) if (dark(x, y)) last = x;
    out.push([borders[c], borders[c + 1], last]);
  }
  return out;
}"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    require_chromium()
    with streamlit_server(tmp_path_factory.mktemp("data")) as url:
        yield url


def test_the_exam_kpi_with_a_makeup_is_whole_at_1366(server):
    members = read_workbook_file(SAMPLE_PATH).workbook.members
    key = members.loc[members["name"] == "江辉", "key"].iloc[0]
    with chromium_page(1366, 768) as page:
        open_page(page, f"{server}/members?member={key}")
        page.get_by_text("考试（补考").first.wait_for(timeout=20_000)
        cut = page.evaluate(
            """() => [...document.querySelectorAll("[data-testid='stMetric']")].map(m =>
                [...m.querySelectorAll("[data-testid='stMetricValue'] div, [data-testid='stMetricLabel'] p")]
                .some(e => e.scrollWidth > e.clientWidth + 1))"""
        )
        assert cut and not any(cut), cut  # "考试 50（补考 4…" was cut
        page.locator("[data-testid='stMetric']").first.scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        page.screenshot(path=str(SCREENSHOTS / "member-exam-1366.png"))  # the KPIs in view


def test_the_rules_tables_have_no_inner_scroll_and_no_empty_row(server):
    with chromium_page(1366, 768) as page:
        open_page(page, f"{server}/rules")
        page.wait_for_selector("[data-testid='data-grid-canvas']", timeout=20_000)
        page.wait_for_timeout(1000)
        sizes = page.evaluate(SCROLLERS)
        assert len(sizes) == 2, sizes
        for scroll, box in sizes:
            assert scroll <= box + 1, sizes  # everything in view: no scroll box inside
            assert box - scroll < 30, sizes  # and no empty row below the last
        whole_page(page, SCREENSHOTS / "rules-tables-1366.png")


def test_the_english_overview_in_a_screenshot(server):
    with chromium_page(1366, 768) as page:
        open_page(page, server)
        page.locator("[data-testid='stSidebar'] label", has_text="English").click()
        wait_for_app(page)
        page.wait_for_selector("[data-testid='data-grid-canvas']", timeout=20_000)
        page.wait_for_timeout(1000)
        widths = page.evaluate(
            """() => [...document.querySelectorAll("[data-testid='stDataFrame'] .dvn-scroller")]
                .map(s => [s.scrollWidth, s.clientWidth])"""
        )
        whole_page(page, SCREENSHOTS / "overview-english-1366.png")
        scroll, box = widths[-1]  # 各中心组完成情况, its headers as wide as their words
        assert scroll <= box + 1, widths
        # Every column shown: the narrow ones read "Overdu", "Attendanc", "Passe" when sized
        # for their Chinese headers. A header cut off reaches its border.
        page.locator("label", has_text="Show every column").click()
        wait_for_app(page)
        page.wait_for_timeout(1000)
        grid = len(widths) - 1
        borders = page.evaluate(GRID_PROBE, [0, grid])["lines"]
        reach = page.evaluate(HEADER_REACH, [grid, borders])
        assert len(reach) >= 9, reach  # Central group … Passed, each drawn with its header
        for _, right, last in reach:
            assert 0 <= last <= right - 6, reach
        page.locator("[data-testid='stDataFrame']").nth(grid).screenshot(
            path=str(SCREENSHOTS / "overview-english-every-column-1366.png")
        )


def test_every_shift_figure_is_whole_at_1366(server):
    """成效's four-metric card cut 点评率 and 口头点评占比 to "94.…" at 1366 px."""
    with chromium_page(1366, 768) as page:
        open_page(page, f"{server}/shifts")
        page.get_by_text("点评率").first.wait_for(timeout=20_000)
        cut = page.evaluate(
            """() => [...document.querySelectorAll("[data-testid='stMetric']")].map(m =>
                [...m.querySelectorAll("[data-testid='stMetricValue'] div")]
                .some(e => e.scrollWidth > e.clientWidth))"""  # one pixel over is an ellipsis
        )
        assert len(cut) == 13 and not any(cut), cut
        page.screenshot(path=str(SCREENSHOTS / "shifts-1366.png"))


def test_the_error_tables_wrap_long_hints_whole_at_1366(server, tmp_path):
    """学习计划's hints of 36 characters were cut to one line ("…或先在"): a row of 56 px does
    not wrap (the grid wraps only in rows over 4rem), and the table scrolled sideways."""
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(
        ledger(
            members=[["张三", None]],
            plan=[["1", "城关镇党委", "2026-03-01", "x", "张三", "张三"]],
        )
    )
    with chromium_page(1366, 768) as page:
        open_page(page, f"{server}/upload")
        page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(bad))
        page.locator("[data-testid='stDataFrame']").nth(1).wait_for(timeout=30_000)
        wait_for_app(page)
        page.wait_for_timeout(1000)
        widths = page.evaluate(
            """() => [...document.querySelectorAll("[data-testid='stDataFrame'] .dvn-scroller")]
                .map(s => [s.scrollWidth, s.clientWidth])"""
        )
        assert len(widths) == 2 and all(scroll <= box + 1 for scroll, box in widths), widths
        borders = page.evaluate(GRID_PROBE, [0, 1])["lines"]  # 学习计划: 主讲人, 主持人
        width = page.evaluate(
            "() => document.querySelectorAll(\"[data-testid='data-grid-canvas']\")[1].width"
        )
        hints = page.evaluate(TEXT_LINES, [1, borders[-1], width])  # 怎么改, the last column
        assert len(hints["runs"]) == 2 * 2, hints  # each hint on two lines, not cut to one
        assert hints["reach"] <= width - 6, hints  # and none runs into the edge
        problems = page.evaluate(TEXT_LINES, [1, borders[-2], borders[-1]])
        assert len(problems["runs"]) == 2 and problems["reach"] <= borders[-1] - 6, problems
        page.locator("[data-testid='stDataFrame']").nth(1).scroll_into_view_if_needed()
        page.screenshot(path=str(SCREENSHOTS / "upload-errors-1366.png"))


def test_a_click_on_a_group_name_opens_that_group(server):
    """In row selection alone a click on 白沙镇党委 only framed its cell; the group stayed 全部."""
    with chromium_page(1366, 768) as page:
        open_page(page, server)
        grid = page.locator("[data-testid='stDataFrame']").last
        grid.scroll_into_view_if_needed()
        page.wait_for_timeout(500)
        box = grid.bounding_box()
        # The second body row's name: past the row marks, below the 36 px header and one row
        # (the 8 groups fill the grid, so a row is its body's height over 8: 主要问题 may wrap).
        row = (box["height"] - 36 - 3) / 8
        page.mouse.click(box["x"] + 100, box["y"] + 36 + row * 1.5)
        page.wait_for_function(
            """() => document.querySelectorAll("[data-testid='stSidebar'] [data-testid='stSelectbox'] input")[1]
                ?.value === '白沙镇党委'""",
            timeout=20_000,
        )
        wait_for_app(page)
        page.screenshot(path=str(SCREENSHOTS / "overview-group-opened-1366.png"))
