"""Language identification with py3langid (a maintained, offline model)."""

from __future__ import annotations

import py3langid

# Scoring is linear in the text's length; a news lead of this size leaves no doubt (500 and even
# 200 characters named all 934 GerNewsQuote and PolNeAR documents right; 500: 0.12 ms, 1500: 0.3 ms).
SAMPLE_CHARS = 500


def detect(text: str) -> str:
    """ISO 639-1 code of the text's language."""
    lang, _ = py3langid.classify(text[:SAMPLE_CHARS])
    return lang
