"""总览: KPIs, the 四到位 shares, sessions against plan, statuses, and groups by completion."""

import datetime as dt

import streamlit as st

from model.engine.ranking import groups_lagging_first, red_flag_codes
from model.store.versions import Store
from model.texts.domain import finding_title
from pages.common.context import data_dir, listed, t
from pages.common.downloads import bulletin_download, report_download
from pages.common.grid import grid_height, row_height
from pages.common.layout import (
    PERCENT_FORMAT,
    group_shortfall_lines,
    header,
    header_width,
    people,
    percent,
    percent_points,
    text_width,
)
from pages.common.meeting import GRID_CHAR_PX
from pages.common.scoped import last_update_column
from pages.common.state_keys import FLT_GROUP
from pages.common.todo_view import group_todo_top

RED_FLAGS_PX = 250  # 主要问题: wide enough for two findings a line
SHOWN_ROWS = 12  # groups in view before the table scrolls

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

    meeting = ctx.filters.meeting
    left, right = st.columns(2)
    left.altair_chart(
        cumulative_sessions(report.sessions, ctx.filters.year, lang, projector=meeting),
        width="stretch",
    )
    right.altair_chart(
        status_distribution(report.members, lang, projector=meeting), width="stretch"
    )

    shortfalls = group_shortfall_lines(report.members, people(ctx), lang)
    if shortfalls:  # the group's shortfall, not its members' (GROUP_SHORT)
        st.subheader(t("group_short_title"))
        st.caption(t("group_short_intro"))
        for shortfall in shortfalls:
            st.warning(shortfall["text"])

    if ctx.filters.group is None and len(report.groups):
        st.subheader(t("groups_table"))
        st.caption(t("groups_table_order"))
        flags = red_flag_codes(report.findings).map(
            lambda codes: listed(finding_title(code, lang) for code in codes)
        )
        groups = report.groups
        # Lagging groups first: lowest completion, then most members failed or at risk.
        table = groups.loc[groups_lagging_first(groups)]
        table = table.assign(
            red_flags=flags,
            completion=percent_points(table["completion"]),
            attendance_rate=percent_points(table["attendance_rate"]),
        )
        table = table.assign(
            held_of_planned=[
                f"{held} / {planned}"
                for held, planned in zip(table["held"], table["planned"], strict=True)
            ]
        ).rename_axis(t("group"))
        updates = last_update_column(
            Store(data_dir()),
            list(table.index),
            dt.date.today(),
            report.params.update_reminder_days,
        )
        table = table.assign(last_update=updates) if updates else table
        every_column = st.toggle(t("all_columns"), key="groups_all_columns")
        brief = ["completion", "held_of_planned", "overdue", "attendance_rate", "failed"]
        brief += ["at_risk", "red_flags"]
        full = ["completion", "held", "planned", "overdue", "attendance_rate", "failed"]
        full += ["at_risk", "passed", "red_flags"]
        if updates:
            brief.append("last_update")
            full.append("last_update")
        number = st.column_config.NumberColumn
        # A click on a row, or on any of its cells (its name), opens that group (the sidebar's
        # 中心组 follows): in row selection alone a click on the name only focused the cell. The
        # key changes with each pick, so coming back to every group does not open it again.
        picks = int(st.session_state.get("groups_table_picks", 0))
        # 主要问题 wraps whole in its column rather than being cut ("主讲人兼…"); a county's
        # groups scroll inside the table beyond SHOWN_ROWS, a few groups need no scrolling.
        flags_shown = [v for v in table["red_flags"] if isinstance(v, str)]
        flag_rows = row_height(flags_shown, RED_FLAGS_PX, meeting)
        picked = st.dataframe(
            # Only what may be shown goes to the browser. The group is a column, not the index:
            # a click on an index cell selects nothing.
            table[full].reset_index(),
            hide_index=True,
            on_select="rerun",
            selection_mode=["single-row", "single-cell"],
            key=f"groups_table_{picks}",
            column_order=[t("group"), *(full if every_column else brief)],
            row_height=flag_rows,
            height=grid_height(min(len(table), SHOWN_ROWS), flag_rows),
            # Widths in px that fit the ~900 px a 1366 px laptop leaves beside the sidebar.
            column_config={
                # The whole name of the longest group, here and on a projector.
                t("group"): st.column_config.TextColumn(
                    width=text_width(table.index, GRID_CHAR_PX[meeting]), pinned=True
                ),
                "planned": number(t("kpi_planned"), width=header_width(t("kpi_planned"), 72)),
                "held": number(t("kpi_held"), width=header_width(t("kpi_held"), 60)),
                "held_of_planned": st.column_config.TextColumn(t("held_of_planned"), width=84),
                "overdue": number(t("kpi_overdue"), width=header_width(t("kpi_overdue"), 48)),
                "completion": st.column_config.ProgressColumn(
                    t("completion"), format=PERCENT_FORMAT, min_value=0, max_value=100, width=120
                ),
                "attendance_rate": number(
                    t("kpi_attendance"),
                    format=PERCENT_FORMAT,
                    width=header_width(t("kpi_attendance"), 64),
                ),
                "passed": number(t("kpi_passed"), width=header_width(t("kpi_passed"), 48)),
                "at_risk": number(t("kpi_at_risk"), width=header_width(t("kpi_at_risk"), 48)),
                "failed": number(t("kpi_failed"), width=header_width(t("kpi_failed"), 64)),
                "red_flags": st.column_config.TextColumn(t("red_flags"), width=RED_FLAGS_PX),
                "last_update": st.column_config.TextColumn(t("last_update")),
            },
        )
        st.caption(t("open_group_hint"))
        selection = picked.selection if picked else None
        chosen = (
            [*selection.get("rows", []), *(row for row, _ in selection.get("cells", []))]
            if selection
            else []
        )
        if chosen:
            st.session_state[FLT_GROUP] = str(table.index[chosen[0]])
            st.session_state["groups_table_picks"] = picks + 1
            st.rerun()
    report_download(ctx, report)
    bulletin_download(ctx, report)
