"""Who is signed in, checked on the server on every run of every page.

The browser holds only a random session id, in an HttpOnly cookie set by the server's sign-in
route (pages.common.web); every run reads it from ``st.context.cookies``, resolves it in the
session store and re-reads the user, so a removed, disabled or demoted user is out (or has
less) at the next action, and a reload keeps whoever is signed in.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

import streamlit as st

from model.store.auth import DEMO_USER, Accounts, User
from pages.common.context import data_dir, listed, t
from pages.common.web import COOKIE, FORM_CSS, ROUTE_PREFIX, base_path, form_html, safe_next


def accounts() -> Accounts:
    return Accounts(data_dir())


def cookie_token() -> str | None:
    """The session id the browser sent with this session's connection (None in AppTest)."""
    try:
        value = st.context.cookies.get(COOKIE)
    except Exception:  # no browser behind this run
        return None
    return value if isinstance(value, str) and value else None


def current() -> User | None:
    """The signed-in user (re-read each run, so a removed user is out at once); demo: everyone."""
    registry = accounts()
    if not registry.enabled():
        return DEMO_USER
    resolved = registry.sessions.resolve(cookie_token())
    if resolved.session is None:
        if resolved.reason == "expired":
            st.session_state["session_expired"] = True
        return None
    user = registry.get(resolved.session.user)
    if user is None or user.disabled:
        return None
    return user


def here() -> str:
    """This page's address with its query, as the sign-in form's ``next``."""
    url = None
    try:
        url = st.context.url
    except Exception:
        url = None
    path = urlsplit(url).path if url else "/"
    query = urlencode(st.query_params.to_dict())
    base = _base()
    return safe_next(f"{path}?{query}" if query else path, base)


def _base() -> str:
    try:
        return base_path()
    except Exception:
        return ""


def sign_in_form() -> None:
    """The same form the server shows a signed-out visit, posting to the sign-in route: for a
    session that ended while the page was open (idle, signed out elsewhere, user removed)."""
    st.caption(t("signed_out_here"))
    if st.session_state.pop("session_expired", False):
        st.warning(t("session_expired"))
    st.html(f"<style>{FORM_CSS}</style>{form_html(here(), base=_base())}")


def require(permission: str, title_key: str | None = None) -> User:
    """The user if allowed; otherwise the sign-in form or a refusal (under the page's title),
    and the run stops here."""
    user = current()
    if user is None:
        st.title(t("page_login"))
        sign_in_form()
        st.stop()
    if not user.can(permission):
        if title_key:
            st.title(t(title_key))
        st.error(t("not_allowed"))
        st.page_link("pages/overview.py", label=t("back_to_overview"), icon=":material/home:")
        st.stop()
    return user


SIGN_OUT_CSS = """
.xuexi-signout button { padding: 0.3rem 0.9rem; font-size: 0.95rem; color: inherit;
  background: transparent; border: 1px solid rgba(49, 51, 63, 0.25); border-radius: 0.5rem;
  cursor: pointer; font-family: inherit; }
.xuexi-signout button:hover { border-color: #c00000; color: #c00000; }
"""


def account_box(user: User) -> None:
    """The sidebar's account line: demo banner, or who is signed in with a sign-out button
    (a form posting to the server's sign-out route, which ends the session and the cookie)."""
    if user is DEMO_USER:
        st.warning(t("demo_mode"), icon=":material/lock_open:")
        return
    st.caption(t("signed_in_as", name=user.name, role=t(f"role_{user.role}")))
    if user.groups:
        st.caption(t("groups_limited", groups=listed(user.groups)))
    st.html(
        f"<style>{SIGN_OUT_CSS}</style>"
        f'<form class="xuexi-signout" method="post" action="{_base()}{ROUTE_PREFIX}/logout">'
        f'<button type="submit" data-testid="xuexi-sign-out">{t("sign_out")}</button></form>'
    )
