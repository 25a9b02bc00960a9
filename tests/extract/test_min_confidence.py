"""`min_confidence` (ExtractOptions): in accurate mode it replaces the learned per-language floor,
and it reaches the tagger from the Python API, ingest, the REST API and the CLI; with the rule
engine it is refused, saying what to do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import HEDGED_DE, jsonl, learned_floor, needs_model, run_cli

from claimledger.errors import ClaimledgerError
from claimledger.extract import extract
from claimledger.records import RawDocument
from claimledger.settings import ExtractOptions, Settings


def claims(options: ExtractOptions) -> dict[str, float]:
    """Confidence by claim content."""
    return {c.content.text: c.confidence for c in extract(HEDGED_DE, "de", options=options).claims}


@needs_model
def test_zero_keeps_the_claims_under_the_learned_floor() -> None:
    default, everything = claims(ExtractOptions("accurate")), claims(ExtractOptions("accurate", 0.0))
    assert default and min(default.values()) >= learned_floor("de")
    assert everything.items() > default.items()  # the same claims with the same confidence, and more
    assert min(everything.values()) < learned_floor("de")


@needs_model
def test_a_high_value_keeps_only_claims_at_or_above_it() -> None:
    strict = claims(ExtractOptions("accurate", 0.95))
    assert strict and min(strict.values()) >= 0.95
    assert strict.items() < claims(ExtractOptions("accurate")).items()


@pytest.mark.parametrize(("mode", "value", "message"), [
    ("fast", 0.2, "--min-confidence needs --mode balanced or accurate"),
    ("accurate", 1.5, "between 0 and 1"),
    ("accurate", -0.1, "between 0 and 1"),
    ("rules", None, "use --mode fast or --mode balanced or --mode accurate"),
])
def test_options_refuse_what_cannot_apply(mode: str, value: float | None, message: str) -> None:
    with pytest.raises(ClaimledgerError, match=message):
        ExtractOptions(mode, value)


@needs_model
def test_ingest_and_the_rest_api_carry_it(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from claimledger.api.app import create_app
    from claimledger.pipeline import ingest_items
    from claimledger.store import open_store

    options = ExtractOptions("accurate", 0.0)
    settings = Settings(embeddings=False, extraction=options)
    expected = len(extract(HEDGED_DE, "de", options=options).claims)
    assert expected > len(extract(HEDGED_DE, "de", options=ExtractOptions("accurate")).claims)
    report = ingest_items([RawDocument("hedged", text=HEDGED_DE, lang="de")],
                          open_store(tmp_path / "python.db"), settings)
    assert report.claims == expected
    api = TestClient(create_app(tmp_path / "api.db", token="t" * 24, settings=settings),
                     base_url="http://127.0.0.1")
    r = api.post("/api/ingest", json={"id": "hedged", "lang": "de", "text": HEDGED_DE},
                 headers={"Authorization": f"Bearer {'t' * 24}"})
    assert r.status_code == 200, r.text
    assert r.json()["claims"] == expected


@needs_model
def test_extract_command_takes_min_confidence() -> None:
    doc = json.dumps({"id": "hedged", "lang": "de", "text": HEDGED_DE})
    default = run_cli("extract", "-", "--mode", "accurate", stdin=doc)
    everything = run_cli("extract", "-", "--mode", "accurate", "--min-confidence", "0", stdin=doc)
    assert default.returncode == everything.returncode == 0, default.stderr + everything.stderr
    default_claims, all_claims = (jsonl(r.stdout)[0]["claims"] for r in (default, everything))
    assert len(all_claims) > len(default_claims)
    floor = learned_floor("de")
    assert min(c["confidence"] for c in all_claims) < floor <= min(c["confidence"] for c in default_claims)


@pytest.mark.parametrize("command", [
    ["extract", "-"], ["ingest", "x.txt", "--db", "{tmp}/l.db"], ["watch", "feeds.txt", "--db", "{tmp}/l.db"],
    ["batch", "x.txt", "--out", "{tmp}/out"],
])
def test_every_command_refuses_it_with_the_rule_engine(command: list[str], tmp_path: Path) -> None:
    args = [a.format(tmp=tmp_path) for a in command]
    result = run_cli(*args, "--min-confidence", "0.2", stdin="")
    assert result.returncode == 2
    assert "--min-confidence needs --mode balanced or accurate" in result.stderr
    assert not list(tmp_path.iterdir())  # refused before any ledger or output was made
