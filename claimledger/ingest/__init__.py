"""Ingest stage: inputs -> Article records (clean text, metadata, fingerprints)."""

from __future__ import annotations

from claimledger.errors import InputRejected
from claimledger.ingest.dedup import content_id
from claimledger.ingest.html import extract_page
from claimledger.ingest.langid import detect
from claimledger.ingest.sources import iter_inputs, record_to_raw
from claimledger.ingest.wire import wire_credits
from claimledger.records import Article, RawDocument

__all__ = ["iter_inputs", "record_to_raw", "to_article"]


def to_article(raw: RawDocument) -> Article:
    """Clean text and metadata for one raw document; raises InputRejected when unusable."""
    author = None
    title, published, outlet, url = raw.title, raw.published, raw.outlet, raw.url
    if raw.html is not None:
        page = extract_page(raw.html, raw.origin, raw.url)
        text, author = page.text, page.author
        title = title or page.title
        published = published or page.published
        outlet = outlet or page.outlet
        url = url or page.url
    else:
        text = (raw.text or "").strip()
    # NUL is never text (and PostgreSQL cannot store it): drop it before offsets are taken.
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    title = title.replace("\x00", "") if title else title
    if len(text.split()) < 5:
        raise InputRejected(raw.origin, "no-text", "fewer than five words of text")
    lang = (raw.lang or detect(text)).lower()
    return Article(
        id=content_id(text), origin=raw.origin, text=text, title=title, lang=lang, url=url,
        published=published, outlet=outlet, author=author,
        wire=wire_credits(text, author), external_id=raw.doc_id,
    )
