"""学习计划: propose the year's plan for one group, preview it, and download it to upload."""

import datetime as dt

import pandas as pd
import streamlit as st

from model.engine.plan import DEFAULT_WEEKDAY, needed_sessions, propose_plan
from model.outputs.plan_workbook import merged_plan_bytes, plan_workbook_bytes
from model.texts.todo import plan_notice
from pages.common.charts import session_timeline
from pages.common.context import t
from pages.common.layout import header

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

ctx = header("page_plan")
if ctx is not None:
    workbook = ctx.result.workbook
    assert workbook is not None
    st.caption(t("plan_intro"))
    groups = sorted(workbook.members["group"].dropna().unique())
    if not groups:
        st.info(t("plan_no_group"))
        st.stop()
    f = ctx.filters
    left, middle, right = st.columns(3)
    group = f.group or left.selectbox(t("plan_group"), groups, key="plan_group")
    # Plans are made at the turn of the year: from October on, the next year is proposed.
    default_year = f.year + 1 if f.as_of >= dt.date(f.year, 10, 1) else f.year
    year = int(
        middle.number_input(
            t("plan_year"), min_value=2000, max_value=2100, value=default_year, key="plan_year"
        )
    )
    start = right.date_input(
        t("plan_start"),
        value=max(dt.date(year, 1, 1), min(f.as_of, dt.date(year, 12, 1))),
        min_value=dt.date(year, 1, 1),
        max_value=dt.date(year, 12, 15),
        key=f"plan_start_{year}",
    )
    weekday = st.radio(
        t("plan_weekday"),
        [1, 2, 3, 4, 5],
        index=DEFAULT_WEEKDAY - 1,
        format_func=lambda day: t(f"weekday_{day}"),
        horizontal=True,
        key="plan_weekday",
    )
    needed = needed_sessions(workbook, group, year, start)
    count = int(
        st.number_input(
            t("plan_count"),
            min_value=1,
            max_value=60,
            value=needed,
            help=t("plan_count_help"),
            key=f"plan_count_{group}_{year}",
        )
    )
    proposal = propose_plan(workbook, group, year, start, int(weekday), count)
    for code, details in proposal.notices:
        st.warning(plan_notice(code, details, f.lang))
    rows = proposal.names()
    shown = pd.DataFrame(
        {
            t("planned_date"): rows["planned_date"].dt.date,
            t("speaker"): rows["speaker"] if f.show_names else "—",
            t("host"): rows["host"] if f.show_names else "—",
            t("topic"): rows["topic"],
            t("state"): t("state_planned"),
        },
    ).set_axis(pd.Index(rows["session"], name=t("session")))
    st.dataframe(shown)
    chart = pd.DataFrame(
        {
            "group": rows["group"].to_numpy(),
            "date": rows["planned_date"].to_numpy(),
            "state": "planned",
            "topic": rows["topic"].to_numpy(),
        },
        index=pd.Index(rows["session"]),
    )
    st.altair_chart(session_timeline(chart, f.lang), width="stretch")

    name = t("file_plan", group=group, year=year)
    current = ctx.source.data
    if ctx.user.can("publish") and ctx.user.groups is None:
        # The current workbook whole: only for a clerk who may see (and publish) every group.
        st.download_button(
            t("plan_download_merged"),
            data=lambda: merged_plan_bytes(current, proposal),
            file_name=t("file_merged", name=name),
            mime=XLSX,
            icon=":material/download:",
            type="primary",
            on_click="ignore",
        )
    st.download_button(
        t("plan_download_alone"),
        data=lambda: plan_workbook_bytes(proposal),
        file_name=name,
        mime=XLSX,
        icon=":material/download:",
        on_click="ignore",
    )
    st.caption(t("plan_upload_hint"))
