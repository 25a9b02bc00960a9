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
