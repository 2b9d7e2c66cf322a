"""Page furniture: the context every page reads, the sample banner, meeting mode."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

import pandas as pd
import streamlit as st

from model.engine.group_short import group_shortfalls
from model.texts.domain import Lang, consequence_text, fix_line, group_shortfall_text, reasons_text
from pages.common.context import (
    PageContext,
    current_source,
    labelled,
    listed,
    read_cached,
    scoped_cached,
    t,
)
from pages.common.filters import group_filter, sidebar, year_filter
from pages.common.meeting import (
    CSS as MEETING_CSS,
)
from pages.common.meeting import (
    MEETING_PAGES,
    PARAM,
    leave_meeting,
    meeting_on,
    remember_names,
)
from pages.common.people import People
from pages.common.session import account_box, require
from pages.common.state_keys import W_MEETING_NAMES


def context(permission: str = "view", title_key: str | None = None) -> PageContext | None:
    """The workbook shown and the filters; None (after saying why) without usable data.

    Every page builds it itself: Streamlit reruns only the page script on some reruns (AppTest
    always does), so nothing may depend on the entry script having run first.
    """
    user = require(permission, title_key)
    meeting = meeting_on()
    if meeting:
        st.html(MEETING_CSS)
    source = current_source()
    result = read_cached(source.sha256, source.data)
    if not result.ok:
        with st.sidebar:
            account_box(user)
        if title_key:
            st.title(t(title_key))
        st.error(t("workbook_invalid", count=len(result.errors)))
        return None
    scoped = scoped_cached(source.sha256, user.groups, result)
    filters = sidebar(scoped, source)
    # Below the filters: at 1366×768 the 中心组 picker was under the fold beneath the banner.
    with st.sidebar:
        account_box(user)
    ctx = PageContext(source, scoped, filters, user)
    if meeting:
        meeting_bar(ctx)
    if title_key:
        st.title(t(title_key))
    workbook = scoped.workbook
    assert workbook is not None
    if user.groups and workbook.members.empty and workbook.plan.empty:
        # A leader limited to groups the current ledger does not hold: say so, not "0%".
        st.warning(t("no_rows_for_groups", groups=listed(user.groups)))
        return None
    return ctx


MEMBER_PARAM = "member"  # 成员学分?member=KEY opens that member: the risk cards link to it


def member_link(key: str) -> None:
    """A link from a card to the member's page on 成员学分. Not in meeting mode: a member's
    key can carry the name, and a projected link shows its address."""
    if meeting_on():
        return
    st.page_link(
        "pages/members.py",
        label=t("open_member"),
        icon=":material/person:",
        query_params={MEMBER_PARAM: key},
    )


def header(title_key: str, permission: str = "view") -> PageContext | None:
    """Sign-in check, title, sample banner and meeting-mode controls; None without data."""
    ctx = context(permission, title_key)
    if ctx is None:
        return None
    if ctx.source.is_sample:
        st.info(t("sample_banner"), icon=":material/science:")
    if ctx.filters.meeting:
        # The presenter's choice about names is on screen for everyone to see.
        if ctx.filters.show_names:
            st.warning(t("names_shown_meeting"), icon=":material/visibility:")
        else:
            st.caption(f":material/visibility_off: {t('names_hidden')}")
    elif not ctx.filters.show_names:
        st.caption(f":material/visibility_off: {t('names_hidden_here')}")
    return ctx


def never_in_meeting(ctx: PageContext | None) -> None:
    """The pages that publish, record or restore are never in meeting mode (issue #24): their
    preview of every row, setting and status a change makes is for the clerk's desk, not the
    projector, and nothing lands without it having been seen. Says so and stops the page; the
    meeting bar above has the way out (drawn here when there is no data for the bar)."""
    if not meeting_on():
        return
    st.info(t("not_in_meeting"), icon=":material/co_present:")
    if ctx is None:
        st.button(t("exit_meeting"), key="exit_meeting", on_click=leave_meeting)
    st.stop()


def meeting_bar(ctx: PageContext) -> None:
    """Meeting mode's own navigation: page links that keep the mode, the year and group
    switches, the names switch and the way out."""
    workbook = ctx.result.workbook
    assert workbook is not None
    with st.container(border=True, key="meeting_bar"):
        links = st.columns(len(MEETING_PAGES))
        for column, (path, title_key, icon) in zip(links, MEETING_PAGES, strict=True):
            column.page_link(path, label=t(title_key), icon=icon, query_params={PARAM: "1"})
        year, group, names, leave = st.columns([1, 2, 2, 1.3], vertical_alignment="bottom")
        year_filter(workbook, year)
        group_filter(workbook, group)
        st.session_state[W_MEETING_NAMES] = ctx.filters.show_names
        names.toggle(t("show_names"), key=W_MEETING_NAMES, on_change=remember_names)
        leave.button(t("exit_meeting"), key="exit_meeting", on_click=leave_meeting)


def people(ctx: PageContext) -> People:
    """How this page names people: by name, or by pseudonym when names are hidden."""
    report = ctx.report()
    return People(report.timeline.members, ctx.filters.show_names, ctx.filters.lang)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def safe(text: object) -> str:
    """Workbook text for a Markdown element: every Markdown and HTML character escaped, so a
    name like ![x](http://…) or <img> is shown as typed and never fetched or rendered."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def finding_lines(findings: pd.DataFrame, who: People) -> list[str]:
    """Finding texts, escaped; people in them by name or pseudonym, as the page shows them."""
    return [
        safe(who.finding(code, details, group))
        for code, details, group in zip(
            findings["code"], findings["details"], findings["group"], strict=True
        )
    ]


# One precision for shares everywhere (KPIs, tables, charts): whole percent.
PERCENT_DIGITS = 0


def percent(value: object) -> str:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "—"
    return "—" if number != number else f"{number:.{PERCENT_DIGITS}%}"


def percent_points(values: pd.Series) -> pd.Series:
    """Shares as whole percent points for a table column (format "%d%%"), NA kept."""
    return (values.astype("Float64") * 100).round(PERCENT_DIGITS)


PERCENT_FORMAT = "%d%%"


def explanation(row: pd.Series, lang: Lang) -> tuple[str, str | None, str | None]:
    """A member's reasons, fix and consequence as labelled, escaped lines (fix and consequence
    None when there is none): the members detail and the risk cards say the same."""
    reasons = labelled(t("reasons"), safe(reasons_text(row["reasons"], lang)))
    fix = fix_line(row["fix"], lang)
    consequence = consequence_text(row["consequence"], lang)
    return (
        reasons,
        labelled(t("fix"), safe(fix)) if fix else None,
        labelled(t("consequence"), consequence) if consequence else None,
    )


def group_shortfall_lines(members: pd.DataFrame, who: People, lang: Lang) -> list[dict]:
    """Each GROUP_SHORT group as a card's markdown, with the keys of the members it speaks for:
    the risk page and the overview say a group's shortfall in the same words."""
    lines = []
    for shortfall in group_shortfalls(members).to_dict("records"):
        names = listed(safe(who.by_key[key]) for key in shortfall["keys"])
        text = labelled(
            f"**{safe(shortfall['group'])}**", safe(group_shortfall_text(shortfall, lang))
        )
        lines.append(
            {
                "keys": shortfall["keys"],
                "text": text + "  \n" + t("group_short_members", names=names),
            }
        )
    return lines


def text_width(
    values: Iterable[object], per_char: int = 15, padding: int = 28, minimum: int = 80
) -> int:
    """A grid column's width in px that shows the longest of ``values`` whole: a CJK glyph is
    ``per_char`` (about 14 px in the grid), a Latin letter or digit a little over half of it;
    the rest is the cell's padding and the sort mark."""

    longest = max((per_char * glyph_width(str(value)) for value in values), default=0.0)
    return max(minimum, math.ceil(longest) + padding)


def glyph_width(text: str) -> float:
    """``text``'s width in CJK glyphs: a Latin letter, digit or arrow is a little over half one."""
    return sum(1.0 if ord(ch) >= 0x2E80 else 0.6 for ch in text)


def header_width(label: str, at_least: int) -> int:
    """A column as wide as its header needs (English ones are longer: "Overdu…"), or more."""
    return text_width([label], padding=16, minimum=at_least)
