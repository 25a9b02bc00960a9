"""Link rules: story choice, claim groups, figure disagreements, denials."""

from __future__ import annotations

from datetime import date

import numpy as np

from claimledger.link import ArticleProfile, ClaimNode, StoryCandidate, choose_story, find_disagreements
from claimledger.link.claims import content_words, group_claim
from claimledger.link.disagree import collapse

STOP = frozenset({"the", "of", "and", "that", "were", "was"})


def unit(v: list[float]) -> np.ndarray:
    a = np.asarray(v, dtype=np.float32)
    return a / np.linalg.norm(a)


def node(cid: int, source: str, text: str, article: str = "a1", **kw) -> ClaimNode:
    return ClaimNode(cid, article, source, text, content_words(text, STOP), **kw)


def test_article_joins_the_closest_story_in_its_window() -> None:
    art = ArticleProfile("en", date(2026, 11, 5), unit([1, 0.1, 0]), {"kim-jong-un": 2})
    near = StoryCandidate(1, unit([1, 0, 0]) * 3, 3, {"kim-jong-un": 5}, date(2026, 11, 4))
    far = StoryCandidate(2, unit([0, 1, 0]), 1, {}, date(2026, 11, 4))
    assert choose_story(art, [far, near]) == 1


def test_old_story_is_not_joined_and_unrelated_starts_a_new_one() -> None:
    art = ArticleProfile("en", date(2026, 11, 30), unit([1, 0, 0]), {"kim-jong-un": 2})
    old = StoryCandidate(1, unit([1, 0, 0]), 1, {"kim-jong-un": 5}, date(2026, 10, 1))
    assert choose_story(art, [old]) is None
    other = StoryCandidate(2, unit([0, 0, 1]), 1, {}, date(2026, 11, 29))
    assert choose_story(art, [other]) is None


def test_fast_mode_links_by_shared_entities() -> None:
    art = ArticleProfile("de", None, None, {"lumeda-medical": 3, "bfms": 1, "karin-albers": 1})
    cand = StoryCandidate(4, None, 2, {"lumeda-medical": 6, "bfms": 2}, None)
    assert choose_story(art, [cand]) == 4


def test_same_source_paraphrase_is_one_group_other_source_needs_the_same_words() -> None:
    first = node(1, "nis", "more than 10,000 soldiers were sent to Russia", "a1", group_id=7)
    again = node(2, "nis", "more than 10,000 soldiers were sent to Russia last month", "a2")
    other = node(3, "state-dept", "more than 10,000 soldiers were sent to Russia by ship last month", "a3")
    verbatim = node(4, None, "more than 10,000 soldiers were sent to Russia", "a4")
    assert group_claim(again, [first]) == 7
    assert group_claim(other, [first]) is None  # word overlap 0.56: similar, another source
    assert group_claim(verbatim, [first]) == 7  # the same words: the same claim, source unresolved


def test_translated_claim_groups_by_vector() -> None:
    first = node(1, "nis", "Nordkorea hat über 10.000 Soldaten entsandt", "a1",
                 vector=unit([1, 0.05, 0]), group_id=3)
    en = node(2, "nis", "North Korea sent more than 10,000 soldiers", "a2", vector=unit([1, 0, 0.05]))
    assert group_claim(en, [first]) == 3


def test_disjoint_bands_from_two_sources_disagree() -> None:
    a = node(1, "state-dept", "Tausende Soldaten sind im Einsatz",
             quantities=[{"text": "Tausende Soldaten", "low": 2000, "high": 9999, "unit": "soldier",
                          "value": None, "operator": "vague"}])
    b = node(2, "nis", "über 10.000 Soldaten sind im Einsatz", "a2",
             quantities=[{"text": "über 10.000 Soldaten", "low": 10001, "high": None, "unit": "soldier",
                          "value": 10000, "operator": "more_than"}])
    found = find_disagreements(b, [a])
    assert [(d.kind, d.subject, d.claim_a, d.claim_b) for d in found] == [("figures", "soldier", 1, 2)]


def test_overlapping_bands_or_other_units_do_not_disagree() -> None:
    a = node(1, "police", "rund 1.500 Menschen evakuiert",
             quantities=[{"text": "rund 1.500", "low": 1350, "high": 1650, "unit": "evacuee",
                          "value": 1500, "operator": "about"}])
    same = node(2, "fire", "1.500 Menschen evakuiert", "a2",
                quantities=[{"text": "1.500", "low": 1500, "high": 1500, "unit": "evacuee",
                             "value": 1500, "operator": "exact"}])
    other_unit = node(3, "fire", "14 Menschen evakuiert verletzt", "a2",
                      quantities=[{"text": "14", "low": 14, "high": 14, "unit": "injured",
                                   "value": 14, "operator": "exact"}])
    assert find_disagreements(same, [a]) == []
    assert find_disagreements(other_unit, [a]) == []


def test_denial_pairs_with_the_claim_it_answers() -> None:
    claim = node(1, "intel", "more than 10,000 troops are fighting in Tamaria")
    unrelated = node(2, "weather", "rain is expected on Sunday")
    denial = node(3, "ministry", "the claims that troops are fighting in Tamaria as false", "a2",
                  denial=True)
    found = find_disagreements(denial, [unrelated, claim])
    assert [(d.kind, d.claim_a, d.claim_b) for d in found] == [("denial", 1, 3)]


def test_terse_denial_finds_its_target_by_the_words_before_it() -> None:
    claim = node(1, "buergerliste", "die Verwaltung habe den Prüfbericht zurückgehalten")
    other = node(2, "wetterdienst", "am Sonntag werde es regnen")
    context = content_words("wies den Vorwurf zurück, die Verwaltung habe den Prüfbericht "
                            "zurückgehalten: Das ist falsch", STOP)
    denial = node(3, "rathaus", "Das ist falsch", "a2", denial=True, context=context)
    found = find_disagreements(denial, [other, claim])
    assert [(d.kind, d.claim_a, d.claim_b) for d in found] == [("denial", 1, 3)]


def test_a_denial_of_an_account_answers_the_claim_the_account_restates() -> None:
    """"Die Gewerkschaft wies Darstellungen der Bahn zurück, wonach sie zugestimmt habe": the
    denial, and a terse "Das ist falsch" after it, answer the chief's claim in another article,
    not the account nested in the denial; with no such claim in the story the denial stands
    alone rather than pairing with whatever shares the company's name."""
    from claimledger.link.nodes import claim_nodes

    said = node(1, "hallstein", "die Gewerkschaft habe dem Angebot im Grundsatz bereits zugestimmt")
    name = node(2, "bahn", "die Bahn setzte Ersatzzüge ein")
    rows = [{"id": 3, "article_id": "a2", "local_id": "c1", "nested_in": None, "source_key": "gnl",
             "content_text": "Darstellungen der Bahn wonach sie einem Angebot im Grundsatz zugestimmt habe",
             "content_spans": "[[0, 10]]", "vector": None, "denial": 1, "group_id": None,
             "published": None, "lang": "de", "article_text": None, "quantities": []},
            {"id": 4, "article_id": "a2", "local_id": "c2", "nested_in": "c1", "source_key": "bahn",
             "content_text": "sie einem Angebot im Grundsatz zugestimmt habe", "content_spans": "[[0, 10]]",
             "vector": None, "denial": 0, "group_id": None, "published": None, "lang": "de",
             "article_text": None, "quantities": []}]
    denial, account = claim_nodes(rows)
    assert account.account and denial.denies is account
    found = find_disagreements(denial, [said, name])
    assert [(d.kind, d.claim_a, d.claim_b) for d in found] == [("denial", 1, 3)]
    assert find_disagreements(denial, [name]) == []
    terse = node(5, "kuehnel", "Das ist falsch", "a2", denial=True,
                 context=content_words("wonach sie einem Angebot im Grundsatz zugestimmt habe", STOP))
    assert [d.claim_a for d in find_disagreements(terse, [said, name, account])] == [1]


def test_negated_statement_contradicts_the_same_statement_of_another_source() -> None:
    used = node(1, "activists", "police used tear gas against the protesters", vector=unit([1, 0.1, 0]))
    denied = node(2, "police", "police did not use tear gas against the protesters", "a2",
                  vector=unit([1, 0.12, 0]), negated=True)
    unrelated = node(3, "police", "no arrests were made", "a2", vector=unit([0, 1, 0]), negated=True)
    assert [(d.kind, d.claim_a) for d in find_disagreements(denied, [used])] == [("denial", 1)]
    assert find_disagreements(unrelated, [used]) == []
    same_side = node(4, "activists", "police did not use water cannon", "a3",
                     vector=unit([1, 0.1, 0]), negated=True)
    assert find_disagreements(same_side, [used]) == []  # one source does not contradict itself


def test_collapse_merges_syndicated_repeats() -> None:
    side = {"source_name": "NIS", "quantities": [{"text": "über 10.000"}]}
    side2 = {"source_name": "State Dept", "quantities": [{"text": "Tausende"}]}
    rows = [{"id": 1, "kind": "figures", "subject": "soldier", "sides": [side, side2]},
            {"id": 2, "kind": "figures", "subject": "soldier", "sides": [side2, side]}]
    merged = collapse(rows)
    assert len(merged) == 1 and merged[0]["also"] == [2]


def test_estimates_that_differ_disagree_even_when_bands_touch() -> None:
    a = node(1, "city", "die Sanierung koste rund 4,2 Millionen Euro",
             quantities=[{"text": "rund 4,2 Millionen Euro", "low": 3.78e6, "high": 4.62e6, "unit": "EUR",
                          "value": 4.2e6, "operator": "about"}])
    b = node(2, "engineer", "die Sanierung könne bis zu 7 Millionen Euro kosten", "a2",
             quantities=[{"text": "bis zu 7 Millionen Euro", "low": None, "high": 7e6, "unit": "EUR",
                          "value": 7e6, "operator": "up_to"}])
    assert [d.kind for d in find_disagreements(b, [a])] == ["figures"]


def test_a_cue_is_a_denial_when_it_holds_a_denial_verb_unless_negated() -> None:
    from claimledger.link import is_denial
    from claimledger.nlp.pack import get_pack
    from claimledger.records import Claim, Role

    def claim(cue: str, content: str = "the plant will close") -> Claim:
        return Claim("c1", "indirect", Role(content, ((0, len(content)),)), Role("The firm", ((0, 8),)),
                     Role(cue, ((0, len(cue)),)))

    en, de = get_pack("en"), get_pack("de")
    assert is_denial(claim("denied"), en)
    assert is_denial(claim("has flatly denied"), en)  # a tagger's cue span holds more words
    assert not is_denial(claim("did not deny"), en)
    assert not is_denial(claim("said"), en)
    assert is_denial(claim("wies zurück"), de)
    assert is_denial(claim("hat zurückgewiesen"), de)  # the perfect: an auxiliary before it
    assert is_denial(claim("wies die Berichte zurück"), de)  # a split verb, first and last word
    assert not is_denial(claim("wies darauf hin"), de)


def test_huge_story_costs_a_bounded_number_of_comparisons() -> None:
    """Hundreds of copies of one claim, each with another figure: a new report is compared with
    the first report of each claim group and the latest RECENT, records one figure disagreement
    per group, and still joins its group."""
    from claimledger.link.claims import RECENT, ClaimPool

    def report(cid: int, n: int, group: int | None, source: str = "") -> ClaimNode:
        return node(cid, source, "Soldaten wurden nach Russland entsandt", f"a{cid}", group_id=group,
                    quantities=[{"text": f"{n} Soldaten", "low": n, "high": n, "unit": "soldier",
                                 "value": n, "operator": "equal"}])

    pool = ClaimPool(report(k, 1000 + 200 * k, group=7) for k in range(1, 4 * RECENT))
    pool.add(node(9000, "nis", "Soldaten wurden angeblich nach Russland entsandt", "b1", group_id=8,
                  quantities=[{"text": "20 Soldaten", "low": 20, "high": 20, "unit": "soldier",
                               "value": 20, "operator": "equal"}]))
    new = report(10_000, 5, group=None, source="kcna")
    assert len(pool.with_unit(["soldier"])) <= RECENT + 2
    found = find_disagreements(new, pool)
    assert sorted(d.claim_a for d in found) == [1, 9000]  # the group's first report, and group 8
    assert group_claim(new, pool) == 7
