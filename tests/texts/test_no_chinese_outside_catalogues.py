"""Words live in catalogues (issue #23): no Chinese string in model/ or pages/ code outside them.

What may hold Chinese, and why, is listed here: the catalogues themselves; the workbook
contract's own vocabulary (sheet and column names, the values clerks type, the 参数 names),
which is Chinese by DOMAIN.md §2 and is data the reader matches, not words it says; the words
written into the clerk's own files; and sample data. Docstrings and the command line's
argparse help are left out (``_chinese_literals``).
"""

import ast
from pathlib import Path

import pytest

from tests.texts.test_cli_texts import _chinese_literals

ROOT = Path(__file__).resolve().parents[2]

# Whole modules (or folders) that are catalogues or the contract's vocabulary.
VOCABULARY = {
    "model/texts/": "the catalogues (code → zh, en)",
    "pages/common/labels.py": "the screen labels' catalogue",
    "pages/common/labels_clerk.py": "the screen labels' catalogue (学习计划, 待办)",
    "pages/common/labels_groups.py": "the screen labels' catalogue (group clerks)",
    "pages/common/labels_record.py": "the screen labels' catalogue (学习记录)",
    "model/workbook/schema.py": "the contract's sheet and column names (DOMAIN.md §2)",
    "model/workbook/values.py": "the values clerks type, as the contract spells them (§2)",
    "model/workbook/params.py": "the 参数 names and defaults (DOMAIN.md §5)",
    "model/outputs/template.py": "the template workbook's own 说明 and column help",
    "model/outputs/file_words.py": "the words written into the clerk's files (group file, 错误清单)",
    "model/dev/": "sample and benchmark data: names, units, topics",
}
# Single constants that are data, not words.
CONSTANTS = {
    (
        "model/store/versions.py",
        "RESTORED_COMMENT",
    ): "stored in the index; history shows it translated",
    ("model/store/auth.py", "DEMO_USER"): "the demo user's name, written to the audit log as who",
}


def _allowed_constant_nodes(tree: ast.Module, path: str) -> set[int]:
    names = {name for where, name in CONSTANTS if where == path}
    allowed: set[int] = set()
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id in names for t in targets):
                allowed |= {id(n) for n in ast.walk(node)}
    return allowed


def _chinese_outside_constants(path: Path) -> list[str]:
    relative = path.relative_to(ROOT).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    allowed = _allowed_constant_nodes(tree, relative)
    found = _chinese_literals(tree)
    if not allowed:
        return found
    inside = {
        node.value
        for node in ast.walk(tree)
        if id(node) in allowed and isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    return [word for word in found if word not in inside]


def _code_files() -> list[Path]:
    files = sorted((ROOT / "model").rglob("*.py")) + sorted((ROOT / "pages").rglob("*.py"))
    files += [ROOT / "dashboard.py", ROOT / "app.py"]
    return [
        path
        for path in files
        if not any(path.relative_to(ROOT).as_posix().startswith(place) for place in VOCABULARY)
    ]


def test_no_chinese_literal_outside_the_catalogues_and_the_contract():
    found = {
        path.relative_to(ROOT).as_posix(): words
        for path in _code_files()
        if (words := _chinese_outside_constants(path))
    }
    assert found == {}


@pytest.mark.parametrize("place", sorted(VOCABULARY))
def test_every_allowed_place_exists(place):
    assert (ROOT / place).exists(), place


@pytest.mark.parametrize(("path", "name"), sorted(CONSTANTS))
def test_every_allowed_constant_exists_and_holds_chinese(path, name):
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    assert _allowed_constant_nodes(tree, path), (path, name)
