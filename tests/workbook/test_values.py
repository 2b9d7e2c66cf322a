"""Reader rules for the values clerks really type (DOMAIN.md §3)."""

import pandas as pd

from model.workbook.values import clean_text, parse_choice, parse_dates, parse_numbers, parse_yesno


def col(*values):
    return clean_text(pd.Series(list(values), dtype="object"))


def test_text_dates_in_every_form_clerks_type():
    dates, bad = parse_dates(
        col("2026-03-15", "2026/3/15", "2026.3.15", "2026年3月15日", "２０２６年３月１５日")
    )
    assert list(dates.dt.strftime("%Y-%m-%d")) == ["2026-03-15"] * 5
    assert not bad.any()


def test_excel_date_cells_read_as_iso_text_with_time():
    dates, bad = parse_dates(col("2026-03-15 00:00:00", "2026-03-15 10:30:00"))
    assert list(dates.dt.day) == [15, 15]
    assert not bad.any()


def test_iso_dates_with_a_t_before_the_time_as_csv_exports_write_them():
    dates, bad = parse_dates(col("2026-03-15T10:30:00", "2026-03-15t10:30"))
    assert list(dates.dt.strftime("%Y-%m-%d")) == ["2026-03-15", "2026-03-15"]
    assert not bad.any()


def test_a_year_typed_far_off_is_kept_in_range_to_be_reported_at_its_cell():
    dates, bad = parse_dates(col("3026-01-05", "0026-01-05", "46096.75"))
    assert list(dates.dt.strftime("%Y-%m-%d")) == ["2200-01-05", "1900-01-05", "2026-03-15"]
    assert not bad.any()


def test_compact_and_serial_dates():
    dates, bad = parse_dates(col("20260315", "46096"))
    assert list(dates.dt.strftime("%Y-%m-%d")) == ["2026-03-15", "2026-03-15"]
    assert not bad.any()


def test_impossible_dates_are_flagged_not_dropped():
    dates, bad = parse_dates(col("2026-02-30", "下周一", None))
    assert list(bad) == [True, True, False]
    assert dates.isna().all()


def test_numbers_stored_as_text_and_full_width_digits():
    numbers, bad = parse_numbers(col("60", "６０", " 75.5 ", "1,200", "90分钟", "abc"))
    assert list(numbers[:5]) == [60, 60, 75.5, 1200, 90]
    assert list(bad) == [False] * 5 + [True]


def test_yes_no_marks():
    values, bad = parse_yesno(
        col("是", "否", "Y", "n", "√", "×", "1", "0", "TRUE", "false", None, "也许")
    )
    assert list(values) == [
        True,
        False,
        True,
        False,
        True,
        False,
        True,
        False,
        True,
        False,
        False,
        False,
    ]
    assert list(bad) == [False] * 11 + [True]


def test_attendance_synonyms():
    values, bad = parse_choice(
        col("出席", "到", "参加", "√", "请假", "假", "缺席", "缺", "×", "迟到"), "attendance"
    )
    assert list(values[:9]) == ["出席"] * 4 + ["请假"] * 2 + ["缺席"] * 3
    assert list(bad) == [False] * 9 + [True]


def test_comment_synonyms_and_blank_means_none():
    values, bad = parse_choice(
        col("口头", "口头点评", "书面", "书面点评", None, "无", "-"), "comment"
    )
    assert list(values) == ["口头", "口头", "书面", "书面", "无", "无", "无"]
    assert not bad.any()


def test_text_is_trimmed_of_spaces_of_any_width():
    assert list(col("\u3000张三 ", "\xa0李四\u200b", "   ")[:2]) == ["张三", "李四"]
    assert col("   ").isna().all()


def test_every_error_message_has_an_english_twin_with_the_same_placeholders():
    import string

    from model.texts.errors import ERRORS

    def names(template: str) -> set[str]:
        return {field for _, field, _, _ in string.Formatter().parse(template) if field}

    for code, texts in ERRORS.items():
        assert set(texts) == {"zh", "en"}, code
        (message, hint), (english_message, english_hint) = texts["zh"], texts["en"]
        assert names(english_message) | names(english_hint) <= names(message) | names(hint), code
