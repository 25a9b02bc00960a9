"""In-memory story index for streaming and batch linking at archive scale.

Candidates for a new article are the stories born within the date window (a contiguous block
of ids, since ids follow time), the few long-running stories still active, and stories sharing an
entity; their centroids are compared in one matrix product and
only the best few are scored in full with `stories.score`. Cost per article is bounded by the
number of stories in the window, not by the size of the archive.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict

import numpy as np

from claimledger.link.stories import WINDOW_DAYS, ArticleProfile, StoryCandidate, choose_story

SHORTLIST = 8
MAX_ENTITY_POSTINGS = 64  # most recent stories kept per entity
PRUNE_AT = 2048


class StoryIndex:
    """Story centroids, entities and activity dates; assigns each new article to a story."""

    def __init__(self, dim: int = 384, window_days: int = WINDOW_DAYS) -> None:
        self.dim = dim
        self.window = window_days
        self.sums = np.zeros((1024, dim), dtype=np.float32)
        self.norms = np.ones(1024, dtype=np.float32)  # |sums| per story, kept up to date
        self.counts: list[int] = []
        self.last_day: list[int] = []
        self.created_day: list[int] = []  # non-decreasing when articles arrive in date order
        self.long_running: set[int] = set()  # stories still reported on after their first window
        self._prune_at = PRUNE_AT
        self.entities: list[dict[str, int]] = []
        self.by_entity: dict[str, list[int]] = defaultdict(list)

    def __len__(self) -> int:
        return len(self.counts)

    def _shortlist(self, prof: ArticleProfile, day: int) -> list[int]:
        """Best centroids in the window (one matrix product over a contiguous slice) + entities."""
        short: set[int] = set()
        if self.counts and prof.vector is not None:
            lo = bisect_left(self.created_day, day - self.window)  # stories born in the window
            older = [s for s in self.long_running  # born earlier, still active: gathered
                     if s < lo and abs(self.last_day[s] - day) <= self.window]
            n = len(self.counts)
            idx = np.concatenate([np.arange(lo, n), np.asarray(older, dtype=np.int64)])
            if len(idx):
                sims = self.sums[lo:n] @ prof.vector / self.norms[lo:n]  # a view: no copy
                if older:
                    sims = np.concatenate([sims, self.sums[older] @ prof.vector / self.norms[older]])
                k = min(SHORTLIST, len(idx))
                short |= set(idx[np.argpartition(-sims, k - 1)[:k]].tolist())
        for ent in prof.entities:
            short.update(self.by_entity.get(ent, ())[-SHORTLIST:])
        return sorted(short)

    def assign(self, prof: ArticleProfile, day: int) -> int:
        """The story id for a new article (an existing one or a new one), updating the index."""
        cands = [StoryCandidate(s, self.sums[s], self.counts[s], self.entities[s], None)
                 for s in self._shortlist(prof, day)
                 if abs(self.last_day[s] - day) <= self.window]
        story = choose_story(prof, cands)
        if story is None:
            story = self._new_story(day)
        self._add(story, prof, day)
        return story

    def _new_story(self, day: int) -> int:
        sid = len(self.counts)
        if sid >= len(self.sums):
            self.sums = np.vstack([self.sums, np.zeros_like(self.sums)])
            self.norms = np.concatenate([self.norms, np.ones_like(self.norms)])
        self.counts.append(0)
        self.last_day.append(-(10**9))
        self.created_day.append(max(day, self.created_day[-1]) if self.created_day else day)
        self.entities.append({})
        return sid

    def _add(self, sid: int, prof: ArticleProfile, day: int) -> None:
        if prof.vector is not None:
            self.sums[sid] += prof.vector
            self.norms[sid] = max(float(np.linalg.norm(self.sums[sid])), 1e-9)
        self.counts[sid] += 1
        if day > self.last_day[sid]:
            self.last_day[sid] = day
        if day > self.created_day[sid]:  # may outlive the block of stories born in its window
            self.long_running.add(sid)
        if len(self.long_running) > self._prune_at:  # forget those that fell silent (amortised)
            self.long_running = {s for s in self.long_running
                                 if day - self.last_day[s] <= self.window}
            self._prune_at = max(PRUNE_AT, 2 * len(self.long_running))
        for ent, n in prof.entities.items():
            self.entities[sid][ent] = self.entities[sid].get(ent, 0) + n
            posting = self.by_entity[ent]
            if not posting or posting[-1] != sid:
                posting.append(sid)
                del posting[:-MAX_ENTITY_POSTINGS]
