"""`claimledger export`: every table of a real ledger to Parquet, JSONL and CSV, readable back."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
from api.ledger_support import sample_ledger
from conftest import run_cli

from claimledger.store import open_store


def test_export_writes_every_table_in_three_formats(tmp_path: Path) -> None:
    ledger = sample_ledger(tmp_path)
    stats = open_store(ledger).stats()
    for fmt in ("parquet", "jsonl", "csv"):
        proc = run_cli("export", "--db", str(ledger), "--out", str(tmp_path / fmt), "--format", fmt)
        assert proc.returncode == 0, proc.stderr
    claims = pq.read_table(tmp_path / "parquet" / "claims.parquet").to_pylist()
    assert len(claims) == stats["claims"]
    articles = {a["id"]: a for a in pq.read_table(tmp_path / "parquet" / "articles.parquet").to_pylist()}
    texts = {a["id"]: open_store(ledger).article(a["id"])["text"] for a in articles.values()}
    for c in claims[:50]:
        start, end = c["content_spans"][0]
        assert texts[c["article_id"]][start:end] in c["content_text"]
    with_figures = [c for c in claims if c["quantities"]]
    assert with_figures and all("low" in q for q in with_figures[0]["quantities"])
    groups = pq.read_table(tmp_path / "parquet" / "claim_groups.parquet").to_pylist()
    assert len(groups) == stats["claim_groups"] and all(len(g["reports"]) >= 2 for g in groups)
    lines = (tmp_path / "jsonl" / "disagreements.jsonl").read_text("utf-8").splitlines()
    assert all(len(json.loads(x)["sides"]) == 2 for x in lines)
    with (tmp_path / "csv" / "claims.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == stats["claims"] and json.loads(rows[0]["content_spans"])
