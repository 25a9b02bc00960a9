"""Claim confidence as a learned probability, and the floor below which a claim is dropped.

The tagger's mean tag probability over a quote says little about whether the whole claim is
right: spurious quotes are often tagged at 0.95 and above (session 7, held-out: 39 of 253 German
claims match no gold quote; dropping exactly those would lift message F1 0.773 -> 0.835). Here a
logistic model reads the finished claim: tag probabilities (mean, lowest, a second B start inside),
kind, which roles it found and how far its cue stands, length and pieces, quotation marks at its
ends, its place in the document and paragraph, whether it is a copy inside another claim, a
pronoun source. Its output replaces the claim's confidence (the probability that a reader would
find the claim in the gold annotation), and claims under the language's floor are dropped.
Trained by scripts/train_calibration.py on the tagger's own claims in the training documents;
weights and floor in model/calibration.json.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import numpy as np

from claimledger.extract.neural.assign import QUOTE_MARKS, count3, onehot
from claimledger.extract.neural.labels import B
from claimledger.nlp.pack import LanguagePack

Span = tuple[int, int]
KINDS = ("direct", "indirect", "reported", "free_indirect", "according_to")
LEAD = 300  # characters: a claim starting this early stands in the title or lead


def overlap(a: list[Span], b: list[Span]) -> int:
    """Characters two span lists share."""
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def spans(claim: dict, role: str) -> list[Span]:
    """A role's spans of a claim dict as tuples ([] when it has none)."""
    return [(int(s), int(e)) for s, e in claim.get(role) or []]


def features(text: str, claim: dict, claims: list[dict], quote_probs: np.ndarray, starts: list[int],
             pack: LanguagePack) -> list[float]:
    """Features of one finished claim (quote_probs [T, 3]: the quote layer's B/I/O probabilities)."""
    content, cue = spans(claim, "content"), spans(claim, "cue")
    size = sum(e - s for s, e in content) or 1
    body = " ".join(text[s:e] for s, e in content).strip()
    toks = [t for s, e in content for t in range(bisect_left(starts, s), bisect_left(starts, e))]
    inside = quote_probs[toks, 1:].sum(-1) if toks else np.zeros(1)
    gap = min((max(0, max(s1, s2) - min(e1, e2)) for s1, e1 in cue for s2, e2 in content), default=None)
    para_start = text.rfind("\n", 0, content[0][0]) + 1
    para_end = text.find("\n", content[-1][1])
    para_end = len(text) if para_end < 0 else para_end
    neighbours = sum(1 for o in claims if o is not claim and para_start <= o["content"][0][0] < para_end)
    lo, hi = content[0][0], content[-1][1]
    inner = any(o is not claim and o["content"][0][0] < hi and lo < o["content"][-1][1]  # cheap test first
                and overlap(content, spans(o, "content")) >= size
                and sum(e - s for s, e in spans(o, "content")) > size for o in claims)
    source = " ".join(text[s:e] for s, e in spans(claim, "source")).lower().split()
    return [1.0, float(claim["confidence"]), float(inside.min()),
            float(bool(toks) and (quote_probs[toks, B] > 0.5).sum() > 1),
            *(float(claim["kind"] == k) for k in KINDS),
            float(bool(cue)), float(bool(claim.get("source"))), float(bool(claim.get("frame"))),
            *onehot(len(body.split()), (3, 6, 12, 25)), *count3(len(content) - 1),
            float(body[:1] in QUOTE_MARKS), float(body[-1:] in QUOTE_MARKS),
            *(onehot(gap, (0, 3, 20, 60)) if gap is not None else [0.0] * 5),
            float(content[0][0] < LEAD), *count3(neighbours), float(inner),
            float(bool(source) and source[0] in pack.pronouns)]


@dataclass
class Calibration:
    """Logistic weights over `features` and the floor below which a claim is dropped."""

    weights: np.ndarray
    floor: float = 0.0

    @classmethod
    def from_json(cls, d: dict) -> Calibration:
        return cls(np.array(d["weights"], np.float64), float(d["floor"]))

    def to_json(self) -> dict:
        return {"weights": np.round(self.weights, 5).tolist(), "floor": self.floor}

    def probabilities(self, text: str, claims: list[dict], quote_probs: np.ndarray, starts: list[int],
                      pack: LanguagePack) -> list[float]:
        if not claims:
            return []
        x = np.array([features(text, c, claims, quote_probs, starts, pack) for c in claims])
        return (1.0 / (1.0 + np.exp(-(x @ self.weights)))).tolist()

    def apply(self, text: str, claims: list[dict], quote_probs: np.ndarray, starts: list[int],
              pack: LanguagePack) -> list[dict]:
        """The claims at or above the floor, each with its probability as confidence."""
        probs = self.probabilities(text, claims, quote_probs, starts, pack)
        return [{**c, "confidence": round(p, 4)}
                for c, p in zip(claims, probs, strict=True) if p >= self.floor]
