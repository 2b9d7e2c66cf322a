"""What is due (issue #14): the clerk's and the speakers' deadlines around an as-of date.

Each item is a code (its ``kind``), a due date, the group, session and person it concerns, and
the details its Chinese text is filled from (``model.texts.todo``). An item is listed when it
falls due by the end of the window, or is overdue by less than a year; ``overdue`` when its due
date has passed. Three kinds have their own horizon: ``topic_tbd`` (a session within 30 days),
``exam_due`` (under 60 days left in the year) and ``makeup_due`` (a failed exam, any time).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from model.engine.timeline import Timeline, year_members
from model.engine.topics import topic_settled

TODO_KINDS = [
    "session_upcoming",
    "draft_due",
    "topic_tbd",
    "revision_due",
    "outreach_due",
    "article_due",
    "records_missing",
    "exam_due",
    "makeup_due",
]
DEFAULT_DAYS = 14
TOPIC_HORIZON_DAYS = 30
EXAM_WARNING_DAYS = 60  # DOMAIN.md §5: "no exam score yet while the year has under 60 days left"
LOOKBACK_DAYS = 365  # older overdue items are history, not a to-do
ITEM_COLUMNS = ["due", "kind", "group", "session", "person", "overdue", "details"]


@dataclass
class Todo:
    as_of: dt.date
    days: int
    items: pd.DataFrame  # ITEM_COLUMNS, by due date; person is a member key or None


def _date(value: object) -> dt.date:
    return pd.Timestamp(value).date()  # type: ignore[arg-type]


def _not_yet(done: pd.Series, today: pd.Timestamp) -> pd.Series:
    """A date missing or after the as-of date: at that date it has not happened."""
    return done.isna() | (done > today)


def _session_items(timeline: Timeline) -> list[dict]:
    today = timeline.as_of
    params = timeline.params
    lead = pd.Timedelta(days=params.draft_lead_days)
    sessions = timeline.sessions
    items: list[dict] = []

    def add(frame: pd.DataFrame, kind: str, due: pd.Series, person: str | None, **extra) -> None:
        for session, row in frame.iterrows():
            session = str(session)
            details = {
                "topic": row["topic"],
                "date": _date(row["date"]),
                "speaker": row["speaker"],
                "host": row["host"],
            }
            items.append(
                {
                    "due": _date(due.at[session]),
                    "kind": kind,
                    "group": row["group"],
                    "session": session,
                    "person": row[person] if person else None,
                    "details": details | {k: v.at[session] for k, v in extra.items()},
                }
            )

    planned = sessions[~sessions["held"] & ~sessions["cancelled"] & ~sessions["postponed"]]
    add(planned, "session_upcoming", planned["planned_date"], "speaker")
    no_draft = planned[_not_yet(planned["draft_sent"], today)]
    add(no_draft, "draft_due", no_draft["planned_date"] - lead, "speaker")
    horizon = today + pd.Timedelta(days=TOPIC_HORIZON_DAYS)
    tbd = planned[~topic_settled(planned["topic"]) & (planned["planned_date"] <= horizon)]
    add(tbd, "topic_tbd", tbd["planned_date"] - lead, "speaker")

    held = sessions[sessions["held"]]
    final = held["final_date"]
    unrevised = held[_not_yet(final, today) | (final < held["held_date"])]
    add(unrevised, "revision_due", unrevised["held_date"], "speaker")
    no_outreach = held[held["outreach_count"] == 0]
    add(
        no_outreach,
        "outreach_due",
        no_outreach["held_date"] + pd.Timedelta(days=params.outreach_deadline_days),
        "speaker",
    )
    no_article = held[~held["article_done"]]
    add(
        no_article,
        "article_due",
        no_article["held_date"] + pd.Timedelta(days=params.article_deadline_days),
        "speaker",
    )
    rows = timeline.attendance
    missing = rows[rows["missing_row"] & rows["expected"]]
    if len(missing):
        who = missing.groupby("session")["member"].agg(tuple)
        lacking = held.loc[held.index.intersection(who.index)]
        add(lacking, "records_missing", lacking["held_date"], None, members=who)
    return items


def _exam_rows(timeline: Timeline, exams: pd.DataFrame) -> list[dict]:
    today = timeline.as_of.date()
    year = today.year
    end = dt.date(year, 12, 31)
    members = year_members(timeline.members, year)
    members = members[~members["exempt"]]
    scores = exams[exams["year"] == year].drop_duplicates("member").set_index("member")
    pass_mark = timeline.params.exam_pass_mark
    items: list[dict] = []
    for key, member in members.iterrows():
        score = scores["score"].get(key, pd.NA)
        makeup = scores["makeup"].get(key, pd.NA)
        base = {"due": end, "group": member["group"], "session": None, "person": key}
        if pd.isna(score) and (end - today).days < EXAM_WARNING_DAYS:
            items.append(base | {"kind": "exam_due", "details": {"year": year}})
        elif not pd.isna(score) and score < pass_mark and pd.isna(makeup):
            details = {"year": year, "score": float(score)}
            items.append(base | {"kind": "makeup_due", "details": details})
    return items


def due_items(
    timeline: Timeline,
    exams: pd.DataFrame,
    last: dt.date,
    first: dt.date | None = None,
    group: str | None = None,
) -> pd.DataFrame:
    """Every item due on or before ``last`` (and on or after ``first``, by default a year
    before the as-of date), by due date; the to-do and the calendar both read this."""
    today = timeline.as_of.date()
    first = first or today - dt.timedelta(days=LOOKBACK_DAYS)
    items = pd.DataFrame(
        _session_items(timeline) + _exam_rows(timeline, exams), columns=ITEM_COLUMNS
    )
    own_horizon = items["kind"].isin(["topic_tbd", "exam_due", "makeup_due"])
    due = items["due"]
    window = (due >= first) & (own_horizon | (due <= last))
    if group is not None:
        window &= items["group"] == group
    items = items[window].copy()
    items["overdue"] = items["due"] < today
    order = items["kind"].map({kind: n for n, kind in enumerate(TODO_KINDS)})
    items = items.assign(_order=order).sort_values(["due", "_order", "group", "session"])
    return items.drop(columns="_order").reset_index(drop=True)


def todo_items(
    timeline: Timeline, exams: pd.DataFrame, days: int = DEFAULT_DAYS, group: str | None = None
) -> Todo:
    """The to-do at the timeline's as-of date: due within ``days`` days, or overdue."""
    today = timeline.as_of.date()
    items = due_items(timeline, exams, today + dt.timedelta(days=days), group=group)
    return Todo(today, days, items)


def group_todo(todo: Todo, group: str | None) -> Todo:
    """One group's to-do cut from every group's (the order is kept): what ``todo_items`` with
    that group gives, for the cost of a filter."""
    if group is None:
        return todo
    return Todo(todo.as_of, todo.days, todo.items[todo.items["group"] == group])
