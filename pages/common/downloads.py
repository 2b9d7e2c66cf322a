"""The Excel report download, built only when asked for."""

from __future__ import annotations

import streamlit as st

from model.dev.sample import SAMPLE_COUNTY
from model.engine.report import Report
from model.engine.shifts import Shifts
from model.store.versions import Store
from model.texts.domain import Lang
from pages.common.context import PageContext, data_dir, t

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
# A published version downloads as the clerk sent it, in its own format.
MIME_TYPES = {
    "xlsx": XLSX,
    "xlsm": "application/vnd.ms-excel.sheet.macroEnabled.12",
    "xls": "application/vnd.ms-excel",
    "xlsb": "application/vnd.ms-excel.sheet.binary.macroEnabled.12",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}


def _build(report: Report, lang: Lang, show_names: bool, shifts: Shifts, unit: str | None) -> bytes:
    from model.outputs.export import report_workbook

    return report_workbook(report, lang, show_names, shifts, unit)


def _unit(ctx: PageContext) -> str | None:
    """The county for the report's title: the sample's, or the one the published file names."""
    from model.outputs.export import unit_from_file_name

    if ctx.source.is_sample:
        return SAMPLE_COUNTY
    version = Store(data_dir()).get(ctx.source.version) if ctx.source.version else None
    return unit_from_file_name(version.original_name) if version else None


def report_download(ctx: PageContext, report: Report) -> None:
    f = ctx.filters
    st.download_button(
        t("download_report"),
        data=lambda: _build(report, f.lang, f.show_names, ctx.shifts(), _unit(ctx)),
        file_name=t("file_report", year=f.year, day=f"{f.as_of:%Y%m%d}"),
        mime=XLSX,
        icon=":material/download:",
        on_click="ignore",
    )


def _bulletin(ctx: PageContext, report: Report) -> bytes:
    from model.outputs.bulletin import bulletin_bytes, shifts_of_group

    f = ctx.filters
    shifts = ctx.shifts()
    if f.group is not None:
        shifts = shifts_of_group(shifts, f.group)
    todo = ctx.todo()
    return bulletin_bytes(report, shifts, todo, f.lang, f.show_names, _unit(ctx), f.group)


def bulletin_download(ctx: PageContext, report: Report) -> None:
    """The 学习情况通报 (.docx) of the page's year, date and group; built when clicked."""
    f = ctx.filters
    st.download_button(
        t("download_bulletin"),
        data=lambda: _bulletin(ctx, report),
        file_name=t("file_bulletin", year=f.year, day=f"{f.as_of:%Y%m%d}"),
        mime=DOCX,
        icon=":material/description:",
        on_click="ignore",
        help=t("download_bulletin_help"),
        key="bulletin_download",
    )


def risk_pdf_download(ctx: PageContext, report: Report) -> None:
    """The 风险预警 list as PDF; names as the page shows them (成员N while hidden)."""
    from model.outputs.pdf_record import risk_pdf

    f = ctx.filters
    st.download_button(
        t("download_risk_pdf"),
        data=lambda: risk_pdf(report, f.lang, f.show_names),
        file_name=t("file_risk", year=f.year, day=f"{f.as_of:%Y%m%d}"),
        mime=PDF,
        icon=":material/picture_as_pdf:",
        on_click="ignore",
        key="risk_pdf_download",
    )


def _records_pdf(report: Report, keys: tuple[str, ...], lang: Lang) -> bytes:
    from model.engine.record import study_record
    from model.outputs.pdf_record import records_pdf

    return records_pdf([study_record(report, key) for key in keys], lang)


def _records(report: Report, keys: tuple[str, ...], lang: Lang) -> bytes:
    from model.engine.record import study_record
    from model.outputs.record_sheet import records_bytes

    return records_bytes([study_record(report, key) for key in keys], lang)


def member_record_download(
    ctx: PageContext, report: Report, key: str, shown: str | None = None
) -> None:
    """One member's 学习档案; names are printed whatever the meeting mode (it is a file), but
    the button and the file name say the member as the page does (``shown``: a pseudonym while
    names are hidden; by default the name, with its 编号 where two share it)."""
    name = shown or str(report.members.at[key, "display"])
    labels = (t("record_member", name=name), t("record_member_pdf"))
    _record_buttons(ctx, report, (key,), name, labels, "record_member")


def group_record_download(ctx: PageContext, report: Report, default: str | None = None) -> None:
    """Every member of one group, one printable sheet each; only groups the user may see.
    ``default``: the group to offer first (the group of the member picked on the page)."""
    groups = list(dict.fromkeys(report.members["group"]))
    if not groups:
        return
    st.markdown(f"**{t('record_heading')}**", help=t("record_help"))
    chosen = ctx.filters.group if ctx.filters.group in groups else None
    if chosen is None:
        # A member newly picked on the page brings their group; the user may still change it.
        if default in groups and st.session_state.get("record_group_default") != default:
            st.session_state["record_group_pick"] = default
        st.session_state["record_group_default"] = default
        chosen = st.selectbox(t("record_group_pick"), groups, key="record_group_pick")
    keys = tuple(report.members.index[report.members["group"] == chosen])
    labels = (t("record_group", group=chosen), t("record_group_pdf", group=chosen))
    _record_buttons(ctx, report, keys, chosen, labels, "record_group")


def _record_buttons(
    ctx: PageContext,
    report: Report,
    keys: tuple[str, ...],
    name: str,
    labels: tuple[str, str],
    key: str,
) -> None:
    """The 学习档案 of ``keys`` as .xlsx and as PDF, built when clicked; widget keys
    ``{key}_download`` and ``{key}_pdf_download``."""
    lang = ctx.filters.lang
    st.download_button(
        labels[0],
        data=lambda: _records(report, keys, lang),
        file_name=t("file_record", year=report.year, name=name, ext="xlsx"),
        mime=XLSX,
        icon=":material/print:",
        on_click="ignore",
        key=f"{key}_download",
    )
    st.download_button(
        labels[1],
        data=lambda: _records_pdf(report, keys, lang),
        file_name=t("file_record", year=report.year, name=name, ext="pdf"),
        mime=PDF,
        icon=":material/picture_as_pdf:",
        on_click="ignore",
        key=f"{key}_pdf_download",
    )
