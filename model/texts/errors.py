"""Error messages with hints (DOMAIN.md §4), code → {zh, en}: (message, hint) templates.

Finding, reason and UI texts live in ``model.texts.domain``; this module holds what the reader says.
Placeholders: {sheet} {row} {column} {value} and the details each error passes.
"""

from __future__ import annotations

from model.texts.lists import join_list

ERRORS: dict[str, dict[str, tuple[str, str]]] = {
    # The file as a whole cannot be read (exit code 2).
    "FILE_EMPTY": {
        "zh": ("文件是空的（0 字节）。", "请在 Excel/WPS 中重新保存台账后再上传。"),
        "en": (
            "The file is empty (0 bytes).",
            "Save the workbook again in Excel/WPS and upload it.",
        ),
    },
    "FILE_TOO_LARGE": {
        "zh": (
            "文件太大：{size_mb:.1f} MB，超过上限 {limit_mb} MB。",
            "请删除无关工作表或图片，保存后再上传。",
        ),
        "en": (
            "The file is {size_mb:.1f} MB, over the {limit_mb} MB limit.",
            "Remove unrelated sheets or pictures, save and upload again.",
        ),
    },
    "FILE_ENCRYPTED": {
        "zh": (
            "文件设置了打开密码（已加密），无法读取。",
            "请在 Excel/WPS 中取消“用密码进行加密”，保存后再上传。",
        ),
        "en": (
            "The file is protected by a password.",
            "Remove the password in Excel/WPS, save and upload again.",
        ),
    },
    "FILE_NOT_XLSX": {
        "zh": (
            "这不是表格文件（可读取 .xlsx、.xlsm、.xls、.xlsb、.ods）。",
            "请上传用 Excel、WPS 或 LibreOffice 保存的台账；可先下载模板填写。",
        ),
        "en": (
            "This is not a spreadsheet (.xlsx, .xlsm, .xls, .xlsb and .ods can be read).",
            "Upload the ledger as saved by Excel, WPS or LibreOffice.",
        ),
    },
    "FILE_ZIP_BOMB": {
        "zh": (
            "文件解压后异常巨大（{detail}），已拒绝读取。",
            "请上传在 Excel/WPS 中正常保存的台账。",
        ),
        "en": (
            "The file unpacks to an abnormal size ({detail}).",
            "Upload a ledger normally saved by Excel/WPS.",
        ),
    },
    "FILE_CORRUPT": {
        "zh": (
            "文件已损坏，无法读取：{detail}",
            "请在 Excel/WPS 中打开，确认无误后重新保存再上传。",
        ),
        "en": (
            "The file is damaged: {detail}",
            "Open it in Excel/WPS, check it and save it again.",
        ),
    },
    "FILE_FAR_CELL": {
        "zh": (
            "工作表“{sheet}”的单元格 {cell} 有内容，远在数据区域之外（读取需铺开 {rows} 行 × {columns} 列）。",
            "请在 Excel/WPS 中选中 {cell}（可按 Ctrl+End 定位）并删除其内容，保存后再上传。",
        ),
        "en": (
            "Cell {cell} of sheet {sheet} holds a value far outside the data (reading it means a grid of {rows} rows × {columns} columns).",
            "Select {cell} in Excel/WPS (Ctrl+End finds it), delete its content, save and upload again.",
        ),
    },
    "FILE_TOO_COMPLEX": {
        "zh": (
            "文件结构异常或过于复杂，无法在限定资源内读取（{detail}）。",
            "请在 Excel/WPS 中打开，删除无关的工作表和远离表格的单元格，另存为 .xlsx 后再上传；如仍不行，请把文件交给管理员。",
        ),
        "en": (
            "The file is malformed or too complex to read within the allowed resources ({detail}).",
            "Open it in Excel/WPS, delete unrelated sheets and cells far from the table, save as .xlsx and upload again; if that fails, give the file to an administrator.",
        ),
    },
    # The reader itself failed (a bug, not the file): the traceback is in the server log.
    "READER_FAILED": {
        "zh": (
            "读取时程序出错（编号 {incident}）：请把文件和这个编号发给管理员。",
            "这是本系统的问题，不是台账填写的错误，文件本身无需修改。",
        ),
        "en": (
            "The reader failed (incident {incident}): please send the file and this number to an administrator.",
            "This is a fault of the system, not of the workbook; the file needs no change.",
        ),
    },
    "SHEET_DUPLICATE": {
        "zh": (
            "工作表“{sheet}”和“{other}”都是“{logical}”表，无法判断以哪一个为准。",
            "请删除或重命名其中一个，只保留一个“{logical}”工作表。",
        ),
        "en": (
            "Sheets {sheet} and {other} are both the {logical} sheet; it is unclear which one counts.",
            "Delete or rename one of them so that only one {logical} sheet remains.",
        ),
    },
    "FORMULA_ERROR": {
        "zh": (
            "公式出错（{value}），请改为数值或文字。",
            "请把“{column}”改为直接填写的值（如 60），不要留公式错误值。",
        ),
        "en": (
            "Formula error ({value}): type a value instead.",
            "Replace the formula in {column} by a typed value (e.g. 60); leave no error values.",
        ),
    },
    "NUMBER_OUT_OF_RANGE": {
        "zh": ("{column} {value} 不在 {low}–{high} 之间。", "请填写 {low}–{high} 之间的数字。"),
        "en": (
            "{column} {value} is not between {low} and {high}.",
            "Type a number from {low} to {high}.",
        ),
    },
    "NOT_A_LEDGER": {
        "zh": (
            "这不是中心组学习台账：找不到“成员”和“学习计划”工作表（现有工作表：{found}）。",
            "请使用台账模板，工作表名为 成员、学习计划、讲课记录、参学记录、宣讲记录、考试成绩、参数。",
        ),
        "en": (
            "This is not a study ledger: no 成员 or 学习计划 sheet (sheets: {found}).",
            "Use the template: sheets 成员, 学习计划, 讲课记录, 参学记录, 宣讲记录, 考试成绩, 参数.",
        ),
    },
    # Structure.
    "SHEET_MISSING": {
        "zh": ("缺少必需的工作表“{sheet}”。", "请添加名为“{sheet}”的工作表（可从模板复制）。"),
        "en": (
            "The required sheet {sheet} is missing.",
            "Add a sheet named {sheet} (copy it from the template).",
        ),
    },
    "COLUMN_MISSING": {
        "zh": (
            "工作表“{sheet}”缺少必需的列“{column}”（在前 10 行中找不到含全部必需列的表头行）。",
            "请在表头行加上“{column}”列；表头行须包含：{required}。",
        ),
        "en": (
            "Sheet {sheet} lacks the required column {column} (no header row with all of them in rows 1-10).",
            "Add {column} to the header row; it must hold: {required}.",
        ),
    },
    # Cells.
    "REQUIRED_EMPTY": {
        "zh": ("“{column}”不能为空。", "请填写{column}。"),
        "en": ("{column} must not be empty.", "Fill in {column}."),
    },
    "BAD_DATE": {
        "zh": (
            "“{value}”不是有效日期。",
            "请填写日期，如 2026-03-15、2026/3/15 或 2026年3月15日。",
        ),
        "en": (
            "“{value}” is not a date.",
            "Type a date such as 2026-03-15, 2026/3/15 or 2026年3月15日.",
        ),
    },
    "DATE_OUT_OF_RANGE": {
        "zh": ("日期 {value} 不在 2000 年至 2100 年之间。", "请检查年份是否输错，如 2026-03-15。"),
        "en": (
            "The date {value} is not between 2000 and 2100.",
            "Check the year, e.g. 2026-03-15.",
        ),
    },
    "BAD_NUMBER": {
        "zh": ("“{value}”不是数字。", "请填写数字，如 60。"),
        "en": ("“{value}” is not a number.", "Type a number such as 60."),
    },
    "BAD_INTEGER": {
        "zh": ("“{value}”不是整数。", "请填写整数，如 2026。"),
        "en": ("“{value}” is not a whole number.", "Type a whole number such as 2026."),
    },
    "BAD_YESNO": {
        "zh": ("“{value}”不是“是/否”。", "请填写 是 或 否（也可用 Y/N、√/×、1/0），空白表示否。"),
        "en": ("“{value}” is not yes/no.", "Type 是 or 否 (or Y/N, √/×, 1/0); blank means no."),
    },
    "BAD_CHOICE": {
        "zh": ("“{value}”不是{column}的可选值。", "请填写以下之一：{allowed}。"),
        "en": ("“{value}” is not a choice of {column}.", "Type one of: {allowed}."),
    },
    "SCORE_OUT_OF_RANGE": {
        "zh": ("分数 {value} 不在 0–100 之间。", "请填写 0 到 100 之间的分数。"),
        "en": ("The score {value} is not between 0 and 100.", "Type a score from 0 to 100."),
    },
    "DUPLICATE_KEY": {
        "zh": (
            "与第 {first_row} 行重复（{key_text}）。",
            "同一{key_text}只能登记一行，请合并或删除重复行。",
        ),
        "en": (
            "Repeats row {first_row} ({key_text}).",
            "Keep one row per {key_text}: merge or delete the repeat.",
        ),
    },
    "UNKNOWN_PERSON": {
        "zh": (
            "“{value}”不是“{group}”中心组的成员。",
            "{close_part}请填写“成员”表中该中心组成员的姓名或编号，或先在“成员”表中添加此人。",
        ),
        "en": (
            "“{value}” is not a member of the {group} central group.",
            "{close_part}Type the name or 编号 of a member of that group on sheet 成员, or add the person there first.",
        ),
    },
    "AMBIGUOUS_PERSON": {
        "zh": ("“{group}”中心组有 {count} 位成员同名“{value}”。", "同名成员请填写编号：{ids}。"),
        "en": (
            "{count} members of {group} are called “{value}”.",
            "Use the 编号 of the member meant: {ids}.",
        ),
    },
    "UNKNOWN_SESSION": {
        "zh": (
            "场次“{value}”不在“学习计划”中。",
            "请先在“学习计划”中登记该场次，或改为已有的场次编号。",
        ),
        "en": (
            "Session “{value}” is not in 学习计划.",
            "Add the session to 学习计划 first, or use an existing one.",
        ),
    },
    # A group clerk's upload may not take another group's keys (scoped publish).
    "SESSION_OF_OTHER_GROUP": {
        "zh": (
            "场次“{value}”已被“{other}”使用。",
            "各中心组的场次编号不能重复，请改用本组的场次编号（如在前面加上本组简称）。",
        ),
        "en": (
            "Session “{value}” is already used by “{other}”.",
            "Session ids are unique across groups; use one of your group's own.",
        ),
    },
    "MEMBER_ID_OF_OTHER_GROUP": {
        "zh": (
            "编号“{value}”已是“{other}”的成员编号。",
            "成员编号在全县唯一，请改用其他编号。",
        ),
        "en": (
            "Member id “{value}” already belongs to a member of “{other}”.",
            "Member ids are unique across the county; use another one.",
        ),
    },
    "NO_TALK_RECORD": {
        "zh": (
            "场次“{value}”没有讲课记录，不能登记参学情况。",
            "请先在“讲课记录”中登记该场次的举行日期。",
        ),
        "en": (
            "Session “{value}” has no talk record, so it cannot have participation rows.",
            "Add the session's held date to 讲课记录 first.",
        ),
    },
    "TALK_FOR_CANCELLED": {
        "zh": (
            "场次“{value}”在“学习计划”中状态为“取消”，却有讲课记录。",
            "如已举行，请把学习计划中的状态改为“已举行”；否则删除本行讲课记录。",
        ),
        "en": (
            "Session “{value}” is cancelled in 学习计划 but has a talk record.",
            "If it was held, set its status to 已举行; otherwise delete this talk row.",
        ),
    },
    "LEFT_BEFORE_JOINED": {
        "zh": ("离组日期 {value} 早于入组日期 {joined}。", "请检查入组日期和离组日期。"),
        "en": (
            "The leaving date {value} is before the joining date {joined}.",
            "Check both dates.",
        ),
    },
    "MORE_ERRORS": {
        "zh": (
            "本列还有 {more} 处同类错误未逐一列出。",
            "请按上面列出的同类错误一并修正后重新检查。",
        ),
        "en": (
            "{more:~more error|more errors} of the same kind in this column are not listed.",
            "Fix them like the ones listed above and check again.",
        ),
    },
    "BAD_SETTING": {
        "zh": ("参数“{setting}”的值“{value}”无效。", "{expected}"),
        "en": ("The value “{value}” of parameter {setting} is not valid.", "{expected}"),
    },
    "UNKNOWN_SETTING": {
        "zh": ("无法识别的参数“{value}”。", "可用的参数：{allowed}。"),
        "en": ("Unknown parameter “{value}”.", "Known parameters: {allowed}."),
    },
}


# What a file-level error says in its {detail}: detail code → {lang: template}. The reader
# passes ``detail_code`` and the template's fields; the words are chosen when shown.
DETAILS: dict[str, dict[str, str]] = {
    "ZIP_PARTS": {"zh": "{count:,} 个部件", "en": "{count:,} parts"},
    "ROWS_REPEATED": {
        "zh": "有内容的行被重复展开为 {count:,} 行",
        "en": "rows with content repeated into {count:,} rows",
    },
    "PART_RATIO": {"zh": "{part} 压缩比 {ratio:.0f}:1", "en": "{part} compressed {ratio:.0f}:1"},
    "UNPACKED_OVER": {"zh": "解压后超过 {mb} MB", "en": "over {mb} MB unpacked"},
    "PART_UNPACKED_OVER": {"zh": "{part} 解压后超过 {mb} MB", "en": "{part} over {mb} MB unpacked"},
    "PART_HEADER_BROKEN": {"zh": "{part} 头部损坏", "en": "the header of {part} is damaged"},
    "PART_METHOD": {
        "zh": "{part} 使用了不支持的压缩方式 {method}",
        "en": "{part} uses the unsupported compression method {method}",
    },
    "CANNOT_OPEN": {"zh": "无法打开文件（{reason}）", "en": "cannot open the file ({reason})"},
    "VERSION_UNREADABLE": {
        "zh": "无法读取版本 {source}（{reason}）",
        "en": "cannot read version {source} ({reason})",
    },
    "OVER_SECONDS": {"zh": "超过 {seconds:.0f} 秒", "en": "over {seconds:.0f} seconds"},
    "OVER_LIMITS": {"zh": "超出内存或处理上限", "en": "over the memory or processing limit"},
    "OVER_MEMORY": {"zh": "超出内存上限", "en": "over the memory limit"},
    "PART_BROKEN": {"zh": "{part}：{reason}", "en": "{part}: {reason}"},
    "LIBRARY": {"zh": "{reason}", "en": "{reason}"},  # the parser library's own words
}

# The key a DUPLICATE_KEY repeats ({key_text}): key code → {lang: words}.
DUPLICATE_KEYS: dict[str, dict[str, str]] = {
    "member_id": {"zh": "编号", "en": "编号 (member number)"},
    "group_name": {
        "zh": "中心组+姓名（同名成员须填写编号）",
        "en": "中心组 + 姓名 (members of the same name need a 编号)",
    },
    "session": {"zh": "场次", "en": "场次 (session)"},
    "session_name": {"zh": "场次+姓名", "en": "场次 + 姓名"},
    "group_name_year": {"zh": "中心组+姓名+年度", "en": "中心组 + 姓名 + 年度"},
    "setting": {"zh": "参数", "en": "参数 (parameter)"},
}

# What BAD_SETTING asks for ({expected}): code → {lang: template}.
EXPECTED: dict[str, dict[str, str]] = {
    "DATE_OR_BLANK": {
        "zh": "请填写日期，如 2026-12-31；空白表示今天。",
        "en": "Type a date such as 2026-12-31; blank means today.",
    },
    "INT_BETWEEN": {
        "zh": "请填写 {low}–{high} 之间的整数。",
        "en": "Type a whole number from {low} to {high}.",
    },
    "NUMBER_BETWEEN": {
        "zh": "请填写 {low}–{high} 之间的数字。",
        "en": "Type a number from {low} to {high}.",
    },
    "MIN_OVER_MAX": {
        "zh": "时长下限不能大于时长上限。",
        "en": "The shortest talk (时长下限) cannot be longer than the longest (时长上限).",
    },
}

# Fields that hold a list of names, joined in the language's way; an empty list says NONE.
LISTS = ("allowed", "found", "required")
NONE = {"zh": "无", "en": "none"}

# Parts of a message present only when a detail is: detail → {lang: (template, list separator)}.
# The part is passed to the templates as ``{detail}_part`` ("" without the detail).
OPTIONAL_PARTS: dict[str, dict[str, tuple[str, str]]] = {
    "close": {"zh": ("是否为‘{close}’？", "’或‘"), "en": ("Did you mean “{close}”? ", "” or “")},
}


def with_parts(fields: dict, lang: str) -> dict:
    """``fields`` with each coded part (detail, key, expected, lists) rendered in ``lang``."""
    parts: dict[str, object] = {}
    for key, texts in OPTIONAL_PARTS.items():
        value = fields.get(key)
        template, separator = texts[lang]
        if isinstance(value, list | tuple) and value:
            parts[f"{key}_part"] = template.format(**{key: separator.join(map(str, value))})
        elif isinstance(value, str) and value:
            parts[f"{key}_part"] = template.format(**{key: value})
        else:
            parts[f"{key}_part"] = ""
    for key in LISTS:
        value = fields.get(key)
        if isinstance(value, list | tuple):
            parts[key] = join_list(value, lang) or NONE[lang]
    for field, catalogue, target in (
        ("detail_code", DETAILS, "detail"),
        ("key_code", DUPLICATE_KEYS, "key_text"),
        ("expected_code", EXPECTED, "expected"),
    ):
        code = fields.get(field)
        if code is not None:
            parts[target] = catalogue[code][lang].format(**fields)
    return fields | parts
