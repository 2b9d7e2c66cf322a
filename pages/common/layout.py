"""Page furniture: the context every page reads, the sample banner, meeting mode."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from model.texts import (
    Lang,
    consequence_text,
    finding_text,
    finding_title,
    fix_line,
    reasons_text,
)
from pages.common.context import PageContext, current_source, read_cached, scoped_cached, t
from pages.common.filters import Filters, sidebar
from pages.common.session import account_box, require

MEETING_CSS = """
<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"] { display: none; }
html, body, [data-testid="stAppViewContainer"] { font-size: 22px; }
[data-testid="stMetricValue"] { font-size: 3.2rem; }
[data-testid="stMetricLabel"] p { font-size: 1.3rem; }
h1 { font-size: 2.6rem !important; }
</style>
"""


def context(permission: str = "view") -> PageContext | None:
    """The workbook shown and the sidebar filters; None (after saying why) without usable data.

    Every page builds it itself: Streamlit reruns only the page script on some reruns (AppTest
    always does), so nothing may depend on the entry script having run first.
    """
    user = require(permission)
    with st.sidebar:
        account_box(user)
    source = current_source()
    result = read_cached(source.sha256, source.data)
    if not result.ok:
        st.error(t("workbook_invalid", count=len(result.errors)))
        return None
    scoped = scoped_cached(source.sha256, user.groups, result)
    return PageContext(source, scoped, sidebar(scoped, source), user)


def header(title_key: str, permission: str = "view") -> PageContext | None:
    """Sign-in check, title, sample banner and meeting-mode controls; None without data."""
    ctx = context(permission)
    st.title(t(title_key))
    if ctx is None:
        return None
    if ctx.source.is_sample:
        st.info(t("sample_banner"), icon=":material/science:")
    if ctx.filters.meeting:
        st.html(MEETING_CSS)
        # The sidebar is hidden while projecting, so its two switches are repeated here.
        leave, hide = st.columns([1, 3])
        if leave.button(t("exit_meeting"), key=f"exit_meeting_{title_key}"):
            st.session_state["flt_meeting"] = False
            st.rerun()
        toggle_key = f"meeting_hide_{title_key}"
        st.session_state[toggle_key] = ctx.filters.hide_names  # seeded from our own key each run
        hide.toggle(t("hide_names"), key=toggle_key, on_change=_copy_hide, args=(toggle_key,))
        if not ctx.filters.show_names:
            st.caption(t("names_hidden"))
    return ctx


def _copy_hide(toggle_key: str) -> None:
    st.session_state["flt_hide"] = st.session_state[toggle_key]


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def safe(text: object) -> str:
    """Workbook text for a Markdown element: every Markdown and HTML character escaped, so a
    name like ![x](http://…) or <img> is shown as typed and never fetched or rendered."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def finding_lines(findings: pd.DataFrame, filters: Filters) -> list[str]:
    """Finding texts; with names hidden, only the titles of findings about no one in person."""
    if filters.show_names:
        return [
            safe(finding_text(code, details, filters.lang))
            for code, details in zip(findings["code"], findings["details"], strict=True)
        ]
    anonymous = findings[findings["member"].isna()]
    return [finding_title(code, filters.lang) for code in anonymous["code"]]


def percent(value: object) -> str:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "—"
    return "—" if number != number else f"{number:.0%}"


def explanation(row: pd.Series, lang: Lang) -> tuple[str, str | None, str | None]:
    """A member's reasons, fix and consequence as labelled, escaped lines (fix and consequence
    None when there is none): the members detail and the risk cards say the same."""
    reasons = f"{t('reasons')}：" + safe(reasons_text(row["reasons"], lang))
    fix = fix_line(row["fix"], lang)
    consequence = consequence_text(row["consequence"], lang)
    return (
        reasons,
        f"{t('fix')}：{safe(fix)}" if fix else None,
        f"{t('consequence')}：{consequence}" if consequence else None,
    )
