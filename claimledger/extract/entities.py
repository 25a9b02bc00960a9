"""Entities within one document: names from sources and text, canonical keys, source resolution.

A canonical key folds case, diacritics, hyphens and spacing so that "Kim Jong-un", "Kim Jong Un"
and "KIM JONG UN" share one id across documents and languages.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from dataclasses import dataclass, field

from claimledger.extract.aliases import lookup
from claimledger.nlp.pack import LanguagePack
from claimledger.nlp.text import Token

LOOKBACK = 400  # characters before a pronoun searched for a lone name (the lexicon is slow)


@dataclass
class DocEntity:
    key: str
    name: str
    type: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    first: int = 0  # char offset of the first mention
    roles: set[str] = field(default_factory=set)  # role nouns seen with the name ("regierungschef")


def hinted_type(phrase: str, pack: LanguagePack) -> str | None:
    """Source type from the pack's hint words ('Geheimdienst' -> intelligence)."""
    low = " " + phrase.lower()
    for hint, etype in pack.type_hints:
        if hint in low:
            return etype
    return None


def entity_type(name: str, words: list[str], pack: LanguagePack) -> str:
    """Type of a named entity from its name and the words that described it."""
    hinted = hinted_type(" ".join([*words, name.lower()]), pack)
    if hinted:
        return hinted
    if any(w in pack.role_nouns for w in words):
        return "person"
    if any(w in pack.anonymous_sources for w in words):
        return "anonymous"
    if name.isupper() and len(name) > 1:
        return "organisation"
    if len(name.split()) >= 2 and all(p[:1].isupper() for p in name.split()):
        return "person"
    return "unknown"


def split_source(text: str, toks: list[Token], pack: LanguagePack) -> tuple[str, list[str], int]:
    """A source phrase as (name, lower-case descriptor words, char start of the name).

    'der frühere niederländische Regierungschef Mark Rutte' -> ('Mark Rutte', [..., 'regierungschef'])
    A relative clause says more about the source but names no one: "Senator Maria Alvarez, who
    chairs the committee," is read up to its comma.
    """
    toks = toks[: _relative_clause(toks, pack)]
    words = [t.lower for t in toks]
    name_start = None
    for k, t in enumerate(toks):
        low = words[k]
        if low in pack.determiners or low in pack.pronouns or not t.text[:1].isupper():
            name_start = None
            continue
        if low in pack.role_nouns or low in pack.anonymous_sources or low in pack.stop_capitalised:
            name_start = None
            continue
        if name_start is None:
            name_start = k
    if name_start is None:
        return "", words, -1
    name_toks = toks[name_start:]
    while len(name_toks) >= 3 and _descriptor(name_toks[0].lower, pack):
        name_toks = name_toks[1:]  # "Stadtbaurat Jörg Ahlmeyer", "Prof. Yusuf Karaca"
    if len(name_toks) >= 2 and hinted_type(name_toks[0].lower, pack):
        name_toks = name_toks[1:]  # "Nachrichtenagentur KCNA" -> "KCNA"
    elif pack.capitalised_nouns and len(name_toks) == 1 and not name_toks[0].text.isupper() \
            and name_start and toks[name_start - 1].text[:1].islower() \
            and toks[name_start - 1].lower not in pack.determiners:
        # "des südkoreanischen Geheimdienstes": the adjective is part of the organisation's name
        first = name_start
        while first > 0 and _adjective(toks[first - 1], pack):
            first -= 1
        name_toks = toks[first : name_start + 1]
    name = text[name_toks[0].start : name_toks[-1].end]
    return name, words, name_toks[0].start


def role_words(words: list[str], pack: LanguagePack) -> set[str]:
    """The role nouns among lower-case words, compounds included ("finanzministerin")."""
    return {w for w in words if _is_role(w, pack)}


@functools.lru_cache(maxsize=65536)
def _is_role(word: str, pack: LanguagePack) -> bool:
    """Asked for every word near every name: cached per word."""
    return word in pack.role_nouns or any(word.endswith(r) for r in pack.role_nouns if len(r) > 4)


def same_role(a: set[str], b: set[str]) -> bool:
    """Two sets of role words name the same role ("ministerin" and "finanzministerin")."""
    return any(x.endswith(y) or y.endswith(x) for x in a for y in b)


def _relative_clause(toks: list[Token], pack: LanguagePack) -> int:
    """Index of the comma that opens a relative clause in a source phrase (len(toks) if none)."""
    for k in range(1, len(toks) - 1):
        if toks[k].text == "," and toks[k + 1].lower in pack.relative_pronouns:
            return k
    return len(toks)


def _descriptor(word: str, pack: LanguagePack) -> bool:
    """A title or job word before a two-part name: "Trainer", "Gewerkschafterin", "Prof.",
    or a compound ending in a role noun ("Betriebsratsvorsitzende", "Rechnungshofpräsidentin")."""
    word = word.rstrip(".")
    return word in pack.abbreviations or _is_role(word, pack) or (
        len(word) > 6 and word.endswith(pack.role_suffixes))


def _adjective(tok: Token, pack: LanguagePack) -> bool:
    """An inflected lower-case adjective ("südkoreanischen") that belongs to an organisation name."""
    low = tok.lower
    return tok.text[:1].islower() and low not in pack.determiners and len(low) > 3 \
        and low.endswith(pack.adjective_endings)


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
        while j < len(tokens) and not _possessive(tokens[j - 1].text, pack) \
                and tokens[j].text[:1].isupper() and tokens[j].sent == t.sent \
                and tokens[j].lower not in pack.stop_capitalised:
            j += 1
        first = i + 1 if j - i >= 2 and hinted_type(t.lower, pack) else i
        while j - first >= 3 and _descriptor(tokens[first].lower, pack):
            first += 1  # "Finanzministerin Petra Lang", "Senator Maria Alvarez": the person
        last, owner = tokens[j - 1].text, len(_possessive(tokens[j - 1].text, pack))
        end = tokens[j - 1].end - owner  # "South Korea's" -> "South Korea"
        known = j - first == 1 and lookup(last[: len(last) - owner]) is not None  # "Russland", "Kiew"
        if j - first >= 2 or known or tokens[first].text.isupper() or not pack.capitalised_nouns:
            spans.append((tokens[first].start, end))
        i = j
    return spans


def _possessive(word: str, pack: LanguagePack) -> str:
    """The possessive ending of a word ("'s" of "Korea's"), or "" (also for the bare "'s")."""
    return next((p for p in pack.possessive_endings if word.endswith(p) and len(word) > len(p) + 1), "")


def lone_name_before(tokens: list[Token], starts: list[int], pos: int,
                     pack: LanguagePack) -> tuple[int, int] | None:
    """The nearest lone capitalised word within LOOKBACK characters before `pos` that the pack's
    lexicon reads as a name: what a pronoun points back to when no named person stands before
    it ("beaufsichtigte Kim am Donnerstag ... Dabei habe er betont"). Only for packs whose nouns
    are capitalised too (German); words after an article or a preposition are skipped ("am
    Donnerstag", "in Berlin": a place or a thing, not a speaker). `starts`: the tokens' starts."""
    if pack.proper_noun is None:
        return None
    for i in range(bisect_left(starts, pos) - 1, 0, -1):
        t, prev = tokens[i], tokens[i - 1]
        if t.start <= pos - LOOKBACK:
            break
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (t.text[:1].isupper() and t.text[1:].islower() and prev.sent == t.sent
                and prev.lower not in pack.determiners and prev.lower not in pack.contracted_articles
                and prev.lower not in pack.prepositions and prev.text[:1].islower()
                and not (nxt and nxt.text[:1].isupper()) and pack.proper_noun(t.text)):
            return t.start, t.end
    return None


def _name_start(tokens: list[Token], i: int, pack: LanguagePack) -> bool:
    t = tokens[i]
    if not t.text[:1].isupper() or t.lower in pack.stop_capitalised or len(t.text) < 2:
        return False
    if t.lower in pack.role_nouns or t.lower in pack.anonymous_sources or t.lower in pack.scale_words:
        return False  # a scale word is part of a figure: "5 Milliarden Euro"
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
    if prev.lower in pack.determiners or prev.lower in pack.contracted_articles:
        return False
    if prev.text[:1].islower() and prev.lower.endswith(pack.adjective_endings):
        return False
    return prev.text[:1].islower() or prev.text in {",", ":"}
