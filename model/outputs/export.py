"""The downloadable Excel report: overview, members and findings, formatted with openpyxl."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook as OpenpyxlWorkbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from model.engine.credits import BREAKDOWN
from model.engine.report import Report
from model.engine.shifts import AVERAGES, METRICS, Shifts
from model.outputs.xlsx_safe import append_text_row
from model.texts.domain import (
    Lang,
    consequence_text,
    finding_text,
    finding_title,
    fix_line,
    reasons_text,
    status_label,
)
from model.texts.labels import PROGRESS_KEYS, text
from model.texts.shifts import METRIC_LABELS
from model.workbook.values import UNIT_SUFFIXES

HEADER_FILL = PatternFill("solid", fgColor="C00000")
HEADER_FONT = Font(bold=True, color="FFFFFF")
SHARES = {"attendance_rate", "comment_coverage", "people", "time", "content", "effect"}


def report_workbook(
    report: Report,
    lang: Lang = "zh",
    show_names: bool = True,
    shifts: Shifts | None = None,
    unit: str | None = None,
) -> bytes:
    """The year's report as an Excel workbook; with ``shifts``, a 成效 sheet of every metric
    per group and year. Every sheet opens with a title row (``unit``, e.g. the county, the year
    and the as-of date) above a frozen, filterable header; shares are formatted as %."""
    unit_text = text("report_unit", lang, unit=unit) if unit else ""
    title = text("report_title", lang, unit=unit_text, year=report.year, as_of=report.as_of)
    book = OpenpyxlWorkbook()
    overview = book.active
    assert overview is not None  # a new workbook has one sheet
    overview.title = text("sheet_overview", lang)
    _table(
        overview,
        title,
        [text("group", lang)] + [text(label, lang) for _, label in PROGRESS_KEYS],
        [
            [group] + [_value(row[key], key) for key, _ in PROGRESS_KEYS]
            for group, row in report.groups.iterrows()
        ],
        [index for index, (key, _) in enumerate(PROGRESS_KEYS, start=1) if key in SHARES],
    )
    if show_names:
        members = book.create_sheet(text("sheet_members", lang))
        header = [
            text(k, lang) for k in ("group", "name", "credits", "line", "projected", "attainable")
        ]
        header += [text(f"breakdown_{part}", lang) for part in BREAKDOWN]
        header += [
            text(k, lang) for k in ("exam", "makeup", "status", "reasons", "fix", "consequence")
        ]
        rows = []
        for _, row in report.members.sort_values(["group", "name"]).iterrows():
            rows.append(
                [
                    row["group"],
                    row["display"],
                    row["credits"],
                    row["line"],
                    round(float(row["projected"]), 1),
                    round(float(row["attainable"]), 1),
                ]
                + [row[part] for part in BREAKDOWN]
                + [
                    _value(row["score"], ""),
                    _value(row["makeup"], ""),
                    status_label(row["status"], lang),
                    reasons_text(row["reasons"], lang),
                    fix_line(row["fix"], lang),
                    consequence_text(row["consequence"], lang),
                ]
            )
        _table(members, title, header, rows)
    findings = book.create_sheet(text("sheet_findings", lang))
    names = report.timeline.members["display"]
    finding_rows = [
        [
            f.group,
            f.session if isinstance(f.session, str) else None,
            (names.get(f.member) if isinstance(f.member, str) else None) if show_names else None,
            # Without names, only the title: a session's text lists who was absent.
            finding_text(str(f.code), f.details, lang)  # type: ignore[arg-type]
            if show_names
            else finding_title(str(f.code), lang),
        ]
        for f in report.findings.itertuples()
        if show_names or not isinstance(f.member, str)
    ]
    _table(
        findings,
        title,
        [text(k, lang) for k in ("group", "session", "name", "findings")],
        finding_rows,
    )
    if shifts is not None:
        _shifts_sheet(book.create_sheet(text("sheet_shifts", lang)), shifts, lang, title)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _shifts_sheet(sheet: Any, shifts: Shifts, lang: Lang, title: str) -> None:
    header = [text("group", lang), text("year", lang), text("period", lang)]
    header += [METRIC_LABELS[name][lang] for name in METRICS]
    everyone = text("all_groups", lang)

    def period(year: int) -> str:  # each year's own period: a part year says so (DOMAIN.md §6)
        first, last = shifts.periods[year]
        return f"{first.isoformat()} — {last.isoformat()}"

    rows = [
        [
            row["group"] if isinstance(row["group"], str) else everyone,
            int(row["year"]),
            period(int(row["year"])),
        ]
        + [None if pd.isna(row[name]) else round(float(row[name]), 4) for name in METRICS]
        for _, row in shifts.history.iterrows()
    ]
    shares = [index for index, name in enumerate(METRICS, start=3) if name not in AVERAGES]
    _table(sheet, title, header, rows, shares)


def _value(value: object, key: str) -> object:
    if value is None or value is pd.NA or value != value:
        return None
    if hasattr(value, "item"):
        value = value.item()
    return round(float(value), 3) if key in SHARES else value  # type: ignore[arg-type]


_UNIT = re.compile(rf"^(.+?[{UNIT_SUFFIXES}])")


def unit_from_file_name(name: str) -> str | None:
    """The county (or city, district) a ledger's file name starts with: 示范县学习台账.xlsx →
    示范县; None when the name names none."""
    match = _UNIT.match(Path(name).stem.strip())
    return match.group(1) if match else None


TITLE_FONT = Font(bold=True, size=14)
PERCENT = "0.0%"
MIN_WIDTH, MAX_WIDTH = 8, 60


def _table(
    sheet: Any, title: str, header: list[str], rows: list[list], shares: list[int] | None = None
) -> None:
    """Title in row 1, the header in row 2 (frozen, with filters), the rows below; the columns
    at the 0-based positions in ``shares`` formatted as percentages, every column as wide as
    its longest text."""
    sheet.append([title])
    sheet["A1"].font = TITLE_FONT
    sheet.append(header)
    for cell in sheet[2]:
        cell.fill = HEADER_FILL
        cell.font = HEADER_FONT
    for row in rows:
        append_text_row(sheet, row)
    for index in shares or []:
        for (cell,) in sheet.iter_rows(min_row=3, min_col=index + 1, max_col=index + 1):
            cell.number_format = PERCENT
    for index, title_text in enumerate(header):
        values = [title_text, *(row[index] for row in rows if index < len(row))]
        width = max(_display_width(value, index in (shares or [])) for value in values)
        sheet.column_dimensions[get_column_letter(index + 1)].width = max(
            MIN_WIDTH, min(MAX_WIDTH, width + 2)
        )
    sheet.freeze_panes = "A3"
    sheet.auto_filter.ref = f"A2:{get_column_letter(len(header))}{max(2, len(rows) + 2)}"


def _display_width(value: object, share: bool) -> int:
    """Excel column units a value needs: a CJK character takes two, other characters one."""
    if value is None:
        return 0
    if share and isinstance(value, int | float):
        shown = f"{value:.1%}"
    elif isinstance(value, float):
        shown = f"{value:g}"
    else:
        shown = str(value)
    return sum(2 if ord(char) > 0x2E80 else 1 for char in shown)
