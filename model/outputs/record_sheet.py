"""学习档案 as an .xlsx laid out for A4 printing from Excel/WPS: one sheet per member."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from openpyxl import Workbook as OpenpyxlWorkbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from model.engine.record import StudyRecord
from model.outputs.xlsx_safe import append_text_row
from model.texts.domain import Lang, consequence_text, reasons_text, status_label
from model.texts.labels import text

COLUMNS = 8  # A–H: 序号 场次 日期 专题 角色 出勤 点评 学分
WIDTHS = (6, 13, 12, 30, 8, 10, 8, 8)
SESSION_COLUMNS = [
    "record_number",
    "session",
    "record_date",
    "record_topic",
    "record_role",
    "record_attendance",
    "record_comment",
    "credits",
]
TALK_COLUMNS = [
    "session",
    "record_date",
    "record_topic",
    "record_outreach",
    "record_outreach_credits",
    "record_article",
    "record_article_credits",
]
HEADER_ROWS = "1:3"  # title, who, when: repeated on every printed page
THIN = Side(style="thin", color="808080")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
_INVALID_TITLE = re.compile(r"[\\*?:/\[\]]")


def records_bytes(records: Sequence[StudyRecord], lang: Lang = "zh") -> bytes:
    """One printable sheet per record, named after the member (编号 added for a shared name)."""
    book = OpenpyxlWorkbook()
    default = book.active
    shared = _shared_names(records)
    for record in records:
        title = record.name if record.name not in shared else f"{record.name}-{record.member_id}"
        _write(book.create_sheet(_sheet_title(title, book.sheetnames)), record, lang)
    if default is not None and len(book.sheetnames) > 1:
        book.remove(default)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write(sheet: Worksheet, record: StudyRecord, lang: Lang) -> None:
    none = text("record_none", lang)
    _line(sheet, text("record_title", lang, year=record.year), Font(bold=True, size=16))
    who = text(
        "record_who",
        lang,
        name=record.name,
        group=record.group,
        position=record.position or none,
        member_id=record.member_id or none,
    )
    _line(sheet, who)
    _line(sheet, text("record_when", lang, year=record.year, as_of=f"{record.as_of:%Y-%m-%d}"))
    _section(sheet, text("record_sessions", lang))
    _table_header(
        sheet,
        SESSION_COLUMNS,
        lang,
    )
    for number, row in enumerate(record.sessions.itertuples(index=False), start=1):
        attendance = row.attendance if isinstance(row.attendance, str) else None
        comment = row.comment if isinstance(row.comment, str) else "—"
        _table_row(
            sheet,
            [
                number,
                row.session,
                row.date,
                row.topic,
                text(f"record_role_{row.role}", lang),
                attendance or text("record_no_row", lang),
                comment,
                row.credits,
            ],
        )
    if record.sessions.empty:
        _line(sheet, text("record_no_session", lang))
    _section(sheet, text("record_talks", lang))
    if record.talks.empty:
        _line(sheet, text("record_no_talk", lang))
    else:
        _table_header(
            sheet,
            TALK_COLUMNS,
            lang,
            start=2,
        )
        for row in record.talks.itertuples(index=False):
            article = row.article if isinstance(row.article, str) else none
            values: list[object] = [row.session, row.date, row.topic, row.outreach]
            values += [row.outreach_credits, article, row.articles_credits]
            _table_row(sheet, values, start=2)
    _section(sheet, text("record_exam", lang))
    _table_header(sheet, ["exam", "makeup"], lang, start=2)
    _table_row(sheet, [_score(record.score, none), _score(record.makeup, none)], start=2)
    _section(sheet, text("record_result", lang))
    _line(sheet, text("record_total", lang, credits=record.credits, line=round(record.line, 1)))
    _line(sheet, text("record_status", lang, status=status_label(record.status, lang)))
    _line(sheet, text("record_reasons", lang, reasons=reasons_text(record.reasons, lang)))
    consequence = consequence_text(record.consequence, lang)
    if consequence:
        _line(sheet, text("record_consequence", lang, consequence=consequence), Font(bold=True))
    sheet.append([])
    sheet.append([])
    _line(sheet, text("record_signatures", lang))
    _print_setup(sheet, lang)


def _line(sheet: Worksheet, value: str, font: Font | None = None) -> None:
    """A line of text across the page width (merged, wrapped)."""
    append_text_row(sheet, [value])
    row = sheet.max_row
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=COLUMNS)
    cell = sheet.cell(row, 1)
    cell.alignment = WRAP
    if font is not None:
        cell.font = font
    # Merged cells do not grow with their text: give long lines room for a second line.
    if len(value) > 45:
        sheet.row_dimensions[row].height = 15 * (1 + len(value) // 45)


def _section(sheet: Worksheet, title: str) -> None:
    sheet.append([])
    _line(sheet, title, Font(bold=True, size=12))


def _table_header(sheet: Worksheet, keys: list[str], lang: Lang, start: int = 1) -> None:
    _table_row(sheet, [text(key, lang) for key in keys], start=start, bold=True)


def _table_row(sheet: Worksheet, values: list[object], start: int = 1, bold: bool = False) -> None:
    append_text_row(sheet, [None] * (start - 1) + values)
    for cell in sheet[sheet.max_row][start - 1 : start - 1 + len(values)]:
        cell.border = GRID
        cell.alignment = WRAP
        if bold:
            cell.font = Font(bold=True)
        if hasattr(cell.value, "year"):
            cell.number_format = "yyyy-mm-dd"


def _print_setup(sheet: Worksheet, lang: Lang) -> None:
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[chr(64 + index)].width = width
    sheet.print_area = f"A1:{chr(64 + COLUMNS)}{sheet.max_row}"
    sheet.print_title_rows = HEADER_ROWS
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_PORTRAIT
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as needed
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.oddFooter.center.text = text("record_footer", lang)  # type: ignore[union-attr]
    sheet.print_options.horizontalCentered = True


def _score(value: float | None, none: str) -> object:
    return none if value is None else value


def _shared_names(records: Sequence[StudyRecord]) -> set[str]:
    names = [record.name for record in records]
    return {name for name in names if names.count(name) > 1}


def _sheet_title(title: str, taken: list[str]) -> str:
    base = _INVALID_TITLE.sub("_", title)[:28] or "-"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}({number})", number + 1
    return candidate
