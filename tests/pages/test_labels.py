"""The text catalogues: one shape (code → {zh, en}), each key in exactly one catalogue."""

import string

from model.texts.domain import FINDINGS, FIXES, REASONS, STATUSES
from model.texts.errors import ERRORS
from model.texts.labels import LABELS
from pages.common.labels import UI, label


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_catalogue_has_one_shape_with_both_languages():
    for catalogue in (UI, LABELS, FINDINGS, FIXES, REASONS, STATUSES, ERRORS):
        for code, entry in catalogue.items():
            assert set(entry) == {"zh", "en"}, code


def test_screen_labels_and_report_labels_do_not_overlap():
    assert set(UI).isdisjoint(LABELS)


def test_both_languages_of_a_label_take_the_same_fields():
    for key, entry in {**UI, **LABELS}.items():
        assert fields(entry["zh"]) == fields(entry["en"]), key


def test_a_screen_label_falls_back_to_the_report_catalogue():
    assert label("group", "en") == LABELS["group"]["en"]
    assert label("page_overview") == "总览"


def test_the_version_time_reads_as_people_write_dates():
    import datetime as dt

    when = dt.datetime(2026, 12, 3, 11, 36, 5)
    assert (
        label("source_version", "zh", version=4, time=when) == "当前版本 v4（2026年12月3日 11:36）"
    )
    assert label("source_version", "en", version=4, time=when) == (
        "Current version v4 (3 December 2026, 11:36)"
    )


def test_grid_columns_are_as_wide_as_their_text_in_either_language():
    from pages.common.layout import header_width, text_width

    # CJK 15 px a glyph, Latin 9 px a letter, plus padding: "Overdue" needs 7 × 9 + 16 = 79 px
    # where 逾期 fits the 48 asked for (the English header read "Overdu").
    assert header_width("逾期", 48) == 48
    assert header_width("Overdue", 48) == 79
    assert header_width("Attendance", 64) == 106
    assert text_width(["县发展改革局党组", "城关镇党委"]) == 8 * 15 + 28


def test_the_label_catalogues_share_no_code():
    """UI is labels.py's own codes merged with the other catalogues: a code in two of them would
    silently take the later one's words (学习记录's 中心组 once replaced 学习档案's group
    download label)."""
    import ast
    from pathlib import Path

    from pages.common.labels_clerk import CLERK_UI
    from pages.common.labels_groups import GROUP_CLERK_UI
    from pages.common.labels_record import RECORD_UI

    source = Path(__file__).resolve().parents[2] / "pages" / "common" / "labels.py"
    ui = next(
        node.value
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8")))
        if isinstance(node, ast.AnnAssign) and ast.unparse(node.target) == "UI"
    )
    assert isinstance(ui, ast.Dict)
    own = [key.value for key in ui.keys if isinstance(key, ast.Constant)]
    codes = own + [code for part in (CLERK_UI, GROUP_CLERK_UI, RECORD_UI) for code in part]
    assert sorted({code for code in codes if codes.count(code) > 1}) == []
