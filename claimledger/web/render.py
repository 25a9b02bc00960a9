"""Jinja2 rendering with autoescape on, and the small filters the templates share."""

from __future__ import annotations

from functools import cache
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined

from claimledger.web.chart import legend_marker, number

KIND_LABELS = {"direct": "direct quote", "indirect": "indirect speech", "reported": "reported",
               "according_to": "according to", "free_indirect": "free indirect"}
LANGUAGES = {"de": "German", "en": "English", "fr": "French", "es": "Spanish", "it": "Italian",
             "nl": "Dutch", "pl": "Polish", "pt": "Portuguese"}
NAV = (("/", "Overview"), ("/claims", "Claims"), ("/stories", "Stories"), ("/entities", "Entities"),
       ("/disagreements", "Disagreements"))


def web_link(url: str | None) -> str | None:
    """Only http(s) links leave the page: a stored `javascript:` URL renders as plain text."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in {"http", "https"} else None


def band(q: dict[str, Any]) -> str:
    """A figure's normalised band: '≥ 10,001', '8,000–9,500', '= 150'."""
    low, high = q.get("low"), q.get("high")
    if low is not None and high is not None:
        return f"= {number(low)}" if low == high else f"{number(low)}–{number(high)}"
    if low is not None:
        return f"≥ {number(low)}"
    return f"≤ {number(high)}" if high is not None else "?"


def language(code: str) -> str:
    """'de' -> 'German (de)'; unknown codes as they are."""
    return f"{LANGUAGES[code]} ({code})" if code in LANGUAGES else code


def day(published: str | None) -> str:
    return (published or "")[:10]


def query(params: dict[str, Any], **changes: Any) -> str:
    """The current query string with some parameters changed (None drops one)."""
    merged = {**params, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "")})


@cache
def environment() -> Environment:
    env = Environment(loader=PackageLoader("claimledger.web", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(web_link=web_link, band=band, day=day, number=number,
                       kind=lambda k: KIND_LABELS.get(k, k), language=language)
    env.globals.update(nav=NAV, query=query, legend_marker=legend_marker)
    return env


def page(request: Request, template: str, status: int = 200, headers: dict[str, str] | None = None,
         **context: Any) -> HTMLResponse:
    html = environment().get_template(template).render(
        path=request.url.path, logged_in=request.app.state.token is not None, **context)
    return HTMLResponse(html, status_code=status, headers=headers)


def error_page(request: Request, status: int, message: str,
               headers: dict[str, str] | None = None) -> HTMLResponse:
    return page(request, "error.html", status=status, headers=headers, status_code=status,
                message=message, title=f"Error {status}")
