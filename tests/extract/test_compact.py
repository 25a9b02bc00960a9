"""Balanced mode (claimledger.extract.neural.compact): the compact tagger's rule features, its
network read back from the shipped weights, and whole extractions on sentences we wrote."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from conftest import run_cli
from tagged_text import word_offsets

from claimledger.extract import extract
from claimledger.extract.neural.compact import COMPACT, FEATURES, CompactTagger, token_features
from claimledger.nlp.pack import get_pack
from claimledger.settings import ExtractOptions

needs_compact = pytest.mark.skipif(not COMPACT.is_file(), reason="compact tagger weights not installed")
BALANCED = ExtractOptions("balanced")


def test_features_mark_quotations_and_lexicon_words() -> None:
    text = "Dabei habe er betont , „ wir bauen die Fähren hier “ . Laut Werft sei alles bereit ."
    starts, ends = word_offsets(text)
    words = text.split()
    f = token_features(text, starts, ends, get_pack("de"))
    assert f.shape == (len(words), FEATURES)
    inside = [w for w, row in zip(words, f, strict=True) if row[0]]
    assert inside == ["„", "wir", "bauen", "die", "Fähren", "hier", "“"]
    flagged = {w for w, row in zip(words, f, strict=True) if row[1:].any()}
    assert {"habe", "er", "betont", "Laut", "sei", "„", "“"} <= flagged
    assert not {"Fähren", "Werft", "bereit"} & flagged


def test_features_mark_the_first_token_of_a_paragraph() -> None:
    text = "„ Wir bauen hier .\nDas sagte Mäkelä ."
    starts, ends = word_offsets(text)
    f = token_features(text, starts, ends, get_pack("de"))
    assert [w for w, row in zip(text.split(), f, strict=True) if row[10]] == ["„", "Das"]


def test_the_network_reads_a_neighbour_at_each_dilation(tmp_path: Path) -> None:
    """A residual convolution at dilation d adds the token d places to the left (first block of
    its [3C, C] weights), as the exported layout says; checked with weights made by hand."""
    c, d = 4, 2
    w = {"inp.w": np.zeros((384 + FEATURES, c)), "inp.b": np.zeros(c),
         "norm0.g": np.ones(c), "norm0.b": np.zeros(c),
         "conv0.w": np.zeros((3 * c, c)), "conv0.b": np.zeros(c),
         "out.g": np.ones(c), "out.b": np.zeros(c), "roles.w": np.zeros((c, 15)), "roles.b": np.zeros(15),
         "types.w": np.zeros((c, 5)), "types.b": np.zeros(5)}
    w["inp.w"][384, 0] = 1.0  # channel 0 = "inside a quotation"
    w["conv0.w"][0 * c + 0, 1] = 5.0  # channel 1 += (left neighbour at distance d)'s normalised channel 0
    w["roles.w"][1, 0] = 1.0  # quote-role logit for O reads channel 1
    path = tmp_path / "tiny.npz"
    np.savez(path, meta=np.array(json.dumps({"dilations": [d]})), **w)
    tagger = CompactTagger(path)
    feats = np.zeros((6, FEATURES), np.float32)
    feats[1, 0] = 1.0
    roles, _ = tagger.forward(np.zeros((6, 384), np.float32), feats)
    assert int(np.argmax(roles[:, 0, 0])) == 1 + d


@needs_compact
def test_german_quote_with_speaker() -> None:
    text = "„Die Fähren werden im Frühjahr fertig“, sagte Werftchefin Liisa Mäkelä am Dienstag."
    claim, = extract(text, "de", "t", BALANCED).claims
    assert "Die Fähren werden im Frühjahr fertig" in claim.content.text
    assert "Liisa Mäkelä" in claim.source.text and claim.cue.text.startswith("sagte")
    assert claim.source_entity is not None and claim.source_entity.name == "Liisa Mäkelä"


@needs_compact
def test_english_said_that_and_according_to() -> None:
    said, = extract("The harbour master said that the new ferries would enter service in March.", "en", "t",
                    BALANCED).claims
    assert "harbour master" in said.source.text and said.cue.text == "said"
    assert said.content.text == "that the new ferries would enter service in March"
    council, = extract("The yard has 400 workers, according to the regional council.", "en", "t",
                       BALANCED).claims
    assert (council.kind, council.source.text) == ("according_to", "the regional council")
    assert council.quantities and council.quantities[0].value == 400


@needs_compact
def test_english_content_stops_before_the_next_attribution() -> None:
    """Session 10's compact tagger ran the first content on over the full stop into the next
    sentence and gave the second claim none of its own."""
    text = ("The harbour master said that the new ferries would enter service in March. "
            "The yard has 400 workers, according to the regional council.")
    first, second = extract(text, "en", "t", BALANCED).claims
    assert first.content.text == "that the new ferries would enter service in March"
    assert (second.source.text, second.content.text) == ("the regional council", "The yard has 400 workers")


@needs_compact
def test_no_claim_in_plain_text() -> None:
    assert extract("Die Brücke ist 300 Meter lang und wurde 1998 gebaut.", "de", "t", BALANCED).claims == ()


@needs_compact
def test_cli_extract_in_balanced_mode_with_a_recall_setting() -> None:
    doc = {"id": "a", "lang": "de", "text": "Der Bürgermeister sagte, die Brücke werde im Mai eröffnet."}
    strict = run_cli("extract", "--mode", "balanced", "-", stdin=json.dumps(doc) + "\n")
    everything = run_cli("extract", "--mode", "balanced", "--min-confidence", "0", "-",
                         stdin=json.dumps(doc) + "\n")
    assert strict.returncode == 0 and everything.returncode == 0, strict.stderr + everything.stderr
    strict_claims = json.loads(strict.stdout)["claims"]
    all_claims = json.loads(everything.stdout)["claims"]
    assert any("Brücke" in c["content"]["text"] for c in strict_claims)
    assert len(all_claims) >= len(strict_claims)


@needs_compact
def test_the_compact_taggers_own_claim_floor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Balanced mode drops claims under the floor stored with its weights (not the full
    tagger's), and --min-confidence still replaces it."""
    from claimledger.extract import neural

    text = "The harbour master said that the new ferries would enter service in March."
    tagger = neural._compact()
    assert set(tagger.floors) == {"de", "en"}
    assert neural.predict(text, "en", compact=True)
    monkeypatch.setitem(tagger.floors, "en", 1.01)  # above any probability
    assert neural.predict(text, "en", compact=True) == []
    assert neural.predict(text, "en", min_confidence=0.0, compact=True)
    assert neural.predict(text, "en")  # the full tagger keeps its own floor
