"""Group progress, the 四到位 shares, the report JSON and the sample's coverage."""

import datetime as dt
import json
import subprocess
import sys

import pytest

from model.dev.sample import SAMPLE_PATH
from model.engine.report import build_report, group_report, report_json
from model.engine.scope import restrict
from model.texts.domain import FINDINGS, STATUSES, reason_text
from model.workbook.reader import read_workbook_file
from tests.engine.test_credits import OUTREACH, PARTICIPATION, PLAN, TALKS
from tests.ledgers import D, member, reason_texts, report


def scenario(**kw):
    return report(plan=PLAN, talks=TALKS, participation=PARTICIPATION, outreach=OUTREACH, **kw)


def test_group_progress_and_the_four_in_place_shares():
    row = scenario().groups.loc["一组"]
    assert (row["planned"], row["held"], row["overdue"], row["cancelled"]) == (3, 2, 0, 1)
    assert row["attendance_rate"] == pytest.approx(5 / 6)  # 丙 on leave at session 2
    assert row["comment_coverage"] == pytest.approx(2 / 3)  # 甲 silent at session 2
    assert (row["drafts_on_time"], row["revised"], row["outreach_done"]) == (1, 1, 1)
    assert row["articles_done"] == pytest.approx(0.5)
    assert (row["people"], row["time"], row["content"]) == (pytest.approx(5 / 6), 1, 1)
    assert row["effect"] == pytest.approx(0.5)  # session 2 lacks complete comments
    # Mid-year nobody has failed: 甲 projects short, 乙 and 丙 cannot reach 30 under the plan.
    assert (row["at_risk"], row["failed"], row["passed"]) == (3, 0, 0)


def test_time_in_place_needs_the_talk_within_14_days_of_plan():
    late_talks = [TALKS[0], [*TALKS[1][:1], D(2026, 4, 25), *TALKS[1][2:]]]  # 15 days late
    rep = report(plan=PLAN, talks=late_talks, participation=PARTICIPATION, outreach=OUTREACH)
    assert rep.groups.loc["一组", "time"] == pytest.approx(0.5)


def test_reasons_name_absences_and_missing_comments():
    row = member(scenario(), "丙")
    texts = reason_texts(row)
    assert "请假 1 次" in texts  # the zero absences are not mentioned
    assert reason_texts(member(scenario(), "甲"))[-2] == "出席未点评 1 次"


def test_report_json_shape_for_one_member():
    data = report_json(scenario(exams=[["甲", "一组", 2026, 80, None]]))
    assert (data["year"], data["as_of"]) == (2026, "2026-06-30")
    first = next(m for m in data["members"] if m["name"] == "甲")
    assert first["member_id"] is None
    assert first["credits"] == 27 and first["line"] == 30
    assert first["breakdown"]["outreach"] == 6
    assert first["exam"] == {"score": 80.0, "makeup": None}
    assert first["status"] == "at_risk" and first["fix"] == "参加剩余1次学习并口头点评"
    assert {f["code"] for f in data["findings"]} >= {"TOO_FEW_SESSIONS", "COMMENT_MISSING"}
    assert data["groups"][0]["group"] == "一组"
    json.dumps(data, ensure_ascii=False)  # serialisable as it stands


def test_compact_json_written_in_chunks_is_the_whole_dict_serialised(monkeypatch):
    import orjson

    import model.outputs.report_json as report_module

    rep = build_report(read_workbook_file(SAMPLE_PATH).workbook, 2026)
    whole = orjson.dumps(report_json(rep), option=orjson.OPT_SERIALIZE_NUMPY)
    monkeypatch.setattr(report_module, "JSON_CHUNK", 7)  # 79 members, 100+ findings: many chunks
    chunked = report_module.report_json_bytes(rep)
    assert chunked == whole
    assert len(json.loads(chunked)["members"]) == len(rep.members)
    indented = report_module.report_json_bytes(rep, indent=True)
    assert indented.startswith(b'{\n  "year": 2026') and json.loads(indented) == json.loads(whole)


def test_group_filter_keeps_only_that_group():
    result = read_workbook_file(SAMPLE_PATH)
    rep = build_report(result.workbook, 2026, group="青山镇党委")
    assert set(rep.members["group"]) == {"青山镇党委"}
    assert set(rep.findings["group"]) <= {"青山镇党委"}
    assert list(rep.groups.index) == ["青山镇党委"]


def test_sample_shows_every_status_and_every_finding_code():
    result = read_workbook_file(SAMPLE_PATH)
    rep = build_report(result.workbook, 2026)
    assert set(rep.members["status"]) == set(STATUSES)
    assert set(rep.findings["code"]) == set(FINDINGS)
    assert rep.as_of == D(2026, 11, 15)  # from the sample's 参数 sheet


def test_cli_report_json_and_text():
    run = subprocess.run(
        [sys.executable, "-m", "model", "report", str(SAMPLE_PATH), "--year", "2026", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    statuses = {m["status"] for m in data["members"]}
    assert statuses == set(STATUSES)
    failed = [m for m in data["members"] if m["status"] == "failed"]
    assert all(m["consequence"] == "诫勉，当年不得提拔使用" for m in failed)
    text = subprocess.run(
        [
            sys.executable,
            "-m",
            "model",
            "report",
            str(SAMPLE_PATH),
            "--year",
            "2026",
            "--as-of",
            "2026-10-01",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert text.returncode == 0 and "统计截止 2026-10-01" in text.stdout


def test_cli_report_on_an_invalid_workbook_gives_the_errors(tmp_path):
    from tests.workbooks import ledger

    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(ledger(members=[["张三", None]]))
    run = subprocess.run(
        [sys.executable, "-m", "model", "report", str(bad), "--year", "2026", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1
    assert json.loads(run.stdout)["errors"][0]["code"] == "REQUIRED_EMPTY"


def test_sessions_table_checks_are_the_findings_read_back():
    """One home per rule: every ✗ of the sessions table is a finding of the same session."""
    rep = build_report(read_workbook_file(SAMPLE_PATH).workbook, 2026)
    held = rep.sessions[rep.sessions["held"]]
    flagged = rep.findings.groupby("code")["session"].agg(set)
    for column, codes in {
        "draft_on_time": ("DRAFT_LATE", "DRAFT_MISSING"),
        "revised": ("NO_REVISION",),
        "all_attended": ("NOT_ALL_ATTENDED",),
        "all_commented": ("COMMENT_MISSING",),
    }.items():
        failing = set().union(*(flagged.get(code, set()) for code in codes))
        assert set(held.index[~held[column]]) == failing & set(held.index), column
        assert failing  # the sample exercises each one
    off = flagged.get("DURATION_OFF", set())
    assert set(held.index[held["minutes"].notna() & ~held["duration_ok"]]) == off


def test_member_counts_in_reasons_are_the_findings_counted():
    rep = build_report(read_workbook_file(SAMPLE_PATH).workbook, 2026)
    absences = rep.findings[rep.findings["code"] == "ABSENT_UNEXCUSED"]["member"].value_counts()
    checked = 0
    for key, row in rep.members.iterrows():
        reason = next((r for r in row["reasons"] if r["code"] == "ABSENCES"), None)
        count = int(absences.get(key, 0))
        if count:
            assert reason is not None
            assert f"缺席 {count} 次" in reason_text(reason["code"], reason["details"])
            checked += 1
        elif reason is not None:
            assert "缺席" not in reason_text(reason["code"], reason["details"])
    assert checked >= 3


def test_content_in_place_does_not_count_a_topic_still_tbd():
    """Issue #14: a held session whose 专题 is still 待定 is not 内容到位."""
    tbd = [[*PLAN[0][:3], "待定（主讲人确定）", *PLAN[0][4:]], *PLAN[1:]]
    rep = report(plan=tbd, talks=TALKS, participation=PARTICIPATION, outreach=OUTREACH)
    # Both held talks had drafts on time; session 1's topic is 待定, so one of two counts.
    assert rep.groups.loc["一组", "content"] == pytest.approx(0.5)


def test_a_groups_report_cut_from_the_whole_equals_one_built_on_that_group_alone():
    """group_report (the dashboard's group change: a filter, not a build) says of every member,
    session and group what a report of that group's rows alone says."""
    workbook = read_workbook_file(SAMPLE_PATH).workbook
    whole = build_report(workbook, 2026, dt.date(2026, 11, 20))
    columns = ["credits", "line", "status", "reasons", "fix", "consequence"]
    assert len(whole.groups) == 8
    for group in whole.groups.index:
        cut = group_report(whole, group)
        alone = build_report(restrict(workbook, (group,)), 2026, dt.date(2026, 11, 20))
        assert (
            cut.members[columns]
            .sort_index()
            .astype(str)
            .equals(alone.members[columns].sort_index().astype(str))
        ), group
        assert sorted(map(str, cut.findings[["code", "member"]].values.tolist())) == sorted(
            map(str, alone.findings[["code", "member"]].values.tolist())
        ), group
        assert cut.groups.equals(alone.groups), group
        assert cut.overall.to_dict() == alone.overall.to_dict(), group
