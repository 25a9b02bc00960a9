"""Tokens and sentences with character offsets, driven by a language pack's data.

Regex-based on purpose: the whole German path has to run at more than 1,000 sentences per second
per core, and every later stage needs exact offsets into the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimledger.nlp.pack import LanguagePack

TOKEN_RE = re.compile(
    r"\d+(?:-[^\W\d]\w*)+"  # "85-jährige", "3-Tage-Woche": one word
    r"|\d+(?:[.,\u00a0\u202f ]\d{3})+(?:,\d+)?(?!\d)"  # 10.000 / 10,000 / 10 000 / 1.234,5
    r"|\d+(?:[.,]\d+)?"
    r"|[^\W\d_][\w-]+(?:\.[a-z][a-z\d-]+)+"  # "ndr.de", "Spiegel.de", "www.nytimes.com": one name
    r"|\w+(?:[-'’]\w+)*\.?"  # a trailing full stop is split off again unless an abbreviation
    r"|[^\w\s]",
    re.UNICODE,
)

# "BRUSSELS (Reuters) - ", "Brüssel (dpa) – ", "WASHINGTON, Nov. 3 — " at a paragraph's start:
# a place (capitalised words), an optional date, an optional agency credit, then a dash
DATELINE_RE = re.compile(
    r"^[ \t]*(?P<place>[A-ZÄÖÜ][\w'’.-]*(?:[ /][A-ZÄÖÜ][\w'’.-]*){0,3})"
    r"(?:,[ \t][^\n()–—-]{1,30})?[ \t]*(?P<credit>\([^()\n]{1,40}\))?[ \t]*[-–—][ \t]+",
    re.MULTILINE,
)


def datelines(text: str) -> list[tuple[int, int]]:
    """Character spans of wire datelines. A place without an agency credit must be in capitals
    ("WASHINGTON —"), so that "Die Regierung – so ..." is not one."""
    return [m.span() for m in DATELINE_RE.finditer(text)
            if m.group("credit") or (m.group("place").isupper() and len(m.group("place")) > 2)]


# Typewriter quotation marks: ``…'' and ''…'' (American archives), ,,…'' (German typed without „).
TYPEWRITER_QUOTE_RE = re.compile(r"``|''|(?<![^\s(\[])(?:,,)(?=\w)")


def typewriter_quotes(text: str) -> str:
    """The text with each two-character typewriter quotation mark read as one straight mark
    beside a space (an opener as ' "', a closer as '" '), so quotation finding and tokens see one
    mark and every character offset stays where it was."""
    if "''" not in text and "``" not in text and ",," not in text:
        return text

    def one(m: re.Match[str]) -> str:
        a, b = m.span()
        opens = b < len(text) and not text[b].isspace() and (
            a == 0 or text[a - 1].isspace() or text[a - 1] in "([")
        return ' "' if opens else '" '

    return TYPEWRITER_QUOTE_RE.sub(one, text)


SENT_END = frozenset(".!?")
CLOSERS = frozenset("\"'“”»«‘’)]")


# Not frozen: a frozen dataclass builds 4x slower, and a document has thousands of tokens (tokens
# are never changed after `tokenize`; identity equality and hash, as no two tokens are the same).
@dataclass(slots=True, eq=False)
class Token:
    text: str
    start: int
    end: int
    index: int  # index in the document's token list
    sent: int  # sentence index
    lower: str  # the text lower-cased once: rules compare it many times per token


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    first: int  # first token index
    last: int  # one past last token index
    paragraph: int


def _raw_tokens(text: str, pack: LanguagePack) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    add, abbreviations = out.append, pack.abbreviations
    for m in TOKEN_RE.finditer(text):
        tok = m.group()
        s, e = m.span()
        if tok[-1] == "." and len(tok) > 1:  # only word tokens end in a full stop
            stem = tok[:-1]
            if not (stem.lower() in abbreviations or (len(stem) == 1 and stem.isupper())):
                add((stem, s, e - 1))
                add((".", e - 1, e))
                continue
        add((tok, s, e))
    return out


def _ends_sentence(toks: list[tuple[str, int, int]], i: int, text: str, pack: LanguagePack) -> bool:
    """True when token i closes a sentence (a full stop not after an abbreviation or ordinal)."""
    tok = toks[i][0]
    if tok not in SENT_END:
        return False
    if i + 1 >= len(toks):
        return True
    nxt = toks[i + 1][0]
    if toks[i + 1][1] == toks[i][2] and nxt not in CLOSERS:
        return False  # "3.5" style or "?!" runs: no space after
    opener = {")": "(", "]": "["}.get(nxt)
    if opener and any(t[0] == opener for t in toks[max(0, i - ASIDE_TOKENS) : i]):
        return False  # "Sen. Jack Reed (D-R.I.) said", „[...] Ich war": the aside closes
    if tok != "." and nxt in CLOSERS and _attribution_follows(toks, i + 1, pack):
        return False  # '"Why now?" she asked.' / '„Raus!“, rief er.': one sentence
    if tok == "." and nxt in CLOSERS and _lower_after(toks, i + 1):
        return False  # '„… etabliert.“ erklärte die Ministerin.': the attribution goes on
    if tok == "." and nxt in CLOSERS and toks[i + 1][1] == toks[i][2] and not pack.verb_second \
            and _bare_attribution(toks, i + 1, pack):
        return False  # '"… missing." Trump said.': a full stop typed inside the quotation
    prev = toks[i - 1][0] if i else ""
    if tok == "." and prev.isdigit() and len(prev) <= 2 and nxt[:1].isalpha() and nxt[0].islower():
        return False  # German ordinal "am 25. mai" cannot start a sentence lower-case
    if tok == "." and prev.isdigit() and len(prev) <= 2 and nxt.lower() in pack.months:
        return False  # "am 25. Mai"
    return not nxt[:1].islower()


ASIDE_TOKENS = 6  # "(D-R.I.)", "(I-Vt.)": a full stop inside a short aside
ATTRIBUTION_WORDS = 8  # '"…!" the former prime minister of Poland said.'


def _after_closers(toks: list[tuple[str, int, int]], j: int) -> int:
    """The first token after the closing marks from token j."""
    while j < len(toks) and toks[j][0] in CLOSERS:
        j += 1
    return j


def _lower_after(toks: list[tuple[str, int, int]], j: int) -> bool:
    """After the closing marks from token j: a comma, a semicolon or a lower-case word."""
    j = _after_closers(toks, j)
    return j < len(toks) and (toks[j][0] in {",", ";"} or toks[j][0][:1].islower())


def _bare_attribution(toks: list[tuple[str, int, int]], j: int, pack: LanguagePack) -> bool:
    """After the closing marks from token j: a short subject and a verb of speaking that ends
    its sentence, or takes only a phrase after it ("Trump said.", "the senator said on
    Monday."), never a clause or a quotation of its own ("He said he would go.", 'He added, "…"')."""
    j = _after_closers(toks, j)
    for k in range(j + 1, min(len(toks) - 1, j + ATTRIBUTION_WORDS)):
        word = toks[k][0]
        if word in SENT_END or word in CLOSERS or word == ",":
            return False
        if word.lower() in pack.speech_verbs and word[:1].islower():
            return _sentence_ends_after_phrase(toks, k + 1, pack)
    return False


def _sentence_ends_after_phrase(toks: list[tuple[str, int, int]], k: int, pack: LanguagePack) -> bool:
    """A full stop at token k, or after a short phrase that opens with a preposition or a time
    word ("on Monday.", "in a statement."), with no comma or quotation mark before it."""
    if k < len(toks) and toks[k][0] in SENT_END:
        return True
    first = toks[k][0].lower() if k < len(toks) else ""
    if not (first in pack.prepositions or first in pack.time_words):
        return False
    for x in range(k + 1, min(len(toks), k + ATTRIBUTION_WORDS)):
        if toks[x][0] in SENT_END:
            return True
        if toks[x][0] == "," or toks[x][0] in CLOSERS:
            return False
    return False


def _attribution_follows(toks: list[tuple[str, int, int]], j: int, pack: LanguagePack) -> bool:
    """After a quotation that ends in "!" or "?" (closing marks from token j): a comma or a
    lower-case word follows, or (where verbs do not go second: there the verb comes right after
    the quotation, '„Raus!“ rief er.') a short clause with a verb of speaking before its end."""
    if _lower_after(toks, j):
        return True
    if pack.verb_second:
        return False
    j = _after_closers(toks, j)
    for k in range(j, min(len(toks), j + ATTRIBUTION_WORDS)):
        word = toks[k][0]
        if word in SENT_END:
            return False
        if word.lower() in pack.speech_verbs and word[:1].islower():
            return True
    return False


def tokenize(text: str, pack: LanguagePack) -> tuple[list[Token], list[Sentence]]:
    """Split text into tokens and sentences; paragraphs (blank or single newlines) always split."""
    raw = _raw_tokens(text, pack)
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    sent_first = 0
    paragraph = 0

    def close(upto: int, para: int) -> None:
        nonlocal sent_first
        if upto > sent_first:
            sentences.append(
                Sentence(len(sentences), raw[sent_first][1], raw[upto - 1][2], sent_first, upto, para)
            )
        sent_first = upto

    i, n = 0, len(raw)
    while i < n:
        if i and raw[i][1] > raw[i - 1][2] and text.find("\n", raw[i - 1][2], raw[i][1]) >= 0:
            close(i, paragraph)
            paragraph += 1
        if raw[i][0] in SENT_END and _ends_sentence(raw, i, text, pack):
            j = i + 1
            while j < len(raw) and raw[j][0] in CLOSERS and raw[j][1] == raw[j - 1][2]:
                j += 1
            close(j, paragraph)
            i = j
            continue
        i += 1
    close(len(raw), paragraph)
    tokens = [Token(raw[k][0], raw[k][1], raw[k][2], k, sent.index, raw[k][0].lower())
              for sent in sentences for k in range(sent.first, sent.last)]  # sentences cover all
    return tokens, sentences
