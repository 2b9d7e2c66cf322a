"""The diff where the store uses it: an upload's preview, a restore, two versions, a scoped
publish (issue #24)."""

from model.store.publishing import prepare, publish, published_diff, version_diff
from model.store.scoped import check_upload, preview, publish_scoped
from model.store.versions import Store
from model.store.workbook_diff import CellChange, ParamChange, RowChange
from tests.store.county import QS, county, edited
from tests.store.diff_pairs import base_rows, copy_rows, ledger_bytes
from tests.workbooks import publish as publish_bytes


def pair() -> tuple[bytes, bytes]:
    old = base_rows()
    new = copy_rows(old)
    new["talks"][1][3] = 30  # 讲课记录 QS-02 时长 60 → 30
    new["settings"][0][1] = 40  # 达标学分 30 → 40
    return ledger_bytes(old), ledger_bytes(new)


TALK = RowChange("讲课记录", "QS-02", "changed", [CellChange("时长", 60, 30)], QS, 3, 3)


def test_an_uploads_diff_is_against_the_version_current_when_checked(tmp_path):
    store = Store(tmp_path)
    old, new = pair()
    publish_bytes(store, old)
    prepared = prepare(store, new, "新.xlsx")
    diff = prepared.diff()
    assert diff is not None
    assert diff.rows == [TALK]
    assert diff.params == [ParamChange("达标学分", 30, 40)]
    assert [(s.name, s.old, s.new) for s in diff.statuses] == [
        ("王五", "passed", "at_risk"),
        ("赵六", "passed", "at_risk"),
    ]
    assert prepared.diff() is diff  # made once
    version = publish(store, prepared, "文书")
    assert published_diff(store, prepared, version) is diff


def test_a_version_landing_between_check_and_publish_is_what_the_diff_is_against(tmp_path):
    store = Store(tmp_path)
    old, new = pair()
    publish_bytes(store, old)
    prepared = prepare(store, new, "新.xlsx")
    meanwhile = copy_rows(base_rows())
    meanwhile["talks"][1][3] = 45  # someone else set QS-02 to 45 meanwhile
    publish_bytes(store, ledger_bytes(meanwhile))
    version = publish(store, prepared, "文书", confirm_stale=True)
    diff = published_diff(store, prepared, version)
    assert diff is not None and version.parent == 2
    assert [(r.key, r.cells) for r in diff.rows] == [("QS-02", [CellChange("时长", 45, 30)])]


def test_restoring_and_comparing_versions(tmp_path):
    store = Store(tmp_path)
    old, new = pair()
    first = publish_bytes(store, old)
    second = publish_bytes(store, new)
    # Restoring v1 while v2 is current: everything v2 changed, going back.
    restore = version_diff(store, second, first)
    assert restore is not None
    assert [(r.key, r.cells) for r in restore.rows] == [("QS-02", [CellChange("时长", 30, 60)])]
    assert restore.params == [ParamChange("达标学分", 40, 30)]
    assert [(s.name, s.old, s.new) for s in restore.statuses] == [
        ("王五", "at_risk", "passed"),
        ("赵六", "at_risk", "passed"),
    ]
    compared = version_diff(store, first, second)
    assert compared is not None and compared.rows == [TALK]
    same = version_diff(store, first, first)
    assert same is not None and same.empty


def test_a_scoped_outcome_diffs_the_clerks_groups_only(tmp_path):
    store = Store(tmp_path)
    publish_bytes(store, county())

    def edit(book):
        for row in book["考试成绩"].iter_rows(min_row=2):
            if row[0].value == "赵六":  # 城关镇 (not the clerk's): ignored
                row[3].value = 10
            if row[0].value == "张三":
                row[3].value = 55

    upload = check_upload(store, edited(county(), edit), "青山.xlsx", (QS,))
    shown = preview(store, upload)
    assert shown is not None
    diff = shown.workbook_diff()
    assert diff is not None
    assert [(r.sheet, r.key, r.cells) for r in diff.rows] == [
        ("考试成绩", f"{QS} / 张三 / 2026", [CellChange("成绩", 90, 55)])
    ]
    assert diff.params == []
    _, outcome = publish_scoped(store, upload, "青山文书")
    published = outcome.workbook_diff()
    assert published is not None and published.rows == diff.rows
