"""Screen labels of the clerk's pages (issue #14: 学习计划, 待办), merged into ``labels.UI``.

Kept apart so the shared catalogue changes by one line; the same shape, code → {zh, en}.
"""

from __future__ import annotations

from model.texts.domain import Lang

CLERK_UI: dict[str, dict[Lang, str]] = {
    "page_plan": {"zh": "学习计划", "en": "Study plan"},
    "page_todo": {"zh": "待办", "en": "To-do"},
    "plan_intro": {
        "zh": "按在岗成员生成全年学习计划：每人主讲一次，一把手先讲，主持人轮流且不主持自己的主讲；日期避开周末、法定节假日和春节所在周。专题待定，征求主讲人意见后填写。",
        "en": "A year's plan from the members in post: everyone speaks once, the head first, hosts rotate and never host their own talk; dates avoid weekends, public holidays and the Spring Festival week. Topics stay open until the speaker is asked.",
    },
    "plan_group": {"zh": "中心组", "en": "Group"},
    "plan_year": {"zh": "计划年度", "en": "Plan year"},
    "plan_start": {"zh": "开始日期", "en": "Start date"},
    "plan_weekday": {"zh": "固定在", "en": "Held on"},
    "plan_count": {"zh": "场次数", "en": "Sessions"},
    "plan_count_help": {
        "zh": "默认取年度场次下限与在岗人数中较大者，保证人人主讲",
        "en": "By default the larger of the yearly minimum and the members in post, so everyone speaks",
    },
    "plan_no_group": {"zh": "还没有成员，无法生成计划。", "en": "No members yet: nothing to plan."},
    "plan_download_merged": {
        "zh": "下载：当前台账 + 新计划（可直接上传）",
        "en": "Download: current workbook + the new plan (ready to upload)",
    },
    "plan_download_alone": {
        "zh": "下载：只含本组成员和新计划的台账",
        "en": "Download: a workbook with this group's members and the plan only",
    },
    "plan_upload_hint": {
        "zh": "下载后可在 Excel/WPS 中填写专题，再到“数据上传”页上传。只含本组的台账上传后会替换当前台账，请谨慎使用。",
        "en": "Fill in the topics in Excel/WPS, then upload on the Upload page. The group-only workbook would replace the current one when published.",
    },
    "weekday_1": {"zh": "周一", "en": "Monday"},
    "weekday_2": {"zh": "周二", "en": "Tuesday"},
    "weekday_3": {"zh": "周三", "en": "Wednesday"},
    "weekday_4": {"zh": "周四", "en": "Thursday"},
    "weekday_5": {"zh": "周五", "en": "Friday"},
    "todo_intro": {
        "zh": "截至统计截止日期，{days} 天内到期和已逾期的事项；另列有各自提前期的事项：理论考试（距年底不足 60 天起）、补考（考试不及格起）和待定专题（学习前 30 天起）。",
        "en": "Items due within {days} days of the as-of date, and those overdue; also the items with a lead time of their own: the exam (from 60 days before the year ends), the make-up (once an exam is failed) and topics to settle (30 days before the session).",
    },
    "todo_days": {"zh": "看未来几天", "en": "Days ahead"},
    "todo_total": {"zh": "待办事项", "en": "Items"},
    "todo_overdue": {"zh": "已逾期", "en": "Overdue"},
    "todo_by_week": {"zh": "按周", "en": "By week"},
    "todo_by_person": {"zh": "按人", "en": "By person"},
    "todo_none": {"zh": "近期没有待办事项。", "en": "Nothing due."},
    "todo_week_of": {"zh": "{start} 这一周", "en": "Week of {start}"},
    "todo_overdue_group": {"zh": "已逾期", "en": "Overdue"},
    "todo_clerk": {"zh": "文书（录入）", "en": "Clerk (records)"},
    "todo_due": {"zh": "期限", "en": "Due"},
    "todo_kind": {"zh": "事项", "en": "Kind"},
    "todo_person": {"zh": "责任人", "en": "Person"},
    "todo_text": {"zh": "内容", "en": "What"},
    "todo_top": {"zh": "本组待办（{days} 天内）", "en": "This group's to-do ({days} days)"},
    "todo_more": {"zh": "另有 {count} 项，见“待办”页。", "en": "{count} more on the To-do page."},
    "calendar_person": {"zh": "日历：谁的", "en": "Calendar for"},
    "calendar_everyone": {"zh": "全组", "en": "the whole group"},
    "calendar_download": {"zh": "下载日历（.ics）", "en": "Download calendar (.ics)"},
    "calendar_file": {
        "zh": "学习日历-{group}{who}-{year}.ics",
        "en": "study-calendar-{group}{who}-{year}.ics",
    },
    "calendar_pick_group": {
        "zh": "日历（.ics）按中心组导出：请先在左侧选择一个中心组。",
        "en": "Calendars (.ics) are per group: choose a group in the sidebar first.",
    },
    "calendar_hint": {
        "zh": "含 {year} 年学习安排（09:00，北京时间）和初稿、定稿、宣讲、文章期限；可导入手机、Outlook 或 WPS 日历，再次导入会更新而不会重复。",
        "en": "The {year} sessions (09:00 Beijing time) and the draft, revision, outreach and article deadlines; import into a phone, Outlook or WPS calendar; importing again updates the events.",
    },
}
