"""RSS and Atom feeds (feedparser): a feed URL or file expands into the articles it links to."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import feedparser

from claimledger.errors import InputRejected
from claimledger.records import IngestFailure, RawDocument

FEED_MARKERS = ("<rss", "<feed", "<rdf:rdf")


def looks_like_feed(text: str) -> bool:
    head = text[:1000].lstrip().lower()
    return any(m in head for m in FEED_MARKERS)


def expand_feed(origin: str, text: str, fetch: Callable[[str], RawDocument] | None,
                skip: Callable[[str], bool] = lambda link: False,
                ) -> Iterator[RawDocument | IngestFailure]:
    """Fetch every entry of a feed (unless `skip` says it is known); entry metadata fills what
    the page does not say."""
    parsed = feedparser.parse(text)
    if parsed.bozo and not parsed.entries:
        yield IngestFailure(origin, "bad-feed", f"not a readable RSS/Atom feed ({parsed.bozo_exception})")
        return
    if fetch is None:
        yield IngestFailure(origin, "url-unsupported", "feed entries need URL fetching")
        return
    outlet = parsed.feed.get("title")
    seen: set[str] = set()
    for entry in parsed.entries:
        link = entry.get("link")
        if not link or link in seen or skip(link):
            continue
        seen.add(link)
        try:
            doc = fetch(link)
        except InputRejected as exc:
            yield IngestFailure(exc.origin, exc.reason, exc.detail)
            continue
        yield RawDocument(origin=link, html=doc.html, text=doc.text, url=link,
                          title=entry.get("title"), published=_date(entry), outlet=outlet)


def _date(entry) -> str | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}" if stamp else None
