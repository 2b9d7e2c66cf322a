"""Screen labels of 学习记录 (issue #26), merged into ``labels.UI``.

Kept apart so the shared catalogue changes by one line; the same shape, code → {zh, en}.
"""

from __future__ import annotations

from model.texts.domain import Lang

RECORD_UI: dict[str, dict[Lang, str]] = {
    "page_record": {"zh": "学习记录", "en": "Record a session"},
    "record_intro": {
        "zh": "在学习现场记录一场学习：讲课、每位在岗成员的出勤与点评、宣讲。保存即发布为新版本，只替换本场次的讲课记录、参学记录和宣讲记录，台账其余内容不变。",
        "en": "Record a session where it happens: the talk, each member's attendance and comment, the outreach. Saving publishes a new version that replaces only this session's 讲课记录, 参学记录 and 宣讲记录 rows; nothing else in the workbook moves.",
    },
    "record_no_version": {
        "zh": "还没有已发布的台账：请先在“数据上传”页发布台账，再记录学习。",
        "en": "Nothing is published yet: publish a workbook on the Upload page first.",
    },
    "record_no_sessions": {
        "zh": "{group} 的学习计划中没有场次。",
        "en": "{group} has no sessions in its plan.",
    },
    "recording_group": {"zh": "中心组", "en": "Group"},
    "record_session": {"zh": "场次", "en": "Session"},
    # The same in both languages, so a session's option reads the same after a language switch.
    "record_session_option": {
        "zh": "{session}  {date}  {topic}{held}",
        "en": "{session}  {date}  {topic}{held}",
    },
    "record_held_mark": {"zh": "  ✓", "en": "  ✓"},
    "record_plan_line": {
        "zh": "计划日期 {date}　主讲人 {speaker}　主持人 {host}",
        "en": "Planned {date}   Speaker {speaker}   Host {host}",
    },
    "record_talk": {"zh": "讲课", "en": "The talk"},
    "record_held": {"zh": "举行日期", "en": "Held on"},
    "record_minutes": {"zh": "时长（分钟）", "en": "Minutes"},
    "record_off_script": {"zh": "脱稿", "en": "Without notes"},
    "record_draft_sent": {"zh": "初稿发放日期", "en": "Draft sent"},
    "record_final_date": {"zh": "定稿日期", "en": "Final version"},
    "rec_article": {"zh": "理论文章", "en": "Article title"},
    "record_article_date": {"zh": "文章日期", "en": "Article date"},
    "record_members": {"zh": "出勤与点评", "en": "Attendance and comments"},
    "record_members_help": {
        "zh": "在岗成员每人一行；主讲人视为出席、不点评。出勤留空表示未记录（按缺席计）。“全部口头点评”不改请假、缺席的成员。",
        "en": "One row per member in post; the speaker attends and does not comment. A blank attendance is not recorded (counts as absent). “All oral comments” leaves members on leave or absent as they are.",
    },
    "record_col_name": {"zh": "姓名", "en": "Name"},
    "record_col_position": {"zh": "职务", "en": "Position"},
    "record_col_role": {"zh": "角色", "en": "Role"},
    "record_col_attendance": {"zh": "出勤", "en": "Attendance"},
    "record_col_comment": {"zh": "点评", "en": "Comment"},
    "record_col_note": {"zh": "备注", "en": "Note"},
    "rec_role_speaker": {"zh": "主讲", "en": "Speaker"},
    "rec_role_host": {"zh": "主持", "en": "Host"},
    "record_all_present": {"zh": "全部出席", "en": "All present"},
    "record_all_oral": {"zh": "全部口头点评", "en": "All oral comments"},
    "rec_outreach": {"zh": "宣讲记录", "en": "Outreach"},
    "record_outreach_help": {
        "zh": "可增删行。主讲人的联系点：{points}",
        "en": "Add or remove rows. The speaker's linked points: {points}",
    },
    "record_no_points": {"zh": "（未填写）", "en": "(none listed)"},
    "record_col_date": {"zh": "宣讲日期", "en": "Date"},
    "record_col_place": {"zh": "宣讲地点", "en": "Place"},
    "record_col_audience": {"zh": "听众人数", "en": "Audience"},
    "record_preview": {"zh": "检查并预览变化", "en": "Check and preview"},
    "record_save": {"zh": "保存并发布", "en": "Save and publish"},
    "record_save_anyway": {"zh": "仍然保存（覆盖他人的修改）", "en": "Save anyway (overwrite)"},
    "record_changes": {"zh": "将发布的变化", "en": "What publishing changes"},
    "record_field_error": {"zh": "{field}：{text}", "en": "{field}: {text}"},
    "record_member_error": {"zh": "{name}：{text}", "en": "{name}: {text}"},
    "record_outreach_error": {"zh": "第 {number} 行：{text}", "en": "Row {number}: {text}"},
    "record_download_version": {
        "zh": "下载当前台账（v{version}，Excel）",
        "en": "Download the current workbook (v{version}, Excel)",
    },
    "record_signin": {"zh": "下载签到表（A4，可打印）", "en": "Download the sign-in sheet (A4)"},
    "record_edit_outdated": {
        "zh": "表单内容已改动，请重新检查后再保存。",
        "en": "The form changed: check again before saving.",
    },
}
