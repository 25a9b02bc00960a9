"""Learned role-to-quote pairing: which tagged frame, cue, speaker or addressee group belongs to
which quote.

The tagger finds role spans well, but the nearest-group rules pair them with the wrong quote
(session 6: choosing among the decoded groups by the gold would lift German held-out roles F1
0.67 -> 0.77 and English source 0.72 -> 0.77). Here every (quote, candidate group) pair gets a
score from geometric and a few language-pack features, "none" competes as one more option, and
the best option wins (a conditional logit, trained by scripts/train_assign.py on the tagger's
own groups in the training documents with the gold pairing as the answer; weights in
model/assign.json). Quotes are visited in text order so that "taken by an earlier
quote" can be a feature.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from claimledger.extract.neural.labels import TYPES
from claimledger.nlp.pack import LanguagePack

Span = tuple[int, int]
Group = list[Span]
# decided in this order: cue, speaker and addressee look at the frame, the speaker at the cue
ROLES = ("frame", "cue", "speaker", "addressee")
MAX_GAP = 1000  # characters: candidates further from the quote are not considered
MAX_OPTIONS = 12  # ... nor any beyond the nearest this many
SENTENCE_END = re.compile(r"[.!?][\"'“”»«]?\s")  # a stop (and a closing quotation mark), then space
QUOTE_MARKS = set("„“”\"»«‚‘’")
# (role, quote, groups of that role taken by earlier quotes) -> the rules' choice
Fallback = Callable[[str, "Quote", list[Group]], Group]
GAP_BUCKETS = (0, 3, 20, 60, 150, 400)
CUE_BUCKETS = (1, 20, 60)


@dataclass
class Quote:
    """A quote and what is already decided about it."""

    spans: Group
    type: int  # index into TYPES
    frame: Group = field(default_factory=list)
    confidence: float = 1.0
    typed: bool = True  # the language's training data has quote types (English: no)
    chosen: dict[str, Group] = field(default_factory=dict)

    @property
    def free_indirect(self) -> bool:
        return TYPES[self.type] in ("FreeIndirect", "IndirectFreeIndirect")

    @property
    def kind(self) -> int:
        """The type as a feature: -1 where the type head was never trained."""
        return self.type if self.typed else -1


def key(group: Group) -> tuple[Span, ...]:
    """A hashable form of a group."""
    return tuple(map(tuple, group))


def gap(a: Group, b: Group) -> int:
    """Characters between two span groups (0 when they touch or overlap)."""
    if len(a) == 1 and len(b) == 1:  # the usual case, without a generator
        return max(0, max(a[0][0], b[0][0]) - min(a[0][1], b[0][1]))
    return min(max(0, max(s1, s2) - min(e1, e2)) for s1, e1 in a for s2, e2 in b)


def gaps_to(group: Group, flat: np.ndarray, first: np.ndarray) -> np.ndarray:
    """`gap` from one group to each of many groups at once: their spans stacked in `flat`
    [n, 2], each group's first row in `first`."""
    starts, ends = flat[:, 0], flat[:, 1]
    d = np.min([np.maximum(0, np.maximum(s, starts) - np.minimum(e, ends)) for s, e in group], axis=0)
    return np.minimum.reduceat(d, first)


def inside(a: Group, outer: Group) -> bool:
    """True when every span of `a` lies within some span of `outer`."""
    return bool(outer) and all(any(fs <= s and e <= fe for fs, fe in outer) for s, e in a)


def onehot(value: int, cuts: tuple[int, ...]) -> list[float]:
    """Bucket indicator: value <= cuts[0], <= cuts[1], ..., above the last."""
    return _UNIT[len(cuts) + 1][bisect_left(cuts, value)]


_UNIT = {n: [[float(i == k) for i in range(n)] for k in range(n)] for n in range(2, 9)}  # read only


def count3(n: int) -> list[float]:
    """0, 1, 2 or more."""
    return [float(n == 0), float(n == 1), float(n >= 2)]


class Features:
    """Feature vectors of the options for one quote and role in one document."""

    def __init__(self, text: str, quotes: list[Quote], pack: LanguagePack,
                 confidence: dict[tuple[Span, ...], float]) -> None:
        self.text = text
        self.quotes = quotes
        self.pronouns = set(pack.pronouns)
        self.confidence = confidence  # tag confidence per group (by `key`)
        # memos (the same pool and the same candidates come back for every quote and role)
        self._pool: tuple[list[Group], Group, list[int]] | None = None
        self._cands: tuple[list[Group], np.ndarray, np.ndarray] | None = None
        self._nearest: dict[tuple[Span, ...], tuple[tuple[float, int], tuple[float, int]]] = {}
        self._index = {id(q): k for k, q in enumerate(quotes)}
        self._flat = np.array([(s, e) for q in quotes for s, e in q.spans], np.int64).reshape(-1, 2)
        self._first = np.cumsum([0] + [len(q.spans) for q in quotes[:-1]])  # each quote's first span
        self._by_start = sorted(quotes, key=lambda q: q.spans[0][0])
        self._starts = [q.spans[0][0] for q in self._by_start]

    def options(self, cands: list[Group], quote: Group) -> list[Group]:
        """The candidate groups a quote chooses from: the nearest MAX_OPTIONS within MAX_GAP, in
        text order (ties by text order)."""
        if not cands:
            return []
        if self._cands is None or self._cands[0] is not cands:  # one role's groups: for every quote
            flat = np.array([(s, e) for c in cands for s, e in c], np.int64)
            first = np.cumsum([0] + [len(c) for c in cands[:-1]])
            self._cands = (cands, flat, first)
        per_cand = gaps_to(quote, *self._cands[1:])
        near = np.argsort(per_cand, kind="stable")[:MAX_OPTIONS]
        keep = sorted(near[per_cand[near] <= MAX_GAP].tolist())
        pool = [cands[k] for k in keep]
        self._pool = (pool, quote, sorted(per_cand[keep].tolist()))  # what `candidate` ranks by
        return pool

    def pool_gaps(self, cands: list[Group], quote: Group) -> list[int]:
        """Sorted gaps between the quote and each candidate of its pool (kept by `options`)."""
        if self._pool is None or self._pool[0] is not cands or self._pool[1] is not quote:
            self._pool = (cands, quote, sorted(gap(x, quote) for x in cands))
        return self._pool[2]

    def rival(self, c: Group, q: Quote, g: int) -> bool:
        """True when a quote other than q is nearer than `g` characters to the candidate."""
        k = key(c)
        if k not in self._nearest:  # the two nearest quotes, computed once per candidate
            per_quote = gaps_to(c, self._flat, self._first)
            order = np.argsort(per_quote, kind="stable")[:2].tolist()
            best = [(float(per_quote[i]), i) for i in order] + [(np.inf, -1)] * 2
            self._nearest[k] = (best[0], best[1])
        qi = self._index[id(q)]
        (d1, i1), (d2, i2) = self._nearest[k]
        return (d1 < g and i1 != qi) or (d2 < g and i2 != qi)

    def quotes_within(self, q: Quote, s: int, e: int) -> int:
        """Number of quotes other than q lying wholly in [s, e]."""
        n = 0
        for o in self._by_start[bisect_left(self._starts, s):bisect_right(self._starts, e)]:
            n += o is not q and o.spans[-1][1] <= e
        return n

    def between(self, a: Group, b: Group) -> tuple[int, int]:
        """The character range strictly between two groups (empty when they overlap)."""
        s, e = min(a[-1][1], b[-1][1]), max(a[0][0], b[0][0])
        return (s, e) if s < e else (s, s)

    def candidate(self, q: Quote, c: Group, cands: list[Group], role: str, taken: bool) -> list[float]:
        """Features of candidate group `c` for quote `q`."""
        text, qs, qe = self.text, q.spans[0][0], q.spans[-1][1]
        g = gap(c, q.spans)
        before, after = c[-1][1] <= qs, c[0][0] >= qe
        pos = [float(before), float(after), float(not before and not after)]
        kind = [float(q.kind == k) for k in range(len(TYPES))]
        s, e = self.between(c, q.spans)
        mid = text[s:e]
        others = self.quotes_within(q, s, e)
        rank = self.pool_gaps(cands, q.spans).index(g)
        n_between = sum(1 for x in cands if x is not c and s <= x[0][0] and x[-1][1] <= e)
        rival = self.rival(c, q, g)
        words = self.text[c[0][0]:c[-1][1]].split()
        cue = q.chosen.get("cue") or []
        out = [1.0, np.log1p(g) / 6, *onehot(g, GAP_BUCKETS), *pos,
               *(p * k for p in pos for k in kind),
               *count3(mid.count("\n")), *count3(len(SENTENCE_END.findall(text[max(0, s - 2):e + 1]))),
               *count3(others), *count3(n_between), *onehot(rank, (0, 1, 2)),
               float(rival), float(taken), float(":" in mid), float(not QUOTE_MARKS.isdisjoint(mid)),
               float(mid.strip() in {"", ","}), *onehot(len(words), (1, 2)),
               float(any(w.lower().strip(",.") in self.pronouns for w in words)),
               float(words[0][:1].isupper() if words else 0.0), float(inside(c, q.frame)),
               self.confidence.get(key(c), 1.0)]
        if role != "cue":
            out += [float(bool(cue))]
            out += onehot(gap(c, cue), CUE_BUCKETS) if cue else [0.0] * (len(CUE_BUCKETS) + 1)
            cs, ce = (cue[0][0], cue[-1][1]) if cue else (0, 0)
            out += [float(bool(cue) and cs <= c[0][0] and c[-1][1] <= ce),
                    float(bool(cue) and min(ce, qe) <= c[0][0] and c[-1][1] <= max(cs, qs))]
        return out

    def none(self, q: Quote, cands: list[Group]) -> list[float]:
        """Features of the "no group" option: its own bias per quote type and pool size."""
        near = min((gap(c, q.spans) for c in cands), default=MAX_GAP)
        return [1.0, *(float(q.kind == k) for k in range(len(TYPES))), *onehot(near, (20, 150)),
                float(bool(q.chosen.get("cue")))]


@dataclass
class Weights:
    """One role's linear scores: of a candidate's features and of the none option's."""

    linear: np.ndarray
    none: np.ndarray

    def candidates(self, x: np.ndarray) -> np.ndarray:
        """Scores of candidate feature rows [M, D]."""
        return x @ self.linear

    @classmethod
    def from_json(cls, d: dict) -> Weights:
        return cls(np.array(d["linear"], np.float64), np.array(d["none"], np.float64))

    def to_json(self) -> dict:
        return {"linear": np.round(self.linear, 5).tolist(), "none": np.round(self.none, 5).tolist()}


@dataclass
class Scorer:
    """Learned weights per role (roles without weights are left to the rules)."""

    weights: dict[str, Weights]

    @classmethod
    def from_json(cls, data: dict) -> Scorer:
        return cls({r: Weights.from_json(w) for r, w in data.items()})

    def to_json(self) -> dict:
        return {r: w.to_json() for r, w in self.weights.items()}

    def choose(self, feats: Features, q: Quote, role: str, cands: list[Group], taken: list[Group]) -> Group:
        """The best-scoring candidate group, or [] when "none" scores higher."""
        pool = feats.options(cands, q.spans)
        if not pool:
            return []
        w = self.weights[role]
        scores = w.candidates(np.array([feats.candidate(q, c, pool, role, c in taken) for c in pool]))
        k = int(np.argmax(scores))
        return pool[k] if scores[k] > float(w.none @ np.array(feats.none(q, pool))) else []

    def assign(self, feats: Features, found: dict[str, list[Group]], fallback: Fallback) -> None:
        """Choose every role for every quote (in text order), in place; roles
        without learned weights are chosen by `fallback` (the nearest-group rules)."""
        taken: dict[str, list[Group]] = {r: [] for r in ROLES}
        for q in sorted(feats.quotes, key=lambda q: q.spans[0][0]):
            for role in ROLES:
                if role in self.weights:
                    c = self.choose(feats, q, role, found.get(role, []), taken[role])
                else:
                    c = fallback(role, q, taken[role])
                q.chosen[role] = c
                if role == "frame":
                    q.frame = c
                if c and not (role == "cue" and q.free_indirect):  # a free indirect claim drops its cue
                    taken[role].append(c)
