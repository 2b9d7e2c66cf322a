"""One publish flow (issue #23): every way a version is made ends in one of four ways, said by
``attempt``; no page or command catches the store's exceptions itself."""

import ast
from pathlib import Path
from types import SimpleNamespace

from model.dev.sample import SAMPLE_PATH
from model.store.publish_flow import Ending, attempt
from model.store.publishing import prepare, publish
from model.store.record_types import RecordRejected
from model.store.versions import Store
from tests.workbooks import ledger
from tests.workbooks import publish as publish_bytes

ROOT = Path(__file__).resolve().parents[2]
ENDINGS = {"IdenticalToCurrent", "StaleUpload", "StaleRecord", "ScopedRejected", "RecordRejected"}


def _publisher(store, prepared):
    return lambda confirm: (publish(store, prepared, "文书", "", confirm), None)


def test_a_checked_upload_publishes_and_the_same_bytes_again_change_nothing(tmp_path):
    store = Store(tmp_path)
    data = SAMPLE_PATH.read_bytes()
    first = attempt(_publisher(store, prepare(store, data, "台账.xlsx")))
    assert (first.ending, first.version.version, first.published) == (Ending.PUBLISHED, 1, True)
    again = attempt(_publisher(store, prepare(store, data, "台账.xlsx")))
    assert (again.ending, again.current, again.version) == (Ending.UNCHANGED, 1, None)


def test_a_version_landing_meanwhile_is_stale_until_confirmed(tmp_path):
    store = Store(tmp_path)
    prepared = prepare(store, SAMPLE_PATH.read_bytes(), "台账.xlsx")  # checked on an empty store
    publish_bytes(store, ledger(members=[["张三", "城关镇党委"]]), user="同事")
    stale = attempt(_publisher(store, prepared))
    assert (stale.ending, stale.base, stale.current) == (Ending.STALE, None, 1)
    assert store.current().version == 1  # nothing published
    confirmed = attempt(_publisher(store, prepared), confirm_stale=True)
    assert (confirmed.ending, confirmed.version.version) == (Ending.PUBLISHED, 2)


def test_a_rejection_keeps_the_stores_exception_with_its_errors():
    outcome = SimpleNamespace(errors=["an error"])

    def rejected(_confirm):
        raise RecordRejected(outcome)  # type: ignore[arg-type]

    ended = attempt(rejected)
    assert ended.ending is Ending.REJECTED and ended.refusal.outcome.errors == ["an error"]


def test_one_publish_flow_no_page_or_command_catches_the_stores_endings():
    catching = []
    for path in [*sorted((ROOT / "model").rglob("*.py")), *sorted((ROOT / "pages").rglob("*.py"))]:
        if path.name == "publish_flow.py" and path.parent.name == "store":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ExceptHandler) and node.type is not None:
                names = {n.id for n in ast.walk(node.type) if isinstance(n, ast.Name)}
                if names & ENDINGS:
                    catching.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    # The store itself may catch its own refusals to log them and raise them on.
    assert [c for c in catching if not c.startswith("model/store/recording.py")] == []
