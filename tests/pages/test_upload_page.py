"""AppTest of the upload flow: a valid file publishes; an invalid one never replaces data."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from model.dev.sample import SAMPLE_PATH
from model.store.versions import Store
from model.workbook.intake import ACCEPTED_SUFFIXES
from pages.common.downloads import MIME_TYPES
from tests import formats
from tests.pages.page_text import diff_counts
from tests.workbooks import ledger, publish

ROOT = Path(__file__).resolve().parents[2]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/upload.py").run()
    assert not at.exception, at.exception
    return at


def test_a_valid_upload_previews_and_publishes(data_dir):
    at = upload_page()
    at.file_uploader[0].set_value(("示范县.xlsx", SAMPLE_PATH.read_bytes(), XLSX)).run()
    assert not at.exception, at.exception
    assert any("检查通过" in s.value for s in at.success)
    assert any("第一次发布" in i.value for i in at.info)
    assert diff_counts(at)[("成员", "新增")] == 72
    at.text_input(key="publish_comment").input("十一月台账")
    at.button(key="publish_button").click().run()
    assert not at.exception, at.exception
    current = Store(data_dir).current()
    assert (current.version, current.comment, current.original_name) == (
        1,
        "十一月台账",
        "示范县.xlsx",
    )
    assert any("已发布为 v1" in s.value for s in at.success)
    at.switch_page("pages/overview.py").run()
    assert not any("示例数据" in i.value for i in at.info)  # the sample banner is gone
    assert "v1" in at.sidebar.caption[0].value


def test_an_invalid_upload_shows_errors_and_changes_nothing(data_dir):
    store = Store(data_dir)
    publish(store, SAMPLE_PATH.read_bytes(), user="文书", name="a.xlsx")
    at = upload_page()
    bad = ledger(
        members=[["张三", None]], plan=[["1", "城关镇党委", "2026-13-01", "x", "张三", "张三"]]
    )
    at.file_uploader[0].set_value(("bad.xlsx", bad, XLSX)).run()
    assert not at.exception, at.exception
    assert any("不能发布" in e.value for e in at.error)
    cells = {str(c) for frame in at.dataframe for c in frame.value["单元格"]}
    assert {"B2", "C2"} <= cells
    assert not [b for b in at.button if b.key == "publish_button"]
    assert store.current().version == 1


def test_error_tables_give_long_messages_rows_tall_enough_to_wrap(data_dir):
    from pages.common.error_table import TEXT_COLUMN_PX
    from pages.common.grid import LINE_PX, row_height

    at = upload_page()
    bad = ledger(
        members=[["张三", None]], plan=[["1", "城关镇党委", "2026-13-01", "x", "张三", "张三"]]
    )
    at.file_uploader[0].set_value(("bad.xlsx", bad, XLSX)).run()
    for frame in at.dataframe:
        shown = [*frame.value["问题"], *frame.value["怎么改"]]
        longest = max(len(text) for text in shown)
        assert frame.proto.row_height == row_height(shown, TEXT_COLUMN_PX)
        # Every line of the longest text has room: none is cut to "…或先在".
        assert frame.proto.row_height >= -(-longest // (TEXT_COLUMN_PX // 15)) * LINE_PX
        # The grid wraps only in rows over 4rem (64 px): a two-line row of 56 px was cut.
        assert longest <= (TEXT_COLUMN_PX // 15) or frame.proto.row_height > 64
    assert row_height(["短"], TEXT_COLUMN_PX) == 35
    assert row_height(["字" * 36], TEXT_COLUMN_PX) == 65  # two lines of 20: 56 px would not wrap
    assert row_height(["字" * 60], TEXT_COLUMN_PX) == 3 * LINE_PX + 14


def test_an_unreadable_upload_says_why(data_dir):
    at = upload_page()
    at.file_uploader[0].set_value(
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "application/vnd.ms-excel")
    )
    at.run()
    assert any(".xls" in e.value for e in at.error)
    assert Store(data_dir).current() is None


def test_a_stale_upload_asks_for_confirmation(data_dir):
    at = upload_page()
    at.file_uploader[0].set_value(("mine.xlsx", SAMPLE_PATH.read_bytes(), XLSX)).run()
    # A colleague publishes another workbook after this upload was checked.
    publish(Store(data_dir), ledger(members=[["张三", "城关镇党委"]]), user="同事", name="x.xlsx")
    at.button(key="publish_button").click().run()
    assert any("别人已发布了 v1" in w.value for w in at.warning)
    assert Store(data_dir).current().version == 1
    assert at.button(key="publish_button").label == "确认仍然发布"
    at.button(key="publish_button").click().run()
    assert Store(data_dir).current().version == 2


def test_history_lists_versions_newest_first(data_dir):
    store = Store(data_dir)
    publish(store, SAMPLE_PATH.read_bytes(), user="文书", name="a.xlsx")
    publish(store, ledger(members=[["张三", "城关镇党委"]]), user="文书", name="b.xlsx")
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/history.py").run()
    assert not at.exception, at.exception
    assert list(at.dataframe[0].value["版本"]) == ["v2", "v1"]


def test_errors_are_reported_in_english_when_english_is_chosen(data_dir):
    at = upload_page()
    at.sidebar.radio[0].set_value("en").run()
    bad = ledger(members=[["张三", None]])
    at.file_uploader[0].set_value(("bad.xlsx", bad, XLSX)).run()
    table = at.dataframe[0].value
    assert list(table["Problem"]) == ["中心组 must not be empty."]
    assert list(table["How to fix"]) == ["Fill in 中心组."]


def test_the_uploader_lists_exactly_the_formats_read(data_dir):
    at = upload_page()
    assert list(at.file_uploader[0].proto.type) == [f".{s}" for s in ACCEPTED_SUFFIXES]


def test_an_xls_upload_shows_its_errors_by_cell(data_dir):
    at = upload_page()
    xls = formats.XLS_FIXTURE.read_bytes()
    at.file_uploader[0].set_value(("台账.xls", xls, "application/vnd.ms-excel")).run()
    assert not at.exception, at.exception
    assert any("发现 4 处错误" in e.value for e in at.error)
    # One table per sheet, under the sheet's name, with the cell first.
    sheets = [m.value.strip("*") for m in at.markdown if m.value.startswith("**")]
    cells = {
        (sheet, cell)
        for sheet, table in zip(sheets, at.dataframe, strict=False)
        for cell in table.value.iloc[:, 0]
    }
    assert {(sheet, cell) for _, sheet, cell in formats.EXPECTED_ERRORS} <= cells
    assert Store(data_dir).current() is None


def test_a_wps_et_file_is_read_by_its_bytes(data_dir):
    at = upload_page()
    assert ".et" in list(at.file_uploader[0].proto.type)
    # WPS's .et holding BIFF8 bytes: the same errors as the .xls it is.
    xls = formats.XLS_FIXTURE.read_bytes()
    at.file_uploader[0].set_value(("台账.et", xls, "application/octet-stream")).run()
    assert not at.exception, at.exception
    assert any("发现 4 处错误" in e.value for e in at.error)
    # And a package saved under .et reads as the workbook it is.
    at.file_uploader[0].set_value(("示范县.et", SAMPLE_PATH.read_bytes(), XLSX)).run()
    assert any("检查通过" in s.value for s in at.success)


def test_an_ods_upload_publishes_the_original_file(data_dir):
    at = upload_page()
    ods = formats.as_ods(formats.without_errors())
    at.file_uploader[0].set_value(("台账.ods", ods, MIME_TYPES["ods"])).run()
    assert not at.exception, at.exception
    at.button(key="publish_button").click().run()
    store = Store(data_dir)
    current = store.current()
    assert current.file_format == "ods" and current.file_name.endswith(".ods")
    assert store.read_bytes(current) == ods


def test_an_identical_upload_is_said_once_on_the_preview_without_a_publish_button(data_dir):
    store = Store(data_dir)
    publish(store, SAMPLE_PATH.read_bytes(), user="文书", name="a.xlsx")
    at = upload_page()
    at.file_uploader[0].set_value(("again.xlsx", SAMPLE_PATH.read_bytes(), XLSX)).run()
    assert not at.exception, at.exception
    said = [i.value for i in at.info]
    assert said == ["这个文件与当前版本 v1 完全相同，无需发布。"]
    assert not [b for b in at.button if b.key == "publish_button"]
    assert not at.metric  # no change preview of nothing
    assert store.current().version == 1
