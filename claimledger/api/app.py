"""The one app factory: REST API, OpenAPI schema and web UI over one ledger file.

`claimledger serve` and the tests build the server with `create_app`, so what is tested is what
runs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from importlib.resources import files
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from claimledger import __version__
from claimledger.api import errors, routes
from claimledger.api.errors import respond, wants_json
from claimledger.api.ledger import Ledger
from claimledger.api.security import (
    COOKIE,
    PUBLIC_PATHS,
    SECURITY_HEADERS,
    bearer,
    host_is_local,
    session_value,
    token_matches,
)
from claimledger.settings import Settings

MAX_BODY_BYTES = 64_000_000
Handler = Callable[[Request], Awaitable[Response]]


def create_app(store_path: str | Path, token: str | None = None, *,
               settings: Settings | None = None) -> FastAPI:
    """The server for one ledger. Without a token it answers loopback host names only; with one,
    every request must present it (API: bearer header; browser: cookie from /login). `settings`
    apply to POST /api/ingest."""
    from claimledger.web.pages import router as web_router

    app = FastAPI(
        title="claimledger", version=__version__, openapi_url="/openapi.json", docs_url=None,
        redoc_url=None,
        description="Who said what, according to whom, with which figures: a ledger of claims in "
                    "news coverage. Errors are JSON problems with `error`, `message`, `status`.",
    )
    app.state.ledger = Ledger(store_path)
    app.state.token = token
    app.state.settings = settings or Settings()
    errors.install(app)
    app.include_router(routes.router)
    app.include_router(web_router)
    static = files("claimledger.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.middleware("http")
    async def guard(request: Request, call_next: Handler) -> Response:
        response = _refuse(request, token) or await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    return app


def _refuse(request: Request, token: str | None) -> Response | None:
    """A response that stops the request (wrong host, no token, body too big), or None."""
    if token is None and not host_is_local(request.headers.get("host", "")):
        return respond(request, 400, "this server answers only to localhost or 127.0.0.1; start "
                                     "`claimledger serve` with --token to serve other names")
    if token is not None and not _authorised(request, token):
        if request.method == "GET" and not wants_json(request):
            target = quote(request.url.path + (f"?{request.url.query}" if request.url.query else ""))
            return RedirectResponse(f"/login?next={target}", status_code=303)
        return respond(request, 401, "send the server's token as 'Authorization: Bearer TOKEN'",
                       headers={"WWW-Authenticate": "Bearer"})
    length = request.headers.get("content-length", "")
    if length.isascii() and length.isdigit() and int(length) > MAX_BODY_BYTES:
        return respond(request, 413, f"request body exceeds {MAX_BODY_BYTES // 1_000_000} MB; "
                                     "send fewer documents per request")
    return None


def _authorised(request: Request, token: str) -> bool:
    if request.url.path.startswith(PUBLIC_PATHS):
        return True
    if token_matches(bearer(request.headers.get("authorization")), token):
        return True
    # the browser cookie reads pages only: writes need the header, so no cross-site form can post
    return request.method in {"GET", "HEAD"} and token_matches(request.cookies.get(COOKIE),
                                                               session_value(token))
