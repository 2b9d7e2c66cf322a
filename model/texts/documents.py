"""The words of the documents that go upward (issue #27): the 学习情况通报 (.docx) and the PDFs of
the 学习档案 and the 风险预警 list. One shape, code → {zh, en}; every number is the engine's."""

from __future__ import annotations

import datetime as dt

from model.texts.domain import Lang
from model.texts.plural import fill

DOCUMENT_TEXTS: dict[str, dict[Lang, str]] = {
    # 通报
    "bulletin_title": {
        "zh": "关于{year}年{months}中心组“1+X”学习情况的通报",
        "en": "Bulletin on the central groups’ “1+X” study, {year} {months}",
    },
    "bulletin_months": {"zh": "1—{month}月", "en": "January–{month_name}"},
    "bulletin_whole_year": {"zh": "度", "en": "(whole year)"},
    "bulletin_unit": {"zh": "{unit}", "en": "{unit}"},
    "bulletin_group": {"zh": "（{group}）", "en": " ({group})"},
    "bulletin_period": {
        "zh": "统计期间：{first}至{last}",
        "en": "Period: {first} to {last}",
    },
    "bulletin_opening": {
        "zh": "现将{year}年{months}中心组“1+X”学习开展情况通报如下。",
        "en": "This bulletin reports the central groups’ “1+X” study, {year} {months}.",
    },
    "bulletin_h_overall": {"zh": "一、总体情况", "en": "1. Overall"},
    "bulletin_overall": {
        "zh": "{groups}个中心组共计划集中学习{planned}场，已举行{held}场，逾期未举行{overdue}场；到课率{attendance}，点评覆盖{comments}。参加考核成员{members}人，其中达标{passed}人、风险{at_risk}人、不达标{failed}人。",
        "en": "{groups} groups planned {planned} sessions and held {held}; {overdue} are overdue. Attendance {attendance}, comment coverage {comments}. Of {members} members assessed, {passed} passed, {at_risk} are at risk and {failed} failed.",
    },
    "bulletin_four": {
        "zh": "“四到位”情况：人员到位{people}，时间到位{time}，内容到位{content}，效果到位{effect}。",
        "en": "The four in place: people {people}, time {time}, content {content}, effect {effect}.",
    },
    "bulletin_table_sessions": {
        "zh": "表1　各中心组学习开展情况",
        "en": "Table 1. Sessions and rates per group",
    },
    "bulletin_total": {"zh": "合计", "en": "Total"},
    "bulletin_h_lagging": {"zh": "二、进度滞后的中心组", "en": "2. Groups lagging"},
    "bulletin_lagging": {
        "zh": "{group}：完成率{completion}，逾期{overdue}场，风险{at_risk}人、不达标{failed}人{flags}。",
        "en": "{group}: {completion} done, {overdue} overdue, {at_risk} at risk and {failed} failed{flags}.",
    },
    "bulletin_lagging_flags": {"zh": "；主要问题：{flags}", "en": "; main issues: {flags}"},
    "bulletin_no_lagging": {
        "zh": "各中心组均按计划推进，无进度滞后的中心组。",
        "en": "Every group is on plan; none is lagging.",
    },
    "bulletin_h_members": {
        "zh": "三、考核风险与不达标成员",
        "en": "3. Members at risk and failed",
    },
    "bulletin_table_members": {
        "zh": "表2　风险及不达标成员（按中心组）",
        "en": "Table 2. Members at risk and failed, by group",
    },
    "bulletin_group_short": {
        "zh": "{group}的问题在中心组：{text}",
        "en": "{group}: the shortfall is the group’s: {text}",
    },
    "bulletin_no_members": {
        "zh": "目前没有风险或不达标的成员。",
        "en": "No member is at risk or has failed.",
    },
    "bulletin_by_group": {"zh": "（中心组原因）", "en": "(the group’s shortfall)"},
    "bulletin_member_pseudonym": {"zh": "成员{number}", "en": "Member {number}"},
    "bulletin_h_shifts": {"zh": "四、“四个转变”成效", "en": "4. The four shifts"},
    "bulletin_table_shifts": {
        "zh": "表3　“四个转变”主要指标同比",
        "en": "Table 3. The four shifts, year over year",
    },
    "bulletin_shift": {"zh": "转变", "en": "Shift"},
    "bulletin_metric": {"zh": "指标", "en": "Metric"},
    "bulletin_this_year": {"zh": "{year}年", "en": "{year}"},
    "bulletin_change": {"zh": "同比", "en": "Change"},
    "bulletin_h_next": {"zh": "五、下一步工作", "en": "5. Next steps"},
    "bulletin_next_none": {
        "zh": "按学习计划继续推进，确保全年各项任务按期完成。",
        "en": "Carry on with the plan so every task of the year is done on time.",
    },
    "next_draft_due": {
        "zh": "督促主讲人按时发出讲稿初稿：{count}项，其中已逾期{overdue}项。",
        "en": "First drafts to send: {count}, {overdue} overdue.",
    },
    "next_topic_tbd": {
        "zh": "尽快确定待定专题：{count}场。",
        "en": "Topics still to choose: {count} sessions.",
    },
    "next_revision_due": {
        "zh": "督促主讲人根据点评修改定稿：{count}项，其中已逾期{overdue}项。",
        "en": "Talks to revise: {count}, {overdue} overdue.",
    },
    "next_outreach_due": {
        "zh": "组织到联系点宣讲：{count}项，其中已逾期{overdue}项。",
        "en": "Outreach talks to give: {count}, {overdue} overdue.",
    },
    "next_article_due": {
        "zh": "推动讲稿形成理论文章：{count}篇，其中已逾期{overdue}篇。",
        "en": "Articles to write: {count}, {overdue} overdue.",
    },
    "next_records_missing": {
        "zh": "补录参学记录：{count}场。",
        "en": "Participation records to complete: {count} sessions.",
    },
    "next_exam_due": {
        "zh": "组织年度理论考试：{count}人尚无成绩。",
        "en": "Theory exam: {count} members have no score yet.",
    },
    "next_makeup_due": {
        "zh": "组织补考：{count}人。",
        "en": "Make-up exams: {count} members.",
    },
    "next_session_upcoming": {
        "zh": "按计划组织近期集中学习：{count}场。",
        "en": "Sessions coming up: {count}.",
    },
    # PDF
    "pdf_page": {"zh": "第 {page} 页，共 {pages} 页", "en": "Page {page} of {pages}"},
    "risk_title": {
        "zh": "风险预警名单（{year}年度，统计截止 {as_of:%Y-%m-%d}）",
        "en": "At-risk list ({year}, as of {as_of:%Y-%m-%d})",
    },
    "risk_none": {"zh": "没有风险或不达标的成员。", "en": "No member is at risk or has failed."},
    "risk_signatures": {
        "zh": "制表：＿＿＿＿＿＿　　审核：＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日",
        "en": "Prepared by: ____________    Checked by: ____________    Date: ____________",
    },
}

# The 通报's fonts, as an official document sets them (GB/T 9704): family names Word resolves.
HEADING_FONT = "黑体"
BODY_FONT = "仿宋"
TITLE_FONT = "黑体"

MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def document_text(key: str, lang: Lang = "zh", **values: object) -> str:
    """The document text ``key`` in ``lang``, with its named fields filled in."""
    template = DOCUMENT_TEXTS[key][lang]
    return fill(template, **values) if values else template


def months_text(month: int, whole_year: bool, lang: Lang = "zh") -> str:
    """ "1—11月" for a part year, "度" (2026年度) for a whole one."""
    if whole_year:
        return document_text("bulletin_whole_year", lang)
    return document_text("bulletin_months", lang, month=month, month_name=MONTH_NAMES[month - 1])


def day_text(day: dt.date, lang: Lang = "zh") -> str:
    """ "2026年11月15日" as official documents write a date; ISO in English."""
    return f"{day.year}年{day.month}月{day.day}日" if lang == "zh" else day.isoformat()
