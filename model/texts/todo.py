"""The words of the to-do and of the plan generator's notices (issue #14), code → {zh, en}.

The engine (``model.engine.todo``, ``model.engine.plan``) returns codes and details; these
templates turn them into sentences at the edges.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pandas as pd

from model.texts.domain import Lang
from model.texts.lists import join_list

# The calendar's own words: event titles and the calendar's name (model/outputs/calendar.py).
CALENDAR_TEXTS: dict[str, dict[Lang, str]] = {
    "session": {
        "zh": "{group}中心组学习：{speaker}主讲",
        "en": "{group} study session: {speaker} speaks",
    },
    "exam": {
        "zh": "{group}：{year} 年度理论考试截止（{pending} 人尚未考试或补考）",
        "en": "{group}: {year} theory exam deadline ({pending} still to sit it or the make-up)",
    },
    "exam_person": {
        "zh": "{person}：{year} 年度理论考试截止",
        "en": "{person}: {year} theory exam deadline",
    },
    "name": {"zh": "中心组学习 {year}", "en": "Central group study {year}"},
    "name_group": {"zh": "中心组学习 {year} {group}", "en": "Central group study {year} {group}"},
    "name_person": {
        "zh": "中心组学习 {year} {group} {person}",
        "en": "Central group study {year} {group} {person}",
    },
}

TODO_KIND_LABELS: dict[str, dict[Lang, str]] = {
    "session_upcoming": {"zh": "学习安排", "en": "Session"},
    "draft_due": {"zh": "发初稿", "en": "Draft due"},
    "topic_tbd": {"zh": "定专题", "en": "Topic to choose"},
    "revision_due": {"zh": "定稿", "en": "Revision due"},
    "outreach_due": {"zh": "联系点宣讲", "en": "Outreach due"},
    "article_due": {"zh": "理论文章", "en": "Article due"},
    "records_missing": {"zh": "补录参学记录", "en": "Records missing"},
    "exam_due": {"zh": "理论考试", "en": "Exam due"},
    "makeup_due": {"zh": "补考", "en": "Make-up exam"},
}
TODO_TEXTS: dict[str, dict[Lang, str]] = {
    "session_upcoming": {
        "zh": "{date} 集中学习（场次 {session}）：{speaker} 主讲《{topic}》，{host} 主持",
        "en": "{date} session {session}: {speaker} speaks on “{topic}”, {host} hosts",
    },
    "draft_due": {
        "zh": "{speaker} 于 {due} 前把初稿发给全体与会人员（{date} 主讲《{topic}》）",
        "en": "{speaker} sends the first draft to every attendee by {due} (talk on {date}, “{topic}”)",
    },
    "topic_tbd": {
        "zh": "场次 {session}（{date}）专题仍待定：请与主讲人 {speaker} 商定",
        "en": "Session {session} ({date}) has no topic yet: agree it with the speaker {speaker}",
    },
    "revision_due": {
        "zh": "{speaker} 根据点评修改讲稿并定稿（{date} 主讲《{topic}》）",
        "en": "{speaker} revises the script after the comments (talk of {date}, “{topic}”)",
    },
    "outreach_due": {
        "zh": "{speaker} 于 {due} 前到联系点宣讲《{topic}》",
        "en": "{speaker} gives “{topic}” at the linked points by {due}",
    },
    "article_due": {
        "zh": "{speaker} 于 {due} 前把《{topic}》形成理论文章",
        "en": "{speaker} turns “{topic}” into a theory article by {due}",
    },
    "records_missing": {
        "zh": "补录场次 {session}（{date}）的参学记录：{members}",
        "en": "Record participation of session {session} ({date}) for {members}",
    },
    "exam_due": {
        "zh": "{person} 尚无 {year} 年度理论考试成绩",
        "en": "{person} has no {year} theory exam score yet",
    },
    "makeup_due": {
        "zh": "{person} {year} 年度理论考试 {score:g} 分未及格，尚无补考成绩",
        "en": "{person} failed the {year} theory exam ({score:g}) and has no make-up score yet",
    },
}
NO_TOPIC: dict[Lang, str] = {"zh": "专题待定", "en": "topic to be set"}
PLAN_NOTICES: dict[str, dict[Lang, str]] = {
    "HOLIDAYS_UNKNOWN": {
        "zh": "节假日数据尚未包含 {year} 年：日期只避开了周末，请对照国务院办公厅放假通知核对。",
        "en": "No public-holiday data for {year} yet: dates avoid weekends only; check them against the official notice.",
    },
    "PLAN_EXISTS": {
        "zh": "该中心组本年度已有 {count} 场学习安排；新计划的场次编号不会与之重复。",
        "en": "The group already has {count} sessions this year; the new ids do not collide with them.",
    },
    "PLAN_FEWER_THAN_MEMBERS": {
        "zh": "只安排 {count} 场，少于在岗成员 {members} 人：不是每位成员都能主讲。",
        "en": "Only {count} sessions for {members} members in post: not everyone speaks.",
    },
    "PLAN_BELOW_MINIMUM": {
        "zh": "安排 {count} 场，少于年度场次下限 {minimum} 场。",
        "en": "{count} sessions is below the yearly minimum of {minimum}.",
    },
    "PLAN_TOO_FEW_DAYS": {
        "zh": "开始日期到 12 月中旬只有 {count} 个可用日期，少于所需的 {wanted} 场。",
        "en": "Only {count} usable days before mid-December for {wanted} sessions.",
    },
    "PLAN_CROWDED": {
        "zh": "时间不够：部分场次不在所选的星期，或间隔不足 14 天（最短 {days} 天）。可提前开始日期或减少场次。",
        "en": "Too little time: some sessions fall on other weekdays or less than 14 days apart (shortest {days} days). Start earlier or plan fewer.",
    },
    "PLAN_NO_HEAD": {
        "zh": "该中心组没有标明一把手：第一场由名单第一位主讲。",
        "en": "The group has no head marked: the first member on the list speaks first.",
    },
    "PLAN_MEMBER_NOT_PLACED": {
        "zh": "以下成员在岗期间没有可用日期，未安排主讲：{names}",
        "en": "No usable date while in post, so no talk planned for: {names}",
    },
}


def _day(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else "—"


def todo_text(
    item: Mapping[Any, Any], names: Mapping[str, str] | pd.Series, lang: Lang = "zh"
) -> str:
    """The sentence of one to-do item; member keys become names through ``names``."""
    details = dict(item["details"])

    def name(key: object) -> str:
        return names.get(str(key), str(key)) if isinstance(key, str) else "—"

    topic = details.get("topic")
    values = {
        **details,
        "due": _day(item["due"]),
        "date": _day(details.get("date")),
        "session": item.get("session") or "",
        "topic": topic if isinstance(topic, str) and not pd.isna(topic) else NO_TOPIC[lang],
        "speaker": name(details.get("speaker")),
        "host": name(details.get("host")),
        "person": name(item.get("person")),
        "members": join_list((name(k) for k in details.get("members", ())), lang),
    }
    return TODO_TEXTS[str(item["kind"])][lang].format(**values)


def todo_kind(kind: str, lang: Lang = "zh") -> str:
    return TODO_KIND_LABELS[kind][lang]


def plan_notice(code: str, details: Mapping[str, object], lang: Lang = "zh") -> str:
    listed = {
        k: join_list(v, lang) if isinstance(v, list | tuple) else v for k, v in details.items()
    }
    return PLAN_NOTICES[code][lang].format(**listed)
