"""URL ingest against a local test server on loopback; internal addresses refused by default."""

from __future__ import annotations

import json
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import ROOT, run_cli


@pytest.fixture
def server():
    root = ROOT / "tests" / "fixtures"

    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *a, **k):
            super().__init__(*a, directory=str(root), **k)

        def log_message(self, *args):  # keep test output clean
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_loopback_url_is_refused_by_default(server: str, db: str) -> None:
    res = run_cli("ingest", f"{server}/wire_de.html", "--db", db)
    assert res.returncode == 1
    err = json.loads(run_cli("errors", "--db", db, "--format", "jsonl").stdout)
    assert err["reason"] == "private-address"


def test_url_ingest_when_allowed(server: str, db: str, tmp_path: Path) -> None:
    res = run_cli("ingest", f"{server}/wire_de.html", f"{server}/missing.html", "--db", db,
                  "--allow-private")
    assert res.returncode == 1  # the 404 is quarantined, the page is stored
    art = json.loads(run_cli("articles", "--db", db, "--format", "jsonl").stdout)
    assert art["title"] == "Hafenstreik weitet sich aus"
    err = json.loads(run_cli("errors", "--db", db, "--format", "jsonl").stdout)
    assert err["reason"] == "http-404"
