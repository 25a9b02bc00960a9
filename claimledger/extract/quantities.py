"""Figures in text normalised to bands: "über 10.000 Soldaten" -> low 10001, unit soldier.

Conventions (docs/quantities.md): "more than N" -> (N+1 for integers, open top); "about N" ->
N ± 10 %; "nearly N" -> (0.9 N, N); "up to N" -> (null, N); vague plurals ("Tausende") -> the
pack's band; ranges -> (low, high).
"""

from __future__ import annotations

import functools
import re

from claimledger.nlp.pack import LanguagePack
from claimledger.nlp.text import Token
from claimledger.records import Quantity

DIGITS_RE = re.compile(r"^\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?$")
CURRENCY_PREFIX = {"€": "EUR", "$": "USD", "£": "GBP", "us$": "USD"}
RANGE_DASHES = frozenset({"-", "–"})  # "3-5", "3 – 5": a range in any language


def parse_number(tok: str, pack: LanguagePack) -> float | None:
    """Digits with thousands separators and decimal marks, read with the pack's convention
    first and the other one second ("53,55" in English copy); None when neither fits."""
    if not DIGITS_RE.match(tok):
        return pack.number_words.get(tok.lower())
    s = tok.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    conventions = [(".", ","), (",", ".")] if pack.decimal_comma else [(",", "."), (".", ",")]
    for thou, dec in conventions:
        if re.fullmatch(rf"\d{{1,3}}(?:\{thou}\d{{3}})+(?:\{dec}\d+)?", s):
            return float(s.replace(thou, "").replace(dec, "."))
        if re.fullmatch(rf"\d+(?:\{dec}\d+)?", s):
            return float(s.replace(dec, "."))
    return None


def _unit(tokens: list[Token], i: int, pack: LanguagePack) -> tuple[str | None, int]:
    """The counted thing after position i (skipping adjectives), lemmatised where known."""
    for j in range(i, min(i + 4, len(tokens))):
        low = tokens[j].lower
        pair = f"{low} {tokens[j + 1].lower}" if j + 1 < len(tokens) else ""
        if pair in pack.unit_lemmas:
            return pack.unit_lemmas[pair], j + 2  # "per cent"
        nxt_cap = j + 1 < len(tokens) and tokens[j + 1].text[:1].isupper()
        if pack.capitalised_nouns and tokens[j].text[:1].islower() and tokens[j].text[:1].isalpha() \
                and (low not in pack.unit_lemmas or nxt_cap):
            continue  # German adjective before the counted noun: "3.000 tote Fische"
        lemma = _unit_lemma(low, pack)
        if lemma:
            return lemma, j + 1
        if not tokens[j].text[:1].isalpha():
            break
        if pack.capitalised_nouns and tokens[j].text[:1].isupper():
            return low, j + 1
        if not pack.capitalised_nouns and _plural_noun(low, pack):
            return _singular(low), j + 1  # "1,200 positions", "2.4 million users"
    return None, i


def _plural_noun(word: str, pack: LanguagePack) -> bool:
    """An English plural noun by its form: ends in -s, not a function word ("is", "this")."""
    return len(word) > 3 and word.endswith("s") and not word.endswith("ss") and word.isalpha() \
        and word not in pack.stopwords


def _singular(word: str) -> str:
    """English regular plural to singular: buses -> bus, companies -> company, users -> user."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    return word[:-1]


def _unit_lemma(word: str, pack: LanguagePack) -> str | None:
    """The unit key for a word, trying the pack's inflection variants ("Passagieren")."""
    for form in (word, *(word[: -len(end)] + rep for end, rep in pack.unit_suffixes
                         if word.endswith(end) and len(word) > len(end) + 2)):
        if form in pack.unit_lemmas:
            return pack.unit_lemmas[form]
    return None


def _operator(tokens: list[Token], i: int, pack: LanguagePack) -> tuple[str | None, int]:
    """An operator phrase ending right before token i: returns (operator, start index)."""
    if not i:
        return None, i
    for words, op in _operators_ending(pack).get(tokens[i - 1].lower.rstrip("."), ()):
        n = len(words)
        if i - n >= 0 and tuple(t.lower.rstrip(".") for t in tokens[i - n : i]) == words:
            return op, i - n
    return None, i


@functools.cache
def _operators_ending(pack: LanguagePack) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """The pack's operator phrases by their last word, in the pack's order of preference."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, op in pack.quantity_operators:
        out.setdefault(words[-1], []).append((words, op))
    return out


def _band(op: str | None, value: float) -> tuple[float | None, float | None]:
    low, high = _raw_band(op, value)
    return (None if low is None else round(low, 6), None if high is None else round(high, 6))


def _raw_band(op: str | None, value: float) -> tuple[float | None, float | None]:
    integral = value == int(value)
    if op == "more_than":
        return (value + 1 if integral else value, None)
    if op == "less_than":
        return (None, value - 1 if integral else value)
    if op == "up_to":
        return (None, value)
    if op == "at_least":
        return (value, None)
    if op == "about":
        return (value * 0.9, value * 1.1)
    if op == "nearly":
        return (value * 0.9, value)
    return (value, value)


def _read_value(tokens: list[Token], i: int, pack: LanguagePack) -> tuple[float, int] | None:
    """A number at token i with an optional scale word: returns (value, next index)."""
    value = parse_number(tokens[i].text, pack)
    if value is None:
        return None
    j = i + 1
    if j < len(tokens) and tokens[j].lower.rstrip(".") in pack.scale_words:
        value *= pack.scale_words[tokens[j].lower.rstrip(".")]
        j += 1
        if j < len(tokens) and tokens[j].text == ".":
            j += 1
    return value, j


def find_quantities(text: str, tokens: list[Token], pack: LanguagePack) -> list[Quantity]:
    """All figures in a token list, in order."""
    out: list[Quantity] = []
    starts = _start_words(pack)
    i = 0
    while i < len(tokens):
        if not (tokens[i].text[:1].isdigit() or tokens[i].lower in starts):
            i += 1  # only digits, number words and vague plurals can start a figure
            continue
        q, nxt = _quantity_at(text, tokens, i, pack)
        if q:
            out.append(q)
        i = max(nxt, i + 1)
    return out


@functools.cache
def _start_words(pack: LanguagePack) -> frozenset[str]:
    """Words that can open a figure in this language (computed once per pack)."""
    return frozenset(pack.number_words).union(_vague_starting(pack))


def _vague_at(tokens: list[Token], i: int, pack: LanguagePack) -> tuple[str, int] | None:
    for phrase, words in _vague_starting(pack).get(tokens[i].lower, ()):
        if tuple(t.lower for t in tokens[i : i + len(words)]) == words:
            return phrase, i + len(words)
    return None


@functools.cache
def _vague_starting(pack: LanguagePack) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """The pack's vague number phrases by their first word, longest first."""
    out: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for phrase in sorted(pack.vague_numbers, key=lambda p: -len(p.split())):
        words = tuple(phrase.split())
        out.setdefault(words[0], []).append((phrase, words))
    return out


def _quantity_at(
    text: str, tokens: list[Token], i: int, pack: LanguagePack
) -> tuple[Quantity | None, int]:
    op, start = _operator(tokens, i, pack)
    currency = None
    if i and tokens[i - 1].text.lower() in CURRENCY_PREFIX and op is None:
        currency, start = CURRENCY_PREFIX[tokens[i - 1].text.lower()], i - 1
    vague = _vague_at(tokens, i, pack)
    if vague:
        phrase, j = vague
        low, high = pack.vague_numbers[phrase]
        unit, end = _unit(tokens, j, pack)
        return _make(text, tokens, start, end or j, low, high, unit, op or "vague", None), end or j
    read = _read_value(tokens, i, pack)
    if read is None:
        return None, i + 1
    value, j = read
    low, high = _band(op if op != "range" else None, value)
    joint = tokens[j].lower if j + 1 < len(tokens) else ""
    if joint in RANGE_DASHES or joint in pack.range_words or joint in pack.range_joiners:
        second = _read_value(tokens, j + 1, pack)
        if second and (op == "range" or joint in RANGE_DASHES or joint in pack.range_words):
            low, high, op, j = value, second[0], "range", second[1]
    unit, end = _unit(tokens, j, pack)
    unit = currency or unit
    if tokens[i].text.isdigit() and len(tokens[i].text) == 4 and unit is None and op is None:
        return None, j  # a bare year
    return _make(text, tokens, start, max(end, j), low, high, unit, op or "exact", value), max(end, j)


def _make(
    text: str,
    tokens: list[Token],
    start: int,
    end: int,
    low: float | None,
    high: float | None,
    unit: str | None,
    op: str,
    value: float | None,
) -> Quantity:
    s, e = tokens[start].start, tokens[end - 1].end
    return Quantity(text=text[s:e], spans=((s, e),), low=low, high=high, unit=unit, operator=op,
                    value=value)
