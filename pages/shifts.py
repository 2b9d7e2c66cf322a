"""成效: the four shifts of the article, year over year, with the paragraph for the summary."""

import streamlit as st

from model.engine.shifts import AVERAGES, SHIFTS
from model.texts.shifts import (
    METRIC_LABELS,
    SHIFT_TITLES,
    change_text,
    period_caption,
    shown,
    summary_paragraph,
)
from pages.common.context import t
from pages.common.downloads import bulletin_download
from pages.common.layout import header

ctx = header("page_shifts")
if ctx is not None:
    lang = ctx.filters.lang
    result = ctx.shifts()
    group = ctx.filters.group
    figures = result.overall if group is None else result.groups.get(group, result.overall)
    history = result.history
    history = (
        history[history["group"].isna()] if group is None else history[history["group"] == group]
    )
    st.caption(t("shifts_intro"))
    st.info(period_caption(result, lang))
    from pages.common.charts import shift_trend  # Altair after the numbers

    panels = st.columns(2)
    for index, (shift, metrics) in enumerate(SHIFTS.items()):
        with panels[index % 2].container(border=True):
            st.subheader(SHIFT_TITLES[shift][lang])
            # At most three side by side: four in a half-width card cut "94.1%" to "94.…".
            per_row = len(metrics) if len(metrics) <= 3 else 2
            names_in_rows = [
                list(metrics)[i : i + per_row] for i in range(0, len(metrics), per_row)
            ]
            cells = [c for row in names_in_rows for c in st.columns(per_row)]
            for column, name in zip(cells, metrics, strict=True):
                value = figures[name]
                column.metric(
                    METRIC_LABELS[name][lang],
                    shown(name, value["value"]),
                )
                column.caption(change_text(name, value, lang, result.like_with_like))
            rates = [name for name in metrics if name not in AVERAGES]
            names = {name: METRIC_LABELS[name][lang] for name in rates}
            st.altair_chart(
                shift_trend(history, rates, names, lang, projector=ctx.filters.meeting),
                width="stretch",
            )
    st.subheader(t("shifts_summary"))
    st.code(summary_paragraph(result, lang), language=None, wrap_lines=True)
    bulletin_download(ctx, ctx.report())
