"""Data rows spliced into the worksheets of an .xlsx that openpyxl wrote (headers, styles,
dropdowns): a county workbook has ~50,000 cells and openpyxl's pure-Python XML writer takes
seconds for them, while writing the rows' XML directly takes a fraction of that.

Text goes in as inline strings (never a formula, whatever it starts with); numbers as numbers;
dates as Excel serials with a date style taken from a cell openpyxl already wrote.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from xml.sax.saxutils import escape

from model.workbook.errors import column_letter

EXCEL_EPOCH = dt.datetime(1899, 12, 30)
Row = Sequence[object]


def date_style(data: bytes, sheet_index: int, cell: str) -> str:
    """The style id (``s``) of ``cell`` in the ``sheet_index``-th sheet (0-based)."""
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        xml = book.read(_part(sheet_index)).decode("utf-8")
    found = re.search(rf'<c r="{cell}"[^>]*?\ss="(\d+)"', xml)
    if found is None:
        raise ValueError(f"no styled cell {cell}")
    return found.group(1)


def with_rows(data: bytes, rows: Mapping[int, Iterable[Row]], date_style_id: str) -> bytes:
    """``data`` with the rows appended below row 1 of each sheet (0-based index → rows)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            index = _index(item.filename)
            if index is not None and index in rows:
                content = _splice(content.decode("utf-8"), rows[index], date_style_id).encode()
            target.writestr(item, content)
    return buffer.getvalue()


def _part(index: int) -> str:
    return f"xl/worksheets/sheet{index + 1}.xml"  # openpyxl names them in sheet order


def _index(name: str) -> int | None:
    found = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", name)
    return int(found.group(1)) - 1 if found else None


def _splice(xml: str, rows: Iterable[Row], style: str) -> str:
    parts: list[str] = []
    last_row, width = 1, 1
    letters: list[str] = []
    tails: dict[tuple[type, object], str] = {}  # a cell's XML after its reference, by value
    for offset, row in enumerate(rows):
        number = offset + 2
        if len(letters) < len(row):
            letters = [column_letter(i) for i in range(len(row))]
        cells: list[str] = []
        for letter, value in zip(letters, row, strict=False):
            if value is None:
                continue
            key = (type(value), value)  # 1, 1.0 and True are equal keys: the type tells them
            tail = tails.get(key)
            if tail is None:
                tail = tails[key] = _cell_tail(value, style)
            cells.append(f'<c r="{letter}{number}"{tail}')
        parts.append(f'<row r="{number}">{"".join(cells)}</row>')
        last_row, width = number, max(width, len(row))
    if not parts:
        return xml
    xml = xml.replace("</sheetData>", "".join(parts) + "</sheetData>", 1)
    dimension = f'<dimension ref="A1:{column_letter(width - 1)}{last_row}"/>'
    return re.sub(r'<dimension ref="[^"]*"\s*/>', dimension, xml, count=1)


def _cell_tail(value: object, style: str) -> str:
    """A cell's XML from just after ``<c r="A2"``."""
    if isinstance(value, bool):
        return f' t="b"><v>{int(value)}</v></c>'
    if isinstance(value, dt.datetime):
        serial = (value - EXCEL_EPOCH).days
        return f' s="{style}"><v>{serial}</v></c>'
    if isinstance(value, (int, float)):
        return f"><v>{value!r}</v></c>"
    text = escape(str(value))
    return f' t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'
