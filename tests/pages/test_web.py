"""The server's sign-in routes and gate (pages/common/web.py), called as ASGI apps: the form
at a signed-out page's address, the cookie and its flags, ``next`` kept to this app's pages,
sign-out revoking the session, the lock-out per client, and demo mode left alone."""

from __future__ import annotations

import asyncio
import re
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest

from model.store.auth import FREE_ATTEMPTS, Accounts
from pages.common import web

PASSWORD = "correct horse 1"


def app_behind():
    """Streamlit stands behind the gate: here an app that only says it was reached."""

    async def streamlit(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"STREAMLIT"})

    from starlette.applications import Starlette
    from starlette.routing import Mount

    return Starlette(routes=[*web.routes(), Mount("/", app=streamlit)], middleware=web.middleware())


class Answer:
    def __init__(self, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        self.status, self.body = status, body.decode("utf-8")
        self.headers = [(k.decode(), v.decode("utf-8")) for k, v in headers]

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k == name), None)

    def cookies(self) -> dict[str, str]:
        """Set-Cookie lines by cookie name."""
        return {v.split("=", 1)[0]: v for k, v in self.headers if k == "set-cookie"}


def call(
    method: str,
    path: str,
    *,
    query: str = "",
    form: dict | None = None,
    cookies: dict | None = None,
    client: str = "10.0.0.5",
    origin: str | None = "http://xuexi.test",
    scheme: str = "http",
) -> Answer:
    headers = [(b"host", b"xuexi.test")]
    if origin and method == "POST":
        headers.append((b"origin", origin.encode()))
    if cookies:
        headers.append((b"cookie", "; ".join(f"{k}={v}" for k, v in cookies.items()).encode()))
    body = urlencode(form or {}).encode()
    if form is not None:
        headers.append((b"content-type", b"application/x-www-form-urlencoded"))
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": scheme,
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "headers": headers,
        "client": (client, 50000),
        "server": ("xuexi.test", 80),
        "root_path": "",
    }
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message):
        sent.append(message)

    asyncio.run(app_behind()(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    content = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return Answer(start["status"], start.get("headers", []), content)


def value_of(set_cookie: str) -> str:
    jar: SimpleCookie = SimpleCookie()
    jar.load(set_cookie)
    return next(iter(jar.values())).value


@pytest.fixture
def users(monkeypatch, tmp_path):
    monkeypatch.setenv("XUEXI_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("XUEXI_SECURE_COOKIE", raising=False)
    registry = Accounts(tmp_path)
    registry.add("管理员", PASSWORD, "admin", None)
    registry.add("王书记", PASSWORD, "viewer", ["青山镇党委"])
    return registry


def sign_in(name: str = "王书记", password: str = PASSWORD, next_url: str = "/", **kw) -> Answer:
    return call(
        "POST", "/_xuexi/login", form={"user": name, "password": password, "next": next_url}, **kw
    )


def test_demo_mode_is_left_alone(monkeypatch, tmp_path):
    monkeypatch.setenv("XUEXI_DATA_DIR", str(tmp_path))
    assert call("GET", "/risk", query="meeting=1").body == "STREAMLIT"


def test_a_signed_out_page_visit_gets_the_chinese_form_at_its_address(users):
    answer = call("GET", "/risk", query="meeting=1")
    assert answer.status == 200 and "STREAMLIT" not in answer.body
    assert 'action="/_xuexi/login"' in answer.body
    assert 'name="next" value="/risk?meeting=1"' in answer.body
    assert "用户名" in answer.body and "密码" in answer.body and "登录" in answer.body
    assert "Page not found" not in answer.body
    assert answer.header("cache-control") == "no-store"
    # Streamlit's own files and endpoints are not pages: they pass.
    for path in ("/_stcore/health", "/static/js/index.js", "/favicon.png", "/media/x.png"):
        assert call("GET", path).body == "STREAMLIT"


def test_sign_in_sets_a_server_side_session_cookie_and_goes_back(users):
    answer = sign_in(next_url="/risk?meeting=1")
    assert answer.status == 303
    assert answer.header("location") == "/risk?meeting=1"
    line = answer.cookies()[web.COOKIE]
    flags = line.lower()
    assert "httponly" in flags and "samesite=lax" in flags and "secure" not in flags
    assert "path=/" in flags and f"max-age={12 * 3600}" in flags
    token = value_of(line)
    assert len(token) >= 43
    assert users.sessions.resolve(token).session.user == "王书记"
    page = call("GET", "/risk", query="meeting=1", cookies={web.COOKIE: token})
    assert page.body == "STREAMLIT"
    assert users.audit(action="sign_in")[0]["client"] == "10.0.0.5"


def test_the_cookie_is_secure_over_https(users):
    line = sign_in(scheme="https").cookies()[web.COOKIE]
    assert "secure" in line.lower()


def test_next_stays_on_this_apps_pages(users):
    for evil in (
        "https://evil.example/risk",
        "//evil.example/risk",
        "/\\evil.example",
        "javascript:alert(1)",
        "/no-such-page",
        "/_stcore/health",
        "",
    ):
        assert sign_in(next_url=evil).header("location") == "/", evil
    assert sign_in(next_url="/members?x=1&y=2").header("location") == "/members?x=1&y=2"


def test_a_wrong_password_comes_back_to_the_form_at_the_same_address(users):
    answer = sign_in(password="wrong password", next_url="/risk?meeting=1")
    assert answer.status == 303 and answer.header("location") == "/risk?meeting=1"
    assert web.COOKIE not in answer.cookies()
    note = value_of(answer.cookies()[web.NOTE_COOKIE])
    form = call("GET", "/risk", query="meeting=1", cookies={web.NOTE_COOKIE: note})
    assert "用户名或密码不正确" in form.body
    assert 'value="王书记"' in form.body  # the name typed stays
    assert "max-age=0" in form.cookies()[web.NOTE_COOKIE].lower()  # said once


def test_lockout_is_per_client_and_says_so(users):
    for _ in range(FREE_ATTEMPTS):
        answer = sign_in("管理员", "wrong password", client="10.6.6.6")
    note = value_of(answer.cookies()[web.NOTE_COOKIE])
    assert "秒后再试" in call("GET", "/", cookies={web.NOTE_COOKIE: note}).body
    assert web.COOKIE not in sign_in("管理员", client="10.6.6.6").cookies()
    assert web.COOKIE in sign_in("管理员", client="10.0.0.7").cookies()  # another browser
    assert {r["client"] for r in users.audit(action="sign_in_failed")} == {"10.6.6.6"}


def test_sign_out_revokes_the_session_on_the_server(users):
    token = value_of(sign_in().cookies()[web.COOKIE])
    answer = call("POST", "/_xuexi/logout", form={}, cookies={web.COOKIE: token})
    assert answer.status == 303 and answer.header("location") == "/"
    assert "max-age=0" in answer.cookies()[web.COOKIE].lower()
    replayed = call("GET", "/members", cookies={web.COOKIE: token})
    assert "STREAMLIT" not in replayed.body and 'action="/_xuexi/login"' in replayed.body
    assert users.audit(action="sign_out")[0]["user"] == "王书记"


def test_a_removed_or_disabled_user_is_signed_out_at_the_next_visit(users):
    token = value_of(sign_in().cookies()[web.COOKIE])
    users.set_disabled("王书记", True, by="管理员")
    assert "STREAMLIT" not in call("GET", "/", cookies={web.COOKIE: token}).body
    users.set_disabled("王书记", False, by="管理员")
    answer = sign_in()
    assert (
        "STREAMLIT"
        in call("GET", "/", cookies={web.COOKIE: value_of(answer.cookies()[web.COOKIE])}).body
    )


def test_a_disabled_account_is_told_so_after_the_right_password(users):
    users.set_disabled("王书记", True, by="管理员")
    note = value_of(sign_in().cookies()[web.NOTE_COOKIE])
    assert "已停用" in call("GET", "/", cookies={web.NOTE_COOKIE: note}).body


def test_posts_from_another_site_are_refused(users):
    answer = sign_in(origin="https://evil.example")
    assert answer.status == 403 and web.COOKIE not in answer.cookies()
    token = value_of(sign_in().cookies()[web.COOKIE])
    call(
        "POST",
        "/_xuexi/logout",
        form={},
        cookies={web.COOKIE: token},
        origin="https://evil.example",
    )
    assert users.sessions.resolve(token).session is not None


def test_an_expired_session_says_why(users, monkeypatch):
    import datetime as dt

    token = users.sessions.issue("王书记", now=dt.datetime.now(dt.UTC) - dt.timedelta(hours=3))
    answer = call("GET", "/", cookies={web.COOKIE: token})
    assert "长时间未操作" in answer.body
    assert "max-age=0" in answer.cookies()[web.COOKIE].lower()


def test_page_addresses():
    assert web.page_of("/", "") == "" and web.page_of("/risk", "") == "risk"
    assert web.page_of("/static/x.js", "") is None and web.page_of("/a.png", "") is None
    assert web.page_of("/_stcore", "") is None
    assert web.page_of("/xuexi/risk", "/xuexi") == "risk" and web.page_of("/xuexi", "/xuexi") == ""
    assert web.page_of("/risk", "/xuexi") is None
    assert web.safe_next("/risk?meeting=1", "/xuexi") == "/xuexi/"
    assert web.safe_next("/xuexi/risk?meeting=1", "/xuexi") == "/xuexi/risk?meeting=1"


def test_the_form_fetches_streamlits_files_ahead(users):
    """While the user types, the browser fetches the files the app needs first (cached for a
    year, all hashed): Streamlit's entry and the chunks of the elements the overview draws."""
    from pathlib import Path

    from streamlit import file_util

    body = call("GET", "/").body
    static = Path(file_util.get_static_dir())
    preloaded = re.findall(r'<link rel="(?:modulepreload|preload)"[^>]*href="/([^"]+)"', body)
    assert any(p.startswith("static/js/index.") for p in preloaded)
    assert any(p.startswith("static/js/Metric.") for p in preloaded)
    assert any(p.startswith("static/js/DataFrame.") for p in preloaded)
    assert any(p.startswith("static/media/MaterialSymbols") for p in preloaded)
    assert all((static / p).is_file() for p in preloaded)
    assert "<script" not in body  # fetched, never run here
