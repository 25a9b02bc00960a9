"""Entities and sources: resolution within a document, canonical ids across spellings/languages."""

from __future__ import annotations

import os
import subprocess
import sys

from claimledger.extract import extract
from claimledger.extract.aliases import lookup
from claimledger.nlp.keys import canonical_key, phonetic_key

SEED_DE = (
    "Wie die staatliche Nachrichtenagentur KCNA berichtete, beaufsichtigte Kim Jong Un am "
    "Donnerstag einen Drohnen-Test. Dabei habe er betont, dass die Massenproduktion beginnen "
    "müsse. Wie das US-Außenministerium behauptete, sind bereits Tausende nordkoreanische "
    "Soldaten im Einsatz. Nach Angaben des südkoreanischen Geheimdienstes hat Nordkorea über "
    "10.000 Soldaten nach Russland entsandt. Der frühere niederländische Regierungschef Mark Rutte "
    "reiste nach Kiew. Man müsse mehr tun, sagte der frühere niederländische Regierungschef."
)
SEED_EN = (
    "North Korea's leader Kim Jong-un oversaw a drone test, the state news agency KCNA reported. "
    "The State Department said thousands of North Korean soldiers were already deployed. "
    "According to South Korea's intelligence service, more than 10,000 troops have been sent."
)


def _sources(text: str, lang: str) -> dict[str, dict]:
    x = extract(text, lang)
    return {c.source.text: c for c in x.claims}


def test_seed_paragraph_sources_resolve_to_canonical_entities() -> None:
    by_source = _sources(SEED_DE, "de")
    expect = {
        "die staatliche Nachrichtenagentur KCNA": "korean-central-news-agency",
        "er": "kim-jong-un",
        "das US-Außenministerium": "us-state-department",
        "Angaben des südkoreanischen Geheimdienstes": "south-korean-national-intelligence-service",
        "der frühere niederländische Regierungschef": "mark-rutte",
    }
    for source, entity in expect.items():
        claim = by_source[source]
        assert claim.source_entity is not None and claim.source_entity.id == entity, source
    inner = by_source["er"]
    assert inner.nested_in == by_source["die staatliche Nachrichtenagentur KCNA"].id


def test_seed_figures_are_comparable_soldier_bands() -> None:
    by_source = _sources(SEED_DE, "de")
    thousands = by_source["das US-Außenministerium"].quantities[0]
    over = by_source["Angaben des südkoreanischen Geheimdienstes"].quantities[0]
    assert (thousands.unit, thousands.low, thousands.high) == ("soldier", 2000, 9999)
    assert (over.unit, over.low, over.high) == ("soldier", 10001, None)
    assert thousands.high < over.low  # they disagree


def test_same_entities_across_languages() -> None:
    de = {e.id: e.type for e in extract(SEED_DE, "de").entities}
    en = {e.id: e.type for e in extract(SEED_EN, "en").entities}
    for shared in ("kim-jong-un", "korean-central-news-agency"):
        assert shared in de and shared in en
    en_sources = {c.source_entity.id for c in extract(SEED_EN, "en").claims if c.source_entity}
    assert {"us-state-department", "south-korean-national-intelligence-service"} <= en_sources
    assert de["korean-central-news-agency"] == "state_media"
    assert de["south-korean-national-intelligence-service"] == "intelligence"


def test_spelling_and_transliteration_keys() -> None:
    assert canonical_key("Kim Jong-un") == canonical_key("Kim Jong Un") == "kim-jong-un"
    assert phonetic_key("Selenskyj") == phonetic_key("Zelenskyy") == phonetic_key("Zelensky")
    assert lookup("Vereinigte Staaten").id == lookup("USA").id == lookup("United States").id
    assert lookup("Pjöngjang").id == lookup("Pyongyang").id


def test_user_alias_file_extends_the_table(tmp_path) -> None:
    extra = tmp_path / "aliases.tsv"
    extra.write_text("Agentur Nordwind\tmedia\tNordwind | Nordwind-Agentur\n", encoding="utf-8")
    code = ("from claimledger.extract.aliases import lookup; "
            "print(lookup('Nordwind-Agentur').id, lookup('Nordwind').type)")
    env = {**os.environ, "CLAIMLEDGER_ALIASES": str(extra)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.stdout.split() == ["agentur-nordwind", "media"]


def test_indefinite_descriptions_introduce_someone_new() -> None:
    """ "a senior official" / "ein Sprecher" is not the person named before; "the mayor" and
    "die Bürgermeisterin" are, when that person was named with that role."""
    en = _sources("Mayor Laura Bennett opened the bridge. A senior official said it was safe. "
                  "The mayor said more bridges would follow.", "en")
    assert en["A senior official"].source_entity is None
    assert en["The mayor"].source_entity.id == "laura-bennett"
    de = _sources("Bürgermeisterin Laura Bennett eröffnete die Brücke. Ein Sprecher sagte, sie sei "
                  "sicher. Die Bürgermeisterin sagte, weitere Brücken würden folgen.", "de")
    assert de["Ein Sprecher"].source_entity is None
    assert de["Die Bürgermeisterin"].source_entity.id == "laura-bennett"


def test_a_role_description_points_only_to_someone_with_that_role() -> None:
    """ "the senator" is not whoever was named last; "der Sprecher" is not the mayor."""
    en = _sources("Jones claimed the figures had been inflated. The senator said the bill would pass. "
                  "Senator Ruth Adler arrived. The senator said she was hopeful.", "en")
    assert en["Jones"].source_entity.id == "jones"
    by_text = [c for c in extract("Jones claimed the figures had been inflated. The senator said the bill "
                                  "would pass. Senator Ruth Adler arrived. The senator said she was hopeful.",
                                  "en").claims if c.source.text == "The senator"]
    assert [c.source_entity.id if c.source_entity else None for c in by_text] == [None, "ruth-adler"]
    de = _sources("Bürgermeisterin Laura Bennett eröffnete die Brücke. Der Sprecher sagte, sie sei "
                  "sicher.", "de")
    assert de["Der Sprecher"].source_entity is None


def test_a_possessive_is_not_part_of_the_name() -> None:
    x = extract("Kim Jong-un's sister said the talks had failed. South Korea's Yonhap News Agency "
                "reported that Kim Jong-un had left.", "en")
    ids = {e.id for e in x.entities}
    assert {"kim-jong-un", "south-korea"} <= ids
    assert not any(i.endswith("-s") for i in ids), ids


def test_relative_clauses_titles_and_possessors_in_source_phrases() -> None:
    from claimledger.extract.entities import split_source
    from claimledger.nlp.pack import get_pack
    from claimledger.nlp.text import tokenize

    phrase = "Senator Maria Alvarez, who chairs the budget committee,"  # an accurate-mode source
    assert split_source(phrase, tokenize(phrase, get_pack("en"))[0], get_pack("en"))[0] == "Maria Alvarez"
    en = _sources("Senator Maria Alvarez said the plan would cost $4 billion. The governor's "
                  "spokesperson said talks would continue.", "en")
    assert en["The governor's spokesperson"].source_entity is None  # not Maria Alvarez
    de = extract("Laut Finanzministerin Petra Lang sollen die Bürger um 5 Milliarden Euro entlastet "
                 "werden. Lang sagte, das sei fair.", "de")
    ids = {e.id for e in de.entities}
    assert "petra-lang" in ids and not any("milliarden" in i or "finanzministerin" in i for i in ids), ids


def test_a_sentence_opening_quantifier_is_not_a_name() -> None:
    x = extract('"Every estimate we have seen points the same way. Nobody disputes that," '
                "said Tom Reed.", "en")
    assert {e.id for e in x.entities} == {"tom-reed"}


def test_a_common_noun_source_stays_out_of_story_profiles() -> None:
    """"Die Opposition" names no one in particular: the lexicon reads it as a common noun, so it
    does not tie articles into one story; a name stays in the profile."""
    from claimledger.link.stories import profile

    x = extract("Die Opposition kritisierte Ministerin Vera Holm. Kessaro liegt am Meer.", "de")
    assert {e.id for e in x.entities} >= {"opposition", "vera-holm"}
    kept = profile(x, None, None).entities
    assert "opposition" not in kept and "vera-holm" in kept


def _entity(text: str, lang: str, source: str) -> str | None:
    """The resolved entity name of the (last) claim whose source is `source`."""
    found = [c for c in extract(text, lang).claims if c.source.text == source]
    assert found, [c.source.text for c in extract(text, lang).claims]
    return found[-1].source_entity.name if found[-1].source_entity else None


def test_a_place_in_a_source_phrase_is_not_the_source() -> None:
    assert _entity("Eine Sprecherin der Stadtwerke in Kellfurt sagte, das Netz sei stabil.", "de",
                   "Eine Sprecherin der Stadtwerke in Kellfurt") == "Stadtwerke"
    text = "Mira Olsberg ist Bäckerin. Die Preise stiegen, sagte die 51-Jährige vor Kunden in Haldern."
    sources = {c.source.text for c in extract(text, "de").claims}
    age = next(s for s in sources if s.startswith("die 51-Jährige"))
    assert _entity(text, "de", age) == "Mira Olsberg"


def test_personal_pronouns_point_to_persons_of_their_gender() -> None:
    assert _entity('Irene Vasko told the Millbrook Courier that she would run. "I am ready," she '
                   "said.", "en", "she") == "Irene Vasko"
    assert _entity("Die Staatsanwaltschaft legte Beschwerde ein. Er habe nichts gewusst, sagte er.",
                   "de", "er") is None
    # "sie" is not the judge named last when a woman was named with her role before him
    text = ("Ministerin Jana Feldt traf Richter Paul Oberle. Die Lage sei ernst, sagte sie.")
    assert _entity(text, "de", "sie") == "Jana Feldt"


def test_an_age_description_points_back_to_the_person() -> None:
    assert _entity("Henrik Albers war enttäuscht. „Wir machen weiter“, sagte der 70-Jährige.", "de",
                   "der 70-Jährige") == "Henrik Albers"
    assert _entity("Greta Lindqvist resigned. The 63-year-old said she had no regrets.", "en",
                   "The 63-year-old") == "Greta Lindqvist"
    assert _entity("Tomas Brill left the board. Brill, 71, said the vote was fair.", "en",
                   "Brill, 71") == "Tomas Brill"


def test_a_name_with_selbst_is_a_mention() -> None:
    text = ("Anwalt Dirk Sommer verteidigte den Mann. Kaltenbrunn selbst wies die Vorwürfe zurück. "
            "Er sei unschuldig, sagte er.")
    assert _entity(text, "de", "Kaltenbrunn selbst") == "Kaltenbrunn"
    assert _entity(text, "de", "er") == "Kaltenbrunn"


def test_titles_are_not_part_of_a_person_name() -> None:
    x = extract("Der Virologe Lukas Hamann warnte vor Eile. Die Daten reichten nicht, sagte Hamann.", "de")
    assert {e.name for e in x.entities if e.type == "person"} == {"Lukas Hamann"}
    for text, name in (("Secretary of Commerce Nora Feld said exports would grow.", "Nora Feld"),
                       ("Coach Ray Duncan said the team was ready.", "Ray Duncan"),
                       ("Judge Alma Ruiz said the ruling was final.", "Alma Ruiz")):
        assert [c.source_entity.name for c in extract(text, "en").claims] == [name], text


def test_an_apposition_or_a_role_synonym_names_the_person() -> None:
    assert _entity("Die Betreiberin, die 44-jährige Sabine Rotter, sprach von einem Schock.", "de",
                   "Die Betreiberin") == "Sabine Rotter"
    assert _entity("Trainer Jens Albrecht blieb ruhig. Das Team sei bereit, sagte der Coach.", "de",
                   "der Coach") == "Jens Albrecht"


def test_an_organisation_named_by_a_noun_keeps_its_whole_name() -> None:
    """'Das Patientenbündnis Diabetes' is the alliance, not 'Diabetes'; 'Der Energiekonzern RWE'
    is RWE, its descriptor left out."""
    from claimledger.extract import extract, extraction_to_json

    def entity(text: str) -> str:
        return extraction_to_json(extract(text, "de"))["claims"][0]["source"]["entity"]["name"]

    assert entity("Das Mieterbündnis Wohnraum forderte mehr Geld.") == "Mieterbündnis Wohnraum"
    assert entity("Der Chemiekonzern BASF teilte mit, die Anlage laufe wieder.") == "BASF"
