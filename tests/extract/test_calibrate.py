"""Learned claim probabilities and the floor (claimledger.extract.neural.calibrate): the mechanism
with hand-set weights on hand-written tagger output, then the shipped weights through the tagger."""

from __future__ import annotations

import numpy as np
import pytest
from tagged_text import tag_probs, text_of, type_probs, word_offsets

from claimledger.extract import neural
from claimledger.extract.neural.calibrate import KINDS, Calibration, features
from claimledger.extract.neural.decode import Decoding, claims_from_probs
from claimledger.nlp.pack import get_pack

TEXT = "Meier sagte , die Mieten fallen . Sie seien zu hoch , sagte er ."
# Meier(0) sagte(1) ,(2) die(3) Mieten fallen .(6) Sie(7) seien zu hoch(10) ,(11) sagte(12) er(13)
SPANS = {"quote": [(3, 7), (7, 11)], "cue": [(1, 2), (12, 13)], "speaker": [(0, 1), (13, 14)]}


def decode(calibration: Calibration | None) -> list[dict]:
    starts, ends = word_offsets(TEXT)
    n = len(starts)
    return claims_from_probs(TEXT, tag_probs(n, SPANS), type_probs(n, "Indirect"), starts, ends, "de",
                             Decoding(), None, calibration)


def width() -> int:
    starts, _ = word_offsets(TEXT)
    claims = decode(None)
    return len(features(TEXT, claims[0], claims, tag_probs(len(starts), SPANS)[:, 0], starts, get_pack("de")))


def test_calibrated_confidence_replaces_the_tag_mean_and_the_floor_drops() -> None:
    found = [text_of(TEXT, c["content"]) for c in decode(None)]
    assert found == ["die Mieten fallen .", "Sie seien zu hoch"]
    even = np.zeros(width())  # score 0 for every claim: probability one half
    kept = decode(Calibration(even, floor=0.5))
    assert [c["confidence"] for c in kept] == [0.5, 0.5]
    assert decode(Calibration(even, floor=0.6)) == []


def test_features_tell_claims_apart() -> None:
    starts, _ = word_offsets(TEXT)
    claims = decode(None)
    probs = tag_probs(len(starts), SPANS)[:, 0]
    first, second = (features(TEXT, c, claims, probs, starts, get_pack("de")) for c in claims)
    indirect = 4 + KINDS.index("indirect")  # bias, tag mean, lowest, second B start, then kinds
    assert first[indirect] == second[indirect] == 1.0
    assert (first[-1], second[-1]) == (0.0, 1.0)  # the second claim's source is a pronoun
    w = np.zeros(width())
    w[-1] = -5.0
    assert [c["confidence"] for c in decode(Calibration(w))] == [0.5, round(1 / (1 + np.exp(5.0)), 4)]


needs_weights = pytest.mark.skipif(not neural.CALIBRATION.is_file() or not neural.available(),
                                   reason=f"{neural.CALIBRATION} or the tagger absent")


@needs_weights
def test_shipped_calibration_trusts_a_plain_attributed_statement() -> None:
    for text, lang in (("Der Minister sagte am Montag, die Steuern würden im nächsten Jahr steigen.", "de"),
                       ("The minister said on Monday that taxes would rise next year.", "en")):
        claim, = neural.predict(text, lang)
        assert 0.5 < claim["confidence"] <= 1.0
