"""The audit log in words: each action and its detail as the chosen language says them."""

from __future__ import annotations

import re

from pages.common.context import bracketed, clauses, labelled, listed, t

ACTIONS = (
    "sign_in",
    "sign_in_failed",
    "sign_in_locked",
    "sign_out",
    "publish",
    "restore",
    "user_add",
    "user_remove",
    "user_passwd",
    "user_role",
    "user_groups",
    "user_disable",
    "user_enable",
)
_DELAY = re.compile(r"^delay (\d+)s$")  # sign_in_failed: the wait it started
_LOCKED = re.compile(r"^(\d+)s$")  # sign_in_locked: the wait still left
_STALE = re.compile(r"^stale: v(\d+)$")  # publish refused: another version landed first
_USER_ADD = re.compile(r"^(\S+) (viewer|clerk|admin) ?(.*)$")
_USER_ROLE = re.compile(r"^(\S+) (viewer|clerk|admin) (viewer|clerk|admin)$")
_USER_GROUPS = re.compile(r"^(\S+) ?(.*)$")


CLI_USER = "cli"  # who the store logs for changes made with python -m model users …


def user_text(user: str) -> str:
    return t("audit_cli") if user == CLI_USER else user


def action_text(action: str) -> str:
    """An action code in words; an action this version does not know stays as logged."""
    return t(f"action_{action}") if action in ACTIONS else action


def detail_text(action: str, detail: str) -> str:
    """The detail the store logged (machine-made, language-neutral) in words."""
    detail = detail or ""
    if (match := _DELAY.match(detail)) and action == "sign_in_failed":
        return t("audit_delay", seconds=int(match.group(1)))
    if (match := _LOCKED.match(detail)) and action == "sign_in_locked":
        return t("audit_locked", seconds=int(match.group(1)))
    if (match := _STALE.match(detail)) and action == "publish":
        return t("audit_stale", version=match.group(1))
    if (match := _USER_ADD.match(detail)) and action == "user_add":
        name, role, groups = match.groups()
        limited = t("groups_limited", groups=listed(groups.split(","))) if groups else t("all")
        return bracketed(name, clauses([t(f"role_{role}"), limited]))
    if (match := _USER_ROLE.match(detail)) and action == "user_role":
        name, old, new = match.groups()
        return labelled(name, f"{t(f'role_{old}')} → {t(f'role_{new}')}")
    if (match := _USER_GROUPS.match(detail)) and action == "user_groups":
        name, groups = match.groups()
        return labelled(name, listed(groups.split(",")) if groups else t("all"))
    if detail == "disabled" and action == "sign_in_failed":
        return t("audit_disabled")
    return detail
