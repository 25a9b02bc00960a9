"""Relinking a ledger rebuilds claim groups and disagreements, in publication order."""

from __future__ import annotations

from pathlib import Path

from conftest import SAMPLES, run_cli

from claimledger.pipeline import ingest, relink
from claimledger.settings import Settings
from claimledger.store import open_store


def test_relink_reproduces_links(tmp_path: Path) -> None:
    store = open_store(tmp_path / "l.db")
    ingest([str(SAMPLES)], store, Settings(embeddings=False))
    before = store.stats()
    assert before["disagreements"] > 0 and store.claim_groups()
    first = relink(store)
    # ingest links in arrival order, relink in publication order: the same links, give or take
    assert abs(first["disagreements"] - before["disagreements"]) <= before["disagreements"] // 10
    assert abs(first["claim_groups"] - before["claim_groups"]) <= before["claim_groups"] // 10 + 1
    relinked = {(g["origin"], len(g["reports"])) for g in store.claim_groups()}
    assert relink(store) == first  # idempotent
    assert {(g["origin"], len(g["reports"])) for g in store.claim_groups()} == relinked
    res = run_cli("relink", "--db", str(tmp_path / "l.db"))
    assert res.returncode == 0 and "disagreements" in res.stdout


def test_new_claims_are_linked_from_the_rows_the_store_would_give(tmp_path: Path, monkeypatch) -> None:
    """Ingest links an article's new claims from rows built in memory; they must be the rows the
    store gives for the same claims (which `relink` and later articles read), embeddings on."""
    from claimledger import pipeline

    built: list[tuple[int, list[dict]]] = []
    link_claims = pipeline._link_claims

    def capture(store, story, new_rows, stories, copies):
        built.append((story, new_rows))
        link_claims(store, story, new_rows, stories, copies)

    monkeypatch.setattr(pipeline, "_link_claims", capture)
    store = open_store(tmp_path / "l.db")
    ingest([str(SAMPLES)], store)
    assert sum(len(rows) for _, rows in built) == store.stats()["claims"] > 0
    assert any(r["denial"] for _, rows in built for r in rows)
    for story, rows in built:
        stored = {r["id"]: r for r in store.story_claims(story)}
        for row in rows:
            assert row == dict(stored[row["id"]], group_id=None)
