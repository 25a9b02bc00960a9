"""The same claim reported by several articles -> one claim group.

Two claims are one when they say the same thing and come from the same source (canonical
entity), or say nearly word for word the same thing whatever source phrase the extractor found
(sources are often unresolved or worded differently across outlets and languages: "Verbraucher-
schützer" / "Kalmorian Consumer Alliance"). Multilingual embeddings catch translations and
paraphrase; shared content words are the fallback when no vectors are available.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from claimledger.nlp.keys import phonetic_key

SAME_CLAIM_COS = 0.82  # same source: paraphrase or translation
SAME_CONTENT_COS = 0.88  # any source: the same statement (measured on benchmarks/linking)
SAME_CLAIM_WORDS = 0.5
SAME_CONTENT_WORDS = 0.7
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# A story of hundreds of syndicated copies must not cost each new claim a comparison with every
# copy: beyond this many candidates, a claim is compared with the first report of each claim
# group among them and with the latest RECENT (benchmarks/throughput.py --articles 2000).
RECENT = 50


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
    # what a denial of its own article rejects, restated ("wies Berichte zurück, wonach X": X);
    # the denial answers the claim it restates, where the story has it
    account: bool = False
    denies: ClaimNode | None = None  # on a denial: the account nested in it


def content_words(text: str, stopwords: frozenset[str]) -> frozenset[str]:
    """Lower-case content words without stopwords or numbers, for overlap measures."""
    return frozenset(w for w in (m.lower() for m in _WORD.findall(text))
                     if len(w) > 2 and w not in stopwords)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)  # the union's size follows; building it would double the cost
    return shared / (len(a) + len(b) - shared)


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


class ClaimPool:
    """The claims of one story, indexed so that a new claim is compared only with claims that can
    match it: by shared content words (a claim can reach a word-overlap bar only with claims
    sharing one of its rarest words) and by figure unit. Without the indexes the cost of linking
    a claim grows with the size of its story; with them, and the bound of RECENT claims per index
    key plus the first of each claim group, it stays flat however many copies a story has."""

    def __init__(self, nodes: Iterable[ClaimNode] = ()) -> None:
        self.nodes: list[ClaimNode] = []
        self._by_word: defaultdict[str, list[ClaimNode]] = defaultdict(list)
        self._by_unit: defaultdict[str, list[ClaimNode]] = defaultdict(list)
        # per index key (and for the whole story under None): claim group -> its first claim
        self._firsts: defaultdict[str | None, dict[int, ClaimNode]] = defaultdict(dict)
        self._vectors: tuple[np.ndarray, list[ClaimNode]] | None = None
        self._rank: dict[int, int] = {}  # id(node) -> position, to keep results in story order
        self._said: dict[tuple[str, str], ClaimNode] = {}  # (article, content) -> first such claim
        for node in nodes:
            self.add(node)

    def __iter__(self) -> Iterator[ClaimNode]:
        return iter(self.nodes)

    def __len__(self) -> int:
        return len(self.nodes)

    def add(self, node: ClaimNode) -> None:
        self._rank[id(node)] = len(self.nodes)
        self._said.setdefault((node.article_id, node.content), node)
        self.nodes.append(node)
        units = {f"unit:{q['unit']}" for q in node.quantities if q.get("unit")}
        for w in node.words:
            self._by_word[w].append(node)
        for unit in units:
            self._by_unit[unit[5:]].append(node)
        if node.group_id is not None:
            for key in (None, *node.words, *units):
                self._firsts[key].setdefault(node.group_id, node)
        if node.vector is not None:
            self._vectors = None

    def said(self, article_id: str, content: str) -> ClaimNode | None:
        """The claim of this article with exactly this content, if any."""
        return self._said.get((article_id, content))

    def with_vectors(self) -> tuple[np.ndarray, list[ClaimNode]]:
        """The claims that have content vectors, and those vectors as one matrix (cached)."""
        if self._vectors is None:
            nodes = [n for n in self.nodes if n.vector is not None]
            self._vectors = (np.stack([n.vector for n in nodes]) if nodes else np.zeros((0, 0)), nodes)
        return self._vectors

    def recent(self) -> list[ClaimNode]:
        """All claims of the story, or beyond RECENT of them the first of each claim group and
        the RECENT latest, in story order."""
        return self._bounded(self.nodes, None)

    def overlapping(self, node: ClaimNode, bar: float) -> list[tuple[ClaimNode, float]]:
        """(claim, word jaccard) for every claim whose jaccard with `node` may reach `bar` > 0:
        candidates share one of the node's |words| - ceil(bar * |words|) + 1 rarest words."""
        words = sorted(node.words, key=lambda w: len(self._by_word.get(w, ())))
        keep = len(words) - math.ceil(bar * len(words)) + 1
        cands = self._ordered(o for w in words[:keep] for o in self._bounded(self._by_word.get(w, []), w))
        return [(o, jaccard(node.words, o.words)) for o in _latest_and_firsts(cands)]

    def with_unit(self, units: Iterable[str]) -> list[ClaimNode]:
        """Claims stating a figure in one of these units, each once, in story order (bounded)."""
        return _latest_and_firsts(self._ordered(
            o for u in units for o in self._bounded(self._by_unit.get(u, []), f"unit:{u}")))

    def _bounded(self, nodes: list[ClaimNode], key: str | None) -> list[ClaimNode]:
        if len(nodes) <= RECENT:
            return nodes
        return self._ordered([*self._firsts[key].values(), *nodes[-RECENT:]])

    def _ordered(self, nodes: Iterable[ClaimNode]) -> list[ClaimNode]:
        """Each claim once, in story order."""
        found = {id(o): o for o in nodes}
        return [o for _, o in sorted(found.items(), key=self._order)]

    def _order(self, item: tuple[int, ClaimNode]) -> int:
        return self._rank[item[0]]


def _latest_and_firsts(cands: list[ClaimNode]) -> list[ClaimNode]:
    """Candidates (in story order) cut down, when there are more than RECENT, to the first of
    each claim group among them and the RECENT latest."""
    if len(cands) <= RECENT:
        return cands
    seen: set[int] = set()
    out = []
    for k, c in enumerate(cands):
        first = c.group_id is not None and c.group_id not in seen
        if c.group_id is not None:
            seen.add(c.group_id)
        if first or k >= len(cands) - RECENT:
            out.append(c)
    return out


def pool_of(claims: ClaimPool | Iterable[ClaimNode]) -> ClaimPool:
    return claims if isinstance(claims, ClaimPool) else ClaimPool(claims)


def _similarities(node: ClaimNode, pool: ClaimPool) -> list[tuple[ClaimNode, float, bool]]:
    """(other, similarity, by vectors?) for each claim that could be the same claim: cosine of
    content vectors in one matrix product where both have one, else word overlap."""
    out = []
    if node.vector is not None:
        matrix, with_vec = pool.with_vectors()
        if with_vec:
            out = [(o, float(v), True) for o, v in zip(with_vec, matrix @ node.vector, strict=True)]
    out += [(o, sim, False) for o, sim in pool.overlapping(node, SAME_CLAIM_WORDS)
            if node.vector is None or o.vector is None]
    return out


def group_claim(node: ClaimNode, story_claims: ClaimPool | Iterable[ClaimNode]) -> int | None:
    """The claim group of the most similar earlier report of the same claim, if any: the same
    source saying the same thing, or any source saying nearly word for word the same."""
    best, best_sim = None, -1.0
    for other, sim, vectors in _similarities(node, pool_of(story_claims)):
        if other.group_id is None or other.article_id == node.article_id:
            continue
        any_source, same = (SAME_CONTENT_COS, SAME_CLAIM_COS) if vectors else (
            SAME_CONTENT_WORDS, SAME_CLAIM_WORDS)
        if sim < same or (sim < any_source and not same_source(node.source_key, other.source_key)):
            continue
        if sim > best_sim:
            best, best_sim = other.group_id, sim
    return best
