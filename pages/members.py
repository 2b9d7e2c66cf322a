"""成员学分: credits with breakdown and status; one member's year in detail."""

import pandas as pd
import streamlit as st

from model.engine.credits import BREAKDOWN, credit_events
from model.engine.ranking import members_worst_first
from model.texts.domain import status_label
from pages.common.cells import days
from pages.common.charts import credit_buildup, status_distribution
from pages.common.context import t
from pages.common.downloads import (
    group_record_download,
    member_record_download,
    report_download,
)
from pages.common.layout import MEMBER_PARAM, explanation, header, people, safe

ctx = header("page_members")
if ctx is not None:
    report = ctx.report()
    lang = ctx.filters.lang
    members = report.members
    who = people(ctx)
    rows: list[int] = []
    if members.empty:
        st.info(t("no_members"))
    else:
        if ctx.filters.meeting:
            st.altair_chart(status_distribution(members, lang, projector=True), width="stretch")
        shown = members.assign(shown=who.of(members["key"]))
        if ctx.filters.show_names:  # a search by name only where names are shown
            query = st.text_input(t("search_name"), key="member_search").strip()
            if query:
                shown = shown[shown["display"].str.contains(query, regex=False)]
        breakdown = {t(f"breakdown_{part}"): shown[part] for part in BREAKDOWN}
        table = pd.DataFrame(
            {
                t("group"): shown["group"],
                t("name"): shown["shown"],
                t("status"): [status_label(s, lang) for s in shown["status"]],
                t("credits"): shown["credits"],
                t("line"): shown["line"],
                t("projected"): shown["projected"].round(1),
                **breakdown,
                t("exam"): [f"{v:g}" if pd.notna(v) else "—" for v in shown["score"]],
                t("makeup"): [f"{v:g}" if pd.notna(v) else "" for v in shown["makeup"]],
            }
        )
        # Worst first: 不达标, then 风险 by the largest shortfall, then the rest.
        table = table.loc[members_worst_first(shown, by_name=ctx.filters.show_names)]
        every_column = st.toggle(t("show_breakdown"), key="members_breakdown")
        brief = [t(k) for k in ("name", "status", "group", "credits", "line", "projected")]
        brief += [t("exam"), t("makeup")]
        picked = st.dataframe(
            table,
            hide_index=True,
            on_select="rerun",
            selection_mode="single-row",
            key="members_table",
            column_order=[*brief[:6], *breakdown, *brief[6:]] if every_column else brief,
            column_config={
                t("group"): st.column_config.TextColumn(width="medium"),
                # The name stays in view when the table scrolls sideways (pinned columns come
                # first and are drawn a shade lighter, so only the name is pinned).
                t("name"): st.column_config.TextColumn(width="medium", pinned=True),
                # 状态 right after it, wide enough for 不达标 and 免考核 at any table width.
                t("status"): st.column_config.TextColumn(width=90),
                t("credits"): st.column_config.NumberColumn(width="small", format="%g"),
                t("line"): st.column_config.NumberColumn(width="small"),
                t("projected"): st.column_config.NumberColumn(width="small", format="%.1f"),
                t("exam"): st.column_config.TextColumn(width="small"),
                t("makeup"): st.column_config.TextColumn(width="small"),
                **{
                    name: st.column_config.NumberColumn(width="small", format="%g")
                    for name in breakdown
                },
            },
        )
        st.caption(t("pick_member"))
        rows = picked.selection.rows if picked else []
        # A link from a risk card (?member=KEY) opens that member until a row is picked here.
        linked = st.query_params.get(MEMBER_PARAM)
        if not rows and linked in table.index:
            rows = [list(table.index).index(linked)]
        if rows:
            key = table.index[rows[0]]
            row = members.loc[key]
            st.subheader(
                t(
                    "member_heading",
                    name=safe(who.by_key[key]),
                    group=safe(row["group"]),
                    status=status_label(row["status"], lang),
                )
            )
            cols = st.columns(4)
            cols[0].metric(t("credits"), f"{row['credits']:g} / {row['line']}")
            cols[1].metric(t("projected"), f"{round(row['projected'], 1):g}")
            cols[2].metric(t("attainable"), f"{round(row['attainable'], 1):g}")
            # The make-up goes in the metric's label line, not its value: "50（补考 45）" as a
            # value was cut at 1366 px.
            exam = t("no_exam_yet") if pd.isna(row["score"]) else f"{row['score']:g}"
            exam_label = t("exam")
            if not pd.isna(row["makeup"]):
                exam_label = t("exam_with_makeup", makeup=f"{row['makeup']:g}")
            cols[3].metric(exam_label, exam)
            member_record_download(ctx, report, key, who.by_key[key])
            events = credit_events(report.timeline, key, ctx.filters.year)
            st.altair_chart(
                credit_buildup(events, int(row["line"]), lang, projector=ctx.filters.meeting),
                width="stretch",
            )
            reasons, fix, consequence = explanation(row, lang)
            st.markdown(reasons)
            if fix:
                st.info(fix)
            if consequence:
                st.error(consequence)
            attendance = report.timeline.attendance
            mine = attendance[
                (attendance["member"] == key) & (attendance["year"] == ctx.filters.year)
            ]
            if len(mine):
                st.dataframe(
                    pd.DataFrame(
                        {
                            t("session"): mine["session"].to_numpy(),
                            t("held_date"): days(mine["held_date"]),
                            t("attendance"): [t(f"value_{v}") for v in mine["attendance"]],
                            t("comment"): [
                                t("speaker") if s else t(f"value_{v}")
                                for v, s in zip(mine["comment"], mine["is_speaker"], strict=True)
                            ],
                        }
                    ),
                    hide_index=True,
                )
    report_download(ctx, report)
    # The group's 学习档案 defaults to the group of the member picked above.
    picked_group = None if members.empty or not rows else str(members.at[key, "group"])
    group_record_download(ctx, report, picked_group)
