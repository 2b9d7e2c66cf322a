"""The tolerant reader and every error kind of DOMAIN.md §3–§4, on workbooks built here."""

import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest

from model.workbook.reader import read_workbook
from tests.workbooks import (
    MEMBERS_HEADER,
    PARTICIPATION_HEADER,
    PLAN_HEADER,
    TALKS_HEADER,
    ledger,
    xlsx,
)

D = dt.date
MEMBERS = [
    ["张三", "城关镇党委", "", "书记", "是", "东关村、西关村"],
    ["李四", "城关镇党委", None, "委员", "否", "南街社区"],
]
PLAN = [["1", "城关镇党委", D(2026, 3, 15), "乡村振兴", "张三", "李四", "已举行"]]
TALKS = [["1", D(2026, 3, 15), D(2026, 3, 8), 60, "是", D(2026, 3, 20), "文章"]]


def errors_of(data: bytes) -> list[tuple[str, str | None, str | None]]:
    return [(e.code, e.sheet, e.cell) for e in read_workbook(data).errors]


def test_valid_minimal_workbook_reads_with_counts():
    result = read_workbook(ledger(members=MEMBERS, plan=PLAN, talks=TALKS))
    assert result.ok
    assert result.workbook.counts()["成员"] == 2
    assert result.workbook.plan.loc[2, "speaker"] == "城关镇党委|张三"


def test_header_found_below_merged_title_rows_and_rows_are_excel_rows():
    book = openpyxl.Workbook()
    members = book.active
    members.title = "成员"
    members["A1"] = "示范县中心组成员名单"
    members.merge_cells("A1:F2")
    rows = {
        3: ["姓　名", "中心\n组", "一把手"],  # the header, with odd spaces and a line break
        4: ["张三", "城关镇党委", "是"],
        6: ["李四", "城关镇党委", "maybe"],  # row 5 stays empty and is skipped
    }
    for row, values in rows.items():
        for column, value in enumerate(values, start=1):
            members.cell(row, column, value)
    plan = book.create_sheet("学习计划")
    plan.append(PLAN_HEADER)
    buffer = io.BytesIO()
    book.save(buffer)
    result = read_workbook(buffer.getvalue())
    assert [(e.code, e.cell, e.column) for e in result.errors] == [("BAD_YESNO", "C6", "一把手")]
    assert list(result.workbook.members["row"]) == [4, 6]


def test_english_aliases_in_any_case_for_sheets_and_columns():
    data = xlsx(
        {
            "Members": [["NAME", "Group", "is_head"], ["张三", "城关镇党委", "Y"]],
            "PLAN": [
                ["session", "group", "planned_date", "topic", "speaker", "host"],
                ["1", "城关镇党委", "2026-3-1", "x", "张三", "张三"],
            ],
        }
    )
    result = read_workbook(data)
    assert result.ok, result.errors
    assert bool(result.workbook.members.loc[2, "is_head"]) is True


def test_header_not_in_first_ten_rows_is_a_missing_column():
    rows = [[None]] * 10 + [MEMBERS_HEADER]
    errors = errors_of(xlsx({"成员": rows, "学习计划": [PLAN_HEADER]}))
    assert ("COLUMN_MISSING", "成员", None) in errors


def test_missing_required_sheet_and_column_are_reported_together():
    data = xlsx({"成员": [["姓名", "职务"], ["张三", "书记"]], "讲课记录": [TALKS_HEADER]})
    result = read_workbook(data)
    codes = sorted((e.code, e.sheet, e.column) for e in result.errors)
    assert codes == [("COLUMN_MISSING", "成员", "中心组"), ("SHEET_MISSING", "学习计划", None)]
    assert all(e.row is None and e.cell is None for e in result.errors)


def test_person_resolved_by_id_when_two_members_share_a_name():
    members = [
        ["王伟", "城关镇党委", "C01", "书记", "是"],
        ["王伟", "城关镇党委", "C02", "委员", "否"],
    ]
    plan = [["1", "城关镇党委", D(2026, 3, 1), "x", "C01", "王伟", "计划"]]
    result = read_workbook(ledger(members=members, plan=plan))
    assert [(e.code, e.cell) for e in result.errors] == [("AMBIGUOUS_PERSON", "F2")]
    assert "C01、C02" in result.errors[0].hint
    assert result.workbook.plan.loc[2, "speaker"] == "C01"


def test_same_name_in_one_group_without_ids_is_a_duplicate_key():
    members = [["王伟", "城关镇党委"], ["王伟", "城关镇党委"]]
    result = read_workbook(ledger(members=members))
    assert [(e.code, e.cell) for e in result.errors] == [("DUPLICATE_KEY", "A3")]
    assert "第 2 行" in result.errors[0].message


def test_only_shared_names_are_grouped_and_blank_names_never_clash():
    members = [["王伟", "城关镇党委"], [None, "城关镇党委"], [None, "城关镇党委"]]
    members += [["王伟", "城关镇党委"], ["李四", "城关镇党委"], ["李四", None]]
    result = read_workbook(ledger(members=members))
    found = [(e.code, e.cell) for e in result.errors]
    assert found == [
        ("REQUIRED_EMPTY", "A3"),
        ("REQUIRED_EMPTY", "A4"),
        ("DUPLICATE_KEY", "A5"),
        ("REQUIRED_EMPTY", "B7"),
    ]


def test_name_of_another_group_is_unknown_person():
    members = [*MEMBERS, ["王五", "青山镇党委"]]
    plan = [["1", "城关镇党委", D(2026, 3, 1), "x", "王五", "李四", ""]]
    result = read_workbook(ledger(members=members, plan=plan))
    error = result.errors[0]
    assert (error.code, error.cell, error.value) == ("UNKNOWN_PERSON", "E2", "王五")
    assert "城关镇党委" in error.message


def test_all_cell_errors_in_one_pass_with_sheet_row_column_and_hint():
    plan = [
        ["1", "城关镇党委", "2026-02-30", "x", "张三", "李四", "开会"],
        ["1", "城关镇党委", "1999-01-01", "y", "张三", "李四", ""],
    ]
    talks = [["1", "2026/3/15", None, "一小时", "嗯"]]
    exams = [["张三", "城关镇党委", "2026", 101, -1]]
    result = read_workbook(ledger(members=MEMBERS, plan=plan, talks=talks, exams=exams))
    found = {(e.code, e.sheet, e.cell) for e in result.errors}
    assert found == {
        ("BAD_DATE", "学习计划", "C2"),
        ("BAD_CHOICE", "学习计划", "G2"),
        ("DATE_OUT_OF_RANGE", "学习计划", "C3"),
        ("DUPLICATE_KEY", "学习计划", "A3"),
        ("BAD_NUMBER", "讲课记录", "D2"),
        ("BAD_YESNO", "讲课记录", "E2"),
        ("SCORE_OUT_OF_RANGE", "考试成绩", "D2"),
        ("SCORE_OUT_OF_RANGE", "考试成绩", "E2"),
    }
    assert all(e.hint and e.message and e.column for e in result.errors)


def test_required_cell_empty():
    plan = [["1", "城关镇党委", D(2026, 3, 1), None, "张三", "李四"]]
    assert errors_of(ledger(members=MEMBERS, plan=plan)) == [("REQUIRED_EMPTY", "学习计划", "D2")]


def test_records_for_sessions_missing_from_plan():
    talks = [["9", D(2026, 3, 1)]]
    participation = [["8", "张三", "出席"]]
    outreach = [["7", D(2026, 3, 1), "东关村"]]
    errors = errors_of(
        ledger(
            members=MEMBERS, plan=PLAN, talks=talks, participation=participation, outreach=outreach
        )
    )
    assert sorted(errors) == [
        ("UNKNOWN_SESSION", "参学记录", "A2"),
        ("UNKNOWN_SESSION", "宣讲记录", "A2"),
        ("UNKNOWN_SESSION", "讲课记录", "A2"),
    ]


def test_participation_for_a_session_with_no_talk_record():
    participation = [["1", "李四", "出席", "口头"]]
    errors = errors_of(ledger(members=MEMBERS, plan=PLAN, participation=participation))
    assert errors == [("NO_TALK_RECORD", "参学记录", "A2")]


def test_talk_for_a_cancelled_session():
    plan = [["1", "城关镇党委", D(2026, 3, 15), "x", "张三", "李四", "取消"]]
    errors = errors_of(ledger(members=MEMBERS, plan=plan, talks=TALKS))
    assert errors == [("TALK_FOR_CANCELLED", "讲课记录", "A2")]


def test_duplicate_participation_row():
    participation = [["1", "李四", "出席", "口头"], ["1", "李四", "请假", "无"]]
    errors = errors_of(ledger(members=MEMBERS, plan=PLAN, talks=TALKS, participation=participation))
    assert errors == [("DUPLICATE_KEY", "参学记录", "B3")]


def test_left_before_joined():
    members = [["张三", "城关镇党委", None, None, "是", None, "2026-05-01", "2026-04-01"]]
    assert errors_of(ledger(members=members)) == [("LEFT_BEFORE_JOINED", "成员", "H2")]


def test_settings_override_defaults_and_bad_values_are_errors():
    settings = [
        ["达标学分", "36"],
        ["初稿提前天数", "五"],
        ["统计截止日期", "2026-06-30"],
        ["学分", "1"],
    ]
    result = read_workbook(ledger(members=MEMBERS, settings=settings))
    assert result.workbook.params.pass_credits == 36
    assert result.workbook.params.as_of == D(2026, 6, 30)
    assert sorted((e.code, e.cell) for e in result.errors) == [
        ("BAD_SETTING", "B3"),
        ("UNKNOWN_SETTING", "A5"),
    ]


def test_a_messy_value_past_row_1000_is_read_or_reported():
    """fastexcel infers types from 1,000 rows by default; we must see row 1,502."""
    members = [[f"成员{i}", "城关镇党委", None, None, "否"] for i in range(1500)]
    members.append(["迟到者", "城关镇党委", None, None, "√", None, "2026年3月1日"])
    members.append(["乱填者", "城关镇党委", None, None, "也许"])
    result = read_workbook(ledger(members=members))
    assert [(e.code, e.cell, e.value) for e in result.errors] == [("BAD_YESNO", "E1503", "也许")]
    late = result.workbook.members.set_index("name").loc["迟到者"]
    assert bool(late["is_head"]) is True
    assert late["joined"] == dt.datetime(2026, 3, 1)


def test_many_errors_in_one_column_are_capped_with_a_summary():
    members = [[f"成员{i}", "城关镇党委", None, None, "?"] for i in range(250)]
    result = read_workbook(ledger(members=members))
    codes = [e.code for e in result.errors]
    assert codes.count("BAD_YESNO") == 200
    assert codes[-1] == "MORE_ERRORS" and "50" in result.errors[-1].message


def test_participation_header_alias_and_full_width_session_number():
    data = ledger(
        members=MEMBERS,
        plan=[["3", "城关镇党委", D(2026, 3, 15), "x", "张三", "李四"]],
        talks=[["３", D(2026, 3, 15)]],
        participation=[["3.0", "李四", "√", "书面点评"]],
    )
    result = read_workbook(data)
    assert result.ok, result.errors
    row = result.workbook.participation.iloc[0]
    assert (row["session"], row["member"], row["attendance"], row["comment"]) == (
        "3",
        "城关镇党委|李四",
        "出席",
        "书面",
    )
    assert PARTICIPATION_HEADER[1] == "姓名"


@pytest.mark.parametrize("file_format", ["xlsx", "xls"])
def test_sheets_loaded_by_two_threads_read_exactly_as_one_by_one(monkeypatch, file_format):
    """A big file's sheets load in two threads (each its own calamine reader): same rows, same
    errors at the same cells as loading them one by one."""
    import model.workbook.reader as reader_module
    from tests.formats import XLS_FIXTURE, as_xlsx

    data = as_xlsx() if file_format == "xlsx" else XLS_FIXTURE.read_bytes()
    monkeypatch.setattr(reader_module, "PARALLEL_FROM_BYTES", 1 << 40)
    one_by_one = read_workbook(data)
    monkeypatch.setattr(reader_module, "PARALLEL_FROM_BYTES", 1)
    threaded = read_workbook(data)
    assert [e.as_dict() for e in threaded.errors] == [e.as_dict() for e in one_by_one.errors]
    assert len(threaded.errors) >= 4  # the fixture's errors were found, not skipped
    for key in ("members", "plan", "talks", "participation", "outreach", "exams"):
        pd.testing.assert_frame_equal(
            getattr(threaded.workbook, key), getattr(one_by_one.workbook, key)
        )


def test_a_sheet_that_fails_in_a_loading_thread_is_a_clear_error(monkeypatch):
    import model.workbook.reader as reader_module

    def broken(reader, name, spec):
        if spec.key == "participation":
            raise RuntimeError("calamine: invalid XML in sheet4")
        return real(reader, name, spec)

    real = reader_module.load_raw_sheet
    monkeypatch.setattr(reader_module, "PARALLEL_FROM_BYTES", 1)
    monkeypatch.setattr(reader_module, "load_raw_sheet", broken)
    result = read_workbook(ledger())
    assert result.unreadable and [e.code for e in result.errors] == ["FILE_CORRUPT"]
    assert "sheet4" in result.errors[0].message
