"""Entities within one document: names from sources and text, canonical keys, source resolution.

A canonical key folds case, diacritics, hyphens and spacing so that "Kim Jong-un", "Kim Jong Un"
and "KIM JONG UN" share one id across documents and languages.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from claimledger.nlp.pack import LanguagePack
from claimledger.nlp.text import Token

ORG_HINTS = (
    "ministerium", "ministry", "department", "regierung", "government", "agentur", "agency",
    "geheimdienst", "intelligence", "polizei", "police", "feuerwehr", "brigade", "behörde",
    "authority", "amt", "office", "konzern", "company", "gruppe", "group", "verband",
    "association", "partei", "party", "armee", "army", "militär", "military", "kommission",
    "commission", "rat", "council", "gericht", "court", "bank", "institut", "institute",
    "organisation", "organization", "union", "nachrichtenagentur", "news", "zeitung", "times",
    "post", "inc", "gmbh", "ag", "ltd", "corp", "dienst", "service", "staatsanwaltschaft",
    "prosecutor", "ngo", "stiftung", "foundation", "sender", "tv", "radio", "kclinik", "klinik",
)
WIRE_AGENCIES = frozenset({"dpa", "afp", "reuters", "ap", "kcna", "tass", "xinhua", "apa", "sda",
                           "epd", "kna", "ddp", "yonhap", "efe", "ansa", "upi", "bloomberg"})


def canonical_key(name: str) -> str:
    """Spelling-insensitive key: 'Kim Jong-un' and 'Kim Jong Un' -> 'kim-jong-un'."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c)).replace("ß", "ss")
    return "-".join(re.findall(r"[a-z0-9]+", folded))


@dataclass
class DocEntity:
    key: str
    name: str
    type: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    first: int = 0  # char offset of the first mention


def entity_type(name: str, words: list[str], pack: LanguagePack) -> str:
    low = name.lower()
    if low in WIRE_AGENCIES or "agentur" in low or "agency" in low:
        return "media"
    if any(h in w for w in (low, *words) for h in ORG_HINTS if len(h) > 3) or name.isupper():
        return "organisation"
    if any(w in pack.role_nouns for w in words):
        return "person"
    if len(name.split()) >= 2 and all(p[:1].isupper() for p in name.split()):
        return "person"
    return "unknown"


def split_source(text: str, toks: list[Token], pack: LanguagePack) -> tuple[str, list[str], int]:
    """A source phrase as (name, lower-case descriptor words, char start of the name).

    'der frühere niederländische Regierungschef Mark Rutte' -> ('Mark Rutte', [..., 'regierungschef'])
    """
    words = [t.lower for t in toks]
    name_start = None
    for k, t in enumerate(toks):
        low = words[k]
        if low in pack.determiners or low in pack.pronouns or not t.text[:1].isupper():
            name_start = None
            continue
        if low in pack.role_nouns or low in pack.anonymous_sources:
            name_start = None
            continue
        if name_start is None:
            name_start = k
    if name_start is None:
        return "", words, -1
    name_toks = toks[name_start:]
    if len(name_toks) >= 3 and _descriptor(name_toks[0].lower):
        name_toks = name_toks[1:]  # "Trainer Jens Ohlsen" -> "Jens Ohlsen"
    if len(name_toks) >= 2 and any(h in name_toks[0].lower for h in ORG_HINTS if len(h) > 3):
        name_toks = name_toks[1:]  # "Nachrichtenagentur KCNA" -> "KCNA"
    elif len(name_toks) == 1 and name_start and toks[name_start - 1].text[:1].islower() \
            and toks[name_start - 1].lower not in pack.determiners:
        # "des südkoreanischen Geheimdienstes": the adjective is part of the organisation's name
        first = name_start - 1
        while first > 0 and toks[first - 1].text[:1].islower() \
                and toks[first - 1].lower not in pack.determiners:
            first -= 1
        name_toks = toks[first : name_start + 1]
    name = text[name_toks[0].start : name_toks[-1].end]
    return name, words, name_toks[0].start


ROLE_SUFFIXES = ("er", "erin", "in", "ent", "eur", "ist", "or", "chef", "chefin", "leiter")


def _descriptor(word: str) -> bool:
    """A title or job word before a two-part name ("Trainer", "Gewerkschafterin")."""
    return len(word) > 6 and word.endswith(ROLE_SUFFIXES)


def find_names(text: str, tokens: list[Token], pack: LanguagePack) -> list[tuple[int, int]]:
    """Spans of capitalised name-like sequences not preceded by an article or adjective."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if not _name_start(tokens, i, pack):
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and tokens[j].text[:1].isupper() and tokens[j].sent == t.sent \
                and tokens[j].lower not in pack.stop_capitalised:
            j += 1
        if j - i >= 2 or t.text.isupper() or not pack.capitalised_nouns:
            spans.append((t.start, tokens[j - 1].end))
        i = j
    return spans


def _name_start(tokens: list[Token], i: int, pack: LanguagePack) -> bool:
    t = tokens[i]
    if not t.text[:1].isupper() or t.lower in pack.stop_capitalised or len(t.text) < 2:
        return False
    if t.lower in pack.role_nouns or t.lower in pack.anonymous_sources:
        return False
    if i == 0 or tokens[i - 1].sent != t.sent:
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        two_caps = bool(nxt and nxt.sent == t.sent and nxt.text[:1].isupper()
                        and nxt.lower not in pack.stop_capitalised)
        return two_caps or t.text.isupper()  # sentence-initial: acronyms and multi-word names
    prev = tokens[i - 1]
    if prev.text in {"„", "“", '"', "»", "(", "-"}:
        return False
    if not pack.capitalised_nouns:
        return True
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt and nxt.sent == t.sent and nxt.text[:1].isupper() and prev.lower not in pack.determiners \
            and nxt.lower not in pack.stop_capitalised:
        return True  # two capitalised words in a row: "Kim Jong Un", "Mark Rutte"
    # German: a capitalised word after an article or an inflected adjective is a common noun,
    # unless it is an acronym or follows a role noun ("Regierungschef Mark Rutte")
    if t.text.isupper():
        return True
    if prev.lower in pack.role_nouns:
        return True
    if prev.lower in pack.determiners or prev.lower in {"im", "am", "zum", "zur", "vom", "beim"}:
        return False
    if prev.text[:1].islower() and prev.lower.endswith(("e", "en", "er", "es", "em")):
        return False
    return prev.text[:1].islower() or prev.text in {",", ":"}
