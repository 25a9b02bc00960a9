"""Incremental story assignment: a new article joins the best-matching story or starts one.

Signals that transfer across languages: a multilingual embedding of headline and lead, canonical
entity keys (one key per real-world thing across spellings), and publication dates. Candidates
come from index lookups (shared entities, stories active in a time window), so the cost per new
article is bounded by news volume in the window, not by the size of the ledger.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from claimledger.nlp.pack import LanguagePack, available_packs, get_pack
from claimledger.records import Entity, Extraction

TOP_K = 12
WINDOW_DAYS = 10
JOIN_SCORE = 0.86  # tuned on benchmarks/linking (docs/linking.md)
ENTITY_WEIGHT = 0.12
# Without embeddings: the share of the article's specific entities the story must already have
# (benchmarks/linking --fast: 0.53 gave BCubed F1 0.48 with P 1.0; 0.2 gives 0.70 with P 0.91).
FAST_JOIN_SHARE = 0.2
GENERIC_TYPES = frozenset({"place"})


@dataclass(frozen=True, slots=True)
class ArticleProfile:
    """What story linking knows about one article."""

    lang: str
    published: date | None
    vector: np.ndarray | None
    entities: dict[str, int]  # entity key -> mentions


@dataclass(slots=True)
class StoryCandidate:
    story_id: int
    centroid: np.ndarray | None  # sum of member vectors
    n: int
    entities: dict[str, int] = field(default_factory=dict)
    last_date: date | None = None


def profile(extraction: Extraction, published: date | None, vector: np.ndarray | None) -> ArticleProfile:
    """An article's linking profile: its most mentioned specific entities, date and vector."""
    pack = get_pack(extraction.lang) if extraction.lang in available_packs() else None
    counts = Counter({e.id: len(e.mentions) for e in extraction.entities
                      if len(e.id) > 2 and e.type not in GENERIC_TYPES and not _common_noun(e, pack)})
    return ArticleProfile(extraction.lang, published, vector, dict(counts.most_common(TOP_K)))


def _common_noun(entity: Entity, pack: LanguagePack | None) -> bool:
    """An untyped one-word entity that the language's lexicon reads as a common noun ("Die
    Opposition", "Anwohner" as sources): it names no one in particular, so it ties no articles
    into one story. Asked here, not at extraction, where the lexicon's cost would fall on every
    document (linking meets the same words again and again: cached)."""
    return entity.type == "unknown" and " " not in entity.name and pack is not None \
        and pack.proper_noun is not None and not pack.proper_noun(entity.name)


def entity_overlap(mine: dict[str, int], theirs: dict[str, int]) -> float:
    """Share of the article's entities that the story has (0..1)."""
    if not mine or not theirs:
        return 0.0
    top = {k for k, _ in Counter(theirs).most_common(TOP_K * 3)}
    return len(set(mine) & top) / len(mine)


def score(article: ArticleProfile, cand: StoryCandidate) -> float:
    """Similarity of an article to a story: centroid cosine plus an entity bonus, date-gated."""
    if article.published and cand.last_date and \
            abs((article.published - cand.last_date).days) > WINDOW_DAYS:
        return 0.0
    cos = 0.0
    if article.vector is not None and cand.centroid is not None and cand.n:
        c = cand.centroid / max(float(np.linalg.norm(cand.centroid)), 1e-9)
        cos = float(article.vector @ c)
    ent = entity_overlap(article.entities, cand.entities)
    if article.vector is None or cand.centroid is None:  # fast mode: entities alone, scaled so
        return JOIN_SCORE * ent / FAST_JOIN_SHARE  # that sharing FAST_JOIN_SHARE of them joins
    return cos + ENTITY_WEIGHT * ent


def choose_story(article: ArticleProfile, candidates: list[StoryCandidate],
                 threshold: float = JOIN_SCORE) -> int | None:
    """The best candidate story if it is similar enough, else None (start a new story)."""
    best, best_score = None, 0.0
    for cand in candidates:
        s = score(article, cand)
        if s > best_score:
            best, best_score = cand.story_id, s
    return best if best_score >= threshold else None


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
