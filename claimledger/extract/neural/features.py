"""Token features from the language pack that both taggers read beside the e5 word embeddings.

What a subword window cannot see or has seen too few examples of: whether a token is inside a
quotation (which can open hundreds of tokens earlier, beyond any window), whether a line break
comes before it (the e5 tokenizer reads one as a space, and a paragraph break ends or continues
a quotation), and whether its word is in the pack's lexicons. Language data stays in the pack;
this module only reads it.
"""

from __future__ import annotations

import numpy as np

from claimledger.extract.attribution import find_quotes, prefixes_by_first_word
from claimledger.extract.neural.decode import word_starts
from claimledger.nlp.pack import LanguagePack

FEATURES = 11  # see token_features


def token_features(text: str, starts: list[int], ends: list[int], pack: LanguagePack) -> np.ndarray:
    """[T, FEATURES] 0/1 features per token: inside a quotation; and of the token's word: a
    quotation mark, a verb of speaking, a speech act, a subjunctive form, a complementiser, a
    prepositional cue word, a pronoun, a role noun, a finite auxiliary; and whether a line break
    comes before the token (the e5 tokenizer reads it as a space, and a paragraph break
    ends or continues a quotation)."""
    n = len(starts)
    out = np.zeros((n, FEATURES), np.float32)
    st = np.asarray(starts)
    for s, e in find_quotes(text, pack):
        out[(st >= s) & (st < e), 0] = 1.0
    marks = {ch for pair in pack.quote_pairs for ch in pair}
    according = prefixes_by_first_word(pack.according_prefix)
    first = word_starts(text, starts, ends)
    bounds = np.flatnonzero(np.r_[True, first[1:] != first[:-1], True])
    for a, b in zip(bounds[:-1], bounds[1:], strict=True):
        word = text[starts[a] : ends[b - 1]]
        low = word.lower()
        flags = (word in marks, low in pack.speech_verbs, low in pack.speech_acts, low in pack.subjunctive,
                 low in pack.complementizers, low in according or low in pack.according_postfix,
                 low in pack.pronouns, low in pack.role_nouns, low in pack.clause_verbs)
        for k, on in enumerate(flags, start=1):
            if on:
                out[a:b, k] = 1.0
    out[:, 10] = _after_line_break(text, st, np.asarray(ends))
    return out


def _after_line_break(text: str, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """1 where a line break lies between the previous token's end and this token's start (and
    for the first token)."""
    breaks = np.concatenate([[0], np.cumsum(np.frombuffer(text.encode("utf-32-le", "surrogatepass"),
                                                           np.uint32) == ord("\n"))])
    out = np.ones(len(starts), np.float32)
    out[1:] = breaks[starts[1:]] > breaks[ends[:-1]]
    return out
