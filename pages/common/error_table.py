"""The clerk's list of errors, one table per sheet, shown whole: long messages and hints wrap
in rows tall enough for them (they were cut: "…或先在")."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from model.workbook.errors import WorkbookError
from pages.common.cells import texts
from pages.common.context import lang, t
from pages.common.grid import row_height
from pages.common.layout import safe

# The width asked for 问题 and 怎么改: with 单元格, 列 and 填写的值 (264 px) the table fits the
# 904 px the page gives it at 1366 px (at 340 px it was 944 and scrolled sideways).
TEXT_COLUMN_PX = 300


def error_tables(errors: Sequence[WorkbookError]) -> None:
    rows = []
    for error in errors:
        message, hint = error.text(lang())
        rows.append(error.as_dict() | {"message": message, "hint": hint})
    frame = pd.DataFrame(rows)
    for sheet, sheet_rows in frame.groupby(frame["sheet"].fillna("—"), sort=False):
        st.markdown(f"**{safe(sheet)}**")
        messages = [str(m) for m in sheet_rows["message"]]
        hints = texts(sheet_rows["hint"], blank="")
        st.dataframe(
            pd.DataFrame(
                {
                    # A whole-column or whole-sheet error has no cell: a dash, never None.
                    t("cell"): texts(sheet_rows["cell"]),
                    t("column"): texts(sheet_rows["column"]),
                    t("value"): texts(sheet_rows["value"], blank=""),
                    t("problem"): messages,
                    t("how_to_fix"): hints,
                }
            ),
            hide_index=True,
            row_height=row_height([*messages, *hints], TEXT_COLUMN_PX),
            column_config={
                t("cell"): st.column_config.TextColumn(width=72),
                t("column"): st.column_config.TextColumn(width=96),
                t("value"): st.column_config.TextColumn(width=96),
                t("problem"): st.column_config.TextColumn(width=TEXT_COLUMN_PX),
                t("how_to_fix"): st.column_config.TextColumn(width=TEXT_COLUMN_PX),
            },
        )
