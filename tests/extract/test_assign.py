"""Learned pairing of tagged role groups with quotes (claimledger.extract.neural.assign).

Tag probabilities are written by hand over our own sentences (one token per word), so these tests
check the pairing alone: the mechanism with hand-set weights, and the shipped weights on patterns
every news text has.
"""

from __future__ import annotations

import numpy as np
import pytest
from tagged_text import Spans, tag_probs, text_of, type_probs, word_offsets

from claimledger.extract import neural
from claimledger.extract.neural.assign import MAX_OPTIONS, Features, Quote, Scorer, Weights
from claimledger.extract.neural.decode import Decoding, claims_from_probs
from claimledger.extract.neural.labels import ROLES, TYPES
from claimledger.nlp.pack import get_pack

needs_weights = pytest.mark.skipif(not neural.ASSIGN.is_file(), reason=f"{neural.ASSIGN} absent")


def claims(text: str, lang: str, spans: Spans, kind: str = "Indirect") -> list[dict]:
    starts, ends = word_offsets(text)
    n = len(starts)
    return claims_from_probs(text, tag_probs(n, spans), type_probs(n, kind), starts, ends, lang,
                             neural.decoding(lang), neural.scorer(lang))


def said(text: str, claim: dict, role: str) -> str:
    return text_of(text, claim[role])


def test_options_are_the_nearest_groups_in_text_order() -> None:
    quote = Quote([(5000, 5010)], TYPES.index("Indirect"))
    cands = [[(3990 + 50 * k, 4000 + 50 * k)] for k in range(20)] + [[(9000, 9005)]]
    feats = Features("", [quote], get_pack("de"), {})
    kept, _, _ = feats.rows(quote, cands, "speaker", [])
    assert kept == cands[20 - MAX_OPTIONS : 20]  # the nearest, in text order; 9000 is out of reach
    split = [[(4890, 4900), (4990, 5001)]]  # a two-piece group touching the quote is nearest of all
    assert feats.rows(quote, cands + split, "speaker", [])[0][-1] == split[0]


def test_the_best_option_wins_and_none_can_win() -> None:
    text = "Meier sagte , die Mieten fallen , und Lutz nickte ."
    quote = Quote([(13, 31)], TYPES.index("Indirect"))
    feats = Features(text, [quote], get_pack("de"), {})
    before, after = [(0, 5)], [(38, 42)]
    _, rows, none = feats.rows(quote, [before, after], "speaker", [])
    dim, none_dim = rows.shape[1], len(none)
    position = 2 + 7  # constant, log gap, 7 gap buckets, then before / after / within
    prefer_after = np.zeros(dim)
    prefer_after[position + 1] = 3.0
    scorer = Scorer({"speaker": Weights(prefer_after, np.zeros(none_dim))})
    assert scorer.choose(feats, quote, "speaker", [before, after], []) == after
    prefer_before = np.zeros(dim)
    prefer_before[position] = 3.0
    scorer = Scorer({"speaker": Weights(prefer_before, np.zeros(none_dim))})
    assert scorer.choose(feats, quote, "speaker", [before, after], []) == before
    none_bias = np.zeros(none_dim)
    none_bias[0] = 10.0
    scorer = Scorer({"speaker": Weights(prefer_before, none_bias)})
    assert scorer.choose(feats, quote, "speaker", [before, after], []) == []
    assert scorer.choose(feats, quote, "speaker", [], []) == []


def test_no_option_within_reach_chooses_none() -> None:
    near, far = Quote([(20, 30)], TYPES.index("Indirect")), Quote([(5000, 5010)], TYPES.index("Indirect"))
    text = "x" * 9100
    _, rows, none = Features(text, [near], get_pack("de"), {}).rows(near, [[(0, 5)]], "speaker", [])
    feats = Features(text, [far], get_pack("de"), {})
    scorer = Scorer({"speaker": Weights(np.ones(rows.shape[1]), np.zeros(len(none)))})
    assert scorer.choose(feats, far, "speaker", [[(10, 15)], [(9000, 9005)]], []) == []  # beyond MAX_GAP


def test_roles_without_weights_are_left_to_the_rules() -> None:
    text = "Meier sagte , die Mieten fallen ."
    starts, ends = word_offsets(text)
    p = tag_probs(7, {"quote": [(3, 6)], "cue": [(1, 2)], "speaker": [(0, 1)]})
    ruled = claims_from_probs(text, p, type_probs(7, "Indirect"), starts, ends, "de", Decoding(), Scorer({}))
    plain = claims_from_probs(text, p, type_probs(7, "Indirect"), starts, ends, "de", Decoding())
    assert ruled == plain and said(text, plain[0], "source") == "Meier"


@needs_weights
def test_shipped_weights_load_per_language() -> None:
    assert {"cue", "speaker"} <= set(neural.scorer("en").weights)
    assert {"cue", "speaker"} <= set(neural.scorer("de").weights)
    assert neural.scorer("xx") is None


@needs_weights
def test_english_speaker_is_the_subject_of_its_own_statement() -> None:
    text = ("Mayor Meier issued a statement saying that the city must cut rents . "
            "Lutz , a landlord , wants higher rents .")
    # Mayor(0) Meier(1) issued(2) a statement saying(5) that(6) ... rents .(12) Lutz(13) , a landlord ,
    c, = claims(text, "en", {"quote": [(6, 12)], "cue": [(5, 6)], "speaker": [(0, 2), (13, 14)]})
    assert said(text, c, "source") == "Mayor Meier" and said(text, c, "cue") == "saying"


@needs_weights
def test_german_speaker_inside_the_frame_before_the_content() -> None:
    text = "Der Minister sagte am Montag , das Werk schließe . Die Gewerkschaft protestierte ."
    # Der(0) Minister(1) sagte(2) am Montag ,(5) das(6) Werk schließe .(9) Die(10) Gewerkschaft(11)
    c, = claims(text, "de", {"quote": [(6, 9)], "cue": [(2, 3)], "speaker": [(0, 2), (10, 12)],
                             "frame": [(0, 6)]})
    assert said(text, c, "source") == "Der Minister" and said(text, c, "cue") == "sagte"
    assert said(text, c, "frame") == "Der Minister sagte am Montag ,"


@needs_weights
def test_english_second_content_of_one_statement_keeps_its_cue() -> None:
    # the rules give each cue to one claim only ("X, sources said. Y, a source said."), so the
    # second content of one statement took the next sentence's cue and speaker
    text = ("Brady issued a statement saying that taxes must fall and that the budget must shrink . "
            "Jones plans to veto it .")
    # Brady(0) issued(1) a statement saying(4) that(5) taxes must fall(8) and(9) that(10) the budget
    # must shrink(14) .(15) Jones(16) plans(17) to(18) veto it(20) .(21)
    found = claims(text, "en", {"quote": [(5, 9), (10, 15), (18, 21)], "cue": [(1, 5), (17, 18)],
                                "speaker": [(0, 1), (16, 17)]})
    assert [(said(text, c, "source"), said(text, c, "cue")) for c in found] == [
        ("Brady", "issued a statement saying"), ("Jones", "plans")]
    # one statement, one claim: English news data marks it as one attribution in two pieces
    assert said(text, found[0], "content") == "that taxes must fall that the budget must shrink"
    assert len(found[0]["content"]) == 2


def test_claims_sharing_cue_and_source_merge_only_where_asked() -> None:
    text = "Meier sagte , die Mieten fallen , und die Löhne steigen ."
    # Meier(0) sagte(1) ,(2) die(3) Mieten fallen(5) ,(6) und(7) die(8) Löhne steigen(10) .(11)
    starts, ends = word_offsets(text)
    p = tag_probs(12, {"quote": [(3, 6), (8, 11)], "cue": [(1, 2)], "speaker": [(0, 1)]})
    kinds = type_probs(12, "Indirect")
    apart = claims_from_probs(text, p, kinds, starts, ends, "de", Decoding())
    assert [said(text, c, "content") for c in apart] == ["die Mieten fallen", "die Löhne steigen"]
    merged, = claims_from_probs(text, p, kinds, starts, ends, "de", Decoding(merge_shared_cues=True))
    assert said(text, merged, "content") == "die Mieten fallen die Löhne steigen"
    assert said(text, merged, "source") == "Meier" and said(text, merged, "cue") == "sagte"


def test_choice_dependent_columns_change_only_themselves() -> None:
    """Taken by an earlier quote and inside the quote's frame are filled at choice time into
    the rows computed once for all quotes: each changes exactly one column."""
    text = "Meier sagte , die Mieten fallen , und Lutz nickte ."
    quote = Quote([(13, 31)], TYPES.index("Indirect"))
    feats = Features(text, [quote], get_pack("de"), {})
    cands = [[(0, 5)], [(38, 42)]]
    _, plain, _ = feats.rows(quote, cands, "speaker", [])
    _, taken, _ = feats.rows(quote, cands, "speaker", [cands[0]])
    quote.frame = [(0, 12)]
    _, framed, _ = feats.rows(quote, cands, "speaker", [])
    for changed in (taken, framed):
        diff = np.argwhere(changed != plain)
        assert len(diff) == 1 and tuple(diff[0])[0] == 0 and changed[0, diff[0][1]] == 1.0
    assert np.argwhere(taken != plain)[0][1] != np.argwhere(framed != plain)[0][1]


def test_content_reads_as_the_text_does() -> None:
    """A word the tagger skipped inside a content is filled in; an according-to claim's own
    source is not part of its content."""
    text = "Die Bahn erhöhe wohl die Preise . Kreisen zufolge steigen sie ."
    # Die(0) Bahn(1) erhöhe(2) wohl(3) die(4) Preise(5) .(6) Kreisen(7) zufolge(8) steigen(9)
    # sie(10) .(11)
    starts, ends = word_offsets(text)
    p = tag_probs(12, {"quote": [(0, 3), (4, 7), (7, 8), (9, 12)], "cue": [(8, 9)],
                       "speaker": [(7, 8)]})
    p[[4, 9], ROLES.index("quote")] = (0.0, 0.0, 1.0)  # "die", "steigen" continue a quote
    opts = Decoding(continue_gaps={"quote": 60}, trim_punctuation=True)
    first, according = claims_from_probs(text, p, type_probs(12, "Indirect"), starts, ends, "de", opts)
    assert said(text, first, "content") == "Die Bahn erhöhe wohl die Preise"
    assert said(text, according, "cue") == "zufolge" and said(text, according, "source") == "Kreisen"
    assert said(text, according, "content") == "steigen sie"


def test_source_pieces_are_joined_over_a_skipped_word() -> None:
    text = "Aus Kreisen der Koalition hieß es , eine Einigung sei nahe ."
    # Aus(0) Kreisen(1) der(2) Koalition(3) hieß(4) es(5) ,(6) eine(7) Einigung sei nahe(10) .(11)
    starts, ends = word_offsets(text)
    p = tag_probs(12, {"quote": [(7, 11)], "cue": [(4, 6)], "speaker": [(1, 2)], "frame": [(0, 7)]})
    p[3, ROLES.index("speaker")] = (0.0, 0.0, 1.0)  # "Koalition" continues the speaker
    kinds = type_probs(12, "Indirect")
    apart, = claims_from_probs(text, p, kinds, starts, ends, "de", Decoding(continue_gaps={"speaker": 40}))
    assert len(apart["source"]) == 2
    opts = Decoding(continue_gaps={"speaker": 40}, fill_holes=("source",))
    c, = claims_from_probs(text, p, kinds, starts, ends, "de", opts)
    assert said(text, c, "source") == "Kreisen der Koalition"


def test_a_missed_prepositional_cue_is_read_from_the_words_around_the_source() -> None:
    text = "Nach Angaben von Zeugen brannte es lange . Den Zeugen zufolge fehlte Wasser ."
    # Nach(0) Angaben(1) von(2) Zeugen(3) brannte es lange(6) .(7) Den(8) Zeugen(9) zufolge(10)
    # fehlte(11) Wasser(12) .(13)
    starts, ends = word_offsets(text)
    p = tag_probs(14, {"quote": [(4, 7), (11, 13)], "speaker": [(1, 4), (8, 10)]})
    found = claims_from_probs(text, p, type_probs(14, "Indirect"), starts, ends, "de", Decoding())
    assert [(c["kind"], said(text, c, "cue")) for c in found] == [
        ("according_to", "Nach"), ("according_to", "zufolge")]


def test_a_cue_starting_a_prepositional_cue_is_completed() -> None:
    text = "According to the board , fees rise ."
    # According(0) to(1) the(2) board(3) ,(4) fees(5) rise(6) .(7)
    starts, ends = word_offsets(text)
    p = tag_probs(8, {"quote": [(5, 7)], "cue": [(0, 1)], "speaker": [(2, 4)]})
    c, = claims_from_probs(text, p, type_probs(8, "Indirect"), starts, ends, "en", Decoding())
    assert said(text, c, "cue") == "According to" and c["kind"] == "according_to"


def test_a_source_word_tagged_b_right_after_another_continues_it() -> None:
    text = "Man werde kommen , sagte der Minister ."
    # Man(0) werde(1) kommen(2) ,(3) sagte(4) der(5) Minister(6) .(7): the tagger starts the
    # source anew at "Minister" (B right after B)
    starts, ends = word_offsets(text)
    p = tag_probs(8, {"quote": [(0, 3)], "cue": [(4, 5)], "speaker": [(5, 6), (6, 7)]})
    kinds = type_probs(8, "Indirect")
    split, = claims_from_probs(text, p, kinds, starts, ends, "de", Decoding())
    assert said(text, split, "source") in ("der", "Minister")
    whole, = claims_from_probs(text, p, kinds, starts, ends, "de", Decoding(touching_starts=("speaker",)))
    assert said(text, whole, "source") == "der Minister"


def test_a_source_ends_before_a_comma_where_the_language_data_says_so() -> None:
    text = "Der Sprecher , Peter Müller , sagte , man werde kommen ."
    # Der(0) Sprecher(1) ,(2) Peter(3) Müller(4) ,(5) sagte(6) ,(7) man(8) werde kommen(10) .(11)
    starts, ends = word_offsets(text)
    p = tag_probs(12, {"quote": [(8, 11)], "cue": [(6, 7)], "speaker": [(0, 6)]})
    kinds = type_probs(12, "Indirect")
    kept, = claims_from_probs(text, p, kinds, starts, ends, "de", Decoding())
    assert said(text, kept, "source") == "Der Sprecher , Peter Müller ,"  # an apposition's comma
    trimmed, = claims_from_probs(text, p, kinds, starts, ends, "de", Decoding(role_trim=".!?,;:"))
    assert said(text, trimmed, "source") == "Der Sprecher , Peter Müller"


@needs_weights
def test_shipped_german_decoding_joins_touching_source_words_and_trims_the_comma() -> None:
    opts = neural.decoding("de")
    assert "speaker" in opts.touching_starts and "," in opts.role_trim
    assert "," not in neural.decoding("en").role_trim


def test_a_touching_start_after_a_full_stop_still_starts_anew() -> None:
    from claimledger.extract.neural.decode import continue_touching
    from claimledger.extract.neural.labels import B, I, O

    tags = np.array([O, B, B, B])  # "sagte der Minister.Der" with no space after the stop
    continue_touching(tags, np.array([True, True, False, True]))
    assert tags.tolist() == [O, B, I, B]


def test_a_german_source_leaves_out_the_focus_particle_before_it() -> None:
    text = "Auch der Sprecher sagte , man werde kommen ."
    # Auch(0) der(1) Sprecher(2) sagte(3) ,(4) man(5) werde(6) kommen(7) .(8)
    starts, ends = word_offsets(text)
    p = tag_probs(9, {"quote": [(5, 8)], "cue": [(3, 4)], "speaker": [(0, 3)]})
    c, = claims_from_probs(text, p, type_probs(9, "Indirect"), starts, ends, "de", Decoding())
    assert said(text, c, "source") == "der Sprecher"


def test_a_german_source_running_on_over_gegenueber_ends_there_and_gives_the_addressee() -> None:
    text = "„ Wir kommen “ , sagte der Minister gegenüber dem Sender CNN ."
    # „(0) Wir(1) kommen(2) “(3) ,(4) sagte(5) der(6) Minister(7) gegenüber(8) dem(9) Sender(10)
    # CNN(11) .(12): the tagger's source is "der Minister" and, after a gap, "CNN"
    starts, ends = word_offsets(text)
    p = tag_probs(13, {"quote": [(0, 4)], "cue": [(5, 6)], "speaker": [(6, 8)]})
    p[11, ROLES.index("speaker")] = (0.0, 0.0, 1.0)
    opts = Decoding(continue_gaps={"speaker": 40}, fill_holes=("source",))
    c, = claims_from_probs(text, p, type_probs(13, "Direct"), starts, ends, "de", opts)
    assert said(text, c, "source") == "der Minister"
    assert said(text, c, "addressee") == "dem Sender CNN"


def test_leading_particles_and_addressee_prepositions_leave_a_usable_source() -> None:
    from claimledger.extract.neural.decode import split_addressee, without_leading

    text = "Auch nur , der Sprecher gegenüber CNN"
    auch, comma, der, cnn = (text.index(w) for w in ("Auch", ",", "der", "CNN"))
    sprecher_end, gegen = text.index(" gegenüber"), text.index("gegenüber")
    particles = frozenset({"auch", "nur"})
    assert without_leading(text, [(auch, comma - 1)], particles) == [(auch, comma - 1)]  # kept whole
    assert without_leading(text, [(auch, 4), (comma, sprecher_end)], particles) == [(der, sprecher_end)]
    head, told = split_addressee(text, [(der, sprecher_end), (gegen, len(text))], frozenset({"gegenüber"}),
                                 set(","))
    assert (head, told) == ([(der, sprecher_end)], [(cnn, len(text))])
    assert split_addressee(text, [(gegen, len(text))], frozenset({"gegenüber"}), set(",")) == (
        [(gegen, len(text))], [])  # the preposition opens the group: nothing to split
    group = [(comma, comma + 1), (der, len(text))]
    assert split_addressee(text, group, frozenset({"der"}), set(",")) == (group, [])  # no source before it
