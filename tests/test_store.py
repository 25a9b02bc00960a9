"""The SQLite ledger: WAL, versioned schema, FTS5 search, filters."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from conftest import ROOT

from claimledger.pipeline import ingest
from claimledger.store import open_store
from claimledger.store.sqlite import SCHEMA_VERSION

FIXTURES = ROOT / "tests" / "fixtures"


def test_new_ledger_is_wal_and_versioned(tmp_path: Path) -> None:
    store = open_store(tmp_path / "l.db")
    assert store.db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    store.close()
    raw = sqlite3.connect(tmp_path / "l.db")
    tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "claims", "entities", "quantities", "failures", "claims_fts"} <= tables


def test_reopening_does_not_migrate_twice(tmp_path: Path) -> None:
    open_store(tmp_path / "l.db").close()
    store = open_store(tmp_path / "l.db")
    assert store.migrate() == SCHEMA_VERSION


def test_full_text_search_and_filters(tmp_path: Path) -> None:
    store = open_store(tmp_path / "l.db")
    report = ingest([str(FIXTURES / "wire_de.html")], store)
    assert report.added == 1 and report.failed == 0
    hits, _ = store.find_claims(search="Angebot")
    assert hits and all("Angebot" in h["content_text"] or "Angebot" in h["source_text"]
                        for h in hits)
    assert store.find_claims(search='"; DROP TABLE claims; --') == ([], 0)
    by_source, _ = store.find_claims(source="Gewerkschaft")
    assert by_source and all("Gewerkschaft" in (h["source_text"] + (h["entity_name"] or ""))
                             for h in by_source)
    assert store.find_claims(lang="en") == ([], 0)
    figures = [q for h in store.find_claims()[0] for q in h["quantities"]]
    assert any(q["low"] == 2401 for q in figures)
    assert store.articles(search="Hafenarbeiter")[0]["title"] == "Hafenstreik weitet sich aus"


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    import pytest

    from claimledger.errors import ClaimledgerError

    open_store(tmp_path / "l.db").close()
    raw = sqlite3.connect(tmp_path / "l.db")
    raw.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    raw.close()
    with pytest.raises(ClaimledgerError, match="upgrade claimledger"):
        open_store(tmp_path / "l.db")


def test_inner_transaction_is_a_savepoint(tmp_path: Path) -> None:
    store = open_store(tmp_path / "l.db")
    with store.transaction() as c:
        c.execute("INSERT INTO stories (label) VALUES ('kept')")
        try:
            with store.transaction():
                c.execute("INSERT INTO stories (label) VALUES ('undone')")
                raise RuntimeError("inner failure")
        except RuntimeError:
            pass
    labels = [r[0] for r in store.db.execute("SELECT label FROM stories")]
    assert labels == ["kept"]


def test_article_whose_linking_fails_leaves_nothing_behind(tmp_path: Path, monkeypatch) -> None:
    import claimledger.link as link

    def broken(*args: object) -> None:
        raise RuntimeError("linking bug")

    store = open_store(tmp_path / "l.db")
    with monkeypatch.context() as m:
        m.setattr(link, "group_claim", broken)
        report = ingest([str(FIXTURES / "wire_de.html")], store)
    assert report.failed == 1 and report.added == 0
    assert store.stats()["articles"] == 0
    assert store.db.execute("SELECT count(*) FROM stories").fetchone()[0] == 0
    again = ingest([str(FIXTURES / "wire_de.html")], store)
    assert again.added == 1 and again.claims > 0
