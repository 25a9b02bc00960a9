"""Every language pack loads and the engine stays free of language-specific words."""

from __future__ import annotations

import ast
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


OUTPUT_LABELS = {"about"}  # an operator name of the output contract, not a word of the text


def _vocabulary(pack: LanguagePack) -> set[str]:
    """Function words and number phrases (cue verbs are checked above: some double as JSON keys)."""
    words = set(pack.stopwords) | set(pack.determiners) | set(pack.pronouns)
    words |= set(pack.complementizers) | set(pack.range_words) | set(pack.range_joiners)
    words |= set(pack.np_joiners) | set(pack.number_words) | set(pack.vague_numbers)
    words |= set(pack.contracted_articles)
    return {w for w in words if len(w) > 1 and w.isalpha()}


def test_engine_string_literals_are_no_pack_words() -> None:
    """No word of any pack's vocabulary appears as a string literal in the extract package."""
    vocabulary = set().union(*(_vocabulary(get_pack(code)) for code in available_packs()))
    vocabulary -= OUTPUT_LABELS
    for path in Path(extract_pkg.__file__).parent.rglob("*.py"):
        literals = {node.value.lower() for node in ast.walk(ast.parse(path.read_text("utf-8")))
                    if isinstance(node, ast.Constant) and isinstance(node.value, str)}
        found = literals & vocabulary
        assert not found, f"{path.name} hard-codes {sorted(found)}: move them to the language packs"


@pytest.mark.parametrize("code", available_packs())
def test_every_speech_act_is_a_verb_of_speaking(code: str) -> None:
    """The engine reads only `speech_verbs` as cues: a speech act missing there never fires."""
    pack = get_pack(code)
    assert not sorted(w for w in pack.speech_acts if w not in pack.speech_verbs)
