"""The PostgreSQL backend against a real server the suite starts: same ledger as SQLite for every
command, migrations, search and filters, quarantine, the API."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SAMPLES, jsonl, run_cli

from claimledger.errors import ClaimledgerError
from claimledger.store import open_store
from claimledger.store.backend import SCHEMA_VERSION

COMMANDS = ["claims", "articles", "errors", "stories", "entities", "disagreements", "groups"]
VOLATILE = {"at", "ingested_at", "created_at"}  # wall-clock times differ between two ingests


def _normalised(rows: list[dict]) -> list[str]:
    """Rows as sorted JSON without wall-clock fields (row order may differ where dates tie)."""

    def strip(v):
        if isinstance(v, dict):
            return {k: strip(x) for k, x in v.items() if k not in VOLATILE}
        if isinstance(v, list):
            return [strip(x) for x in v]
        return v

    return sorted(json.dumps(strip(r), sort_keys=True, ensure_ascii=False) for r in rows)


@pytest.fixture(scope="module")
def both(tmp_path_factory, pg_server) -> tuple[str, str]:
    """The bundled samples plus one bad input, ingested through the CLI into SQLite and PostgreSQL."""
    folder = tmp_path_factory.mktemp("inputs")
    bad = folder / "broken.html"
    bad.write_bytes(b"\x00\x01\x02 not a page \xff\xfe" * 50)
    urls = [str(tmp_path_factory.mktemp("sqlite") / "l.db"), pg_server.new_database()]
    for url in urls:
        proc = run_cli("ingest", str(SAMPLES), str(bad), "--db", url, "--fast")
        assert proc.returncode == 1, proc.stderr  # one input quarantined, the rest stored
        assert "26 new" in proc.stdout, proc.stdout
    return urls[0], urls[1]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_listing_is_the_same_on_both_backends(both: tuple[str, str], command: str) -> None:
    outputs = []
    for url in both:
        proc = run_cli(command, "--db", url, "--format", "jsonl")
        assert proc.returncode == 0, proc.stderr
        rows = jsonl(proc.stdout)
        if command == "disagreements":  # PostgreSQL sequences skip the numbers of ignored duplicates
            rows = [{k: v for k, v in r.items() if k != "id"} for r in rows]
        outputs.append(_normalised(rows))
    assert outputs[0] == outputs[1]
    if command in ("claims", "articles", "stories", "entities", "errors"):
        assert outputs[1], f"{command} listed nothing"


def test_stats_relink_and_filters_agree(both: tuple[str, str]) -> None:
    lite, pg = (open_store(u) for u in both)
    assert lite.stats() == pg.stats()
    assert pg.stats()["failures"] == 1 and pg.stats()["claims"] > 20
    filters = ({"search": "Soldaten"}, {"source": "ministerium"}, {"lang": "en", "kind": "direct"},
               {"search": '"; DROP TABLE claims; --'}, {"source": "100%_\\"}, {"date_from": "2024-11-02"})
    for kwargs in filters:
        a, b = lite.find_claims(**kwargs), pg.find_claims(**kwargs)
        assert b[1] == a[1], kwargs
        assert sorted(c["content_text"] for c in a[0]) == sorted(c["content_text"] for c in b[0])
    assert pg.find_claims(search="Soldaten")[1] > 0
    assert [r["title"] for r in lite.articles(search="Nordkorea")] == [r["title"] for r in pg.articles(
        search="Nordkorea")]
    top = pg.find_entities(limit=3)[0][0]["id"]
    assert pg.claims_about(top)[1] == lite.claims_about(top)[1]
    assert pg.find_stories()[0] == lite.find_stories()[0]
    for url in both:
        assert run_cli("relink", "--db", url).returncode == 0
    assert open_store(both[1]).stats() == open_store(both[0]).stats()


def test_migrations_run_once_and_newer_schema_is_refused(pg_url: str) -> None:
    import psycopg

    assert open_store(pg_url).migrate() == SCHEMA_VERSION
    assert open_store(pg_url).migrate() == SCHEMA_VERSION
    with psycopg.connect(pg_url, autocommit=True) as conn:
        n = conn.execute("SELECT count(*) FROM claimledger_schema").fetchone()[0]
        assert n == SCHEMA_VERSION
        conn.execute("INSERT INTO claimledger_schema VALUES (%s)", (SCHEMA_VERSION + 1,))
    with pytest.raises(ClaimledgerError, match="upgrade claimledger"):
        open_store(pg_url)


def test_text_with_nul_and_reingest_add_nothing(pg_url: str, tmp_path: Path) -> None:
    # PostgreSQL text cannot hold NUL; a JSONL record may carry one (binary files are quarantined).
    text = "Laut Polizei wurden 12 Menschen verletzt.\x00 Der Sprecher sagte, die Lage sei ruhig. " * 3
    feed = tmp_path / "docs.jsonl"
    feed.write_text(json.dumps({"id": "n1", "text": text, "lang": "de", "title": "T\x00"}) + "\n")
    first = run_cli("ingest", str(feed), "--db", pg_url, "--fast")
    again = run_cli("ingest", str(feed), "--db", pg_url, "--fast")
    assert first.returncode == 0, first.stderr
    assert "1 already in the ledger" in again.stdout
    store = open_store(pg_url)
    assert store.stats()["articles"] == 1
    claims, total = store.find_claims(search="Lage")
    assert total >= 1
    article = store.article(claims[0]["article_id"])
    assert "\x00" not in article["text"] and article["title"] == "T"
    start, end = claims[0]["content_spans"][0]
    assert article["text"][start:end] in claims[0]["content_text"]


def test_unreachable_server_says_what_to_do() -> None:
    proc = run_cli("stats", "--db", "postgresql://nobody@/nodb?host=/nonexistent&port=1")
    assert proc.returncode == 2
    assert "cannot connect to PostgreSQL" in proc.stderr and "--db URL" in proc.stderr


def test_api_serves_a_postgres_ledger(both: tuple[str, str]) -> None:
    from fastapi.testclient import TestClient

    from claimledger.api.app import create_app

    api = TestClient(create_app(both[1]), base_url="http://127.0.0.1")
    page = api.get("/api/claims", params={"search": "Soldaten"})
    assert page.status_code == 200, page.text
    body = page.json()
    assert body["total"] > 0
    first = body["items"][0]
    assert "Soldaten" in first["content"]["text"] + first["source"]["text"]
    assert api.get(f"/api/claims/{first['id']}").json()["content"] == first["content"]
    assert api.get("/stories").status_code == 200


def test_messages_never_show_the_password(pg_server, tmp_path: Path) -> None:
    from claimledger.store import shown

    url = pg_server.new_database().replace("postgres@", "postgres:s3cret@")  # trust auth ignores it
    proc = run_cli("ingest", str(SAMPLES / "manifest.json"), "--db", url, "--fast")
    assert "s3cret" not in proc.stdout + proc.stderr
    assert "postgres:***@" in proc.stdout + proc.stderr
    assert shown("/tmp/l.db") == "/tmp/l.db"


def test_export_from_postgres_equals_sqlite(both: tuple[str, str], tmp_path: Path) -> None:
    for name, url in zip(("lite", "pg"), both, strict=True):
        proc = run_cli("export", "--db", url, "--out", str(tmp_path / name), "--format", "jsonl")
        assert proc.returncode == 0, proc.stderr
    for table in ("claims", "articles", "entities", "stories"):
        lite, pg = (jsonl((tmp_path / n / f"{table}.jsonl").read_text("utf-8")) for n in ("lite", "pg"))
        assert _normalised(pg) == _normalised(lite), table


def test_feed_polling_state_round_trips(pg_url: str) -> None:
    store = open_store(pg_url)
    store.save_feed_state("https://news.example/feed.xml", '"v1"', "Wed, 25 Nov 2026 10:00:00 GMT", 200)
    store.save_feed_state("https://news.example/feed.xml", None, None, 304)  # 304 keeps validators
    state = store.feed_state("https://news.example/feed.xml")
    assert state["etag"] == '"v1"' and state["last_status"] == 304 and state["last_checked"]
    assert store.feed_state("https://other.example/") is None


def test_batch_loads_into_postgres_like_ingest(both: tuple[str, str], pg_server, tmp_path: Path) -> None:
    url = pg_server.new_database()
    proc = run_cli("batch", str(SAMPLES), "--out", str(tmp_path / "out"), "--db", url, "--fast")
    assert proc.returncode == 0, proc.stderr
    batch, ingested = open_store(url).stats(), open_store(both[1]).stats()
    assert {k: batch[k] for k in ("articles", "claims", "stories", "duplicates")} == \
        {k: ingested[k] for k in ("articles", "claims", "stories", "duplicates")}
