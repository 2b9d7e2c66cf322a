"""Every label of the dashboard, Chinese first, English second: the one UI message catalogue."""

from __future__ import annotations

from model.i18n import Lang

UI: dict[str, tuple[str, str]] = {
    # App and navigation
    "app_title": ("中心组“1+X”学习台账", "Central Group “1+X” Study Ledger"),
    "page_overview": ("总览", "Overview"),
    "page_sessions": ("学习安排", "Sessions"),
    "page_members": ("成员学分", "Members"),
    "page_risk": ("风险预警", "Risk"),
    "page_rules": ("规则说明", "Rules"),
    "page_upload": ("数据上传", "Upload"),
    "page_history": ("版本历史", "History"),
    # Sidebar
    "source_sample": ("示例数据", "Sample data"),
    "source_version": ("当前版本 v{version}（{time}）", "Current version v{version} ({time})"),
    "year": ("年度", "Year"),
    "group": ("中心组", "Central group"),
    "all_groups": ("全部中心组", "All groups"),
    "as_of": ("统计截止日期", "As-of date"),
    "language": ("语言", "Language"),
    "meeting_mode": ("会议模式", "Meeting mode"),
    "meeting_mode_help": (
        "投影用：大字号，收起侧边栏",
        "For projection: large type, sidebar hidden",
    ),
    "hide_names": ("隐藏姓名（只看汇总）", "Hide names (aggregates only)"),
    "exit_meeting": ("退出会议模式", "Leave meeting mode"),
    "names_hidden": (
        "会议模式已隐藏个人姓名，只显示汇总。",
        "Names are hidden in meeting mode; aggregates only.",
    ),
    "sample_banner": (
        "当前显示的是示例数据（示范县），不是本县的真实台账。",
        "Showing sample data (a fictional county), not your county's ledger.",
    ),
    "no_data": ("还没有可用的台账数据。", "No ledger data yet."),
    "workbook_invalid": (
        "当前台账有 {count} 处错误，无法统计。请在“数据上传”页查看并修正。",
        "The current workbook has {count} errors. See the Upload page.",
    ),
    "no_year_data": (
        "{year} 年还没有学习安排或考试记录。",
        "No sessions or exams recorded for {year}.",
    ),
    # KPIs
    "kpi_held": ("已举行", "Held"),
    "kpi_planned": ("计划场次", "Planned"),
    "kpi_overdue": ("逾期", "Overdue"),
    "kpi_attendance": ("到课率", "Attendance"),
    "kpi_comments": ("点评覆盖", "Comment coverage"),
    "kpi_passed": ("达标", "Passed"),
    "kpi_at_risk": ("风险", "At risk"),
    "kpi_failed": ("不达标", "Failed"),
    "four_in_place": ("“四到位”", "The four in place"),
    "four_people": ("人员到位", "People"),
    "four_time": ("时间到位", "Time"),
    "four_content": ("内容到位", "Content"),
    "four_effect": ("效果到位", "Effect"),
    "four_help": (
        "人员=到课率；时间=计划日期前后14天内举行；内容=专题明确且初稿按时；效果=点评齐全、已定稿、已宣讲",
        "People = attendance; time = held within 14 days of plan; content = topic and draft on time; "
        "effect = comments complete, revised, taken to the points",
    ),
    # Charts
    "chart_cumulative": ("按月累计：已举行与计划", "Cumulative sessions by month: held vs planned"),
    "chart_status": ("成员考核状态", "Members by status"),
    "chart_timeline": ("各中心组学习安排（按月）", "Sessions by group and month"),
    "chart_buildup": ("学分累计与达标线", "Credits built up against the line"),
    "month": ("月份", "Month"),
    "sessions_count": ("场次", "Sessions"),
    "series": ("类别", "Series"),
    "series_planned": ("计划", "Planned"),
    "series_held": ("已举行", "Held"),
    "members_count": ("人数", "Members"),
    "credits": ("学分", "Credits"),
    "date": ("日期", "Date"),
    "line": ("达标线", "Pass line"),
    # Group table
    "groups_table": ("各中心组完成情况", "Groups by completion"),
    "completion": ("完成率", "Completion"),
    "red_flags": ("主要问题", "Red flags"),
    "members_total": ("成员", "Members"),
    # Sessions page
    "session": ("场次", "Session"),
    "planned_date": ("计划日期", "Planned"),
    "held_date": ("举行日期", "Held on"),
    "topic": ("专题", "Topic"),
    "speaker": ("主讲人", "Speaker"),
    "host": ("主持人", "Host"),
    "state": ("状态", "State"),
    "state_held": ("已举行", "Held"),
    "state_overdue": ("逾期", "Overdue"),
    "state_planned": ("待举行", "Upcoming"),
    "state_postponed": ("延期", "Postponed"),
    "state_cancelled": ("取消", "Cancelled"),
    "check_draft": ("初稿提前", "Draft early"),
    "check_duration": ("时长", "Duration"),
    "check_attendance": ("全员出席", "All present"),
    "check_comments": ("点评全覆盖", "All commented"),
    "check_revised": ("定稿", "Revised"),
    "check_outreach": ("宣讲", "Outreach"),
    "check_article": ("文章", "Article"),
    "pick_session": ("选择场次查看参学情况", "Pick a session to see its participation"),
    "participation": ("参学情况", "Participation"),
    "attendance": ("出勤", "Attendance"),
    "comment": ("点评", "Comment"),
    "findings": ("发现的问题", "Findings"),
    "no_findings": ("没有发现问题。", "No findings."),
    "no_sessions": ("这个范围内还没有学习安排。", "No sessions planned in this view yet."),
    # Members page
    "name": ("姓名", "Name"),
    "status": ("状态", "Status"),
    "projected": ("预计", "Projected"),
    "attainable": ("最多可得", "Attainable"),
    "exam": ("考试", "Exam"),
    "makeup": ("补考", "Make-up"),
    "reasons": ("原因", "Reasons"),
    "fix": ("怎么补救", "What would fix it"),
    "consequence": ("后果", "Consequence"),
    "breakdown_attendance": ("出席", "Attendance"),
    "breakdown_talks": ("主讲", "Talks"),
    "breakdown_hosting": ("主持", "Hosting"),
    "breakdown_oral_comments": ("口头点评", "Oral comments"),
    "breakdown_written_comments": ("书面点评", "Written comments"),
    "breakdown_outreach": ("宣讲", "Outreach"),
    "breakdown_articles": ("文章", "Articles"),
    "pick_member": ("选择成员查看详情", "Pick a member for details"),
    "no_exam_yet": ("尚无考试成绩", "No exam score yet"),
    "no_members": ("这个范围内没有需要考核的成员。", "No assessed members in this view."),
    "talks_given": ("主讲", "Talks"),
    "search_name": ("按姓名查找", "Search by name"),
    # Risk page
    "risk_intro": (
        "先列不达标，再列风险；每人附原因和补救办法。",
        "Failed first, then at risk, each with reasons and the fix.",
    ),
    "no_risk": ("没有不达标或有风险的成员。", "No member has failed or is at risk."),
    "filter_code": ("按问题类型筛选", "Filter by finding"),
    "group_findings": ("中心组层面的问题", "Group-level findings"),
    "count": ("数量", "Count"),
    # Rules page
    "rules_procedure": ("“1+X”学习模式的程序", "The 1+X procedure"),
    "rules_params": ("当前生效的参数", "Parameters in effect"),
    "param_key": ("参数", "Parameter"),
    "param_value": ("值", "Value"),
    "param_meaning": ("含义", "Meaning"),
    "rules_findings": ("检查的问题", "What is checked"),
    "rules_status": ("考核状态", "Assessment statuses"),
    # Downloads
    "download_report": ("下载 Excel 报表", "Download Excel report"),
    "sheet_overview": ("总览", "Overview"),
    "sheet_members": ("成员学分", "Members"),
    "sheet_findings": ("问题清单", "Findings"),
    "value_出席": ("出席", "Present"),
    "value_请假": ("请假", "On leave"),
    "value_缺席": ("缺席", "Absent"),
    "value_口头": ("口头", "Oral"),
    "value_书面": ("书面", "Written"),
    "value_无": ("无", "None"),
    "yes": ("✓", "✓"),
    "no": ("✗", "✗"),
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
        "**1 = one central talk**: a member speaks about an hour on one topic; **X = the others comment**, "
        "in writing if there is no time to speak.",
        "**Study plan**: each group plans its year; every session has a speaker, a host and a topic; "
        "every member is both speaker and commentator.",
        "**Draft**: the speaker researches and sends the first draft to all attendees a week ahead.",
        "**Talk and commentary**: all members attend; the speaker talks, ideally without notes; everyone comments.",
        "**Theory into practice**: the speaker revises, gives the talk again at the linked points and writes it up.",
        "**Credit system**: cadres earn credits for talks, comments and attendance, plus a theory exam; "
        "failing the make-up or the year's assessment means admonishment and no promotion that year.",
    ],
}


def text(key: str, lang: Lang = "zh", **values: object) -> str:
    zh, en = UI[key]
    template = zh if lang == "zh" else en
    return template.format(**values) if values else template
