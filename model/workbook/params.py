"""The parameters of DOMAIN.md §5: defaults, the 参数 sheet's keys, and their meanings.

One ``Params`` object is handed down the whole chain; the rules page prints this same object.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, replace
from typing import Any


@dataclass(frozen=True)
class ParamInfo:
    zh: str
    meaning: str
    unit: str
    meaning_en: str = ""
    unit_en: str = ""
    # The 参数 sheet may set a value only within [low, high]; the rules page prints the range.
    low: float = 0
    high: float = 100


@dataclass(frozen=True)
class Params:
    min_sessions: int = 6
    draft_lead_days: int = 7
    min_minutes: int = 45
    max_minutes: int = 90
    outreach_deadline_days: int = 60
    article_deadline_days: int = 90
    attend_credit: float = 2
    talk_credit: float = 10
    host_credit: float = 2
    oral_comment_credit: float = 3
    written_comment_credit: float = 2
    outreach_credit: float = 3
    outreach_cap: int = 2
    article_credit: float = 5
    pass_credits: float = 30
    exam_pass_mark: float = 60
    update_reminder_days: int = 30  # issue #13: 总览 flags a group not updated for longer
    as_of: dt.date | None = None  # None: today

    def as_of_date(self) -> dt.date:
        return self.as_of or dt.date.today()

    def with_as_of(self, as_of: dt.date | None) -> Params:
        return replace(self, as_of=as_of) if as_of else self

    def rows(self) -> list[tuple[str, Any, ParamInfo]]:
        """(field, value, info) in the order of DOMAIN.md §5, for display."""
        return [(f.name, getattr(self, f.name), PARAM_INFO[f.name]) for f in fields(self)]


PARAM_INFO: dict[str, ParamInfo] = {
    "min_sessions": ParamInfo(
        "年度场次下限",
        "每个中心组每年应安排的学习场次",
        "次",
        "sessions a group should plan per year",
        "sessions",
        low=0,
        high=100,
    ),
    "draft_lead_days": ParamInfo(
        "初稿提前天数",
        "初稿至少提前多少天发给与会人员",
        "天",
        "days the first draft goes out before the talk",
        "days",
        low=0,
        high=60,
    ),
    "min_minutes": ParamInfo(
        "时长下限", "中心发言时长下限", "分钟", "shortest central talk", "min", low=1, high=600
    ),
    "max_minutes": ParamInfo(
        "时长上限", "中心发言时长上限", "分钟", "longest central talk", "min", low=1, high=600
    ),
    "outreach_deadline_days": ParamInfo(
        "宣讲期限天数",
        "讲课后到联系点宣讲的期限",
        "天",
        "days allowed to take the talk to the linked points",
        "days",
        low=0,
        high=366,
    ),
    "article_deadline_days": ParamInfo(
        "文章期限天数",
        "讲课后形成理论文章的期限",
        "天",
        "days allowed to turn the talk into an article",
        "days",
        low=0,
        high=366,
    ),
    "attend_credit": ParamInfo(
        "出席学分", "每出席一次学习", "学分", "per session attended", "credits"
    ),
    "talk_credit": ParamInfo(
        "主讲学分", "每作一次中心发言（已举行）", "学分", "per central talk given", "credits"
    ),
    "host_credit": ParamInfo(
        "主持学分", "每主持一次已举行的学习", "学分", "per held session hosted", "credits"
    ),
    "oral_comment_credit": ParamInfo(
        "口头点评学分", "每次口头点评", "学分", "per oral comment", "credits"
    ),
    "written_comment_credit": ParamInfo(
        "书面点评学分", "每次书面点评", "学分", "per written comment", "credits"
    ),
    "outreach_credit": ParamInfo(
        "宣讲学分", "每次到联系点宣讲", "学分", "per outreach talk at a linked point", "credits"
    ),
    "outreach_cap": ParamInfo(
        "宣讲计分上限",
        "每场讲课最多计分的宣讲次数",
        "次",
        "outreach talks counted per session at most",
        "talks",
        low=0,
        high=20,
    ),
    "article_credit": ParamInfo(
        "文章学分",
        "每篇由讲稿形成的理论文章",
        "学分",
        "per talk turned into a theory article",
        "credits",
    ),
    "pass_credits": ParamInfo(
        "达标学分",
        "全年需要的学分（按在组天数折算）",
        "学分",
        "credits needed in a year (pro-rated by days in post)",
        "credits",
        low=0,
        high=1000,
    ),
    "exam_pass_mark": ParamInfo(
        "及格分", "理论考试及格分", "分", "theory exam pass mark", "points"
    ),
    "update_reminder_days": ParamInfo(
        "更新提醒天数",
        "中心组超过这么多天未更新台账，总览中予以提示",
        "天",
        "the Overview flags a group whose rows were not published for longer than this",
        "days",
        low=1,
        high=366,
    ),
    "as_of": ParamInfo(
        "统计截止日期",
        "进度与风险的统计日期（空白为今天）",
        "",
        "the as-of date for progress and risk (blank: today)",
        "",
    ),
}
FIELD_BY_ZH: dict[str, str] = {info.zh: name for name, info in PARAM_INFO.items()}
INT_FIELDS = {f.name for f in fields(Params) if f.type == "int"}
