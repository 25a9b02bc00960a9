"""English attribution phenomena, on sentences we wrote ourselves."""

from __future__ import annotations

from claimledger.extract import extract, extraction_to_json


def claims(text: str) -> list[dict]:
    return extraction_to_json(extract(text, "en"))["claims"]


def by_source(text: str) -> dict[str, dict]:
    return {c["source"]["text"]: c for c in claims(text)}


def test_x_said_that() -> None:
    c = by_source("The transport minister said that fares would rise in April.")[
        "The transport minister"]
    assert c["cue"]["text"] == "said"
    assert c["content"]["text"] == "that fares would rise in April"


def test_zero_that_and_attitude_verbs() -> None:
    cs = by_source("Analysts believe the merger will fail. The union warned jobs were at risk.")
    assert cs["Analysts"]["content"]["text"] == "the merger will fail"
    assert cs["The union"]["cue"]["text"] == "warned"


def test_quote_then_said_x_and_continuation() -> None:
    text = ('"We did everything right," said coach Dana Price. "The referee decided the game."\n\n'
            '"We will be back next year."')
    cs = claims(text)
    assert [c["kind"] for c in cs] == ["direct", "direct"]
    assert cs[0]["source"]["text"] == "coach Dana Price"
    # the same paragraph: one statement in two pieces, as the English data marks it
    assert [text[a:b] for a, b in cs[0]["content"]["spans"]] == [
        '"We did everything right,"', '"The referee decided the game."']
    assert cs[1]["source"]["entity"]["name"] == "Dana Price"  # the next paragraph continues it


def test_according_to() -> None:
    c = by_source("According to the fire department, 12 people were injured.")[
        "the fire department"]
    assert c["kind"] == "according_to"
    assert c["content"]["text"] == "12 people were injured"
    assert c["quantities"][0]["low"] == 12 and c["quantities"][0]["unit"] == "person"


def test_relative_clause_between_subject_and_cue() -> None:
    cs = by_source("Mira Olsen, who chairs the committee, said the vote would be delayed.")
    assert cs["Mira Olsen"]["content"]["text"] == "the vote would be delayed"


def test_pronoun_source_resolves_to_named_person() -> None:
    cs = claims("Senator Paul Ridley visited the plant. He warned of layoffs.")
    c = next(c for c in cs if c["source"]["text"] == "He")
    assert c["kind"] == "reported"
    assert c["source"]["entity"]["name"] == "Paul Ridley"


def test_capitalised_noun_is_not_a_cue() -> None:
    assert all(c["cue"]["text"] != "State"
               for c in claims("The State Department said talks would resume."))


def test_nesting_is_a_tree_even_when_contents_run_on() -> None:
    """A content running on over a trailing "..., officials said" contains that claim's cue while
    its own cue lies inside that claim's content: nesting must still end at a root claim."""
    text = ("The agency reported that the minister said the bridge was safe, officials familiar "
            "with the inspection said.")
    cs = {c["id"]: c for c in claims(text)}
    assert len(cs) >= 2 and any(c["nested_in"] for c in cs.values())
    for c in cs.values():
        seen = set()
        while c["nested_in"]:
            assert c["id"] not in seen, f"nesting cycle through {c['id']}"
            seen.add(c["id"])
            c = cs[c["nested_in"]]


def test_told_y_that_keeps_the_addressee_out_of_the_content() -> None:
    c = by_source("The governor told reporters on Monday that the budget was balanced.")["The governor"]
    assert c["addressee"]["text"] == "reporters"  # when is not whom
    assert c["content"]["text"] == "that the budget was balanced"
    said = by_source("The governor said on Monday that the budget was balanced.")["The governor"]
    assert said["addressee"] is None  # "say" has no addressee object: "on Monday" is when


def test_a_verb_inside_a_quotation_is_what_was_said() -> None:
    text = ('"The numbers are wrong," said Treasury spokesman Tom Reed.\n\n'
            '"Every estimate we have seen points the same way. Nobody disputes that.')
    cs = claims(text)
    assert [c["source"]["text"] for c in cs] == ["Treasury spokesman Tom Reed"] * 2
    assert cs[1]["content"]["text"].startswith('"Every estimate')  # the paragraph runs on, unclosed
    assert cs[1]["source"]["entity"]["id"] == "tom-reed"


def test_coordinated_statements_are_side_by_side() -> None:
    cs = by_source("Reed insisted the figures were sound, and Alvarez acknowledged that costs had "
                   "risen. Alvarez said she expected a deal by Friday.")
    assert cs["Reed"]["content"]["text"] == "the figures were sound"
    assert cs["Alvarez"]["nested_in"] is None and cs["Reed"]["nested_in"] is None
    assert "she" in cs and cs["she"]["cue"]["text"] == "expected"  # not "Alvarez said she"


def test_a_trailing_attribution_holds_the_claims_before_it() -> None:
    cs = by_source("The agency reported that Kim said the drones were ready, officials familiar with "
                   "the matter said.")
    officials, agency, kim = (cs[s] for s in ("officials familiar with the matter", "The agency", "Kim"))
    assert officials["nested_in"] is None
    assert agency["nested_in"] == officials["id"] and kim["nested_in"] == agency["id"]
    assert kim["content"]["text"] == "the drones were ready"


def test_a_verb_form_used_as_a_noun_is_no_cue() -> None:
    """ "state", "points", "remarks" are nouns more often than verbs in news: a cue only in a plain
    verbal frame ("the audit states that", "they point out, ...")."""
    for text in ("Democrats now hold majorities in 19 states after the election.",
                 "Turnout in the state legislature races rose by four points.",
                 "The governor kept his remarks about the port short on Friday."):
        assert claims(text) == [], text
    c, = claims("The audit states that the harbour fund is short by $40 million.")
    assert (c["source"]["text"], c["cue"]["text"]) == ("The audit", "states")
    assert c["content"]["text"] == "that the harbour fund is short by $40 million"


def test_quote_then_source_and_adjunct() -> None:
    cs = claims('"The bridge stays closed," the mayor told residents on Sunday. '
                '"We are not giving up," Ortega said in a written statement.')
    assert [(c["kind"], c["source"]["text"], c["cue"]["text"]) for c in cs] == [
        ("direct", "the mayor", "told"), ("direct", "Ortega", "said")]
    assert cs[0]["addressee"]["text"] == "residents"
    assert cs[1]["content"]["text"] == '"We are not giving up,"'


def test_content_starts_at_that_after_a_prepositional_phrase() -> None:
    c = by_source("The airline said in a filing on Monday that 300 flights were cancelled.")[
        "The airline"]
    assert c["content"]["text"] == "that 300 flights were cancelled"


def test_spoke_on_condition_of_anonymity_is_no_claim() -> None:
    cs = claims("Two officials, who spoke on condition of anonymity, said the vote was delayed.")
    assert [(c["source"]["text"], c["content"]["text"]) for c in cs] == [
        ("Two officials", "the vote was delayed")]


def test_dateline_and_time_are_not_content_or_source() -> None:
    cs = claims("OTTAWA (CP) - Grain exports will fall, the trade board on Thursday said.")
    assert cs[0]["content"]["text"] == "Grain exports will fall"
    assert cs[0]["source"]["text"] == "the trade board"


def test_time_words_and_trailing_participles_stay_out_of_the_content() -> None:
    cs = claims('The port authority said Friday it would close two docks. "We regret the delay," '
                'a spokesman for the authority said, declining to give details.')
    assert [(c["kind"], c["source"]["text"], c["content"]["text"]) for c in cs] == [
        ("indirect", "The port authority", "it would close two docks"),
        ("direct", "a spokesman for the authority", '"We regret the delay,"'),
        # the participle is an act of its own by the same speaker, not part of the quotation
        ("indirect", "a spokesman for the authority", "to give details")]


def test_relative_clause_subject_keeps_the_addressee_apart() -> None:
    c = by_source("Okafor, who leads the inquiry, told the BBC that the report was late.")["Okafor"]
    assert c["addressee"]["text"] == "the BBC"
    assert c["content"]["text"] == "that the report was late"


def test_question_or_exclamation_then_attribution_is_one_sentence() -> None:
    cs = claims('"Who will pay for this?" she asked. "We need answers NOW!" Okafor said on radio.')
    assert [(c["kind"], c["source"]["text"], c["cue"]["text"]) for c in cs] == [
        ("direct", "she", "asked"), ("direct", "Okafor", "said")]


def test_apposition_between_subject_and_cue() -> None:
    c = claims("Ada Reyes, the county election chief, said the count was complete.")[0]
    assert c["source"]["text"] == "Ada Reyes, the county election chief"
    assert c["content"]["text"] == "the count was complete"


def test_apposition_after_the_source_and_adverbs_before_the_cue() -> None:
    c = claims('"The lie contains truth," said Dana Cole, a Denver-based strategist.')[0]
    assert c["source"]["text"] == "Dana Cole, a Denver-based strategist"
    c = claims("He has also suggested the vote be delayed.")[0]
    assert c["source"]["text"] == "He"


def test_auxiliaries_and_adverbs_before_the_verb_belong_to_the_cue() -> None:
    c = claims("The mayor has repeatedly said the budget is balanced.")[0]
    assert (c["source"]["text"], c["cue"]["text"]) == ("The mayor", "has repeatedly said")
    c = claims("Officials would not say whether the plant will close.")[0]
    assert (c["source"]["text"], c["cue"]["text"]) == ("Officials", "would not say")


def test_a_particle_after_the_verb_belongs_to_the_cue() -> None:
    c = claims("The union called for an immediate strike.")[0]
    assert (c["cue"]["text"], c["content"]["text"]) == ("called for", "an immediate strike")


def test_age_and_several_appositions_before_the_cue() -> None:
    c = claims("Ravi Patel, 52, a retired teacher from Ohio, said the vote was fair.")[0]
    assert c["source"]["text"] == "Ravi Patel, 52, a retired teacher from Ohio"


def test_appositions_after_a_quotation() -> None:
    c = claims('"The harvest came late," Mira Okafor, 41, a grain trader in Lagos, said.')[0]
    assert (c["kind"], c["source"]["text"]) == ("direct", "Mira Okafor, 41, a grain trader in Lagos")
    assert c["content"]["text"] == '"The harvest came late,"'


def test_typewriter_quotation_marks() -> None:
    text = "''Nobody saw the storm coming,'' the forecaster said.\n\n``Not even us,'' she added."
    cs = claims(text)
    assert [(c["kind"], c["source"]["text"]) for c in cs] == [
        ("direct", "the forecaster"), ("direct", "she")]
    assert cs[0]["content"]["text"] == "''Nobody saw the storm coming,''"


def test_a_two_word_quotation_with_its_cue_is_direct() -> None:
    c = claims('"Absolutely not," said Tom Reyes, a spokesman for the port.')[0]
    assert (c["kind"], c["content"]["text"]) == ("direct", '"Absolutely not,"')


def test_the_source_starts_after_a_relative_pronoun_or_subordinator() -> None:
    cs = claims("The ferry line, which the mayor had called a relic, closed after its owner "
                "announced the sale. It was what Lena Cruz described as a fair price.")
    assert [c["source"]["text"] for c in cs] == ["the mayor", "its owner", "Lena Cruz"]


def test_a_participle_after_a_comma_shares_the_subject() -> None:
    cs = claims("Mayor Lena Ortiz closed the port on Monday, saying the storm was too strong. "
                '"We had no choice," Ana Ruiz said, adding that ferries would resume soon.')
    assert [(c["source"]["text"], c["cue"]["text"]) for c in cs] == [
        ("Mayor Lena Ortiz", "saying"), ("Ana Ruiz", "said"), ("Ana Ruiz", "adding")]
    assert cs[2]["content"]["text"] == "that ferries would resume soon"


def test_a_partial_quotation_inside_a_claim_is_no_claim_of_its_own() -> None:
    cs = claims('The farmers said the new tariff was "a slow death" for small dairies.')
    assert [(c["kind"], c["source"]["text"]) for c in cs] == [("indirect", "The farmers")]


def test_a_rate_is_no_source_and_a_possessor_makes_a_noun() -> None:
    assert claims("Nurses earn less than $40,000 per year in the county.") == []
    assert claims("The council's repeated refusal to meet angered residents.") == []
    c = claims("The shop grew, per the Tribune, by a third.")[0]
    assert (c["kind"], c["source"]["text"]) == ("according_to", "the Tribune")


def test_a_participle_after_a_preposition_shares_the_subject() -> None:
    c = claims("Mayor Lena Ortiz ended the rumours by tweeting that she would run again.")[0]
    assert (c["source"]["text"], c["cue"]["text"]) == ("Mayor Lena Ortiz", "tweeting")
    assert c["content"]["text"] == "that she would run again"


def test_a_speaker_before_a_colon_and_a_quotation() -> None:
    c = claims('A spokesman for the railway: "We do not know when the train will come."')[0]
    assert (c["kind"], c["source"]["text"]) == ("direct", "A spokesman for the railway")


def test_the_verb_group_from_the_first_auxiliary_is_the_cue() -> None:
    c = claims("The utility has been working to emphasize its solar business.")[0]
    assert (c["source"]["text"], c["cue"]["text"]) == ("The utility", "has been working to emphasize")
    c = claims("Senator Ames has long said that she will back the nominee.")[0]
    assert (c["source"]["text"], c["cue"]["text"]) == ("Senator Ames", "has long said")
    c = claims("The man who was arrested said he was innocent.")[0]
    assert (c["source"]["text"], c["cue"]["text"]) == ("The man who was arrested", "said")


def test_passives() -> None:
    c = claims("The merger was first reported by the Daily Ledger.")[0]
    assert (c["source"]["text"], c["cue"]["text"], c["content"]["text"]) == (
        "the Daily Ledger", "was first reported", "The merger")
    c = claims("The drivers were told to stay home.")[0]
    assert (c["source"]["text"], c["addressee"]["text"]) == ("", "The drivers")


def test_quotations_around_a_cue_with_a_prepositional_phrase_and_inner_cues() -> None:
    text = ('"Nobody knows how they voted," Ruiz said of the voters whose rights were restored. '
            '"But they chose."')
    c = claims(text)[0]
    assert (c["kind"], [text[a:b] for a, b in c["content"]["spans"]]) == (
        "direct", ['"Nobody knows how they voted,"', '"But they chose."'])
    c = claims('The mayor said that the judge "happens to be, we believe, biased."')[0]
    assert c["content"]["text"] == 'that the judge "happens to be, we believe, biased."'


def test_a_source_after_the_cue_runs_to_the_comma() -> None:
    c = claims('"It was quiet," said a source close to the harbour office.')[0]
    assert c["source"]["text"] == "a source close to the harbour office"
    c = claims('"It was loud," said Tom Reyes, a longtime dock worker in Oslo, who saw it.')[0]
    assert c["source"]["text"] == "Tom Reyes, a longtime dock worker in Oslo"


def test_a_fronted_phrase_and_a_coordinated_verb() -> None:
    c = claims("At the moment Ortiz announced her bid, the crowd cheered.")[0]
    assert c["source"]["text"] == "Ortiz"
    cs = claims("He endorsed the mayor, but told the Ledger on Monday that he would not campaign.")
    c = next(c for c in cs if c["cue"]["text"] == "told")
    assert (c["source"]["text"], c["addressee"]["text"]) == ("He", "the Ledger")


def test_an_adverb_after_an_apposition_and_a_participle_ending_the_content() -> None:
    cs = claims('Ana Ruiz, the port director, again rejected the claim that ships were delayed, '
                'calling it "plainly false".')
    assert [(c["source"]["text"], c["cue"]["text"]) for c in cs] == [
        ("Ana Ruiz, the port director", "again rejected"), ("Ana Ruiz, the port director", "calling")]
    assert cs[0]["content"]["text"] == "the claim that ships were delayed"


def test_title_case_headlines_long_appositions_and_a_time_after_the_cue() -> None:
    c = claims("Harbour Chief Says Ferries Will Run Again By May")[0]
    assert (c["source"]["text"], c["cue"]["text"]) == ("Harbour Chief", "Says")
    c = claims("Ana Ruiz, chief executive officer of Nordkai Shipping, a freight broker for "
               "farmers and small traders in the north, said the port was safe.")[0]
    assert c["source"]["text"].endswith("in the north")
    c = claims('"We will rebuild," Ana Ruiz said Saturday night at a rally, which drew thousands.')[0]
    assert c["content"]["text"] == '"We will rebuild,"'


def test_a_long_adjunct_before_that() -> None:
    c = claims("The mayor said at a ceremony at the new harbour terminal in Kiel on Tuesday "
               "evening that the ferries would run again.")[0]
    assert c["content"]["text"] == "that the ferries would run again"


def test_a_preposition_after_a_verb_joins_the_cue_unless_a_time_or_clause_follows() -> None:
    c = claims("The senator talked about the harbour budget for an hour.")[0]
    assert (c["cue"]["text"], c["content"]["text"]) == ("talked about", "the harbour budget for an hour")
    assert claims("The mayor said on Friday that the bridge would close.")[0]["cue"]["text"] == "said"


def test_a_full_stop_inside_a_party_aside_ends_no_sentence() -> None:
    c = claims("Rep. Ann Hale (D-Va.), ranking member of the committee, said she backs the deal.")[0]
    assert (c["source"]["text"], c["content"]["text"]) == (
        "Rep. Ann Hale (D-Va.), ranking member of the committee", "she backs the deal")
    c = claims("In a fiery speech, Sen. Tom Reyes (I-Vt.) called him divisive.")[0]
    assert (c["source"]["text"], c["content"]["text"]) == ("Sen. Tom Reyes (I-Vt.)", "him divisive")


def test_a_participle_with_a_phrase_before_its_quotation() -> None:
    cs = claims('"We talked for hours," Ana Ruiz said, adding of the mayor, "He listens."')
    assert [(c["cue"]["text"], c["content"]["text"]) for c in cs] == [
        ("said", '"We talked for hours,"'), ("adding of", '"He listens."')]


def test_an_adverb_between_commas_before_the_cue() -> None:
    c = claims("Supporters of the plan, however, say it would protect the harbour.")[0]
    assert (c["source"]["text"], c["content"]["text"]) == (
        "Supporters of the plan", "it would protect the harbour")


def test_a_name_and_a_colon_before_a_statement_is_an_attribution() -> None:
    c = claims("Senator Alma Reyes: I Will Not Run Again.")[0]
    assert (c["source"]["text"], c["cue"]["text"], c["content"]["text"]) == (
        "Senator Alma Reyes", ":", "I Will Not Run Again")
    assert claims("However: the vote was close.") == []


def test_polls_and_records_show() -> None:
    c = claims("A new state poll shows Reyes with a six-point lead.")[0]
    assert (c["source"]["text"], c["cue"]["text"]) == ("A new state poll", "shows")
    assert claims("The show ended at midnight.") == []


def test_an_infinitive_is_no_cue_and_a_negated_auxiliary_is_not_the_source() -> None:
    cs = claims("The senator is trying to tell voters that the plan works.")
    assert all(c["cue"]["text"] != "tell" for c in cs)
    c = claims("Most donors don't expect him to win.")[0]
    assert (c["source"]["text"], c["cue"]["text"]) == ("Most donors", "don't expect")


def test_a_noun_form_before_a_comma_is_no_cue() -> None:
    assert claims("She leads in the largest state, thanks to an early start.") == []
    c = claims("\"We will win,\" Reyes continued, \"and we will govern.\"")[0]
    assert (c["source"]["text"], c["cue"]["text"]) == ("Reyes", "continued")


def test_a_participle_after_a_preposition_is_an_adjective() -> None:
    assert claims("She is far ahead in pledged delegates across the South.") == []
    assert claims("Reyes began speaking a little later.") == []


def test_a_subject_with_an_apposition_after_a_fronted_clause() -> None:
    c = claims("When the count ended, Roberta Lange, the party chairwoman, said she had received threats.")[0]
    assert (c["source"]["text"], c["content"]["text"]) == (
        "Roberta Lange, the party chairwoman", "she had received threats")


def test_content_then_a_comma_then_x_told_y() -> None:
    c = claims("The pilot was calm, an airport official told The Daily Star.")[0]
    assert (c["source"]["text"], c["content"]["text"], c["addressee"]["text"]) == (
        "an airport official", "The pilot was calm", "The Daily Star")


def test_a_fronted_question_is_a_claim_of_its_own_and_not_the_next_ones_content() -> None:
    cs = claims("Asked if she would run again, the mayor said no.")
    assert [(c["cue"]["text"], c["content"]["text"]) for c in cs][0] == ("Asked", "if she would run again")
    assert cs[1]["source"]["text"] == "the mayor" and "Asked" not in cs[1]["content"]["text"]


def test_a_second_verb_of_speaking_after_and_shares_the_subject_and_ends_the_first_content() -> None:
    cs = claims("Ms. Okafor said the mayor was wrong and criticized him for staying silent.")
    assert [(c["source"]["text"], c["content"]["text"]) for c in cs] == [
        ("Ms. Okafor", "the mayor was wrong"), ("Ms. Okafor", "him for staying silent")]


def test_an_inserted_attribution_takes_both_sides_as_content() -> None:
    c = claims("Without reform, he says, the fund will be short by 2030.")[0]
    assert len(c["content"]["spans"]) == 2 and c["content"]["text"].startswith("Without reform")


def test_an_adverb_between_the_cue_and_that_is_not_content() -> None:
    c = claims("Sanders said repeatedly that he would stay in the race.")[0]
    assert c["content"]["text"] == "that he would stay in the race"


def test_source_edges_titles_then_and_a_dated_poll() -> None:
    c = claims("Pentagon spokesman Navy Capt. Jeff Davis said the strike was lawful.")[0]
    assert c["source"]["text"] == "Pentagon spokesman Navy Capt. Jeff Davis"
    assert claims("Williams then said the vote was rigged.")[0]["source"]["text"] == "Williams"
    c = claims("A new state poll released Friday shows Reyes ahead.")[0]
    assert c["source"]["text"] == "A new state poll released Friday"


def test_a_source_starts_after_a_closed_quotation_without_a_comma() -> None:
    c = claims("“The caucus is a battle of niches” Grubbs said.")[0]
    assert (c["kind"], c["source"]["text"], c["cue"]["text"]) == ("direct", "Grubbs", "said")


def test_a_curly_quotation_closed_by_a_straight_mark() -> None:
    c = claims('“We have the strongest economy in the world," he said. Then he left.')[0]
    assert (c["kind"], c["source"]["text"], c["cue"]["text"]) == ("direct", "he", "said")


def test_a_subordinate_clause_after_the_cue_is_no_content() -> None:
    c = claims('"There is a man having problems," Cruz said as the heckler yelled.')[0]
    assert (c["kind"], c["source"]["text"]) == ("direct", "Cruz")


def test_an_apposition_with_a_possessive_or_before_a_resumed_quotation() -> None:
    c = claims('"We are on track," said Ana Ruiz, a spokeswoman for the Democrats\' event.')[0]
    assert c["source"]["text"] == "Ana Ruiz, a spokeswoman for the Democrats' event"
    c = claims('"This was our yard," said Raf Pant, director of studies in London, "but not now."')[0]
    assert c["source"]["text"] == "Raf Pant, director of studies in London"


def test_lower_case_source_after_said() -> None:
    # anonymous and group sources have no capital or article: "said officials", "said one aide"
    for text, source in (('"It is over," said officials.', "officials"),
                         ('"We will win," said one former campaign staffer.', "one former campaign staffer")):
        c = claims(text)[0]
        assert (c["kind"], c["source"]["text"]) == ("direct", source)


def test_quotation_opening_with_as_is_no_as_clause() -> None:
    c = claims('"As far as the budget goes, that is a concern," said Dana Ruiz, a delegate from Utah.')[0]
    assert c["source"]["text"] == "Dana Ruiz, a delegate from Utah" and c["kind"] == "direct"


def test_pronoun_or_relative_pronoun_right_before_the_verb() -> None:
    cs = claims("A voter asked her about several women who said they were harassed. He opposed the "
                "bill over rules he said would restrict transfers.")
    assert [c["source"]["text"] for c in cs if c["cue"]["text"] == "said"] == ["several women", "he"]


def test_told_after_a_quotation_keeps_the_quotation_as_content() -> None:
    c = claims('"Nothing you can do," Trump told a rally in Ohio, saying the rules were rigged.')[0]
    assert (c["kind"], c["content"]["text"], c["addressee"]["text"]) == (
        "direct", '"Nothing you can do,"', "a rally")
    c = claims('"It is over," he told reporters.')[0]
    assert (c["source"]["text"], c["addressee"]["text"]) == ("he", "reporters")


def test_when_is_not_whom_before_the_clause() -> None:
    c = claims("An official told reporters on Monday that the talks were over.")[0]
    assert (c["addressee"]["text"], c["content"]["text"]) == ("reporters", "that the talks were over")


def test_fronted_adjuncts_stay_out_of_an_apposed_source() -> None:
    c = claims("On Wednesday, however, the director of the agency, Jane Moss, said that the messages "
               "were private.")[0]
    assert (c["source"]["text"], c["content"]["text"]) == (
        "the director of the agency, Jane Moss", "that the messages were private")
    c = claims("But Ann Ruiz, director of a union, said the plan was unfair.")[0]
    assert c["source"]["text"].endswith("Ann Ruiz, director of a union")  # a conjunction is no adjunct


def test_full_stop_inside_the_quotation_then_a_bare_attribution() -> None:
    cs = claims('"I hope you find the emails that are missing." Trump said. "It would be great."')
    assert (cs[0]["source"]["text"], cs[0]["cue"]["text"]) == ("Trump", "said")
    cs = claims('"There are no excuses," he said. "The governor knew about the lead in the water."')
    assert len(cs) == 1 and cs[0]["content"]["text"].count("“") + cs[0]["content"]["text"].count('"') == 4


def test_lower_case_subject_shared_by_a_second_verb() -> None:
    for text in ("The judge rubbed his chin, and then said something strange.",
                 "The judge rubbed his chin and said that it was strange."):
        assert [c["source"]["text"] for c in claims(text)] == ["The judge"]


def test_content_keeps_the_quotation_it_opens() -> None:
    c = claims('Gov. Ann Duce called the long lines "unacceptable."')[0]
    assert c["content"]["text"] == 'the long lines "unacceptable."'


def test_a_fronted_poll_is_the_source_of_its_figures() -> None:
    c = claims("In a Gazette poll released Monday, Ortiz had a 10-point lead.")[0]
    assert (c["kind"], c["source"]["text"], c["cue"]["text"], c["content"]["text"]) == (
        "according_to", "a Gazette poll released Monday", "In", "Ortiz had a 10-point lead")
    assert not claims("In other words, he lost.")


def test_the_agent_of_a_passive_question_is_the_source() -> None:
    c = claims("The host was asked by a caller why the men are coming.")[0]
    assert (c["source"]["text"], c["content"]["text"]) == ("a caller", "why the men are coming")


def test_said_inside_a_relative_clause() -> None:
    # "which the probe said were covered up": the relative word stands for the reported subject
    c = claims("They named the attacks, which the probe said were covered up by the agency.")[0]
    first = c["content"]["spans"][0]
    assert (c["source"]["text"], c["cue"]["text"], first[1] - first[0]) == ("the probe", "said", len("which"))
    assert c["content"]["text"] == "which were covered up by the agency"


def test_reportedly_makes_an_unnamed_account() -> None:
    c = claims("The company has reportedly taken heat from a civil rights group.")[0]
    assert (c["source"]["text"], c["cue"]["text"], c["content"]["text"]) == (
        "", "reportedly", "The company has taken heat from a civil rights group")
    assert [c["cue"]["text"] for c in claims("Trump reportedly said he would run.")] == ["reportedly said"]


def test_said_in_a_statement_is_one_cue() -> None:
    c = claims('"We will win," the senator said in a statement.')[0]
    assert (c["cue"]["text"], c["content"]["text"]) == ("said in a statement", '"We will win,"')


def test_a_think_tank_is_no_cue_and_the_apposed_subject_is_the_source() -> None:
    c = claims("Matt Bennett, a founder of the think tank Third Way, said Mrs. Clinton had run well.")[0]
    assert (c["source"]["text"], c["content"]["text"]) == (
        "Matt Bennett, a founder of the think tank Third Way", "Mrs. Clinton had run well")


def test_a_relative_clause_with_a_quotation_before_the_verb() -> None:
    c = next(c for c in claims('Humphrey, who calls Trump a "sociopath," said he expects a new candidate.')
             if c["cue"]["text"] == "said")
    assert (c["source"]["text"], c["content"]["text"]) == ("Humphrey", "he expects a new candidate")


def test_a_time_word_after_the_cue_can_start_the_reported_clause() -> None:
    c = claims("Smith, a senator, said this week is decisive.")[0]
    assert (c["source"]["text"], c["content"]["text"]) == ("Smith, a senator", "this week is decisive")


def test_an_as_clause_that_reports_nothing_is_part_of_the_content() -> None:
    c = claims("Even as the race moves to New York, it will be tight, said Dan Gerstein, a consultant.")[0]
    assert (c["source"]["text"], c["content"]["text"]) == (
        "Dan Gerstein, a consultant", "Even as the race moves to New York, it will be tight")


def test_a_one_word_line_before_a_claim_raises_nothing() -> None:
    assert claims("UPDATE\n\nreports\n\nThe minister said it rained.")[-1]["content"]["text"] == "it rained"


def test_an_adjunct_after_the_cue_leaves_the_content_before_it() -> None:
    """'X, the company said in a statement.': the phrase after the cue is where it was said;
    after an apposed subject the clause starts past such a phrase."""
    c = claims("The plan is bad, the company said in a statement.")[0]
    assert (c["source"]["text"], c["content"]["text"]) == ("the company", "The plan is bad")
    c = claims("Smith, a senator, said in a statement that the plan is bad.")[0]
    assert (c["source"]["text"], c["content"]["text"]) == ("Smith, a senator", "that the plan is bad")
    c = claims("Smith, a senator, said on Monday the plan is bad.")[0]
    assert c["content"]["text"] == "the plan is bad"


def test_common_wire_phrasings_read_right() -> None:
    """'on condition of anonymity' is how, not what; 'X claimed, citing Y' does not repeat the
    content; 'the deal will hold, analysts said' holds no second claim; a zero-that clause after
    'told' leaves whom it was told out of the content."""
    def read(text: str) -> list[tuple[str, str, str]]:
        return [(c["source"]["text"], c["cue"]["text"], c["content"]["text"]) for c in claims(text)]

    assert read("The talks had stalled, two diplomats said on condition of anonymity.") == [
        ("two diplomats", "said", "The talks had stalled")]
    assert read("The vote was rigged, the opposition claimed, citing irregularities.")[0] == (
        "the opposition", "claimed", "The vote was rigged")
    assert read("It is unclear whether the deal will hold, analysts said.") == [
        ("analysts", "said", "It is unclear whether the deal will hold")]
    assert read("The court held that the law was valid.")[0][2] == "that the law was valid"
    assert read("The mayor told reporters the city would not pay.")[0][2] == "the city would not pay"
    assert read("The mayor told the Post he would not pay.")[0][2] == "he would not pay"


def test_a_speech_act_after_its_content_with_a_time_phrase() -> None:
    """'…, the team announced on Monday.': the act's object is what stood before the comma."""
    (c,) = claims("The stadium will stay closed, the club announced on Monday.")
    assert (c["source"]["text"], c["cue"]["text"], c["content"]["text"]) == (
        "the club", "announced", "The stadium will stay closed")


def test_added_with_an_object_is_no_speech() -> None:
    """'The economy added 250,000 jobs' adds jobs; 'he added that …' and '"…," he added' speak."""
    (c,) = claims("The economy added 250,000 jobs in March, the Labor Department said.")
    assert c["source"]["text"] == "the Labor Department"
    assert claims("Shares of Harwell added 3% on Tuesday.") == []
    assert claims('"We are ready," he added.')[0]["cue"]["text"] == "added"


def test_an_acronym_is_no_relative_pronoun() -> None:
    (c,) = claims("The WHO said it was sending a team.")
    assert c["source"]["text"] == "The WHO"


def test_a_trailing_according_to_phrase_is_not_content() -> None:
    """'X warned that …, according to a statement': X's content ends before the phrase, and X's
    claim stands inside the statement's account."""
    account, warned = claims("The union warned that recruitment would take years, according to a statement.")
    assert warned["content"]["text"] == "that recruitment would take years"
    assert (account["source"]["text"], warned["nested_in"]) == ("a statement", account["id"])


def test_told_an_outlet_then_a_clause_with_a_pronoun_subject() -> None:
    """'told the Gazette they felt unsafe': the outlet is whom they told, 'felt unsafe' no cue."""
    (c,) = claims("Residents told the Gazette they felt unsafe.")
    assert (c["addressee"]["text"], c["content"]["text"]) == ("the Gazette", "they felt unsafe")
