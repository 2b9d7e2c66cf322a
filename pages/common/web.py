"""Sign-in on the server, before Streamlit: the routes that set and clear the session cookie,
and the gate that answers a signed-out visit to any page with the sign-in form.

Streamlit's script runs over a WebSocket and cannot set a cookie; its Starlette app (``st.App``,
see ``app.py``) takes custom routes and middleware, which can:

- ``POST /_xuexi/login`` (form fields ``user``, ``password``, ``next``) checks the password with
  the lock-out per user and client, issues a server-side session and answers ``303`` to ``next``
  (a page of this app, its query kept) with the cookie: ``HttpOnly``, ``SameSite=Lax``,
  ``Secure`` when the request came over HTTPS. A refusal answers ``303`` to the same page with a
  short-lived note of why, so the address stays the page's and a reload never re-posts.
- ``POST /_xuexi/logout`` ends the session on the server and clears the cookie.
- The gate: with users configured, a ``GET`` of a page address whose cookie names no live
  session gets the Chinese sign-in form, at that very address, instead of the app.

Inside the app every run resolves the cookie again (``pages.common.session``). Pure HTTP, no
JavaScript: the password never crosses the WebSocket and no script writes a cookie.
"""

from __future__ import annotations

import functools
import html
import os
import re
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

from model.store.auth import Accounts
from model.store.sessions import SESSION_ABSOLUTE_HOURS
from model.store.versions import default_data_dir
from pages.common.labels import label
from pages.common.navigation import URL_PATHS

COOKIE = "xuexi_session"
NOTE_COOKIE = "xuexi_signin"  # why the last sign-in was refused, for the form shown next
ROUTE_PREFIX = "/_xuexi"
MAX_FORM_BYTES = 16 * 1024
_SLUG = re.compile(r"^/([A-Za-z0-9][A-Za-z0-9_-]*)?$")


def data_dir() -> Path:
    return default_data_dir(os.environ.get("XUEXI_DATA_DIR"))


def base_path() -> str:
    """Streamlit's ``server.baseUrlPath`` as a prefix: "" or "/something"."""
    from streamlit import config

    base = str(config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}" if base else ""


def page_of(path: str, base: str) -> str | None:
    """The page a request path asks for ("" for the root), None if it is not a page address."""
    if base:
        if path == base:
            path = "/"
        elif path.startswith(base + "/"):
            path = path[len(base) :]
        else:
            return None
    match = _SLUG.match(path)
    return match.group(1) or "" if match else None


def safe_next(value: str | None, base: str) -> str:
    """Where to go after signing in: a page of this app with its query, else the app's root.

    Only a path of this origin that names a known page is taken; anything else (another host,
    ``//host``, a backslash trick, an unknown page) lands on the root.
    """
    root = f"{base}/"
    if not value or "\\" in value or not value.startswith("/") or value.startswith("//"):
        return root
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return root
    page = page_of(parts.path, base)
    if page is None or page not in URL_PATHS:
        return root
    query = urlencode(parse_qsl(parts.query, keep_blank_values=True))
    return f"{base}/{page}" + (f"?{query}" if query else "")


def is_https(scope: dict) -> bool:
    """Over HTTPS: the scheme the server saw (uvicorn takes X-Forwarded-Proto from a proxy on
    this host), or forced with ``XUEXI_SECURE_COOKIE=1``."""
    return scope.get("scheme") in ("https", "wss") or os.environ.get("XUEXI_SECURE_COOKIE") == "1"


def client_of(scope: dict) -> str:
    """The client's address as the server sees it (behind nginx on this host: X-Forwarded-For)."""
    client = scope.get("client")
    return str(client[0]) if client else ""


def cookies_of(scope: dict) -> dict[str, str]:
    from http.cookies import SimpleCookie

    jar: SimpleCookie = SimpleCookie()
    for key, value in scope.get("headers", []):
        if key == b"cookie":
            try:
                jar.load(value.decode("latin-1"))
            except Exception:  # a malformed cookie header: treat as no cookies
                continue
    return {key: morsel.value for key, morsel in jar.items()}


def header_of(scope: dict, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None


def same_origin(scope: dict) -> bool:
    """A form post from this site: its Origin (when the browser sends one) names this host.
    Host names only, not ports: a proxy's ``Host $host`` drops the port the browser used."""
    origin = header_of(scope, b"origin")
    if origin is None:
        return header_of(scope, b"sec-fetch-site") in (None, "same-origin", "none")
    host = urlsplit("//" + (header_of(scope, b"host") or "")).hostname
    return host is not None and urlsplit(origin).hostname == host


def cookie_header(
    name: str, value: str, *, max_age: int, path: str, secure: bool, http_only: bool = True
) -> tuple[bytes, bytes]:
    parts = [f"{name}={value}", f"Max-Age={max_age}", f"Path={path}", "SameSite=Lax"]
    if http_only:
        parts.append("HttpOnly")
    if secure:
        parts.append("Secure")
    return b"set-cookie", "; ".join(parts).encode("latin-1")


# The sign-in form -------------------------------------------------------------------------------
FORM_CSS = """
.xuexi-signin { max-width: 22rem; font-family: "Source Sans Pro", "Noto Sans CJK SC",
  "Microsoft YaHei", sans-serif; color: #31333f; }
.xuexi-signin label { display: block; margin: 0.9rem 0 0.3rem; font-size: 0.9rem; }
.xuexi-signin input[type=text], .xuexi-signin input[type=password] { box-sizing: border-box;
  width: 100%; padding: 0.55rem 0.7rem; font-size: 1rem; border: 1px solid #d0d3da;
  border-radius: 0.5rem; background: #f0f2f6; }
.xuexi-signin button { margin-top: 1.2rem; padding: 0.5rem 1.4rem; font-size: 1rem;
  color: #fff; background: #c00000; border: 0; border-radius: 0.5rem; cursor: pointer; }
.xuexi-signin .note { margin: 0.8rem 0 0; padding: 0.7rem 0.9rem; border-radius: 0.5rem;
  background: #ffe8e6; color: #7d0000; }
.xuexi-signin .note.info { background: #e8f0fe; color: #0b3d91; }
.xuexi-signin .intro { color: #6b6f7b; font-size: 0.95rem; }
"""


def form_html(next_url: str, *, base: str, note: str = "", info: str = "", name: str = "") -> str:
    """The sign-in form posting to the login route; every text from the label catalogue."""
    text = lambda key, **values: html.escape(label(key, "zh", **values))  # noqa: E731
    notes = ""
    if info:
        notes += f'<p class="note info" role="status">{html.escape(info)}</p>'
    if note:
        notes += f'<p class="note" role="alert">{html.escape(note)}</p>'
    return (
        f'<form class="xuexi-signin" method="post" action="{base}{ROUTE_PREFIX}/login">'
        f'<p class="intro">{text("login_intro")}</p>{notes}'
        f'<label for="xuexi-user">{text("username")}</label>'
        f'<input id="xuexi-user" name="user" type="text" autocomplete="username" required '
        f'value="{html.escape(name)}"{"" if name else " autofocus"}>'
        f'<label for="xuexi-password">{text("password")}</label>'
        f'<input id="xuexi-password" name="password" type="password" '
        f'autocomplete="current-password" required{" autofocus" if name else ""}>'
        f'<input type="hidden" name="next" value="{html.escape(next_url)}">'
        f'<button type="submit">{text("sign_in")}</button></form>'
    )


_ASSET = re.compile(
    r'<(?:link rel="modulepreload"[^>]*href|script type="module"[^>]*src)="\./(static/js/[^"]+)"'
    r'|<link rel="stylesheet"[^>]*href="\./(static/css/[^"]+)"'
)
_STATIC_IMPORT = re.compile(r'(?:from|import)\s*"\./([^"/]+\.js)"')
# The element kinds the first pages draw, by the name of Streamlit's chunk for each: the browser
# would fetch them one after another as each first appears; fetched ahead, they come from cache.
ELEMENTS = (
    "Html", "Selectbox", "DateInput", "Radio", "Checkbox", "Metric", "DataFrame",
    "ArrowVegaLiteChart", "PageLink", "Multiselect", "TextInput", "DownloadButton",
)  # fmt: skip


@functools.cache
def _app_assets() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The scripts and style sheets Streamlit's page loads first (from its index.html) and
    those of the elements the first pages draw, with their static imports: all hashed and
    cached by the browser for a year. The sign-in page fetches them while the user types, so
    the app draws sooner after signing in. Nothing of them runs on the sign-in page."""
    from streamlit import file_util

    static = Path(file_util.get_static_dir())
    try:
        index = (static / "index.html").read_text(encoding="utf-8")
    except OSError:
        return (), ()
    found = _ASSET.findall(index)
    scripts = [js for js, _ in found if js]
    sheets = [css for _, css in found if css]
    chunks = static / "static" / "js"
    wanted = [p.name for p in sorted(chunks.glob("*.js")) if p.name.split(".")[0] in ELEMENTS]
    seen = {Path(js).name for js in scripts}
    while wanted:
        name = wanted.pop()
        if name in seen or not (chunks / name).is_file():
            continue
        seen.add(name)
        scripts.append(f"static/js/{name}")
        wanted += _STATIC_IMPORT.findall((chunks / name).read_text(errors="replace"))
    sheets += [
        f"static/css/{p.name}"
        for p in sorted((static / "static" / "css").glob("*.css"))
        if p.name.split(".")[0] in ELEMENTS
    ]
    return tuple(scripts), tuple(sheets)


FONTS = ("SourceSansVF-Upright", "MaterialSymbols-Rounded")  # the text's and the icons'


@functools.cache
def _fonts() -> tuple[str, ...]:
    from streamlit import file_util

    media = Path(file_util.get_static_dir()) / "static" / "media"
    return tuple(
        f"static/media/{p.name}"
        for p in sorted(media.glob("*.woff2"))
        if p.name.split(".")[0] in FONTS
    )


def _preloads(base: str) -> str:
    scripts, sheets = _app_assets()
    links = [f'<link rel="modulepreload" crossorigin href="{base}/{js}">' for js in scripts]
    links += [f'<link rel="preload" as="style" crossorigin href="{base}/{css}">' for css in sheets]
    links += [
        f'<link rel="preload" as="font" type="font/woff2" crossorigin href="{base}/{font}">'
        for font in _fonts()
    ]
    return "".join(links)


def page_html(next_url: str, *, base: str, note: str = "", info: str = "", name: str = "") -> str:
    title = html.escape(f"{label('page_login', 'zh')} · {label('app_title', 'zh')}")
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title>{_preloads(base)}<style>"
        'body { margin: 0; background: #fff; font-family: "Source Sans Pro", '
        '"Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }'
        "main { max-width: 46rem; margin: 0 auto; padding: 4rem 1.5rem; }"
        "h1 { font-size: 2.2rem; font-weight: 700; margin: 0 0 0.3rem; color: #31333f; }"
        ".app { color: #6b6f7b; margin: 0 0 1.2rem; }"
        f"{FORM_CSS}</style></head><body><main>"
        f"<h1>{html.escape(label('page_login', 'zh'))}</h1>"
        f'<p class="app">{html.escape(label("app_title", "zh"))}</p>'
        f"{form_html(next_url, base=base, note=note, info=info, name=name)}"
        "</main></body></html>"
    )


def _note_value(code: str, name: str, seconds: int = 0) -> str:
    return quote(urlencode({"code": code, "name": name[:64], "seconds": str(seconds)}), safe="")


def _note_text(value: str | None) -> tuple[str, str, str]:
    """(error, info, name) for the form from the note cookie of the last refused sign-in."""
    if not value:
        return "", "", ""
    fields = dict(parse_qsl(unquote(value)))
    code, name = fields.get("code", ""), fields.get("name", "")
    if code == "locked":
        seconds = fields.get("seconds", "")
        return label("locked", "zh", seconds=int(seconds) if seconds.isdigit() else 0), "", name
    if code == "disabled":
        return label("account_disabled", "zh"), "", name
    if code == "wrong":
        return label("wrong_password", "zh"), "", name
    if code == "signed_out":
        return "", label("signed_out", "zh"), ""
    return "", "", ""


# ASGI ------------------------------------------------------------------------------------------
async def _send_html(send, status: int, body: str, headers: list[tuple[bytes, bytes]]) -> None:
    data = body.encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/html; charset=utf-8"),
                (b"content-length", str(len(data)).encode()),
                (b"cache-control", b"no-store"),
                (b"x-frame-options", b"DENY"),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": data})


async def _read_form(receive) -> dict[str, str] | None:
    body, more = b"", True
    while more:
        message = await receive()
        body += message.get("body", b"")
        more = message.get("more_body", False)
        if len(body) > MAX_FORM_BYTES:
            return None
    return dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))


def _session_state(token: str | None) -> str:
    """ "in" for a live session of an enabled user, else why not ("none", "expired", …)."""
    registry = Accounts(data_dir())
    resolved = registry.sessions.resolve(token)
    if resolved.session is None:
        return resolved.reason
    user = registry.get(resolved.session.user)
    return "in" if user is not None and not user.disabled else "gone"


class SignInGate:
    """ASGI middleware: a signed-out ``GET`` of a page address gets the sign-in form there."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope.get("method") not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        from anyio import to_thread

        base, path = base_path(), scope.get("path", "")
        page = page_of(path, base)
        if page is None or not await to_thread.run_sync(_sign_in_on):
            await self.app(scope, receive, send)
            return
        cookies = cookies_of(scope)
        state = await to_thread.run_sync(_session_state, cookies.get(COOKIE))
        if state == "in":
            await self.app(scope, receive, send)
            return
        query = scope.get("query_string", b"").decode("latin-1")
        wanted = safe_next(f"{path}?{query}" if query else path, base)
        note, info, name = _note_text(cookies.get(NOTE_COOKIE))
        if state == "expired" and not (note or info):
            info = label("session_expired", "zh")
        headers, secure = [], is_https(scope)
        for stale in (NOTE_COOKIE, COOKIE):
            if stale in cookies:
                headers.append(cookie_header(stale, "", max_age=0, path=f"{base}/", secure=secure))
        body = page_html(wanted, base=base, note=note, info=info, name=name)
        await _send_html(send, 200, body, headers)


async def login(request):
    """``POST /_xuexi/login``: check the password, issue the session, back to ``next``."""
    from anyio import to_thread

    base = base_path()
    form = await _read_form(request.receive)
    if form is None or not same_origin(request.scope):
        return _refused(base)
    wanted = safe_next(form.get("next"), base)
    name, password = form.get("user", "").strip(), form.get("password", "")
    client = client_of(request.scope)
    token, code, seconds = await to_thread.run_sync(_sign_in, name, password, client)
    response = _see_other(wanted)
    cookie = _cookie_setter(response, request.scope, base)
    if token:
        cookie(COOKIE, token, SESSION_ABSOLUTE_HOURS * 3600)
        cookie(NOTE_COOKIE, "", 0)
    else:
        cookie(NOTE_COOKIE, _note_value(code, name, seconds), 60)
    return response


async def logout(request):
    """``POST /_xuexi/logout``: end the session on the server, clear the cookie."""
    from anyio import to_thread

    base = base_path()
    await _read_form(request.receive)
    if not same_origin(request.scope):
        return _refused(base)
    token = cookies_of(request.scope).get(COOKIE)
    await to_thread.run_sync(_sign_out, token, client_of(request.scope))
    response = _see_other(f"{base}/")
    cookie = _cookie_setter(response, request.scope, base)
    cookie(COOKIE, "", 0)
    cookie(NOTE_COOKIE, _note_value("signed_out", ""), 60)
    return response


async def elsewhere(request):
    """Anything else under ``/_xuexi/`` (a bookmarked form address): the app's root."""
    return _see_other(f"{base_path()}/")


def _see_other(location: str):
    from starlette.responses import Response

    return Response(status_code=303, headers={"location": location, "cache-control": "no-store"})


def _refused(base: str):
    from starlette.responses import HTMLResponse

    note = label("signin_refused", "zh")
    return HTMLResponse(page_html(f"{base}/", base=base, note=note), status_code=403)


def _cookie_setter(response, scope: dict, base: str):
    secure = is_https(scope)

    def set_cookie(name: str, value: str, max_age: int) -> None:
        response.set_cookie(
            name,
            value,
            max_age=max_age,
            path=f"{base}/",
            httponly=True,
            samesite="lax",
            secure=secure,
        )

    return set_cookie


def routes() -> list:
    """The sign-in routes for ``st.App`` (below ``server.baseUrlPath`` when one is set)."""
    from starlette.routing import Route

    prefix = f"{base_path()}{ROUTE_PREFIX}"
    return [
        Route(f"{prefix}/login", login, methods=["POST"]),
        Route(f"{prefix}/logout", logout, methods=["POST"]),
        Route(prefix + "/{rest:path}", elsewhere, methods=["GET", "HEAD"]),
    ]


def middleware() -> list:
    from starlette.middleware import Middleware

    return [Middleware(SignInGate)]


def _sign_in_on() -> bool:
    return Accounts(data_dir()).enabled()


def _sign_in(name: str, password: str, client: str) -> tuple[str | None, str, int]:
    """(session id, "", 0) when the password is right; else (None, why, seconds to wait)."""
    registry = Accounts(data_dir())
    if not name or not password:
        return None, "wrong", 0
    result = registry.sign_in(name, password, client=client)
    if result.user is not None:
        return registry.sessions.issue(result.user.name, client), "", 0
    if result.disabled:
        return None, "disabled", 0
    if result.locked_seconds:
        return None, "locked", result.locked_seconds
    return None, "wrong", 0


def _sign_out(token: str | None, client: str) -> None:
    registry = Accounts(data_dir())
    user = registry.sessions.revoke(token)
    if user is not None:
        registry.log(user, "sign_out", True, "", client)
