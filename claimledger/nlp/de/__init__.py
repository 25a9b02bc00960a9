"""German language pack."""

from claimledger.nlp.de import cues, entities, lexicon, numbers
from claimledger.nlp.pack import LanguagePack

PACK = LanguagePack(
    code="de",
    name="Deutsch",
    quote_pairs=(("„", "“"), ("»", "«"), ("«", "»"), ("‚", "‘"), ("“", "”"), ('"', '"')),
    speech_verbs=cues.SPEECH_VERBS,
    speech_acts=cues.SPEECH_ACTS,
    separable=cues.SEPARABLE,
    according_prefix=cues.ACCORDING_PREFIX,
    according_postfix=cues.ACCORDING_POSTFIX,
    so_markers=cues.SO_MARKERS,
    as_markers=cues.AS_MARKERS,
    complementizers=cues.COMPLEMENTIZERS,
    subjunctive=cues.SUBJUNCTIVE,
    pronouns={"er": "m", "sie": "f", "es": "n", "ihr": "f", "ihm": "m", "man": "n"},
    determiners=frozenset({
        "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem",
        "einen", "dieser", "diese", "dieses", "sein", "seine", "seiner", "ihre", "ihrer",
    }),
    indefinite_determiners=frozenset({"ein", "eine", "einer", "eines", "einem", "einen"}),
    genitive_determiners=frozenset({"des", "der", "eines", "einer", "dieses", "dieser", "seines",
                                    "seiner", "ihres", "ihrer"}),
    addressee_prepositions=frozenset({"gegenüber"}),
    inner_quote_words=2,
    reflexives=frozenset({"sich"}),
    statement_prepositions=frozenset({"nach"}),
    statement_nouns=("angaben", "informationen", "schätzung", "schätzungen", "analyse",
                     "einschätzung", "erkenntnissen", "berichten", "aussagen", "umfrage",
                     "zählung", "studie", "ermittlungen", "darstellung", "mitteilung"),
    passive_auxiliaries=frozenset({"werde", "wird", "wurde", "werden", "wurden", "worden",
                                 "würde", "würden"}),
    conjunctions=frozenset({"und", "aber", "doch", "oder", "sondern", "während"}),
    role_nouns=frozenset({
        "minister", "ministerin", "sprecher", "sprecherin", "präsident", "präsidentin",
        "regierungschef", "regierungschefin", "kanzler", "kanzlerin", "chef", "chefin",
        "vorsitzende", "vorsitzender", "bürgermeister", "bürgermeisterin", "botschafter",
        "botschafterin", "ministerpräsident", "ministerpräsidentin", "politiker", "politikerin",
        "diplomat", "diplomatin", "experte", "expertin", "staatschef", "machthaber",
        "generalsekretär", "direktor", "direktorin", "leiter", "leiterin", "firmenchef",
        "konzernchef", "premier", "premierminister", "premierministerin", "abgeordnete",
        "abgeordneter", "kommissar", "kommissarin", "ermittler", "anwalt", "anwältin",
    }),
    anonymous_sources=frozenset({
        "kreise", "kreisen", "insider", "beobachter", "experten", "diplomaten", "quellen",
        "sicherheitskreise", "regierungskreise", "kritiker", "medien", "medienberichte",
        "berichte", "berichten",
    }),
    stop_capitalised=frozenset({
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "er", "sie", "es", "wir", "ich",
        "wie", "nach", "laut", "am", "im", "in", "auf", "mit", "bei", "für", "von", "zu", "dabei",
        "auch", "doch", "aber", "und", "so", "dies", "diese", "dieser", "man", "zudem", "zuvor",
        "damit", "dass", "als", "seit", "vor", "über", "unter", "um", "bis", "an", "aus",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
        "unterdessen", "inzwischen", "demnach", "gestern", "heute", "morgen", "zunächst",
        # fronted adverbs before an inverted subject ("Dort sagte er, ...")
        "dort", "hier", "dann", "danach", "damals", "später", "daraufhin", "anschließend",
        "außerdem", "ebenfalls", "jetzt", "nun", "darin", "darauf", "dazu", "deshalb", "daher",
        "weiter", "ferner", "allerdings", "jedoch", "dennoch", "gleichzeitig", "zugleich",
        "trotzdem", "bereits", "zuletzt", "indes", "jedenfalls", "offenbar", "ebenso",
        "vielmehr", "stattdessen", "dagegen", "hingegen", "wiederum", "erneut", "schließlich",
    }),
    abbreviations=frozenset({
        "dr", "prof", "bzw", "ca", "vgl", "z.b", "u.a", "usw", "etc", "nr", "st", "str", "mio",
        "mrd", "abs", "ggf", "inkl", "evtl", "sog", "jh", "jhd", "tsd", "dt", "u.s", "hl",
    }),
    months=frozenset({
        "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
        "oktober", "november", "dezember", "jan", "feb", "aug", "sept", "okt", "nov", "dez",
    }),
    clause_verbs=frozenset({
        "ist", "sind", "war", "waren", "hat", "haben", "hatte", "hatten", "wird", "werden",
        "wurde", "wurden", "kann", "können", "konnte", "muss", "müssen", "soll", "sollen", "will",
    }),
    capitalised_nouns=True,
    adjective_endings=("e", "en", "er", "es", "em"),
    role_suffixes=("er", "erin", "in", "ent", "eur", "ist", "or", "chef", "chefin", "leiter"),
    contracted_articles=frozenset({"im", "am", "zum", "zur", "vom", "beim"}),
    time_words=frozenset({
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
        "gestern", "heute", "vorgestern", "morgen", "abend", "nachmittag", "vormittag",
        "mittag", "wochenende",
    }),
    verb_second=True,
    relative_pronouns=frozenset({"der", "die", "das", "welcher", "welche", "welches"}),
    type_hints=entities.TYPE_HINTS,
    denial_cues=cues.DENIAL_CUES,
    proper_noun=lexicon.proper_noun,
    prepositions=frozenset({
        "in", "nach", "aus", "von", "bei", "mit", "zu", "für", "gegen", "über", "unter", "vor",
        "hinter", "neben", "zwischen", "durch", "ohne", "um", "an", "auf", "seit", "bis", "ab",
    }),
    denial_words=cues.DENIAL_WORDS,
    negations=cues.NEGATIONS,
    stopwords=frozenset("""
der die das des dem den ein eine einer eines einem einen und oder aber auch nicht noch schon ist
sind war waren sei seien habe hat haben hatte wird werden wurde wurden würde könne müsse in im
am an auf aus bei mit nach von vor zu zum zur für über unter um durch gegen ohne bis es er sie
wir ihr man sich sein seine ihre dass ob wie als so da dort hier dies diese dieser
""".split()),
    number_words=numbers.NUMBER_WORDS,
    vague_numbers=numbers.VAGUE_NUMBERS,
    scale_words=numbers.SCALE_WORDS,
    quantity_operators=numbers.OPERATORS,
    range_words=frozenset({"bis"}),
    range_joiners=frozenset({"und"}),
    unit_lemmas=numbers.UNIT_LEMMAS,
    unit_suffixes=(("innen", "en"), ("innen", ""), ("ern", "er"), ("en", "e"), ("n", ""),
                   ("en", "")),
    decimal_comma=True,
)
