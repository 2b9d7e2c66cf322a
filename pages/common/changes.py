"""What a workbook changes against the current version: shown before publishing an upload and
before restoring an old version."""

from __future__ import annotations

import streamlit as st

from model.store.diff import Changes
from pages.common.context import labelled, listed, t
from pages.common.layout import safe

CHANGE_KEYS = [
    "members_added",
    "members_removed",
    "sessions_added",
    "sessions_removed",
    "sessions_now_held",
    "participation_added",
    "participation_changed",
    "exams_added",
    "exams_changed",
]
LISTED = (
    "members_added",
    "members_removed",
    "sessions_added",
    "sessions_removed",
    "sessions_now_held",
)


def show_changes(changes: Changes) -> None:
    """The counts of each kind of change, and the names where there are few."""
    numbers = changes.counts()
    columns = st.columns(4)
    for index, key in enumerate(CHANGE_KEYS):
        columns[index % 4].metric(t(f"change_{key}"), numbers[key])
    for key in LISTED:
        items = getattr(changes, key)
        if items and len(items) <= 50:
            st.caption(labelled(t(f"change_{key}"), listed(safe(item) for item in items)))
