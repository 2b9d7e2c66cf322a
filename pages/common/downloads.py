"""The Excel report download, built only when asked for."""

from __future__ import annotations

import streamlit as st

from model.engine import Report, Shifts
from model.texts import Lang
from pages.common.context import PageContext, t

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A published version downloads as the clerk sent it, in its own format.
MIME_TYPES = {
    "xlsx": XLSX,
    "xlsm": "application/vnd.ms-excel.sheet.macroEnabled.12",
    "xls": "application/vnd.ms-excel",
    "xlsb": "application/vnd.ms-excel.sheet.binary.macroEnabled.12",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}


def _build(report: Report, lang: Lang, show_names: bool, shifts: Shifts) -> bytes:
    from model.outputs import (
        report_workbook,  # openpyxl loads only when a report is asked for
    )

    return report_workbook(report, lang, show_names, shifts)


def report_download(ctx: PageContext, report: Report) -> None:
    f = ctx.filters
    st.download_button(
        t("download_report"),
        data=lambda: _build(report, f.lang, f.show_names, ctx.shifts()),
        file_name=f"学习台账报表-{f.year}-{f.as_of:%Y%m%d}.xlsx",
        mime=XLSX,
        icon=":material/download:",
        on_click="ignore",
    )
