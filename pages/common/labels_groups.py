"""Screen labels of group clerks (issue #13): scoped download and publish, and who published
which groups; merged into ``labels.UI``, the same shape, code → {zh, en}."""

from __future__ import annotations

from model.texts import Lang

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
    "no_changes": {
        "zh": "与当前版本内容相同，只有格式不同。",
        "en": "Same content as the current version.",
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
