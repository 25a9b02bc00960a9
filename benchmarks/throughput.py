"""End-to-end ingest throughput on a generated corpus of realistic HTML articles.

Pages are the bundled sample pages with their numbers and some words varied, so no two are
identical (most are near-duplicates of a sample page, as syndicated copy is). Prints articles per
second (single process, so per core) from an unprofiled run, and the share of time per stage
from a second run under cProfile.

    python benchmarks/throughput.py --articles 500 [--accurate]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import re
import resource
import tempfile
import time
from pathlib import Path

from claimledger.pipeline import ingest
from claimledger.settings import Settings
from claimledger.store import open_store

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "news"
STAGES = {
    "HTML extraction + language id (ingest)": "to_article",
    "tokenise + attribution + entities + figures (extract)": "extract",
    "embeddings (link)": "embed",
    "near-duplicates (MinHash)": "signature",
    "claim groups + disagreements (link)": "_link_claims",
    "store (SQLite writes)": "add_article",
}


def generate(folder: Path, n: int, seed: int) -> None:
    """n HTML files derived from the sample pages, each with different figures and words in
    its paragraphs (dates and other metadata are left valid, as on real pages)."""
    rng = random.Random(seed)
    pages = sorted(SAMPLES.glob("*.html"))
    words = ["Hafen", "Brücke", "Werk", "Kommission", "Bündnis", "harbour", "bridge", "plant"]
    def vary(par: re.Match) -> str:  # figures in the article body; metadata dates stay valid
        return re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 97)), par.group())

    for i in range(n):
        html = pages[i % len(pages)].read_text("utf-8")
        html = re.sub(r"<p>.*?</p>", vary, html, flags=re.S)
        html = html.replace("<p>", f"<p>{rng.choice(words)} {i}: ", 3)
        (folder / f"a{i:06d}.html").write_text(html, "utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--accurate", action="store_true", help="link with embeddings (default: fast)")
    ap.add_argument("--seed", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        generate(folder, args.articles, args.seed)
        settings = Settings(embeddings=args.accurate)
        c0 = time.process_time()  # start-up: models and language data load on first use
        ingest([str(SAMPLES)], open_store(Path(tmp) / "warm-up.db"), settings)
        startup = time.process_time() - c0
        t0, c0 = time.perf_counter(), time.process_time()
        report = ingest([str(folder)], open_store(Path(tmp) / "timed.db"), settings)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        prof = cProfile.Profile()  # a second run, profiled, for the shares per stage
        prof.enable()
        ingest([str(folder)], open_store(Path(tmp) / "profiled.db"), settings)
        prof.disable()
    stats = pstats.Stats(prof)
    total = sum(v[3] for k, v in stats.stats.items() if k[2] == "_one") or wall
    mode = "accurate (embeddings)" if args.accurate else "fast (no embeddings)"
    print(f"{report.added} articles ({report.duplicates} near-duplicates, {report.failed} failed), "
          f"{mode}: {wall:.1f} s wall, {cpu:.1f} s CPU -> {report.added / cpu:.1f} articles/s "
          f"per core; {report.claims} claims (after a warm-up on the {len(list(SAMPLES.glob('*.html')))} "
          f"sample pages that loaded the models: {startup:.1f} s CPU)")
    for label, func in STAGES.items():
        spent = sum(v[3] for k, v in stats.stats.items() if k[2] == func)
        print(f"  {label:58} {100 * spent / total:5.1f} %")
    print(f"  peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
