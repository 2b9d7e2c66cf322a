"""Meeting mode: a mode of the whole app, kept in the URL (``?meeting=1``) so that a reload, a
page link or a link sent round keeps it; names hidden until the presenter shows them."""

from __future__ import annotations

import streamlit as st

from pages.common.state_keys import FLT_MEETING, FLT_MEETING_NAMES, W_MEETING_NAMES

PARAM = "meeting"
# A CJK glyph's width in a grid cell, in CSS px before the meeting zoom; measured.
GRID_CHAR_PX = {False: 15, True: 19}
# The grid wraps a cell's text only in rows taller than 4rem: 64 px, and on a projector, whose
# root font is 22 px (CSS below), 88 px. A row that must wrap is one px more.
WRAP_ROW_PX = {False: 4 * 16 + 1, True: 4 * 22 + 1}
# The pages a meeting projects, in the order of the navigation (title keys of labels.py).
MEETING_PAGES = [
    ("pages/overview.py", "page_overview", ":material/dashboard:"),
    ("pages/sessions.py", "page_sessions", ":material/event:"),
    ("pages/todo.py", "page_todo", ":material/checklist:"),
    ("pages/plan.py", "page_plan", ":material/edit_calendar:"),
    ("pages/members.py", "page_members", ":material/groups:"),
    ("pages/risk.py", "page_risk", ":material/warning:"),
    ("pages/shifts.py", "page_shifts", ":material/trending_up:"),
    ("pages/rules.py", "page_rules", ":material/menu_book:"),
]

# Projector typography at 1920×1080: the sidebar goes, text and tables grow. Tables are drawn on
# a canvas that ignores font-size, so they are zoomed as a whole: 14 px glyphs measure 20 px
# on screen at 1.45 (tests/browser/test_meeting_browser.py). Zoomed, the grid lays text out a
# little wider than it draws it unzoomed, so its columns allow more per glyph (GRID_CHAR_PX); charts get their own larger
# config (pages.common.charts). The bar's year and group show their value in an input and their
# options in a list drawn outside the page, each with its own small size: both are set here.
CSS = """
<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"] { display: none; }
html, body, [data-testid="stAppViewContainer"] { font-size: 22px; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li,
[data-testid="stAlertContentInfo"] p, [data-testid="stCaptionContainer"] { font-size: 1.15rem; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] [data-testid="stMarkdownContainer"] p
  { font-size: 3.2rem; line-height: 1.2; }
[data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"] p { font-size: 1.3rem; }
[data-testid="stElementContainer"]:has([data-testid="stDataFrame"])
  { zoom: 1.45; width: calc(100% / 1.45) !important; }
[data-testid="stTable"] { font-size: 1.2rem; }
[data-testid="stSelectbox"] input, [data-testid="stSelectboxVirtualDropdown"] [role="option"],
[data-testid="stDateInputField"] { font-size: 1.2rem; }
[data-testid="stPageLink"] p { font-size: 1.2rem; font-weight: 600; }
h1 { font-size: 2.6rem !important; }
</style>
"""


def meeting_on() -> bool:
    """Whether this run is in meeting mode: the URL says so, or the session entered it (a switch
    through ``st.navigation`` drops the query, so the session puts it back)."""
    in_url = st.query_params.get(PARAM) == "1"
    on = in_url or bool(st.session_state.get(FLT_MEETING))
    st.session_state[FLT_MEETING] = on
    if on and not in_url:
        st.query_params[PARAM] = "1"
    return on


def enter_meeting() -> None:
    st.session_state[FLT_MEETING] = True
    st.session_state[FLT_MEETING_NAMES] = False  # hidden until the presenter shows them
    st.query_params[PARAM] = "1"


def leave_meeting() -> None:
    st.session_state[FLT_MEETING] = False
    st.session_state.pop(FLT_MEETING_NAMES, None)
    if PARAM in st.query_params:
        del st.query_params[PARAM]


def remember_names() -> None:
    st.session_state[FLT_MEETING_NAMES] = st.session_state[W_MEETING_NAMES]
