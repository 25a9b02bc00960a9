"""Exact and near-duplicate fingerprints for syndicated wire copy.

The article id is a hash of the normalised text, so the same article ingested twice is one row.
Near duplicates are found with MinHash over word 3-shingles (datasketch) and banded LSH keys that
the store indexes, so finding candidates is an index lookup, not a scan of the ledger.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache

import numpy as np
from datasketch import MinHash

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
_WORD = re.compile(r"\w+", re.UNICODE)


def normalise(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def content_id(text: str) -> str:
    """Stable article id from content: 'a' + 16 hex digits of SHA-256 of the normalised text."""
    return "a" + hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:16]


@cache
def _empty() -> MinHash:
    """An empty MinHash to copy: its hash permutations are drawn once per process, not per article."""
    return MinHash(num_perm=NUM_PERM, seed=7)


def signature(text: str) -> bytes:
    """MinHash signature of the text's word 3-shingles, as bytes for storage."""
    words = normalise(text).split()
    shingles = {" ".join(words[i : i + 3]).encode() for i in range(max(1, len(words) - 2))}
    mh = _empty().copy()
    mh.update_batch(list(shingles))
    return mh.hashvalues.astype(np.uint64).tobytes()


def band_keys(sig: bytes) -> list[str]:
    """One LSH key per band; texts sharing any key are near-duplicate candidates."""
    values = np.frombuffer(sig, dtype=np.uint64)
    return [
        f"{b}:" + hashlib.blake2b(values[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8).hexdigest()
        for b in range(BANDS)
    ]


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(similarities(a, [b])[0])


def similarities(sig: bytes, others: list[bytes]) -> np.ndarray:
    """`similarity` of one signature to many in one array operation (a syndicated story brings
    hundreds of candidates)."""
    if not others:
        return np.zeros(0)
    matrix = np.frombuffer(b"".join(others), dtype=np.uint64).reshape(len(others), -1)
    return (matrix == np.frombuffer(sig, dtype=np.uint64)).mean(axis=1)
