"""RSS/Atom: a feed URL served on loopback expands into its articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT, run_cli, serve_folder

FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture
def site(tmp_path: Path):
    for name in ("wire_de.html", "wire_de_copy.html"):
        (tmp_path / name).write_bytes((FIXTURES / name).read_bytes())
    with serve_folder(tmp_path) as base:
        (tmp_path / "feed.xml").write_text(f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Weserbote Wirtschaft</title>
<item><title>Hafenstreik weitet sich aus</title><link>{base}/wire_de.html</link>
<pubDate>Thu, 02 Oct 2026 09:30:00 +0200</pubDate></item>
<item><title>Streik im Hafen</title><link>{base}/wire_de_copy.html</link></item>
<item><title>Gone</title><link>{base}/missing.html</link></item>
</channel></rss>""", encoding="utf-8")
        yield base


def test_feed_url_ingests_linked_articles(site: str, db: str) -> None:
    res = run_cli("ingest", f"{site}/feed.xml", "--db", db, "--allow-private", "--fast")
    assert res.returncode == 1  # the missing entry is quarantined, the rest stored
    arts = [json.loads(x) for x in run_cli("articles", "--db", db, "--format", "jsonl")
            .stdout.splitlines()]
    assert {a["url"].rsplit("/", 1)[1] for a in arts} == {"wire_de.html", "wire_de_copy.html"}
    assert {a["published"] for a in arts} == {"2026-10-02"}
    err = json.loads(run_cli("errors", "--db", db, "--format", "jsonl").stdout)
    assert err["reason"] == "http-404"
