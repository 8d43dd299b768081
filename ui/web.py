"""The app's own HTTP routes, served beside Streamlit's by ``st.App`` (see ``serve.py``).

Streamlit's script runs over a websocket and cannot set a cookie; ``st.context.cookies`` only reads them.
An HttpOnly cookie needs an HTTP response, so ``serve.py`` mounts these routes on Streamlit's own server
(``st.App(..., routes=...)``, Streamlit's ASGI entry point, started by ``streamlit run serve.py``):

- ``POST /account/session`` (JSON ``{"code": ...}``): swaps the one-time code made at sign-in for the
  session cookie (:mod:`workbench.sessions`), HttpOnly, SameSite=Lax, Secure behind HTTPS, lasting the
  session's maximum life;
- ``POST /account/signout``: ends the session the cookie names and clears the cookie;
- ``POST /account/browser``: gives the browser its preferences cookie (a random id naming the reviewer's
  name and queue filters, not a sign-in) when it has none.

Each refuses a request whose ``Origin`` is not this server (the page's own script is the only caller).
"""

from __future__ import annotations

import functools
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from workbench.sessions import BROWSER_COOKIE, SESSION_COOKIE, BrowserPrefs, Sessions
from workbench.store import Store

BROWSER_COOKIE_AGE = 400 * 24 * 3600  # the longest a browser keeps a cookie


@functools.cache
def _store() -> Store:
    return Store.open()


def _team() -> Any:
    from ui import team as team_ui

    return team_ui.config()


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    if origin is None:  # some browsers leave it out of same-origin requests: then the referer must match
        origin = request.headers.get("referer", "")
    host = request.headers.get("x-forwarded-host") or request.headers.get("host", "")
    return bool(host) and origin.split("://", 1)[-1].split("/", 1)[0] == host


def _secure(request: Request) -> bool:
    proto = request.headers.get("x-forwarded-proto", request.url.scheme)
    return proto.split(",")[0].strip() == "https"


def _path() -> str:
    from streamlit import config

    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}" if base else "/"


def _cookie(response: Response, request: Request, name: str, value: str, max_age: int) -> None:
    response.set_cookie(name, value, max_age=max_age, path=_path(), httponly=True, samesite="lax",
                        secure=_secure(request))


async def _json(request: Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


async def _session(request: Request) -> Response:
    cfg = _team()
    if cfg is None:
        return JSONResponse({"error": "team mode is off"}, status_code=404)
    code = (await _json(request)).get("code")
    sessions = Sessions(_store(), cfg.cookie_secret, cfg.session)
    from starlette.concurrency import run_in_threadpool

    value = await run_in_threadpool(sessions.exchange, code if isinstance(code, str) else "")
    if value is None:
        return JSONResponse({"error": "unknown, used or expired sign-in code"}, status_code=400)
    response = Response(status_code=204)
    _cookie(response, request, SESSION_COOKIE, value, int(cfg.session.absolute.total_seconds()))
    return response


async def _signout(request: Request) -> Response:
    cfg = _team()
    response = Response(status_code=204)
    if cfg is not None:
        from starlette.concurrency import run_in_threadpool

        sessions = Sessions(_store(), cfg.cookie_secret, cfg.session)
        await run_in_threadpool(sessions.end_by_cookie, request.cookies.get(SESSION_COOKIE))
    response.delete_cookie(SESSION_COOKIE, path=_path(), httponly=True, samesite="lax", secure=_secure(request))
    return response


async def _browser(request: Request) -> Response:
    """The browser's preferences id: the one the page's session chose (so what it keeps before the next
    reload is found after it), or a new one. It names preferences, never a sign-in."""
    response = Response(status_code=204)
    if not request.cookies.get(BROWSER_COOKIE):
        wanted = (await _json(request)).get("id")
        ok = isinstance(wanted, str) and 16 <= len(wanted) <= 64 and wanted.replace("-", "").replace("_", "").isalnum()
        _cookie(response, request, BROWSER_COOKIE, wanted if ok else BrowserPrefs.new_id(), BROWSER_COOKIE_AGE)
    return response


def _async(handler: Any) -> Any:
    async def endpoint(request: Request) -> Response:
        if not _same_origin(request):
            return JSONResponse({"error": "requests from another site are refused"}, status_code=403)
        return await handler(request)

    return endpoint


def routes() -> list[Route]:
    """The routes ``serve.py`` hands to ``st.App``."""
    return [
        Route("/account/session", _async(_session), methods=["POST"]),
        Route("/account/signout", _async(_signout), methods=["POST"]),
        Route("/account/browser", _async(_browser), methods=["POST"]),
    ]
