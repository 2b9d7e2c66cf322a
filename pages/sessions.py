"""学习安排: the sessions of the year by group and month, with their checks and participation."""

import pandas as pd
import streamlit as st

from pages.common.cells import days
from pages.common.charts import session_timeline
from pages.common.context import labelled, listed, t
from pages.common.layout import finding_lines, header, people, safe

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
    who = people(ctx)
    if sessions.empty:
        st.info(t("no_sessions"))
    else:
        st.altair_chart(
            session_timeline(sessions, ctx.filters.lang, projector=ctx.filters.meeting),
            width="stretch",
        )
        table = pd.DataFrame(
            {
                t("group"): sessions["group"],
                t("date"): days(sessions["date"]),
                t("planned_date"): days(sessions["planned_date"]),
                t("held_date"): days(sessions["held_date"].where(sessions["held"])),
                t("topic"): sessions["topic"],
                t("speaker"): who.of(sessions["speaker"]),
                t("host"): who.of(sessions["host"]),
                t("state"): [t(f"state_{s}") for s in sessions["state"]],
            },
            index=sessions.index.rename(t("session")),
        )
        for column, label in CHECKS:
            table[t(label)] = [
                (t("yes") if ok else t("no")) if held else ""
                for ok, held in zip(sessions[column], sessions["held"], strict=True)
            ]
        # One column says what a held session missed, so the seven checks can wait a click.
        table[t("checks_missed")] = [
            listed(t(label) for column, label in CHECKS if not row[column]) or t("checks_none")
            if row["held"]
            else ""
            for _, row in sessions.iterrows()
        ]
        table = table.sort_values(t("date"))
        every_column = st.toggle(t("all_columns"), key="sessions_all_columns")
        brief = [t(k) for k in ("group", "date", "topic", "speaker", "state")]
        brief.append(t("checks_missed"))
        full = [t(k) for k in ("group", "planned_date", "held_date", "topic", "speaker", "host")]
        full += [t("state"), *(t(label) for _, label in CHECKS)]
        picked = st.dataframe(
            table,
            on_select="rerun",
            selection_mode="single-row",
            key="sessions_table",
            column_order=full if every_column else brief,
            # Widths in px that add up to the ~900 px a 1366 px laptop leaves beside the
            # sidebar; the table stretches them on a wider screen.
            column_config={
                t("group"): st.column_config.TextColumn(width=128),
                # Dates as text (YYYY-MM-DD, or — when there is none): never None on screen.
                t("date"): st.column_config.TextColumn(width=92),
                t("planned_date"): st.column_config.TextColumn(width=92),
                t("held_date"): st.column_config.TextColumn(width=92),
                t("topic"): st.column_config.TextColumn(width=220),
                t("speaker"): st.column_config.TextColumn(width=72),
                t("host"): st.column_config.TextColumn(width=72),
                t("state"): st.column_config.TextColumn(width=64),
                t("checks_missed"): st.column_config.TextColumn(width=150),
                **{t(label): st.column_config.TextColumn(width=64) for _, label in CHECKS},
            },
        )
        rows = picked.selection.rows if picked else []
        st.caption(t("pick_session"))
        if rows:
            session = table.index[rows[0]]
            st.subheader(
                labelled(f"{t('session')} {safe(session)}", safe(sessions.at[session, "topic"]))
            )
            attendance = report.timeline.attendance
            present = attendance[attendance["session"] == session]
            if len(present):
                st.markdown(f"**{t('participation')}**")
                st.dataframe(
                    pd.DataFrame(
                        {
                            t("name"): who.of(present["member"]).to_numpy(),
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
            for line in finding_lines(found, who):
                st.warning(line)
