"""Tune the accurate mode's decoding on the training script's held-out slice (never on dev).

Runs the tagger once per held-out document, then improves the decoding choices one at a time
(coordinate ascent from the shipped choices, two passes) with the benchmark's metrics: per-role
inside thresholds (P(B)+P(I) >= t), whether a cue may serve two claims, whether the speaker is
sought near the cue or near cue and quote, the character gaps to frame, cue and speaker, and
the shortest quotation inside indirect content that becomes a direct claim of its own, how
close a free indirect claim must follow another to continue its speaker, and whether a speaker
may stand in a later paragraph than its quote, per role how far a tagged span may jump to
continue, and whether claims sharing a cue are one claim.
The learned role pairing (model/assign.json, scripts/train_assign.py) is on, as at run time.
Prints each improvement and, with --write, stores the choices next to the model
(model/decoding.json), which `extract.neural.predict` and accurate-mode `extract` read.
`rule_kinds`, `rule_support` and `rule_roles` (rule-engine claims added where the tagger has
none, and rule extents, in `extract.engine`) are not tuned here: they need the engine, not cached
probabilities; sessions 17-19 measured them on the same held-out documents and on dev
(docs/model-card.md).

    python scripts/tune_decoding.py --write
"""

from __future__ import annotations

import argparse
import dataclasses
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
from claimledger.extract.neural import DECODING, as_claim_json, calibration, decoding, scorer, tag  # noqa: E402
from claimledger.extract.neural.assign import Scorer  # noqa: E402
from claimledger.extract.neural.calibrate import Calibration  # noqa: E402
from claimledger.extract.neural.decode import Decoding, claims_from_probs  # noqa: E402
from claimledger.extract.neural.model import ARTIFACT, Tagger  # noqa: E402

# values tried per choice; thresholds: one inside-threshold for all roles or quote-only lowering
CHOICES: dict[str, tuple[Any, ...]] = {
    "thresholds": (None, {"quote": 0.4}, {"quote": 0.3}, {"cue": 0.35, "speaker": 0.35},
                   {"quote": 0.4, "cue": 0.35, "speaker": 0.35}),
    "unique_cues": (False, True),
    "speaker_near": ("cue", "cue+quote"),
    "frame_gap": (3, 10, 30, 60),
    "role_gap": (50, 80, 120, 200, 400),
    "speaker_gap": (150, 400, 1000),
    "inner_quote_words": (0, 2, 3, 4),
    "continuation_gap": (0, 50, 200, 1000),
    "later_paragraph_speaker": (True, False),
    "merge_shared_cues": (False, True),
    "trim_punctuation": (False, True),
    "continue_gaps": (None, {"speaker": 40}, {"cue": 10}, {"cue": 10, "speaker": 40},
                      {"cue": 40, "speaker": 40}, {"speaker": 40, "quote": 40},
                      {"speaker": 40, "quote": 60}, {"cue": 40, "speaker": 40, "quote": 60},
                      {"cue": 40, "speaker": 40, "quote": 150}, {"cue": 40, "speaker": 40, "quote": 10},
                      {"cue": 0, "speaker": 40, "quote": 10}),
}


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


def decoded_figures(lang: str, docs: list, probs: list, opts: Decoding, pairing: Scorer | None,
                    calibrated: Calibration | None = None) -> dict[str, float | None]:
    """Held-out figures of the claims decoded from cached tagger probabilities."""
    claims = [as_claim_json(d.text, claims_from_probs(d.text, p.roles, p.types, p.starts, p.ends,
                                                      lang, opts, pairing, calibrated))
              for d, p in zip(docs, probs, strict=True)]
    return score(lang, docs, claims)


def tune(lang: str, docs: list, probs: list, start: Decoding) -> tuple[Decoding, dict[str, float | None]]:
    """Coordinate ascent over CHOICES from `start`; returns the best choices and their figures."""

    def figures(opts: Decoding) -> dict[str, float | None]:
        return decoded_figures(lang, docs, probs, opts, scorer(lang), calibration(lang))

    best, best_figs = start, figures(start)
    print(f"{lang} shipped choices: {best_figs}", flush=True)
    for _ in range(2):
        for name, values in CHOICES.items():
            for value in values:
                if getattr(best, name) == value:
                    continue  # already scored
                opts = dataclasses.replace(best, **{name: value})
                figs = figures(opts)
                if sum(v or 0 for v in figs.values()) > sum(v or 0 for v in best_figs.values()) + 1e-9:
                    best, best_figs = opts, figs
                    print(f"{lang} {name}={value}: {figs}", flush=True)
    return best, best_figs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", type=Path,
                    help="one tagger artifact to tune for (default: the shipped taggers of each language)")
    ap.add_argument("--langs", default="de,en")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--holdout", type=float, default=0.1)
    ap.add_argument("--write", action="store_true", help="store the best choices next to the model")
    args = ap.parse_args()
    if not all(train_path(DATA, lang).is_file() for lang in args.langs.split(",")):
        print(f"skip: training data not found under {DATA}")
        return 0
    tagger = Tagger(args.model) if args.model else None
    path = (args.model or ARTIFACT).parent / DECODING.name
    best: dict[str, Any] = json.loads(path.read_text()) if path.is_file() else {}  # other languages stay
    for lang in args.langs.split(","):
        raws = held_out(lang, args.seed, args.holdout)
        docs = [(bench.de_doc if lang == "de" else bench.en_doc)(r) for r in raws]
        t0 = time.time()
        probs = [tagger.probs(d.text) if tagger else tag.__wrapped__(d.text, lang) for d in docs]
        print(f"{lang}: {len(docs)} held-out docs, tagger {time.time() - t0:.0f}s", flush=True)
        rules = [extraction_to_json(extract(d.text, lang, d.name))["claims"] for d in docs]
        print(f"{lang} rules alone: {score(lang, docs, rules)}")
        opts, figs = tune(lang, docs, probs, decoding(lang))
        default = Decoding()
        choices = {f.name: getattr(opts, f.name) for f in dataclasses.fields(opts)
                   if getattr(opts, f.name) != getattr(default, f.name)}
        best[lang] = {"choices": choices, "held_out": figs}
    if args.write:
        path.write_text(json.dumps(best, indent=1) + "\n")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
