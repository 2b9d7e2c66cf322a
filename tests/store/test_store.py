"""The versioned store: atomic publish, crash safety, concurrency, duplicates, restore."""

import json
import os
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor

import pytest

from model.store.publishing import prepare, publish
from model.store.versions import IdenticalToCurrent, StaleUpload, Store
from model.workbook.reader import read_workbook
from tests import formats
from tests.workbooks import ledger

MEMBERS = [["张三", "城关镇党委", None, "书记", "是"], ["李四", "城关镇党委"]]


def book(*extra_members) -> bytes:
    return ledger(members=[*MEMBERS, *extra_members])


def put(store: Store, data: bytes, **kw):
    return store.publish(
        data, user="文书", original_name="台账.xlsx", row_counts={}, finding_counts={}, **kw
    )


def test_publish_keeps_every_version_and_the_latest_is_current(tmp_path):
    store = Store(tmp_path)
    assert store.current() is None and store.versions() == []
    data = book()  # built once: openpyxl stamps the time, so two builds may differ
    first = put(store, data)
    second = put(store, book(["王五", "城关镇党委"]))
    assert (first.version, second.version, second.parent) == (1, 2, 1)
    assert store.current().version == 2
    assert [v.version for v in store.versions()] == [2, 1]
    assert store.read_bytes(first) == data
    assert store.file_path(second).name.startswith("v00002-")


def test_identical_bytes_are_recognised(tmp_path):
    store = Store(tmp_path)
    data = book()
    put(store, data)
    with pytest.raises(IdenticalToCurrent):
        put(store, data)
    assert len(store.versions()) == 1
    assert [v.version for v in store.find_sha(store.current().sha256)] == [1]


def test_a_stale_upload_must_be_confirmed(tmp_path):
    store = Store(tmp_path)
    put(store, book())
    prepared = prepare(store, book(["赵六", "城关镇党委"]), "mine.xlsx")  # against v1
    put(store, book(["王五", "城关镇党委"]))  # a colleague publishes v2 meanwhile
    with pytest.raises(StaleUpload) as stale:
        publish(store, prepared, "文书")
    assert (stale.value.expected, stale.value.current) == (1, 2)
    assert store.current().version == 2
    confirmed = publish(store, prepared, "文书", confirm_stale=True)
    assert (confirmed.version, confirmed.parent) == (3, 2)


def test_a_crash_between_writing_and_renaming_leaves_the_previous_version(tmp_path, monkeypatch):
    store = Store(tmp_path)
    put(store, book())

    def crash(*args, **kwargs):
        raise OSError("power cut")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="power cut"):
        put(store, book(["王五", "城关镇党委"]))
    monkeypatch.undo()
    assert store.current().version == 1
    assert read_workbook(store.read_bytes(store.current())).ok
    assert sorted(p.name for p in store.files.iterdir() if p.suffix == ".tmp") == []
    assert put(store, book(["王五", "城关镇党委"])).version == 2


def test_a_crash_after_renaming_before_commit_is_not_a_version(tmp_path, monkeypatch):
    store = Store(tmp_path)
    put(store, book())
    import model.store.versions as store_module

    def crash(path):
        raise OSError("killed before commit")

    monkeypatch.setattr(store_module, "_fsync_dir", crash)
    with pytest.raises(OSError):
        put(store, book(["王五", "城关镇党委"]))
    monkeypatch.undo()
    assert store.current().version == 1  # the index never saw v2
    assert put(store, book(["王五", "城关镇党委"])).version == 2  # and v2 is free again


def _publish_in_process(args):
    root, number = args
    store = Store(root)
    data = ledger(members=[*MEMBERS, [f"成员{number}", "城关镇党委"]])
    return put(store, data).version


def test_two_processes_publishing_at_once_get_two_consistent_versions(tmp_path):
    with ProcessPoolExecutor(max_workers=2) as pool:
        numbers = sorted(pool.map(_publish_in_process, [(tmp_path, n) for n in range(6)]))
    assert numbers == [1, 2, 3, 4, 5, 6]
    store = Store(tmp_path)
    versions = store.versions()
    assert [v.parent for v in reversed(versions)] == [None, 1, 2, 3, 4, 5]
    for version in versions:
        assert read_workbook(store.read_bytes(version)).ok


def test_restore_publishes_an_old_version_again(tmp_path):
    store = Store(tmp_path)
    first = book()  # built once: openpyxl stamps the time, so two builds may differ
    put(store, first)
    put(store, book(["王五", "城关镇党委"]))
    restored = store.restore(1, "管理员")
    assert (restored.version, restored.comment, restored.user) == (3, "恢复自 v1", "管理员")
    assert store.read_bytes(restored) == first
    assert len(store.versions()) == 3  # nothing deleted
    with pytest.raises(IdenticalToCurrent):
        store.restore(1, "管理员")


def test_a_tampered_file_is_detected(tmp_path):
    store = Store(tmp_path)
    version = put(store, book())
    store.file_path(version).write_bytes(b"changed")
    with pytest.raises(OSError, match="sha256"):
        store.read_bytes(version)


def run_cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "model", *args], capture_output=True, text=True, check=False
    )


def test_cli_publish_versions_restore(tmp_path):
    data = tmp_path / "data"
    good, bad = tmp_path / "good.xlsx", tmp_path / "bad.xlsx"
    good.write_bytes(book())
    bad.write_bytes(ledger(members=[["张三", None]]))
    first = run_cli(
        "publish", str(good), "--data", str(data), "--user", "文书", "--comment", "首版", "--json"
    )
    assert first.returncode == 0
    assert json.loads(first.stdout)["version"] == 1
    assert run_cli("publish", str(good), "--data", str(data)).returncode == 3
    rejected = run_cli("publish", str(bad), "--data", str(data), "--json")
    assert rejected.returncode == 1
    assert json.loads(rejected.stdout)["errors"][0]["cell"] == "B2"
    good.write_bytes(book(["王五", "城关镇党委"]))
    assert run_cli("publish", str(good), "--data", str(data)).returncode == 0
    assert run_cli("restore", "1", "--data", str(data), "--user", "管理员").returncode == 0
    listed = json.loads(run_cli("versions", "--data", str(data), "--json").stdout)
    assert [(v["version"], v["user"], v["comment"]) for v in listed] == [
        (3, "管理员", "恢复自 v1"),
        (2, "cli", ""),
        (1, "文书", "首版"),
    ]
    assert listed[2]["row_counts"]["成员"] == 2


def test_an_xls_is_kept_as_sent_and_restored_as_xls(tmp_path):
    store = Store(tmp_path)
    xls = formats.XLS_FIXTURE.read_bytes()
    first = put(store, xls, file_format="xls")
    put(store, book())
    restored = store.restore(first.version, "管理员")
    for version in (first, restored):
        assert version.file_format == "xls" and store.file_path(version).suffix == ".xls"
        assert store.read_bytes(version) == xls
    assert store.versions()[1].file_format == "xlsx"


def test_publishing_an_ods_stores_the_original_and_versions_json_names_its_format(tmp_path):
    ods = formats.as_ods(formats.without_errors())
    source = tmp_path / "台账.ods"
    source.write_bytes(ods)
    data = tmp_path / "data"
    run = subprocess.run(
        [sys.executable, "-m", "model", "publish", str(source), "--data", str(data)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    store = Store(data)
    assert store.read_bytes(store.current()) == ods
    listing = subprocess.run(
        [sys.executable, "-m", "model", "versions", "--data", str(data), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    (version,) = json.loads(listing.stdout)
    assert (version["format"], version["original_name"]) == ("ods", "台账.ods")
