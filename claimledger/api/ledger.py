"""Per-request access to the ledger file.

sqlite3 connections belong to the thread that opened them, and FastAPI runs each request in a
worker thread, so every request opens its own connection (cheap: a file open and a few pragmas).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fastapi import Request

from claimledger.store import open_store
from claimledger.store.sqlite import SQLiteStore


class Ledger:
    """The ledger a server instance serves; writes are serialised, reads run side by side (WAL)."""

    def __init__(self, path: str | Path) -> None:
        open_store(path).close()  # create and migrate once, and fail early on a bad path
        self.path = Path(path).expanduser()
        self.write_lock = threading.Lock()

    @contextmanager
    def open(self) -> Iterator[SQLiteStore]:
        store = SQLiteStore(self.path)
        try:
            yield store
        finally:
            store.close()


def ledger(request: Request) -> Ledger:
    return request.app.state.ledger
