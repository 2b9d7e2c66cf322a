"""python -m model diff OLD NEW, and the diff that publish --json carries (issue #24)."""

import json
import subprocess
import sys

from model.store.versions import Store
from tests.store.county import CG, QS, county, edited
from tests.store.diff_pairs import base_rows, copy_rows, ledger_bytes, reformatted
from tests.workbooks import publish


def run_cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "model", *args], capture_output=True, text=True, check=False
    )


def files(tmp_path):
    """Old and new files: 讲课记录 QS-02's 时长 60 → 30, 参数 达标学分 30 → 40, and the new
    file reformatted (title row, widths, a row moved, text dates): nothing else changes."""
    old = base_rows()
    new = copy_rows(old)
    new["talks"][1][3] = 30
    new["settings"][0][1] = 40
    before, after = tmp_path / "旧.xlsx", tmp_path / "新.xlsx"
    before.write_bytes(ledger_bytes(old))
    after.write_bytes(reformatted(ledger_bytes(new)))
    return before, after


def test_diff_json_is_the_issue_shape_and_statuses_match_two_reports(tmp_path):
    before, after = files(tmp_path)
    done = run_cli("diff", str(before), str(after), "--json")
    assert done.returncode == 0, done.stderr
    body = json.loads(done.stdout)
    assert body == {
        "rows": [
            {
                "sheet": "讲课记录",
                "key": "QS-02",
                "change": "changed",
                "cells": [{"column": "时长", "old": 60, "new": 30}],
            }
        ],
        "params": [{"key": "达标学分", "old": 30, "new": 40}],
        "statuses": [
            {
                "group": QS,
                "name": "王五",
                "member_id": "Q03",
                "old": "passed",
                "new": "at_risk",
            },
            {
                "group": QS,
                "name": "赵六",
                "member_id": None,
                "old": "passed",
                "new": "at_risk",
            },
        ],
    }
    # The same statuses as two `report --json` runs of the year and date in force (the new
    # file's 统计截止日期 2026-11-15, its year 2026) disagree on.
    reports = [
        json.loads(run_cli("report", str(path), "--year", "2026", "--json").stdout)
        for path in (before, after)
    ]
    assert reports[1]["as_of"] == "2026-11-15"
    was, now = ({(m["group"], m["name"]): m for m in r["members"]} for r in reports)
    expected = [
        {
            "group": group,
            "name": name,
            "member_id": now[group, name]["member_id"],
            "old": was[group, name]["status"],
            "new": now[group, name]["status"],
        }
        for group, name in sorted(was)
        if was[group, name]["status"] != now[group, name]["status"]
    ]
    assert body["statuses"] == expected


def test_diff_of_the_same_content_says_so_and_exits_zero(tmp_path):
    data = ledger_bytes(base_rows())
    before, after = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    before.write_bytes(data)
    after.write_bytes(reformatted(data))
    as_json = run_cli("diff", str(before), str(after), "--json")
    assert as_json.returncode == 0
    assert json.loads(as_json.stdout) == {"rows": [], "params": [], "statuses": []}
    text = run_cli("diff", str(before), str(after))
    assert text.returncode == 0
    assert "内容相同" in text.stdout


def test_diff_text_lists_counts_settings_statuses_then_rows(tmp_path):
    before, after = files(tmp_path)
    done = run_cli("diff", str(before), str(after), "--as-of", "2026-11-15", "--year", "2026")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "  讲课记录：新增 0，删除 0，修改 1" in lines
    assert "  考试成绩：新增 0，删除 0，修改 0" in lines
    assert "  达标学分：30 → 40" in lines
    assert "  青山镇党委 王五：达标 → 风险" in lines
    assert lines[-1] == "  [讲课记录] QS-02 修改：时长 60 → 30"
    order = [i for i, line in enumerate(lines) if line.startswith(("各表", "参数", "考核", "逐行"))]
    assert [lines[i][:2] for i in order] == ["各表", "参数", "考核", "逐行"]


def test_an_as_of_date_asked_for_assesses_both_at_that_date(tmp_path):
    before, after = files(tmp_path)
    done = run_cli("diff", str(before), str(after), "--json", "--as-of", "2026-03-01")
    assert done.returncode == 0, done.stderr
    reports = [
        json.loads(
            run_cli("report", str(p), "--year", "2026", "--as-of", "2026-03-01", "--json").stdout
        )
        for p in (before, after)
    ]
    was, now = ({m["name"]: m["status"] for m in r["members"]} for r in reports)
    assert [(s["name"], s["old"], s["new"]) for s in json.loads(done.stdout)["statuses"]] == [
        (name, was[name], now[name]) for name in sorted(was) if was[name] != now[name]
    ]


def test_an_unreadable_file_exits_two_with_the_readers_words(tmp_path):
    good = tmp_path / "好.xlsx"
    good.write_bytes(ledger_bytes(base_rows()))
    broken = tmp_path / "坏.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    for args in ((str(broken), str(good)), (str(good), str(tmp_path / "没有.xlsx"))):
        done = run_cli("diff", *args, "--json")
        assert done.returncode == 2
        assert done.stdout == ""
        assert "无法读取" in done.stderr and "Traceback" not in done.stderr
    missing = run_cli("diff", "v7", str(good), "--data", str(tmp_path / "data"))
    assert missing.returncode == 2
    assert "没有版本 v7" in missing.stderr


def test_versions_of_the_store_compare_as_their_files_do(tmp_path):
    before, after = files(tmp_path)
    data = tmp_path / "data"
    publish(Store(data), before.read_bytes())
    publish(Store(data), after.read_bytes())
    by_version = run_cli("diff", "v1", "v2", "--json", "--data", str(data))
    by_file = run_cli("diff", str(before), str(after), "--json")
    assert by_version.returncode == 0, by_version.stderr
    assert json.loads(by_version.stdout) == json.loads(by_file.stdout)
    mixed = run_cli("diff", "v2", str(before), "--json", "--data", str(data))
    assert json.loads(mixed.stdout)["params"] == [{"key": "达标学分", "old": 40, "new": 30}]


def test_publish_json_carries_the_diff_against_the_version_it_replaces(tmp_path):
    before, after = files(tmp_path)
    data = tmp_path / "data"
    first = run_cli("publish", str(before), "--data", str(data), "--json")
    assert first.returncode == 0, first.stderr
    initial = json.loads(first.stdout)["diff"]
    # Nothing before it: every row added, every member newly assessed.
    assert sum(row["change"] == "added" for row in initial["rows"]) == len(initial["rows"]) > 20
    assert {s["old"] for s in initial["statuses"]} == {None}
    second = run_cli("publish", str(after), "--data", str(data), "--json")
    assert second.returncode == 0, second.stderr
    body = json.loads(second.stdout)
    assert (body["published"], body["version"], body["parent"]) == (True, 2, 1)
    expected = json.loads(run_cli("diff", str(before), str(after), "--json").stdout)
    assert body["diff"] == expected
    assert body["diff"]["params"] == [{"key": "达标学分", "old": 30, "new": 40}]


def test_scoped_publish_json_carries_only_the_clerks_groups_changes(tmp_path):
    data = tmp_path / "data"
    publish(Store(data), county())
    mine = tmp_path / "青山.xlsx"
    assert run_cli("download", str(mine), "--group", QS, "--data", str(data)).returncode == 0

    def edit(book):
        book["成员"].append(["孙八", QS, "Q04"])  # a member added
        exams = book["考试成绩"]
        for row in exams.iter_rows(min_row=2):
            if row[0].value == "张三":
                row[3].value = 55  # 张三's score 90 → 55

    mine.write_bytes(edited(mine.read_bytes(), edit))
    done = run_cli("publish", str(mine), "--group", QS, "--data", str(data), "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    diff = json.loads(done.stdout)["diff"]
    assert [(r["sheet"], r["key"], r["change"]) for r in diff["rows"]] == [
        ("成员", "Q04", "added"),
        ("考试成绩", f"{QS} / 张三 / 2026", "changed"),
    ]
    assert diff["rows"][1]["cells"] == [{"column": "成绩", "old": 90, "new": 55}]
    assert diff["params"] == []
    assert {s["group"] for s in diff["statuses"]} <= {QS}  # nothing of 城关镇 (CG)
    assert CG not in json.dumps(diff, ensure_ascii=False)
    assert ("孙八", None) in [(s["name"], s["old"]) for s in diff["statuses"]]


def test_a_file_with_errors_is_compared_but_not_assessed_and_exits_one(tmp_path):
    old = base_rows()
    new = copy_rows(old)
    new["exams"][0][3] = 55  # 张三 90 → 55 …
    new["participation"].append(["QS-01", "无名氏", "出席", "口头"])  # … and a name no one has
    before, after = tmp_path / "旧.xlsx", tmp_path / "新.xlsx"
    before.write_bytes(ledger_bytes(old))
    after.write_bytes(ledger_bytes(new))
    done = run_cli("diff", str(before), str(after), "--json")
    assert done.returncode == 1
    assert "新台账" in done.stderr and "未计算考核状态变化" in done.stderr
    assert "无名氏" in done.stderr  # the reader's own error, in Chinese
    body = json.loads(done.stdout)
    assert body["statuses"] == []
    assert body["rows"][0] == {
        "sheet": "参学记录",
        "key": "QS-01 / ",  # the name matches no member: no one to show
        "change": "added",
        "cells": [
            {"column": "场次", "old": None, "new": "QS-01"},
            {"column": "出勤", "old": None, "new": "出席"},
            {"column": "点评", "old": None, "new": "口头"},
        ],
    }
    assert body["rows"][1]["cells"] == [{"column": "成绩", "old": 90, "new": 55}]


def test_publish_and_restore_in_text_say_every_change_once_landed(tmp_path):
    # A command asks nobody before it lands, so it says what it moved: the 参数, the rows and
    # (below the counts) the statuses, as `diff` prints them. A first version says nothing more.
    before, after = files(tmp_path)
    data = tmp_path / "data"
    first = run_cli("publish", str(before), "--data", str(data))
    assert first.returncode == 0, first.stderr
    assert "达标学分" not in first.stdout and "对比" not in first.stdout
    second = run_cli("publish", str(after), "--data", str(data))
    assert second.returncode == 0, second.stderr
    lines = second.stdout.splitlines()
    assert lines[0].startswith("已发布 v2")
    assert lines[2].startswith("对比 v1 → v2")
    assert "  达标学分：30 → 40" in lines
    assert "  [讲课记录] QS-02 修改：时长 60 → 30" in lines
    restored = run_cli("restore", "1", "--data", str(data), "--user", "管理员")
    assert restored.returncode == 0, restored.stderr
    back = restored.stdout.splitlines()
    assert back[0] == "已把 v1 恢复为新版本 v3"
    assert back[2].startswith("对比 v2 → v3")
    assert "  达标学分：40 → 30" in back
    assert "  [讲课记录] QS-02 修改：时长 30 → 60" in back
