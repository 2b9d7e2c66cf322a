"""The message catalogue for findings, reasons, statuses and fixes, in Chinese and English.

Rules produce codes with details; the texts are rendered here, so every screen and the CLI say
the same thing, and the English switch covers them too.
"""

from __future__ import annotations

from typing import Literal

from model.texts.lists import join_list
from model.texts.plural import fill

Lang = Literal["zh", "en"]

# code → language → (short title, detail template)
FINDINGS: dict[str, dict[str, tuple[str, str]]] = {
    "SPEAKER_IS_HOST": {
        "zh": ("主讲人兼任主持人", "主讲人与主持人同为{speaker}"),
        "en": ("Speaker is also host", "{speaker} both speaks and hosts"),
    },
    "DRAFT_LATE": {
        "zh": ("初稿发放晚", "初稿提前 {lead} 天发放，应至少提前 {required} 天"),
        "en": (
            "Draft sent late",
            "draft sent {lead:~day|days} ahead; at least {required} required",
        ),
    },
    "DRAFT_MISSING": {
        "zh": ("未发初稿", "已举行，但没有初稿发放日期"),
        "en": ("No draft", "held without a draft sent date"),
    },
    "DURATION_OFF": {
        "zh": ("时长不合要求", "讲课 {minutes} 分钟，应在 {low}–{high} 分钟之间"),
        "en": ("Duration off", "talk lasted {minutes} min; expected {low}–{high}"),
    },
    "NOT_ALL_ATTENDED": {
        "zh": ("未全员出席", "{count} 人未出席：{names}"),
        "en": ("Not all attended", "{count} not present: {names}"),
    },
    "ABSENT_UNEXCUSED": {
        "zh": ("无故缺席", "{name} 缺席（未请假）"),
        "en": ("Absent without leave", "{name} absent without leave"),
    },
    "COMMENT_MISSING": {
        "zh": ("未点评", "{name} 出席但未点评"),
        "en": ("No commentary", "{name} attended but gave no comment"),
    },
    "NO_REVISION": {
        "zh": ("未定稿", "讲课后没有定稿日期（或定稿早于讲课）"),
        "en": ("Not revised", "no final-draft date after the talk"),
    },
    "NO_OUTREACH": {
        "zh": ("未到联系点宣讲", "讲课已过 {days} 天，超过 {limit} 天期限仍未宣讲"),
        "en": ("No outreach", "{days:~day|days} since the talk, past the {limit}-day limit"),
    },
    "NO_ARTICLE": {
        "zh": ("未形成理论文章", "讲课已过 {days} 天，超过 {limit} 天期限仍无文章"),
        "en": ("No article", "{days:~day|days} since the talk, past the {limit}-day limit"),
    },
    "OUTREACH_OFF_POINT": {
        "zh": ("宣讲不在联系点", "宣讲地点 {places} 不是主讲人的联系点"),
        "en": ("Outreach off point", "{places} is not one of the speaker's points"),
    },
    "SESSION_OVERDUE": {
        "zh": ("逾期未举行", "计划于 {planned} 举行，已逾期 {days} 天"),
        "en": ("Overdue", "planned for {planned}, {days:~day|days} overdue"),
    },
    "TOO_FEW_SESSIONS": {
        "zh": ("全年场次不足", "{year} 年计划 {count} 场，少于 {minimum} 场"),
        "en": (
            "Too few sessions",
            "{count:~session|sessions} planned for {year}; at least {minimum}",
        ),
    },
    "HEAD_NO_TALK": {
        "zh": ("一把手未主讲", "一把手{name}在 {year} 年没有主讲安排"),
        "en": ("Head gives no talk", "head {name} has no talk in {year}"),
    },
    "NO_HEAD": {
        "zh": ("未设一把手", "成员表中没有标明一把手"),
        "en": ("No head", "no member is marked as head"),
    },
    "MANY_HEADS": {
        "zh": ("一把手不止一位", "标为一把手的有 {count} 人：{names}"),
        "en": ("Several heads", "{count} members marked as head: {names}"),
    },
    "NEVER_SPEAKER": {
        "zh": ("全年未安排主讲", "{name} 在 {year} 年没有主讲安排"),
        "en": ("Never a speaker", "{name} has no talk in {year}"),
    },
}

STATUSES: dict[str, dict[str, str]] = {
    "passed": {"zh": "达标", "en": "Passed"},
    "on_track": {"zh": "正常", "en": "On track"},
    "at_risk": {"zh": "风险", "en": "At risk"},
    "failed": {"zh": "不达标", "en": "Failed"},
    "exempt": {"zh": "免考核", "en": "Exempt"},
}
STATUS_ORDER = ("failed", "at_risk", "on_track", "passed", "exempt")

ADMONISHED = "ADMONISHED"  # the consequence of 不达标 (DOMAIN.md §1, §5)
CONSEQUENCES: dict[str, dict[str, str]] = {
    ADMONISHED: {"zh": "诫勉，当年不得提拔使用", "en": "Admonished; not promoted this year"},
}
CONSEQUENCE = CONSEQUENCES[ADMONISHED]

REASONS: dict[str, dict[str, str]] = {
    "PASSED": {
        "zh": "学分 {credits:g}/{line} 达标，考试合格",
        "en": "{credits:g}/{line} credits, exam passed",
    },
    "ON_TRACK": {
        "zh": "预计全年学分 {projected:g}，可达 {line} 分",
        "en": "projected {projected:g} credits, line {line}",
    },
    "EXEMPT": {"zh": "免考核", "en": "exempt from assessment"},
    "CREDIT_SHORTFALL": {
        "zh": "学分 {credits:g}/{line}，还差 {gap:g} 分",
        "en": "{credits:g}/{line} credits, {gap:g} short",
    },
    "PROJECTED_SHORT": {
        "zh": "按目前出勤和点评情况，预计全年只有 {projected:g} 分",
        "en": "at the current rates, projected {projected:g} credits",
    },
    "ABSENCES": {"zh": "{parts}", "en": "{parts}"},
    "ABSENT_PART": {"zh": "缺席 {absent} 次", "en": "{absent:~absence|absences}"},
    "LEAVE_PART": {"zh": "请假 {leave} 次", "en": "{leave:~leave|leaves}"},
    "COMMENTS_MISSING": {
        "zh": "出席未点评 {count} 次",
        "en": "{count:~session|sessions} without comment",
    },
    "CANNOT_REACH": {
        "zh": "按现有计划，剩余场次全部参加也最多 {attainable:g} 分，达不到 {line} 分",
        "en": "at most {attainable:g} credits under the current plan, below {line}",
    },
    "GROUP_SHORT": {
        "zh": "在岗期间本组仅举行 {held} 次学习，全部参加并点评也只有 {attainable:g} 分，达标需 {line} 分：差在本组安排，不在本人",
        "en": "the group held only {held:~session|sessions} while in post; attending and commenting at all gives {attainable:g} credits, the line is {line}: the group's plan is short, not the member",
    },
    "GROUP_SHORT_PLANNED": {
        "zh": "在岗期间本组举行 {held} 次、尚有计划 {remaining} 次学习，全部参加并点评也最多 {attainable:g} 分，达标需 {line} 分：差在本组安排，不在本人",
        "en": "the group held {held} and plans {remaining} more {remaining:~session|sessions} while in post; attending and commenting at all gives at most {attainable:g} credits, the line is {line}: the group's plan is short, not the member",
    },
    "GROUP_FEW_PLANNED": {
        "zh": "（本组全年仅计划 {planned} 场，少于 {minimum} 场）",
        "en": " (the group plans only {planned} for the year, fewer than {minimum})",
    },
    "NO_TALK_PLANNED": {
        "zh": "全年没有主讲安排（本组未安排）",
        "en": "no talk this year (the group planned none)",
    },
    "NO_TALK_CANCELLED": {
        "zh": "全年没有主讲安排（已取消：场次 {sessions}）",
        "en": "no talk this year (cancelled: session {sessions})",
    },
    "EXAM_MISSING": {"zh": "尚无理论考试成绩", "en": "no exam score yet"},
    "EXAM_FAILED": {
        "zh": "考试 {score:g} 分不及格，尚未补考",
        "en": "exam {score:g} failed, no make-up yet",
    },
    "MAKEUP_FAILED": {
        "zh": "补考 {makeup:g} 分仍不及格",
        "en": "make-up {makeup:g} also failed",
    },
    "YEAR_OVER": {"zh": "年度已结束，未达标", "en": "the year is over without passing"},
}

FIXES: dict[str, dict[str, str]] = {
    "ATTEND_REMAINING": {
        "zh": "参加剩余{count}次学习并口头点评",
        "en": "attend the {count:~remaining session and comment orally there|remaining sessions and comment orally at each}",
    },
    "GIVE_TALK": {
        "zh": "按计划完成主讲，并到联系点宣讲、形成理论文章",
        "en": "give the planned talk, take it to the linked points and write it up",
    },
    "ADD_TALK": {
        "zh": "本组需在{deadline.month}月{deadline.day}日前为其安排主讲 1 次（最多 +{talk:g} 学分）",
        "en": "the group must schedule a talk for the member before {deadline:en_day} (up to +{talk:g} credits)",
    },
    "ADD_TALK_MORE": {
        "zh": "，并补排 {count} 次学习（每次参加并口头点评 +{per:g} 学分）",
        "en": " and add {count:~session|sessions} (+{per:g} credits each, attended with an oral comment)",
    },
    "ADD_SESSIONS": {
        "zh": "本组需在{deadline.month}月{deadline.day}日前补排 {count} 次学习（每次参加并口头点评 +{per:g} 学分）",
        "en": "the group must add {count:~session|sessions} before {deadline:en_day} (+{per:g} credits each, attended with an oral comment)",
    },
    "POST_ENDED": {
        "zh": "已于{left.month}月{left.day}日离组，补排的学习已无法计入；请中心组说明情况，报考核部门认定",
        "en": "left on {left:en_day}: sessions added now cannot count; the group should explain and the assessors decide",
    },
    "POST_ENDED_GROUP": {
        "zh": "已于{left.month}月{left.day}日离组，在岗期间本组学习安排不足，补排已无法计入；请中心组说明情况，报考核部门认定",
        "en": "left on {left:en_day}; the group's plan was short while in post and sessions added now cannot count: the group should explain and the assessors decide",
    },
    "TAKE_MAKEUP": {
        "zh": "{deadline.month}月{deadline.day}日前参加补考",
        "en": "take the make-up exam before {deadline:en_day}",
    },
    "TAKE_EXAM": {
        "zh": "{deadline.month}月{deadline.day}日前参加理论考试",
        "en": "take the theory exam before {deadline:en_day}",
    },
}


# A group's shortfall said once for the group (model/engine/group_short.py), parts joined in order.
GROUP_SHORTFALL: dict[str, dict[Lang, str]] = {
    "MEMBERS": {
        "zh": "{count} 名成员每次学习都参加并点评，仍达不到达标线：差在本组安排，不在个人",
        "en": "{count:~member attended|members attended} and commented every time and still cannot reach the line: the group's plan is short, not the members",
    },
    "FEW_PLANNED": {
        "zh": "全年仅计划 {planned} 场，少于 {minimum} 场",
        "en": "only {planned} planned for the year, fewer than {minimum}",
    },
    "ADD": {
        "zh": "本组需补排至少 {sessions} 次学习",
        "en": "the group must add at least {sessions:~session|sessions}",
    },
    "ADD_TALKS": {
        "zh": "（其中 {talks} 次安排尚未主讲的成员主讲）",
        "en": ", a talk of their own for {talks:~member|members}",
    },
    "LEFT": {
        "zh": "{left} 人已离组，补排无法计入，请中心组说明情况，报考核部门认定",
        "en": "{left:~member has|members have} left: sessions added now cannot count; the group should explain and the assessors decide",
    },
}


def group_shortfall_text(row: dict, lang: Lang = "zh") -> str:
    """One group's shortfall (a row of ``group_shortfalls``) as one line, without names."""
    texts = GROUP_SHORTFALL
    parts = [fill(texts["MEMBERS"][lang], count=len(row["keys"]))]
    if row["planned"] < row["minimum"]:
        parts.append(fill(texts["FEW_PLANNED"][lang], **row))
    if row["sessions"]:
        add = fill(texts["ADD"][lang], **row)
        parts.append(add + (fill(texts["ADD_TALKS"][lang], **row) if row["talks"] else ""))
    if row["left"]:
        parts.append(fill(texts["LEFT"][lang], **row))
    return ("；" if lang == "zh" else "; ").join(parts)


def finding_title(code: str, lang: Lang = "zh") -> str:
    return FINDINGS[code][lang][0]


def _listed(details: dict, lang: Lang) -> dict:
    """Lists in details (names, places) joined the way the language writes lists."""
    return {
        key: join_list(value, lang) if isinstance(value, list | tuple) else value
        for key, value in details.items()
    }


def finding_text(code: str, details: dict, lang: Lang = "zh") -> str:
    title, template = FINDINGS[code][lang]
    body = fill(template, **_listed(details, lang))
    return f"{title}：{body}" if lang == "zh" else f"{title}: {body}"


SHOWN_ROUNDED = ("credits", "gap", "projected", "attainable")


def reason_text(code: str, details: dict, lang: Lang = "zh") -> str:
    # A province's 170,000 members share a few thousand distinct reasons: render each once.
    key = (code, lang, tuple(details), tuple(details.values()))
    try:
        return _reason_texts[key]
    except KeyError:
        pass
    except TypeError:  # a value that cannot be hashed: render it as it is
        return _reason_text(code, details, lang)
    if len(_reason_texts) > 100_000:
        _reason_texts.clear()
    text = _reason_texts[key] = _reason_text(code, details, lang)
    return text


_reason_texts: dict[tuple, str] = {}


def _reason_text(code: str, details: dict, lang: Lang) -> str:
    # Statuses were decided on exact values; people read them to one decimal (DOMAIN.md §6).
    details = {
        key: round(value, 1) if key in SHOWN_ROUNDED and isinstance(value, float) else value
        for key, value in details.items()
    }
    if code == "ABSENCES":  # only the parts that happened: "请假 2 次", not "缺席 0 次、请假 2 次"
        parts = [
            fill(REASONS[part][lang], **details)
            for part, count in (
                ("ABSENT_PART", details["absent"]),
                ("LEAVE_PART", details["leave"]),
            )
            if count
        ]
        return join_list(parts, lang)
    if code == "GROUP_SHORT":  # held only, or held and still planned; the year's plan if thin
        variant = "GROUP_SHORT_PLANNED" if details["remaining"] else "GROUP_SHORT"
        text = fill(REASONS[variant][lang], **details)
        if details["planned"] < details["minimum"]:
            text += fill(REASONS["GROUP_FEW_PLANNED"][lang], **details)
        return text
    if code == "NO_TALK_PLANNED" and details.get("cancelled"):
        sessions = join_list(details["cancelled"], lang)
        return fill(REASONS["NO_TALK_CANCELLED"][lang], sessions=sessions)
    return fill(REASONS[code][lang], **details)


def fix_text(code: str, details: dict, lang: Lang = "zh") -> str:
    if code == "ADD_TALK" and details["count"]:  # a talk alone does not close the gap
        return fill(FIXES[code][lang], **details) + fill(FIXES["ADD_TALK_MORE"][lang], **details)
    if code == "POST_ENDED" and details["group_short"]:
        return fill(FIXES["POST_ENDED_GROUP"][lang], **details)
    return fill(FIXES[code][lang], **details)


def fix_line(fix: list[dict], lang: Lang = "zh") -> str | None:
    """A member's fix, [{"code", "details"}, …], as one line; None when there is nothing to do."""
    parts = [fix_text(item["code"], item["details"], lang) for item in fix or []]
    return ("；" if lang == "zh" else "; ").join(parts) or None


def reasons_text(reasons: list[dict], lang: Lang = "zh") -> str:
    """A member's reasons, [{"code", "details"}, …], as one line. GROUP_SHORT's text already
    says the line is out of reach, so CANNOT_REACH beside it is not said twice."""
    items = reasons or []
    said = {item["code"] for item in items}
    parts = [
        reason_text(item["code"], item["details"], lang)
        for item in items
        if not (item["code"] == "CANNOT_REACH" and "GROUP_SHORT" in said)
    ]
    return ("；" if lang == "zh" else "; ").join(parts)


def consequence_text(code: object, lang: Lang = "zh") -> str | None:
    return CONSEQUENCES[code][lang] if isinstance(code, str) else None


def with_consequence(line: str, consequence: object, lang: Lang = "zh") -> str:
    """A member's reasons line and, for a final 不达标, its consequence after it (…；诫勉，当年不得
    提拔使用): a document listing a 不达标 member shows the consequence with it, and only with it
    (DOMAIN.md §5), also when the line says the shortfall is the group's."""
    parts = [line, consequence_text(consequence, lang)]
    return ("；" if lang == "zh" else "; ").join(part for part in parts if part)


def status_label(status: str, lang: Lang = "zh") -> str:
    return STATUSES[status][lang]
