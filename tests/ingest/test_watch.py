"""`watch`: conditional GET, robots.txt, known entries skipped, pacing per host."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from claimledger.ingest.watch import Politeness

FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture
def feed_server():
    log: list[tuple[str, str | None]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server API)
            log.append((self.path, self.headers.get("If-None-Match")))
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/robots.txt":
                return self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
            if self.path == "/feed.xml":
                if self.headers.get("If-None-Match") == '"v1"':
                    return self._send(304, b"", "application/rss+xml")
                items = "".join(f"<item><title>{n}</title><link>{base}/{n}</link></item>"
                                for n in ("wire_de.html", "private/secret.html"))
                body = f"<rss version='2.0'><channel><title>Weserbote</title>{items}</channel></rss>"
                return self._send(200, body.encode(), "application/rss+xml", etag='"v1"')
            path = FIXTURES / self.path.lstrip("/")
            if path.is_file():
                return self._send(200, path.read_bytes(), "text/html; charset=utf-8")
            return self._send(404, b"missing", "text/plain")

        def _send(self, status, body, ctype, etag=None):
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            if etag:
                self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", log
    httpd.shutdown()


def test_watch_round_trip(feed_server, db: str, tmp_path: Path) -> None:
    base, log = feed_server
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# our feeds\n{base}/feed.xml\n", encoding="utf-8")
    args = ("watch", str(feeds), "--db", db, "--once", "--allow-private", "--fast", "--delay", "0")
    first = run_cli(*args)
    assert first.returncode == 0, first.stderr
    assert "1 new, 1 quarantined" in first.stdout  # the robots-disallowed entry
    paths = [p for p, _ in log]
    assert "/private/secret.html" not in paths and "/robots.txt" in paths
    err = json.loads(run_cli("errors", "--db", db, "--format", "jsonl").stdout)
    assert err["reason"] == "robots-disallowed"
    log.clear()
    second = run_cli(*args)
    assert "0 new" in second.stdout
    assert log == [("/feed.xml", '"v1"')]  # conditional GET answered 304: nothing else fetched


def test_politeness_waits_between_requests_to_one_host(feed_server) -> None:
    base, log = feed_server
    now = [100.0]
    waits: list[float] = []

    def sleep(s: float) -> None:
        waits.append(s)
        now[0] += s

    polite = Politeness(1_000_000, True, delay=2.0, clock=lambda: now[0], sleep=sleep)
    polite.get(f"{base}/robots.txt")
    now[0] += 0.5
    polite.get(f"{base}/feed.xml")
    assert waits == [pytest.approx(1.5)]
    assert polite.allowed(f"{base}/wire_de.html") and not polite.allowed(f"{base}/private/x.html")
