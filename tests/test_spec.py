"""DOMAIN.md is the spec: its tables must equal what the code holds (after datasette's
test_docs.py). A new finding code, 参数 key or sheet column in the spec fails here until the
engine, the text catalogue, the defaults and a test named after it all have it."""

from __future__ import annotations

import ast
import datetime as dt
import re
from dataclasses import fields
from pathlib import Path

import pytest

from model.engine.findings import RULES
from model.texts.domain import FINDINGS
from model.workbook.params import PARAM_INFO, Params
from model.workbook.schema import SHEETS

ROOT = Path(__file__).resolve().parents[1]
# The spec travels with the code, so this test runs in any clone; the team's copy beside the
# checkout, where there is one, must be the same text.
DOMAIN = ROOT / "docs" / "DOMAIN.md"
SHARED_DOMAIN = ROOT.parent / "shared" / "DOMAIN.md"


@pytest.mark.skipif(not SHARED_DOMAIN.exists(), reason="no shared DOMAIN.md beside the checkout")
def test_the_spec_in_the_repository_is_the_shared_spec():
    assert DOMAIN.read_text(encoding="utf-8") == SHARED_DOMAIN.read_text(encoding="utf-8"), (
        f"docs/DOMAIN.md differs from {SHARED_DOMAIN}: copy the new spec in and follow it"
    )


def table_after(heading: str) -> list[list[str]]:
    """The rows of the first Markdown table after the line starting with ``heading``."""
    lines = DOMAIN.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(heading))
    rows, inside = [], False
    for line in lines[start + 1 :]:
        if line.startswith("|"):
            inside = True
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if not set("".join(cells)) <= set("-: "):
                rows.append(cells)
        elif inside:
            break
    return rows[1:]  # without the header row


def split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(" / ")]


def spec_codes() -> list[str]:
    return [code for row in table_after("## 4.") for code in split(row[0])]


# Parameters an issue added before DOMAIN.md §5 lists them (issue #13: 更新提醒天数, default 30).
ISSUE_PARAMETERS = {"更新提醒天数": "30"}


def spec_defaults() -> dict[str, str]:
    defaults = dict(ISSUE_PARAMETERS)
    for row in table_after("## 5."):
        for key, value in zip(split(row[0]), split(row[1]), strict=True):
            defaults[key] = value
    return defaults


def test_finding_codes_of_the_spec_are_the_rule_registry():
    assert spec_codes() == list(RULES)


def test_every_finding_code_has_zh_and_en_texts():
    assert set(FINDINGS) == set(spec_codes())
    for code in spec_codes():
        assert set(FINDINGS[code]) == {"zh", "en"}
        assert all(FINDINGS[code][lang][0] for lang in ("zh", "en"))


def test_every_finding_code_has_a_test_named_after_it():
    names = set()
    for path in (ROOT / "tests").rglob("test_*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names |= {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    missing = [code for code in spec_codes() if not any(f"_{code}" in name for name in names)]
    assert missing == []


def test_parameter_keys_and_defaults_of_the_spec_are_the_engine_defaults():
    defaults = spec_defaults()
    by_zh = {info.zh: name for name, info in PARAM_INFO.items()}
    assert set(defaults) == set(by_zh)
    assert [f.name for f in fields(Params)] == list(PARAM_INFO)
    engine = Params()
    for zh, spec_value in defaults.items():
        value = getattr(engine, by_zh[zh])
        if spec_value == "today":
            assert value is None and engine.as_of_date() == dt.date.today()
        else:
            assert value == float(spec_value), zh


def test_sheets_and_required_columns_of_the_spec_are_the_schema():
    rows = table_after("## 3.")
    by_key = {sheet.key: sheet for sheet in SHEETS}
    assert len(rows) == len(SHEETS)
    for sheet_cell, required, _, columns in rows:
        zh, alias = re.match(r"(\S+) \((\w+)\)", sheet_cell).groups()
        sheet = by_key[alias]
        assert (sheet.zh, sheet.required) == (zh, required == "yes")
        named = re.findall(r"(\*\*)?([^\s*,()]+) \((\w+)", columns)
        spec_columns = {key: (name, bool(bold)) for bold, name, key in named}
        code_columns = {c.key: (c.zh, c.required) for c in sheet.columns}
        assert spec_columns == code_columns, alias


def test_every_finding_code_and_status_has_a_rule_with_both_languages():
    from model.texts.domain import FINDINGS, STATUSES
    from model.texts.rules import CREDIT_RULES, FINDING_RULES, STATUS_RULES, rule_text
    from model.workbook.params import Params

    assert set(FINDING_RULES) == set(FINDINGS)
    assert set(STATUS_RULES) == set(STATUSES)
    for rule in [*FINDING_RULES.values(), *STATUS_RULES.values(), *CREDIT_RULES.values()]:
        assert set(rule) == {"zh", "en"}
        for lang in ("zh", "en"):
            assert "{" not in rule_text(rule, Params(), 60, lang)  # every field filled in
