"""English language pack."""

from claimledger.nlp.en import cues, entities, numbers
from claimledger.nlp.pack import LanguagePack

PACK = LanguagePack(
    colon_cue=True,
    past_participle_suffixes=("ed",),
    infinitive_marker="to",
    code="en",
    name="English",
    quote_pairs=(("“", "”"), ('"', '"'), ("‘", "’")),
    speech_verbs=cues.SPEECH_VERBS,
    speech_acts=cues.SPEECH_ACTS,
    separable={},
    according_prefix=cues.ACCORDING_PREFIX,
    according_postfix=cues.ACCORDING_POSTFIX,
    so_markers=cues.SO_MARKERS,
    as_markers=cues.AS_MARKERS,
    complementizers=cues.COMPLEMENTIZERS,
    subjunctive=frozenset(),
    pronouns={"he": "m", "she": "f", "they": "pl", "it": "n", "we": "pl", "i": "n"},
    determiners=frozenset({"the", "a", "an", "this", "that", "these", "those", "his", "her",
                           "its", "their"}),
    indefinite_determiners=frozenset({"a", "an", "another"}),
    conjunctions=frozenset({"and", "but", "or", "while", "whereas"}),
    addressee_verbs=frozenset({"tell", "inform", "assure", "remind", "notify", "brief", "warn",
                               "promise", "convince", "persuade"}),
    possessive_endings=("'s", "\u2019s", "'", "\u2019"),
    role_nouns=frozenset({
        "minister", "spokesman", "spokeswoman", "spokesperson", "president", "chancellor",
        "leader", "chief", "executive", "chairman", "chairwoman", "mayor", "ambassador",
        "premier", "politician", "diplomat", "expert", "director", "head", "commissioner",
        "secretary", "senator", "governor", "lawyer", "investigator", "official", "ceo",
    }),
    anonymous_sources=frozenset({
        "officials", "sources", "source", "analysts", "experts", "diplomats", "insiders",
        "observers", "critics", "reports", "aides", "people",
    }),
    stop_capitalised=frozenset({
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and", "as", "in", "on",
        "at", "for", "of", "to", "by", "with", "from", "according", "if", "when", "while",
        "after", "before", "this", "that", "these", "those", "there", "his", "her", "its",
        "their", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "meanwhile", "however", "earlier", "later", "also", "yet", "so",
        # quantifiers and indefinite pronouns that open a sentence ("Nobody disputes that")
        "every", "each", "all", "some", "many", "most", "few", "no", "none", "nobody", "everyone",
        "everybody", "someone", "somebody", "anyone", "anybody", "nothing", "everything",
        "something",
    }),
    abbreviations=frozenset({
        "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "st",
        "jr", "sr", "inc", "corp", "co", "ltd", "vs", "etc", "u.s", "u.k", "u.n", "e.g", "i.e",
        "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "no", "approx",
        "capt", "maj", "adm", "cmdr", "cpl", "pvt", "rev", "hon", "atty", "dept",
    }),
    months=frozenset({
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    }),
    clause_verbs=frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would"}),
    relative_pronouns=frozenset({"who", "which", "whose", "whom"}),
    # "In a CNN poll, Clinton led …": what a fronted poll says is its claim
    statement_prepositions=frozenset({"in"}),
    cue_idioms=(("think", "tank"), ("think", "tanks")),  # a noun compound, no cue
    hearsay_adverbs=frozenset({"reportedly"}),
    cue_phrases=(("in", "a", "statement"), ("in", "an", "interview")),
    statement_nouns=("poll", "polls", "survey", "surveys"),
    subordinators=frozenset({"after", "before", "because", "since", "when", "whenever", "although",
                             "though", "if", "unless", "until", "once", "what", "whether"}),
    adverb_suffixes=("ly",),
    participle_suffixes=("ing",),
    passive_auxiliaries=frozenset({"is", "are", "was", "were", "be", "been", "being"}),
    agent_prepositions=frozenset({"by"}),
    joined_quotes=True,
    cue_particles=frozenset({"for", "on", "upon", "about", "of", "against"}),
    time_words=frozenset({
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "yesterday", "today", "tonight", "morning", "afternoon", "evening", "night",
        "weekend", "last", "this", "earlier", "later", "week", "month", "year",
    }),
    **entities.PACK_FIELDS,
    weak_cue_forms=cues.WEAK_CUE_FORMS,
    expletives=frozenset({"it"}),
    nominative_pronouns=frozenset({"he", "she", "they", "we", "i"}),
    # "the court held that …", not "the deal will hold"; "added that …", not "added 250,000 jobs";
    # "felt that …", not "felt unsafe"
    clause_only_cues=frozenset({"hold", "add", "feel"}),
    verb_markers=cues.VERB_MARKERS,
    denial_cues=cues.DENIAL_CUES,
    denial_words=cues.DENIAL_WORDS,
    negations=cues.NEGATIONS,
    stopwords=frozenset("""
the a an and or but also not no yet already is are was were be been being has have had will
would could should may might must can in on at to of for from by with about into over under it
he she they we you i his her its their this that these those there here as so than
""".split()),
    number_words=numbers.NUMBER_WORDS,
    vague_numbers=numbers.VAGUE_NUMBERS,
    scale_words=numbers.SCALE_WORDS,
    quantity_operators=numbers.OPERATORS,
    range_words=frozenset({"to"}),
    range_joiners=frozenset({"and"}),
    np_joiners=frozenset({"of", "for", "'s", "’s"}),
    prepositions=frozenset({
        "in", "on", "at", "to", "from", "with", "by", "about", "after", "before", "during",
        "over", "under", "against", "between", "through", "without", "since", "until", "of",
        "within", "into", "among", "amid", "despite", "across", "around", "beyond", "toward", "towards",
    }),
    role_suffixes=("er", "or", "ist", "ent", "ian"),
    unit_lemmas=numbers.UNIT_LEMMAS,
    unit_suffixes=(("ies", "ies"),),
)
