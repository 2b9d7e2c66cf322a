"""A ledger written from raw rows in the template's layout: a group clerk's "my rows" download
and the county workbook a scoped publish composes. The file records the version it was cut from.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import fastexcel
import pandas as pd
from openpyxl.styles import Font
from openpyxl.worksheet.protection import SheetProtection

from model.outputs.file_words import BASE_LABEL, HELP_SHEET, SETTINGS_NOTE, WRITTEN_LABEL
from model.outputs.sheet_rows import date_style, with_rows
from model.outputs.template import template_book
from model.outputs.xlsx_safe import keep_text, storable
from model.workbook.schema import SETTINGS, SHEETS, Column, Sheet
from model.workbook.values import object_strings

# A hidden row of the 说明 sheet: which version each group's rows were cut from (JSON). Kept in
# a cell, not a document property, so it survives WPS and a save as .xls or .ods.
ALL_GROUPS = "*"

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}( 00:00:00)?$")
_PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def cell_value(column: Column, text: object) -> object:
    """A raw text cell as the value to write: dates as dates, plain numbers as numbers (so the
    clerk's Excel shows them as before and the reader reads back the same text)."""
    if text is None or text is pd.NA or (isinstance(text, float) and pd.isna(text)):
        return None
    value = str(text)
    if column.kind == "date" and _ISO_DATE.match(value):
        return dt.datetime.fromisoformat(value[:10])
    if column.kind in ("int", "number", "score") and _PLAIN_NUMBER.match(value):
        number = float(value)
        return int(number) if number.is_integer() else number
    return value


def ledger_file(
    rows: dict[str, pd.DataFrame],
    settings: list[tuple[object, object]],
    bases: dict[str, int] | None = None,
    settings_read_only: bool = False,
) -> bytes:
    """The template with ``rows`` (sheet key → frame of raw text by column key) filled in.

    ``settings`` are the (参数, 值) rows; ``bases`` the version per group recorded in the file.
    """
    book = template_book()
    _write_settings(book[SETTINGS.zh], settings, settings_read_only)
    help_sheet = book[HELP_SHEET]
    if settings_read_only:
        help_sheet.append([SETTINGS_NOTE])
        help_sheet.cell(help_sheet.max_row, 1).font = Font(bold=True, color="C00000")
    # A dated cell: when the file was written, and the date style the data rows reuse.
    help_sheet.append([WRITTEN_LABEL, dt.datetime.now().replace(microsecond=0)])
    stamp = help_sheet.cell(help_sheet.max_row, 2)
    stamp.number_format = "yyyy-mm-dd"
    help_sheet.row_dimensions[help_sheet.max_row].hidden = True
    if bases is not None:
        help_sheet.append([BASE_LABEL, json.dumps(bases, ensure_ascii=False)])
        help_sheet.row_dimensions[help_sheet.max_row].hidden = True
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    style = date_style(data, book.sheetnames.index(HELP_SHEET), stamp.coordinate)
    spliced = {
        book.sheetnames.index(spec.zh): _values(spec, rows[spec.key])
        for spec in SHEETS
        if spec.key != SETTINGS.key and spec.key in rows and not rows[spec.key].empty
    }
    return with_rows(data, spliced, style)


def _values(spec: Sheet, frame: pd.DataFrame) -> list[list[object]]:
    """The frame's rows as cell values in the template's column order."""
    columns: list[list[object]] = []
    for column in spec.columns:
        if column.key not in frame.columns:
            columns.append([None] * len(frame))
            continue
        texts = object_strings(frame[column.key]).tolist()
        # Converted once per distinct text: a column repeats a few hundred values.
        value_of = {text: storable(cell_value(column, text)) for text in dict.fromkeys(texts)}
        columns.append([value_of[text] for text in texts])
    return [list(line) for line in zip(*columns, strict=True)]


def _write_settings(sheet, settings: list[tuple[object, object]], read_only: bool) -> None:
    """The county's 参数 in place of the template's defaults (the 说明 column is kept)."""
    meanings = {sheet.cell(r, 1).value: sheet.cell(r, 3).value for r in range(2, sheet.max_row + 1)}
    sheet.delete_rows(2, sheet.max_row)
    for row, (key, value) in enumerate(settings, start=2):
        sheet.cell(row, 1, storable(key))
        sheet.cell(row, 2, storable(_setting_value(value)))
        sheet.cell(row, 3, meanings.get(key))
        keep_text(sheet.cell(row, 1))
        keep_text(sheet.cell(row, 2))
    if read_only:
        sheet.protection = SheetProtection(sheet=True)
        sheet.cell(1, 4, SETTINGS_NOTE).font = Font(bold=True, color="C00000")


def _setting_value(value: object) -> object:
    """A 参数 value as typed: a number or a date where it is one, else the text."""
    for kind in ("number", "date"):
        typed = cell_value(Column("value", SETTINGS.column("value").zh, kind), value)
        if not isinstance(typed, str):
            return typed
    return value


def recorded_bases(data: bytes) -> dict[str, int]:
    """The versions a downloaded file was cut from (group → version); {} when not recorded."""
    try:
        reader = fastexcel.read_excel(data)
        if HELP_SHEET not in reader.sheet_names:
            return {}
        frame = reader.load_sheet(HELP_SHEET, header_row=None, dtypes="string").to_pandas()
    except BaseException as exc:  # calamine panics are BaseExceptions; no marker then
        if isinstance(exc, (MemoryError, KeyboardInterrupt, SystemExit)):
            raise
        return {}
    if frame.shape[1] < 2:
        return {}
    first, second = frame.columns[0], frame.columns[1]
    for label, value in zip(frame[first], frame[second], strict=True):
        if label == BASE_LABEL and isinstance(value, str):
            try:
                found = json.loads(value)
            except ValueError:
                return {}
            if isinstance(found, dict):
                return {str(k): int(v) for k, v in found.items() if str(v).isdigit()}
    return {}
