"""What each status and each check means, with the numbers of the 参数 in force (规则说明).

One shape, code → {zh, en}; the fields are the ``Params`` fields (and ``exam_days``), filled in
by ``rule_text`` from the very parameters the engine used.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from model.texts.domain import Lang

STATUS_RULES: dict[str, dict[Lang, str]] = {
    "passed": {
        "zh": "学分达到达标线（全年 {pass_credits:g} 学分，按在组天数折算、向上取整），且理论考试或补考成绩不低于 {exam_pass_mark:g} 分。",
        "en": "Credits at or above the line ({pass_credits:g} a year, pro-rated by days in post, rounded up) and an exam or make-up score of at least {exam_pass_mark:g}.",
    },
    "on_track": {
        "zh": "尚未达标；按本人目前的出勤和点评情况，预计全年学分不低于达标线；考试没有不及格待补考。",
        "en": "Not yet passed; at the member's own rates so far the year's credits are projected to reach the line; no failed exam awaiting a make-up.",
    },
    "at_risk": {
        "zh": "尚未达标，且有以下任一情况：预计学分低于达标线；按现有计划剩余场次全部参加也达不到达标线（年度未结束，仍可由本组补排学习或安排主讲来补救）；考试低于 {exam_pass_mark:g} 分、尚无补考成绩；距年底不足 {exam_days} 天仍无考试成绩。",
        "en": "Not yet passed, and any of: projected credits below the line; the line out of reach under the current plan even attending every remaining session (the year is not over: the group can still add sessions or a talk); an exam below {exam_pass_mark:g} with no make-up yet; no exam score with under {exam_days} days left in the year.",
    },
    "failed": {
        "zh": "只在结论确定时认定：补考成绩低于 {exam_pass_mark:g} 分；或年度已结束（统计截止日期晚于12月31日）仍未达标。年度内学分不足只算风险，不提前认定不达标。",
        "en": "Only once it is final: a make-up score below {exam_pass_mark:g}; or the year is over (the as-of date after 31 December) without passing. A shortfall within the year is a risk, never an early verdict.",
    },
    "exempt": {
        "zh": "成员表中“免考核”为“是”，不评定状态。",
        "en": "Marked exempt in the members sheet; no status is decided.",
    },
}

# How credits, attainable and projected are counted, and whose shortfall a status names.
CREDIT_RULES: dict[str, dict[Lang, str]] = {
    "attend": {
        "zh": "每参加一场已举行的学习得出席学分 {attend_credit:g}；主讲人、主持人同样得出席学分。",
        "en": "Every held session attended earns {attend_credit:g}; the speaker and the host earn it too.",
    },
    "comment": {
        "zh": "出席并点评：口头 {oral_comment_credit:g}、书面 {written_comment_credit:g}；主讲人不点评。",
        "en": "A comment when present: oral {oral_comment_credit:g}, written {written_comment_credit:g}; the speaker makes none.",
    },
    "talk": {
        "zh": "主讲一次 {talk_credit:g}；到联系点宣讲每次 {outreach_credit:g}，最多计 {outreach_cap} 次；形成理论文章 {article_credit:g}。",
        "en": "A talk earns {talk_credit:g}; outreach {outreach_credit:g} each, at most {outreach_cap} counted; an article {article_credit:g}.",
    },
    "host": {
        "zh": "主持一次 {host_credit:g}；主讲人兼主持的，主讲和主持学分都计。",
        "en": "Hosting earns {host_credit:g}; a speaker who also hosts earns both.",
    },
    "attainable": {
        "zh": "最多可得＝已得学分＋剩余每场都出席并口头点评（本人主讲的场次按主讲、宣讲上限和文章计，主持另加主持学分）。剩余场次指本年度尚未举行、未取消、计划日期不早于统计截止日期（或标为延期）且本人在岗的场次。",
        "en": "Attainable = credits so far + every remaining session attended with an oral comment (the member's own talks at the talk, outreach cap and article; hosting adds its credit). Remaining: not held, not cancelled, planned on or after the as-of date (or postponed), with the member in post.",
    },
    "projected": {
        "zh": "预计＝已得学分＋剩余场次按本人今年已有的出勤率、口头和书面点评比例折算（本人主讲的场次按计划全额计）；还没有可比场次时按全勤口头点评计。",
        "en": "Projected = credits so far + the remaining sessions at the member's own attendance and comment shares this year (the member's planned talks in full); with no session yet, full attendance with oral comments.",
    },
    "group_short": {
        "zh": "成员在岗期间每场都出席并点评，仍达不到达标线的，原因记为“本组安排不足”：差在中心组的计划或举行，不在本人；补救由本组补排学习。",
        "en": "A member who attended and commented at every session while in post and still cannot reach the line is short because of the group's plan or its holding of sessions, not through their own doing; the fix is the group's.",
    },
}

FINDING_RULES: dict[str, dict[Lang, str]] = {
    "SPEAKER_IS_HOST": {
        "zh": "主讲人和主持人是同一人。",
        "en": "The speaker and the host are the same person.",
    },
    "DRAFT_LATE": {
        "zh": "初稿发放日期晚于举行日期前 {draft_lead_days} 天（正好提前 {draft_lead_days} 天算按时）。",
        "en": "The draft went out later than {draft_lead_days} days before the talk (exactly {draft_lead_days} days is on time).",
    },
    "DRAFT_MISSING": {
        "zh": "已举行的讲课没有初稿发放日期。",
        "en": "A held talk has no draft sent date.",
    },
    "DURATION_OFF": {
        "zh": "时长少于 {min_minutes} 分钟或多于 {max_minutes} 分钟（正好 {min_minutes} 或 {max_minutes} 分钟合格）。",
        "en": "The talk lasted under {min_minutes} or over {max_minutes} minutes ({min_minutes} and {max_minutes} are fine).",
    },
    "NOT_ALL_ATTENDED": {
        "zh": "举行当天在组的成员有人未出席（没有参学记录按缺席计）。",
        "en": "A member in post on the day was not present (no participation row counts as absent).",
    },
    "ABSENT_UNEXCUSED": {
        "zh": "成员缺席且未请假。",
        "en": "A member was absent without leave.",
    },
    "COMMENT_MISSING": {
        "zh": "出席的成员（主讲人除外）点评为“无”。",
        "en": "A member present (other than the speaker) gave no comment.",
    },
    "NO_REVISION": {
        "zh": "已举行但没有定稿日期，或定稿日期早于举行日期。",
        "en": "A held talk has no final-draft date, or one before the talk.",
    },
    "NO_OUTREACH": {
        "zh": "讲课已超过 {outreach_deadline_days} 天，仍没有到联系点宣讲的记录。",
        "en": "More than {outreach_deadline_days} days since the talk and no outreach recorded.",
    },
    "NO_ARTICLE": {
        "zh": "讲课已超过 {article_deadline_days} 天，仍没有形成理论文章。",
        "en": "More than {article_deadline_days} days since the talk and no theory article.",
    },
    "OUTREACH_OFF_POINT": {
        "zh": "宣讲地点不是主讲人的联系点（只检查填了联系点的主讲人）。",
        "en": "Outreach held away from the speaker's linked points (checked only where some are listed).",
    },
    "SESSION_OVERDUE": {
        "zh": "计划日期已过、尚未举行，且没有标为延期或取消。",
        "en": "The planned date has passed, the session is not held and not marked postponed or cancelled.",
    },
    "TOO_FEW_SESSIONS": {
        "zh": "中心组全年计划少于 {min_sessions} 场（取消的不计）。",
        "en": "A group plans fewer than {min_sessions} sessions in the year (cancelled ones not counted).",
    },
    "HEAD_NO_TALK": {
        "zh": "一把手全年没有主讲安排（计划或已举行）。",
        "en": "The head has no talk in the year, planned or held.",
    },
    "NO_HEAD": {
        "zh": "中心组没有标明一把手。",
        "en": "No member of the group is marked as head.",
    },
    "MANY_HEADS": {
        "zh": "中心组标明的一把手不止一位。",
        "en": "More than one member of the group is marked as head.",
    },
    "NEVER_SPEAKER": {
        "zh": "成员全年没有主讲安排（计划或已举行）。",
        "en": "A member has no talk in the year, planned or held.",
    },
}


def rule_text(rule: dict[Lang, str], params: Any, exam_days: int, lang: Lang = "zh") -> str:
    """A rule of ``STATUS_RULES`` or ``FINDING_RULES`` with the numbers of ``params`` in it."""
    return rule[lang].format(**asdict(params), exam_days=exam_days)
