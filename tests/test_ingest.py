"""Ingest through the real CLI into a real SQLite file: idempotency, duplicates, quarantine."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

FIXTURES = ROOT / "tests" / "fixtures"


def _stats(db: str) -> dict[str, int]:
    out = run_cli("stats", "--db", db).stdout
    return {k: int(v) for k, v in (line.split() for line in out.splitlines() if line.strip())}


def test_html_text_metadata_and_wire_credit(db: str) -> None:
    res = run_cli("ingest", str(FIXTURES / "wire_de.html"), "--db", db)
    assert res.returncode == 0, res.stderr
    rows = json.loads(run_cli("articles", "--db", db, "--format", "jsonl").stdout)
    assert rows["title"] == "Hafenstreik weitet sich aus"
    assert rows["outlet"] == "Weserbote"
    assert rows["published"] == "2026-10-02"
    assert rows["lang"] == "de"
    assert rows["wire"] == ["dpa"]
    assert rows["claims"] >= 3


def test_reingest_adds_nothing(db: str) -> None:
    first = run_cli("ingest", str(FIXTURES), "--db", db)
    assert first.returncode == 0, first.stderr
    before = _stats(db)
    again = run_cli("ingest", str(FIXTURES), "--db", db)
    assert again.returncode == 0
    assert "0 new" in again.stdout
    assert _stats(db) == before


def test_syndicated_copy_is_linked_not_dropped(db: str) -> None:
    run_cli("ingest", str(FIXTURES), "--db", db)
    rows = [json.loads(x) for x in run_cli("articles", "--db", db, "--format", "jsonl")
            .stdout.splitlines()]
    assert len(rows) == 2
    copies = [r for r in rows if r["duplicate_of"]]
    assert len(copies) == 1
    assert copies[0]["duplicate_of"] in {r["id"] for r in rows}
    assert len({r["story_id"] for r in rows}) == 1


def _bad_folder(tmp: Path) -> Path:
    folder = tmp / "inbox"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(FIXTURES / "wire_de.html", folder / "good.html")
    (folder / "sub" / "good.txt").write_text(
        "Brückensanierung dauert länger\nDie Stadt teilte mit, die Arbeiten würden sich bis "
        "zum Frühjahr hinziehen. Laut Bauamt fehlen Fachkräfte.\n", encoding="utf-8")
    (folder / "latin1.txt").write_bytes(
        "Fähre fällt aus\nDie Reederei erklärte, die Fähre müsse wegen Sturms im Hafen "
        "bleiben. Größere Schäden gebe es nicht.".encode("latin-1"))
    (folder / "random.bin").write_bytes(os.urandom(4096))
    (folder / "empty.html").write_bytes(b"")
    (folder / "notext.html").write_text("<html><body><nav>Home</nav><div></div></body></html>")
    with (folder / "huge.txt").open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk
    good = {"id": "x1", "text": "The council said on Tuesday that the bridge would reopen in "
            "spring. According to engineers, repairs cost more than $2 million.", "lang": "en"}
    (folder / "batch.jsonl").write_text(
        json.dumps(good) + "\n" + '{"id": "x2", "text": "truncated li' + "\n"
        + json.dumps({"id": "x3", "title": "no body"}) + "\n", encoding="utf-8")
    return folder


def test_bad_inputs_are_quarantined_and_good_ones_stored(db: str, tmp_path: Path) -> None:
    folder = _bad_folder(tmp_path)
    res = run_cli("ingest", str(folder), "--db", db)
    assert res.returncode == 1, "partial failure must be told apart from success"
    stats = _stats(db)
    assert stats["articles"] == 4  # good.html, good.txt, latin1.txt, batch.jsonl line 1
    errors = [json.loads(x) for x in run_cli("errors", "--db", db, "--format", "jsonl")
              .stdout.splitlines()]
    reasons = {Path(e["origin"].split("#")[0]).name + e["origin"][len(e["origin"].split("#")[0]):]:
               e["reason"] for e in errors}
    assert reasons == {
        "random.bin": "binary", "empty.html": "empty", "notext.html": "no-text",
        "huge.txt": "too-large", "batch.jsonl#L2": "bad-json", "batch.jsonl#L3": "bad-record",
    }
    assert all(e["detail"] for e in errors)
    # a second run keeps what was stored and records nothing twice
    again = run_cli("ingest", str(folder), "--db", db)
    assert again.returncode == 1
    assert _stats(db)["articles"] == 4
    assert len(run_cli("errors", "--db", db, "--format", "jsonl").stdout.splitlines()) == 6


def test_latin1_text_is_decoded(db: str, tmp_path: Path) -> None:
    folder = _bad_folder(tmp_path)
    run_cli("ingest", str(folder / "latin1.txt"), "--db", db)
    rows = json.loads(run_cli("articles", "--db", db, "--format", "jsonl").stdout)
    assert rows["title"] == "Fähre fällt aus"


def test_fatal_errors_are_one_line_with_exit_code_2(tmp_path: Path) -> None:
    res = run_cli("ingest", str(FIXTURES), "--db", str(tmp_path / "missing" / "x.db"))
    assert res.returncode == 2
    assert "does not exist" in res.stderr and "Traceback" not in res.stderr
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("just some text, not SQLite at all " * 100)
    res = run_cli("claims", "--db", str(not_a_db))
    assert res.returncode == 2 and "not a claimledger SQLite ledger" in res.stderr


def test_sample_corpus_end_to_end(db: str) -> None:
    """The bundled demo corpus: every page stored, syndicated copies linked, all claim kinds."""
    res = run_cli("ingest", "samples/news", "--db", db)
    assert res.returncode == 0, res.stderr
    manifest = json.loads((ROOT / "samples" / "news" / "manifest.json").read_text())
    stats = _stats(db)
    assert stats["articles"] == len(manifest["files"])
    assert stats["duplicates"] == sum(1 for f in manifest["files"] if f["syndicated_from"])
    kinds = {json.loads(x)["kind"] for x in
             run_cli("claims", "--db", db, "--format", "jsonl").stdout.splitlines()}
    assert kinds == {"direct", "indirect", "reported", "according_to", "free_indirect"}
    langs = {json.loads(x)["lang"] for x in
             run_cli("articles", "--db", db, "--format", "jsonl").stdout.splitlines()}
    assert langs == {"de", "en"}
    assert "0 new" in run_cli("ingest", "samples/news", "--db", db).stdout
    # linking: one story per invented story, across languages
    stories = [json.loads(x) for x in run_cli("stories", "--db", db, "--format", "jsonl")
               .stdout.splitlines()]
    by_file = {f["file"]: f["story"] for f in manifest["files"]}
    for story in stories:
        origins = {by_file[Path(a["origin"]).name] for a in story["articles"]}
        assert len(origins) == 1, f"story {story['id']} mixes {origins}"
    assert len(stories) == len(manifest["stories"])
    rows = [json.loads(x) for x in run_cli("disagreements", "--db", db, "--format", "jsonl")
            .stdout.splitlines()]
    soldier = [d for d in rows if d["kind"] == "figures" and d["subject"] == "soldier"]
    assert any({s["lang"] for s in d["sides"]} == {"de", "en"} for d in soldier)
    assert any(d["kind"] == "denial" for d in rows)


def test_ingest_with_the_accurate_engine(db: str, tmp_path: Path) -> None:
    page = tmp_path / "meldung.txt"
    page.write_text("Streik im Hafen\nDie Gewerkschaft kündigte an, der Streik werde bis Freitag "
                    "dauern. „Wir lassen uns nicht erpressen“, sagte Sprecherin Anna Keller. Der "
                    "Hafenbetreiber erklärte, man sei zu Gesprächen bereit.", encoding="utf-8")
    proc = run_cli("ingest", str(page), "--db", db, "--fast", "--mode", "accurate")
    assert proc.returncode == 0, proc.stderr
    claims = json.loads("[" + ",".join(run_cli("claims", "--db", db, "--format", "jsonl")
                                        .stdout.splitlines()) + "]")
    assert any("erpressen" in c["content_text"] for c in claims)
    assert any(c["kind"] == "direct" for c in claims)



def test_interrupted_run_keeps_finished_articles(tmp_path: Path, monkeypatch) -> None:
    """Articles are committed in groups; an interrupt (Ctrl-C) in the middle of storing the third
    article still keeps the two finished ones, and nothing of the third."""
    from claimledger import pipeline
    from claimledger.settings import Settings
    from claimledger.store import open_store

    seen: list[str] = []
    link_claims = pipeline._link_claims

    def interrupt_third(store, story, new_ids, stories, copies):
        if len(seen) == 2:
            raise KeyboardInterrupt  # after the third article's rows were written, before commit
        link_claims(store, story, new_ids, stories, copies)

    monkeypatch.setattr(pipeline, "_link_claims", interrupt_third)
    db = tmp_path / "ledger.db"
    store = open_store(db)
    with pytest.raises(KeyboardInterrupt):
        pipeline.ingest([str(ROOT / "samples" / "news")], store,
                        Settings(embeddings=False, commit_seconds=60),
                        on_item=lambda origin, status: seen.append(origin))
    store.close()
    reader = open_store(db)  # a new connection sees only committed rows
    assert sorted(a["origin"] for a in reader.articles()) == sorted(seen)
    assert len(seen) == 2
    reader.close()
