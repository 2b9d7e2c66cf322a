"""The workbook contract of DOMAIN.md §3: sheets, columns, aliases and value kinds."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal[
    "text", "session", "int", "number", "date", "yesno", "choice", "person", "list", "score"
]

# Every space, full-width space and line break is ignored in headers and sheet names.
_HEADER_SPACE = re.compile(r"[\s\u3000\u200b\ufeff]+")


def normalize_header(value: object) -> str:
    """Header text as matched: no spaces of any width, no line breaks, lower case."""
    if value is None:
        return ""
    return _HEADER_SPACE.sub("", str(value)).lower()


@dataclass(frozen=True)
class Column:
    key: str  # the English alias, also the DataFrame column name
    zh: str
    kind: Kind
    required: bool = False
    choices: str | None = None  # name of a synonym table in values.CHOICES
    # Numbers outside [low, high] are cell errors: no number silently wraps or runs away.
    low: float | None = None
    high: float | None = None

    def matches(self, header: str) -> bool:
        return header in (normalize_header(self.zh), normalize_header(self.key))


@dataclass(frozen=True)
class Sheet:
    key: str
    zh: str
    required: bool
    columns: tuple[Column, ...]

    def matches(self, name: str) -> bool:
        normalized = normalize_header(name)
        return normalized in (normalize_header(self.zh), normalize_header(self.key))

    @property
    def required_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.required)

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


MEMBERS = Sheet(
    "members",
    "成员",
    True,
    (
        Column("name", "姓名", "text", required=True),
        Column("group", "中心组", "text", required=True),
        Column("member_id", "编号", "text"),
        Column("position", "职务", "text"),
        Column("is_head", "一把手", "yesno"),
        Column("points", "联系点", "list"),
        Column("joined", "入组日期", "date"),
        Column("left", "离组日期", "date"),
        Column("exempt", "免考核", "yesno"),
        Column("note", "备注", "text"),
    ),
)
PLAN = Sheet(
    "plan",
    "学习计划",
    True,
    (
        Column("session", "场次", "session", required=True),
        Column("group", "中心组", "text", required=True),
        Column("planned_date", "计划日期", "date", required=True),
        Column("topic", "专题", "text", required=True),
        Column("speaker", "主讲人", "person", required=True),
        Column("host", "主持人", "person", required=True),
        Column("study_group", "学习小组", "text"),
        Column("status", "状态", "choice", choices="status"),
    ),
)
TALKS = Sheet(
    "talks",
    "讲课记录",
    False,
    (
        Column("session", "场次", "session", required=True),
        Column("held_date", "举行日期", "date", required=True),
        Column("draft_sent", "初稿发放日期", "date"),
        Column("minutes", "时长", "number", low=1, high=600),
        Column("off_script", "脱稿", "yesno"),
        Column("final_date", "定稿日期", "date"),
        Column("article", "理论文章", "text"),
        Column("article_date", "文章日期", "date"),
    ),
)
PARTICIPATION = Sheet(
    "participation",
    "参学记录",
    False,
    (
        Column("session", "场次", "session", required=True),
        Column("name", "姓名", "person", required=True),
        Column("attendance", "出勤", "choice", required=True, choices="attendance"),
        Column("comment", "点评", "choice", choices="comment"),
        Column("note", "备注", "text"),
    ),
)
OUTREACH = Sheet(
    "outreach",
    "宣讲记录",
    False,
    (
        Column("session", "场次", "session", required=True),
        Column("date", "宣讲日期", "date", required=True),
        Column("place", "宣讲地点", "text", required=True),
        Column("audience", "听众人数", "int", low=0, high=100_000),
    ),
)
EXAMS = Sheet(
    "exams",
    "考试成绩",
    False,
    (
        Column("name", "姓名", "person", required=True),
        Column("group", "中心组", "text", required=True),
        Column("year", "年度", "int", required=True, low=2000, high=2100),
        Column("score", "成绩", "score", low=0, high=100),
        Column("makeup", "补考成绩", "score", low=0, high=100),
        Column("note", "备注", "text"),
    ),
)
SETTINGS = Sheet(
    "settings",
    "参数",
    False,
    (
        Column("key", "参数", "text", required=True),
        Column("value", "值", "text", required=True),
    ),
)

SHEETS: tuple[Sheet, ...] = (MEMBERS, PLAN, TALKS, PARTICIPATION, OUTREACH, EXAMS, SETTINGS)
HEADER_SEARCH_ROWS = 10
