"""The to-do as pages draw it: on the 待办 page in full, at the top of 总览 for one group."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from model.engine.plan import person_labels
from model.engine.todo import Todo
from model.texts.todo import todo_kind, todo_text
from pages.common.context import PageContext, lang, t


def current_todo(ctx: PageContext, days: int) -> tuple[Todo, pd.Series]:
    """The to-do at the sidebar's as-of date for the chosen group, and the names to show."""
    return ctx.todo(days), person_labels(ctx.report().timeline.members)


def todo_table(todo: Todo, names: pd.Series, ctx: PageContext) -> pd.DataFrame:
    lang, show = ctx.filters.lang, ctx.filters.show_names
    items = todo.items
    records = items.to_dict("records")

    def person(key: object) -> str:
        if not isinstance(key, str):
            return t("todo_clerk")
        return str(names.get(key, key)) if show else "—"

    return pd.DataFrame(
        {
            t("todo_due"): [r["due"] for r in records],
            t("todo_kind"): [todo_kind(r["kind"], lang) for r in records],
            t("group"): [r["group"] for r in records],
            t("todo_person"): [person(r["person"]) for r in records],
            t("todo_text"): [todo_text(r, names, lang) if show else "—" for r in records],
            t("todo_overdue"): ["⚠" if r["overdue"] else "" for r in records],
        }
    )


def todo_counts(todo: Todo) -> None:
    """Counts only: what meeting mode shows."""
    items = todo.items
    columns = st.columns(2)
    columns[0].metric(t("todo_total"), len(items))
    columns[1].metric(t("todo_overdue"), int(items["overdue"].sum()))
    by_kind = items["kind"].value_counts()
    if len(by_kind):
        kinds = st.columns(min(len(by_kind), 5))
        for index, (kind, count) in enumerate(by_kind.items()):
            kinds[index % len(kinds)].metric(todo_kind(str(kind), lang()), int(count))


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


TOP_ROWS = 8  # the top of 总览 shows the first few; the 待办 page has them all


def group_todo_top(ctx: PageContext, days: int = 14) -> None:
    """The chosen group's to-do above the overview's numbers (counts only in meeting mode)."""
    todo, names = current_todo(ctx, days)
    st.subheader(t("todo_top", days=days))
    if ctx.filters.meeting:
        todo_counts(todo)
        return
    if todo.items.empty:
        st.caption(t("todo_none"))
        return
    table = todo_table(todo, names, ctx)
    st.dataframe(table.head(TOP_ROWS), hide_index=True)
    if len(table) > TOP_ROWS:
        st.caption(t("todo_more", count=len(table) - TOP_ROWS))
