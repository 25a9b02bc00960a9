"""StoryIndex: streaming assignment with bounded candidates."""

from __future__ import annotations

import numpy as np

from claimledger.link.index import StoryIndex
from claimledger.link.stories import ArticleProfile


def vec(seed: int, noise: float = 0.0, base: int | None = None) -> np.ndarray:
    rng = np.random.default_rng(seed)
    v = np.random.default_rng(base if base is not None else seed).normal(size=384)
    v = v + rng.normal(scale=noise, size=384)
    return (v / np.linalg.norm(v)).astype(np.float32)


def test_stream_clusters_by_topic_and_window() -> None:
    idx = StoryIndex()
    a = idx.assign(ArticleProfile("de", None, vec(1, 0.0, base=100), {}), day=10)
    b = idx.assign(ArticleProfile("en", None, vec(2, 0.2, base=100), {}), day=11)
    c = idx.assign(ArticleProfile("en", None, vec(3, 0.0, base=200), {}), day=11)
    late = idx.assign(ArticleProfile("de", None, vec(4, 0.2, base=100), {}), day=60)
    assert a == b != c
    assert late not in (a, c)
    assert len(idx) == 3


def test_long_running_story_stays_reachable() -> None:
    idx = StoryIndex(window_days=5)
    first = idx.assign(ArticleProfile("de", None, vec(1, 0.0, base=7), {}), day=0)
    for day in range(1, 40, 3):  # an article every three days keeps the story in the window
        idx.assign(ArticleProfile("de", None, vec(day, 0.0, base=1000 + day), {}), day=day)
        assert idx.assign(ArticleProfile("de", None, vec(day, 0.15, base=7), {}), day=day) == first
