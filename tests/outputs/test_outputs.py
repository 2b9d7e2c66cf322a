"""Template, annotated workbook, sample workbook and the validate CLI."""

import io
import json
import subprocess
import sys

from openpyxl import load_workbook

from model.dev.sample import SAMPLE_PATH
from model.outputs.annotate import annotate_bytes
from model.outputs.file_words import LIST_SHEET
from model.outputs.template import template_bytes
from model.workbook.reader import read_workbook, read_workbook_file
from tests.workbooks import ledger

MEMBERS = [["张三", "城关镇党委", None, "书记", "是"], ["李四", "城关镇党委"]]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "model", *args], capture_output=True, text=True, check=False
    )


def test_template_validates_with_zero_errors_and_has_every_sheet():
    data = template_bytes()
    result = read_workbook(data)
    assert result.ok, result.errors
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == [
        "说明",
        "成员",
        "学习计划",
        "讲课记录",
        "参学记录",
        "宣讲记录",
        "考试成绩",
        "参数",
    ]
    assert book["参学记录"].freeze_panes == "A2"


def test_template_has_dropdowns_and_prefilled_parameters():
    book = load_workbook(io.BytesIO(template_bytes()))
    participation_rules = book["参学记录"].data_validations.dataValidation
    formulas = {rule.formula1 for rule in participation_rules}
    assert '"出席,请假,缺席"' in formulas and '"口头,书面,无"' in formulas
    plan_rules = {rule.formula1 for rule in book["学习计划"].data_validations.dataValidation}
    assert '"计划,已举行,延期,取消"' in plan_rules
    settings = {row[0]: row[1] for row in book["参数"].iter_rows(min_row=2, values_only=True)}
    assert (
        settings["达标学分"] == 30
        and settings["初稿提前天数"] == 7
        and settings["宣讲计分上限"] == 2
    )


def test_annotated_copy_marks_each_error_cell_and_lists_it_with_a_link():
    data = ledger(
        members=[*MEMBERS, ["王五", "城关镇党委", None, None, "@是"]],
        plan=[["1", "城关镇党委", "2026-13-01", "x", "张三", "李四"]],
    )
    errors = read_workbook(data).errors
    assert [(e.code, e.cell) for e in errors] == [("BAD_YESNO", "E4"), ("BAD_DATE", "C2")]
    book = load_workbook(io.BytesIO(annotate_bytes(data, errors)))
    assert book.sheetnames[0] == LIST_SHEET
    bad_cell = book["学习计划"]["C2"]
    assert bad_cell.fill.fgColor.rgb.endswith("FF9999")
    assert "不是有效日期" in bad_cell.comment.text
    listing = list(book[LIST_SHEET].iter_rows(min_row=2, values_only=True))
    assert [(row[1], row[2]) for row in listing] == [("成员", "E4"), ("学习计划", "C2")]
    link = book[LIST_SHEET]["C3"].hyperlink
    assert "学习计划" in (link.location or link.target)
    # The clerk's "@是" is listed as text, never turned into a formula.
    assert book[LIST_SHEET]["F2"].data_type == "s" and book[LIST_SHEET]["F2"].value == "@是"


def test_bundled_sample_validates_with_zero_errors():
    result = read_workbook_file(SAMPLE_PATH)
    assert result.ok, result.errors[:5]
    counts = result.workbook.counts()
    assert 60 <= counts["成员"] <= 80
    groups = result.workbook.members["group"].nunique()
    assert groups == 8


def test_sample_generator_is_deterministic(tmp_path):
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert run_cli("sample", str(first), "--seed", "7").returncode == 0
    assert run_cli("sample", str(second), "--seed", "7").returncode == 0
    rows = [
        list(load_workbook(path)["参学记录"].iter_rows(values_only=True))
        for path in (first, second)
    ]
    assert rows[0] == rows[1] and len(rows[0]) > 100


def test_sample_generator_sizes_for_benchmarks(tmp_path):
    out = tmp_path / "big.xlsx"
    run = run_cli("sample", str(out), "--groups", "12", "--members-per-group", "5", "--years", "1")
    assert run.returncode == 0
    result = read_workbook_file(out)
    assert result.ok, result.errors[:3]
    assert result.workbook.members["group"].nunique() == 12
    assert len(result.workbook.members) == 60


def test_cli_validate_json_and_exit_codes(tmp_path):
    good, bad = tmp_path / "good.xlsx", tmp_path / "bad.xlsx"
    good.write_bytes(ledger(members=MEMBERS))
    bad.write_bytes(ledger(members=[["张三", None]]))
    ok_run = run_cli("validate", str(good), "--json")
    assert ok_run.returncode == 0
    assert json.loads(ok_run.stdout) == {
        "ok": True,
        "errors": [],
        "counts": {
            "成员": 2,
            "学习计划": 0,
            "讲课记录": 0,
            "参学记录": 0,
            "宣讲记录": 0,
            "考试成绩": 0,
        },
        "format": "xlsx",
        "notices": [],
    }
    bad_run = run_cli("validate", str(bad), "--json")
    assert bad_run.returncode == 1
    error = json.loads(bad_run.stdout)["errors"][0]
    assert error == {
        "code": "REQUIRED_EMPTY",
        "sheet": "成员",
        "row": 2,
        "column": "中心组",
        "cell": "B2",
        "value": None,
        "message": "“中心组”不能为空。",
        "hint": "请填写中心组。",
    }
    text_run = run_cli("validate", str(bad))
    assert text_run.returncode == 1 and "成员 B2［中心组］" in text_run.stdout


def test_cli_template_and_annotate(tmp_path):
    template, annotated = tmp_path / "t.xlsx", tmp_path / "a.xlsx"
    assert run_cli("template", str(template)).returncode == 0
    assert run_cli("validate", str(template)).returncode == 0
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(ledger(members=[["张三", None]]))
    assert run_cli("annotate", str(bad), str(annotated)).returncode == 1
    assert load_workbook(annotated).sheetnames[0] == LIST_SHEET
