"""Train the accurate mode's role-to-quote pairing (claimledger.extract.neural.assign).

The shipped tagger reads the training documents (minus the slice its own training held out); for
each of its quotes that meets a gold quote, the options are its frame / cue / speaker / addressee
groups within reach plus "none", and the answer is the group that overlaps the gold quote's role
most. Roles are trained one after another in decision order: while a role's examples are
recorded, the roles before it are chosen as at run time by the weights just learned (or the
rules), and earlier quotes hold their answers for the role itself. Training on the tagger's own
groups, not the gold ones, matters: with gold groups the pairing is nearly trivial and the
scorer learned nothing that carried over (German held-out roles F1 +0.002 against +0.02 this
way). A conditional logit per language and role (linear scores) is fitted by L-BFGS with numpy
and scipy; the held-out documents are then decoded with every subset of learned roles, the rest
left to the rules, and the best subset is kept. (Eight tanh units beside the linear score were
tried: the fit is then not convex and German held-out roles moved 0.686-0.697 from run to run
around the linear 0.692; not kept.) Tagging the training documents takes ~30 minutes; --probs
caches the tagger's output.

    python scripts/train_assign.py --probs /tmp/assign --write
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import minimize

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "scripts"))

import attribution as bench  # noqa: E402
from train_attribution import DATA, read, train_path  # noqa: E402
from tune_decoding import decoded_figures, held_out  # noqa: E402

from claimledger.extract.neural import ASSIGN, decoding, members, tag  # noqa: E402
from claimledger.extract.neural.assign import ROLES, Features, Group, Quote, Scorer, Weights  # noqa: E402
from claimledger.extract.neural.decode import decoded_groups, rule_choice  # noqa: E402
from claimledger.nlp.pack import get_pack  # noqa: E402

# our role -> gold role name in the benchmark's Items, per language
GOLD = {"de": {"quote": "message", "cue": "cue", "speaker": "speaker", "addressee": "addressee",
               "frame": "frame"},
        "en": {"quote": "content", "cue": "cue", "speaker": "source"}}
# candidate features [M, Dc], none features [Dn], answer (index, M for none)
Example = tuple[np.ndarray, np.ndarray, int]


class Recorder(Scorer):
    """Records one role's options and answers while pairing a document as the run time does:
    the roles before it chosen by the weights learned so far (or the rules), the role itself
    given its answer: the group that overlaps the matched gold quote's role most, "none" when
    the gold quote has no such role or no group overlaps it (then none is the best choice)."""

    def __init__(self, weights: dict[str, Weights], role: str, doc: bench.Doc, lang: str) -> None:
        super().__init__({**weights, role: Weights(np.zeros(0), np.zeros(0))})
        self.role, self.doc, self.names = role, doc, GOLD[lang]
        self.examples: list[Example] = []

    def choose(self, feats: Features, q: Quote, role: str, cands: list[Group], taken: list[Group]) -> Group:
        if role != self.role:
            return super().choose(feats, q, role, cands, taken)
        quote = self.names["quote"]
        g = max(self.doc.gold, key=lambda g: bench.overlap(g.spans[quote], q.spans), default=None)
        if g is None or bench.overlap(g.spans[quote], q.spans) == 0:
            return []  # a quote the gold does not have: nothing to learn
        pool, rows, none = feats.rows(q, cands, role, taken)
        gs = g.spans.get(self.names[role], [])
        best = max(pool, key=lambda c: bench.overlap(c, gs), default=[]) if gs else []
        answer = best if best and bench.overlap(best, gs) > 0 else []
        if pool:
            self.examples.append((rows, none, pool.index(answer) if answer else len(pool)))
        return answer


def role_examples(doc: bench.Doc, p: Any, lang: str, role: str, weights: dict[str, Weights]) -> list[Example]:
    """One role's training examples from one document (see Recorder)."""
    opts = decoding(lang)
    quotes, found, conf = decoded_groups(doc.text, p.roles, p.types, p.starts, p.ends, opts, lang)
    recorder = Recorder(weights, role, doc, lang)

    def rules(r: str, q: Quote, taken: list[Group]) -> Group:
        return rule_choice(doc.text, r, q, found, taken, opts)

    recorder.assign(Features(doc.text, quotes, get_pack(lang), conf), found, rules)
    return recorder.examples


def fit(examples: list[Example], l2: float) -> Weights:
    """Weights maximising the log-likelihood of the answers (softmax over candidates and none)
    with an L2 penalty; the problem is convex, so the result does not depend on a seed."""
    dc = next(x.shape[1] for x, _, _ in examples if len(x))
    dn = len(examples[0][1])
    m = max(len(x) for x, _, _ in examples)
    n = len(examples)
    xc = np.zeros((n, m, dc))
    mask = np.zeros((n, m + 1), bool)
    xn = np.stack([e[1] for e in examples])
    y = np.array([e[2] if e[2] < len(e[0]) else m for e in examples])
    for i, (x, _, _) in enumerate(examples):
        xc[i, : len(x)] = x
        mask[i, : len(x)] = True
    mask[:, m] = True

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        s = np.concatenate([xc @ w[:dc], (xn @ w[dc:])[:, None]], axis=1)
        s = np.where(mask, s, -1e9)
        s -= s.max(1, keepdims=True)
        p = np.exp(s) * mask
        p /= p.sum(1, keepdims=True)
        nll = -np.log(p[np.arange(n), y] + 1e-12).sum()
        d = p.copy()
        d[np.arange(n), y] -= 1
        grad = np.concatenate([np.einsum("nm,nmd->d", d[:, :m], xc), d[:, m] @ xn])
        return nll + l2 * (w @ w) / 2, grad + l2 * w

    res = minimize(loss, np.zeros(dc + dn), jac=True, method="L-BFGS-B", options={"maxiter": 2000})
    return Weights(res.x[:dc], res.x[dc:])


def tagged(lang: str, docs: list[bench.Doc], cache: Path | None) -> list[Any]:
    """The shipped taggers' probabilities on documents (the language's members averaged, as at
    run time; cached: tagging takes minutes)."""
    taggers = [(p.name, w, p.stat().st_size, p.stat().st_mtime_ns) for p, w in members(lang)]
    if cache and cache.is_file():
        data = pickle.loads(cache.read_bytes())
        if (lang in data and [d.name for d in data[lang][0]] == [d.name for d in docs]
                and data.get("taggers", {}).get(lang) == taggers):
            return data[lang][1]
    t0 = time.time()
    probs = []
    for k, d in enumerate(docs):
        probs.append(tag.__wrapped__(d.text, lang))
        if k % 50 == 49:
            print(f"{lang}: tagged {k + 1}/{len(docs)} documents, {time.time() - t0:.0f}s", flush=True)
    if cache:
        cache.write_bytes(pickle.dumps({lang: (docs, probs), "taggers": {lang: taggers}}))
    return probs


def keep_better(lang: str, docs: list[bench.Doc], probs: list[Any],
                weights: dict[str, Weights]) -> Scorer:
    """The subset of roles whose learned weights do best on the held-out documents (the
    others stay with the rules; fewer learned roles win a tie)."""
    results = []
    for n in range(2 ** len(weights)):
        subset = {r: w for k, (r, w) in enumerate(sorted(weights.items())) if n >> k & 1}
        figs = decoded_figures(lang, docs, probs, decoding(lang), Scorer(subset))
        print(f"{lang} held-out, learned {sorted(subset) or 'none'}: {figs}", flush=True)
        results.append((sum(v or 0 for v in figs.values()), -len(subset), subset))
    kept = max(results, key=lambda r: r[:2])[2]
    return Scorer(kept)


def arguments(description: str, out: Path) -> argparse.Namespace:
    """The options every script that learns from the tagger's cached output shares."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--langs", default="de,en")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--holdout", type=float, default=0.1)
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--probs", type=Path, help="cache files for the tagger's probabilities "
                    "(PATH.de.pkl, PATH.train.de.pkl, ...): tagging the training documents takes ~20 min")
    ap.add_argument("--write", action="store_true", help=f"store the weights in {out}")
    return ap.parse_args()


Split = tuple[list[bench.Doc], list[Any], list[bench.Doc], list[Any]]  # train, its probs, held-out, probs


def documents(lang: str, args: argparse.Namespace) -> Split:
    """Training documents outside the tagger's held-out slice and the held-out ones, each with
    the shipped tagger's probabilities (cached under --probs)."""
    make = bench.de_doc if lang == "de" else bench.en_doc
    test = held_out(lang, args.seed, args.holdout)
    names = {(r.get("documentName") or r.get("name")) for r in test}
    train = [make(r) for r in read(train_path(DATA, lang))
             if (r.get("documentName") or r.get("name")) not in names]
    docs = [make(r) for r in test]

    def cache(name: str) -> Path | None:
        return args.probs.with_name(f"{args.probs.stem}.{name}.pkl") if args.probs else None

    return (train, tagged(lang, train, cache(f"train.{lang}")), docs, tagged(lang, docs, cache(lang)))


def learn_languages(args: argparse.Namespace, path: Path, learn: Callable[[str, Split], dict]) -> int:
    """Run `learn` (language, its documents -> weights as JSON) for every language asked for and,
    with --write, store the result in `path`, where the other languages' entries stay; skip
    cleanly without the training data."""
    if not all(train_path(DATA, lang).is_file() for lang in args.langs.split(",")):
        print(f"skip: training data not found under {DATA}")
        return 0
    out: dict[str, Any] = json.loads(path.read_text()) if path.is_file() else {}
    for lang in args.langs.split(","):
        out[lang] = learn(lang, documents(lang, args))
    if args.write:
        path.write_text(json.dumps(out) + "\n")
        print(f"wrote {path}")
    return 0


def learn_pairing(lang: str, split: Split, l2: float) -> dict:
    """Each role's weights in decision order (each on the run-time choices of the ones before),
    then the subset that does best on the held-out documents."""
    train, train_probs, docs, probs = split
    weights: dict[str, Weights] = {}
    for role in (r for r in ROLES if r in GOLD[lang]):
        examples = [e for doc, p in zip(train, train_probs, strict=True)
                    for e in role_examples(doc, p, lang, role, weights)]
        weights[role] = fit(examples, l2)
        print(f"{lang} {role}: {len(examples)} quotes from {len(train)} documents", flush=True)
    return keep_better(lang, docs, probs, weights).to_json()


def main() -> int:
    args = arguments(__doc__.split("\n\n")[0], ASSIGN)
    return learn_languages(args, ASSIGN, lambda lang, split: learn_pairing(lang, split, args.l2))


if __name__ == "__main__":
    sys.exit(main())
