"""Story linking at archive scale: a generated stream of articles through StoryIndex.

Prints time per article (per block, to show the cost stays flat as the ledger grows), peak
memory, and BCubed precision/recall/F1 against the generated story labels. Vectors are
synthetic (story direction + noise, 384-d, unit length) so the benchmark measures the index, not
the embedding model; run `python benchmarks/linking.py` for accuracy on real text.

    python benchmarks/stories_scale.py --articles 1000000
"""

from __future__ import annotations

import argparse
import resource
import time

import numpy as np
from linking import bcubed  # benchmarks/ is on the path when this script runs

from claimledger.link.index import StoryIndex
from claimledger.link.stories import ArticleProfile


def generate(n: int, days: int, story_len: float, noise: float, seed: int):
    """Yield (day, true story, vector, entities) in publication order."""
    rng = np.random.default_rng(seed)
    per_day = n / days
    active: list[tuple[int, np.ndarray, int, list[str]]] = []  # (story id, direction, end day, ents)
    next_story = 0
    for day in range(days):
        active = [s for s in active if s[2] >= day]
        for _ in range(rng.poisson(per_day)):
            if not active or rng.random() < 1 / story_len:
                direction = rng.normal(size=384).astype(np.float32)
                direction /= np.linalg.norm(direction)
                ents = [f"e{rng.integers(0, 200_000)}" for _ in range(4)]
                active.append((next_story, direction, day + int(rng.integers(1, 8)), ents))
                next_story += 1
            sid, direction, _, ents = active[int(rng.integers(0, len(active)))]
            vec = direction + rng.normal(scale=noise, size=384).astype(np.float32)
            vec /= np.linalg.norm(vec)
            chosen = {e: 1 for e in rng.choice(ents, size=2, replace=False)}
            yield day, sid, vec, chosen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1_000_000)
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--story-len", type=float, default=6.0, help="mean articles per story")
    ap.add_argument("--noise", type=float, default=0.02, help="per-dimension noise (0.02: cos ~0.93)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    index = StoryIndex()
    pred, gold = [], []
    block = max(args.articles // 10, 1)
    t0 = t_block = time.perf_counter()
    print(f"{'articles':>10} {'stories':>9} {'us/article (block)':>19} {'peak RSS MB':>12}", flush=True)
    for i, (day, sid, vec, ents) in enumerate(
            generate(args.articles, args.days, args.story_len, args.noise, args.seed), 1):
        pred.append(index.assign(ArticleProfile("xx", None, vec, ents), day))
        gold.append(sid)
        if i % block == 0:
            now = time.perf_counter()
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"{i:>10} {len(index):>9} {(now - t_block) / block * 1e6:>19.0f} {rss:>12.0f}",
                  flush=True)
            t_block = now
    total = time.perf_counter() - t0
    p, r, f = bcubed(dict(enumerate(pred)), dict(enumerate(gold)))
    print(f"total {total:.0f} s for {len(pred)} articles ({len(pred) / total:.0f} articles/s); "
          f"BCubed P {p:.3f} R {r:.3f} F1 {f:.3f}; gold stories {len(set(gold))}, "
          f"predicted {len(index)}")


if __name__ == "__main__":
    main()
