"""Every language pack loads and the engine stays free of language-specific words."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimledger.extract as extract_pkg
from claimledger.nlp.pack import LanguagePack, available_packs, get_pack


def test_builtin_packs_are_found() -> None:
    assert {"de", "en"} <= set(available_packs())


@pytest.mark.parametrize("code", available_packs())
def test_pack_loads_with_data(code: str) -> None:
    pack = get_pack(code)
    assert isinstance(pack, LanguagePack) and pack.code == code
    assert pack.speech_verbs and pack.quote_pairs and pack.complementizers


def test_unknown_language_names_the_available_ones() -> None:
    with pytest.raises(LookupError, match="available"):
        get_pack("xx")


def test_engine_contains_no_cue_words() -> None:
    """Cue words live in language packs; the algorithm must not hard-code them."""
    words = {"sagte", "said", "laut", "zufolge", "according", "dass", "that"}
    for path in Path(extract_pkg.__file__).parent.glob("*.py"):
        code = path.read_text("utf-8").lower()
        found = {w for w in words if f'"{w}"' in code}
        assert not found, f"{path.name} hard-codes {found}"
