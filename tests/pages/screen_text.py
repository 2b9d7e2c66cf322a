"""Every string a page puts on screen, gathered from an AppTest run (tests of issue 12, item 8)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence

import pandas as pd
from google.protobuf.message import Message
from streamlit.testing.v1 import AppTest

# Proto fields that are plumbing, not text anyone reads.
SKIPPED_FIELDS = {
    "id",
    "form_id",
    "key",
    "icon",
    "type",
    "spec",
    "data",
    "url",
    "mime",
    "file_id",
    "upload_url",
    "delete_url",
    "element_id",
    "theme",
    "vega_lite_theme",
    "selection_mode",
    "column_order",
    "columns",  # column_config JSON: labels arrive with the frame itself
    "width_config",
    "height_config",
    "text_alignment_config",
    "page_script_hash",
    "default_value",
    "format",  # date formats such as YYYY-MM-DD
    "css",
    "scroll_to_element",
    "cursor",
    "widget_id",
    "language",  # st.code's syntax name
    "tag",
    "autocomplete",  # a password field's new-password, for the browser
}
SKIPPED_TYPES = {"vega_lite_chart", "arrow_vega_lite_chart", "empty"}
EVENT = 2  # RootContainer.EVENT
# Words CSS puts on screen where Streamlit has no parameter (the uploader's, pages.common.chrome).
CSS_CONTENT = re.compile(r'content:\s*("(?:[^"\\]|\\.)*")')


def _css_words(html: str) -> Iterator[str]:
    for match in CSS_CONTENT.finditer(html):
        text = json.loads(match.group(1))
        if text:
            yield text


def _strings(message: Message) -> Iterator[str]:
    for field, value in message.ListFields():
        if field.name in SKIPPED_FIELDS:
            continue
        values = value if isinstance(value, Sequence) and not isinstance(value, str) else [value]
        for item in values:
            if isinstance(item, Message):
                yield from _strings(item)
            elif isinstance(item, str) and item:
                yield item


def _walk(node) -> Iterator:
    children = getattr(node, "children", None)
    if children is not None:
        proto = getattr(node, "proto", None)
        if isinstance(proto, Message):
            yield from ([proto] if proto.ListFields() else [])
        for child in children.values():
            yield from _walk(child)
    else:
        yield node


def _frame_strings(frame: pd.DataFrame, config_json: str) -> Iterator[str]:
    """A table as shown: column labels from its column configuration, hidden ones left out."""
    config = json.loads(config_json) if config_json else {}

    def shown(name: object) -> dict | None:
        entry = config.get(str(name), {})
        return None if entry.get("hidden") else entry

    for column in frame.columns:
        entry = shown(column)
        if entry is not None:
            yield str(entry.get("label") or column)
    if shown("_index") is not None:
        yield from (str(i) for i in frame.index.names if i is not None)
        if not isinstance(frame.index, pd.RangeIndex):
            yield from (str(i) for i in frame.index)
    visible = [c for c in frame.columns if shown(c) is not None]
    for value in frame[visible].to_numpy().ravel():
        yield str(value)


def screen_text(at: AppTest) -> list[str]:
    """The texts of the main area and the sidebar: labels, messages, options, table cells."""
    found: list[str] = []
    # The event container holds style-only st.html (Streamlit sends it there): CSS words.
    event = [at._tree.children[EVENT]] if EVENT in at._tree.children else []
    for root in (at.main, at.sidebar, *event):
        for node in _walk(root):
            if isinstance(node, Message):  # a block's own proto: expander labels, tab names
                found += list(_strings(node))
                continue
            kind = getattr(node, "type", "")
            if kind in SKIPPED_TYPES:
                continue
            if kind == "html":  # markup and scripts are not read; the words CSS shows are
                found += list(_css_words(node.proto.body))
                continue
            if kind in ("arrow_data_frame", "dataframe", "table"):
                found += list(_frame_strings(node.value, getattr(node.proto, "columns", "")))
                continue
            proto = getattr(node, "proto", None)
            if isinstance(proto, Message):
                found += list(_strings(proto))
    return found
