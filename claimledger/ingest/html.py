"""Main text and metadata from an HTML page, with trafilatura (boilerplate removed)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import trafilatura

from claimledger.errors import InputRejected


@dataclass(frozen=True, slots=True)
class PageContent:
    text: str
    title: str | None
    author: str | None
    published: str | None
    outlet: str | None
    url: str | None
    lang: str | None


def _date_params() -> dict:
    """Prefer the publication date; accept dates up to two days ahead (time zones, embargoes)."""
    ahead = (date.today() + timedelta(days=2)).isoformat()
    return {"extensive_search": False, "original_date": True, "max_date": ahead}  # extensive: 30x slower


# trafilatura's fast path (no fallback extractors) halves the time per page; pages where it finds
# less than this much text get the full extraction, so unusual layouts lose nothing.
FAST_ENOUGH_CHARS = 400


def _bare(html: str, url: str | None, fast: bool) -> dict | None:
    """trafilatura's text and metadata as a dict, or None when it finds no article."""
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True, fast=fast, date_extraction_params=_date_params(),
    )
    if doc is None:
        return None
    return doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)


def extract_page(html: str, origin: str, url: str | None = None) -> PageContent:
    """Article body and metadata; a page without article text is rejected."""
    try:
        d = _bare(html, url, fast=True)
        if d is None or len((d.get("text") or "").strip()) < FAST_ENOUGH_CHARS:
            d = _bare(html, url, fast=False)  # unusual page: let the fallback extractors try
    except Exception as exc:  # trafilatura raises lxml/parser errors of many kinds
        raise InputRejected(origin, "unparseable-html", f"{type(exc).__name__}: {exc}") from exc
    if d is None:
        raise InputRejected(origin, "no-text", "no article text found in this HTML page")
    text = (d.get("text") or "").strip()
    title = d.get("title")
    if title and text.startswith(title):
        text = text[len(title) :].lstrip()  # trafilatura repeats the headline as first line
    if len(text) < 40:
        raise InputRejected(origin, "no-text", "no article text found in this HTML page")
    return PageContent(
        text=text, title=title, author=d.get("author"), published=d.get("date"),
        outlet=d.get("sitename") or d.get("hostname"), url=d.get("url") or url,
        lang=d.get("language"),
    )
