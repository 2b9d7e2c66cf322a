"""Notices about an upload that are not errors: the file is read, and the clerk should know this."""

from __future__ import annotations

from model.texts.domain import Lang

NOTICES: dict[str, dict[str, str]] = {
    "FORMULA_AS_TEXT": {
        "zh": "工作表“{sheet}”的单元格 {cell} 含引用外部程序、文件或网址的公式，标注副本中已改为文本，不会运行。",
        "en": "Sheet “{sheet}” cell {cell} held a formula reaching outside the workbook (a program, file or web address): the annotated copy keeps it as text, never run.",
    },
    "MACROS_IGNORED": {
        "zh": "文件含有宏（VBA）：只读取了表格数据，宏未运行，也不会保存到标注副本中。",
        "en": "The file contains macros (VBA): only the cell data was read; no macro was run, and "
        "the annotated copy does not keep them.",
    },
    "SETTINGS_IGNORED": {
        "zh": "参数为全县统一设置：本次按中心组发布，文件中的“参数”工作表已忽略。",
        "en": "Settings are county-wide: this publish is for your groups, so the file's 参数 "
        "sheet was ignored.",
    },
    "OTHER_GROUPS_IGNORED": {
        "zh": "已忽略：其他中心组的 {count} 行（{detail}）。",
        "en": "Ignored: {count} rows of other groups ({detail}).",
    },
    "CONVERTED_TO_XLSX": {
        "zh": "原文件为 {suffix}，标注副本已另存为 .xlsx。",
        "en": "The original file is {suffix}; the annotated copy is saved as .xlsx.",
    },
}


def notice_text(code: str, lang: Lang = "zh", **details: object) -> str:
    return NOTICES[code][lang].format(**details)


# Why an account change was refused (model.store.auth.AccountError), code → {zh, en}.
ACCOUNT_ERRORS: dict[str, dict[Lang, str]] = {
    "NAME_EMPTY": {"zh": "用户名不能为空", "en": "The user name must not be empty"},
    "PASSWORD_SHORT": {
        "zh": "密码至少 8 位（现在只有 {length} 位）",
        "en": "The password needs at least 8 characters (it has {length})",
    },
    "USER_EXISTS": {"zh": "用户 {name} 已存在", "en": "User {name} already exists"},
    "ROLE_UNKNOWN": {"zh": "没有这个角色：{role}", "en": "No such role: {role}"},
}


def account_error_text(code: str, lang: Lang = "zh", **fields: object) -> str:
    return ACCOUNT_ERRORS[code][lang].format(**fields)
