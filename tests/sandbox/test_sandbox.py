"""The sandbox (issue #23): tasks by name, plain data both ways, and how a child fails.

A child over its limits is FILE_TOO_COMPLEX; a child that raises is READER_FAILED, logged with
its traceback under an incident id, and never FILE_TOO_COMPLEX.
"""

from __future__ import annotations

import ast
import json
import logging
import re
import subprocess
import sys
from pathlib import Path

import pytest

from model import sandbox
from model.sandbox import LimitExceeded, Limits, Plain, TaskRaised, registry, runner
from model.workbook.isolation import failed_read
from tests import sandbox_tasks as tasks

ROOT = Path(__file__).resolve().parents[2]
RAISING = [
    (tasks.RAISES, "value", "ValueError"),
    (tasks.RAISES, "key", "KeyError"),
    (tasks.PANICS, None, "Panic"),
    (tasks.EXITS, None, "SystemExit"),
    (tasks.ENCODING_FAILS, None, "TypeError"),
    (tasks.DECODING_FAILS, None, "ValueError"),
]


def test_a_task_gets_its_json_and_bytes_and_answers_with_plain_data():
    blob = bytes(range(256)) * 4096
    answer = sandbox.run(tasks.ECHO, Plain({"n": [1, "二", None]}, {"file": blob, "empty": b""}))
    assert answer.data == {"data": {"n": [1, "二", None]}, "sizes": {"file": len(blob), "empty": 0}}
    assert answer.blobs == {"file": blob, "empty": b""}


def test_a_task_is_found_by_name_and_its_module_is_imported_by_the_zygote():
    assert sandbox.run("test.echo", Plain(7)).data["data"] == 7
    assert "tests.sandbox_tasks" in registry.modules()
    assert "model.workbook.isolation" in registry.modules()


def test_a_child_starts_with_the_modules_of_the_tasks_imported():
    """A fork per read: the reader was imported once, by the zygote, not again in each child."""
    sandbox.warm()
    assert "model.workbook.isolation" in runner._zygote.modules
    names = ["model.workbook.isolation", "model.workbook.reader", "fastexcel"]
    assert sandbox.run(tasks.LOADED, Plain(names)).data == names


def test_a_name_is_registered_by_one_module_only():
    with pytest.raises(ValueError, match="already registered"):
        registry.register("read", len, encode=Plain, decode=len)


@pytest.mark.parametrize(
    ("task", "argument", "error"), RAISING, ids=lambda v: getattr(v, "name", v)
)
def test_a_raising_task_is_reader_failed_never_too_complex(caplog, task, argument, error):
    caplog.set_level(logging.ERROR, logger="model.sandbox")
    with pytest.raises(TaskRaised) as raised:
        sandbox.run(task, Plain(argument), Limits(memory_mb=1024, seconds=30))
    incident = raised.value.incident
    assert re.fullmatch(r"[0-9a-f]{8}", incident)
    [record] = [r for r in caplog.records if incident in r.getMessage()]
    assert record.levelno == logging.ERROR
    assert error in record.getMessage() and "Traceback" in record.getMessage()
    [reported] = failed_read(raised.value, Limits()).errors
    assert reported.code == "READER_FAILED"
    assert incident in reported.message and "管理员" in reported.message
    assert incident in reported.text("en")[0]


@pytest.mark.parametrize(
    ("task", "argument", "limits", "timed_out"),
    [
        (tasks.SLEEPS, 30, Limits(seconds=0.5), True),
        (tasks.ALLOCATES, 2048, Limits(memory_mb=600, seconds=30), False),
        (tasks.DIES, None, Limits(seconds=30), False),
    ],
    ids=["time", "memory", "killed"],
)
def test_a_child_over_its_limits_is_too_complex(task, argument, limits, timed_out):
    with pytest.raises(LimitExceeded) as exceeded:
        sandbox.run(task, Plain(argument), limits)
    assert exceeded.value.timed_out is timed_out
    [reported] = failed_read(exceeded.value, limits).errors
    assert reported.code == "FILE_TOO_COMPLEX"
    assert ("秒" in reported.message) is timed_out


FORKED_READ_RAISES = """
import json, logging, sys
logging.basicConfig(level=logging.ERROR, stream=sys.stderr)
import model.workbook.reader as reader
from model.sandbox import fork_here
from model.workbook.isolation import read_isolated
from tests import hostile_files as hostile

def broken(*args, **kwargs):
    raise KeyError("['value'] not in index")

fork_here()
reader._read = broken  # the forked child inherits the broken reader
result = read_isolated(hostile.clean(), 20 * 2**20)
print(json.dumps([[e.code, e.fields.get("incident"), e.message] for e in result.errors]))
"""


def test_a_reader_that_raises_in_a_forked_child_is_reader_failed_and_logged():
    run = subprocess.run(
        [sys.executable, "-c", FORKED_READ_RAISES],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr
    [[code, incident, message]] = json.loads(run.stdout)
    assert code == "READER_FAILED" and incident in message
    assert f"incident {incident}" in run.stderr
    assert "KeyError" in run.stderr and "in broken" in run.stderr


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at module level or inside functions."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_the_sandbox_imports_none_of_the_layers_that_use_it():
    files = sorted((ROOT / "model" / "sandbox").glob("*.py"))
    assert files
    for path in files:
        ours = {m for m in _imports(path) if m == "model" or m.startswith("model.")}
        assert ours <= {m for m in ours if m.startswith("model.sandbox")}, path.name


def test_nothing_in_model_unpickles():
    for path in (ROOT / "model").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "pickle" not in text, path
        assert not {"pickle", "marshal", "shelve", "dill", "cloudpickle"} & _imports(path), path
