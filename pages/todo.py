"""待办: what is due in the coming days or overdue, by week and by person, and the calendar."""

import pandas as pd
import streamlit as st

from model.engine.plan import person_labels
from model.engine.todo import DEFAULT_DAYS
from model.outputs.calendar import calendar_bytes
from pages.common.context import bracketed, t
from pages.common.layout import header
from pages.common.todo_view import current_todo, todo_counts, todo_table, week_start

ctx = header("page_todo")
if ctx is not None:
    days = int(
        st.number_input(
            t("todo_days"), min_value=1, max_value=120, value=DEFAULT_DAYS, key="todo_days"
        )
    )
    st.caption(t("todo_intro", days=days))
    todo, names = current_todo(ctx, days)
    todo_counts(todo)
    if todo.items.empty:
        st.success(t("todo_none"))
    elif not ctx.filters.meeting:
        table = todo_table(todo, names, ctx)
        by_week, by_person = st.tabs([t("todo_by_week"), t("todo_by_person")])
        with by_week:
            overdue = todo.items["overdue"].to_numpy()
            # Each table is all overdue or none: its heading says which, no column needed.
            by_due = table.drop(columns=t("todo_overdue"))
            if overdue.any():
                st.markdown(f"**{t('todo_overdue_group')}**")
                st.dataframe(by_due[overdue], hide_index=True)
            weeks = pd.Series([week_start(d) for d in todo.items["due"]])
            for start in sorted(set(weeks[~overdue])):
                st.markdown(f"**{t('todo_week_of', start=start.isoformat())}**")
                st.dataframe(by_due[(weeks == start).to_numpy() & ~overdue], hide_index=True)
        with by_person:
            person_column = t("todo_person")
            if ctx.filters.group is None:
                # Every group: one table by person, not a table for each of a county's people
                # (hundreds of tables are a wall to scroll, and slow to draw).
                by_who = table.sort_values([person_column, t("group")], kind="stable")
                st.dataframe(by_who, hide_index=True)
            else:
                for who, rows in table.groupby(person_column, sort=True):
                    st.markdown(f"**{bracketed(who, len(rows))}**")
                    st.dataframe(rows.drop(columns=person_column), hide_index=True)

    # The calendar: the group's year, or one member's sessions and deadlines.
    if ctx.filters.group is None and not ctx.filters.meeting:
        st.caption(t("calendar_pick_group"))  # no dead end: say where the calendar is
    if ctx.filters.group is not None and not ctx.filters.meeting:
        timeline = ctx.report().timeline
        members = timeline.members[timeline.members["group"] == ctx.filters.group]
        labels = person_labels(members)
        everyone = t("calendar_everyone")
        keys = [str(key) for key in labels.index]
        options: list[str] = [everyone, *keys] if ctx.filters.show_names else [everyone]
        chosen = st.selectbox(
            t("calendar_person"),
            options,
            format_func=lambda key: key if key == everyone else str(labels[key]),
            key="todo_calendar_person",
        )
        person: str | None = None if chosen == everyone else str(chosen)
        workbook = ctx.result.workbook
        assert workbook is not None
        st.download_button(
            t("calendar_download"),
            data=calendar_bytes(
                timeline, workbook.exams, ctx.filters.year, ctx.filters.group, person
            ),
            # One person's calendar is named for the person, not the group.
            file_name=t(
                "calendar_file",
                group=ctx.filters.group,
                year=ctx.filters.year,
                who=f"-{labels[person]}" if person is not None else "",
            ),
            mime="text/calendar",
            icon=":material/calendar_month:",
            on_click="ignore",
        )
        st.caption(t("calendar_hint", year=ctx.filters.year))
