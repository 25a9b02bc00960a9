"""Scale stage: the per-document pipeline over large inputs, locally or on Ray, to Parquet.

`run_batch` writes the tables; `load_parts` loads them into a ledger the way `ingest` would.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from claimledger.scale.batch import BatchReport, load_parts, process_locally, write_parts
from claimledger.settings import Settings

__all__ = ["BatchReport", "load_parts", "run_batch"]


def run_batch(targets: list[str], out: Path, engine: str = "local", workers: int = 1,
              address: str | None = None, settings: Settings = Settings(),
              on_item: Callable[[str, str], None] | None = None) -> BatchReport:
    """Ingest and extract every input document with `engine` (extraction options from
    `settings.extraction`); write Parquet tables under `out`."""
    if engine == "ray":
        from claimledger.scale.ray_engine import process_on_ray

        results = process_on_ray(targets, settings, workers, address)
    else:
        results = process_locally(targets, settings, workers)
    return write_parts(results, out, on_item)
