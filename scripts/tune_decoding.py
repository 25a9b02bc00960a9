"""Tune the accurate mode's decoding on the training script's held-out slice (never on dev).

Runs the tagger once per held-out document, then scores decoding variants with the benchmark's
metrics: per-role inside thresholds (P(B)+P(I) >= t), whether a cue may serve two claims and
whether the speaker is sought near the cue or near cue and quote together.
(A hybrid adding rule-engine claims where the tagger found none was measured in sessions 1 and 2,
never helped, and was removed.) Prints a table and, with
--write, stores the best choices next to the model (model/decoding.json), which
`extract.neural.predict` and `extract(..., mode="accurate")` read.

    python scripts/tune_decoding.py --model claimledger/extract/neural/model/tagger.npz --write
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "scripts"))

import attribution as bench  # noqa: E402
from train_attribution import DATA, read, train_path  # noqa: E402

from claimledger.extract import extract, extraction_to_json  # noqa: E402
from claimledger.extract.neural import DECODING, as_claim_json  # noqa: E402
from claimledger.extract.neural.decode import claims_from_probs  # noqa: E402
from claimledger.extract.neural.model import ARTIFACT, Tagger  # noqa: E402

QUOTE_T = (0.5, 0.4, 0.3)
ROLE_T = (0.5, 0.35, 0.2)


def held_out(lang: str, seed: int, share: float) -> list[dict[str, Any]]:
    """The documents the training script held out (same shuffle, same share)."""
    raws = read(train_path(DATA, lang))
    random.Random(seed).shuffle(raws)
    return raws[: int(len(raws) * share)]


def score(lang: str, docs: list, claims: list) -> dict[str, float | None]:
    flat = bench.flat_figures(lang, bench.evaluate(lang, docs, claims).results)
    keys = ("message_f1", "roles_f1", "cue_f1", "speaker_f1") if lang == "de" else (
        "source_overlap_f1", "cue_overlap_f1", "content_overlap_f1")
    return {k: round(flat[k] or 0.0, 3) for k in keys}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", type=Path, default=ARTIFACT)
    ap.add_argument("--langs", default="de,en")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--holdout", type=float, default=0.1)
    ap.add_argument("--write", action="store_true", help="store the best thresholds next to the model")
    args = ap.parse_args()
    if not all(train_path(DATA, lang).is_file() for lang in args.langs.split(",")):
        print(f"skip: training data not found under {DATA}")
        return 0
    tagger = Tagger(args.model)
    best: dict[str, Any] = {}
    for lang in args.langs.split(","):
        raws = held_out(lang, args.seed, args.holdout)
        docs = [(bench.de_doc if lang == "de" else bench.en_doc)(r) for r in raws]
        t0 = time.time()
        probs = [tagger.probs(d.text) for d in docs]
        rules = [extraction_to_json(extract(d.text, lang, d.name))["claims"] for d in docs]
        print(f"{lang}: {len(docs)} held-out docs, tagger {time.time() - t0:.0f}s", flush=True)
        results = []
        for qt, ct, st, uniq, near in itertools.product(QUOTE_T, ROLE_T, ROLE_T, (False, True),
                                                        ("cue", "cue+quote")):
            th = {"quote": qt, "cue": ct, "speaker": st, "frame": ct, "addressee": st}
            claims = []
            for d, p in zip(docs, probs, strict=True):
                claims.append(as_claim_json(d.text, claims_from_probs(d.text, p.roles, p.types, p.starts,
                                                                      p.ends, lang, th, uniq, near)))
            figs = score(lang, docs, claims)
            results.append((sum(v or 0 for v in figs.values()), th, figs, uniq, near))
        results.sort(key=lambda x: -x[0])
        base = next(r for r in results if r[1]["quote"] == 0.5 and r[1]["cue"] == 0.5
                    and r[1]["speaker"] == 0.5 and not r[3] and r[4] == "cue+quote")
        print(f"{lang} argmax-like baseline: {base[2]}")
        print(f"{lang} rules alone: {score(lang, docs, rules)}")
        for total, th, figs, uniq, near in results[:8]:
            print(f"{lang} {total:.3f} unique_cues={uniq} speaker_near={near} {th} {figs}")
        top = results[0]
        best[lang] = {"thresholds": top[1], "unique_cues": top[3], "speaker_near": top[4], "held_out": top[2]}
    if args.write:
        path = args.model.parent / DECODING.name
        path.write_text(json.dumps(best, indent=1) + "\n")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
