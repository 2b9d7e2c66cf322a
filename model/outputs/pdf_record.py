"""学习档案 and 风险预警 as PDF (issue #27), with fpdf2: Chinese as real text (copyable and
searchable), page numbers, the signature lines, A4.

The font is Noto Sans SC (SIL OFL) from the ``justmytype-intl-cjk`` package the project installs
— never a system font, never a download. It is a variable font whose default instance is Thin,
and instancing all 17 MB of it takes fpdf2 about 20 s, so the text of the document is gathered
first, the font is cut to the characters it uses (fontTools, well under a second), instanced at
Regular and Bold, and fpdf2 embeds the subset of that.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.varLib.instancer import instantiateVariableFont
from fpdf import FPDF
from fpdf.enums import WrapMode, XPos, YPos
from fpdf.fonts import FontFace

from model.engine.group_short import group_short_keys, group_shortfalls
from model.engine.ranking import members_worst_first
from model.engine.record import StudyRecord
from model.engine.report import Report
from model.outputs.bulletin import pseudonyms
from model.texts.documents import document_text
from model.texts.domain import (
    Lang,
    consequence_text,
    fix_line,
    group_shortfall_text,
    reasons_text,
    status_label,
    with_consequence,
)
from model.texts.labels import text
from model.texts.lists import LIST_SEPARATOR

FONT_PACKAGE = "justmytype_intl_cjk"
FONT_FILE = "fonts/ofl/notosanssc/NotoSansSC[wght].ttf"
FAMILY = "NotoSansSC"
WEIGHTS = {"": 400, "B": 700}
MARGIN = 15  # mm
SESSION_COLUMNS = [
    ("record_number", 10),
    ("session", 24),
    ("record_date", 22),
    ("record_topic", 60),
    ("record_role", 18),
    ("record_attendance", 18),
    ("record_comment", 14),
    ("credits", 14),
]
TALK_COLUMNS = [
    ("session", 24),
    ("record_date", 22),
    ("record_topic", 54),
    ("record_outreach", 22),
    ("record_outreach_credits", 18),
    ("record_article", 22),
    ("record_article_credits", 18),
]
RISK_COLUMNS = [
    ("group", 38),
    ("name", 28),
    ("status", 16),
    ("credits", 14),
    ("line", 16),
    ("reasons", 90),
    ("fix", 65),
]


def font_path() -> Path:
    return Path(str(files(FONT_PACKAGE) / FONT_FILE))


@contextmanager
def cjk_fonts(used: str) -> Iterator[dict[str, Path]]:
    """Regular and Bold cut to the characters of ``used`` (and printable ASCII), as files in a
    temporary folder for as long as the block runs (fpdf2 reads them when it writes)."""
    characters = set(used) | {chr(code) for code in range(32, 127)} | {"—", "…"}
    with tempfile.TemporaryDirectory(prefix="xuexi-font-") as folder:
        font = TTFont(str(font_path()), lazy=True)
        options = subset.Options()
        options.notdef_outline = True
        options.name_IDs = ["*"]
        options.hinting = False
        # fpdf2 places glyphs one by one (no shaping), so the layout tables are not used; kept,
        # instancing them took most of the time.
        options.layout_features = []
        options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "JSTF"]
        subsetter = subset.Subsetter(options)
        subsetter.populate(text="".join(sorted(characters)))
        subsetter.subset(font)
        cut = io.BytesIO()
        font.save(cut)
        paths = {}
        for style, weight in WEIGHTS.items():
            instance = TTFont(io.BytesIO(cut.getvalue()))
            instantiateVariableFont(instance, {"wght": weight}, inplace=True)
            # The instance keeps the default's names (…Thin); the PDF names it by its weight.
            postscript = f"{FAMILY}-{'Bold' if style else 'Regular'}"
            names = instance["name"]
            names.names = [n for n in names.names if n.nameID not in (16, 17, 21, 22)]
            weight_name = "Bold" if style else "Regular"
            for name_id, value in ((1, FAMILY), (2, weight_name), (4, postscript), (6, postscript)):
                names.setName(value, name_id, 3, 1, 0x409)
            path = Path(folder) / f"{FAMILY}-{weight}.ttf"
            instance.save(str(path))
            paths[style] = path
        yield paths


# A document is first a list of blocks (so its text is known before the font is cut), then pages.
@dataclass
class Block:
    kind: str  # title, line, bold, section, table, gap
    value: str = ""
    header: list[str] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Page:
    blocks: list[Block]


class _Pdf(FPDF):
    footer_template = "{page} / {pages}"  # replaced by the document catalogue's pdf_page

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FAMILY, size=9)
        label = self.footer_template.format(page=self.page_no(), pages="{nb}")
        self.cell(0, 6, label, align="C")


def _all_text(pages: Sequence[Page], extra: str) -> str:
    parts = [extra]
    for page in pages:
        for block in page.blocks:
            parts.append(block.value)
            parts.extend(block.header)
            parts.extend(cell for row in block.rows for cell in row)
    return "".join(parts)


def _render(pages: Sequence[Page], lang: Lang, landscape: bool = False, title: str = "") -> bytes:
    footer = document_text("pdf_page", lang, page="{page}", pages="{pages}")
    with cjk_fonts(_all_text(pages, footer + "0123456789")) as fonts:
        pdf = _Pdf(orientation="L" if landscape else "P", unit="mm", format="A4")
        pdf.footer_template = footer
        pdf.set_title(title)
        pdf.set_creator("xuexi-taizhang")
        pdf.set_margins(MARGIN, MARGIN, MARGIN)
        pdf.set_auto_page_break(True, margin=18)
        for style, path in fonts.items():
            pdf.add_font(FAMILY, style=style, fname=str(path))
        for page in pages:
            pdf.add_page()
            for block in page.blocks:
                _block(pdf, block)
        return bytes(pdf.output())


def _block(pdf: FPDF, block: Block) -> None:
    width = pdf.epw
    if block.kind == "title":
        pdf.set_font(FAMILY, "B", 16)
        pdf.multi_cell(width, 9, block.value, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2)
    elif block.kind in ("line", "bold"):
        pdf.set_font(FAMILY, "B" if block.kind == "bold" else "", 10.5)
        pdf.multi_cell(
            width, 6, block.value, wrapmode=WrapMode.CHAR, new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
    elif block.kind == "section":
        pdf.ln(3)
        pdf.set_font(FAMILY, "B", 12)
        pdf.multi_cell(width, 7, block.value, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    elif block.kind == "gap":
        pdf.ln(10)
    elif block.kind == "table":
        pdf.set_font(FAMILY, "", 9)
        with pdf.table(
            col_widths=tuple(block.widths),
            width=min(width, sum(block.widths)),
            align="LEFT",
            line_height=5,
            wrapmode=WrapMode.CHAR,
            headings_style=FontFace(family=FAMILY, emphasis="BOLD", size_pt=9),
            first_row_as_headings=True,
        ) as table:
            for values in [block.header, *block.rows]:
                row = table.row()
                for value in values:
                    row.cell(value)


def _score(value: float | None, none: str) -> str:
    return none if value is None else f"{value:g}"


def _cell(value: object, none: str = "—") -> str:
    if value is None or (isinstance(value, float) and value != value):
        return none
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def record_page(record: StudyRecord, lang: Lang = "zh") -> Page:
    """One member's 学习档案, as the .xlsx version lays it out (model.outputs.record_sheet)."""
    none = text("record_none", lang)
    blocks = [
        Block("title", text("record_title", lang, year=record.year)),
        Block(
            "line",
            text(
                "record_who",
                lang,
                name=record.name,
                group=record.group,
                position=record.position or none,
                member_id=record.member_id or none,
            ),
        ),
        Block(
            "line", text("record_when", lang, year=record.year, as_of=f"{record.as_of:%Y-%m-%d}")
        ),
        Block("section", text("record_sessions", lang)),
    ]
    if record.sessions.empty:
        blocks.append(Block("line", text("record_no_session", lang)))
    else:
        rows = []
        for number, row in enumerate(record.sessions.itertuples(index=False), start=1):
            attendance = row.attendance if isinstance(row.attendance, str) else None
            comment = row.comment if isinstance(row.comment, str) else "—"
            rows.append(
                [
                    str(number),
                    _cell(row.session),
                    f"{row.date:%Y-%m-%d}",
                    _cell(row.topic),
                    text(f"record_role_{row.role}", lang),
                    attendance or text("record_no_row", lang),
                    comment,
                    _cell(float(row.credits)),  # type: ignore[arg-type]
                ]
            )
        blocks.append(_table(SESSION_COLUMNS, rows, lang))
    blocks.append(Block("section", text("record_talks", lang)))
    if record.talks.empty:
        blocks.append(Block("line", text("record_no_talk", lang)))
    else:
        rows = [
            [
                _cell(row.session),
                f"{row.date:%Y-%m-%d}",
                _cell(row.topic),
                str(int(row.outreach)),  # type: ignore[arg-type]
                _cell(float(row.outreach_credits)),  # type: ignore[arg-type]
                row.article if isinstance(row.article, str) else none,
                _cell(float(row.articles_credits)),  # type: ignore[arg-type]
            ]
            for row in record.talks.itertuples(index=False)
        ]
        blocks.append(_table(TALK_COLUMNS, rows, lang))
    blocks.append(Block("section", text("record_exam", lang)))
    exam = [[_score(record.score, none), _score(record.makeup, none)]]
    blocks.append(_table([("exam", 40), ("makeup", 40)], exam, lang))
    blocks.append(Block("section", text("record_result", lang)))
    total = text("record_total", lang, credits=record.credits, line=round(record.line, 1))
    blocks.append(Block("line", total))
    blocks.append(
        Block("line", text("record_status", lang, status=status_label(record.status, lang)))
    )
    blocks.append(
        Block("line", text("record_reasons", lang, reasons=reasons_text(record.reasons, lang)))
    )
    consequence = consequence_text(record.consequence, lang)
    if consequence:
        blocks.append(Block("bold", text("record_consequence", lang, consequence=consequence)))
    blocks += [Block("gap"), Block("line", text("record_signatures", lang))]
    return Page(blocks)


def _table(columns: Sequence[tuple[str, float]], rows: list[list[str]], lang: Lang) -> Block:
    return Block(
        "table",
        header=[text(key, lang) for key, _ in columns],
        widths=[width for _, width in columns],
        rows=rows,
    )


def records_pdf(records: Sequence[StudyRecord], lang: Lang = "zh") -> bytes:
    """The 学习档案 of ``records``, each member from a new page."""
    pages = [record_page(record, lang) for record in records]
    title = text("record_title", lang, year=records[0].year) if records else ""
    return _render(pages, lang, title=title)


def risk_pdf(report: Report, lang: Lang = "zh", show_names: bool = True) -> bytes:
    """The 风险预警 list: members failed or at risk, worst first, with reasons (for a final
    不达标, the consequence after them) and the fix; a GROUP_SHORT group is said once as the
    group's shortfall. ``show_names`` False: 成员N."""
    members = report.members
    names = (
        {str(k): str(v) for k, v in members["display"].items()}
        if show_names
        else pseudonyms(report, lang)
    )
    title = document_text("risk_title", lang, year=report.year, as_of=report.as_of)
    blocks = [Block("title", title)]
    for shortfall in group_shortfalls(members).to_dict("records"):
        who = LIST_SEPARATOR[lang].join(names[str(key)] for key in shortfall["keys"])
        line = document_text(
            "bulletin_group_short",
            lang,
            group=shortfall["group"],
            text=group_shortfall_text(shortfall, lang),
        )
        blocks.append(Block("line", f"{line}（{who}）" if lang == "zh" else f"{line} ({who})"))
    concerned = members[members["status"].isin(["failed", "at_risk"])]
    if concerned.empty:
        blocks.append(Block("line", document_text("risk_none", lang)))
    else:
        speaks_for = group_short_keys(members)
        rows = []
        for key in members_worst_first(concerned, by_name=show_names):
            row = concerned.loc[key]
            by_group = key in speaks_for
            rows.append(
                [
                    str(row["group"]),
                    names[str(key)],
                    status_label(str(row["status"]), lang),
                    f"{float(row['credits']):g}",
                    f"{round(float(row['line']), 1):g}",
                    with_consequence(
                        document_text("bulletin_by_group", lang)
                        if by_group
                        else reasons_text(row["reasons"], lang),
                        row["consequence"],
                        lang,
                    ),
                    "" if by_group else fix_line(row["fix"], lang) or "",
                ]
            )
        blocks.append(Block("gap"))
        blocks.append(_table(RISK_COLUMNS, rows, lang))
    blocks += [Block("gap"), Block("line", document_text("risk_signatures", lang))]
    return _render([Page(blocks)], lang, landscape=True, title=title)
