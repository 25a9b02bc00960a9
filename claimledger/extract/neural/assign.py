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
from bisect import bisect_left
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
    """Feature rows of the options of every quote for one role in one document. What does not
    depend on earlier choices is computed once per role for all quotes together (numpy over all
    (quote, candidate) pairs: a Python row per candidate was most of the pairing's time); what
    does (groups taken by earlier quotes, the quote's chosen frame and cue) when it is chosen."""

    def __init__(self, text: str, quotes: list[Quote], pack: LanguagePack,
                 confidence: dict[tuple[Span, ...], float]) -> None:
        self.text = text
        self.quotes = quotes
        self.pronouns = set(pack.pronouns)
        self.confidence = confidence  # tag confidence per group (by `key`)
        self._roles: dict[int, _RoleGroups] = {}  # every quote chooses from the same role lists
        self._index = {id(q): k for k, q in enumerate(quotes)}
        self._flat, self._first = _stacked([q.spans for q in quotes])
        self._q_start = np.array([q.spans[0][0] for q in quotes], np.int64)
        self._q_end = np.array([q.spans[-1][1] for q in quotes], np.int64)
        self._counts: _TextCounts | None = None

    @property
    def counts(self) -> _TextCounts:
        """Character counts over the text (made on first use: documents with no quote skip it)."""
        if self._counts is None:
            self._counts = _TextCounts(self.text)
        return self._counts

    def _groups(self, cands: list[Group]) -> _RoleGroups:
        """One role's groups as arrays (kept: every quote chooses from the same list)."""
        memo = self._roles.get(id(cands))
        if memo is None or memo.groups is not cands:
            memo = self._roles[id(cands)] = _RoleGroups(cands, self)
        return memo

    def rows(self, q: Quote, cands: list[Group], role: str, taken: list[Group]
             ) -> tuple[list[Group], np.ndarray, np.ndarray]:
        """The options of quote q (one of this document's quotes) among one role's groups: the
        nearest MAX_OPTIONS within MAX_GAP, in text order (ties by text order); their feature
        rows [len(options), D]; and the features of the "no group" option. `taken`: the groups
        earlier quotes took."""
        if not cands:
            return [], np.zeros((0, 0)), self._none(q, MAX_GAP)
        groups = self._groups(cands)
        if groups.table is None:
            groups.table = self._static_rows(groups)
        per_quote, (taken_at, frame_at) = groups.table
        keep, static, gaps = per_quote[self._index[id(q)]]
        pool = [cands[k] for k in keep.tolist()]
        x = static.copy()
        x[:, taken_at] = [c in taken for c in pool]
        if q.frame:
            x[:, frame_at] = [inside(c, q.frame) for c in pool]
        none = self._none(q, int(gaps.min()) if len(gaps) else MAX_GAP)
        if role == "cue":
            return pool, x, none
        return pool, np.hstack([x, self._cue_columns(q, groups, keep)]), none

    def _static_rows(self, groups: _RoleGroups) -> _Table:
        """For every quote: its options (indices into the role's groups), their feature rows
        with the columns that depend on earlier choices left at 0, and their gaps to it; and
        where those columns are (taken, inside the frame)."""
        picks = [groups.options(q.spans) for q in self.quotes]
        sizes = [len(k) for k, _ in picks]
        qi = np.repeat(np.arange(len(self.quotes)), sizes)  # each (quote, candidate) pair's quote
        ci = np.concatenate([k for k, _ in picks]).astype(np.int64)  # ... and candidate
        g = np.concatenate([d for _, d in picks]).astype(np.int64)
        qs, qe, cs, ce = self._q_start[qi], self._q_end[qi], groups.start[ci], groups.end[ci]
        before, after = ce <= qs, cs >= qe
        pos = np.stack([before, after, ~before & ~after], axis=1).astype(np.float64)
        kind = np.array([q.kind for q in self.quotes], np.int64)[qi][:, None] == np.arange(len(TYPES))
        s = np.minimum(ce, qe)  # the characters between candidate and quote: [s, e)
        e = np.maximum(np.maximum(cs, qs), s)
        t = self.counts
        quotes_in = (self._q_start[None, :] >= s[:, None]) & (self._q_end[None, :] <= e[:, None])
        others = quotes_in.sum(1) - ((qs >= s) & (qe <= e))  # other quotes wholly between
        same = qi[:, None] == qi[None, :]  # pairs of one quote's pool
        within = same & (cs[None, :] >= s[:, None]) & (ce[None, :] <= e[:, None])
        np.fill_diagonal(within, False)
        rank = (same & (g[None, :] < g[:, None])).sum(1)  # options nearer to the quote
        (d1, i1), (d2, i2) = groups.nearest(self._flat, self._first)
        rival = ((d1[ci] < g) & (i1[ci] != qi)) | ((d2[ci] < g) & (i2[ci] != qi))  # a nearer quote
        solid = t.between(t.solid, s, e)
        bare = (solid == 0) | ((solid == 1) & (t.between(t.comma, s, e) == 1))  # nothing or a comma
        zero = np.zeros(len(g))
        blocks = [np.ones(len(g)), np.log1p(g) / 6, _onehot(g, GAP_BUCKETS), pos,
                  (pos[:, :, None] * kind[:, None, :]).reshape(len(g), 3 * len(TYPES)),
                  _count3(t.between(t.newline, s, e)), _count3(t.sentence_ends(s, e)),
                  _count3(others), _count3(within.sum(1)), _onehot(rank, (0, 1, 2)), rival]
        taken_at = _width(blocks)  # filled when the option is chosen, like the frame column
        blocks += [zero, t.between(t.colon, s, e) > 0, t.between(t.mark, s, e) > 0, bare, groups.static[ci]]
        frame_at = _width(blocks)
        x = np.column_stack([*blocks, zero, groups.confidence[ci]]).astype(np.float64)
        bounds = np.cumsum(sizes)[:-1]
        per_quote = list(zip(np.split(ci, bounds), np.split(x, bounds), np.split(g, bounds), strict=True))
        return per_quote, (taken_at, frame_at)

    def _cue_columns(self, q: Quote, groups: _RoleGroups, keep: np.ndarray) -> np.ndarray:
        """What the quote's chosen cue says about each option: whether there is one, the gap
        to it, whether the option lies within it or between it and the quote."""
        cue = q.chosen.get("cue") or []
        if not cue:
            return np.zeros((len(keep), len(CUE_BUCKETS) + 4))
        qs, qe = q.spans[0][0], q.spans[-1][1]
        us, ue = cue[0][0], cue[-1][1]
        cs, ce = groups.start[keep], groups.end[keep]
        return np.column_stack([np.ones(len(keep)), _onehot(gaps_to(cue, groups.flat, groups.first)[keep],
                                                            CUE_BUCKETS),
                                (us <= cs) & (ce <= ue), (min(ue, qe) <= cs) & (ce <= max(us, qs))])

    def _none(self, q: Quote, near: int) -> np.ndarray:
        """Features of the "no group" option: its own bias per quote type and by the gap to the
        nearest option."""
        return np.array([1.0, *(float(q.kind == k) for k in range(len(TYPES))), *onehot(near, (20, 150)),
                         float(bool(q.chosen.get("cue")))])


# per quote (option indices, feature rows, gaps), and the two columns filled at choice time
_Table = tuple[list[tuple[np.ndarray, np.ndarray, np.ndarray]], tuple[int, int]]


class _TextCounts:
    """Prefix counts of a few kinds of character, so that any range is counted in O(1)."""

    def __init__(self, text: str) -> None:
        cps = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32)
        space = np.array([ord(c) for c in set(text) if c.isspace()], np.uint32)

        def prefix(flags: np.ndarray) -> np.ndarray:
            return np.concatenate([[0], np.cumsum(flags)])

        self.newline = prefix(cps == ord("\n"))
        self.colon = prefix(cps == ord(":"))
        self.comma = prefix(cps == ord(","))
        self.mark = prefix(np.isin(cps, np.array([ord(c) for c in QUOTE_MARKS], np.uint32)))
        self.solid = prefix(~np.isin(cps, space))
        ends = [(m.start(), m.end()) for m in SENTENCE_END.finditer(text)]
        self._stop = np.array(ends, np.int64).reshape(-1, 2)
        self.size = len(text)

    def between(self, prefix: np.ndarray, s: np.ndarray, e: np.ndarray) -> np.ndarray:
        """Characters of one kind in each range [s, e)."""
        return prefix[np.minimum(e, self.size)] - prefix[np.minimum(s, self.size)]

    def sentence_ends(self, s: np.ndarray, e: np.ndarray) -> np.ndarray:
        """Sentence ends (SENTENCE_END) within each range [s - 2, e + 1): the text's own matches,
        which never overlap, so those inside a range are exactly its own matches."""
        lo, hi = np.maximum(0, s - 2), e + 1
        return (np.searchsorted(self._stop[:, 1], hi, side="right")
                - np.searchsorted(self._stop[:, 0], lo, side="left"))


class _RoleGroups:
    """One role's candidate groups as arrays, with what each says by itself (number of words,
    a pronoun among them, a capital first letter, its tag confidence)."""

    def __init__(self, groups: list[Group], feats: Features) -> None:
        self.groups = groups
        self.flat, self.first = _stacked(groups)
        self.start = np.array([c[0][0] for c in groups], np.int64)
        self.end = np.array([c[-1][1] for c in groups], np.int64)
        self.static = np.array([_words_features(feats.text[c[0][0]:c[-1][1]].split(), feats.pronouns)
                                for c in groups], np.float64)
        self.confidence = np.array([feats.confidence.get(key(c), 1.0) for c in groups], np.float64)
        self._nearest: tuple[tuple[np.ndarray, np.ndarray], ...] | None = None
        self.table: _Table | None = None  # made by Features.rows

    def options(self, quote: Group) -> tuple[np.ndarray, np.ndarray]:
        """A quote's options: the nearest MAX_OPTIONS groups within MAX_GAP, in text order (ties
        by text order), as indices, and their gaps to the quote."""
        per_cand = gaps_to(quote, self.flat, self.first)
        near = np.argsort(per_cand, kind="stable")[:MAX_OPTIONS]
        keep = np.sort(near[per_cand[near] <= MAX_GAP])
        return keep, per_cand[keep]

    def nearest(self, flat: np.ndarray, first: np.ndarray) -> tuple[tuple[np.ndarray, np.ndarray], ...]:
        """Each group's nearest and second-nearest quote (the quotes' spans as `gaps_to` takes
        them): (gaps, quote indices) twice; a missing one is infinitely far."""
        if self._nearest is None:
            n = len(self.groups)
            gaps, index = np.full((n, 2), np.inf), np.full((n, 2), -1)
            for k, c in enumerate(self.groups if len(flat) else []):
                per_quote = gaps_to(c, flat, first)
                order = np.argsort(per_quote, kind="stable")[:2]
                gaps[k, :len(order)], index[k, :len(order)] = per_quote[order], order
            self._nearest = ((gaps[:, 0], index[:, 0]), (gaps[:, 1], index[:, 1]))
        return self._nearest


def _words_features(words: list[str], pronouns: set[str]) -> list[float]:
    return [*onehot(len(words), (1, 2)), float(any(w.lower().strip(",.") in pronouns for w in words)),
            float(words[0][:1].isupper() if words else 0.0)]


def _stacked(groups: list[Group]) -> tuple[np.ndarray, np.ndarray]:
    """The groups' spans stacked [n, 2] and each group's first row (the form `gaps_to` takes)."""
    flat = np.array([(s, e) for c in groups for s, e in c], np.int64).reshape(-1, 2)
    return flat, np.cumsum([0] + [len(c) for c in groups[:-1]])


def _onehot(values: np.ndarray, cuts: tuple[int, ...]) -> np.ndarray:
    """`onehot` of many values: [n, len(cuts) + 1]."""
    return np.eye(len(cuts) + 1)[np.searchsorted(cuts, values, side="left")]


def _width(blocks: list[np.ndarray]) -> int:
    """Columns the blocks fill side by side (a 1-D block is one column)."""
    return sum(1 if b.ndim == 1 else b.shape[1] for b in blocks)


def _count3(n: np.ndarray) -> np.ndarray:
    """`count3` of many values: [n, 3]."""
    return _EYE3[np.minimum(n, 2)]


_EYE3 = np.eye(3)


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
        pool, x, none = feats.rows(q, cands, role, taken)
        if not pool:
            return []
        w = self.weights[role]
        scores = w.candidates(x)
        k = int(np.argmax(scores))
        return pool[k] if scores[k] > float(w.none @ none) else []

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
