"""学习安排: the sessions of the year by group and month, with their checks and participation."""

import pandas as pd
import streamlit as st

from pages.common.cells import days
from pages.common.charts import session_timeline
from pages.common.context import t
from pages.common.layout import finding_lines, header, safe

CHECKS = [
    ("draft_on_time", "check_draft"),
    ("duration_ok", "check_duration"),
    ("all_attended", "check_attendance"),
    ("all_commented", "check_comments"),
    ("revised", "check_revised"),
    ("outreach_done", "check_outreach"),
    ("article_done", "check_article"),
]

ctx = header("page_sessions")
if ctx is not None:
    report = ctx.report()
    sessions = report.sessions
    names = report.timeline.members["name"]
    if sessions.empty:
        st.info(t("no_sessions"))
    else:
        st.altair_chart(session_timeline(sessions, ctx.filters.lang), width="stretch")
        table = pd.DataFrame(
            {
                t("group"): sessions["group"],
                t("planned_date"): days(sessions["planned_date"]),
                t("held_date"): days(sessions["held_date"].where(sessions["held"])),
                t("topic"): sessions["topic"],
                t("speaker"): sessions["speaker"].map(names) if ctx.filters.show_names else "—",
                t("host"): sessions["host"].map(names) if ctx.filters.show_names else "—",
                t("state"): [t(f"state_{s}") for s in sessions["state"]],
            },
            index=sessions.index.rename(t("session")),
        )
        for column, label in CHECKS:
            table[t(label)] = [
                (t("yes") if ok else t("no")) if held else ""
                for ok, held in zip(sessions[column], sessions["held"], strict=True)
            ]
        table = table.sort_values(t("planned_date"))
        picked = st.dataframe(
            table, on_select="rerun", selection_mode="single-row", key="sessions_table"
        )
        rows = picked.selection.rows if picked else []
        st.caption(t("pick_session"))
        if rows:
            session = table.index[rows[0]]
            st.subheader(f"{t('session')} {safe(session)}：{safe(sessions.at[session, 'topic'])}")
            attendance = report.timeline.attendance
            present = attendance[attendance["session"] == session]
            if ctx.filters.show_names and len(present):
                st.markdown(f"**{t('participation')}**")
                st.dataframe(
                    pd.DataFrame(
                        {
                            t("name"): present["member"].map(names).to_numpy(),
                            t("attendance"): [t(f"value_{v}") for v in present["attendance"]],
                            t("comment"): [
                                t("speaker") if speaker else t(f"value_{v}")
                                for v, speaker in zip(
                                    present["comment"], present["is_speaker"], strict=True
                                )
                            ],
                        }
                    ),
                    hide_index=True,
                )
            found = report.findings[report.findings["session"] == session]
            st.markdown(f"**{t('findings')}**")
            if found.empty:
                st.success(t("no_findings"))
            for line in finding_lines(found, ctx.filters):
                st.warning(line)
