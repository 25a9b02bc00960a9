"""`claimledger serve` as a user runs it: refuses unsafe binds, serves the ledger when safe."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from api.ledger_support import ROOT, TOKEN, sample_ledger


def serve(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "claimledger", "serve", *args], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, **(env or {})})


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_refuses_the_network_without_a_token(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "CLAIMLEDGER_TOKEN"}
    proc = subprocess.run([sys.executable, "-m", "claimledger", "serve", "--db", str(tmp_path / "l.db"),
                           "--host", "0.0.0.0"], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env=env)
    assert proc.returncode == 2
    assert "--token" in proc.stderr and "CLAIMLEDGER_TOKEN" in proc.stderr


def test_serve_answers_on_loopback_and_takes_the_token_from_the_environment(tmp_path: Path) -> None:
    port = free_port()
    proc = serve("--db", str(sample_ledger(tmp_path)), "--port", str(port),
                 env={"CLAIMLEDGER_TOKEN": TOKEN})
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"{base}/api/stories", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read()
                time.sleep(0.2)
        assert r.status_code == 401
        ok = httpx.get(f"{base}/api/stories", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=5)
        assert ok.status_code == 200 and ok.json()["total"] > 0
        assert "server" not in ok.headers  # no version banner
    finally:
        proc.terminate()
        proc.wait(10)


def test_serve_takes_the_extraction_options_for_ingest(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "claimledger", "serve", "--db", str(tmp_path / "l.db"),
                           "--min-confidence", "0.3"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "--mode accurate" in proc.stderr  # fast mode has no learned probability
    port = free_port()
    proc = serve("--db", str(tmp_path / "l.db"), "--port", str(port), "--mode", "accurate",
                 "--min-confidence", "0.9", env={"CLAIMLEDGER_TOKEN": TOKEN})
    try:
        base, auth = f"http://127.0.0.1:{port}", {"Authorization": f"Bearer {TOKEN}"}
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/api/stories", headers=auth, timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read()
                time.sleep(0.2)
        text = "Der Minister sagte, die Brücke sei sicher. Vielleicht kommt es anders, hieß es."
        r = httpx.post(f"{base}/api/ingest", json={"id": "d1", "lang": "de", "text": text},
                       headers=auth, timeout=60)
        assert r.status_code == 200, r.text
        claims = httpx.get(f"{base}/api/claims", headers=auth, timeout=5).json()["items"]
        # the minister's claim (0.93) is kept, "hieß es" (0.85) is below the setting
        assert [c["content"]["text"] for c in claims] == ["die Brücke sei sicher"]
        assert all(c["confidence"] >= 0.9 for c in claims)
    finally:
        proc.terminate()
        proc.wait(10)
