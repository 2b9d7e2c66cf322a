"""The command line's words come from one catalogue through one lookup (issue #23)."""

import ast
import re
import string
from pathlib import Path

from model.texts.cli import CLI_TEXTS
from model.texts.lookup import CATALOGUES, text

CLI = Path(__file__).resolve().parents[2] / "model" / "cli"
CJK = re.compile(r"[\u4e00-\u9fff]")


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _chinese_literals(tree: ast.AST) -> list[str]:
    """Chinese strings in code, leaving out docstrings and argparse's help, description and metavar."""
    allowed: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg in {"help", "description", "metavar"}:
            allowed |= {id(n) for n in ast.walk(node.value)}
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            allowed.add(id(body[0].value))
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "add_parser":
            allowed |= {id(n) for arg in node.args for n in ast.walk(arg)}
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and CJK.search(node.value)
        and id(node) not in allowed
    ]


def test_the_command_line_spells_no_chinese_outside_the_catalogue():
    found = {
        path.name: _chinese_literals(ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted(CLI.glob("*.py"))
    }
    assert {name: words for name, words in found.items() if words} == {}


def test_every_cli_text_has_both_languages_with_the_same_fields():
    for code, words in CLI_TEXTS.items():
        assert set(words) == {"zh", "en"}, code
        assert _fields(words["zh"]) == _fields(words["en"]), code


def test_the_one_lookup_fills_fields_in_either_language():
    assert "cli" in CATALOGUES and "notice" in CATALOGUES
    assert text("cli", "NO_USER", "zh", name="张三") == "没有用户 张三"
    assert text("cli", "NO_USER", "en", name="张三") == "No user 张三"
    assert text("status", "failed", "zh") == "不达标"
