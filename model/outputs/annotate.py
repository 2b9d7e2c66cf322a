"""The clerk's own workbook with every error cell marked red and explained, and a 错误清单 sheet.

It runs on untrusted bytes, so callers run it in the sandbox: ``annotate_isolated`` runs the task
``annotate``, registered here with ``model.sandbox``.
Empty styled rows past the data are cut from each sheet before openpyxl loads it: a million of
them would take openpyxl half a minute and more than a gigabyte, and they hold nothing.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath

from openpyxl import Workbook as OpenpyxlWorkbook
from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from model.outputs.convert import openpyxl_copy
from model.outputs.file_words import (
    ANNOTATED_PREFIX,
    COMMENT_AUTHOR,
    LIST_HEADER,
    LIST_SHEET,
    NOTE_PREFIX,
    STRIPPED_NOTE,
)
from model.outputs.xlsx_safe import (
    CELL_LIMIT,
    append_text_row,
    fitted,
    has_unstorable,
    is_external_formula,
    storable,
)
from model.sandbox import Limits, Plain, SandboxFailure, register, run
from model.texts.notices import notice_text
from model.workbook.errors import WorkbookError
from model.workbook.intake import FileKind
from model.workbook.transfer import errors_from_plain, errors_to_plain

ERROR_FILL = PatternFill("solid", fgColor="FF9999")

_VALUE = re.compile(rb"<(?:\w+:)?(?:v|is)\b")
_ROW_END = re.compile(rb"</(?:\w+:)?row>")
_SHEET_DATA_START = re.compile(rb"<(?:\w+:)?sheetData\b[^>]*>")
_SHEET_DATA_END = re.compile(rb"</(?:\w+:)?sheetData>")


def annotated_file_name(original_name: str) -> str:
    """标注-台账.xlsx for 台账.xls: the annotated copy is always an .xlsx."""
    return f"{ANNOTATED_PREFIX}{PurePath(original_name).stem}.xlsx"


def annotate_bytes(
    data: bytes, errors: list[WorkbookError], file_format: str = "xlsx", macros: bool = False
) -> bytes:
    """An .xlsx copy of ``data`` with the errors marked; .xls, .xlsb and .ods are converted."""
    notes = [notice_text("MACROS_IGNORED")] if macros else []
    if file_format in ("xlsx", "xlsm"):
        book = load_workbook(io.BytesIO(trim_empty_tails(data)))
    else:
        book = openpyxl_copy(data)
        notes.append(notice_text("CONVERTED_TO_XLSX", suffix=f".{file_format}"))
    if LIST_SHEET in book.sheetnames:
        del book[LIST_SHEET]
    notes += [
        notice_text("FORMULA_AS_TEXT", sheet=sheet, cell=cell) for sheet, cell in _defuse(book)
    ]
    listing = _error_list(book.create_sheet(LIST_SHEET, 0), errors, notes)
    for number, error in enumerate(errors, start=1):
        if error.sheet not in book.sheetnames:
            continue
        sheet = book[error.sheet]
        target = error.cell or _header_mark(sheet, error)
        if target:
            _mark(sheet, error, target)
        # Every row of the list opens its cell; a whole-sheet error opens the sheet.
        link = listing.cell(number + 1, 3)
        if link.value is None:  # before the link: openpyxl would show the link's address
            link.value = target or "A1"
        quoted = error.sheet.replace("'", "''")
        # An internal link (a location, not an address): Excel and WPS jump to the cell.
        link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{quoted}'!{target or 'A1'}")
        link.font = Font(color="0563C1", underline="single")
    book.active = 0
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _annotate(arguments: Plain) -> bytes:
    options = arguments.data
    errors = errors_from_plain(options["errors"])
    data = bytes(arguments.blobs["data"])
    return annotate_bytes(data, errors, options["file_format"], options["macros"])


ANNOTATE = register(
    "annotate",
    _annotate,
    encode=lambda annotated: Plain(None, {"annotated": annotated}),
    decode=lambda plain: bytes(plain.blobs["annotated"]),
)


def annotate_isolated(
    data: bytes,
    errors: list[WorkbookError],
    limits: Limits | None = None,
    kind: FileKind | None = None,
) -> bytes:
    """The annotated .xlsx copy, made in a child; if the child fails, the error list on its own
    (a child that raised is in the server log, under its incident id)."""
    options = {
        "errors": errors_to_plain(errors),
        "file_format": kind.format if kind else "xlsx",
        "macros": kind.macros if kind else False,
    }
    try:
        return run(ANNOTATE, Plain(options, {"data": data}), limits)
    except SandboxFailure:
        return error_list_bytes(errors)


def error_list_bytes(errors: list[WorkbookError]) -> bytes:
    """Only the 错误清单, for a file openpyxl cannot open: the clerk still gets every error."""
    book = OpenpyxlWorkbook()
    default = book.active
    _error_list(book.create_sheet(LIST_SHEET, 0), errors)
    if default is not None:
        book.remove(default)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _error_list(
    listing: Worksheet, errors: list[WorkbookError], notes: list[str] | None = None
) -> Worksheet:
    listing.append(LIST_HEADER)
    for cell in listing[1]:
        cell.font = Font(bold=True)
    stripped = False
    for number, error in enumerate(errors, start=1):
        row = [
            number,
            error.sheet,
            error.cell,
            error.row,
            error.column,
            error.value,
            error.message,
            error.hint,
        ]
        stripped = stripped or any(has_unstorable(value) for value in row)
        append_text_row(listing, row)
    if stripped:
        listing.append([STRIPPED_NOTE])
    for note in notes or []:
        listing.append([f"{NOTE_PREFIX}{note}"])
    for letter, width in zip("ABCDEFGH", (6, 12, 8, 6, 12, 18, 50, 60), strict=True):
        listing.column_dimensions[letter].width = width
    listing.freeze_panes = "A2"
    return listing


def _defuse(book: OpenpyxlWorkbook) -> list[tuple[str, str]]:
    """Formulas that reach outside the workbook (DDE, other files, the web) written as text, so
    the copy we hand back runs nothing; cells too long for Excel cut to fit. Ordinary formulas
    stay. Returns the (sheet, cell) of each formula turned into text."""
    defused = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                if not isinstance(value, str):
                    continue
                if cell.data_type == "f" and is_external_formula(value):
                    cell.value = fitted(value)
                    cell.data_type = "s"
                    defused.append((sheet.title, cell.coordinate))
                elif len(value) > CELL_LIMIT:
                    cell.value = fitted(value)
    return defused


def _header_mark(sheet: Worksheet, error: WorkbookError) -> str | None:
    """Where a missing column is marked: the cell just right of the header row's last heading
    (where the column would go)."""
    header = error.fields.get("header") if error.code == "COLUMN_MISSING" else None
    if not isinstance(header, int) or header < 1:
        return None
    last = 0
    for cell in next(sheet.iter_rows(min_row=header, max_row=header), ()):
        if cell.value not in (None, ""):
            last = cell.column
    return f"{get_column_letter(last + 1)}{header}"


def _mark(sheet: Worksheet, error: WorkbookError, coordinate: str) -> None:
    """Fill and comment the error's cell; inside a merge, the merge's top-left cell."""
    target = sheet[coordinate]
    for merged in sheet.merged_cells.ranges:
        if coordinate in merged:
            target = sheet.cell(merged.min_row, merged.min_col)
            break
    target.fill = ERROR_FILL
    note = storable(f"{error.message}\n{error.hint}")
    if target.comment is not None:
        note = f"{target.comment.text}\n{note}"
    target.comment = Comment(fitted(str(note)), COMMENT_AUTHOR, width=320, height=120)


def trim_empty_tails(data: bytes) -> bytes:
    """The package with each worksheet's rows after its last value removed (nothing else)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    changed = False
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            content = source.read(entry)
            if entry.filename.startswith("xl/worksheets/") and entry.filename.endswith(".xml"):
                trimmed = _trim_sheet(content)
                changed = changed or trimmed is not content
                content = trimmed
            target.writestr(entry, content)
    return buffer.getvalue() if changed else data


def _trim_sheet(xml: bytes) -> bytes:
    last_value = -1
    window = 1 << 16
    while last_value < 0:
        start = max(0, len(xml) - window)
        matches = [m.start() for m in _VALUE.finditer(xml, start)]
        if matches:
            last_value = matches[-1]
        elif start == 0:
            break
        window *= 4
    if last_value >= 0:
        row_end = _ROW_END.search(xml, last_value)
        cut_from = row_end.end() if row_end else -1
    else:
        opening = _SHEET_DATA_START.search(xml)
        cut_from = opening.end() if opening and not opening.group(0).endswith(b"/>") else -1
    data_end = _SHEET_DATA_END.search(xml, max(cut_from, 0))
    if cut_from < 0 or data_end is None or data_end.start() - cut_from < 1 << 16:
        return xml  # nothing much after the data: keep the clerk's formatting as it is
    return xml[:cut_from] + xml[data_end.start() :]
