"""学习情况通报 (issue #27): read back with python-docx, the numbers are the engine's, the house
style holds (A4, 黑体 headings, 仿宋 body), and --hide-names leaves no member's name."""

from __future__ import annotations

import datetime as dt
import functools
import io
import subprocess
import sys
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.shared import Mm

from model.dev.sample import SAMPLE_PATH
from model.engine.group_short import group_shortfalls
from model.engine.report import build_report, years_of
from model.engine.shifts import measure_shifts
from model.engine.todo import todo_items
from model.outputs.bulletin import bulletin_bytes, share_text
from model.texts.shifts import METRIC_LABELS, shown
from model.workbook.reader import read_workbook

YEAR, AS_OF = 2026, dt.date(2026, 11, 15)


@functools.cache
def _sample():
    workbook = read_workbook(SAMPLE_PATH.read_bytes()).workbook
    assert workbook is not None
    report = build_report(workbook, YEAR, AS_OF)
    shifts = measure_shifts(workbook, YEAR, AS_OF, years_of(workbook))
    todo = todo_items(report.timeline, workbook.exams)
    return report, shifts, todo


@functools.cache
def _document(show_names: bool = True) -> bytes:
    report, shifts, todo = _sample()
    return bulletin_bytes(report, shifts, todo, "zh", show_names, "示范县")


def _open(data: bytes):
    return docx.Document(io.BytesIO(data))


def _all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def _east_asian(style) -> str | None:
    fonts = style.element.rPr.rFonts
    return fonts.get(qn("w:eastAsia"))


def test_title_period_and_a4():
    document = _open(_document())
    title = document.paragraphs[0]
    assert title.style.name == "Title"
    assert title.text == "关于2026年1—11月中心组“1+X”学习情况的通报"
    assert "统计期间：2026年1月1日至2026年11月15日" in _all_text(document)
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1)
    assert abs(section.page_height - Mm(297)) < Mm(1)


def test_headings_are_real_headings_in_heiti_and_the_body_in_fangsong():
    document = _open(_document())
    headings = [p for p in document.paragraphs if p.style.name == "Heading 1"]
    assert [h.text for h in headings] == [
        "一、总体情况",
        "二、进度滞后的中心组",
        "三、考核风险与不达标成员",
        "四、“四个转变”成效",
        "五、下一步工作",
    ]
    assert _east_asian(document.styles["Heading 1"]) == "黑体"
    assert _east_asian(document.styles["Normal"]) == "仿宋"
    assert _east_asian(document.styles["Title"]) == "黑体"
    # No theme font left to override the named ones (Word prefers w:eastAsiaTheme).
    for name in ("Normal", "Title", "Heading 1"):
        fonts = document.styles[name].element.rPr.rFonts
        assert not [key for key in fonts.attrib if key.endswith("Theme") or key.endswith("theme")]
    styles = document.styles.element
    defaults = styles.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}"
    )
    assert defaults is not None and defaults.get(qn("w:eastAsia")) == "仿宋"
    assert defaults.get(qn("w:eastAsiaTheme")) is None


def test_the_sessions_table_holds_the_engines_numbers():
    report, _, _ = _sample()
    document = _open(_document())
    table = document.tables[0]
    header = [cell.text for cell in table.rows[0].cells]
    assert header[:6] == ["中心组", "计划场次", "已举行", "逾期", "到课率", "点评覆盖"]
    rows = {row.cells[0].text: [c.text for c in row.cells] for row in table.rows[1:]}
    assert len(rows) == len(report.groups) + 1  # every group and the total
    for group, numbers in report.groups.iterrows():
        cells = rows[str(group)]
        assert cells[1:4] == [str(int(numbers[k])) for k in ("planned", "held", "overdue")]
        assert cells[4] == share_text(numbers["attendance_rate"])
        assert cells[5] == share_text(numbers["comment_coverage"])
        assert cells[6:10] == [
            share_text(numbers[k]) for k in ("people", "time", "content", "effect")
        ]
    total = rows["合计"]
    overall = report.overall
    assert total[1:4] == [str(int(overall[k])) for k in ("planned", "held", "overdue")]
    assert total[4] == share_text(overall["attendance_rate"])


def test_the_shifts_table_and_paragraph_are_the_engines():
    _, shifts, _ = _sample()
    document = _open(_document())
    table = document.tables[-1]
    assert [c.text for c in table.rows[0].cells][:4] == ["转变", "指标", "2026年", "2025年"]
    attendance = next(row for row in table.rows if row.cells[1].text == "到课率")
    figures = shifts.overall["attendance_rate"]
    assert attendance.cells[2].text == shown("attendance_rate", figures["value"])
    assert attendance.cells[3].text == shown("attendance_rate", figures["previous"])
    assert shifts.like_with_like  # the sample's year is not over: same period last year
    assert "较上年同期" in attendance.cells[4].text


def test_group_short_groups_are_named_as_the_groups_problem():
    report, _, _ = _sample()
    shortfalls = group_shortfalls(report.members)
    assert len(shortfalls)  # the sample has one
    text = _all_text(_open(_document()))
    for group in shortfalls["group"]:
        assert f"{group}的问题在中心组" in text


def test_members_at_risk_and_failed_are_listed_by_name():
    report, _, _ = _sample()
    text = _all_text(_open(_document()))
    concerned = report.members[report.members["status"].isin(["failed", "at_risk"])]
    for name in concerned["display"]:
        assert name in text


def test_hide_names_leaves_no_member_name():
    report, _, _ = _sample()
    text = _all_text(_open(_document(show_names=False)))
    names = set(report.timeline.members["name"].dropna().astype(str))
    assert names
    assert [name for name in names if name in text] == []
    assert "成员" in text and "的问题在中心组" in text


def test_next_steps_come_from_the_todo():
    _, _, todo = _sample()
    document = _open(_document())
    start = next(i for i, p in enumerate(document.paragraphs) if p.text == "五、下一步工作")
    steps = [p.text for p in document.paragraphs[start + 1 :] if p.text]
    overdue_drafts = todo.items[(todo.items["kind"] == "draft_due")]
    if len(overdue_drafts):
        assert any(
            step.startswith("督促主讲人按时发出讲稿初稿") and f"{len(overdue_drafts)}项" in step
            for step in steps
        )
    assert steps


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "model", *args], capture_output=True, text=True, timeout=120
    )


def test_cli_writes_the_bulletin_and_refuses_an_unknown_group(tmp_path: Path):
    out = tmp_path / "通报.docx"
    done = _cli(
        "bulletin", str(SAMPLE_PATH), str(out), "--year", "2026", "--as-of", "2026-11-15",
        "--hide-names",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert _open(out.read_bytes()).paragraphs[0].text.startswith("关于2026年1—11月")
    group = _cli(
        "bulletin", str(SAMPLE_PATH), str(out), "--year", "2026", "--group", "城关镇党委",
    )  # fmt: skip
    assert group.returncode == 0, group.stderr
    assert "（城关镇党委）" in _open(out.read_bytes()).paragraphs[0].text
    missing = _cli("bulletin", str(SAMPLE_PATH), str(out), "--year", "2026", "--group", "无此组")
    assert missing.returncode == 1
    unreadable = tmp_path / "坏.xlsx"
    unreadable.write_bytes(b"not a workbook")
    assert _cli("bulletin", str(unreadable), str(out), "--year", "2026").returncode == 2


def test_the_cli_documents_numbers_equal_report_json_and_shifts_json(tmp_path: Path):
    import json

    out = tmp_path / "通报.docx"
    common = ["--year", "2026", "--as-of", "2026-11-15"]
    assert _cli("bulletin", str(SAMPLE_PATH), str(out), *common).returncode == 0
    report = json.loads(_cli("report", str(SAMPLE_PATH), *common, "--json").stdout)
    shifts = json.loads(_cli("shifts", str(SAMPLE_PATH), *common, "--json").stdout)
    document = _open(out.read_bytes())
    rows = {row.cells[0].text: [c.text for c in row.cells] for row in document.tables[0].rows}
    for group in report["groups"]:
        cells = rows[group["group"]]
        assert cells[1:4] == [str(group[k]) for k in ("planned", "held", "overdue")]
        assert cells[4] == share_text(group["attendance_rate"])
    shift_rows = {row.cells[1].text: row.cells for row in document.tables[-1].rows}
    for name, figures in shifts["overall"].items():
        label = METRIC_LABELS[name]["zh"]
        assert shift_rows[label][2].text == shown(name, figures["value"])
        assert shift_rows[label][3].text == shown(name, figures["previous"])


def test_the_english_bulletin_joins_lists_the_english_way():
    """Red flags and the members a group's shortfall concerns were joined with 、 in English."""
    report, shifts, todo = _sample()
    text = _all_text(_open(bulletin_bytes(report, shifts, todo, "en", True, "示范县")))
    names = set(report.members["display"])
    lines = [line for line in text.splitlines() if "、" in line]
    # What is left of a line with its names taken out has no 、 (a name itself may hold one).
    for line in lines:
        for name in sorted(names, key=len, reverse=True):
            line = line.replace(name, "")
        assert "、" not in line, line
    assert "Never a speaker, " in text or "Not all attended, " in text
