"""Who is signed in, checked on the server on every run of every page."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from model.store import DEMO_USER, SESSION_IDLE_MINUTES, Accounts, User
from pages.common.context import data_dir, t


def accounts() -> Accounts:
    return Accounts(data_dir())


def sign_out() -> None:
    for key in ("user_name", "last_seen"):
        st.session_state.pop(key, None)


def current() -> User | None:
    """The signed-in user (re-read each run, so a removed user is out at once); demo: everyone."""
    registry = accounts()
    if not registry.enabled():
        return DEMO_USER
    name = st.session_state.get("user_name")
    if not name:
        return None
    now = dt.datetime.now()
    last_seen = st.session_state.get("last_seen")
    if last_seen and now - last_seen > dt.timedelta(minutes=SESSION_IDLE_MINUTES):
        sign_out()
        st.session_state["session_expired"] = True
        return None
    user = registry.get(name)
    if user is None:
        sign_out()
        return None
    st.session_state["last_seen"] = now
    return user


def sign_in_form() -> None:
    st.caption(t("login_intro"))
    if st.session_state.pop("session_expired", False):
        st.warning(t("session_expired"))
    with st.form("sign_in", enter_to_submit=True):
        name = st.text_input(t("username"), key="login_name")
        password = st.text_input(t("password"), type="password", key="login_password")
        submitted = st.form_submit_button(t("sign_in"), type="primary")
    if submitted:
        result = accounts().sign_in(name.strip(), password)
        if result.user is not None:
            st.session_state["user_name"] = result.user.name
            st.session_state["last_seen"] = dt.datetime.now()
            st.rerun()
        elif result.locked_seconds:
            st.error(t("locked", seconds=result.locked_seconds))
        else:
            st.error(t("wrong_password"))


def require(permission: str) -> User:
    """The user if allowed; otherwise the sign-in form or a refusal, and the run stops here."""
    user = current()
    if user is None:
        st.title(t("page_login"))
        sign_in_form()
        st.stop()
    if not user.can(permission):
        st.error(t("not_allowed"))
        st.stop()
    return user


def account_box(user: User) -> None:
    """The sidebar's account line: demo banner, or who is signed in with a sign-out button."""
    if user is DEMO_USER:
        st.warning(t("demo_mode"), icon=":material/lock_open:")
        return
    st.caption(t("signed_in_as", name=user.name, role=t(f"role_{user.role}")))
    if user.groups:
        st.caption(t("groups_limited", groups="、".join(user.groups)))
    if st.button(t("sign_out"), key="sign_out"):
        accounts().log(user.name, "sign_out", True)
        sign_out()
        st.rerun()
