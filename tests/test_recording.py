"""学习记录 (issue #26): one session recorded in the app and published as a version.

On the two-group county of tests/store/county.py (青山镇党委: 张三 Q01 一把手, 李四 Q02, 王五 Q03;
QS-1 held 2026-03-01, speaker 张三, host 李四; QS-2 planned 2026-06-01, speaker 李四, host 张三).
"""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import replace

import openpyxl
import pytest

from model.cli import main
from model.engine.report import build_report
from model.outputs.signin_sheet import signin_sheet_bytes
from model.store.auth import Accounts
from model.store.record_compose import compose_record
from model.store.record_open import default_session, open_session
from model.store.record_types import Mark, NotYourSession, OutreachRow, RecordRejected, StaleRecord
from model.store.recording import base_side_raws, record_session
from model.store.versions import IdenticalToCurrent, Store
from model.workbook.reader import raw_sheets, read_workbook
from tests.store.county import CG, QS, county, records
from tests.workbooks import publish

D = dt.date
SESSION_SHEETS = ("讲课记录", "参学记录", "宣讲记录")
OTHER_SHEETS = ("成员", "学习计划", "考试成绩", "参数")


def _without(rows: list[dict], column: str) -> list[dict]:
    return [{k: v for k, v in row.items() if k != column} for row in rows]


def started(tmp_path) -> Store:
    store = Store(tmp_path)
    publish(store, county())
    return store


def opened(store: Store, session: str):
    current = store.current()
    data = store.read_bytes(current)
    workbook = read_workbook(data).workbook
    return open_session(workbook, base_side_raws(store, current), session, current.version)


def qs2_record(store: Store):
    """QS-2 held a day late, 60 minutes, off script; 张三 (host) oral, 王五 written; one
    outreach talk by 李四 (the speaker)."""
    session = opened(store, "QS-2")
    marks = {"Q01": ("出席", "口头"), "Q03": ("出席", "书面")}
    return session, replace(
        session.record,
        held_date=D(2026, 6, 2),
        minutes=60,
        off_script=True,
        draft_sent=D(2026, 5, 25),
        marks=tuple(Mark(m.member, *marks[m.member]) for m in session.record.marks),
        outreach=(OutreachRow(D(2026, 6, 20), "青山村", 50),),
    )


def test_opening_a_session_lists_the_members_in_post_with_speaker_and_host(tmp_path):
    session = opened(started(tmp_path), "QS-2")
    assert [(r.name, r.role) for r in session.roster] == [
        ("张三", "host"),
        ("李四", "speaker"),
        ("王五", None),
    ]
    # The speaker attends without a row; nothing is marked yet; 举行日期 defaults to 计划日期.
    assert [m.member for m in session.record.marks] == ["Q01", "Q03"]
    assert all(m.attendance is None for m in session.record.marks)
    assert session.record.held_date == D(2026, 6, 1)
    assert not session.held


def test_recording_a_session_writes_exactly_its_rows_and_the_credits_follow(tmp_path):
    store = started(tmp_path)
    first = store.read_bytes(store.current())
    session, record = qs2_record(store)
    accounts = Accounts(tmp_path)
    version, outcome = record_session(
        store, record, "青山文书", opened=session.rows, accounts=accounts
    )
    assert (version.version, version.comment, version.scope) == (2, "学习记录：QS-2", (QS,))
    final = store.read_bytes(version)
    assert read_workbook(final).ok
    assert records(final, "讲课记录") == [
        {"场次": "QS-1", "举行日期": "2026-03-01", "初稿发放日期": "2026-02-20", "时长": 60},
        {
            "场次": "QS-2",
            "举行日期": "2026-06-02",
            "初稿发放日期": "2026-05-25",
            "时长": 60,
            "脱稿": "是",
        },
        {"场次": "CG-1", "举行日期": "2026-03-05", "初稿发放日期": "2026-02-25", "时长": 70},
    ]
    assert records(final, "参学记录") == [
        {"场次": "QS-1", "姓名": "李四", "出勤": "出席", "点评": "口头"},
        {"场次": "QS-1", "姓名": "王五", "出勤": "请假", "点评": "书面"},
        {"场次": "QS-2", "姓名": "张三", "出勤": "出席", "点评": "口头"},
        {"场次": "QS-2", "姓名": "王五", "出勤": "出席", "点评": "书面"},
        {"场次": "CG-1", "姓名": "钱七", "出勤": "出席", "点评": "口头"},
    ]
    assert records(final, "宣讲记录") == [
        {"场次": "CG-1", "宣讲日期": "2026-03-20", "宣讲地点": "城关社区", "听众人数": 40},
        {"场次": "QS-2", "宣讲日期": "2026-06-20", "宣讲地点": "青山村", "听众人数": 50},
    ]
    for sheet in OTHER_SHEETS:  # untouched, cell for cell (the template adds 参数's 说明)
        assert _without(records(final, sheet), "说明") == records(first, sheet), sheet
    # Credits of 2026 (DOMAIN.md §5 defaults: 出席 2, 主讲 10, 主持 2, 口头 3, 书面 2, 宣讲 3):
    credits = build_report(read_workbook(final).workbook, 2026, D(2026, 12, 1)).members
    expected = {
        "张三": 2 + 10 + (2 + 2 + 3),  # QS-1 talk; QS-2 host, attended, oral = 19
        "李四": (2 + 2 + 3) + (2 + 10 + 3),  # QS-1 host, attended, oral; QS-2 talk + outreach = 22
        "王五": 2 + (2 + 2),  # QS-1 on leave, written; QS-2 attended, written = 6
        "赵六": 2 + 10 + 3,  # 城关镇 unchanged: CG-1 talk and outreach = 15
        "钱七": 2 + 2 + 3,  # CG-1 host, attended, oral = 7
    }
    assert dict(zip(credits["name"], credits["credits"], strict=True)) == expected
    # The audit log names the user and the session.
    (entry,) = [e for e in accounts.audit() if e["action"] == "record_session"]
    assert (entry["user"], entry["ok"]) == ("青山文书", True)
    # … and what it changed, as every publish (issue #24 item 5): QS-2's talk, the two marks
    # and the outreach talk, no 参数; the status count is of today's assessment (no 统计截止日期).
    prefix = (
        'v2 QS-2 diff {"rows":{"讲课记录":{"added":1},"参学记录":{"added":2},"宣讲记录":{"added":1}},'
        '"params":0,"statuses":'
    )
    assert entry["detail"].startswith(prefix), entry["detail"]
    diff = outcome.workbook_diff()
    assert diff is not None
    assert entry["detail"] == f"{prefix}{len(diff.statuses)}}}"


def test_the_pure_compose_keeps_the_other_groups_rows(tmp_path):
    data = county()
    raws, _ = raw_sheets(data)
    workbook = read_workbook(data).workbook
    session = open_session(workbook, raws, "CG-1")
    record = replace(session.record, minutes=80)
    outcome = compose_record(raws, workbook, record)
    assert not outcome.errors and not outcome.unchanged
    written = outcome.data()
    assert records(written, "讲课记录")[1] == {
        "场次": "CG-1",
        "举行日期": "2026-03-05",
        "初稿发放日期": "2026-02-25",
        "时长": 80,
    }
    for sheet in ("成员", "学习计划", "参学记录", "宣讲记录", "考试成绩"):
        assert records(written, sheet) == records(data, sheet), sheet
    # Recording a session as it is changes nothing.
    assert compose_record(raws, workbook, session.record).unchanged


def test_a_group_clerk_cannot_record_another_groups_session(tmp_path):
    store = started(tmp_path)
    accounts = Accounts(tmp_path)
    session = opened(store, "CG-1")
    record = replace(session.record, minutes=80)
    with pytest.raises(NotYourSession) as refused:
        record_session(store, record, "青山文书", groups=(QS,), accounts=accounts)
    assert refused.value.error.field == "session" and CG in refused.value.error.message
    assert store.current().version == 1
    assert [e["ok"] for e in accounts.audit() if e["action"] == "record_session"] == [False]
    # Their own group's session lands.
    _, own = qs2_record(store)
    assert record_session(store, own, "青山文书", groups=(QS,))[0].version == 2


@pytest.mark.parametrize(
    ("change", "field"),
    [({"minutes": -5}, "minutes"), ({"held_date": D(3026, 1, 1)}, "held_date")],
)
def test_a_bad_value_is_refused_at_its_field_and_nothing_is_published(tmp_path, change, field):
    store = started(tmp_path)
    _, record = qs2_record(store)
    with pytest.raises(RecordRejected) as rejected:
        record_session(store, replace(record, **change), "青山文书")
    errors = rejected.value.outcome.errors
    assert [e.field for e in errors] == [field]
    assert "不在" in errors[0].text()  # in Chinese
    assert store.current().version == 1 and len(store.versions()) == 1


def test_a_bad_mark_is_refused_beside_the_member(tmp_path):
    store = started(tmp_path)
    _, record = qs2_record(store)
    marks = (Mark("Q01", "出席", "口头"), Mark("Q03", "迟到", "口头"))
    with pytest.raises(RecordRejected) as rejected:
        record_session(store, replace(record, marks=marks), "青山文书")
    assert [(e.field, e.member) for e in rejected.value.outcome.errors] == [("attendance", "Q03")]
    assert store.current().version == 1


def test_a_stale_save_asks_first_and_different_sessions_both_land(tmp_path):
    store = started(tmp_path)
    first = opened(store, "QS-1")
    cg = opened(store, "CG-1")
    # Someone else records QS-1 meanwhile.
    other = replace(first.record, minutes=75)
    record_session(store, other, "管理员", opened=first.rows)
    mine = replace(first.record, minutes=90)
    with pytest.raises(StaleRecord) as stale:
        record_session(store, mine, "青山文书", opened=first.rows)
    assert stale.value.current == 2
    assert stale.value.changes == ["讲课记录新增 1 行", "讲课记录删去 1 行"]
    assert store.current().version == 2
    # Confirmed, it overwrites.
    version, _ = record_session(store, mine, "青山文书", opened=first.rows, confirm_stale=True)
    assert version.version == 3
    # CG-1, opened at v1, is another session: saving it is not stale and keeps QS-1's rows.
    version, _ = record_session(store, replace(cg.record, minutes=80), "城关文书", opened=cg.rows)
    talks = {r["场次"]: r["时长"] for r in records(store.read_bytes(version), "讲课记录")}
    assert talks == {"QS-1": 90, "CG-1": 80}


def test_nothing_changed_is_not_published(tmp_path):
    store = started(tmp_path)
    session = opened(store, "QS-1")
    with pytest.raises(IdenticalToCurrent):
        record_session(store, session.record, "青山文书", opened=session.rows)
    assert len(store.versions()) == 1


def test_the_default_session_is_the_nearest_held_or_due(tmp_path):
    workbook = read_workbook(county()).workbook
    assert default_session(workbook, QS, D(2026, 5, 1)) == "QS-1"
    assert default_session(workbook, QS, D(2026, 6, 1)) == "QS-2"
    assert default_session(workbook, QS, D(2026, 1, 1)) == "QS-1"  # none due: the first


def test_the_command_line_exit_codes(tmp_path, capsys):
    started(tmp_path)
    base = ["record-session", "--data", str(tmp_path), "--session", "QS-2", "--user", "文书"]
    marks = ["--mark", "张三=出席/口头", "--mark", "王五=请假/书面"]
    assert main([*base, "--held", "2026-06-02", "--minutes", "60", *marks, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "published": True,
        "version": 2,
        "session": "QS-2",
    }
    assert main([*base, *marks]) == 3  # the same again: nothing changed
    assert main([*base, "--minutes", "-5", "--json"]) == 1
    body = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert [e["field"] for e in body["errors"]] == ["minutes"]
    assert main([*base, "--mark", "某人=出席"]) == 1
    assert main([*base, "--mark", "张三=迟到"]) == 1
    rows = records(Store(tmp_path).read_bytes(Store(tmp_path).current()), "参学记录")
    assert {"场次": "QS-2", "姓名": "王五", "出勤": "请假", "点评": "书面"} in rows
    assert len(Store(tmp_path).versions()) == 2


def test_the_command_line_limits_a_group_clerk_to_their_groups(tmp_path):
    started(tmp_path)
    Accounts(tmp_path).add("青山文书", "correct horse 1", "clerk", [QS])
    argv = ["record-session", "--data", str(tmp_path), "--session", "CG-1"]
    assert main([*argv, "--user", "青山文书", "--minutes", "80"]) == 1
    assert len(Store(tmp_path).versions()) == 1


def test_the_signin_sheet_fits_one_a4_page_and_lists_the_members_in_post(tmp_path):
    book = openpyxl.load_workbook(
        io.BytesIO(signin_sheet_bytes(read_workbook(county()).workbook, "QS-2"))
    )
    sheet = book.active
    assert sheet.page_setup.paperSize == 9  # A4
    assert sheet.page_setup.orientation == "portrait"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 1)
    rows = [r for r in sheet.iter_rows(values_only=True) if r[0] is not None]
    header = rows.index(("序号", "姓名", "职务", "角色", "出勤", "签名"))
    assert rows[header + 1 : header + 4] == [
        (1, "张三", "书记", "主持", None, None),
        (2, "李四", "镇长", "主讲", None, None),
        (3, "王五", None, None, None, None),
    ]
    assert "基层治理" in rows[1][0]


def test_the_signin_sheet_command(tmp_path):
    path = tmp_path / "county.xlsx"
    path.write_bytes(county())
    out = tmp_path / "签到表.xlsx"
    assert main(["signin-sheet", str(path), "--session", "CG-1", str(out)]) == 0
    names = [
        r[1] for r in openpyxl.load_workbook(out).active.iter_rows(min_row=6, values_only=True)
    ]
    assert names[:2] == ["赵六", "钱七"]
    assert main(["signin-sheet", str(path), "--session", "XX-9", str(out)]) == 1


def test_two_clerks_saving_different_sessions_at_once_both_land(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    store = started(tmp_path)
    qs_session, qs = qs2_record(store)
    cg_session = opened(store, "CG-1")
    cg = replace(cg_session.record, minutes=80)
    jobs = [(qs, "青山文书", qs_session.rows), (cg, "城关文书", cg_session.rows)]
    with ThreadPoolExecutor(2) as pool:
        done = list(
            pool.map(
                lambda job: record_session(Store(tmp_path), job[0], job[1], opened=job[2])[0], jobs
            )
        )
    assert sorted(v.version for v in done) == [2, 3]
    final = store.read_bytes(store.current())
    talks = {r["场次"]: r["时长"] for r in records(final, "讲课记录")}
    assert talks == {"QS-1": 60, "QS-2": 60, "CG-1": 80}
    assert len([r for r in records(final, "参学记录") if r["场次"] == "QS-2"]) == 2


def test_rows_the_form_does_not_show_are_kept(tmp_path):
    """The speaker's own row and the row of a member who left before the session stay."""
    from tests.workbooks import ledger

    data = ledger(
        members=[
            ["张三", QS, "Q01", "书记", "是"],
            ["李四", QS, "Q02"],
            ["王五", QS, "Q03", None, None, None, None, D(2026, 2, 1)],  # left in February
        ],
        plan=[["QS-1", QS, D(2026, 3, 1), "理论学习", "张三", "李四"]],
        talks=[["QS-1", D(2026, 3, 1), D(2026, 2, 20), 60]],
        participation=[
            ["QS-1", "张三", "出席", "无"],
            ["QS-1", "李四", "出席", "口头"],
            ["QS-1", "王五", "请假", "书面"],
        ],
    )
    store = Store(tmp_path)
    publish(store, data)
    session = opened(store, "QS-1")
    assert [r.name for r in session.roster] == ["张三", "李四"]
    version, _ = record_session(store, replace(session.record, minutes=90), "文书")
    rows = [(r["姓名"], r["出勤"]) for r in records(store.read_bytes(version), "参学记录")]
    assert rows == [("李四", "出席"), ("张三", "出席"), ("王五", "请假")]
