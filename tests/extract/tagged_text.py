"""Hand-written tagger output over our own sentences (one token per space-separated word), so
decoding and pairing can be tested without running the model."""

from __future__ import annotations

import re

import numpy as np

from claimledger.extract.neural.labels import ROLES, TYPES

Spans = dict[str, list[tuple[int, int]]]  # role -> word ranges [a, b)


def word_offsets(text: str) -> tuple[list[int], list[int]]:
    """Start and end of each space-separated word (one token per word)."""
    found = list(re.finditer(r"\S+", text))
    return [m.start() for m in found], [m.end() for m in found]


def tag_probs(n: int, spans: Spans) -> np.ndarray:
    """Role probabilities [n, roles, 3]: O everywhere, B then I over the given word ranges."""
    p = np.zeros((n, len(ROLES), 3), np.float32)
    p[:, :, 0] = 1.0
    for role, ranges in spans.items():
        k = ROLES.index(role)
        for a, b in ranges:
            p[a:b, k] = (0.0, 0.0, 1.0)
            p[a, k] = (0.0, 1.0, 0.0)
    return p


def type_probs(n: int, kind: str) -> np.ndarray:
    """Quote-type probabilities [n, types]: every token of the given type."""
    t = np.zeros((n, len(TYPES)), np.float32)
    t[:, TYPES.index(kind)] = 1.0
    return t


def text_of(text: str, spans: list[list[int]]) -> str:
    """The text of a role's spans."""
    return " ".join(text[s:e] for s, e in spans)


def decoded(text: str, probs: np.ndarray, types: np.ndarray, **choices: object) -> list[tuple[str, str]]:
    """(kind, content text) of the German claims decoded from hand-written tags with the given
    decoding choices."""
    from claimledger.extract.neural.decode import Decoding, claims_from_probs

    starts, ends = word_offsets(text)
    claims = claims_from_probs(text, probs, types, starts, ends, "de", Decoding(**choices))  # type: ignore[arg-type]
    return [(c["kind"], text_of(text, c["content"])) for c in claims]
