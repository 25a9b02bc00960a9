"""Polite feed polling for `claimledger watch`: conditional GET, robots.txt, per-host pacing.

Each round asks every feed only for what changed (ETag / Last-Modified), skips entries already
in the ledger, honours robots.txt and waits between requests to the same host.
"""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

from claimledger.errors import InputRejected
from claimledger.ingest.feeds import expand_feed
from claimledger.ingest.fetch import USER_AGENT, http_get, to_raw
from claimledger.records import IngestFailure, RawDocument


class Politeness:
    """robots.txt rules and a minimum delay per host."""

    def __init__(self, max_bytes: int, allow_private: bool, delay: float = 1.0,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.max_bytes, self.allow_private, self.delay = max_bytes, allow_private, delay
        self.clock, self.sleep = clock, sleep
        self.robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self.next_slot: dict[str, float] = {}

    def _host(self, url: str) -> str:
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}"

    def allowed(self, url: str) -> bool:
        host = self._host(url)
        if host not in self.robots:
            parser = urllib.robotparser.RobotFileParser()
            try:
                got = self.get(f"{host}/robots.txt")
                lines = got.body.decode("utf-8", "replace").splitlines() if got.status == 200 else []
            except InputRejected:
                lines = []
            parser.parse(lines)
            self.robots[host] = parser
        return self.robots[host].can_fetch(USER_AGENT, url)

    def get(self, url: str, headers: dict[str, str] | None = None):
        """A GET that first waits for the host's next free slot."""
        host = self._host(url)
        wait = self.next_slot.get(host, 0.0) - self.clock()
        if wait > 0:
            self.sleep(wait)
        self.next_slot[host] = self.clock() + self.delay
        return http_get(url, max_bytes=self.max_bytes, allow_private=self.allow_private,
                        headers=headers)

    def fetch(self, url: str) -> RawDocument:
        if not self.allowed(url):
            raise InputRejected(url, "robots-disallowed", "robots.txt disallows this page; skipped")
        return to_raw(url, self.get(url))


def poll_feed(url: str, store, polite: Politeness) -> Iterator[RawDocument | IngestFailure]:
    """New articles of one feed since the last poll (nothing when the feed is unchanged)."""
    state = store.feed_state(url) or {}
    headers = {}
    if state.get("etag"):
        headers["If-None-Match"] = state["etag"]
    if state.get("last_modified"):
        headers["If-Modified-Since"] = state["last_modified"]
    try:
        got = polite.get(url, headers)
    except InputRejected as exc:
        yield IngestFailure(exc.origin, exc.reason, exc.detail)
        return
    store.save_feed_state(url, got.headers.get("etag"), got.headers.get("last-modified"), got.status)
    if got.status == 304:
        return
    if got.status != 200:
        yield IngestFailure(url, f"http-{got.status}", "the feed did not answer; check the URL")
        return
    text = got.body.decode("utf-8", "replace")
    yield from expand_feed(url, text, polite.fetch, skip=store.has_url)


def read_feed_list(path: str) -> list[str]:
    """One feed URL per line; blank lines and # comments ignored."""
    with open(path, encoding="utf-8") as fh:
        return [ln.strip() for ln in fh if ln.strip() and not ln.lstrip().startswith("#")]
