"""Language identification with py3langid (a maintained, offline model)."""

from __future__ import annotations

import py3langid


def detect(text: str) -> str:
    """ISO 639-1 code of the text's language."""
    lang, _ = py3langid.classify(text[:5000])
    return lang
