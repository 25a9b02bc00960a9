"""Errors as JSON problems for API clients and as HTML pages for browsers, same status codes."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from claimledger.errors import ClaimledgerError

log = logging.getLogger("claimledger.api")

CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
         405: "method_not_allowed", 413: "too_large", 415: "unsupported_media_type",
         422: "invalid_request", 500: "internal_error", 503: "ledger_unavailable"}


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path == "/openapi.json" or (
        "application/json" in request.headers.get("accept", "") and "text/html" not in
        request.headers.get("accept", ""))


def problem(status: int, message: str, details: list[dict[str, Any]] | None = None,
            headers: dict[str, str] | None = None) -> JSONResponse:
    body = {"error": CODES.get(status, "error"), "message": message, "status": status,
            "details": details or []}
    return JSONResponse(body, status_code=status, headers=headers)


def respond(request: Request, status: int, message: str, details: list[dict[str, Any]] | None = None,
            headers: dict[str, str] | None = None) -> Response:
    """A problem in the form the client reads: JSON for the API, an HTML page for the web UI."""
    if wants_json(request):
        return problem(status, message, details, headers)
    from claimledger.web.render import error_page

    return error_page(request, status, message, headers)


def _validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    return [{"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", "")),
             "type": str(e.get("type", ""))} for e in exc.errors()]


def _where(loc: list[str]) -> str:
    if not loc:
        return "request"
    kind, rest = loc[0], loc[1:]
    if kind in {"query", "path", "header", "cookie"} and rest:
        return f"{kind} parameter '{rest[0]}'"
    return "request body" + (" at " + "/".join(rest) if rest else "")


def install(app: FastAPI) -> None:
    """Register the handlers that turn every failure into a clear message and the right status."""

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else CODES.get(exc.status_code, "error")
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}; the API is listed at /openapi.json"
        elif exc.status_code == 400 and message == "There was an error parsing the body":
            message = "the request body is not valid UTF-8 JSON"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        return respond(request, exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        details = _validation_details(exc)
        first = details[0] if details else {"loc": [], "msg": "invalid request"}
        message = f"{_where(first['loc'])}: {first['msg']}"
        return respond(request, 422, message, details)

    @app.exception_handler(ClaimledgerError)
    async def unavailable(request: Request, exc: ClaimledgerError) -> Response:
        return respond(request, 503, str(exc))

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return respond(request, 500, "internal error; the server log has the details")
