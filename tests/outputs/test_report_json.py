"""The report JSON made column by column says exactly what orjson says of the records."""

import orjson
import pandas as pd

from model.outputs.report_json import _encoded, finding_texts
from model.texts.domain import finding_text


def _dumped(values: list) -> list[bytes]:
    return [orjson.dumps(value) for value in values]


def test_text_columns_are_quoted_as_orjson_quotes_them():
    names = [f"成员{i}" for i in range(1_500)] + [None, "é/\u2028\x7f"]
    assert _encoded(pd.Series(names, dtype=object)).to_pylist() == _dumped(names)
    tricky = [*names, 'say "hi"', "back\\slash", "tab\there", "\x01"]  # escaped: orjson's way
    assert _encoded(pd.Series(tricky, dtype=object)).to_pylist() == _dumped(tricky)
    numbers = [1.5, None, 2.0, 1.5, 30]
    assert _encoded(pd.Series(numbers, dtype="Float64")).to_pylist() == _dumped(
        [1.5, None, 2.0, 1.5, 30.0]
    )


def test_finding_texts_join_names_into_the_template_rendered_once():
    findings = [
        ("ABSENT_UNEXCUSED", {"name": "甲"}),
        ("NOT_ALL_ATTENDED", {"names": ("乙", "丙"), "count": 2}),
        ("ABSENT_UNEXCUSED", {"name": 'quote " and \\'}),
        ("NEVER_SPEAKER", {"name": "丁", "year": 2026}),
        ("ABSENT_UNEXCUSED", {"name": None}),  # not text: rendered as finding_text renders it
        ("OUTREACH_OFF_POINT", {"places": ["东村", "西村"]}),  # a list: rendered one by one
        ("NEVER_SPEAKER", {"name": "戊", "year": 2025}),
        ("DRAFT_MISSING", {}),
    ]
    for lang in ("zh", "en"):
        texts = finding_texts([c for c, _ in findings], [d for _, d in findings], lang)
        expected = [orjson.dumps(finding_text(c, d, lang))[1:-1] for c, d in findings]
        assert texts.to_pylist() == expected
