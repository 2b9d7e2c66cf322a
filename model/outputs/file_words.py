"""The words written into the clerk's own files, beside the template's (model/outputs/template.py).

They are part of the file, not of the screen: the group file's hidden marks, which the reader
finds again, and the annotated copy's 错误清单. The workbook contract is Chinese (DOMAIN.md §2),
so they are Chinese only; what the app says on screen lives in model/texts/.
"""

from __future__ import annotations

HELP_SHEET = "说明"

# The group file (model/outputs/group_file.py): hidden rows of the 说明 sheet.
BASE_LABEL = "下载自版本（请勿修改）"
WRITTEN_LABEL = "生成时间"
SETTINGS_NOTE = "参数为全县统一设置，只读：按中心组上传时本表的修改不会生效。"

# The annotated copy (model/outputs/annotate.py).
LIST_SHEET = "错误清单"
LIST_HEADER = ("序号", "工作表", "单元格", "行", "列", "填写的值", "问题", "怎么改")
STRIPPED_NOTE = "注：部分单元格含 Excel 无法保存的控制字符，已在本清单中删去。"
NOTE_PREFIX = "注："
COMMENT_AUTHOR = "学习台账检查"
ANNOTATED_PREFIX = "标注-"
