"""A ledger's tables as files: Parquet (pandas, DuckDB, Spark), JSONL, or CSV for spreadsheets.

Reads through the store's query functions, so SQLite and PostgreSQL ledgers export alike.
Nested values (spans, figures, a story's articles, both sides of a disagreement) stay nested in
Parquet and JSONL and become JSON text in CSV cells.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from claimledger.link.disagree import collapse
from claimledger.store import Store

FORMATS = ("parquet", "jsonl", "csv")
ALL = 10**12  # the query functions page; an export wants every row


TABLES: dict[str, Callable[[Store], list[dict[str, Any]]]] = {
    "claims": lambda s: s.find_claims(limit=ALL)[0],
    "articles": lambda s: s.articles(limit=ALL),
    "entities": lambda s: s.entities(limit=ALL),
    "stories": lambda s: s.stories(),
    "claim_groups": lambda s: s.claim_groups(),
    "disagreements": lambda s: collapse(s.disagreements()),
}


def export_ledger(store: Store, out: Path, fmt: str) -> dict[str, int]:
    """Write one file per table into `out` (created); returns the rows written per table."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, query in TABLES.items():
        rows = query(store)
        _WRITERS[fmt](rows, out / f"{name}.{fmt}")
        counts[name] = len(rows)
    return counts


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    """Every key of every row, in first-seen order (a key may be absent from the first row)."""
    return list(dict.fromkeys(k for r in rows for k in r))


def _parquet(rows: list[dict[str, Any]], path: Path) -> None:
    columns = _columns(rows)
    table = pa.Table.from_pylist([{k: r.get(k) for k in columns} for r in rows])
    pq.write_table(table, path, compression="zstd")


def _jsonl(rows: list[dict[str, Any]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")


def _csv(rows: list[dict[str, Any]], path: Path) -> None:
    columns = _columns(rows)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns)
        writer.writeheader()
        for r in rows:
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                             for k, v in r.items()})


_WRITERS = {"parquet": _parquet, "jsonl": _jsonl, "csv": _csv}
