"""German proper nouns by lexicon. German capitalises every noun, so a lone capitalised word
("beaufsichtigte Kim am Donnerstag") may be a name or a noun ("am Donnerstag"); HanTa's German
morphology model, shipped inside its wheel, tells them apart (NE vs NN). Asked only when a
pronoun or role description needs a person to point back to, so its cost stays off the path
every sentence takes."""

from __future__ import annotations

import functools
from typing import Any


@functools.cache
def _tagger() -> Any:
    from HanTa import HanoverTagger  # loaded on first use: ~0.2 s

    return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")


UNKNOWN = -20.0  # log-probability under which the model only guesses the word's analysis
CLOSE = 1.0  # ... and then a proper-noun reading this close to the best one counts


@functools.lru_cache(maxsize=65536)
def proper_noun(word: str) -> bool:
    """True when the lexicon reads the word as a proper noun ("Kim", "Selenskyj"; not "Donnerstag"),
    or does not know it and a proper noun is nearly as likely as its best guess ("Macron", which
    it would otherwise read as an inflected "Macro")."""
    scores = dict(_tagger().tag_word(word, cutoff=5))
    best = max(scores.values(), default=UNKNOWN)
    ne = scores.get("NE")
    return ne is not None and bool(ne == best or (best < UNKNOWN and best - ne <= CLOSE))


PREDICATIVE_TAGS = frozenset({"ADJ(D)", "VV(PP)", "ADV"})


@functools.lru_cache(maxsize=4096)
def predicative(word: str) -> bool:
    """True when the lexicon reads the lower-cased word as a predicative adjective, participle or
    adverb and never as a noun or name ("Besorgt", "Zufrieden"; not "Kritiker", "Merkel"): a
    sentence that opens with it has its subject after the verb. A word the lexicon does not know
    is no such word, whatever its ending suggests ("Vantrell", a company, not "generell")."""
    scored = _tagger().tag_word(word.lower(), cutoff=3)[:3]
    tags = [tag for tag, _ in scored]
    return bool(scored) and scored[0][1] >= UNKNOWN and any(t in PREDICATIVE_TAGS for t in tags) \
        and not any(t in ("NN", "NE") for t in tags)


FINITE_TAGS = frozenset({"VV(FIN)", "VA(FIN)", "VM(FIN)"})


@functools.lru_cache(maxsize=4096)
def finite_verb(word: str) -> bool:
    """True when the lexicon's best reading of the lower-case word is a finite verb ("ordnete",
    "wurde"; not "inzwischen", "wiederholt")."""
    tags = _tagger().tag_word(word, cutoff=3)
    return bool(tags) and tags[0][0] in FINITE_TAGS
