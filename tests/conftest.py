"""Shared fixtures: run the real CLI in a subprocess against real SQLite files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "news"


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
