"""Every label of the dashboard's screens, Chinese first: one shape, code → {zh, en}.

The report's own labels (columns, sheets) come from ``model.texts``; a key lives in one of the
two catalogues, never both.
"""

from __future__ import annotations

from model.texts.domain import Lang
from model.texts.labels import LABELS
from model.texts.lists import LIST_SEPARATOR
from model.texts.plural import fill
from pages.common.labels_clerk import CLERK_UI
from pages.common.labels_groups import GROUP_CLERK_UI
from pages.common.labels_record import RECORD_UI

UI: dict[str, dict[Lang, str]] = {
    # App and navigation
    "app_title": {"zh": "中心组“1+X”学习台账", "en": "Central Group “1+X” Study Ledger"},
    "page_overview": {"zh": "总览", "en": "Overview"},
    "page_sessions": {"zh": "学习安排", "en": "Sessions"},
    "page_members": {"zh": "成员学分", "en": "Members"},
    "page_risk": {"zh": "风险预警", "en": "Risk"},
    "page_rules": {"zh": "规则说明", "en": "Rules"},
    "page_upload": {"zh": "数据上传", "en": "Upload"},
    "page_history": {"zh": "版本历史", "en": "History"},
    "page_shifts": {"zh": "成效", "en": "Effects"},
    "shifts_intro": {
        "zh": "文章总结的“四个转变”，按年度对比（本年与上年，均按已举行的学习计算）。",
        "en": "The article's four shifts, year over year (this year against last, held sessions only).",
    },
    "shifts_summary": {
        "zh": "年度总结用语（可直接复制）",
        "en": "For the annual summary (copy as is)",
    },
    "shifts_year_axis": {"zh": "年度", "en": "Year"},
    "shifts_value_axis": {"zh": "比率", "en": "Rate"},
    "shifts_metric": {"zh": "指标", "en": "Metric"},
    # "name：text" — the colon and the list separator each language writes.
    "exam_with_makeup": {"zh": "考试（补考 {makeup}）", "en": "Exam (make-up {makeup})"},
    "open_member": {"zh": "查看此人的学分明细", "en": "Open this member's credits"},
    "open_group_hint": {
        "zh": "点击一行，查看该中心组。",
        "en": "Click a row to open that group.",
    },
    "labelled": {"zh": "{name}：{text}", "en": "{name}: {text}"},
    "list_separator": LIST_SEPARATOR,
    # "name（text）" — a name and what it is, in the language's brackets; clauses joined by ，/,.
    "bracketed": {"zh": "{name}（{text}）", "en": "{name} ({text})"},
    "clause_separator": {"zh": "，", "en": ", "},
    "member_heading": {"zh": "{name}（{group}）· {status}", "en": "{name} ({group}) · {status}"},
    "checks_none": {"zh": "无", "en": "none"},
    "demo_user": {"zh": "演示用户", "en": "demo user"},
    # Sidebar
    "source_sample": {"zh": "示例数据", "en": "Sample data"},
    "source_version": {
        "zh": "当前版本 v{version}（{time:zh_date} {time:%H:%M}）",
        "en": "Current version v{version} ({time:en_date}, {time:%H:%M})",
    },
    "as_of": {"zh": "统计截止日期", "en": "As-of date"},
    "language": {"zh": "语言", "en": "Language"},
    "meeting_mode": {"zh": "会议模式", "en": "Meeting mode"},
    "meeting_mode_help": {
        "zh": "投影用：大字号，隐藏姓名，收起侧边栏；网址带 ?meeting=1，刷新后仍保持",
        "en": "For projection: large type, names hidden, sidebar hidden; the address carries ?meeting=1, so a reload keeps it",
    },
    "hide_names": {"zh": "隐藏姓名", "en": "Hide names"},
    "exit_meeting": {"zh": "退出会议模式", "en": "Leave meeting mode"},
    "names_hidden": {
        "zh": "会议模式：姓名已隐藏，成员以“成员+序号”代替。需要时由主持人打开“显示姓名”。",
        "en": "Meeting mode: names are hidden; people appear as “Member” and a number. The presenter may switch on “Show names”.",
    },
    "names_hidden_here": {
        "zh": "姓名已隐藏，成员以“成员+序号”代替。",
        "en": "Names are hidden; people appear as “Member” and a number.",
    },
    "names_shown_meeting": {
        "zh": "会议模式：主持人已选择显示姓名。",
        "en": "Meeting mode: the presenter has chosen to show names.",
    },
    "show_names": {"zh": "显示姓名", "en": "Show names"},
    "pseudonym": {"zh": "成员{number}", "en": "Member {number}"},
    "someone": {"zh": "某成员", "en": "a member"},
    "no_rows_for_groups": {
        "zh": "你有权查看的中心组（{groups}）在当前台账中没有数据。",
        "en": "The central groups you may see ({groups}) have no rows in the current ledger.",
    },
    "sample_banner": {
        "zh": "当前显示的是示例数据（示范县），不是本县的真实台账。",
        "en": "Showing sample data (a fictional county), not your county's ledger.",
    },
    "no_data": {"zh": "还没有可用的台账数据。", "en": "No ledger data yet."},
    "workbook_invalid": {
        "zh": "当前台账有 {count} 处错误，无法统计。请在“数据上传”页查看并修正。",
        "en": "The current workbook has {count:~error|errors}. See the Upload page.",
    },
    "no_year_data": {
        "zh": "{year} 年还没有学习安排或考试记录。",
        "en": "No sessions or exams recorded for {year}.",
    },
    "four_in_place": {"zh": "“四到位”", "en": "The four in place"},
    "four_help": {
        "zh": "人员=到课率；时间=计划日期前后14天内举行；内容=专题明确且初稿按时；效果=点评齐全、已定稿、已宣讲",
        "en": "People = attendance; time = held within 14 days of plan; content = topic and draft on time; effect = comments complete, revised, taken to the points",
    },
    # Charts
    "chart_cumulative": {
        "zh": "按月累计：已举行与计划",
        "en": "Cumulative sessions by month: held vs planned",
    },
    "chart_status": {"zh": "成员考核状态", "en": "Members by status"},
    "chart_timeline": {"zh": "各中心组学习安排（按月）", "en": "Sessions by group and month"},
    "chart_buildup": {"zh": "学分累计与达标线", "en": "Credits built up against the line"},
    "month": {"zh": "月份", "en": "Month"},
    "sessions_count": {"zh": "场次", "en": "Sessions"},
    "series": {"zh": "类别", "en": "Series"},
    "series_planned": {"zh": "计划", "en": "Planned"},
    "series_held": {"zh": "已举行", "en": "Held"},
    "members_count": {"zh": "人数", "en": "Members"},
    "date": {"zh": "日期", "en": "Date"},
    # Group table
    "groups_table": {"zh": "各中心组完成情况", "en": "Groups by completion"},
    "completion": {"zh": "完成率", "en": "Completion"},
    "groups_table_order": {
        "zh": "落后的中心组在前：完成率从低到高，同等时不达标和风险人数多的在前。",
        "en": "Lagging groups first: lowest completion first, then most members failed or at risk.",
    },
    "red_flags": {"zh": "主要问题", "en": "Red flags"},
    "held_of_planned": {"zh": "举行/计划", "en": "Held / planned"},
    "members_total": {"zh": "成员", "en": "Members"},
    "planned_date": {"zh": "计划日期", "en": "Planned"},
    "held_date": {"zh": "举行日期", "en": "Held on"},
    "topic": {"zh": "专题", "en": "Topic"},
    "speaker": {"zh": "主讲人", "en": "Speaker"},
    "host": {"zh": "主持人", "en": "Host"},
    "state": {"zh": "状态", "en": "State"},
    "state_held": {"zh": "已举行", "en": "Held"},
    "state_overdue": {"zh": "逾期", "en": "Overdue"},
    "state_planned": {"zh": "待举行", "en": "Upcoming"},
    "state_postponed": {"zh": "延期", "en": "Postponed"},
    "state_cancelled": {"zh": "取消", "en": "Cancelled"},
    "check_draft": {"zh": "初稿提前", "en": "Draft early"},
    "check_duration": {"zh": "时长", "en": "Duration"},
    "check_attendance": {"zh": "全员出席", "en": "All present"},
    "check_comments": {"zh": "点评全覆盖", "en": "All commented"},
    "check_revised": {"zh": "定稿", "en": "Revised"},
    "check_outreach": {"zh": "宣讲", "en": "Outreach"},
    "check_article": {"zh": "文章", "en": "Article"},
    "checks_missed": {"zh": "未达要求", "en": "Missed"},
    "all_columns": {"zh": "显示全部列", "en": "Show every column"},
    "pick_session": {"zh": "选择场次查看参学情况", "en": "Pick a session to see its participation"},
    "participation": {"zh": "参学情况", "en": "Participation"},
    "attendance": {"zh": "出勤", "en": "Attendance"},
    "comment": {"zh": "点评", "en": "Comment"},
    "no_findings": {"zh": "没有发现问题。", "en": "No findings."},
    "no_sessions": {
        "zh": "这个范围内还没有学习安排。",
        "en": "No sessions planned in this view yet.",
    },
    "pick_member": {"zh": "选择成员查看详情", "en": "Pick a member for details"},
    "no_exam_yet": {"zh": "尚无考试成绩", "en": "No exam score yet"},
    "no_members": {
        "zh": "这个范围内没有需要考核的成员。",
        "en": "No assessed members in this view.",
    },
    "talks_given": {"zh": "主讲", "en": "Talks"},
    "show_breakdown": {"zh": "显示学分明细", "en": "Show the credit breakdown"},
    "search_name": {"zh": "按姓名查找", "en": "Search by name"},
    # Risk page
    "risk_intro": {
        "zh": "先列不达标，再列风险；每人附原因和补救办法。不达标只在补考不及格或年度结束后认定。",
        "en": "Failed first, then at risk, each with reasons and the fix. Failed is decided only after a failed make-up or once the year is over.",
    },
    "card_credits": {"zh": "（学分 {credits}/{line}）", "en": " (credits {credits}/{line})"},
    "no_risk": {"zh": "没有不达标或有风险的成员。", "en": "No member has failed or is at risk."},
    "group_short_title": {"zh": "本组安排不足", "en": "The group's plan is short"},
    "group_short_intro": {
        "zh": "以下中心组的成员每次都参加并点评，仍达不到达标线：需由本组补排学习，不是个人的问题。",
        "en": "Members of these groups took every chance offered and still cannot reach the line: the group must add sessions; it is not the members' shortfall.",
    },
    "group_short_members": {"zh": "涉及成员：{names}", "en": "Members concerned: {names}"},
    "group_short_cards": {
        "zh": "查看这 {count} 名成员的情况",
        "en": "Show {count:~member|members}",
    },
    "filter_code": {"zh": "按问题类型筛选", "en": "Filter by finding"},
    "filter_code_placeholder": {
        "zh": "全部问题类型（可多选）",
        "en": "Every kind (pick one or more)",
    },
    "group_findings": {"zh": "中心组层面的问题", "en": "Group-level findings"},
    "count": {"zh": "数量", "en": "Count"},
    # Rules page
    "rules_procedure": {"zh": "“1+X”学习模式的程序", "en": "The 1+X procedure"},
    "rules_params": {"zh": "当前生效的参数", "en": "Parameters in effect"},
    "param_key": {"zh": "参数", "en": "Parameter"},
    "param_value": {"zh": "值", "en": "Value"},
    "param_meaning": {"zh": "含义", "en": "Meaning"},
    "param_range": {"zh": "允许范围", "en": "Allowed range"},
    "rules_findings": {"zh": "检查的问题", "en": "What is checked"},
    "rules_status": {"zh": "考核状态", "en": "Assessment statuses"},
    "rules_credits": {"zh": "学分怎么计", "en": "How credits are counted"},
    "rules_live": {
        "zh": "数字取自当前生效的参数（含台账“参数”表的设置）。",
        "en": "The numbers are the parameters in effect, the workbook's settings sheet included.",
    },
    "rule_threshold": {"zh": "规则与阈值", "en": "Rule and threshold"},
    # Downloads
    "download_report": {"zh": "下载 Excel 报表", "en": "Download Excel report"},
    "download_bulletin": {"zh": "下载通报（Word）", "en": "Download the bulletin (Word)"},
    "download_bulletin_help": {
        "zh": "学习情况通报：公文格式的 .docx（A4，黑体标题、仿宋正文），数字与本页一致，可在 WPS/Word 中修改后印发。",
        "en": "The study bulletin as an official-style .docx (A4, Heiti headings, Fangsong body), with this page's numbers, editable in WPS or Word.",
    },
    "record_member_pdf": {"zh": "下载 PDF", "en": "Download PDF"},
    "record_group_pdf": {
        "zh": "下载{group}全体成员的学习档案 PDF（每人一页）",
        "en": "Download the study records of {group} as PDF (one page each)",
    },
    "download_risk_pdf": {"zh": "下载风险预警名单 PDF", "en": "Download the at-risk list (PDF)"},
    "record_heading": {"zh": "学习档案（A4 打印）", "en": "Study records (A4 print)"},
    "record_help": {
        "zh": "年度学习档案：各场学习的角色、出勤、点评和学分，主讲成果，考试与评定，附签字栏，可直接打印存档。",
        "en": "The year's study record: role, attendance, comment and credits per session, talks and their follow-up, exam and assessment, with signature lines, ready to print.",
    },
    "record_member": {"zh": "下载{name}的学习档案", "en": "Download {name}'s study record"},
    "record_group_pick": {"zh": "中心组", "en": "Central group"},
    "record_group": {
        "zh": "下载{group}全体成员的学习档案（每人一页）",
        "en": "Download the study records of {group} (one sheet each)",
    },
    "value_\u51fa\u5e2d": {"zh": "出席", "en": "Present"},
    "value_\u8bf7\u5047": {"zh": "请假", "en": "On leave"},
    "value_\u7f3a\u5e2d": {"zh": "缺席", "en": "Absent"},
    "value_\u53e3\u5934": {"zh": "口头", "en": "Oral"},
    "value_\u4e66\u9762": {"zh": "书面", "en": "Written"},
    "value_\u65e0": {"zh": "无", "en": "No comment"},
    # Upload page
    "upload_intro": {
        "zh": "上传更新后的台账（可用 {types}）。先检查，没有错误才能发布；发布前可预览改动。坏文件不会覆盖已发布的数据。",
        "en": "Upload the updated workbook ({types}). It is checked first; only an error-free file can be published, after a preview of its changes. A bad file never replaces published data.",
    },
    "uploader_button": {"zh": "选择文件", "en": "Choose a file"},
    # In the drop zone, in place of Streamlit's "Drag and drop file here" and "200MB per file".
    "uploader_drop": {
        "zh": "将文件拖放到此处 · 每个文件不超过 {limit} MB",
        "en": "Drag and drop a file here · up to {limit} MB per file",
    },
    "uploader_help": {
        "zh": "可把文件拖到框内，或点“选择文件”。可用格式：{types}；不超过 {limit} MB。",
        "en": "Drop the file on the box or click “Choose a file”. Formats: {types}; up to {limit} MB.",
    },
    "uploader_types": {
        "zh": "可用格式：{types}；每个文件不超过 {limit} MB。",
        "en": "Formats: {types}; up to {limit} MB per file.",
    },
    "template_download": {"zh": "下载空白模板", "en": "Download the blank template"},
    "uploader": {"zh": "选择台账文件", "en": "Choose the workbook"},
    "errors_found": {
        "zh": "发现 {count} 处错误，不能发布。请按提示修改后重新上传。",
        "en": "{count:~error|errors}: fix them and upload again.",
    },
    "unreadable": {"zh": "无法读取这个文件。", "en": "This file cannot be read."},
    "annotated_download": {
        "zh": "下载标注了错误的台账",
        "en": "Download the workbook with errors marked",
    },
    "cell": {"zh": "单元格", "en": "Cell"},
    "row": {"zh": "行", "en": "Row"},
    "column": {"zh": "列", "en": "Column"},
    "value": {"zh": "填写的值", "en": "Value"},
    "problem": {"zh": "问题", "en": "Problem"},
    "how_to_fix": {"zh": "怎么改", "en": "How to fix"},
    "upload_ok": {"zh": "检查通过：{counts}", "en": "Checked, no errors: {counts}"},
    "findings_summary": {
        "zh": "台账中发现的问题（不影响发布）",
        "en": "Findings in the workbook (do not block publishing)",
    },
    "changes_preview": {"zh": "与当前版本相比的改动", "en": "Changes against the current version"},
    "changes_first": {"zh": "这是第一次发布。", "en": "This is the first version."},
    "too_large": {"zh": "文件超过 {limit} MB。", "en": "The file is over {limit} MB."},
    # History page
    "history_intro": {
        "zh": "每次发布都会保留；恢复旧版本会把它重新发布为新版本，不会删除任何版本。",
        "en": "Every published version is kept; restoring republishes an old version as a new one.",
    },
    "no_versions": {
        "zh": "还没有发布过任何版本，目前显示示例数据。",
        "en": "Nothing published yet; the sample is shown.",
    },
    "version": {"zh": "版本", "en": "Version"},
    "published_at": {"zh": "发布时间", "en": "Published"},
    "user": {"zh": "发布人", "en": "By"},
    "file_name": {"zh": "文件名", "en": "File"},
    "rows": {"zh": "行数", "en": "Rows"},
    "findings_count": {"zh": "问题数", "en": "Findings"},
    "comment_col": {"zh": "说明", "en": "Comment"},
    "pick_version": {"zh": "选择一个版本", "en": "Pick a version"},
    "download_version": {"zh": "下载 v{version}", "en": "Download v{version}"},
    "restore": {"zh": "恢复 v{version} 为当前版本", "en": "Restore v{version}"},
    "restored": {"zh": "已把 v{old} 恢复为新版本 v{new}。", "en": "Restored v{old} as v{new}."},
    "restored_from": {"zh": "恢复自 v{version}", "en": "Restored from v{version}"},
    "restore_question": {
        "zh": "确定要恢复 v{version}（{time}，{user} 发布）吗？它将作为新版本发布，取代当前的 v{current}；不会删除任何版本。",
        "en": "Restore v{version} (published {time} by {user})? It is published again as a new version in place of the current v{current}; no version is deleted.",
    },
    "restore_changes": {
        "zh": "恢复后与当前版本相比的改动",
        "en": "What restoring changes against the current version",
    },
    "restore_confirm": {"zh": "确认恢复 v{version}", "en": "Restore v{version} now"},
    "restore_cancel": {"zh": "取消", "en": "Cancel"},
    "already_current": {
        "zh": "v{version} 就是当前内容。",
        "en": "v{version} is already the current content.",
    },
    # Sign-in and roles
    "page_login": {"zh": "登录", "en": "Sign in"},
    "page_admin": {"zh": "用户与审计", "en": "Users and audit"},
    "login_intro": {
        "zh": "请使用管理员分配的账号登录。",
        "en": "Sign in with the account your administrator gave you.",
    },
    "username": {"zh": "用户名", "en": "User name"},
    "password": {"zh": "密码", "en": "Password"},
    "sign_in": {"zh": "登录", "en": "Sign in"},
    "sign_out": {"zh": "退出登录", "en": "Sign out"},
    "signed_in_as": {"zh": "已登录：{name}（{role}）", "en": "Signed in: {name} ({role})"},
    "wrong_password": {"zh": "用户名或密码不正确。", "en": "Wrong user name or password."},
    "locked": {
        "zh": "登录失败次数过多，请 {seconds} 秒后再试。",
        "en": "Too many failed attempts; try again in {seconds} s.",
    },
    "session_expired": {
        "zh": "长时间未操作，已自动退出，请重新登录。",
        "en": "Your session expired; please sign in again.",
    },
    "account_disabled": {
        "zh": "该账号已停用，请联系管理员。",
        "en": "This account is disabled; ask your administrator.",
    },
    "signed_out": {"zh": "已退出登录。", "en": "You are signed out."},
    "signed_out_here": {
        "zh": "登录已失效（已退出、密码已重设或账号已停用），请重新登录。",
        "en": "You are no longer signed in (signed out, password reset or account disabled); please sign in again.",
    },
    "signin_refused": {
        "zh": "请求无效，请在本页重新登录。",
        "en": "Invalid request; please sign in on this page again.",
    },
    "back_to_overview": {"zh": "返回总览", "en": "Back to the overview"},
    "demo_mode": {
        "zh": "演示模式：尚未配置用户，登录未启用，所有人拥有全部权限。正式使用前请用 python -m model users add 添加用户。",
        "en": "Demo mode: no users are configured, sign-in is off and everyone has every role. Add users with python -m model users add before real use.",
    },
    "not_allowed": {
        "zh": "你的账号没有权限使用这个页面。",
        "en": "Your account may not use this page.",
    },
    "role_viewer": {"zh": "领导", "en": "viewer"},
    "role_clerk": {"zh": "文书", "en": "clerk"},
    "role_admin": {"zh": "管理员", "en": "admin"},
    "groups_limited": {"zh": "仅可查看：{groups}", "en": "Limited to: {groups}"},
    "users_title": {"zh": "用户", "en": "Users"},
    "role": {"zh": "角色", "en": "Role"},
    "groups_col": {"zh": "可查看的中心组", "en": "Groups"},
    "all": {"zh": "全部", "en": "all"},
    "audit_title": {"zh": "审计日志", "en": "Audit log"},
    "audit_at": {"zh": "时间", "en": "Time"},
    "audit_action": {"zh": "操作", "en": "Action"},
    "audit_ok": {"zh": "成功", "en": "OK"},
    "audit_detail": {"zh": "详情", "en": "Detail"},
    "filter_user": {"zh": "按用户筛选", "en": "Filter by user"},
    "audit_cli": {"zh": "服务器命令行", "en": "server command line"},
    "action_sign_in": {"zh": "登录", "en": "Signed in"},
    "action_sign_in_failed": {"zh": "登录失败", "en": "Sign-in failed"},
    "action_sign_in_locked": {"zh": "登录暂停中", "en": "Sign-in locked"},
    "action_sign_out": {"zh": "退出登录", "en": "Signed out"},
    "action_publish": {"zh": "发布", "en": "Publish"},
    "action_restore": {"zh": "恢复版本", "en": "Restore"},
    "action_user_add": {"zh": "添加用户", "en": "User added"},
    "action_user_remove": {"zh": "删除用户", "en": "User removed"},
    "action_user_passwd": {"zh": "重设密码", "en": "Password reset"},
    "audit_delay": {
        "zh": "此后须等待 {seconds} 秒",
        "en": "{seconds:~second|seconds} wait from now",
    },
    "audit_locked": {
        "zh": "还须等待 {seconds} 秒",
        "en": "{seconds:~second|seconds} still to wait",
    },
    "audit_stale": {
        "zh": "未发布：其间已有 v{version}",
        "en": "not published: v{version} came first",
    },
    "filter_action": {"zh": "按操作筛选", "en": "Filter by action"},
    "users_cli_hint": {
        "zh": "服务器上的命令行同样可用：python -m model users add|remove|passwd|list",
        "en": "The server's command line works too: python -m model users add|remove|passwd|list",
    },
    # 用户管理 (issue #25)
    "last_sign_in": {"zh": "最近登录", "en": "Last sign-in"},
    "never": {"zh": "从未登录", "en": "never"},
    "user_state": {"zh": "状态", "en": "State"},
    "state_active": {"zh": "启用", "en": "enabled"},
    "state_disabled": {"zh": "已停用", "en": "disabled"},
    "sessions_col": {"zh": "在线会话", "en": "Live sessions"},
    "user_add_title": {"zh": "添加用户", "en": "Add a user"},
    "user_add_button": {"zh": "添加", "en": "Add"},
    "password_again": {"zh": "再输一次密码", "en": "Password again"},
    "new_password": {"zh": "新密码", "en": "New password"},
    "groups_pick": {
        "zh": "可查看的中心组（不选即全部）",
        "en": "Groups (none chosen: every group)",
    },
    "groups_pick_help": {
        "zh": "可选的中心组取自当前显示的版本。",
        "en": "The groups offered are those of the version shown now.",
    },
    "groups_all_placeholder": {"zh": "全部中心组", "en": "Every group"},
    "user_edit_title": {"zh": "修改用户", "en": "Change a user"},
    "user_pick": {"zh": "选择用户", "en": "User"},
    "user_tab_role": {"zh": "角色与中心组", "en": "Role and groups"},
    "user_tab_state": {"zh": "停用或删除", "en": "Disable or remove"},
    "save_role_groups": {"zh": "保存角色和中心组", "en": "Save role and groups"},
    "reset_password_title": {"zh": "重设密码", "en": "Reset the password"},
    "reset_password_button": {"zh": "重设密码", "en": "Reset the password"},
    "disable_button": {"zh": "停用账号", "en": "Disable"},
    "enable_button": {"zh": "启用账号", "en": "Enable"},
    "remove_button": {"zh": "删除用户", "en": "Remove"},
    "remove_confirm": {"zh": "确认删除 {name}（不可撤销）", "en": "Yes, remove {name} (for good)"},
    "user_added": {"zh": "已添加用户 {name}。", "en": "Added {name}."},
    "user_saved": {
        "zh": "已保存 {name} 的角色和中心组，对方下一次操作时生效。",
        "en": "Saved {name}'s role and groups; they apply at {name}'s next action.",
    },
    "password_reset_done": {
        "zh": "已重设 {name} 的密码，其登录会话均已结束。",
        "en": "{name}'s password is reset; every session of {name} has ended.",
    },
    "user_disabled_done": {
        "zh": "已停用 {name}，其登录会话均已结束。",
        "en": "{name} is disabled; every session of {name} has ended.",
    },
    "user_enabled_done": {"zh": "已启用 {name}。", "en": "{name} is enabled."},
    "user_removed_done": {"zh": "已删除用户 {name}。", "en": "Removed {name}."},
    "user_gone": {"zh": "用户 {name} 已不存在。", "en": "{name} no longer exists."},
    "password_mismatch": {"zh": "两次输入的密码不一致。", "en": "The two passwords differ."},
    "password_short": {
        "zh": "密码至少 {count} 位。",
        "en": "The password needs at least {count} characters.",
    },
    "name_empty": {"zh": "用户名不能为空。", "en": "The user name is empty."},
    "user_exists": {"zh": "用户 {name} 已存在。", "en": "{name} exists already."},
    "last_admin": {
        "zh": "{name} 是唯一启用的管理员，不能删除、停用或改为其他角色；请先添加或启用另一位管理员。",
        "en": "{name} is the only enabled admin and cannot be removed, disabled or given another role; add or enable another admin first.",
    },
    "audit_client": {"zh": "地址", "en": "Address"},
    "action_user_role": {"zh": "修改角色", "en": "Role changed"},
    "action_user_groups": {"zh": "修改可查看的中心组", "en": "Groups changed"},
    "action_user_disable": {"zh": "停用用户", "en": "User disabled"},
    "action_user_enable": {"zh": "启用用户", "en": "User enabled"},
    "audit_disabled": {"zh": "账号已停用", "en": "account disabled"},
    "yes": {"zh": "✓", "en": "✓"},
    "no": {"zh": "✗", "en": "✗"},
    # Download file names: Chinese in either language, as the files are sent round a Chinese
    # office and name its units (an English screen still saves 学习档案-2026-….pdf).
    "file_report": {"zh": "学习台账报表-{year}-{day}.xlsx", "en": "学习台账报表-{year}-{day}.xlsx"},
    "file_bulletin": {
        "zh": "学习情况通报-{year}-{day}.docx",
        "en": "学习情况通报-{year}-{day}.docx",
    },
    "file_risk": {"zh": "风险预警名单-{year}-{day}.pdf", "en": "风险预警名单-{year}-{day}.pdf"},
    "file_record": {"zh": "学习档案-{year}-{name}.{ext}", "en": "学习档案-{year}-{name}.{ext}"},
    "file_plan": {"zh": "学习计划-{group}-{year}.xlsx", "en": "学习计划-{group}-{year}.xlsx"},
    "file_merged": {"zh": "台账-含{name}", "en": "台账-含{name}"},
    "file_template": {"zh": "中心组学习台账模板.xlsx", "en": "中心组学习台账模板.xlsx"},
    "lang_zh": {"zh": "中文", "en": "中文"},  # each language named in itself
    "lang_en": {"zh": "English", "en": "English"},
    **CLERK_UI,  # 学习计划 and 待办 (issue #14)
    **GROUP_CLERK_UI,  # group clerks' download and publish (issue #13)
    **RECORD_UI,  # 学习记录 (issue #26)
}


# Month names for chart axes: 1月 … 12月, Jan … Dec (not the locale's, which may be Chinese).
_MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
UI.update({f"month_{m}": {"zh": f"{m}月", "en": _MONTHS_EN[m - 1]} for m in range(1, 13)})


def label(key: str, lang: Lang = "zh", **values: object) -> str:
    """The screen label ``key`` (or the report label of that name) in ``lang``."""
    entry = UI.get(key) or LABELS[key]
    template = entry[lang]
    return fill(template, **values) if values else template
