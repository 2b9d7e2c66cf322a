"""学习情况通报 (issue #27): the year's report, the four shifts and the to-do as a Word document
in the house style of a Chinese official document — A4, headings in 黑体, body in 仿宋 (font
names only; the reader's Word or WPS renders them), real headings and real tables.

Every number is the engine's (``Report``, ``Shifts``, ``Todo``); every word is a catalogue's.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import pandas as pd
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import CharacterStyle, ParagraphStyle
from docx.table import Table
from docx.text.paragraph import Paragraph

from model.engine.group_short import group_short_keys, group_shortfalls
from model.engine.ranking import lagging_groups, members_worst_first
from model.engine.report import Report
from model.engine.shifts import SHIFTS, Shifts
from model.engine.todo import TODO_KINDS, Todo
from model.texts.documents import (
    BODY_FONT,
    HEADING_FONT,
    TITLE_FONT,
    day_text,
    document_text,
    months_text,
)
from model.texts.domain import (
    Lang,
    finding_title,
    group_shortfall_text,
    reasons_text,
    status_label,
    with_consequence,
)
from model.texts.labels import PROGRESS_KEYS, text
from model.texts.lists import LIST_SEPARATOR
from model.texts.shifts import METRIC_LABELS, SHIFT_TITLES, shown, summary_paragraph, trend
from model.workbook.people import pseudonym_numbers

BODY_SIZE = Pt(16)  # 三号
TABLE_SIZE = Pt(9)  # 小五: a 14 mm column holds "87.8%"
# GB/T 9704: A4, top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
MARGINS = {"top": Mm(37), "bottom": Mm(35), "left": Mm(28), "right": Mm(26)}
TEXT_WIDTH = 156.0  # mm: 210 − 28 − 26
# The Excel report's progress figures, in its order, up to the statuses (the 通报 lists people).
SESSION_COLUMNS = PROGRESS_KEYS[:9]
SHARES = {"attendance_rate", "comment_coverage", "people", "time", "content", "effect"}
# 下一步工作: the to-do's kinds, the session coming up last (it is the least pressing).
NEXT_KINDS = [*TODO_KINDS[1:], TODO_KINDS[0]]
FLAGS_SHOWN = 3  # the lagging group's most frequent findings


def share_text(value: object) -> str:
    """A share as the pages show it, "91.5%"; "—" where there is nothing to divide."""
    if value is None or pd.isna(value):  # type: ignore[call-overload]
        return "—"
    return f"{round(float(value) * 100, 1):g}%"  # type: ignore[arg-type]


def _number(value: object, key: str) -> str:
    if key in SHARES:
        return share_text(value)
    return "—" if value is None or pd.isna(value) else str(int(value))  # type: ignore[call-overload]


def shifts_of_group(shifts: Shifts, group: str) -> Shifts:
    """The shifts of one group, as the 成效 page shows them when a group is chosen."""
    figures = shifts.groups.get(group, shifts.overall)
    history = shifts.history[shifts.history["group"] == group]
    return replace(shifts, overall=figures, groups={group: figures}, history=history)


def bulletin_title(report: Report, lang: Lang = "zh") -> str:
    whole = report.as_of > dt.date(report.year, 12, 31)
    months = months_text(min(report.as_of, dt.date(report.year, 12, 31)).month, whole, lang)
    return document_text("bulletin_title", lang, year=report.year, months=months)


def pseudonyms(report: Report, lang: Lang = "zh") -> dict[str, str]:
    """成员N for every member, the numbers the pages show with names hidden (the 成员 sheet's
    order, ``pseudonym_numbers``), so a document and the screen say the same 成员7."""
    numbers = pseudonym_numbers(report.timeline.members)
    return {
        str(key): document_text("bulletin_member_pseudonym", lang, number=int(number))
        for key, number in numbers.items()
    }


def bulletin_bytes(
    report: Report,
    shifts: Shifts,
    todo: Todo,
    lang: Lang = "zh",
    show_names: bool = True,
    unit: str | None = None,
    group: str | None = None,
) -> bytes:
    """The 通报 as .docx bytes. ``report``, ``shifts`` and ``todo`` are for the same year, as-of
    date and (``group``) central group; ``show_names`` False writes 成员N for every member."""
    document = Document()
    _page_setup(document)
    _styles(document)
    last = min(report.as_of, dt.date(report.year, 12, 31))
    whole = report.as_of > dt.date(report.year, 12, 31)
    months = months_text(last.month, whole, lang)
    title = bulletin_title(report, lang)
    if group:
        title += document_text("bulletin_group", lang, group=group)
    document.add_paragraph(title, style="Title")
    if unit:
        _centred(document.add_paragraph(document_text("bulletin_unit", lang, unit=unit)))
    period = document_text(
        "bulletin_period",
        lang,
        first=day_text(dt.date(report.year, 1, 1), lang),
        last=day_text(last, lang),
    )
    _centred(document.add_paragraph(period))
    document.add_paragraph(document_text("bulletin_opening", lang, year=report.year, months=months))
    names = _names(report, show_names, lang)
    _overall(document, report, lang)
    _lagging(document, report, lang)
    _members(document, report, names, lang)
    _shifts(document, shifts, lang)
    _next_steps(document, todo, lang)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _names(report: Report, show_names: bool, lang: Lang) -> dict[str, str]:
    if not show_names:
        return pseudonyms(report, lang)
    return {str(key): str(name) for key, name in report.members["display"].items()}


def _overall(doc: DocxDocument, report: Report, lang: Lang) -> None:
    doc.add_heading(document_text("bulletin_h_overall", lang), level=1)
    overall = report.overall
    values = {key: _number(overall.get(key), key) for key, _ in SESSION_COLUMNS}
    counts = {k: int(overall.get(k, 0)) for k in ("members", "passed", "at_risk", "failed")}
    doc.add_paragraph(
        document_text(
            "bulletin_overall",
            lang,
            groups=len(report.groups),
            planned=values["planned"],
            held=values["held"],
            overdue=values["overdue"],
            attendance=values["attendance_rate"],
            comments=values["comment_coverage"],
            **counts,
        )
    )
    doc.add_paragraph(
        document_text(
            "bulletin_four",
            lang,
            **{key: values[key] for key in ("people", "time", "content", "effect")},
        )
    )
    _caption(doc, document_text("bulletin_table_sessions", lang))
    header = [text("group", lang)] + [text(label, lang) for _, label in SESSION_COLUMNS]
    rows = [
        [str(name)] + [_number(row[key], key) for key, _ in SESSION_COLUMNS]
        for name, row in report.groups.iterrows()
    ]
    rows.append(
        [document_text("bulletin_total", lang)]
        + [_number(overall.get(key), key) for key, _ in SESSION_COLUMNS]
    )
    first = 26.0
    _table(doc, header, rows, [first] + [(TEXT_WIDTH - first) / len(SESSION_COLUMNS)] * 9)


def _lagging(doc: DocxDocument, report: Report, lang: Lang) -> None:
    doc.add_heading(document_text("bulletin_h_lagging", lang), level=1)
    lagging = lagging_groups(report.groups, report.overall)
    if not len(lagging):
        doc.add_paragraph(document_text("bulletin_no_lagging", lang))
        return
    findings = report.findings
    for group in lagging:
        row = report.groups.loc[group]
        codes = findings.loc[findings["group"] == group, "code"].value_counts().index
        titles = LIST_SEPARATOR[lang].join(
            finding_title(str(code), lang) for code in codes[:FLAGS_SHOWN]
        )
        flags = document_text("bulletin_lagging_flags", lang, flags=titles) if titles else ""
        doc.add_paragraph(
            document_text(
                "bulletin_lagging",
                lang,
                group=group,
                completion=share_text(row["completion"]),
                overdue=int(row["overdue"]),
                at_risk=int(row["at_risk"]),
                failed=int(row["failed"]),
                flags=flags,
            ),
            style="List Number",
        )


def _members(doc: DocxDocument, report: Report, names: dict[str, str], lang: Lang) -> None:
    doc.add_heading(document_text("bulletin_h_members", lang), level=1)
    members = report.members
    concerned = members[members["status"].isin(["failed", "at_risk"])]
    for shortfall in group_shortfalls(members).to_dict("records"):
        line = document_text(
            "bulletin_group_short",
            lang,
            group=shortfall["group"],
            text=group_shortfall_text(shortfall, lang),
        )
        who = LIST_SEPARATOR[lang].join(names[str(key)] for key in shortfall["keys"])
        doc.add_paragraph(f"{line}（{who}）" if lang == "zh" else f"{line} ({who})")
    if concerned.empty:
        doc.add_paragraph(document_text("bulletin_no_members", lang))
        return
    speaks_for = group_short_keys(members)
    order = members_worst_first(concerned, by_name=False)
    ordered = concerned.loc[order].sort_values("group", kind="stable")
    _caption(doc, document_text("bulletin_table_members", lang))
    header = [text(k, lang) for k in ("group", "name", "status", "credits", "line", "reasons")]
    rows = []
    for key, row in ordered.iterrows():
        line = (
            document_text("bulletin_by_group", lang)
            if key in speaks_for
            else reasons_text(row["reasons"], lang)
        )
        reasons = with_consequence(line, row["consequence"], lang)
        rows.append(
            [
                str(row["group"]),
                names[str(key)],
                status_label(str(row["status"]), lang),
                f"{float(row['credits']):g}",
                f"{round(float(row['line']), 1):g}",
                reasons,
            ]
        )
    _table(doc, header, rows, [28, 20, 14, 12, 14, 68])


def _shifts(doc: DocxDocument, shifts: Shifts, lang: Lang) -> None:
    doc.add_heading(document_text("bulletin_h_shifts", lang), level=1)
    _caption(doc, document_text("bulletin_table_shifts", lang))
    header = [
        document_text("bulletin_shift", lang),
        document_text("bulletin_metric", lang),
        document_text("bulletin_this_year", lang, year=shifts.year),
        document_text("bulletin_this_year", lang, year=shifts.previous_year),
        document_text("bulletin_change", lang),
    ]
    rows = []
    for shift, metrics in SHIFTS.items():
        for name in metrics:
            figures = shifts.overall[name]
            rows.append(
                [
                    SHIFT_TITLES[shift][lang],
                    METRIC_LABELS[name][lang],
                    shown(name, figures["value"]),
                    shown(name, figures["previous"]),
                    trend(name, figures["value"], figures["previous"], lang, shifts.like_with_like),
                ]
            )
    _table(doc, header, rows, [38, 28, 20, 20, 50])
    doc.add_paragraph(summary_paragraph(shifts, lang))


def _next_steps(doc: DocxDocument, todo: Todo, lang: Lang) -> None:
    doc.add_heading(document_text("bulletin_h_next", lang), level=1)
    items = todo.items
    said = False
    for kind in NEXT_KINDS:
        part = items[items["kind"] == kind]
        if part.empty:
            continue
        count, overdue = len(part), int(part["overdue"].sum())
        line = document_text(f"next_{kind}", lang, count=count, overdue=overdue)
        doc.add_paragraph(line, style="List Number 2")
        said = True
    if not said:
        doc.add_paragraph(document_text("bulletin_next_none", lang))


# Layout ----------------------------------------------------------------------------------------


def _page_setup(doc: DocxDocument) -> None:
    for section in doc.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin = MARGINS["top"]
        section.bottom_margin = MARGINS["bottom"]
        section.left_margin = MARGINS["left"]
        section.right_margin = MARGINS["right"]
        _page_number(section.footer.paragraphs[0])


def _page_number(paragraph: Paragraph) -> None:
    """ "— 1 —" in the footer, as a PAGE field the reader fills in."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("— ")
    run = paragraph.add_run()
    for kind, value in (("begin", None), ("instr", " PAGE "), ("end", None)):
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = value
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)
    paragraph.add_run(" —")


def east_asian_font(style: ParagraphStyle | CharacterStyle, name: str) -> None:
    """The style's font for Latin and, through w:eastAsia, for Chinese text."""
    style.font.name = name
    _plain_fonts(style.element.get_or_add_rPr().get_or_add_rFonts(), name)


# A theme font (w:asciiTheme, w:eastAsiaTheme, …) wins over the named one in Word and WPS, and
# the default template gives every heading and the document defaults one.
THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _plain_fonts(fonts: Any, name: str) -> None:
    for attribute in THEME_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attribute), name)


def _styles(doc: DocxDocument) -> None:
    styles = doc.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    fonts = (
        defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
        if defaults is not None
        else None
    )
    if fonts is not None:
        _plain_fonts(fonts, BODY_FONT)
    for element in styles.element.iter(qn("w:rFonts")):  # every other style inherits the named
        for attribute in THEME_ATTRIBUTES:
            element.attrib.pop(qn(attribute), None)
    normal = styles["Normal"]
    east_asian_font(normal, BODY_FONT)
    normal.font.size = BODY_SIZE
    normal.paragraph_format.first_line_indent = Pt(32)  # two characters
    normal.paragraph_format.line_spacing = Pt(28)
    title = styles["Title"]
    east_asian_font(title, TITLE_FONT)
    title.font.size = Pt(22)  # 二号
    title.font.bold = False
    title.font.color.rgb = RGBColor(0, 0, 0)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.first_line_indent = Pt(0)
    title.paragraph_format.line_spacing = Pt(36)
    # The Title style draws a rule under itself; an official title has none.
    borders = title.element.pPr.find(qn("w:pBdr")) if title.element.pPr is not None else None
    if borders is not None:
        title.element.pPr.remove(borders)
    for level in (1, 2):
        heading = styles[f"Heading {level}"]
        east_asian_font(heading, HEADING_FONT)
        heading.font.size = BODY_SIZE
        heading.font.bold = False
        heading.font.italic = False
        heading.font.color.rgb = RGBColor(0, 0, 0)
        heading.paragraph_format.first_line_indent = Pt(32)
        heading.paragraph_format.space_before = Pt(6)
        heading.paragraph_format.space_after = Pt(0)
    for name in ("List Number", "List Number 2"):
        east_asian_font(styles[name], BODY_FONT)
        styles[name].paragraph_format.first_line_indent = Pt(0)


def _centred(paragraph: Paragraph) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = Pt(0)


def _caption(doc: DocxDocument, value: str) -> None:
    paragraph = doc.add_paragraph()
    _centred(paragraph)
    run = paragraph.add_run(value)
    run.font.size = Pt(12)
    _plain_fonts(run._element.get_or_add_rPr().get_or_add_rFonts(), HEADING_FONT)


def _table(
    doc: DocxDocument,
    header: list[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float] | None = None,
) -> Table:
    """A real Word table, header row repeated on each page; ``widths`` in mm (the text block is
    156 mm wide)."""
    table: Table = doc.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for index, row in enumerate([header, *rows]):
        cells = table.rows[index].cells
        for cell, value in zip(cells, row, strict=True):
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.first_line_indent = Pt(0)
            paragraph.paragraph_format.line_spacing = 1.0
            run = paragraph.add_run(value)
            run.font.size = TABLE_SIZE
            run.bold = index == 0
    if widths is not None:
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Mm(width)  # the grid, which LibreOffice and WPS lay out by
            for cell in column.cells:
                cell.width = Mm(width)
    _repeat_header(table)
    doc.add_paragraph()
    return table


def _repeat_header(table: Table) -> None:
    properties = table.rows[0]._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    properties.append(element)
