"""URL ingest against a local test server on loopback; internal addresses refused by default."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT, run_cli, serve_folder


@pytest.fixture
def server():
    with serve_folder(ROOT / "tests" / "fixtures") as base:
        yield base


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
