"""Texts of recording a session in the app (issue #26): refusals, the version's comment and the
printable 签到表. One shape, code → {zh, en}."""

from __future__ import annotations

from model.texts.domain import Lang
from model.texts.lists import LIST_SEPARATOR
from model.texts.plural import fill

RECORD_TEXTS: dict[str, dict[Lang, str]] = {
    # Refusals that name the field they are about (the reader's own errors name their column).
    "RECORD_UNKNOWN_SESSION": {
        "zh": "学习计划中没有场次 {session}。",
        "en": "The plan has no session {session}.",
    },
    "RECORD_NOT_YOURS": {
        "zh": "场次 {session} 属于 {group}，你只能记录 {groups} 的学习。",
        "en": "Session {session} belongs to {group}; you may record only {groups}.",
    },
    "RECORD_HELD_MISSING": {
        "zh": "请填写举行日期。",
        "en": "Enter the date the session was held.",
    },
    "RECORD_CANCELLED": {
        "zh": "场次 {session} 已取消，不能记录。",
        "en": "Session {session} is cancelled and cannot be recorded.",
    },
    "RECORD_UNKNOWN_MEMBER": {
        "zh": "{group} 没有成员 {name}。",
        "en": "{group} has no member {name}.",
    },
    "RECORD_BAD_MARK": {
        "zh": "标记 {mark} 应写成 姓名=出勤/点评，如 张三=出席/口头。",
        "en": "Write the mark {mark} as name=attendance/comment, e.g. 张三=出席/口头.",
    },
    "RECORD_STALE": {
        "zh": "打开本页后，场次 {session} 的记录已被他人修改（当前版本 v{current}）：{changes}。再次保存将覆盖。",
        "en": "Session {session}'s rows changed since the page was opened (now v{current}): {changes}. Saving again overwrites them.",
    },
    "RECORD_UNCHANGED": {
        "zh": "场次 {session} 的记录与当前版本相同，无需发布。",
        "en": "Session {session}'s rows are the same as in the current version: nothing to publish.",
    },
    "RECORD_PUBLISHED": {
        "zh": "已发布 v{version}：学习记录 {session}。",
        "en": "Published v{version}: the record of {session}.",
    },
    "RECORD_ERRORS": {
        "zh": "有 {count} 处错误，未发布。",
        "en": "{count} error(s): nothing published.",
    },
    "separator": {"zh": "；", "en": "; "},
    "list_separator": LIST_SEPARATOR,
    "comment": {"zh": "学习记录：{session}", "en": "学习记录：{session}"},
    "rows_added": {"zh": "{sheet}新增 {count} 行", "en": "{sheet}: {count} row(s) added"},
    "rows_removed": {"zh": "{sheet}删去 {count} 行", "en": "{sheet}: {count} row(s) removed"},
    # The 签到表
    "signin_title": {
        "zh": "{group}理论学习中心组学习签到表",
        "en": "{group}: central group sign-in sheet",
    },
    "signin_session": {
        "zh": "场次：{session}　专题：{topic}　日期：{date}",
        "en": "Session: {session}   Topic: {topic}   Date: {date}",
    },
    "signin_people": {
        "zh": "主讲人：{speaker}　主持人：{host}",
        "en": "Speaker: {speaker}   Host: {host}",
    },
    "signin_number": {"zh": "序号", "en": "No."},
    "signin_name": {"zh": "姓名", "en": "Name"},
    "signin_position": {"zh": "职务", "en": "Position"},
    "signin_role": {"zh": "角色", "en": "Role"},
    "signin_attendance": {"zh": "出勤", "en": "Attendance"},
    "signin_signature": {"zh": "签名", "en": "Signature"},
    "signin_footer": {
        "zh": "出勤填写：出席 / 请假 / 缺席。记录人：＿＿＿＿　日期：＿＿＿＿",
        "en": "Attendance: 出席 / 请假 / 缺席. Recorded by: ________  Date: ________",
    },
    "role_speaker": {"zh": "主讲", "en": "Speaker"},
    "role_host": {"zh": "主持", "en": "Host"},
    "signin_written": {"zh": "已写入 {out}", "en": "Written: {out}"},
    "signin_sheet_name": {"zh": "签到表", "en": "Sign-in"},
}


def record_text(code: str, lang: Lang = "zh", **values: object) -> str:
    template = RECORD_TEXTS[code][lang]
    return fill(template, **values) if values else template
