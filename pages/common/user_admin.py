"""用户管理 on the admin page: the users with role, groups, last sign-in and state; add, reset a
password, change role and groups, disable and enable, remove. Every change goes through
model.store.auth (which audits it and ends the sessions a change must end); the last enabled
admin can be neither removed, disabled nor demoted here."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from model.store.auth import ROLES, AccountError, Accounts, LastAdmin, Role, User
from pages.common.context import current_source, lang, listed, read_cached, t
from pages.common.layout import safe
from pages.common.session import require

MIN_PASSWORD = 8
NOTICE = "users_notice"


def version_groups() -> list[str]:
    """The central groups of the version shown now (published, or the sample)."""
    source = current_source()
    workbook = read_cached(source.sha256, source.data).workbook
    if workbook is None:
        return []
    groups = set(workbook.members["group"].dropna()) | set(workbook.plan["group"].dropna())
    return sorted(str(group) for group in groups)


def users_table(registry: Accounts, users: list[User]) -> None:
    last = registry.last_sign_ins()
    live = registry.sessions.active()
    st.dataframe(
        pd.DataFrame(
            {
                t("username"): [u.name for u in users],
                t("role"): [t(f"role_{u.role}") for u in users],
                t("groups_col"): [listed(u.groups) if u.groups else t("all") for u in users],
                t("last_sign_in"): [
                    last[u.name].replace("T", " ")[:16] if u.name in last else t("never")
                    for u in users
                ],
                t("user_state"): [
                    t("state_disabled") if u.disabled else t("state_active") for u in users
                ],
                t("sessions_col"): [live.get(u.name, 0) for u in users],
            }
        ),
        hide_index=True,
    )


def role_box(where, key: str, current: Role = "viewer") -> Role:
    """A role by its words. Plain labels under a key that carries the language, as the audit
    filters do: the words change with the language, the codes behind them do not."""
    labels = {t(f"role_{role}"): role for role in ROLES}
    chosen = where.selectbox(
        t("role"), list(labels), index=ROLES.index(current), key=f"{key}_{lang()}"
    )
    return labels[chosen]


def _done(message: str) -> None:
    st.session_state[NOTICE] = message
    st.rerun()


def _password_problem(first: str, second: str) -> str | None:
    if len(first) < MIN_PASSWORD:
        return t("password_short", count=MIN_PASSWORD)
    if first != second:
        return t("password_mismatch")
    return None


def add_user_form(registry: Accounts, admin: User, groups: list[str]) -> None:
    with st.form("user_add", clear_on_submit=True, border=True):
        st.markdown(f"**{t('user_add_title')}**")
        left, right = st.columns(2)
        name = left.text_input(t("username"), key="user_add_name")
        role = role_box(right, "user_add_role")
        chosen = st.multiselect(
            t("groups_pick"),
            groups,
            key="user_add_groups",
            help=t("groups_pick_help"),
            placeholder=t("groups_all_placeholder"),
        )
        left, right = st.columns(2)
        first = left.text_input(t("password"), type="password", key="user_add_password")
        second = right.text_input(t("password_again"), type="password", key="user_add_again")
        submitted = st.form_submit_button(t("user_add_button"), type="primary")
    if not submitted:
        return
    require("manage_users")  # again at the moment of acting
    name = name.strip()
    problem = (
        t("name_empty")
        if not name
        else t("user_exists", name=safe(name))
        if registry.get(name) is not None
        else _password_problem(first, second)
    )
    if problem:
        st.error(problem)
        return
    try:
        registry.add(name, first, role, chosen or None, by=admin.name)
    except AccountError as refused:  # e.g. added by someone else a moment ago
        st.error(safe(refused.text(lang())))
        return
    _done(t("user_added", name=safe(name)))


def edit_user(registry: Accounts, admin: User, users: list[User], groups: list[str]) -> None:
    names = [u.name for u in users]
    with st.container(border=True):
        st.markdown(f"**{t('user_edit_title')}**")
        name = st.selectbox(t("user_pick"), names, key="user_pick")
        user = next(u for u in users if u.name == name)
        role_tab, password_tab, state_tab = st.tabs(
            [t("user_tab_role"), t("reset_password_title"), t("user_tab_state")]
        )
        with role_tab:
            role_and_groups(registry, admin, user, groups)
        with password_tab:
            reset_password(registry, admin, user)
        with state_tab:
            state_actions(registry, admin, user)


def role_and_groups(registry: Accounts, admin: User, user: User, groups: list[str]) -> None:
    name = user.name
    with st.form(f"user_role_{name}", border=False):
        role = role_box(st, f"user_role_pick_{name}", user.role)
        known = sorted(set(groups) | set(user.groups or ()))
        chosen = st.multiselect(
            t("groups_pick"),
            known,
            default=list(user.groups or ()),
            key=f"user_groups_pick_{name}",
            help=t("groups_pick_help"),
            placeholder=t("groups_all_placeholder"),
        )
        saved = st.form_submit_button(t("save_role_groups"), type="primary")
    if not saved:
        return
    require("manage_users")  # again at the moment of acting
    try:
        if role != user.role:
            registry.set_role(name, role, by=admin.name)
        if tuple(chosen) != (user.groups or ()):
            registry.set_groups(name, chosen or None, by=admin.name)
    except LastAdmin:
        st.error(t("last_admin", name=safe(name)))
    else:
        _done(t("user_saved", name=safe(name)))


def reset_password(registry: Accounts, admin: User, user: User) -> None:
    name = user.name
    with st.form(f"user_password_{name}", clear_on_submit=True, border=False):
        left, right = st.columns(2)
        first = left.text_input(t("new_password"), type="password", key=f"pw1_{name}")
        second = right.text_input(t("password_again"), type="password", key=f"pw2_{name}")
        reset = st.form_submit_button(t("reset_password_button"), type="primary")
    if not reset:
        return
    require("manage_users")
    problem = _password_problem(first, second)
    if problem:
        st.error(problem)
        return
    registry.set_password(name, first, by=admin.name)
    _done(t("password_reset_done", name=safe(name)))


def state_actions(registry: Accounts, admin: User, user: User) -> None:
    name = user.name
    left, right = st.columns(2)
    if user.disabled:
        if left.button(t("enable_button"), key=f"user_enable_{name}"):
            require("manage_users")
            registry.set_disabled(name, False, by=admin.name)
            _done(t("user_enabled_done", name=safe(name)))
    elif left.button(t("disable_button"), key=f"user_disable_{name}"):
        require("manage_users")
        try:
            registry.set_disabled(name, True, by=admin.name)
        except LastAdmin:
            st.error(t("last_admin", name=safe(name)))
        else:
            _done(t("user_disabled_done", name=safe(name)))
    confirm = right.checkbox(t("remove_confirm", name=safe(name)), key=f"user_remove_ok_{name}")
    if right.button(t("remove_button"), key=f"user_remove_{name}", disabled=not confirm):
        require("manage_users")
        try:
            registry.remove(name, by=admin.name, keep_an_admin=True)
        except LastAdmin:
            st.error(t("last_admin", name=safe(name)))
        except KeyError:
            _done(t("user_gone", name=safe(name)))
        else:
            st.session_state.pop("user_pick", None)
            _done(t("user_removed_done", name=safe(name)))


def user_management(registry: Accounts, admin: User) -> None:
    st.subheader(t("users_title"))
    notice = st.session_state.pop(NOTICE, None)
    if notice:
        st.success(notice)
    users = registry.users()
    users_table(registry, users)
    if not admin.can("manage_users"):
        return
    groups = version_groups()
    add_user_form(registry, admin, groups)
    if users:
        edit_user(registry, admin, users, groups)
    st.caption(t("users_cli_hint"))
