"""All errors in one pass (issue 12, item 9): a missing column hides nothing else, and a name
that matches no one is answered with the member it was probably meant to be."""

from model.workbook.people import close_names, edit_distance
from model.workbook.reader import read_workbook
from tests.workbooks import (
    MEMBERS_HEADER,
    PARTICIPATION_HEADER,
    PLAN_HEADER,
    TALKS_HEADER,
    ledger,
    xlsx,
)

MEMBERS = [["张三", "城关镇党委"], ["赵丽", "城关镇党委"], ["欧阳明华", "城关镇党委"]]
PLAN = [["1", "城关镇党委", "2026-03-10", "x", "张三", "赵丽"]]


def where(result) -> list[tuple[str, str | None, str | None, str]]:
    return [(e.sheet, e.cell, e.column, e.code) for e in result.errors]


def test_a_missing_column_does_not_hide_a_bad_score_in_the_same_sheet():
    data = xlsx(
        {
            "成员": [MEMBERS_HEADER, *MEMBERS],
            "学习计划": [PLAN_HEADER, *PLAN],
            # 年度 is missing; the score of 105 must be reported in the same pass.
            "考试成绩": [["姓名", "中心组", "成绩"], ["张三", "城关镇党委", 105]],
        }
    )
    assert where(read_workbook(data)) == [
        ("考试成绩", None, "年度", "COLUMN_MISSING"),
        ("考试成绩", "C2", "成绩", "SCORE_OUT_OF_RANGE"),
    ]


def test_a_missing_column_does_not_hide_errors_in_other_sheets():
    data = xlsx(
        {
            "成员": [MEMBERS_HEADER, *MEMBERS],
            # 主持人 is missing from the plan; the talk's bad date is on another sheet.
            "学习计划": [PLAN_HEADER[:5], PLAN[0][:5]],
            "讲课记录": [TALKS_HEADER, ["1", "2026-02-30"]],
        }
    )
    assert where(read_workbook(data)) == [
        ("学习计划", None, "主持人", "COLUMN_MISSING"),
        ("讲课记录", "B2", "举行日期", "BAD_DATE"),
    ]


def test_a_missing_key_column_is_one_error_not_one_per_referring_row():
    data = xlsx(
        {
            # No 中心组 among the members: no person anywhere can be checked against them …
            "成员": [["姓名", "职务"], ["张三", "书记"]],
            "学习计划": [PLAN_HEADER, *PLAN],
            # … and no 场次 in the talks: no participation row is checked against them.
            "讲课记录": [TALKS_HEADER[1:], ["2026-03-10"]],
            "参学记录": [PARTICIPATION_HEADER, ["1", "张三", "出席", "口头"]],
        }
    )
    assert where(read_workbook(data)) == [
        ("成员", None, "中心组", "COLUMN_MISSING"),
        ("讲课记录", None, "场次", "COLUMN_MISSING"),
    ]


def test_a_missing_sheet_does_not_hide_the_errors_of_the_others():
    data = xlsx({"成员": [MEMBERS_HEADER, ["张三", "城关镇党委", None, None, "也许"]]})
    assert where(read_workbook(data)) == [
        ("成员", "E2", "一把手", "BAD_YESNO"),
        ("学习计划", None, None, "SHEET_MISSING"),
    ]


def test_an_unknown_name_one_character_off_gets_the_member_meant():
    result = read_workbook(ledger(members=MEMBERS, plan=[[*PLAN[0][:4], "张三", "赵莉"]]))
    [error] = result.errors
    assert (error.code, error.cell) == ("UNKNOWN_PERSON", "F2")
    assert error.hint.startswith("是否为‘赵丽’？")
    assert error.text("en")[1].startswith("Did you mean “赵丽”? ")


def test_a_long_name_two_characters_off_gets_a_hint_a_stranger_none():
    plan = [
        ["1", "城关镇党委", "2026-03-10", "x", "欧阳明", "王五"],  # 欧阳明华 less one; no one
    ]
    errors = read_workbook(ledger(members=MEMBERS, plan=plan)).errors
    hints = {e.cell: e.hint for e in errors}
    assert hints["E2"].startswith("是否为‘欧阳明华’？")
    assert not hints["F2"].startswith("是否为")  # 王五 is two changes from 张三: too far for two


def test_close_names_only_within_the_distance_allowed():
    assert edit_distance("赵莉", "赵丽") == 1
    assert edit_distance("欧阳明", "欧阳明华") == 1
    assert edit_distance("欧阳华明", "欧阳明华") == 2
    assert close_names("欧阳华明", ["欧阳明华", "张三"]) == ["欧阳明华"]
    assert close_names("王五", ["张三", "赵丽"]) == []  # two changes allowed only from 3 chars
    assert close_names("赵利", ["赵丽", "赵莉", "张三"]) == ["赵丽", "赵莉"]


def _with_settings(*rows: list[object]) -> bytes:
    return xlsx(
        {"成员": [MEMBERS_HEADER, *MEMBERS], "学习计划": [PLAN_HEADER, *PLAN], "参数": list(rows)}
    )


def test_a_settings_sheet_without_its_value_column_is_column_missing():
    """It raised KeyError in the reader, and the isolated reader told the clerk the file was
    too complex (issue #23)."""
    result = read_workbook(
        _with_settings(["说明：本表可改默认值"], ["参数"], ["达标学分"], ["不存在"])
    )
    assert where(result) == [
        ("参数", None, "值", "COLUMN_MISSING"),
        ("参数", "A4", "参数", "UNKNOWN_SETTING"),  # the keys are still checked
    ]
    missing = result.errors[0]
    assert missing.fields["header"] == 2
    assert "值" in missing.message and "参数、值" in missing.hint
    assert result.workbook is not None and result.workbook.params.pass_credits == 30


def test_a_settings_sheet_without_its_key_column_is_column_missing():
    result = read_workbook(_with_settings(["值", "备注"], [40, "达标学分"]))
    assert where(result) == [("参数", None, "参数", "COLUMN_MISSING")]
    assert result.errors[0].fields["header"] == 1
    assert result.workbook is not None and result.workbook.params.pass_credits == 30
