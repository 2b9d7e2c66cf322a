"""Every change a publish, a scoped publish or a restore would make, seen before it lands
(issue #24): the settings first and loud, then whose status moves, then each sheet's counts and
the rows themselves, old → new, filterable and paged. Never in meeting mode (callers are pages
a meeting does not show)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from model.store.workbook_diff import RowChange, Value, WorkbookDiff
from model.texts.domain import status_label
from model.workbook.params import PARAM_INFO
from pages.common.context import lang, t
from pages.common.grid import row_height

PAGE_ROWS = 200  # rows of the detailed list shown at once
CELLS_COLUMN_PX = 460  # 内容（原值 → 新值）
KINDS = ("added", "removed", "changed")


def shown_value(value: Value) -> str:
    """A cell's value as the clerk typed it: dates ISO, whole numbers without ".0", blank "—"."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return t("yes_word") if value else t("no_word")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# A 参数 by its Chinese name, as the rules page names it in English (the field's name).
ENGLISH_PARAM = {info.zh: name for name, info in PARAM_INFO.items()}


def param_name(key: str) -> str:
    return key if lang() == "zh" else ENGLISH_PARAM.get(key, key)


def _status(code: str | None) -> str:
    return status_label(code, lang()) if code else t("diff_not_assessed")


def show_diff(diff: WorkbookDiff | None, key: str, same: str = "no_changes") -> None:
    """The whole preview; ``key`` keeps the filters of two previews on one page apart; ``same``
    the label shown when nothing changed (against the current version, or between two)."""
    if diff is None:
        return
    if diff.empty:  # only when truly nothing changed
        st.info(t(same))
        return
    if diff.params:
        st.error(t("diff_params", count=len(diff.params)), icon=":material/tune:")
        st.dataframe(
            pd.DataFrame(
                {
                    t("diff_param"): [param_name(p.key) for p in diff.params],
                    t("diff_old"): [shown_value(p.old) for p in diff.params],
                    t("diff_new"): [shown_value(p.new) for p in diff.params],
                }
            ),
            hide_index=True,
        )
    if diff.statuses:
        st.warning(
            t("diff_statuses", count=len(diff.statuses), year=diff.year, as_of=diff.as_of),
            icon=":material/person_alert:",
        )
        st.dataframe(
            pd.DataFrame(
                {
                    t("group"): [s.group for s in diff.statuses],
                    t("name"): [s.name for s in diff.statuses],
                    t("diff_old_status"): [_status(s.old) for s in diff.statuses],
                    t("diff_new_status"): [_status(s.new) for s in diff.statuses],
                }
            ),
            hide_index=True,
        )
    elif diff.statuses_computed:
        st.caption(t("diff_no_statuses", year=diff.year, as_of=diff.as_of))
    counts = diff.counts()
    st.dataframe(
        pd.DataFrame(
            {
                t("sheet_name"): list(counts),
                **{t(f"diff_{kind}"): [sheet[kind] for sheet in counts.values()] for kind in KINDS},
            }
        ),
        hide_index=True,
    )
    if diff.rows:
        _row_list(diff.rows, key)


def _row_list(rows: list[RowChange], key: str) -> None:
    st.markdown(f"**{t('diff_rows', count=len(rows))}**")
    sheets = list(dict.fromkeys(row.sheet for row in rows))
    groups = sorted({row.group for row in rows if row.group})
    left, right = st.columns(2)
    chosen_sheets = left.multiselect(
        t("sheet_name"), sheets, key=f"{key}_sheets", placeholder=t("diff_all_sheets")
    )
    every = t("all_groups")
    chosen_group = right.selectbox(t("group"), [every, *groups], key=f"{key}_group")
    picked = [
        row
        for row in rows
        if (not chosen_sheets or row.sheet in chosen_sheets)
        and (chosen_group == every or row.group == chosen_group)
    ]
    pages = max(1, -(-len(picked) // PAGE_ROWS))
    page = 1
    if pages > 1:
        page = int(
            st.number_input(t("diff_page", pages=pages), 1, pages, 1, step=1, key=f"{key}_page")
        )
    part = picked[(page - 1) * PAGE_ROWS : page * PAGE_ROWS]
    cells = [_cells_text(row) for row in part]
    st.dataframe(
        pd.DataFrame(
            {
                t("sheet_name"): [row.sheet for row in part],
                t("diff_key"): [row.key for row in part],
                t("diff_change"): [t(f"diff_{row.change}") for row in part],
                t("diff_cells"): cells,
            }
        ),
        hide_index=True,
        # Tall enough for the longest row's cells to wrap whole: every change is seen, none is
        # cut to "…" (the grid wraps only in rows over 4rem; 56 px kept one line).
        row_height=row_height(cells, CELLS_COLUMN_PX),
        column_config={
            t("sheet_name"): st.column_config.TextColumn(width=80),
            # A row's key whole, even a member told apart by 编号 and 职务:
            # "CG-2026-04 / 向浩伟（M00105，委员）" was cut at 200 px.
            t("diff_key"): st.column_config.TextColumn(width=260),
            t("diff_change"): st.column_config.TextColumn(width=56),
            t("diff_cells"): st.column_config.TextColumn(width=CELLS_COLUMN_PX),
        },
    )


def _cells_text(row: RowChange) -> str:
    """ "离组日期：— → 2025-09-30" for a change; "时长 60；…" for a row added or removed."""
    if row.change == "changed":
        parts = [
            t("diff_cell_change", column=c.column, old=shown_value(c.old), new=shown_value(c.new))
            for c in row.cells
        ]
    else:
        parts = [
            t(
                "diff_cell_value",
                column=c.column,
                value=shown_value(c.new if row.change == "added" else c.old),
            )
            for c in row.cells
        ]
    return t("cells_separator").join(parts)
