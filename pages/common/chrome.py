"""Streamlit's own English words, replaced or hidden where Streamlit offers no parameter.

The text inputs' "Press Enter to apply/submit form" hint is hidden (every form here has a
submit button, every search applies as typed); the uploader's "Upload" button takes our label
and its English "200MB per file • XLSX, …" line is hidden: the page says the same in words.
"""

from __future__ import annotations

import json

import streamlit as st

HIDE_INPUT_INSTRUCTIONS = (
    "<style>[data-testid='InputInstructions'] { display: none !important; }</style>"
)


def hide_input_instructions() -> None:
    st.html(HIDE_INPUT_INSTRUCTIONS)


def uploader_css(button_label: str) -> str:
    """CSS giving the uploader's button ``button_label`` and hiding its English instructions."""
    content = json.dumps(button_label, ensure_ascii=False)  # a CSS string, quotes escaped
    return f"""<style>
[data-testid='stFileUploaderDropzoneInstructions'] {{ display: none !important; }}
[data-testid='stFileUploaderDropzone'] button {{ font-size: 0 !important; }}
[data-testid='stFileUploaderDropzone'] button > * {{ display: none !important; }}
[data-testid='stFileUploaderDropzone'] button::after {{
  content: {content}; font-size: 0.875rem; line-height: 1.6;
}}
</style>"""
