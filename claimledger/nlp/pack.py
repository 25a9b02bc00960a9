"""Language packs: everything language-specific the engine needs, as data.

The attribution engine, tokenizer and quantity parser read only these fields, so a new language is
a new folder `claimledger/nlp/<code>/` whose `__init__.py` defines `PACK`, or a plugin registering
one through the `claimledger.language_packs` entry point.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import entry_points


@dataclass(frozen=True, eq=False)  # identity hash: derived tables are cached per pack
class LanguagePack:
    code: str
    name: str
    # (opening, closing) quotation marks, most specific first
    quote_pairs: tuple[tuple[str, str], ...]
    # inflected form (lower case) -> lemma, for verbs that introduce speech, writing or thought
    speech_verbs: dict[str, str]
    # speech-act verbs that report an act without a content clause ("forderte", "denied")
    speech_acts: frozenset[str]
    # separable particles that complete a speech verb at clause end ("teilte ... mit")
    separable: dict[str, frozenset[str]]
    # multi-word prepositions placed before the source: "laut", "nach Angaben", "according to"
    according_prefix: tuple[tuple[str, ...], ...]
    # postpositions after the source: "zufolge"
    according_postfix: frozenset[str]
    # sentence-final "so X" style markers
    so_markers: frozenset[str]
    # "wie X berichtete," / "as X reported,"
    as_markers: frozenset[str]
    # complementisers opening a content clause ("dass", "that")
    complementizers: frozenset[str]
    # finite verb forms that mark reported speech on their own (German Konjunktiv I)
    subjunctive: frozenset[str]
    pronouns: dict[str, str]  # pronoun -> "m"/"f"/"pl"/"n"
    determiners: frozenset[str]
    role_nouns: frozenset[str]  # "Minister", "spokesman": descriptions that refer back to a person
    anonymous_sources: frozenset[str]
    stop_capitalised: frozenset[str]  # capitalised words that never start a name
    abbreviations: frozenset[str]
    months: frozenset[str]
    # days and times that may close a phrase before a cue ("eine Sprecherin am Dienstag",
    # "the campaign on Tuesday"): when, not who, so not part of a source
    time_words: frozenset[str] = field(default_factory=frozenset)
    clause_verbs: frozenset[str] = field(default_factory=frozenset)  # finite auxiliaries
    verb_second: bool = False  # German V2: "Dabei habe er betont" puts the subject after the verb
    relative_pronouns: frozenset[str] = field(default_factory=frozenset)
    capitalised_nouns: bool = False  # German capitalises every noun: names need more evidence
    # endings of inflected adjectives inside a noun phrase ("der frühere niederländische ...")
    adjective_endings: tuple[str, ...] = ()
    # endings of job and role nouns before a name ("Gewerkschafterin", "economist")
    role_suffixes: tuple[str, ...] = ()
    contracted_articles: frozenset[str] = field(default_factory=frozenset)  # "im", "zum"
    # determiners that introduce someone new ("a senior official", "ein Sprecher"): such a
    # description does not point back to a person named before
    indefinite_determiners: frozenset[str] = field(default_factory=frozenset)
    # lemmas of speech verbs whose object is the addressee, before the content clause
    # ("told reporters that ..."): the object is not part of what was said. None in German,
    # where "sagte der Papst, dass" (subject) and "sagte der Zeitung, dass" (addressee) differ
    # only by case (on GerNewsQuote train 5 of 6 such readings were wrong)
    addressee_verbs: frozenset[str] = field(default_factory=frozenset)
    # coordinating conjunctions that join two clauses ("X insisted ..., and Y acknowledged ...")
    conjunctions: frozenset[str] = field(default_factory=frozenset)
    # endings that mark a name as a possessor ("South Korea's"): not part of the name
    possessive_endings: tuple[str, ...] = ()
    # lower-case words that continue a noun phrase ("Secretary of State", "the minister's")
    np_joiners: frozenset[str] = field(default_factory=frozenset)
    type_hints: tuple[tuple[str, str], ...] = ()  # (lower-case substring, source type)
    # prepositions whose phrase in a source says where or before whom, not who ("ein Sprecher
    # des Ministeriums in X", "der 47-Jährige vor Anhängern"): its names are not the source
    locative_prepositions: frozenset[str] = field(default_factory=frozenset)
    # endings of age descriptions that stand for a person named before ("der 62-Jährige")
    age_endings: tuple[str, ...] = ()
    # job and role nouns besides `role_nouns` (which attribution reads too): titles before a
    # name ("Richter X", "Judge X") and descriptions pointing back to its bearer ("der Coach")
    person_roles: frozenset[str] = field(default_factory=frozenset)
    # endings of job nouns too short to stand alone as role words ("Mikrobiologe")
    role_endings: tuple[str, ...] = ()
    # role words counted as another role ("coach" -> "trainer")
    role_synonyms: dict[str, str] = field(default_factory=dict)
    # (masculine, feminine) endings of paired role nouns ("Sprecher"/"Sprecherin")
    gender_forms: tuple[tuple[str, str], ...] = ()
    # words before a name that tell the person's gender ("Frau", "Mr")
    gender_words: dict[str, str] = field(default_factory=dict)
    # articles opening a description that tell its gender ("die Vorsitzende")
    gender_articles: dict[str, str] = field(default_factory=dict)
    # verb forms that in news are seldom an attribution on their own: nouns as often as verbs
    # ("state", "points", "remarks") or verbs of seeing and wanting ("see", "want"). They are a cue
    # only in a plain verbal frame: right after a pronoun or a `verb_markers` word, or right
    # before a complementiser, colon or comma
    weak_cue_forms: frozenset[str] = field(default_factory=frozenset)
    verb_markers: frozenset[str] = field(default_factory=frozenset)  # "to", "will", "not", "did"
    # cue texts (lower case, particles joined by a space) that deny or reject another claim
    denial_cues: frozenset[str] = field(default_factory=frozenset)
    # a lone capitalised word that is a name, where capitalisation cannot tell (German nouns);
    # None: capitalisation is enough
    proper_noun: Callable[[str], bool] | None = None
    # a capitalised first word that is an adjective or participle, not a subject ("Besorgt äußerte
    # sich Annan"): where a sentence may open with one, the subject follows the verb
    predicative: Callable[[str], bool] | None = None
    # a lower-case word that is a finite verb ("ordnete", "wurde"): after a cue's clause and its
    # comma it starts the next clause, not the content ("…, der X bezeichnete, ordnete … an")
    finite_verb: Callable[[str], bool] | None = None
    # words after which a capitalised word names a place or a thing, not a speaker ("in Berlin")
    prepositions: frozenset[str] = field(default_factory=frozenset)
    # words in a claim's content that mark it as a denial ("falsch", "false", "untrue")
    denial_words: frozenset[str] = field(default_factory=frozenset)
    # negation words: a negated statement that mirrors another source's claim contradicts it
    negations: frozenset[str] = field(default_factory=frozenset)
    stopwords: frozenset[str] = field(default_factory=frozenset)
    number_words: dict[str, float] = field(default_factory=dict)
    vague_numbers: dict[str, tuple[float, float | None]] = field(default_factory=dict)
    scale_words: dict[str, float] = field(default_factory=dict)
    quantity_operators: tuple[tuple[tuple[str, ...], str], ...] = ()
    range_words: frozenset[str] = field(default_factory=frozenset)  # "3 bis 5", "3 to 5"
    range_joiners: frozenset[str] = field(default_factory=frozenset)  # "zwischen 3 und 5"
    unit_lemmas: dict[str, str] = field(default_factory=dict)
    # (ending, replacement) tried on an unknown unit word: dative plural, feminine plural
    unit_suffixes: tuple[tuple[str, str], ...] = ()
    decimal_comma: bool = False
    # determiners that may open a genitive after a head noun ("ein Sprecher des Konzerns"); any
    # other determiner there starts a new phrase ("sagte Lindqvist dem Sender"). Empty: no check
    genitive_determiners: frozenset[str] = field(default_factory=frozenset)
    # prepositions that introduce the addressee after a cue ("sagte er gegenüber der Zeitung")
    addressee_prepositions: frozenset[str] = field(default_factory=frozenset)
    # passive auxiliaries: a verb of speaking right before one is a passive participle, no cue
    # ("… angeboten werde", "… gefordert wurde")
    passive_auxiliaries: frozenset[str] = field(default_factory=frozenset)
    # quotations of at least this many words inside an indirect claim become direct claims of
    # their own (German data marks them so, English data does not); 0: off
    inner_quote_words: int = 0
    # "Nach Polizeiangaben", "nach einer ersten Analyse": a preposition before a phrase whose
    # head (by its ending, so compounds count) names a statement is an attribution
    statement_prepositions: frozenset[str] = field(default_factory=frozenset)
    statement_nouns: tuple[str, ...] = ()
    # the statement noun belongs to the source, the preposition alone is the cue ("nach |
    # Angaben der Polizei", as the German data marks it); False: "according to | X"
    noun_in_source: bool = False
    # modal verbs that report hearsay ("Er soll das Geld verteilt haben"): like a subjunctive,
    # they continue the claim before them
    reportative_modals: frozenset[str] = field(default_factory=frozenset)
    # endings of past participles: a time phrase after one stays in a source ("a poll released
    # Friday"), where a closing time phrase is cut off otherwise
    past_participle_suffixes: tuple[str, ...] = ()
    # verbs with the word that marks what they say of their object; it joins the cue
    # ("bezeichnete den Plan als Unsinn": "bezeichnete … als", as the German data marks it;
    # "drohte mit Rücktritt"), and a clause-only cue reports with it ("drohen")
    predicate_markers: dict[str, str] = field(default_factory=dict)
    # prefix cues by which a source cites another ("berichtete X unter Berufung auf Y"): after
    # a cue and its source they qualify that cue, Y's account nested in its claim (not "laut Y",
    # the reporter's own citation)
    citing_prefixes: tuple[tuple[str, ...], ...] = ()
    # verbs with the words that, opening a phrase in their object, give them a sense that is no
    # speech act ("verurteilte den Mann zu drei Jahren Haft": sentenced, not condemned)
    other_sense_markers: dict[str, frozenset[str]] = field(default_factory=dict)
    # words that never open a subject ("Den Schaden schätzt die Polizei auf …", "Ihm warf die
    # Partei vor …"): a phrase they open before the verb is an object, the subject follows it
    object_words: frozenset[str] = field(default_factory=frozenset)
    # verb forms that are cues only with a reflexive right after them ("zeigte sich zufrieden")
    reflexive_cues: frozenset[str] = field(default_factory=frozenset)
    # prepositions that continue a noun phrase as a genitive does ("der Bürgermeister von
    # Christchurch", "einer Schätzung von Händlern")
    genitive_prepositions: frozenset[str] = field(default_factory=frozenset)
    # "Name: statement" is an attribution with the colon as its cue, quoted or not (English
    # data); False: only before a quotation, with no cue
    colon_cue: bool = False
    reflexives: frozenset[str] = field(default_factory=frozenset)  # "äußerte sich der Minister"
    adverb_suffixes: tuple[str, ...] = ()  # "repeatedly said": an adverb before a cue is part of it
    # prepositions that belong to the cue after a speech act ("called for", "warned of"); where
    # verbs go second the phrase after it is the whole content ("sprach von 240 Toten"), unless a
    # reported clause follows it ("berichtete von der Konferenz, dass …")
    cue_particles: frozenset[str] = field(default_factory=frozenset)
    # adverbs between a separable verb and its particle that belong to the cue ("geht davon aus")
    cue_adverbs: frozenset[str] = field(default_factory=frozenset)
    # focus particles before a source that are not part of it ("Auch [der Sprecher] sagte"; German
    # news data: 40 of 40 stand outside the speaker)
    source_particles: frozenset[str] = field(default_factory=frozenset)
    # particles that may complete a verb of speaking at its clause end and then belong to the
    # cue ("forderte die Partei auf, …"); the verb is a cue without them too
    optional_particles: dict[str, frozenset[str]] = field(default_factory=dict)
    # particles at the clause end that make a verb of speaking another verb ("sagte das Konzert
    # ab": cancelled it; "dachte darüber nach": pondered)
    other_verb_particles: dict[str, frozenset[str]] = field(default_factory=dict)
    # verb forms that are adverbs unless their clause ends after them ("hat wiederholt betont",
    # "hat es wiederholt Unfälle gegeben"; a cue in "hat die Forderung wiederholt.")
    adverb_verb_forms: frozenset[str] = field(default_factory=frozenset)
    # words that open a subordinate clause when a noun phrase follows them ("…, da dieser …":
    # because), an adverb when a verb does ("Da sei nichts zu machen")
    phrase_subordinators: frozenset[str] = field(default_factory=frozenset)
    # prepositions whose phrase after an impersonal cue names where a statement stands or whence
    # it came ("hieß es in dem Bericht", "hieß es aus dem Ministerium"; not "am Montag")
    source_prepositions: frozenset[str] = field(default_factory=frozenset)
    # words that open a subordinate clause: a subject before a verb of speaking starts after them
    # ("resigned after he posted", "what Sroka called"), as after a relative pronoun
    subordinators: frozenset[str] = field(default_factory=frozenset)
    # words that open a clause of purpose after a comma ("forderte eine Untersuchung, um … zu"):
    # an adjunct of the speech act, never its content
    purpose_markers: frozenset[str] = field(default_factory=frozenset)
    # subjunctive forms that also say what would be ("hätte", "könnte"): they continue a claim
    # only right after it, the others (Konjunktiv I) also after sentences of the reporter's own
    weak_subjunctives: frozenset[str] = field(default_factory=frozenset)
    # fixed phrases whose subjunctive reports nothing ("Gott sei Dank", "es sei denn")
    subjunctive_idioms: tuple[tuple[str, ...], ...] = ()
    first_person: frozenset[str] = field(default_factory=frozenset)  # "ich habe": indicative
    # a clause with a reportative modal that ends with one of these states a plan ("soll …
    # gebaut werden"), not hearsay ("soll … gewesen sein")
    plan_markers: frozenset[str] = field(default_factory=frozenset)
    # fixed phrases whose verb of speaking reports nothing ("kurz gesagt", "nennt man")
    cue_idioms: tuple[tuple[str, ...], ...] = ()
    # particles right after a verb whose clause has no speaker of its own: a fronted phrase is
    # the source ("Aus Kreisen der Koalition hieß es, …", "Aus dem Bericht geht hervor, dass …")
    fronted_source_particles: frozenset[str] = field(default_factory=frozenset)
    # endings of nouns that, opening a fronted phrase, put a question before an answer ("Auf die
    # Frage, ob …, sagte X, …", "Auf Nachfrage …"): the question is no part of what was said
    question_nouns: tuple[str, ...] = ()
    # pronouns that stand for nobody as a passive's subject ("Es wird erwartet, dass …", "It is
    # expected that …"): no addressee
    expletives: frozenset[str] = field(default_factory=frozenset)
    # adverbs that make their sentence an unnamed source's account ("reportedly")
    hearsay_adverbs: frozenset[str] = field(default_factory=frozenset)
    # news that became known, with no source in the sentence: a predicate word (`known_words`)
    # and the verbs of becoming or making known around it (`known_verbs`; an auxiliary may
    # follow them) form the cue ("Im Mai wurde bekannt, dass …", "nachdem bekannt geworden war,
    # dass …", "Wie bekannt wurde, …"; not "Es ist bekannt, dass …")
    known_words: frozenset[str] = field(default_factory=frozenset)
    known_verbs: frozenset[str] = field(default_factory=frozenset)
    # phrases after a copula (`copulas`) that make its subject the source of the reported clause
    # after the comma ("X ist der Meinung, dass …", "X ist überzeugt, die Reform komme"); the
    # copula and phrase are the cue
    opinion_phrases: tuple[tuple[str, ...], ...] = ()
    copulas: frozenset[str] = field(default_factory=frozenset)
    # phrases a cue takes when they follow it ("said in a statement")
    cue_phrases: tuple[tuple[str, ...], ...] = ()
    # pronouns that are only ever subjects ("er", "wir"): after the verb, the phrase before it is
    # the object ("Die Vorwürfe wies er zurück")
    nominative_pronouns: frozenset[str] = field(default_factory=frozenset)
    # endings of a present participle: after a comma it shares the sentence's subject ("X said
    # ..., adding that ...", "..., telling reporters that ...")
    participle_suffixes: tuple[str, ...] = ()
    # a quotation that continues a claim in the same paragraph joins that claim's content (the
    # English data marks '"…," he said. "…"' as one attribution); False: a claim of its own
    joined_quotes: bool = False
    # the word before an infinitive, also joined inside separable verbs ("zu sagen", "einzurichten")
    infinitive_marker: str = ""
    # the ending of an infinitive that may hold the marker inside it ("einzurichten"); "": none
    infinitive_ending: str = ""
    # lemmas of verbs that attribute only a clause or quotation, never a noun phrase ("erwartet
    # eine Entscheidung", "veröffentlichte eine Liste": a thing, not a statement)
    clause_only_cues: frozenset[str] = field(default_factory=frozenset)
    # an attribution phrase inside a later clause of a sentence ("…, diese Taten seien laut X
    # verjährt") attributes that clause only (the German data); False: the whole sentence
    according_clause: bool = False
    # adverbs that attribute their sentence to a source named before ("Demnach habe …"): the
    # claim takes the source of the claim before it
    anaphoric_cues: frozenset[str] = field(default_factory=frozenset)
    # prepositions that introduce the agent of a passive ("wurde von der Regierung beschuldigt")
    agent_prepositions: frozenset[str] = field(default_factory=frozenset)
    # lemmas of verbs by which a medium reports what a person said ("zitiert die Zeitung den
    # Minister"): the claim is the person's, nested in the medium's; empty: off
    quoting_verbs: frozenset[str] = field(default_factory=frozenset)
    # prepositions that name the medium of a passive quoting verb ("wird von der Zeitung / in
    # der Zeitung zitiert"); but for the agent prepositions only before an article or a quoted
    # title ("im „Spiegel“", not "in Berlin") and not before an occasion (`occasion_nouns`)
    medium_prepositions: frozenset[str] = field(default_factory=frozenset)
    # endings of nouns that name an occasion, not a publication ("im Interview zitiert")
    occasion_nouns: tuple[str, ...] = ()
    # subjects that name nobody ("zitierte man X"): no medium
    generic_subjects: frozenset[str] = field(default_factory=frozenset)
    # demonstratives that, fronted before a verb of speaking, stand for the sentence before
    # ("Dies bestätigte der Vatikan.")
    anaphoric_objects: frozenset[str] = field(default_factory=frozenset)
    # relative adverbs after a phrase that names an account ("ein Bericht, wonach …"): that
    # phrase (see `account_nouns`) is the source, the clause after the adverb the content
    relative_cues: frozenset[str] = field(default_factory=frozenset)
    # endings of nouns that name an account a relative cue may follow ("Berichte, wonach …",
    # "Gerüchte, wonach …"), besides `statement_nouns`
    account_nouns: tuple[str, ...] = ()


NEGATABLE_WORD = re.compile(r"n't|[^\W\d_]+")  # words, with "n't" as a word of its own


def is_denial_cue(cue: str, pack: LanguagePack) -> bool:
    """A cue (lower case) that is or contains a denial verb: "dementierte", "has flatly denied",
    "hat zurückgewiesen" or "wies ... zurück" (first and last word of a split verb); a negated
    one ("did not deny") is no denial. Extraction and linking both ask it."""
    words = NEGATABLE_WORD.findall(cue)
    if not words:
        return False
    found = {cue, *words, f"{words[0]} {words[-1]}"} & pack.denial_cues
    return bool(found) and pack.negations.isdisjoint(words)


@cache
def get_pack(code: str) -> LanguagePack:
    """Find a language pack by code: plugins first, then the built-in `claimledger.nlp.<code>`."""
    for ep in _plugin_packs():
        if ep.name == code:
            return ep.load()
    try:
        module = importlib.import_module(f"claimledger.nlp.{code}")
    except ModuleNotFoundError as exc:
        raise LookupError(
            f"no language pack for {code!r}; available: {', '.join(available_packs())}"
        ) from exc
    return module.PACK


@cache
def available_packs() -> list[str]:
    """Codes of the built-in and plugin language packs."""
    import pkgutil

    import claimledger.nlp as nlp

    codes = {m.name for m in pkgutil.iter_modules(nlp.__path__) if m.ispkg}
    codes |= {ep.name for ep in _plugin_packs()}
    return sorted(codes)


@cache
def _plugin_packs() -> tuple:
    return tuple(entry_points(group="claimledger.language_packs"))
