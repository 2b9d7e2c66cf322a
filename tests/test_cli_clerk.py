"""The CLI commands of issue #14 — plan, todo, calendar — run as a clerk runs them."""

from __future__ import annotations

import json
import subprocess
import sys

from icalendar import Calendar

from model.workbook.reader import read_workbook_file
from tests.engine.test_plan import group_rows
from tests.engine.test_todo import EXAMS, OUTREACH, PARTICIPATION, PLAN, TALKS
from tests.ledgers import MEMBERS
from tests.workbooks import ledger


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "model", *args], capture_output=True, text=True, check=False
    )


def test_plan_json_and_out_workbook(tmp_path):
    source = tmp_path / "台账.xlsx"
    source.write_bytes(ledger(members=group_rows(9)))
    out = tmp_path / "计划.xlsx"
    done = run_cli(
        "plan", str(source), "--year", "2026", "--group", "一组", "--weekday", "2",
        "--start", "2026-03-01", "--out", str(out), "--json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    rows = data["rows"]
    assert len(rows) == 9 and data["notices"] == []
    assert rows[0] == {
        "session": "一组-2026-01",
        "group": "一组",
        "planned_date": "2026-03-03",  # the first Tuesday on or after 1 March
        "topic": "待定（主讲人确定）",
        "speaker": "成员1",
        "host": rows[1]["speaker"],
        "study_group": None,
        "status": "计划",
    }
    uploaded = read_workbook_file(out)
    assert uploaded.ok and len(uploaded.workbook.plan) == 9


def test_plan_for_an_unknown_group_says_which_exist(tmp_path):
    source = tmp_path / "台账.xlsx"
    source.write_bytes(ledger(members=group_rows(5)))
    done = run_cli("plan", str(source), "--year", "2026", "--group", "二组")
    assert done.returncode == 1 and "可选：一组" in done.stderr


def test_todo_json_shape(tmp_path):
    source = tmp_path / "台账.xlsx"
    source.write_bytes(ledger(MEMBERS, PLAN, TALKS, PARTICIPATION, OUTREACH, EXAMS))
    done = run_cli("todo", str(source), "--as-of", "2026-06-10", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["as_of"] == "2026-06-10" and len(data["items"]) == 13
    assert data["items"][0] == {
        "due": "2026-03-10",
        "kind": "records_missing",
        "group": "一组",
        "session": "L",
        "person": None,
        "text": "补录场次 L（2026-03-10）的参学记录：丙",
        "overdue": True,
    }
    shorter = json.loads(
        run_cli("todo", str(source), "--as-of", "2026-06-10", "--days", "0", "--json").stdout
    )
    # --days 0: what is due today or overdue, and the kinds with their own horizon.
    assert [(i["due"], i["kind"]) for i in shorter["items"]] == [
        ("2026-03-10", "records_missing"),
        ("2026-06-08", "article_due"),
        ("2026-06-10", "session_upcoming"),
        ("2026-06-10", "revision_due"),
        ("2026-06-10", "article_due"),
        ("2026-06-17", "topic_tbd"),
        ("2026-07-03", "topic_tbd"),
        ("2026-12-31", "makeup_due"),
    ]


def test_calendar_for_one_person(tmp_path):
    source = tmp_path / "台账.xlsx"
    settings = [["统计截止日期", "2026-06-10"]]
    source.write_bytes(ledger(MEMBERS, PLAN, TALKS, PARTICIPATION, OUTREACH, EXAMS, settings))
    out = tmp_path / "甲.ics"
    done = run_cli("calendar", str(source), "--year", "2026", "--person", "甲", str(out))
    assert done.returncode == 0, done.stderr
    events = list(Calendar.from_ical(out.read_bytes()).walk("VEVENT"))
    assert len(events) == 12 + 6 and "18 个事件" in done.stdout
