"""The same claim reported by several articles -> one claim group.

Two claims are one when they say the same thing and come from the same source (canonical
entity), or say nearly word for word the same thing whatever source phrase the extractor found
(sources are often unresolved or worded differently across outlets and languages: "Verbraucher-
schützer" / "Kalmorian Consumer Alliance"). Multilingual embeddings catch translations and
paraphrase; shared content words are the fallback when no vectors are available.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from claimledger.nlp.keys import phonetic_key

SAME_CLAIM_COS = 0.82  # same source: paraphrase or translation
SAME_CONTENT_COS = 0.88  # any source: the same statement (measured on benchmarks/linking)
SAME_CLAIM_WORDS = 0.5
SAME_CONTENT_WORDS = 0.7
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(slots=True)
class ClaimNode:
    """What linking knows about one stored claim."""

    claim_id: int
    article_id: str
    source_key: str | None
    content: str
    words: frozenset[str]
    vector: np.ndarray | None = None
    quantities: list[dict] = field(default_factory=list)  # low, high, unit, text
    denial: bool = False
    context: frozenset[str] = frozenset()  # words around a denial, which may name what it denies
    negated: bool = False  # the statement is negated ("kein Tränengas", "no delegation")
    published: date | None = None
    group_id: int | None = None


def content_words(text: str, stopwords: frozenset[str]) -> frozenset[str]:
    """Lower-case content words without stopwords or numbers, for overlap measures."""
    return frozenset(w for w in (m.lower() for m in _WORD.findall(text))
                     if len(w) > 2 and w not in stopwords)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def same_source(a: str | None, b: str | None) -> bool:
    """One source under two keys: equal, a short form of the other ("vallstrom" /
    "henrik-vallstrom"), or the same name in another transliteration."""
    if not a or not b:
        return False
    if a == b:
        return True
    pa, pb = a.split("-"), b.split("-")
    short, long_ = (pa, pb) if len(pa) < len(pb) else (pb, pa)
    if len(short) < len(long_) and long_[-len(short):] == short and len(short[-1]) >= 4:
        return True
    return len(pa) == len(pb) >= 2 and phonetic_key(a) == phonetic_key(b)


def _similarities(node: ClaimNode, others: list[ClaimNode]) -> list[tuple[ClaimNode, float, bool]]:
    """(other, similarity, by vectors?) for each other claim that could be the same claim: cosine
    of content vectors in one matrix product where both have one, else word overlap, skipping
    pairs whose word sets differ too much in size to reach the overlap bar."""
    out = []
    with_vec = [o for o in others if o.vector is not None] if node.vector is not None else []
    if with_vec:
        sims = np.stack([o.vector for o in with_vec]) @ node.vector
        out = [(o, float(v), True) for o, v in zip(with_vec, sims, strict=True)]
    n = len(node.words)
    for o in others:
        if node.vector is not None and o.vector is not None:
            continue
        small, large = (n, len(o.words)) if n < len(o.words) else (len(o.words), n)
        if small >= SAME_CLAIM_WORDS * large and small:  # jaccard <= smaller / larger set
            out.append((o, jaccard(node.words, o.words), False))
    return out


def group_claim(node: ClaimNode, story_claims: list[ClaimNode]) -> int | None:
    """The claim group of the most similar earlier report of the same claim, if any: the same
    source saying the same thing, or any source saying nearly word for word the same."""
    others = [o for o in story_claims if o.group_id is not None and o.article_id != node.article_id]
    best, best_sim = None, -1.0
    for other, sim, vectors in _similarities(node, others):
        any_source, same = (SAME_CONTENT_COS, SAME_CLAIM_COS) if vectors else (
            SAME_CONTENT_WORDS, SAME_CLAIM_WORDS)
        if sim < same or (sim < any_source and not same_source(node.source_key, other.source_key)):
            continue
        if sim > best_sim:
            best, best_sim = other.group_id, sim
    return best
