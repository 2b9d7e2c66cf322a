"""Signing in for AppTest, which has no browser and so no cookie: the password is checked and a
session issued as the server's sign-in route does, and the session id the page reads from
``st.context.cookies`` is handed to it through ``pages.common.session.cookie_token``."""

from __future__ import annotations

import os
from pathlib import Path
from unittest import mock

from streamlit.testing.v1 import AppTest

from model.store.auth import Accounts

PASSWORD = "correct horse 1"


def present(token: str | None) -> None:
    """Every later run of any AppTest in this test presents ``token`` as its cookie."""
    import pages.common.session as session

    mock.patch.object(session, "cookie_token", lambda: token).start()


def sign_in(at: AppTest, name: str, password: str = PASSWORD, client: str = "127.0.0.1") -> AppTest:
    """Sign ``name`` in (audited, with the lock-out), then run the app as that user."""
    registry = Accounts(Path(os.environ["XUEXI_DATA_DIR"]))
    result = registry.sign_in(name, password, client=client)
    assert result.user is not None, f"{name} could not sign in"
    present(registry.sessions.issue(name, client))
    return at.run()
