"""The plan's sessions and the to-do's deadlines as an iCalendar file (RFC 5545, issue #14).

Sessions are timed events in Asia/Shanghai (the workbook holds no hour, so 09:00–11:00);
deadlines are all-day events. Every UID is derived from what the event is about (kind, group,
session, person), never from the export: a calendar that imports the file again updates the
events instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from zoneinfo import ZoneInfo

import pandas as pd
from icalendar import Calendar, Event

from model.engine.plan import person_labels
from model.engine.timeline import Timeline, year_members
from model.engine.todo import due_items
from model.texts.plural import fill
from model.texts.todo import CALENDAR_TEXTS, todo_kind, todo_text

TIMEZONE = ZoneInfo("Asia/Shanghai")
SESSION_START = dt.time(9, 0)
SESSION_LENGTH = dt.timedelta(hours=2)
# The deadlines a speaker puts in a calendar; sessions come as events of their own.
CALENDAR_KINDS = ["draft_due", "topic_tbd", "revision_due", "outreach_due", "article_due"]
PRODUCT = "-//xuexi-taizhang//1+X study ledger//ZH"


def event_uid(*parts: object) -> str:
    digest = hashlib.sha1("|".join(str(p) for p in parts).encode()).hexdigest()[:24]
    return f"{digest}@xuexi-taizhang"


def calendar_events(
    timeline: Timeline,
    exams: pd.DataFrame,
    year: int,
    group: str | None = None,
    person: str | None = None,
) -> list[Event]:
    """The year's sessions (not cancelled) and deadlines, for a group or one member (key)."""
    names = person_labels(timeline.members)
    sessions = timeline.sessions
    sessions = sessions[(sessions["year"] == year) & ~sessions["cancelled"]]
    if person is not None:  # every member attends every session of the group
        group = str(timeline.members.at[person, "group"])
    if group is not None:
        sessions = sessions[sessions["group"] == group]
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    events: list[Event] = []
    for session, row in sessions.sort_values("date").iterrows():
        item = {
            "kind": "session_upcoming",
            "due": row["date"].date(),
            "session": session,
            "person": row["speaker"],
            "details": {
                "topic": row["topic"],
                "date": row["date"].date(),
                "speaker": row["speaker"],
                "host": row["host"],
            },
        }
        start = dt.datetime.combine(row["date"].date(), SESSION_START, TIMEZONE)
        event = Event()
        event.add("uid", event_uid("session", row["group"], session))
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + SESSION_LENGTH)
        speaker = names.get(row["speaker"], "")
        event.add(
            "summary", fill(CALENDAR_TEXTS["session"]["zh"], group=row["group"], speaker=speaker)
        )
        event.add("description", todo_text(item, names))
        event.add("location", row["group"])  # the ledger names no venue: the group meets at home
        events.append(event)
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    items = due_items(timeline, exams, last, first=first, group=group)
    items = items[items["kind"].isin(CALENDAR_KINDS) & (items["due"] <= last)]
    if person is not None:
        items = items[items["person"] == person]
    for due in items.to_dict("records"):
        event = Event()
        event.add("uid", event_uid(due["kind"], due["group"], due["session"], due["person"]))
        event.add("dtstamp", stamp)
        event.add("dtstart", due["due"])  # a date: an all-day event
        event.add("dtend", due["due"] + dt.timedelta(days=1))
        event.add("summary", f"{todo_kind(str(due['kind']))}：{names.get(due['person'], '')}")
        event.add("description", todo_text(due, names))
        events.append(event)
    events += _exam_deadlines(timeline, exams, year, group, person, names, stamp)
    return events


def _exam_deadlines(
    timeline: Timeline,
    exams: pd.DataFrame,
    year: int,
    group: str | None,
    person: str | None,
    names: pd.Series,
    stamp: dt.datetime,
) -> list[Event]:
    """31 December: the year's theory exam (and make-up) deadline, for whoever has not passed:
    one event for the group (how many), or the member's own."""
    members = year_members(timeline.members, year)
    members = members[~members["exempt"].astype(bool)]
    if group is not None:
        members = members[members["group"] == group]
    if person is not None:
        members = members[members.index == person]
    scores = exams[exams["year"] == year].drop_duplicates("member").set_index("member")
    mark = timeline.params.exam_pass_mark
    best = pd.concat([scores["score"], scores["makeup"]], axis=1).max(axis=1)
    passed = best.reindex(members.index) >= mark
    pending = members[~passed.fillna(False).astype(bool)]
    if pending.empty:
        return []
    end = dt.date(year, 12, 31)
    if person is not None:
        summary = fill(CALENDAR_TEXTS["exam_person"]["zh"], person=names.get(person, ""), year=year)
    else:
        place = group if group is not None else ""
        summary = fill(CALENDAR_TEXTS["exam"]["zh"], group=place, year=year, pending=len(pending))
    event = Event()
    event.add("uid", event_uid("exam_due", group, year, person))
    event.add("dtstamp", stamp)
    event.add("dtstart", end)
    event.add("dtend", end + dt.timedelta(days=1))
    event.add("summary", summary)
    return [event]


def calendar_bytes(
    timeline: Timeline,
    exams: pd.DataFrame,
    year: int,
    group: str | None = None,
    person: str | None = None,
) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    names = person_labels(timeline.members)
    if person is not None:
        group = str(timeline.members.at[person, "group"])
        name = fill(
            CALENDAR_TEXTS["name_person"]["zh"], year=year, group=group, person=names.get(person)
        )
    elif group is not None:
        name = fill(CALENDAR_TEXTS["name_group"]["zh"], year=year, group=group)
    else:
        name = fill(CALENDAR_TEXTS["name"]["zh"], year=year)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Asia/Shanghai")
    for event in calendar_events(timeline, exams, year, group, person):
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
