"""Bytes -> text: detect the encoding, refuse what is not text, repair mixed encodings."""

from __future__ import annotations

from charset_normalizer import from_bytes

from claimledger.errors import InputRejected


def decode(data: bytes, origin: str) -> str:
    """Decode bytes of unknown encoding; binary data raises InputRejected."""
    if not data.strip():
        raise InputRejected(origin, "empty", "the file has no content; remove it or fill it")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputRejected(origin, "binary", "contains NUL bytes: not a text or HTML file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:2_000_000]).best()
    if best is None or best.chaos > 0.3:
        # mixed encodings: keep the UTF-8 parts, read the rest as Windows-1252
        text = data.decode("utf-8", errors="surrogateescape")
        text = "".join(
            c.encode("utf-8", "surrogateescape").decode("cp1252", "replace")
            if "\udc80" <= c <= "\udcff" else c
            for c in text
        )
        if _printable_share(text) < 0.85:
            raise InputRejected(origin, "binary", "not decodable as text in any common encoding")
        return text
    return str(best)


def _printable_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    good = sum(1 for c in sample if c.isprintable() or c in "\n\r\t")
    return good / len(sample)
