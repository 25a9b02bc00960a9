"""Incremental story assignment: a new article joins the best-matching story or starts one.

Signals that transfer across languages: canonical entity keys (names fold to one key across
spellings). Candidates come from the store by entity (an index lookup), so the cost per new
article does not grow with the ledger.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from claimledger.records import Extraction

MIN_SHARED = 2
MIN_SCORE = 0.2
TOP_K = 12


@dataclass(frozen=True, slots=True)
class StoryCandidate:
    story_id: int
    entities: dict[str, int]  # entity key -> mention count in the story


def story_signature(extraction: Extraction) -> dict[str, int]:
    """An article's most mentioned entity keys with their counts."""
    counts = Counter({e.id: len(e.mentions) for e in extraction.entities if len(e.id) > 2})
    return dict(counts.most_common(TOP_K))


def choose_story(signature: dict[str, int], candidates: list[StoryCandidate]) -> int | None:
    """The candidate story sharing the most of the article's entities, if similar enough."""
    best, best_score = None, 0.0
    mine = set(signature)
    for cand in candidates:
        theirs = {k for k, _ in Counter(cand.entities).most_common(TOP_K * 2)}
        shared = mine & theirs
        if len(shared) < MIN_SHARED:
            continue
        score = len(shared) / min(len(mine), len(theirs))
        if score > best_score:
            best, best_score = cand.story_id, score
    return best if best_score >= MIN_SCORE else None
