"""python -m model download / publish --group: the group clerk's loop from a script."""

import json
import subprocess
import sys

from model.store.versions import Store
from tests.store.county import CG, QS, county, edited, records
from tests.workbooks import publish


def run_cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "model", *args], capture_output=True, text=True, check=False
    )


def test_cli_download_edit_and_publish_one_group(tmp_path):
    data = tmp_path / "data"
    publish(Store(data), county())
    mine = tmp_path / "青山.xlsx"
    assert run_cli("download", str(mine), "--group", QS, "--data", str(data)).returncode == 0
    assert [r["姓名"] for r in records(mine.read_bytes(), "成员")] == ["张三", "李四", "王五"]

    unchanged = run_cli("publish", str(mine), "--group", QS, "--data", str(data), "--json")
    assert unchanged.returncode == 3
    assert json.loads(unchanged.stdout)["unchanged"] is True

    mine.write_bytes(
        edited(mine.read_bytes(), lambda book: book["成员"].append(["孙八", QS, "Q04"]))
    )
    done = run_cli(
        "publish", str(mine), "--group", QS, "--data", str(data), "--user", "青山文书", "--json"
    )
    assert done.returncode == 0, done.stdout + done.stderr
    body = json.loads(done.stdout)
    assert (body["published"], body["version"], body["scope"]) == (True, 2, [QS])
    assert body["ignored_rows"] == {}
    assert body["changes"]["members_added"] == 1
    assert body["changes"]["members_removed"] == 0

    # The same file again, cut from v1: 青山镇 changed since (v2), so it is refused as stale.
    mine.write_bytes(
        edited(mine.read_bytes(), lambda book: book["成员"].append(["周九", QS, "Q05"]))
    )
    stale = run_cli("publish", str(mine), "--group", QS, "--data", str(data), "--json")
    assert stale.returncode == 4
    assert json.loads(stale.stdout)["stale"] == {"base": 1, "current": 2}

    listed = json.loads(run_cli("versions", "--data", str(data), "--json").stdout)
    assert [(v["version"], v["scope"], v["user"]) for v in listed] == [
        (2, [QS], "青山文书"),
        (1, None, "文书"),
    ]


def test_cli_scoped_publish_rejects_another_groups_session_at_its_cell(tmp_path):
    data = tmp_path / "data"
    publish(Store(data), county())
    mine = tmp_path / "城关.xlsx"
    run_cli("download", str(mine), "--group", CG, "--data", str(data))
    new_session = ["QS-2", CG, "2026-09-01", "法治建设", "赵六", "钱七"]  # 青山镇's id
    mine.write_bytes(edited(mine.read_bytes(), lambda book: book["学习计划"].append(new_session)))
    rejected = run_cli("publish", str(mine), "--group", CG, "--data", str(data), "--json")
    assert rejected.returncode == 1
    errors = json.loads(rejected.stdout)["errors"]
    assert [(e["code"], e["sheet"], e["cell"], e["value"]) for e in errors] == [
        ("SESSION_OF_OTHER_GROUP", "学习计划", "A3", "QS-2")
    ]
    assert len(Store(data).versions()) == 1


def test_cli_scoped_publish_in_text_says_the_rows_it_moved(tmp_path):
    data = tmp_path / "data"
    publish(Store(data), county())
    mine = tmp_path / "青山.xlsx"
    assert run_cli("download", str(mine), "--group", QS, "--data", str(data)).returncode == 0
    mine.write_bytes(
        edited(mine.read_bytes(), lambda book: book["成员"].append(["孙八", QS, "Q04"]))
    )
    done = run_cli("publish", str(mine), "--group", QS, "--data", str(data))
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert any(line.startswith("对比 v1 → v2") for line in lines)
    assert "  成员：新增 1，删除 0，修改 0" in lines
    assert [line for line in lines if line.startswith("  [")] == [
        "  [成员] Q04 新增：姓名 孙八；中心组 青山镇党委；编号 Q04"
    ]
