"""Store stage: the ledger. All SQL lives in this package: the queries in `ledger`, engine
specifics in `sqlite` (default, one file) and `postgres` (teams)."""

from __future__ import annotations

from pathlib import Path

from claimledger.errors import ClaimledgerError
from claimledger.store.ledger import Ledger

Store = Ledger


def is_postgres(url: str | Path) -> bool:
    return str(url).startswith(("postgresql://", "postgres://"))


def shown(url: str | Path) -> str:
    """The ledger location for messages: a PostgreSQL URL without its password."""
    from urllib.parse import urlsplit, urlunsplit

    text = str(url)
    if not is_postgres(text):
        return text
    parts = urlsplit(text)
    if parts.password is None:
        return text
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def open_store(url: str | Path) -> Store:
    """Open (creating and migrating if needed) the ledger at a file path, a sqlite:/// URL or a
    postgresql:// URL."""
    target = str(url)
    if is_postgres(target):
        from claimledger.store.postgres import PostgresBackend

        return Ledger(PostgresBackend(target))
    if target.startswith("sqlite:///"):
        target = target[len("sqlite:///") :]
    parent = Path(target).expanduser().parent
    if not parent.exists():
        raise ClaimledgerError(f"folder {parent} does not exist; create it or choose another --db")
    from claimledger.store.sqlite import SQLiteBackend

    return Ledger(SQLiteBackend(Path(target).expanduser()))
