"""Store stage: the ledger. All SQL lives in this package."""

from __future__ import annotations

from pathlib import Path

from claimledger.errors import ClaimledgerError
from claimledger.store.sqlite import SQLiteStore

Store = SQLiteStore


def open_store(url: str | Path) -> Store:
    """Open (creating if needed) the ledger at a file path or sqlite:/// URL."""
    target = str(url)
    if target.startswith(("postgresql://", "postgres://")):
        raise ClaimledgerError(
            "PostgreSQL ledgers are not available in this version; use a SQLite file path for --db"
        )
    if target.startswith("sqlite:///"):
        target = target[len("sqlite:///") :]
    parent = Path(target).expanduser().parent
    if not parent.exists():
        raise ClaimledgerError(f"folder {parent} does not exist; create it or choose another --db")
    return SQLiteStore(Path(target).expanduser())
