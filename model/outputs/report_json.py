"""The CLI's report JSON as bytes, built column by column (issue #28).

The same bytes as ``orjson.dumps(report_json(report))``, made without a Python object per
record: each column's JSON is dumped once per *distinct* value (a province has 170,000 members
but a few hundred credit values and a few thousand distinct reasons), taken into place and
joined row-wise by Arrow. Finding texts are rendered once per code and distinct details, the
people's names joined in afterwards (JSON escaping commutes with joining). Members and findings
go ``JSON_CHUNK`` rows at a time, so the peak stays low.
"""

from __future__ import annotations

import string
from itertools import chain
from operator import itemgetter
from typing import Any, TypeAlias

import numpy as np
import orjson
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from model._gc import collector_paused
from model.engine.credits import BREAKDOWN
from model.engine.findings import PERSON_DETAILS
from model.engine.report import Report, group_records, plain, report_json
from model.texts.domain import (
    FINDINGS,
    Lang,
    consequence_text,
    finding_text,
    fix_line,
    reason_text,
)
from model.texts.lists import LIST_SEPARATOR

JSON_CHUNK = 20_000
Part: TypeAlias = bytes | pa.Array  # a constant, or one fragment per row


def _dumps(value: object) -> bytes:
    return orjson.dumps(value, option=orjson.OPT_SERIALIZE_NUMPY)


@collector_paused()
def report_json_bytes(report: Report, lang: Lang = "zh", indent: bool = False) -> bytes:
    """``report_json`` serialised by orjson (UTF-8, compact unless ``indent``)."""
    if indent:
        option = orjson.OPT_SERIALIZE_NUMPY | orjson.OPT_INDENT_2
        return orjson.dumps(report_json(report, lang), option=option)
    return b"".join(report_json_pieces(report, lang))


@collector_paused()
def report_json_pieces(report: Report, lang: Lang = "zh") -> list[bytes]:
    """The compact JSON in pieces, for one join by the caller (with what it adds, such as a
    newline): at province scale each copy of the whole is 140 MB."""
    members = report.members.sort_values(["group", "name"])
    display = report.timeline.members["display"]
    overall = {k: plain(v) for k, v in report.overall.items()}
    return [
        b'{"year":' + _dumps(report.year),
        b',"as_of":' + _dumps(report.as_of.isoformat()),
        b',"members":',
        *_listing(members, lambda rows: _member_parts(rows, lang)),
        b',"findings":',
        *_listing(report.findings, lambda rows: _finding_parts(rows, display, lang)),
        b',"groups":' + _dumps(group_records(report)),
        b',"overall":' + _dumps(overall) + b"}",
    ]


def _listing(rows: pd.DataFrame, parts: Any) -> list[bytes]:
    """A JSON array of one record per row, chunk by chunk."""
    pieces = [b"["]
    for start in range(0, len(rows), JSON_CHUNK):
        pieces += [b","] if start else []
        pieces.append(_joined(parts(rows.iloc[start : start + JSON_CHUNK])))
    return [*pieces, b"]"]


def _joined(parts: list[Part]) -> bytes:
    """Every row's parts joined, rows separated by commas: one Arrow pass, one copy out."""
    columns = [pa.scalar(part, pa.binary()) if isinstance(part, bytes) else part for part in parts]
    rows = pc.binary_join_element_wise(*columns, pa.scalar(b",", pa.binary()), b"")
    offsets = np.frombuffer(rows.buffers()[1], dtype=np.int32)[rows.offset :]
    data = memoryview(rows.buffers()[2])
    return data[offsets[0] : offsets[len(rows)] - 1].tobytes()  # the last comma dropped


def _taken(fragments: list[bytes], codes: np.ndarray) -> pa.Array:
    return pa.array(fragments, pa.binary()).take(pa.array(codes, pa.int64()))


def _encoded(column: pd.Series | list[Any]) -> pa.Array:
    """Each value's JSON, dumped once per distinct value (NA → null)."""
    series = column if isinstance(column, pd.Series) else pd.Series(column, dtype=object)
    texts = _plain_texts(series)
    if texts is not None:
        return texts
    codes, uniques = pd.factorize(series)
    distinct = pd.Series(uniques, dtype=series.dtype)
    values = distinct.astype(object).where(distinct.notna(), None).tolist()
    codes = np.where(codes < 0, len(values), codes)  # a blank takes the last: null
    return _taken([*map(_dumps, values), b"null"], codes)


# What orjson escapes in a string: the quote, the backslash and the control characters.
_NEEDS_ESCAPE = r'[\x00-\x1f"\\]'


def _plain_texts(series: pd.Series) -> pa.Array | None:
    """A column of text (names, 编号: mostly distinct) quoted by Arrow, when no value needs
    escaping; None for any other column, which ``_encoded`` dumps value by value."""
    if len(series) < 1_000 or not (
        series.dtype == object or isinstance(series.dtype, pd.StringDtype)
    ):
        return None
    try:
        text = pa.array(series.astype(object).where(series.notna(), None), pa.string())
    except (pa.ArrowException, UnicodeError):  # not all text, or not encodable
        return None
    if pc.any(pc.match_substring_regex(text, _NEEDS_ESCAPE)).as_py():
        return None
    quoted = pc.binary_join_element_wise(b'"', text.cast(pa.binary()), b'"', b"")
    return pc.fill_null(quoted, pa.scalar(b"null", pa.binary()))


def _member_parts(frame: pd.DataFrame, lang: Lang) -> list[Part]:
    parts: list[Part] = [
        b'{"group":',
        _encoded(frame["group"]),
        b',"name":',
        _encoded(frame["display"]),  # a name two members share carries its 编号
        b',"member_id":',
        _encoded(frame["member_id"]),
        b',"credits":',
        _encoded(frame["credits"]),
        b',"breakdown":{',
    ]
    for position, part in enumerate(BREAKDOWN):
        parts += [(b"," if position else b"") + _dumps(part) + b":", _encoded(frame[part])]
    return [
        *parts,
        b'},"line":',
        _encoded(frame["line"]),
        b',"projected":',
        _encoded(frame["projected"].astype(float).round(1)),
        b',"attainable":',
        _encoded(frame["attainable"].astype(float).round(1)),
        b',"exam":{"score":',
        _encoded(frame["score"]),
        b',"makeup":',
        _encoded(frame["makeup"]),
        b'},"status":',
        _encoded(frame["status"]),
        b',"reasons":[',
        _reason_lists(frame["reasons"].tolist(), lang),
        b'],"fix":',
        _encoded(_fix_lines(frame["fix"].tolist(), lang)),
        b',"consequence":',
        _encoded([consequence_text(c, lang) for c in frame["consequence"].tolist()]),
        b"}",
    ]


def _reason_lists(reasons: list[list[dict]], lang: Lang) -> pa.Array:
    """Each member's reasons as the inside of a JSON list of {"code", "text"}; each distinct
    reason's JSON made once, the reasons taken code by code."""
    offsets = np.zeros(len(reasons) + 1, dtype=np.int32)
    np.cumsum([len(listed) for listed in reasons], out=offsets[1:])
    flat = list(chain.from_iterable(reasons))
    codes = list(map(itemgetter("code"), flat))
    details = list(map(itemgetter("details"), flat))

    def texts(code: str, every: list[dict]) -> pa.Array:
        def one(item: dict) -> bytes:
            return _dumps({"code": code, "text": reason_text(code, item, lang)})

        # Members share the dicts of equal details (model.engine.listing): one look per dict.
        object_of, first = _same_objects(every)
        given = [every[i] for i in first.tolist()]
        try:  # the details of one code have the same keys, so their values tell them apart
            if len(set(map(tuple, given))) > 1:
                raise TypeError
            values = pd.Series(list(map(tuple, map(dict.values, given))), dtype=object)
            value_of, uniques = pd.factorize(values)
        except TypeError:  # keys that differ, or a value that cannot be hashed
            return _taken(list(map(one, given)), object_of)
        keys = tuple(given[0]) if given else ()
        made = [one(dict(zip(keys, value, strict=True))) for value in uniques]
        return _taken(made, value_of[object_of])

    every = _by_code(codes, details, texts)
    return pc.binary_join(pa.ListArray.from_arrays(pa.array(offsets), every), b",")


def _same_objects(items: list[Any]) -> tuple[np.ndarray, np.ndarray]:
    """Which distinct object each item is (by identity), and where each first appears."""
    object_of, _ = pd.factorize(np.fromiter(map(id, items), dtype=np.int64, count=len(items)))
    _, first = np.unique(object_of, return_index=True)
    return object_of, first


def _by_code(codes: list[str], details: list[dict], texts: Any) -> pa.Array:
    """``texts(code, details of the code)`` for each code, put back in the items' order."""
    code_of, distinct = pd.factorize(pd.Series(codes, dtype=object))
    positions, made = [], []
    for number, code in enumerate(distinct.tolist()):
        at = np.flatnonzero(code_of == number)
        positions.append(at)
        made.append(texts(code, [details[i] for i in at.tolist()]))
    if not made:
        return pa.array([], pa.binary())
    order = np.concatenate(positions)
    back = np.empty_like(order)
    back[order] = np.arange(len(order))
    return pa.concat_arrays(made).take(pa.array(back))


def _fix_lines(fixes: list[list[dict]], lang: Lang) -> list[str | None]:
    """``fix_line`` of each member, rendered once per distinct fix."""
    made: dict[tuple, str | None] = {}
    lines: list[str | None] = []
    for fix in fixes:
        # Equal fixes share their dicts (model.engine.listing), so the dicts' identities are a
        # key: the same objects always say the same; equal ones made apart are only said twice.
        key = tuple(map(id, fix))
        line = made.get(key, _NOT_MADE)
        if line is _NOT_MADE:
            line = made[key] = fix_line(fix, lang) if fix else None
        lines.append(line)  # type: ignore[arg-type]
    return lines


_NOT_MADE = object()


def _finding_parts(findings: pd.DataFrame, display: pd.Series, lang: Lang) -> list[Part]:
    return [
        b'{"code":',
        _encoded(findings["code"]),
        b',"group":',
        _encoded(findings["group"]),
        b',"session":',
        _encoded(findings["session"]),
        b',"member":',
        _encoded(findings["member"].map(display)),
        b',"text":"',
        finding_texts(findings["code"].tolist(), findings["details"].tolist(), lang),
        b'"}',
    ]


def _escaped(text: str) -> bytes:
    """``text`` as inside a JSON string."""
    return _dumps(text)[1:-1]


def finding_texts(codes: list[str], details: list[dict], lang: Lang = "zh") -> pa.Array:
    """``finding_text`` of every finding, JSON-escaped without the quotes, in order."""
    return _by_code(codes, details, lambda code, given: _code_texts(code, given, lang))


def _code_texts(code: str, details: list[dict], lang: Lang) -> pa.Array:
    """One code's texts: the template rendered once per distinct non-person details."""
    try:
        return _code_texts_joined(code, details, lang)
    except _Unjoinable:
        texts = [_escaped(finding_text(code, given, lang)) for given in details]
        return pa.array(texts, pa.binary())


class _Unjoinable(Exception):
    """The texts cannot be made by joining: render each one."""


def _code_texts_joined(code: str, details: list[dict], lang: Lang) -> pa.Array:
    keys = tuple(details[0]) if details else ()
    if any(tuple(given) != keys for given in details):
        raise _Unjoinable
    people = [key for key in PERSON_DETAILS if key in keys]
    others = [key for key in keys if key not in people]
    rows = zip(*[[given[key] for given in details] for key in others], strict=True)
    values = list(rows) if others else [()] * len(details)
    made: dict[tuple, int] = {}
    try:
        codes = np.fromiter((made.setdefault(v, len(made)) for v in values), np.int64)
    except TypeError:  # a value that cannot be hashed
        raise _Unjoinable from None
    entries = [_pieces(code, dict(zip(others, v, strict=True)), people, lang) for v in made]
    orders = {tuple(order) for order, _ in entries}
    if len(orders) > 1:
        raise _Unjoinable
    order = list(orders.pop()) if orders else people
    separator = LIST_SEPARATOR[lang]
    parts: list[pa.Array] = [_taken([pieces[0] for _, pieces in entries], codes)]
    for position, key in enumerate(order, start=1):
        names = [_listed(given[key], separator) for given in details]
        if not all(isinstance(name, str) for name in names):
            raise _Unjoinable
        name_codes, uniques = pd.factorize(pd.Series(names, dtype=object))
        parts.append(_taken([_escaped(name) for name in uniques], name_codes))
        parts.append(_taken([pieces[position] for _, pieces in entries], codes))
    return pc.binary_join_element_wise(*parts, b"")


def _listed(value: object, separator: str) -> object:
    return separator.join(map(str, value)) if isinstance(value, list | tuple) else value


# Stands for a person's name while a template is filled; never in a name or a template.
_HOLE = "\x00\x01"


def _pieces(code: str, given: dict, people: list[str], lang: Lang) -> tuple[list[str], list[bytes]]:
    """The names' keys in the order the text says them, and the escaped text around them;
    only when each name field appears once and plainly ({name}), so that filling is joining."""
    fields = [
        (field, spec, conversion)
        for _, field, spec, conversion in string.Formatter().parse(FINDINGS[code][lang][1])
        if field is not None
    ]
    for person in people:
        if [(s, c) for field, s, c in fields if field == person] != [("", None)]:
            raise _Unjoinable
    holes = {key: f"{_HOLE}{position}{_HOLE}" for position, key in enumerate(people)}
    rendered = finding_text(code, given | holes, lang)
    order = sorted(people, key=lambda key: rendered.find(holes[key]))
    pieces, rest = [], rendered
    for key in order:
        before, found, rest = rest.partition(holes[key])
        if not found:
            raise _Unjoinable
        pieces.append(_escaped(before))
    return order, [*pieces, _escaped(rest)]
