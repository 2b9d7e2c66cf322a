"""The printable 签到表 of a planned session (issue #26): the members in post on its date, with
columns 出勤 and 签名, on one A4 page, for meetings where the record is taken on paper first."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
from openpyxl import Workbook as Book
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from model.outputs.xlsx_safe import storable
from model.texts.domain import Lang
from model.texts.recording import record_text
from model.workbook.reader import Workbook

_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
WIDTHS = (6, 14, 18, 8, 10, 24)  # 序号 姓名 职务 角色 出勤 签名
ROW_HEIGHT = 26  # points: room for a signature


def signin_rows(workbook: Workbook, session: str) -> tuple[pd.Series, list[dict[str, object]]]:
    """The plan row of ``session`` and the members in post on its date (held date where held),
    in the 成员 sheet's order. KeyError: no such session."""
    plan = workbook.plan[workbook.plan["session"] == session]
    if plan.empty:
        raise KeyError(session)
    row = plan.iloc[0]
    talks = workbook.talks[workbook.talks["session"] == session]
    day = talks.iloc[0]["held_date"] if not talks.empty else row["planned_date"]
    members = workbook.members[workbook.members["group"] == row["group"]]
    joined = members["joined"].isna() | (members["joined"] <= day)
    left = members["left"].isna() | (members["left"] >= day)
    people = []
    for _, m in members[(joined & left).to_numpy()].iterrows():
        role = (
            "speaker" if m["key"] == row["speaker"] else "host" if m["key"] == row["host"] else None
        )
        people.append(
            {"key": m["key"], "name": m["display"], "position": m["position"], "role": role}
        )
    return row, people


def signin_sheet_bytes(workbook: Workbook, session: str, lang: Lang = "zh") -> bytes:
    """The 签到表 as .xlsx bytes, print settings set: A4 portrait, fit to one page."""
    row, people = signin_rows(workbook, session)
    names = dict(zip(workbook.members["key"], workbook.members["display"], strict=True))
    book = Book()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.title = record_text("signin_sheet_name", lang)
    day = pd.Timestamp(row["planned_date"]).date()
    lines = [
        record_text("signin_title", lang, group=row["group"]),
        record_text(
            "signin_session", lang, session=row["session"], topic=row["topic"], date=day.isoformat()
        ),
        record_text(
            "signin_people",
            lang,
            speaker=names.get(row["speaker"], row["speaker"]),
            host=names.get(row["host"], row["host"]),
        ),
    ]
    last = len(WIDTHS)
    for number, text in enumerate(lines, start=1):
        sheet.cell(number, 1, str(storable(text)))
        sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=last)
        sheet.cell(number, 1).font = Font(bold=number == 1, size=16 if number == 1 else 11)
        sheet.cell(number, 1).alignment = Alignment(horizontal="center" if number == 1 else "left")
    header_row = len(lines) + 2
    headers = (
        "signin_number",
        "signin_name",
        "signin_position",
        "signin_role",
        "signin_attendance",
        "signin_signature",
    )
    for column, key in enumerate(headers, start=1):
        cell = sheet.cell(header_row, column, record_text(key, lang))
        cell.font = Font(bold=True)
        cell.border = _BOX
        cell.alignment = Alignment(horizontal="center", vertical="center")
    for index, person in enumerate(people, start=1):
        at = header_row + index
        role = person["role"]
        values: tuple[int | str | None, ...] = (
            index,
            str(storable(person["name"])),
            str(storable(person["position"])) if person["position"] else None,
            record_text(f"role_{role}", lang) if role else None,
            None,
            None,
        )
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(at, column, value)
            cell.border = _BOX
            cell.alignment = Alignment(vertical="center", horizontal="center")
        sheet.row_dimensions[at].height = ROW_HEIGHT
    footer = header_row + len(people) + 2
    sheet.cell(footer, 1, record_text("signin_footer", lang))
    sheet.merge_cells(start_row=footer, start_column=1, end_row=footer, end_column=last)
    for column, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[chr(64 + column)].width = width
    _print_settings(sheet, header_row, footer)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _print_settings(sheet: Worksheet, header_row: int, last_row: int) -> None:
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_PORTRAIT
    properties = sheet.sheet_properties
    if properties.pageSetUpPr is None:
        properties.pageSetUpPr = PageSetupProperties()
    properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 1
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.print_area = f"A1:{chr(64 + len(WIDTHS))}{last_row}"
    sheet.print_title_rows = f"{header_row}:{header_row}"


def signin_file_name(session: str, when: dt.date | None = None) -> str:
    stamp = f"-{when.isoformat()}" if when else ""
    return f"{record_text('signin_sheet_name')}-{session}{stamp}.xlsx"
