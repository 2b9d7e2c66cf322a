"""总览: KPIs, the 四到位 shares, sessions against plan, statuses, and groups by completion."""

import datetime as dt

import streamlit as st

from model.store import Store
from model.texts import finding_title
from pages.common.context import data_dir, t
from pages.common.downloads import report_download
from pages.common.layout import header, percent
from pages.common.scoped import last_update_column
from pages.common.todo_view import group_todo_top

ctx = header("page_overview")
if ctx is not None:
    report = ctx.report()
    lang = ctx.filters.lang
    overall = report.overall
    if report.sessions.empty and report.members.empty:
        st.info(t("no_year_data", year=ctx.filters.year))
    if ctx.filters.group is not None:  # one group: what is due comes first (issue #14)
        group_todo_top(ctx)
    columns = st.columns(4)
    columns[0].metric(t("kpi_held"), f"{int(overall['held'])} / {int(overall['planned'])}")
    columns[1].metric(t("kpi_overdue"), int(overall["overdue"]))
    columns[2].metric(t("kpi_attendance"), percent(overall["attendance_rate"]))
    columns[3].metric(t("kpi_comments"), percent(overall["comment_coverage"]))
    columns = st.columns(4)
    columns[0].metric(t("kpi_passed"), int(overall["passed"]))
    columns[1].metric(t("kpi_at_risk"), int(overall["at_risk"]))
    columns[2].metric(t("kpi_failed"), int(overall["failed"]))
    columns[3].metric(t("members_total"), int(overall["members"]))

    st.subheader(t("four_in_place"), help=t("four_help"))
    four = st.columns(4)
    for column, key in zip(four, ["people", "time", "content", "effect"], strict=True):
        column.metric(t(f"four_{key}"), percent(overall[key]))

    # Altair loads after the numbers are on screen: the KPIs show first on a cold start.
    from pages.common.charts import cumulative_sessions, status_distribution

    left, right = st.columns(2)
    left.altair_chart(cumulative_sessions(report.sessions, ctx.filters.year, lang), width="stretch")
    right.altair_chart(status_distribution(report.members, lang), width="stretch")

    if ctx.filters.group is None and len(report.groups):
        st.subheader(t("groups_table"))
        flags = report.findings.groupby("group")["code"].agg(
            lambda codes: "、".join(finding_title(c, lang) for c in codes.value_counts().index[:3])
        )
        table = report.groups.assign(red_flags=flags).sort_values("completion", ascending=False)
        table = table.rename_axis(t("group"))
        updates = last_update_column(
            Store(data_dir()),
            list(table.index),
            dt.date.today(),
            report.params.update_reminder_days,
        )
        table = table.assign(last_update=updates) if updates else table
        st.dataframe(
            table[
                [
                    "planned",
                    "held",
                    "overdue",
                    "completion",
                    "attendance_rate",
                    "passed",
                    "at_risk",
                    "failed",
                    "red_flags",
                    *(["last_update"] if updates else []),
                ]
            ],
            column_config={
                "planned": t("kpi_planned"),
                "held": t("kpi_held"),
                "overdue": t("kpi_overdue"),
                "completion": st.column_config.ProgressColumn(
                    t("completion"), format="percent", min_value=0, max_value=1
                ),
                "attendance_rate": st.column_config.NumberColumn(
                    t("kpi_attendance"), format="percent"
                ),
                "passed": t("kpi_passed"),
                "at_risk": t("kpi_at_risk"),
                "failed": t("kpi_failed"),
                "red_flags": t("red_flags"),
                "last_update": t("last_update"),
            },
        )
    report_download(ctx, report)
