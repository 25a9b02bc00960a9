"""Spelling-insensitive keys for names, shared by entity resolution and the alias table."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# transliteration variants that differ only in spelling conventions (Selenskyj / Zelensky)
_PHONETIC = (
    ("sch", "sh"), ("tsch", "ch"), ("zh", "j"), ("yj", "i"), ("yy", "i"), ("iy", "i"), ("ij", "i"),
    ("ck", "k"), ("ph", "f"), ("w", "v"), ("z", "s"), ("y", "i"), ("j", "i"), ("c", "k"), ("x", "ks"),
)


@lru_cache(maxsize=65536)
def canonical_key(name: str) -> str:
    """Fold case, diacritics, hyphens and spacing: 'Kim Jong-un' and 'Kim Jong Un' -> 'kim-jong-un'."""
    folded = unicodedata.normalize("NFKD", name.casefold().replace("ß", "ss"))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return "-".join(re.findall(r"[a-z0-9]+", folded))


@lru_cache(maxsize=65536)
def phonetic_key(name: str) -> str:
    """Coarser key for person names across transliterations: 'Selenskyj' ~ 'Zelenskyy'."""
    key = canonical_key(name).replace("-", "")
    for a, b in _PHONETIC:
        key = key.replace(a, b)
    key = key[:1] + re.sub(r"[aeiou]", "", key[1:])  # consonant skeleton: Oleksander ~ Oleksandr
    return re.sub(r"(.)\1+", r"\1", key)
