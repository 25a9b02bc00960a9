"""Shared by the API and web tests: one sample ledger per test run, and a real server in a thread.

Imported as `api.ledger_support` from both test folders so the ledger is built once.
"""

from __future__ import annotations

import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import uvicorn
from fastapi.testclient import TestClient

from claimledger.api.app import create_app
from claimledger.pipeline import ingest
from claimledger.settings import Settings, setting_names
from claimledger.store import open_store

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "news"
TOKEN = "test-token-0123456789abcdef"
LOCAL = "http://127.0.0.1"


def fast_settings() -> Settings:
    """Linking without embeddings where this version has the switch: tests need a ledger, quickly."""
    return Settings(embeddings=False) if "embeddings" in setting_names() else Settings()  # type: ignore[call-arg]


@cache
def _sample_ledger(accurate: bool) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="claimledger-samples-"))
    path = folder / "samples.db"
    store = open_store(path)
    report = ingest([str(SAMPLES)], store, Settings() if accurate else fast_settings())
    store.close()
    assert report.added == 26 and report.failed == 0, report
    return path


def sample_ledger(tmp_path: Path, *, accurate: bool = False) -> Path:
    """A private copy of the ingested sample corpus (built once, copied per caller); `accurate`
    links with the default settings (slower), as the documentation screenshots want."""
    target = tmp_path / "ledger.db"
    shutil.copyfile(_sample_ledger(accurate), target)
    return target


def client(path: Path, token: str | None = None) -> TestClient:
    """A client for the real app, addressed as 127.0.0.1 like a local browser."""
    return TestClient(create_app(path, token=token, settings=fast_settings()), base_url=LOCAL)


@contextmanager
def running(path: Path, token: str | None = None) -> Iterator[str]:
    """The real server (uvicorn) on a free loopback port in a thread; yields its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(path, token=token, settings=fast_settings()),
                                            log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()
