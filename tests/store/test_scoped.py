"""Scoped publish (issue 13): a group clerk replaces exactly their groups' rows of the county."""

import hashlib
import sqlite3
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from model.outputs.group_file import recorded_bases
from model.store.scoped import (
    ScopedRejected,
    check_upload,
    download_rows,
    last_updates,
    preview,
    publish_scoped,
)
from model.store.versions import IdenticalToCurrent, StaleUpload, Store
from model.workbook.reader import read_workbook
from tests.store.county import CG, QS, county, delete_rows_where, edited, records
from tests.workbooks import publish

SHEETS = ("成员", "学习计划", "讲课记录", "参学记录", "宣讲记录", "考试成绩")


def of_group(data: bytes, sheet: str, group: str) -> list[dict]:
    """The rows of ``group`` in a sheet, told by 中心组 or by the session's prefix."""
    prefix = "QS-" if group == QS else "CG-"
    return [
        row
        for row in records(data, sheet)
        if row.get("中心组") == group or str(row.get("场次", "")).startswith(prefix)
    ]


def started(tmp_path) -> Store:
    store = Store(tmp_path)
    publish(store, county())
    return store


def test_download_my_rows_holds_only_my_groups_rows_and_records_the_version(tmp_path):
    store = started(tmp_path)
    mine, version = download_rows(store, (QS,))
    assert version.version == 1
    assert [(r["姓名"], r["编号"]) for r in records(mine, "成员")] == [
        ("张三", "Q01"),
        ("李四", "Q02"),
        ("王五", "Q03"),
    ]
    assert [r["场次"] for r in records(mine, "学习计划")] == ["QS-1", "QS-2"]
    assert [r["场次"] for r in records(mine, "讲课记录")] == ["QS-1"]
    assert [(r["场次"], r["姓名"]) for r in records(mine, "参学记录")] == [
        ("QS-1", "李四"),
        ("QS-1", "王五"),
    ]
    assert records(mine, "宣讲记录") == []
    assert [(r["姓名"], r["成绩"]) for r in records(mine, "考试成绩")] == [("张三", 90)]
    # The county's 参数 (read-only), and the version the rows were cut from.
    assert [(r["参数"], r["值"]) for r in records(mine, "参数")] == [("及格分", 70)]
    assert recorded_bases(mine) == {QS: 1}
    assert read_workbook(mine).ok


def test_a_scoped_publish_changes_only_that_groups_rows(tmp_path):
    store = started(tmp_path)
    mine, _ = download_rows(store, (QS,))

    def edit(book):
        book["考试成绩"]["D2"] = 95  # 张三 90 → 95
        book["成员"].append(["孙八", QS, "Q04"])

    upload = check_upload(store, edited(mine, edit), "青山.xlsx", (QS,))
    version, outcome = publish_scoped(store, upload, "青山文书")
    assert (version.version, version.scope, version.user) == (2, (QS,), "青山文书")
    assert outcome.changes.members_added == [f"{QS} 孙八"]
    assert outcome.changes.exams_changed == 1
    final, first = store.read_bytes(version), store.read_bytes(store.get(1))
    for sheet in SHEETS:  # every cell of the other group as it was
        assert of_group(final, sheet, CG) == of_group(first, sheet, CG), sheet
    # The group's rows stay where they were in the county file.
    assert [(r["姓名"], r["中心组"]) for r in records(final, "成员")] == [
        ("张三", QS),
        ("李四", QS),
        ("王五", QS),
        ("孙八", QS),
        ("赵六", CG),
        ("钱七", CG),
    ]
    assert [(r["姓名"], r["成绩"]) for r in records(final, "考试成绩")] == [
        ("张三", 95),
        ("赵六", 85),
    ]
    assert read_workbook(final).ok
    # The clerk's own bytes are kept for audit, named by their sha256.
    assert store.upload_path(version).read_bytes() == upload.data


def test_a_member_or_session_missing_from_the_upload_is_removed(tmp_path):
    store = started(tmp_path)
    mine, _ = download_rows(store, (QS,))

    def edit(book):
        delete_rows_where(book["成员"], 1, "王五")
        delete_rows_where(book["参学记录"], 2, "王五")
        delete_rows_where(book["学习计划"], 1, "QS-2")

    upload = check_upload(store, edited(mine, edit), "青山.xlsx", (QS,))
    shown = preview(store, upload)
    assert shown.errors == []
    assert shown.changes.members_removed == [f"{QS} 王五"]
    assert shown.changes.sessions_removed == ["QS-2"]
    version, _ = publish_scoped(store, upload, "青山文书")
    final = store.read_bytes(version)
    assert [r["姓名"] for r in records(final, "成员")] == ["张三", "李四", "赵六", "钱七"]
    assert [r["场次"] for r in records(final, "学习计划")] == ["QS-1", "CG-1"]
    assert [(r["场次"], r["姓名"]) for r in records(final, "参学记录")] == [
        ("QS-1", "李四"),
        ("CG-1", "钱七"),
    ]


def test_a_session_or_member_id_of_another_group_is_an_error_at_the_uploads_cell(tmp_path):
    store = started(tmp_path)
    mine, _ = download_rows(store, (QS,))

    def edit(book):
        book["学习计划"]["A3"] = "CG-1"  # QS-2 renamed to 城关镇's session
        book["成员"]["C4"] = "C02"  # 王五 given 钱七's 编号

    upload = check_upload(store, edited(mine, edit), "青山.xlsx", (QS,))
    assert upload.errors == []  # the file is valid on its own
    shown = preview(store, upload)
    found = sorted((e.code, e.sheet, e.cell, e.value) for e in shown.errors)
    assert found == [
        ("MEMBER_ID_OF_OTHER_GROUP", "成员", "C4", "C02"),
        ("SESSION_OF_OTHER_GROUP", "学习计划", "A3", "CG-1"),
    ]
    assert all(CG in e.message for e in shown.errors)
    with pytest.raises(ScopedRejected):
        publish_scoped(store, upload, "青山文书")
    assert [v.version for v in store.versions()] == [1]


def test_other_groups_rows_in_a_scoped_upload_are_ignored_and_counted(tmp_path):
    store = started(tmp_path)

    def edit(book):  # the whole county file: 城关镇's rows changed too, and 青山镇's exam
        book["成员"]["A5"] = "赵六六"
        book["考试成绩"]["D3"] = 10  # 赵六 85 → 10
        book["考试成绩"]["D2"] = 95  # 张三 90 → 95

    upload = check_upload(store, edited(county(), edit), "全县.xlsx", (QS,))
    version, outcome = publish_scoped(store, upload, "青山文书")
    assert outcome.ignored == {
        "成员": 2,
        "学习计划": 1,
        "讲课记录": 1,
        "参学记录": 1,
        "宣讲记录": 1,
        "考试成绩": 1,
    }
    final = store.read_bytes(version)
    assert [(r["姓名"], r["成绩"]) for r in records(final, "考试成绩")] == [
        ("张三", 95),
        ("赵六", 85),
    ]
    assert [r["姓名"] for r in records(final, "成员")] == ["张三", "李四", "王五", "赵六", "钱七"]


def test_a_scoped_uploads_settings_are_ignored_with_a_notice(tmp_path):
    store = started(tmp_path)
    data = county(settings=(("及格分", 80), ("时长下限", "很长")))  # a bad value, too
    data = edited(data, lambda book: book["考试成绩"].__setitem__("D2", 95))
    upload = check_upload(store, data, "青山.xlsx", (QS,))
    assert upload.errors == []
    version, outcome = publish_scoped(store, upload, "青山文书")
    assert outcome.notices == ["SETTINGS_IGNORED"]
    final = read_workbook(store.read_bytes(version)).workbook
    assert (final.params.exam_pass_mark, final.params.min_minutes) == (70, 45)


def test_an_unchanged_scoped_upload_publishes_nothing(tmp_path):
    store = started(tmp_path)
    mine, _ = download_rows(store, (QS,))
    upload = check_upload(store, mine, "青山.xlsx", (QS,))
    with pytest.raises(IdenticalToCurrent):
        publish_scoped(store, upload, "青山文书")
    assert len(store.versions()) == 1


def test_the_stale_warning_fires_only_when_my_own_groups_changed(tmp_path):
    store = started(tmp_path)
    qs_file, _ = download_rows(store, (QS,))
    cg_file, _ = download_rows(store, (CG,))
    cg_edit = edited(cg_file, lambda book: book["考试成绩"].__setitem__("D2", 60))
    publish_scoped(store, check_upload(store, cg_edit, "城关.xlsx", (CG,)), "城关文书")  # v2
    qs_edit = edited(qs_file, lambda book: book["考试成绩"].__setitem__("D2", 95))
    version, _ = publish_scoped(store, check_upload(store, qs_edit, "青山.xlsx", (QS,)), "甲")
    assert version.version == 3  # cut from v1, but only 城关镇 changed since: no warning
    again = edited(qs_file, lambda book: book["考试成绩"].__setitem__("D2", 50))
    with pytest.raises(StaleUpload) as stale:
        publish_scoped(store, check_upload(store, again, "青山.xlsx", (QS,)), "乙")
    assert (stale.value.expected, stale.value.current) == (1, 3)


def _clerk_publishes(args):
    root, group, path = args
    store = Store(root)
    upload = check_upload(store, Path(path).read_bytes(), Path(path).name, (group,))
    try:
        return publish_scoped(store, upload, group)[0].version
    except StaleUpload:
        return "stale"


def _two_files(tmp_path, store, first, second):
    paths = []
    for name, (group, score) in (("a.xlsx", first), ("b.xlsx", second)):
        mine, _ = download_rows(store, (group,))
        path = tmp_path / name
        path.write_bytes(edited(mine, lambda book, s=score: book["考试成绩"].__setitem__("D2", s)))
        paths.append((str(tmp_path / "data"), group, str(path)))
    return paths


def test_two_groups_publishing_at_once_from_two_processes_both_land(tmp_path):
    store = Store(tmp_path / "data")
    publish(store, county())
    jobs = _two_files(tmp_path, store, (QS, 95), (CG, 60))
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = sorted(pool.map(_clerk_publishes, jobs))
    assert results == [2, 3]
    final = store.read_bytes(store.current())
    assert [(r["姓名"], r["成绩"]) for r in records(final, "考试成绩")] == [
        ("张三", 95),
        ("赵六", 60),
    ] or [(r["姓名"], r["成绩"]) for r in records(final, "考试成绩")] == [
        ("赵六", 60),
        ("张三", 95),
    ]


def test_the_same_group_from_two_processes_the_second_is_told_its_base_is_stale(tmp_path):
    store = Store(tmp_path / "data")
    publish(store, county())
    jobs = _two_files(tmp_path, store, (QS, 95), (QS, 50))
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = sorted(pool.map(_clerk_publishes, jobs), key=str)
    assert results == [2, "stale"]
    assert [v.version for v in store.versions()] == [2, 1]


def test_each_groups_last_update_is_its_own_last_publish_or_a_whole_one(tmp_path):
    store = started(tmp_path)  # v1: the whole county
    mine, _ = download_rows(store, (QS,))
    changed = edited(mine, lambda book: book["考试成绩"].__setitem__("D2", 95))
    publish_scoped(store, check_upload(store, changed, "青山.xlsx", (QS,)), "青山文书")  # v2
    updates = last_updates(store.versions(), [QS, CG])
    assert {group: v.version for group, v in updates.items()} == {QS: 2, CG: 1}


def test_an_error_of_the_composed_rows_is_moved_to_the_uploads_own_cell():
    from model.store.group_rows import at_upload_cells, compose
    from model.workbook.errors import make_error
    from model.workbook.reader import raw_sheets
    from tests.workbooks import MEMBERS_HEADER, PLAN_HEADER, xlsx

    # The clerk's sheet has a title row and its columns in another order: 编号 first.
    upload = xlsx(
        {
            "members": [["青山镇成员"], ["编号", *MEMBERS_HEADER[:2]], ["Q01", "张三", QS]],
            "学习计划": [PLAN_HEADER],
        }
    )
    composition = compose(raw_sheets(county())[0], raw_sheets(upload)[0], (QS,))
    assert composition.origin["members"] == [3]  # composed row 2 is the upload's row 3
    error = make_error("REQUIRED_EMPTY", sheet="成员", row=2, column="编号", column_index=2)
    moved = at_upload_cells([error], composition, raw_sheets(upload)[0])
    assert [(e.sheet, e.row, e.cell) for e in moved] == [("members", 3, "A3")]


def test_an_index_of_an_older_release_is_migrated_and_keeps_its_versions(tmp_path):
    old_schema = """CREATE TABLE versions (version INTEGER PRIMARY KEY, published_at TEXT NOT NULL,
        user TEXT NOT NULL, original_name TEXT NOT NULL, size INTEGER NOT NULL,
        sha256 TEXT NOT NULL, row_counts TEXT NOT NULL, finding_counts TEXT NOT NULL,
        parent INTEGER, comment TEXT NOT NULL DEFAULT '', file_name TEXT NOT NULL)"""
    store = Store(tmp_path)
    data = county()
    sha = hashlib.sha256(data).hexdigest()
    store.files.mkdir(parents=True)
    (store.files / "v00001-old.xlsx").write_bytes(data)
    with sqlite3.connect(store.index) as connection:
        connection.execute(old_schema)
        connection.execute(
            "INSERT INTO versions VALUES (1, '2026-01-02T03:04:05', '文书', 'a.xlsx', ?, ?,"
            " '{}', '{}', NULL, '', 'v00001-old.xlsx')",
            (len(data), sha),
        )
    (old,) = store.versions()
    assert (old.version, old.user, old.scope, old.upload_sha) == (1, "文书", None, None)
    mine, _ = download_rows(store, (QS,))
    changed = edited(mine, lambda book: book["考试成绩"].__setitem__("D2", 95))
    publish_scoped(store, check_upload(store, changed, "青山.xlsx", (QS,)), "甲")
    assert [(v.version, v.scope) for v in store.versions()] == [(2, (QS,)), (1, None)]
