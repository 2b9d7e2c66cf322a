"""Labels of the report's columns and sheets, and the 1+X procedure: what the Excel report, the
CLI and the pages all call the same things. One shape, code → {zh, en}; UI-only labels live
beside the pages (pages/common/labels.py)."""

from __future__ import annotations

from model.texts.domain import Lang
from model.texts.plural import fill

LABELS: dict[str, dict[Lang, str]] = {
    "sheet_shifts": {"zh": "成效", "en": "Effects"},
    "year": {"zh": "年度", "en": "Year"},
    "all_groups": {"zh": "全部中心组", "en": "All groups"},
    "group": {"zh": "中心组", "en": "Central group"},
    # KPIs
    "kpi_held": {"zh": "已举行", "en": "Held"},
    "kpi_planned": {"zh": "计划场次", "en": "Planned"},
    "kpi_overdue": {"zh": "逾期", "en": "Overdue"},
    "kpi_attendance": {"zh": "到课率", "en": "Attendance"},
    "kpi_comments": {"zh": "点评覆盖", "en": "Comment coverage"},
    "kpi_passed": {"zh": "达标", "en": "Passed"},
    "kpi_at_risk": {"zh": "风险", "en": "At risk"},
    "kpi_failed": {"zh": "不达标", "en": "Failed"},
    "four_people": {"zh": "人员到位", "en": "People"},
    "four_time": {"zh": "时间到位", "en": "Time"},
    "four_content": {"zh": "内容到位", "en": "Content"},
    "four_effect": {"zh": "效果到位", "en": "Effect"},
    "credits": {"zh": "学分", "en": "Credits"},
    "line": {"zh": "达标线", "en": "Pass line"},
    # Sessions page
    "session": {"zh": "场次", "en": "Session"},
    "findings": {"zh": "发现的问题", "en": "Findings"},
    # Members page
    "name": {"zh": "姓名", "en": "Name"},
    "status": {"zh": "状态", "en": "Status"},
    "projected": {"zh": "预计", "en": "Projected"},
    "attainable": {"zh": "最多可得", "en": "Attainable"},
    "exam": {"zh": "考试", "en": "Exam"},
    "makeup": {"zh": "补考", "en": "Make-up"},
    "reasons": {"zh": "原因", "en": "Reasons"},
    "fix": {"zh": "怎么补救", "en": "What would fix it"},
    "consequence": {"zh": "后果", "en": "Consequence"},
    "breakdown_attendance": {"zh": "出席", "en": "Attendance"},
    "breakdown_talks": {"zh": "主讲", "en": "Talks"},
    "breakdown_hosting": {"zh": "主持", "en": "Hosting"},
    "breakdown_oral_comments": {"zh": "口头点评", "en": "Oral comments"},
    "breakdown_written_comments": {"zh": "书面点评", "en": "Written comments"},
    "breakdown_outreach": {"zh": "宣讲", "en": "Outreach"},
    "breakdown_articles": {"zh": "文章", "en": "Articles"},
    "sheet_overview": {"zh": "总览", "en": "Overview"},
    "sheet_members": {"zh": "成员学分", "en": "Members"},
    "sheet_findings": {"zh": "问题清单", "en": "Findings"},
    # 学习档案: one member's printable study record
    "record_title": {
        "zh": "中心组理论学习档案（{year}年度）",
        "en": "Central-group study record ({year})",
    },
    "record_who": {
        "zh": "姓名：{name}　　中心组：{group}　　职务：{position}　　编号：{member_id}",
        "en": "Name: {name}    Group: {group}    Position: {position}    ID: {member_id}",
    },
    "record_when": {
        "zh": "年度：{year}　　统计截止日期：{as_of}",
        "en": "Year: {year}    As of: {as_of}",
    },
    "record_sessions": {
        "zh": "一、参加学习（在岗期间已举行的各场）",
        "en": "1. Sessions held while in post",
    },
    "record_talks": {"zh": "二、主讲及成果转化", "en": "2. Talks given and their follow-up"},
    "record_exam": {"zh": "三、理论考试", "en": "3. Theory exam"},
    "record_result": {"zh": "四、学分与评定", "en": "4. Credits and assessment"},
    "record_number": {"zh": "序号", "en": "No."},
    "record_date": {"zh": "日期", "en": "Date"},
    "record_topic": {"zh": "专题", "en": "Topic"},
    "period": {"zh": "统计期间", "en": "Period"},
    "diff_sheet_params": {"zh": "参数变化", "en": "Settings changed"},
    "diff_sheet_statuses": {"zh": "考核状态变化", "en": "Statuses changed"},
    "diff_param": {"zh": "参数", "en": "Setting"},
    "diff_old": {"zh": "原值", "en": "Before"},
    "diff_new": {"zh": "新值", "en": "After"},
    "diff_key": {"zh": "哪一行", "en": "Row"},
    "diff_change": {"zh": "变化", "en": "Change"},
    "diff_column": {"zh": "列", "en": "Column"},
    "diff_added": {"zh": "新增", "en": "Added"},
    "diff_removed": {"zh": "删除", "en": "Removed"},
    "diff_changed": {"zh": "修改", "en": "Changed"},
    "member_id": {"zh": "编号", "en": "ID"},
    "record_role": {"zh": "角色", "en": "Role"},
    "record_attendance": {"zh": "出勤", "en": "Attendance"},
    "record_comment": {"zh": "点评", "en": "Comment"},
    "record_outreach": {"zh": "联系点宣讲（次）", "en": "Outreach (times)"},
    "record_outreach_credits": {"zh": "宣讲学分", "en": "Outreach credits"},
    "record_article": {"zh": "理论文章", "en": "Article"},
    "record_article_credits": {"zh": "文章学分", "en": "Article credits"},
    "record_role_speaker": {"zh": "主讲", "en": "Speaker"},
    "record_role_host": {"zh": "主持", "en": "Host"},
    "record_role_speaker_host": {"zh": "主讲、主持", "en": "Speaker and host"},
    "record_role_listener": {"zh": "参加", "en": "Attendee"},
    "record_no_row": {"zh": "无记录（按缺席）", "en": "No record (absent)"},
    "record_none": {"zh": "无", "en": "None"},
    "record_no_talk": {"zh": "本年度未主讲。", "en": "No talk given this year."},
    "record_no_session": {
        "zh": "本年度在岗期间没有已举行的学习。",
        "en": "No session held while in post this year.",
    },
    "record_total": {
        "zh": "年度学分 {credits:g}，达标线 {line:g}（按在岗天数折算）",
        "en": "Credits {credits:g}; pass line {line:g} (pro-rated by days in post)",
    },
    "record_status": {"zh": "评定：{status}", "en": "Assessment: {status}"},
    "record_reasons": {"zh": "依据：{reasons}", "en": "Grounds: {reasons}"},
    "record_consequence": {"zh": "后果：{consequence}", "en": "Consequence: {consequence}"},
    "record_signatures": {
        "zh": "本人签字：＿＿＿＿＿＿　　中心组秘书：＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日",
        "en": "Signature: ____________    Group secretary: ____________    Date: ____________",
    },
    "record_footer": {"zh": "第 &P 页，共 &N 页", "en": "Page &P of &N"},
    "report_title": {
        "zh": "{unit}中心组“1+X”学习台账 {year} 年报表（统计截止 {as_of:%Y-%m-%d}）",
        "en": "{unit}Central group “1+X” study ledger, {year} report (as of {as_of:%Y-%m-%d})",
    },
    "report_unit": {"zh": "{unit} ", "en": "{unit}: "},
}

PROCEDURE: dict[Lang, list[str]] = {
    "zh": [
        "**1 = 一人中心发言**：一名成员围绕一个专题作约一小时的中心发言；**X = 其他成员点评**，没时间口头点评的交书面点评。",
        "**制订学习方案**：每个中心组分组安排全年学习，每场确定主讲人、主持人和专题，每位成员都要既当主讲人又当点评人。",
        "**围绕主题撰稿**：主讲人调研撰稿，讲课前一周把初稿发给与会人员征求意见。",
        "**集中讲课点评**：中心组成员全部参加，主讲人尽量脱稿，讲后每人点评。",
        "**理论指导实践**：主讲人根据点评定稿，到联系点宣讲，并形成理论文章。",
        "**学分制考核**：乡科级干部按主讲、点评、出席等计学分，加理论考试；补考不及格或年度考核不达标的，诫勉，当年不得提拔使用。",
    ],
    "en": [
        "**1 = one central talk**: a member speaks about an hour on one topic; **X = the others comment**, in writing if there is no time to speak.",
        "**Study plan**: each group plans its year; every session has a speaker, a host and a topic; every member is both speaker and commentator.",
        "**Draft**: the speaker researches and sends the first draft to all attendees a week ahead.",
        "**Talk and commentary**: all members attend; the speaker talks, ideally without notes; everyone comments.",
        "**Theory into practice**: the speaker revises, gives the talk again at the linked points and writes it up.",
        "**Credit system**: cadres earn credits for talks, comments and attendance, plus a theory exam; failing the make-up or the year's assessment means admonishment and no promotion that year.",
    ],
}


def text(key: str, lang: Lang = "zh", **values: object) -> str:
    """The label ``key`` in ``lang``, with its named fields filled in."""
    template = LABELS[key][lang]
    return fill(template, **values) if values else template


# The progress figures of a report, in the order every output shows them, with their label codes.
PROGRESS_KEYS = [
    ("planned", "kpi_planned"),
    ("held", "kpi_held"),
    ("overdue", "kpi_overdue"),
    ("attendance_rate", "kpi_attendance"),
    ("comment_coverage", "kpi_comments"),
    ("people", "four_people"),
    ("time", "four_time"),
    ("content", "four_content"),
    ("effect", "four_effect"),
    ("passed", "kpi_passed"),
    ("at_risk", "kpi_at_risk"),
    ("failed", "kpi_failed"),
]
