"""`claimledger batch` through the real CLI: both engines on the same inputs, content of the
Parquet tables, quarantined inputs, and loading into a ledger compared with `ingest`."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import HEDGED_DE, SAMPLES, learned_floor, needs_model, run_cli

from claimledger.extract import extract
from claimledger.records import RawDocument
from claimledger.scale.batch import CHUNK, SCHEMAS
from claimledger.settings import ExtractOptions
from claimledger.store import open_store

GERMAN = "a-de-tagesblatt-2026-11-03.html"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The sample pages, a corrupt file, and a JSONL long enough for two parts, with a broken
    line and a text repeated under another id."""
    folder = tmp_path_factory.mktemp("inputs")
    (folder / "corrupt.html").write_bytes(b"\x00\x01\x02 not a page \x00")
    lines = [json.dumps({"id": f"n{i}", "lang": "de", "title": f"Meldung {i}",
                         "text": f"Laut Polizei wurden {i} Menschen verletzt. Der Bürgermeister "
                                 f"sagte, man werde den Hafen {i} schneller ausbauen."})
             for i in range(CHUNK + 20)]
    lines.insert(7, "{not json")
    lines.insert(30, lines[3].replace('"n3"', '"copy-of-n3"'))
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    return [str(SAMPLES), str(folder / "corrupt.html"), str(folder / "wire.jsonl")]


@pytest.fixture(scope="module")
def outputs(inputs: list[str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Batch output of the local engine (one process), local with two processes, and Ray."""
    root = tmp_path_factory.mktemp("out")
    runs = {"local": ["--engine", "local"], "local2": ["--engine", "local", "--workers", "2"],
            "ray": ["--engine", "ray", "--workers", "2"]}
    for name, args in runs.items():
        result = run_cli("batch", *inputs, "--out", str(root / name), *args)
        assert result.returncode == 1, result.stderr  # 1: some inputs were quarantined
        assert "2 quarantined, 1 repeated" in result.stdout, result.stdout
    return {name: root / name for name in runs}


def _table(out: Path, name: str) -> list[dict]:
    return pq.read_table(out / name).to_pylist()


def test_engines_write_identical_files(outputs: dict[str, Path]) -> None:
    for name in SCHEMAS:
        parts = sorted(p.name for p in (outputs["local"] / name).iterdir())
        assert parts == ["part-00000.parquet", "part-00001.parquet"]
        for other in ("local2", "ray"):
            assert sorted(p.name for p in (outputs[other] / name).iterdir()) == parts
            for part in parts:
                assert (outputs[other] / name / part).read_bytes() == \
                    (outputs["local"] / name / part).read_bytes(), f"{other} {name}/{part}"


def test_parts_follow_input_order(outputs: dict[str, Path]) -> None:
    first = pq.read_table(outputs["local"] / "articles" / "part-00000.parquet").to_pylist()
    second = pq.read_table(outputs["local"] / "articles" / "part-00001.parquet").to_pylist()
    seqs = [a["seq"] for a in first + second]
    assert seqs == sorted(seqs)
    assert max(a["seq"] for a in first) < CHUNK <= min(a["seq"] for a in second)
    assert [a["external_id"] for a in second][-1] == f"n{CHUNK + 19}"


def test_german_sample_claims_slice_the_article_text(outputs: dict[str, Path]) -> None:
    article = next(a for a in _table(outputs["ray"], "articles") if a["origin"].endswith(GERMAN))
    assert article["lang"] == "de" and article["title"]
    claims = [c for c in _table(outputs["ray"], "claims") if c["article_id"] == article["article_id"]]
    assert len(claims) >= 5
    text = article["text"]
    for c in claims:
        for role in ("source", "cue", "content"):
            spans = c[f"{role}_spans"]
            assert c[f"{role}_text"] == " ".join(text[s["start"]:s["end"]] for s in spans)
        assert c["content_spans"], c
        assert 0 < c["confidence"] <= 1
    local_ids = {c["local_id"] for c in claims}
    assert all(c["nested_in"] in local_ids for c in claims if c["nested_in"])
    assert any(c["source_entity_id"] for c in claims)
    entities = {e["entity_id"]: e for e in _table(outputs["ray"], "entities")
                if e["article_id"] == article["article_id"]}
    for c in claims:
        if c["source_entity_id"]:
            assert c["source_entity_id"] in entities
    for e in entities.values():
        for m in e["mentions"]:
            assert m["text"] == " ".join(text[s["start"]:s["end"]] for s in m["spans"])
    figures = [q for q in _table(outputs["ray"], "quantities")
               if q["article_id"] == article["article_id"]]
    assert figures and all(q["claim_local_id"] in local_ids for q in figures)


def test_bad_inputs_are_failure_rows_and_the_batch_goes_on(outputs: dict[str, Path]) -> None:
    failures = {Path(f["origin"]).name: f for f in _table(outputs["ray"], "failures")}
    assert failures["corrupt.html"]["reason"] == "binary"
    assert failures["wire.jsonl#L8"]["reason"] == "bad-json"
    articles = _table(outputs["ray"], "articles")
    assert len(articles) == 26 + CHUNK + 20  # every good document, the repeated text once
    assert len({a["article_id"] for a in articles}) == len(articles)


def test_loading_batch_output_equals_ingest(inputs: list[str], tmp_path: Path) -> None:
    ingested, loaded = tmp_path / "ingest.db", tmp_path / "batch.db"
    assert run_cli("ingest", *inputs, "--db", str(ingested), "--fast").returncode == 1
    result = run_cli("batch", *inputs, "--out", str(tmp_path / "out"), "--db", str(loaded), "--fast")
    assert result.returncode == 1, result.stderr
    a, b = open_store(ingested), open_store(loaded)
    assert a.stats() == b.stats()
    assert a.stats()["articles"] == 26 + CHUNK + 20
    keys = ("id", "story_id", "duplicate_of", "claims", "title", "lang", "published", "outlet")
    assert [{k: r[k] for k in keys} for r in a.articles(limit=10_000)] == \
        [{k: r[k] for k in keys} for r in b.articles(limit=10_000)]
    assert a.stories() == b.stories()
    assert a.claim_groups() == b.claim_groups()
    assert [(f["origin"], f["reason"]) for f in a.failures()] == \
        [(f["origin"], f["reason"]) for f in b.failures()]


def test_existing_output_is_refused(outputs: dict[str, Path], inputs: list[str]) -> None:
    result = run_cli("batch", inputs[0], "--out", str(outputs["local"]))
    assert result.returncode == 2
    assert "already holds batch output" in result.stderr


def test_missing_ray_says_what_to_install(tmp_path: Path) -> None:
    code = ("import sys; sys.modules['ray'] = None; from claimledger.cli import main; "
            f"sys.argv = ['claimledger', 'batch', {str(SAMPLES)!r}, '--engine', 'ray', "
            f"'--out', {str(tmp_path / 'out')!r}]; main()")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 2
    assert "pip install 'claimledger[scale]'" in result.stderr


@needs_model
def test_local_workers_keep_low_confidence_claims_when_asked(tmp_path: Path) -> None:
    """--min-confidence reaches worker processes: claims under the learned floor are written."""
    (tmp_path / "in.jsonl").write_text(json.dumps({"id": "hedged", "lang": "de", "text": HEDGED_DE}) + "\n",
                                       "utf-8")
    result = run_cli("batch", str(tmp_path / "in.jsonl"), "--out", str(tmp_path / "out"), "--workers", "2",
                     "--mode", "accurate", "--min-confidence", "0")
    assert result.returncode == 0, result.stderr
    written = [c["confidence"] for c in _table(tmp_path / "out", "claims")]
    options = ExtractOptions("accurate", 0.0)
    assert written == [c.confidence for c in extract(HEDGED_DE, "de", options=options).claims]
    assert min(written) < learned_floor("de")


@needs_model
def test_ray_actors_extract_with_the_options() -> None:
    """The Ray actor's function, called here without Ray: it builds its Processor from the options."""
    from claimledger.scale.ray_engine import _RayWorker

    item = pickle.dumps(RawDocument("hedged", text=HEDGED_DE, lang="de"))
    batch = _RayWorker(ExtractOptions("accurate", 0.0))(pa.table({"seq": [0], "item": [item]}))
    result = pickle.loads(batch.column("result")[0].as_py())
    assert min(c["confidence"] for c in result.rows["claims"]) < learned_floor("de")
