"""Train the accurate mode's claim probabilities and floor (claimledger.extract.neural.calibrate).

The shipped tagger, decoding and pairing produce their claims for the training documents (minus
the slice the tagger's own training held out; the same cache files as scripts/train_assign.py);
each claim is an example, positive when the benchmark would count it: German, it is matched to
a gold quote (the dataset's one-to-one matching); English, its content overlaps a gold content
by at least half of each. A logistic regression (L2, L-BFGS, numpy and scipy) gives the claim's
probability; the floor is the one among FLOORS that does best on the held-out documents (0
drops nothing). Run it after scripts/train_assign.py: it reads the pairing's claims.

    python scripts/train_calibration.py --probs /tmp/assign --write
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import minimize

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "scripts"))

import attribution as bench  # noqa: E402
from train_assign import Split, arguments, learn_languages  # noqa: E402
from tune_decoding import decoded_figures  # noqa: E402

from claimledger.extract.neural import CALIBRATION, as_claim_json, decoding, scorer  # noqa: E402
from claimledger.extract.neural.calibrate import Calibration, features, spans  # noqa: E402
from claimledger.extract.neural.decode import claims_from_probs  # noqa: E402
from claimledger.nlp.pack import get_pack  # noqa: E402

FLOORS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)


def counted(doc: bench.Doc, claims: list[dict], lang: str) -> list[int]:
    """1 for each claim the benchmark counts as found, else 0."""
    if lang == "de":
        run = bench.evaluate(lang, [doc], [as_claim_json(doc.text, claims)])
        matched = {s for s, _ in run.pairs[0]}
        return [int(k in matched) for k in range(len(claims))]
    golds = [u for g in doc.gold if (u := bench.union(g.spans["content"]))]
    return [int(any(bench.half_overlap(bench.union(spans(c, "content")), g) for g in golds)) for c in claims]


def examples(lang: str, docs: list[bench.Doc], probs: list[Any]) -> tuple[np.ndarray, np.ndarray]:
    """Features and labels of every claim the accurate mode finds in the documents."""
    xs: list[list[float]] = []
    ys: list[int] = []
    pack = get_pack(lang)
    for d, p in zip(docs, probs, strict=True):
        claims = claims_from_probs(d.text, p.roles, p.types, p.starts, p.ends, lang, decoding(lang),
                                   scorer(lang))
        xs += [features(d.text, c, claims, p.roles[:, 0], p.starts, pack) for c in claims]
        ys += counted(d, claims, lang)
    return np.array(xs), np.array(ys, np.float64)


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """Logistic regression with an L2 penalty (convex: no seed)."""
    sign = 2.0 * y - 1.0

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        m = sign * (x @ w)
        return (np.logaddexp(0.0, -m).sum() + l2 * (w @ w) / 2,
                -(x.T @ (sign / (1.0 + np.exp(m)))) + l2 * w)

    return minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 2000}).x


def learn_calibration(lang: str, split: Split, l2: float) -> dict:
    """The claim probabilities and the floor among FLOORS that does best on held-out."""
    train, train_probs, docs, probs = split
    x, y = examples(lang, train, train_probs)
    weights = fit(x, y, l2)
    print(f"{lang}: {len(y)} claims from {len(train)} documents, {y.mean():.2f} counted", flush=True)
    return Calibration(weights, best_floor(lang, docs, probs, weights)).to_json()


def best_floor(lang: str, docs: list[bench.Doc], probs: list[Any], weights: np.ndarray,
               compact: bool = False) -> float:
    """The floor among FLOORS whose claims do best on the documents (the lower one on a tie);
    `compact`: decoded with the pairing the compact tagger reads at run time."""
    results = []
    for floor in FLOORS:
        figs = decoded_figures(lang, docs, probs, decoding(lang), scorer(lang, compact),
                               Calibration(weights, floor))
        print(f"{lang} held-out, floor {floor}: {figs}", flush=True)
        results.append((sum(v or 0 for v in figs.values()), -floor, floor))
    return max(results)[2]


def main() -> int:
    args = arguments(__doc__.split("\n\n")[0], CALIBRATION)
    return learn_languages(args, CALIBRATION, lambda lang, split: learn_calibration(lang, split, args.l2))


if __name__ == "__main__":
    sys.exit(main())
