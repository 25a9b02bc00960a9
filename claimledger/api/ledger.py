"""Per-request access to the ledger.

sqlite3 connections belong to the thread that opened them, and FastAPI runs each request in a
worker thread, so every request opens its own connection (SQLite: a file open and a few pragmas;
PostgreSQL: a new session).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fastapi import Request

from claimledger.store import Store, is_postgres, open_store


class Ledger:
    """The ledger a server instance serves; writes are serialised, reads run side by side (WAL)."""

    def __init__(self, path: str | Path) -> None:
        open_store(path).close()  # create and migrate once, and fail early on a bad path
        self.path = str(path) if is_postgres(path) else Path(path).expanduser()
        self.write_lock = threading.Lock()

    @contextmanager
    def open(self) -> Iterator[Store]:
        store = open_store(self.path)
        try:
            yield store
        finally:
            store.close()


def ledger(request: Request) -> Ledger:
    return request.app.state.ledger
