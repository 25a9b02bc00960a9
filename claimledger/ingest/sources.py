"""Input discovery: files, folders, JSONL and URLs -> RawDocument or IngestFailure, streaming.

Nothing here raises for a bad item: each becomes an IngestFailure so a batch never stops.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from claimledger.errors import InputRejected
from claimledger.ingest.decode import decode
from claimledger.ingest.feeds import expand_feed, looks_like_feed
from claimledger.ingest.warc import is_warc, read_warc
from claimledger.records import IngestFailure, RawDocument

HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
TEXT_EXT = {".txt", ".text", ".md"}
JSONL_EXT = {".jsonl", ".ndjson"}
SKIP_NAMES = {"manifest.json", "readme.md"}


def iter_inputs(
    targets: list[str], max_bytes: int, fetch_url=None
) -> Iterator[RawDocument | IngestFailure]:
    """Every document in the given paths and URLs, in a stable order."""
    for target in targets:
        if target.startswith(("http://", "https://")):
            if fetch_url is None:
                yield IngestFailure(target, "url-unsupported", "URL fetching is not configured")
            else:
                yield from _guard(target, lambda t=target: _url(t, fetch_url))
            continue
        path = Path(target)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                if file.name.lower() in SKIP_NAMES or file.name.startswith("."):
                    continue
                yield from _guard(str(file), lambda f=file: read_file(f, max_bytes, fetch_url))
        elif path.is_file():
            yield from _guard(str(path), lambda p=path: read_file(p, max_bytes, fetch_url))
        else:
            yield IngestFailure(target, "not-found", "no such file, folder or URL; check the path")


def _url(url: str, fetch_url) -> Iterator[RawDocument | IngestFailure]:
    """A page, or a feed that expands into the pages it links to."""
    doc = fetch_url(url)
    body = doc.html or doc.text or ""
    if looks_like_feed(body):
        yield from expand_feed(url, body, fetch_url)
    else:
        yield doc


def _guard(origin: str, produce) -> Iterator[RawDocument | IngestFailure]:
    try:
        yield from produce()
    except InputRejected as exc:
        yield IngestFailure(exc.origin, exc.reason, exc.detail)
    except OSError as exc:
        yield IngestFailure(origin, "unreadable", f"{type(exc).__name__}: {exc.strerror or exc}")


def read_file(path: Path, max_bytes: int, fetch_url=None) -> Iterator[RawDocument | IngestFailure]:
    """Documents in one file, by extension, sniffing content when the extension says nothing."""
    size = path.stat().st_size
    suffix = path.suffix.lower()
    if is_warc(path):
        yield from read_warc(path, max_bytes)  # streamed: the archive itself may be any size
        return
    if suffix in JSONL_EXT:
        yield from read_jsonl(path, max_bytes)
        return
    if size > max_bytes:
        raise InputRejected(
            str(path), "too-large",
            f"{size / 1e6:.0f} MB exceeds the {max_bytes / 1e6:.0f} MB limit (--max-mb to raise it)",
        )
    text = decode(path.read_bytes(), str(path))
    if looks_like_feed(text):
        yield from expand_feed(str(path), text, fetch_url)
        return
    if suffix in HTML_EXT or (suffix not in TEXT_EXT and looks_like_html(text)):
        yield RawDocument(origin=str(path), html=text)
    else:
        yield plain_text(str(path), text)


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head or "<p>" in head


def plain_text(origin: str, text: str) -> RawDocument:
    """Plain text: the first non-empty line is the title, the rest the body."""
    lines = text.strip().splitlines()
    title = lines[0].strip() if lines else None
    body = "\n".join(lines[1:]).strip()
    return RawDocument(origin=origin, text=body or text.strip(), title=title)


def read_jsonl(path: Path, max_bytes: int) -> Iterator[RawDocument | IngestFailure]:
    """One article per line; a broken line is quarantined, the next is read."""
    with path.open("rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            origin = f"{path}#L{lineno}"
            if not raw.strip():
                continue
            if len(raw) > max_bytes:
                yield IngestFailure(origin, "too-large", "line exceeds the size limit")
                continue
            try:
                yield record_to_raw(json.loads(raw.decode("utf-8", errors="replace")), origin)
            except (json.JSONDecodeError, InputRejected) as exc:
                reason = getattr(exc, "reason", "bad-json")
                detail = getattr(exc, "detail", None) or f"invalid JSON ({exc}); fix or drop the line"
                yield IngestFailure(origin, reason, detail)


def record_to_raw(rec: object, origin: str) -> RawDocument:
    """A JSON article record (`id`, `url`, `html` or `text`, `title`, `published`, `outlet`, `lang`)."""
    if not isinstance(rec, dict):
        raise InputRejected(origin, "bad-record", "each line must be a JSON object")
    html, text = rec.get("html"), rec.get("text")
    if not isinstance(html, str) and not isinstance(text, str):
        raise InputRejected(origin, "bad-record", "a record needs an 'html' or 'text' string")
    def opt(key: str) -> str | None:
        v = rec.get(key)
        return str(v) if v is not None else None
    return RawDocument(
        origin=origin, html=html if isinstance(html, str) else None,
        text=text if isinstance(text, str) and not isinstance(html, str) else None,
        doc_id=opt("id"), url=opt("url"), title=opt("title"), published=opt("published"),
        outlet=opt("outlet"), lang=opt("lang"),
    )
