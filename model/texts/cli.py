"""The command line's words, code → {zh, en}, filled with ``str.format`` fields.

The commands print Chinese (the clerks' terminal); English is kept beside each so that the
catalogue has the one shape of every other and a future ``--lang en`` costs no rewriting.
"""

from __future__ import annotations

from model.texts.domain import Lang
from model.texts.lists import LIST_SEPARATOR

CLI_TEXTS: dict[str, dict[Lang, str]] = {
    # shared
    "BAD_DATE": {"zh": "日期格式应为 YYYY-MM-DD：{text}", "en": "A date is YYYY-MM-DD: {text}"},
    "ROW": {"zh": "第{row}行", "en": "row {row}"},
    "NOTICE": {"zh": "注意：{text}", "en": "Note: {text}"},
    "REFUSED": {
        "zh": "台账有 {count} 处错误，{what}：",
        "en": "The workbook has {count} errors, {what}:",
    },
    "ROWS_OF_SHEET": {"zh": "{sheet} {rows} 行", "en": "{sheet} {rows} rows"},
    "LIST_SEP": LIST_SEPARATOR,
    "CLAUSE_SEP": {"zh": "，", "en": ", "},
    "NO_GROUP": {
        "zh": "没有中心组“{group}”；可选：{choices}",
        "en": "No group “{group}”; choose from: {choices}",
    },
    "ALL_GROUPS": {"zh": "全部中心组", "en": "all groups"},
    "ALL": {"zh": "全部", "en": "all"},
    "NONE": {"zh": "无", "en": "none"},
    # validate, annotate, template
    "VALID": {"zh": "台账有效：{counts}", "en": "The workbook is valid: {counts}"},
    "FOUND_ERRORS": {"zh": "发现 {count} 处错误：", "en": "{count} errors found:"},
    "ANNOTATED": {
        "zh": "已写入 {out}：标注 {count} 处错误",
        "en": "Wrote {out}: {count} errors marked",
    },
    "TEMPLATE_WRITTEN": {"zh": "已写入模板 {out}", "en": "Wrote the template {out}"},
    # report, record, shifts
    "WHAT_REPORT": {"zh": "无法生成报告", "en": "no report made"},
    "WHAT_RECORD": {"zh": "无法生成学习档案", "en": "no study record made"},
    "WHAT_SHIFTS": {"zh": "无法测算", "en": "nothing measured"},
    "RECORD_WHO": {
        "zh": "请用 --group 指定中心组，或用 --member（加 --group）指定成员。",
        "en": "Name a group with --group, or a member with --member (and --group).",
    },
    "NO_GROUP_MEMBERS": {
        "zh": "{year} 年度没有中心组“{group}”的成员。",
        "en": "Group “{group}” has no members in {year}.",
    },
    "MEMBER_AMBIGUOUS": {
        "zh": "成员“{member}”：有 {count} 人同名（{found}），请改用编号。",
        "en": "Member “{member}”: {count} people share the name ({found}); use the 编号.",
    },
    "MEMBER_NOT_FOUND": {
        "zh": "成员“{member}”：找不到此人。",
        "en": "Member “{member}”: not found.",
    },
    "RECORD_WRITTEN": {
        "zh": "已写入 {out}：{count} 名成员的 {year} 年度学习档案",
        "en": "Wrote {out}: the {year} study records of {count} members",
    },
    "SHIFTS_HEAD": {"zh": "指标", "en": "Measure"},
    "SHIFTS_CHANGE": {"zh": "变化", "en": "Change"},
    # publish, download
    "NO_SUCH_VERSION": {"zh": "没有这个版本。", "en": "No such version."},
    "NOTHING_PUBLISHED": {"zh": "还没有发布任何版本。", "en": "Nothing has been published yet."},
    "ROWS_WRITTEN": {
        "zh": "已写入 {out}：v{version} 中 {scope} 的数据",
        "en": "Wrote {out}: the rows of {scope} in v{version}",
    },
    "NOT_PUBLISHED": {"zh": "未发布", "en": "Not published"},
    "NOT_PUBLISHED_ERRORS": {
        "zh": "{text}：发现 {count} 处错误",
        "en": "{text}: {count} errors found",
    },
    "GROUPS_UNCHANGED": {
        "zh": "未发布：{groups} 的数据没有变化",
        "en": "Not published: nothing changed for {groups}",
    },
    "GROUPS_STALE": {
        "zh": "未发布：下载（v{base}）之后本组数据已有新版本 v{current}，请重新下载",
        "en": "Not published: the group has a newer version v{current} than the one downloaded "
        "(v{base}); download again",
    },
    "GROUPS_PUBLISHED": {
        "zh": "已发布 v{version}（{groups}），上一版本 v{parent}",
        "en": "Published v{version} ({groups}); previous version v{parent}",
    },
    "OTHER_GROUPS_IGNORED": {
        "zh": "已忽略其他中心组的数据：{ignored}",
        "en": "Ignored the rows of other groups: {ignored}",
    },
    "IDENTICAL": {
        "zh": "未发布：与当前版本 v{version} 完全相同",
        "en": "Not published: identical to the current version v{version}",
    },
    "PUBLISHED": {
        "zh": "已发布 v{version}（{sha}），上一版本 v{parent}",
        "en": "Published v{version} ({sha}); previous version v{parent}",
    },
    # versions, restore, users
    "QUARANTINED": {
        "zh": "已把 {count} 个中断发布留下的残留文件移到 {folder}（未删除）",
        "en": "Moved {count} files left by interrupted publishes to {folder} (not deleted)",
    },
    "VERSION_ROW": {
        "zh": "v{version}\t{at}\t{user}\t{scope}\t{name}\t{rows} 行\t{comment}",
        "en": "v{version}\t{at}\t{user}\t{scope}\t{name}\t{rows} rows\t{comment}",
    },
    "NO_VERSION": {"zh": "没有版本 v{version}", "en": "No version v{version}"},
    "RESTORE_SAME": {
        "zh": "v{version} 与当前版本 v{current} 相同，无需恢复",
        "en": "v{version} is the same as the current version v{current}: nothing to restore",
    },
    "RESTORED": {
        "zh": "已把 v{version} 恢复为新版本 v{new}",
        "en": "Restored v{version} as the new version v{new}",
    },
    "PASSWORD": {"zh": "密码：", "en": "Password: "},
    "PASSWORD_AGAIN": {"zh": "再输一次：", "en": "Again: "},
    "PASSWORDS_DIFFER": {"zh": "两次输入的密码不一致", "en": "The two passwords differ"},
    "NOT_ADDED": {"zh": "未添加：{reason}", "en": "Not added: {reason}"},
    "USER_ADDED": {"zh": "已添加用户 {name}（{role}）", "en": "Added user {name} ({role})"},
    "UNKNOWN_GROUP": {
        "zh": "注意：中心组“{group}”不在{where}中，该用户目前看不到任何数据（现有：{known}）。",
        "en": "Note: group “{group}” is not in {where}; this user sees no data for now "
        "(there are: {known}).",
    },
    "NO_USER": {"zh": "没有用户 {name}", "en": "No user {name}"},
    "USER_REMOVED": {"zh": "已删除用户 {name}", "en": "Removed user {name}"},
    "NOT_CHANGED": {"zh": "未修改：{reason}", "en": "Not changed: {reason}"},
    "PASSWORD_RESET": {"zh": "已重设 {name} 的密码", "en": "Reset the password of {name}"},
    # bench, sample
    "UNKNOWN_SIZES": {
        "zh": "未知规模：{unknown}；可选：{choices}",
        "en": "Unknown sizes: {unknown}; choose from: {choices}",
    },
    "SAMPLE_WRITTEN": {
        "zh": "已写入示例台账 {out}：成员 {members}，参学记录 {rows}",
        "en": "Wrote the sample workbook {out}: {members} members, {rows} participation rows",
    },
    # plan, todo, calendar
    "BAD_WEEKDAY": {
        "zh": "星期应为 1–5（周一至周五）：{text}",
        "en": "The weekday is 1–5 (Monday to Friday): {text}",
    },
    "WHAT_PLAN": {"zh": "无法生成计划", "en": "no plan made"},
    "WHAT_TODO": {"zh": "无法列出待办", "en": "no to-do listed"},
    "WHAT_CALENDAR": {"zh": "无法导出日历", "en": "no calendar exported"},
    "PLAN_ROW": {
        "zh": "{session}\t{date}\t主讲 {speaker}\t主持 {host}\t{topic}",
        "en": "{session}\t{date}\tspeaker {speaker}\thost {host}\t{topic}",
    },
    "PLAN_WRITTEN": {
        "zh": "已写入 {out}：{count} 场学习计划（状态=计划）",
        "en": "Wrote {out}: {count} planned sessions (状态=计划)",
    },
    "TODO_HEAD": {
        "zh": "截至 {as_of}，{days} 天内到期或已逾期：{count} 项",
        "en": "As of {as_of}, due within {days} days or overdue: {count}",
    },
    "OVERDUE_MARK": {"zh": "【逾期】", "en": "[overdue] "},
    "MEMBER_CHOICE": {"zh": "{group} {name}（{member_id}）", "en": "{group} {name} ({member_id})"},
    "NO_MEMBER_ID": {"zh": "无编号", "en": "no 编号"},
    "NO_SUCH_MEMBER": {"zh": "没有这位成员", "en": "no such member"},
    "PERSON_UNCLEAR": {
        "zh": "无法确定成员“{person}”：{which}",
        "en": "Cannot tell which member “{person}” is: {which}",
    },
    "CALENDAR_WRITTEN": {
        "zh": "已写入日历 {out}：{count} 个事件",
        "en": "Wrote the calendar {out}: {count} events",
    },
    # bulletin, record-pdf, risk-pdf
    "WHAT_DOCUMENT": {"zh": "无法生成文件", "en": "no file made"},
    "NO_GROUP_IN_YEAR": {
        "zh": "{year} 年度没有中心组“{group}”。",
        "en": "There is no group “{group}” in {year}.",
    },
    "BULLETIN_WRITTEN": {
        "zh": "已写入 {out}：{year} 年度学习情况通报",
        "en": "Wrote {out}: the {year} study bulletin",
    },
    "RISK_PDF_WRITTEN": {
        "zh": "已写入 {out}：{year} 年度风险预警名单",
        "en": "Wrote {out}: the {year} risk list",
    },
    # diff
    "OLD_FILE": {"zh": "原台账 {source}", "en": "old workbook {source}"},
    "NEW_FILE": {"zh": "新台账 {source}", "en": "new workbook {source}"},
    "LOAD_FAILED": {"zh": "{name}：{reason}", "en": "{name}: {reason}"},
    "WHAT_UNREADABLE": {"zh": "无法读取", "en": "cannot be read"},
    "WHAT_NO_STATUSES": {
        "zh": "有错误，未计算考核状态变化",
        "en": "has errors; status changes not computed",
    },
    "FILE_ERRORS": {"zh": "{name} {what}：{count} 处错误", "en": "{name} {what}: {count} errors"},
    "NO_VERSION_IN": {
        "zh": "数据目录 {folder} 中没有版本 {source}",
        "en": "The data folder {folder} has no version {source}",
    },
    "DIFF_HEAD": {
        "zh": "对比 {old} → {new}（{year} 年度，统计截止 {as_of}）",
        "en": "Comparing {old} → {new} ({year}, as of {as_of})",
    },
    "DIFF_EMPTY": {
        "zh": "内容相同：没有任何行、参数或考核状态的变化（格式、列宽和行序不计）。",
        "en": "The same content: no row, setting or status changed (formatting, column widths "
        "and row order do not count).",
    },
    "DIFF_SHEETS": {"zh": "各表变化：", "en": "Changes per sheet:"},
    "DIFF_SHEET": {
        "zh": "  {sheet}：新增 {added}，删除 {removed}，修改 {changed}",
        "en": "  {sheet}: {added} added, {removed} removed, {changed} changed",
    },
    "DIFF_PARAMS": {
        "zh": "参数变化 {count} 项（影响所有人的考核）：",
        "en": "{count} settings changed (they move everyone's assessment):",
    },
    "DIFF_NO_PARAMS": {"zh": "参数：无变化", "en": "Settings: unchanged"},
    "DIFF_NO_STATUSES": {
        "zh": "考核状态变化：未计算（台账有错误）",
        "en": "Status changes: not computed (the workbook has errors)",
    },
    "DIFF_STATUSES": {
        "zh": "考核状态变化（{year} 年度）：{count}",
        "en": "Status changes ({year}): {count}",
    },
    "PEOPLE": {"zh": "{count} 人", "en": "{count} people"},
    "NOT_ASSESSED": {"zh": "（未考核）", "en": "(not assessed)"},
    "DIFF_ROWS": {"zh": "逐行变化 {count} 行：", "en": "{count} rows changed:"},
    "CELL_SEP": {"zh": "；", "en": "; "},
    "ADDED": {"zh": "新增", "en": "added"},
    "REMOVED": {"zh": "删除", "en": "removed"},
    "CHANGED": {"zh": "修改", "en": "changed"},
    "EMPTY": {"zh": "（空）", "en": "(empty)"},
    "YES": {"zh": "是", "en": "yes"},
    "NO": {"zh": "否", "en": "no"},
    "SHOWN_SAMPLE": {"zh": "示例数据", "en": "the sample data"},
    "SHOWN_VERSION": {"zh": "当前版本（v{version}）", "en": "the current version (v{version})"},
    # The report as a table for the terminal (model/outputs/terminal.py).
    "TERM_HEAD": {
        "zh": "{year} 年度学习情况（统计截止 {as_of}）",
        "en": "Study in {year} (as of {as_of})",
    },
    "TERM_SESSIONS": {
        "zh": "场次：计划 {planned}，已举行 {held}，逾期 {overdue}；到课率 {attendance}，点评覆盖 {comments}",
        "en": "Sessions: planned {planned}, held {held}, overdue {overdue}; attendance {attendance}, comments {comments}",
    },
    "TERM_MEMBERS": {"zh": "成员：{counts}", "en": "Members: {counts}"},
    "TERM_COUNT_SEPARATOR": {"zh": "，", "en": ", "},
    "TERM_TABLE_HEAD": {
        "zh": "中心组                 计划 举行 逾期 到课率 达标 风险 不达标",
        "en": "Group                  plan held late attend pass risk  fail",
    },
    "TERM_FLAGGED": {"zh": "需要关注的成员：", "en": "Members to watch:"},
    "TERM_MEMBER_LINE": {
        "zh": "  [{status}] {group} {name}：{reasons}",
        "en": "  [{status}] {group} {name}: {reasons}",
    },
    "TERM_FINDINGS": {"zh": "发现的问题：", "en": "Findings:"},
    "TERM_FINDING_LINE": {"zh": "  {title}：{count} 处", "en": "  {title}: {count}"},
}
