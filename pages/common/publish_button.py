"""The 发布 button of the pages that publish an upload (数据上传, a group clerk's upload): the
one publish flow of model/store/publish_flow.py, with the stale question it owns.

When another version landed since the upload was checked, the attempt ends STALE: the audit
log says so, the page asks (the warning stays above the button for that same upload), and the
button turns into 确认仍然发布, which publishes over it. The caller says what a published,
unchanged or rejected attempt means on its page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import streamlit as st

from model.store.publish_flow import Attempt, Ending, attempt
from model.store.versions import Version
from model.store.workbook_diff import WorkbookDiff
from pages.common.context import t
from pages.common.prebuild import prebuild_in_background
from pages.common.session import accounts, require

Landed = TypeVar("Landed")


@dataclass(frozen=True)
class PublishButton:
    key: str  # the button's widget key
    stale_key: str  # session_state: (digest, landed, base) of the upload asked about
    stale_text: str  # the label asking, filled with {current} and {expected}
    done_key: str  # session_state: the version just published, for the page's success line
    count_key: str  # session_state: publishes so far; a new uploader key empties the uploader
    drop_keys: tuple[str, ...]  # session_state the page keeps for the upload being checked


def publish_button(
    spec: PublishButton,
    digest: str,
    publish: Callable[[str, bool], tuple[Version, Landed]],
) -> Attempt[Landed] | None:
    """Draw the button; on a click publish as the signed-in user (``publish(user, confirm)``)
    and return how it ended. A stale ending asks and reruns, so it is never returned; the
    caller logs a published one (with what it changed) and says the other endings."""
    asked = st.session_state.get(spec.stale_key)
    confirmed = asked is not None and asked[0] == digest
    if asked is not None and confirmed:
        _, landed, base = asked
        st.warning(t(spec.stale_text, current=landed or "-", expected=base or "-"))
    label = t("confirm_publish") if confirmed else t("publish")
    if not st.button(label, type="primary", key=spec.key):
        return None
    user = require("publish")  # again at the moment of acting
    ended = attempt(lambda confirm: publish(user.name, confirm), confirm_stale=confirmed)
    if ended.ending is Ending.STALE:
        accounts().log(user.name, "publish", False, f"stale: v{ended.current}")
        st.session_state[spec.stale_key] = (digest, ended.current, ended.base)
        st.rerun()
    if ended.published:
        st.session_state.pop(spec.stale_key, None)
    return ended


def finish(spec: PublishButton, version: Version, what: str, diff: WorkbookDiff | None) -> None:
    """After a publish: forget the checked upload, log what it changed (issue #24), say so on
    the next run and empty the uploader."""
    for key in spec.drop_keys:
        st.session_state.pop(key, None)
    detail = f"v{version.version} {what}"
    if diff is not None:
        detail += f" {diff.audit_detail()}"
    accounts().log(require("publish").name, "publish", True, detail)
    st.session_state[spec.done_key] = version.version
    st.session_state[spec.count_key] = st.session_state.get(spec.count_key, 0) + 1
    prebuild_in_background()  # the new version's report, 成效 and 待办, before anyone asks
    st.rerun()
