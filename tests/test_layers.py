"""The layers import one way (issue #23): every import in model/, at module level or inside a
function (``if TYPE_CHECKING:`` blocks aside: they never run), goes down, never up or around.

  sandbox                      nothing of ours
  texts                        nothing of ours
  workbook                     texts, sandbox
  engine                       texts, workbook
  outputs                      texts, workbook, engine
  dev                          texts, workbook, engine, outputs
  store                        texts, workbook, engine, outputs, dev
  the command line, on top     anything
"""

from __future__ import annotations

import ast
from pathlib import Path

MODEL = Path(__file__).resolve().parents[1] / "model"
BASE = {"_gc"}  # helpers every layer may use
ALLOWED = {
    "sandbox": set(),
    "texts": set(),
    "workbook": {"texts", "sandbox"},
    "engine": {"texts", "workbook", "sandbox"},
    "outputs": {"texts", "workbook", "engine", "sandbox"},
    "dev": {"texts", "workbook", "engine", "outputs", "sandbox"},
    "store": {"texts", "workbook", "engine", "outputs", "dev", "sandbox"},
}


def _runtime_imports(tree: ast.AST) -> list[str]:
    """Every module named by an import that can run (TYPE_CHECKING blocks skipped)."""
    names: list[str] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return names


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "model" else None


def upward_imports() -> list[str]:
    wrong = []
    for path in sorted(MODEL.rglob("*.py")):
        relative = path.relative_to(MODEL)
        if len(relative.parts) < 2:  # model/cli*.py, __main__: the top
            continue
        own = relative.parts[0]
        if own not in ALLOWED:
            continue
        for name in _runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
            target = layer_of(name)
            if target is None or target == own or target in BASE:
                continue
            if target not in ALLOWED[own]:
                wrong.append(f"{relative} imports {name}")
    return wrong


def test_the_layers_import_one_way():
    assert upward_imports() == []


def test_no_unpickling_in_model():
    found = [
        str(path.relative_to(MODEL))
        for path in MODEL.rglob("*.py")
        if "pickle" in _runtime_imports(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert found == []


def test_the_shifts_words_follow_the_engines_order():
    from model.engine.shifts import SHIFTS
    from model.texts.shifts import SHIFT_TITLES

    assert list(SHIFT_TITLES) == list(SHIFTS)


def test_the_command_line_is_one_package_with_one_set_of_exit_codes():
    from model.cli import FAMILIES
    from model.cli.common import ExitCode

    assert sorted(path.name for path in MODEL.glob("cli*.py")) == []
    families = {
        path.stem
        for path in (MODEL / "cli").glob("*.py")
        if "def add_commands(" in path.read_text(encoding="utf-8")
    }
    assert {family.__name__.rsplit(".", 1)[1] for family in FAMILIES} == families
    assert [int(code) for code in ExitCode] == [0, 1, 2, 3, 4]
    redefined = [
        str(path.relative_to(MODEL))
        for path in MODEL.rglob("*.py")
        if "EXIT_" in path.read_text(encoding="utf-8")
    ]
    assert redefined == []
