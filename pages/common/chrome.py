"""Streamlit's own English words, replaced or hidden where Streamlit offers no parameter.

The text inputs' "Press Enter to apply/submit form" hint is hidden (every form here has a
submit button, every search applies as typed); the uploader's "Upload" button and its drop zone's
"Drag and drop file here" / "200MB per file • XLSX, …" take our words, in the UI's language.
Streamlit has no parameter for either, so CSS hides its text and shows ours with ``content:``.
"""

from __future__ import annotations

import json

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from model.workbook.intake import ACCEPTED_SUFFIXES, MAX_UPLOAD_BYTES
from pages.common.context import t

HIDE_INPUT_INSTRUCTIONS = (
    "<style>[data-testid='InputInstructions'] { display: none !important; }</style>"
)


def hide_input_instructions() -> None:
    st.html(HIDE_INPUT_INSTRUCTIONS)


def _css_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a CSS string: quoted, quotes escaped


# The button that opens the file dialog, not the × that removes a chosen file (it once read
# 选择文件 too, so the label showed twice).
CHOOSE = "[data-testid='stFileUploaderDropzone'] :not([data-testid='stFileChipDeleteBtn']) > button"


def uploader_css(button_label: str, drop_text: str) -> str:
    """CSS giving the uploader's button ``button_label`` and its drop zone ``drop_text``."""
    content, drop = _css_string(button_label), _css_string(drop_text)
    return f"""<style>
[data-testid='stFileUploaderDropzoneInstructions'] > * {{ display: none !important; }}
[data-testid='stFileUploaderDropzoneInstructions']::after {{
  content: {drop}; font-size: 0.875rem; line-height: 1.6; opacity: 0.7;
}}
{CHOOSE} {{ font-size: 0 !important; }}
{CHOOSE} > * {{ display: none !important; }}
{CHOOSE}::after {{
  content: {content}; font-size: 0.875rem; line-height: 1.6;
}}
</style>"""


def uploader_words() -> None:
    """Our words on the uploaders drawn after this call, in the UI's language."""
    limit = MAX_UPLOAD_BYTES // 2**20
    st.html(uploader_css(t("uploader_button"), t("uploader_drop", limit=limit)))


def ledger_uploader(key: str, hint: str | None = None) -> UploadedFile | None:
    """The one uploader of ledgers: our words, the formats we read and our size limit."""
    uploader_words()
    return st.file_uploader(
        t("uploader"),
        type=list(ACCEPTED_SUFFIXES),
        key=key,
        help=hint,
        max_upload_size=MAX_UPLOAD_BYTES // 2**20,
    )
