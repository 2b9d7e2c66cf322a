"""Screen labels of group clerks (issue #13): scoped download and publish, and who published
which groups; merged into ``labels.UI``, the same shape, code → {zh, en}."""

from __future__ import annotations

from model.texts.domain import Lang

GROUP_CLERK_UI: dict[str, dict[Lang, str]] = {
    "change_sessions_removed": {"zh": "移除场次", "en": "Sessions removed"},
    "scoped_intro": {
        "zh": "你负责：{groups}。先下载本组当前数据，在 Excel/WPS 中修改后上传；发布只替换这些中心组的数据，其他中心组的数据保持不变。",
        "en": "You keep: {groups}. Download your rows, edit them in Excel/WPS and upload; publishing replaces only these groups' rows.",
    },
    "download_my_rows": {
        "zh": "下载本组当前数据（v{version}）",
        "en": "Download my rows (v{version})",
    },
    "scoped_stale": {
        "zh": "你下载（v{expected}）之后，本组数据已被更新为 v{current}。请重新下载本组数据再修改；确认覆盖请再点一次发布。",
        "en": "Your groups' rows changed since you downloaded v{expected} (now v{current}). Download again, or publish anyway to overwrite.",
    },
    "scoped_unchanged": {
        "zh": "本组数据与当前版本 v{version} 相同，无需发布。",
        "en": "Your groups' rows are the same as in v{version}.",
    },
    "scoped_published": {
        "zh": "已发布为 v{version}：只更新了 {groups} 的数据。",
        "en": "Published as v{version}: only {groups} were updated.",
    },
    "scope_col": {"zh": "发布范围", "en": "Groups"},
    "sheet_name": {"zh": "工作表", "en": "Sheet"},
    "last_update": {"zh": "最近更新", "en": "Last update"},
    "last_update_at": {"zh": "{date}（v{version}）", "en": "{date} (v{version})"},
    "last_update_stale": {
        "zh": "⚠ {date}（v{version}），已 {days} 天未更新",
        "en": "⚠ {date} (v{version}), not updated for {days} days",
    },
    "never_updated": {"zh": "从未发布", "en": "Never published"},
    "scope_all": {"zh": "全部中心组", "en": "All groups"},
    # The preview of every change (pages/common/diff_view.py, issue #24).
    "diff_params": {
        "zh": "参数有 {count} 处变化：这会改变所有人的考核结果，请先核对。",
        "en": "{count:~setting changes|settings change}: this alters everyone's assessment; check first.",
    },
    "diff_statuses": {
        "zh": "{count} 人考核状态变化（{year} 年度，截至 {as_of}）：",
        "en": "{count:~person's|people's} assessment changes ({year}, as of {as_of}):",
    },
    "diff_no_statuses": {
        "zh": "没有人的考核状态变化（{year} 年度，截至 {as_of}）。",
        "en": "No one's assessment changes ({year}, as of {as_of}).",
    },
    "diff_old_status": {"zh": "原状态", "en": "Was"},
    "diff_new_status": {"zh": "新状态", "en": "Becomes"},
    "diff_not_assessed": {"zh": "（不在考核中）", "en": "(not assessed)"},
    "diff_rows": {"zh": "逐行变化（{count} 行）", "en": "Row by row ({count:~row|rows})"},
    "diff_all_sheets": {"zh": "全部工作表", "en": "Every sheet"},
    "diff_page": {"zh": "页码（共 {pages} 页）", "en": "Page (of {pages})"},
    "diff_cells": {"zh": "内容（原值 → 新值）", "en": "Cells (before → after)"},
    "diff_cell_change": {"zh": "{column}：{old} → {new}", "en": "{column}: {old} → {new}"},
    "diff_cell_value": {"zh": "{column}：{value}", "en": "{column}: {value}"},
    "cells_separator": {"zh": "；", "en": "; "},
    "yes_word": {"zh": "是", "en": "yes"},
    "no_word": {"zh": "否", "en": "no"},
    "not_in_meeting": {
        "zh": "会议模式下不能上传、发布、记录或恢复，也不显示变化预览；请先退出会议模式。",
        "en": "No upload, publish, record or restore in meeting mode, and no preview of changes: leave meeting mode first.",
    },
    "compare_title": {"zh": "比较两个版本", "en": "Compare two versions"},
    "compare_new": {"zh": "较新的版本", "en": "Newer version"},
    "compare_old": {"zh": "与这个版本比较", "en": "Against"},
    "compare_caption": {
        "zh": "v{new} 相对 v{old} 的全部变化：",
        "en": "Everything v{new} changes against v{old}:",
    },
    "compare_unreadable": {
        "zh": "有一个版本的文件无法读取，不能比较。",
        "en": "One of the versions no longer reads: nothing to compare.",
    },
    "compare_download": {"zh": "下载变化清单（.xlsx）", "en": "Download the changes (.xlsx)"},
    "compare_file": {"zh": "版本变化-v{old}-v{new}.xlsx", "en": "changes-v{old}-v{new}.xlsx"},
    "no_changes": {
        "zh": "与当前版本内容相同，只有格式不同。",
        "en": "Same content as the current version.",
    },
    "no_changes_between": {
        "zh": "两个版本内容相同，只有格式可能不同。",
        "en": "The two versions have the same content; only formatting may differ.",
    },
    "publish_comment": {"zh": "发布说明（可选）", "en": "Comment (optional)"},
    "publish": {"zh": "发布", "en": "Publish"},
    "published": {
        "zh": "已发布为 v{version}。各页面已显示新数据。",
        "en": "Published as v{version}. Every page now shows it.",
    },
    "stale": {
        "zh": "你检查这个文件后，别人已发布了 v{current}。你的文件是基于 v{expected} 准备的，发布将覆盖对方的改动。",
        "en": "Someone published v{current} after you checked this file (prepared against v{expected}); publishing replaces their changes.",
    },
    "confirm_publish": {"zh": "确认仍然发布", "en": "Publish anyway"},
    "identical": {
        "zh": "这个文件与当前版本 v{version} 完全相同，无需发布。",
        "en": "Identical to the current version v{version}.",
    },
}
