"""German attribution cues: speech verbs, speech acts, prepositional and subjunctive markers."""

from __future__ import annotations


def weak(stem: str, participle: str | None = None, lemma: str | None = None) -> dict[str, str]:
    """All finite forms and the participle of a regular (weak) verb, mapped to its lemma."""
    lemma = lemma or stem + ("n" if stem.endswith(("el", "er")) and not stem.endswith("ier") else "en")
    t = "et" if stem.endswith(("t", "d", "chn", "ffn", "gn")) else "t"
    e = "e" if t == "et" else ""
    # no stem+"e": in news it is the Konjunktiv of the reported clause ("erkläre sich"), not a cue
    forms = [stem + t, stem + e + "te", stem + e + "ten", stem + e + "test", lemma]
    forms.append(participle or "ge" + stem + t)
    return {f: lemma for f in forms}


def strong(lemma: str, *forms: str) -> dict[str, str]:
    return {f: lemma for f in (lemma, *forms)}


SPEECH_VERBS: dict[str, str] = {}
for _stem in (
    "sag", "erklär", "behaupt", "bericht", "meld", "äußer", "erläuter", "versicher",
    "bekräftig", "bestätig", "unterstreich", "warn", "forder", "kritisier", "dementier",
    "argumentier", "ergänz", "erzähl", "fürcht", "befürcht", "hoff", "vermut", "mahn", "beton",
    "antwort", "verkünd", "klag", "beklag", "zitier", "kommentier", "spekulier",
    "schätz", "prognostizier", "informier", "signalisier", "bilanzier", "resümier", "präzisier",
    "beteuer", "glaub", "mein", "erwart", "twitter","erinner", "folger",
    "bezweifel", "bemängel", "verlang", "droh", "wiederhol", "bezeichn", "nenn", "frag",
    "entgegn", "appellier", "bedauer", "begrüß", "beschuldig", "lob", "verteidig", "verurteil",
    "würdig", "begründ", "plädier", "urteil", "skandier", "schilder", "beharr", "erwider", "mutmaß",
    "überleg", "veröffentlich", "verlautbar", "konstatier", "formulier", "attackier", "monier",
    "erwähn",
):
    SPEECH_VERBS |= weak(_stem)
SPEECH_VERBS |= weak("bezeichn", "bezeichnet", "bezeichnen")
SPEECH_VERBS |= weak("ankündig", "angekündigt", "ankündigen")
SPEECH_VERBS |= weak("mitteil", "mitgeteilt", "mitteilen")
SPEECH_VERBS |= strong("nennen", "nannte", "nannten", "nennt", "genannt")
SPEECH_VERBS |= strong("sprechen", "sprach", "sprachen", "spricht", "gesprochen")
SPEECH_VERBS |= strong("schreiben", "schrieb", "schrieben", "schreibt", "geschrieben")
# cues only with their reflexive: "zeigte sich zufrieden", "gibt sich zuversichtlich"
_REFLEXIVE = {"zeigen": ("zeigte", "zeigten", "zeigt", "gezeigt"), "geben": ("gibt", "geben")}
REFLEXIVE_CUES = frozenset(f for forms in _REFLEXIVE.values() for f in forms)
for _lemma, _forms in _REFLEXIVE.items():
    SPEECH_VERBS |= {f: _lemma for f in _forms}
SPEECH_VERBS |= strong("rufen", "rief", "riefen", "ruft", "gerufen")
SPEECH_VERBS |= strong("betonen", "betonte", "betonten", "betont")
SPEECH_VERBS |= strong("denken", "dachte", "dachten", "denkt", "gedacht")
SPEECH_VERBS |= strong("wissen", "wusste", "wussten", "weiß", "gewusst")
SPEECH_VERBS |= strong("verweisen", "verwies", "verwiesen", "verweist")
SPEECH_VERBS |= strong("hinweisen", "wies", "wiesen", "weist", "hingewiesen")
SPEECH_VERBS |= strong("zurückweisen", "zurückgewiesen", "zurückweisen")
SPEECH_VERBS |= strong("bestreiten", "bestritt", "bestritten", "bestreitet")
SPEECH_VERBS |= strong("versprechen", "versprach", "versprachen", "verspricht")
SPEECH_VERBS |= strong("beschreiben", "beschrieb", "beschrieben", "beschreibt")
SPEECH_VERBS |= strong("einräumen", "räumte", "räumten", "räumt", "eingeräumt")
SPEECH_VERBS |= strong("bekanntgeben", "gab", "gaben", "gibt", "bekanntgegeben")
SPEECH_VERBS |= strong("annehmen", "nahm", "nahmen", "nimmt", "angenommen")
SPEECH_VERBS |= strong("zugeben", "zugegeben")
SPEECH_VERBS |= strong("zusagen", "zugesagt")  # "sagte … zu" is read as "sagen"
SPEECH_VERBS |= strong("vertreten", "vertrat", "vertraten", "vertritt")  # "die These vertreten, …"
SPEECH_VERBS |= strong("ergeben", "ergab", "ergaben", "ergibt")  # "Die Studie ergab, dass …"
SPEECH_VERBS |= strong("angeben", "angegeben")  # "gab … an" is a separable form below
# participles of separable verbs listed below by their finite forms ("hat sich dafür
# ausgesprochen", "war davon ausgegangen", "ist aus dem Bericht hervorgegangen")
SPEECH_VERBS |= strong("aussprechen", "ausgesprochen") | strong("ausgehen", "ausgegangen") \
    | strong("hervorgehen", "hervorgegangen")
SPEECH_VERBS |= strong("vorwerfen", "warf", "warfen", "wirft", "vorgeworfen")
SPEECH_VERBS |= strong("anbieten", "bot", "boten", "bietet", "angeboten")
SPEECH_VERBS |= strong("aufrufen", "rief", "aufgerufen")
SPEECH_VERBS |= strong("werben", "warb", "warben", "wirbt", "geworben")
SPEECH_VERBS |= strong("verlauten", "verlautete", "verlauten")
SPEECH_VERBS |= strong("heißen", "hieß", "heißt")
SPEECH_VERBS |= strong("widersprechen", "widersprach", "widersprachen", "widerspricht")
SPEECH_VERBS |= strong("versprechen", "versprochen")
SPEECH_VERBS |= strong("empfehlen", "empfahl", "empfahlen", "empfiehlt", "empfohlen")
SPEECH_VERBS |= strong("entscheiden", "entschied", "entscheidet")  # not "entschieden": an adverb too
SPEECH_VERBS |= strong("beschließen", "beschloss", "beschlossen", "beschließt")
SPEECH_VERBS |= strong("unterstreichen", "unterstrich", "unterstrichen")
SPEECH_VERBS |= strong("gestehen", "gestand", "gestanden", "gesteht")
SPEECH_VERBS |= strong("raten", "riet", "rieten", "rät")
SPEECH_VERBS |= strong("auffordern", "aufforderte", "aufforderten", "auffordert", "aufgefordert")

# verbs whose finite form only counts together with its particle at clause end
SEPARABLE: dict[str, frozenset[str]] = {
    "teilte": frozenset({"mit"}), "teilten": frozenset({"mit"}), "teilt": frozenset({"mit"}),
    "kündigte": frozenset({"an"}), "kündigten": frozenset({"an"}), "kündigt": frozenset({"an"}),
    "wies": frozenset({"zurück", "hin"}), "wiesen": frozenset({"zurück", "hin"}),
    "weist": frozenset({"zurück", "hin"}),
    "räumte": frozenset({"ein"}), "räumten": frozenset({"ein"}), "räumt": frozenset({"ein"}),
    "gab": frozenset({"bekannt", "an", "zu"}), "gaben": frozenset({"bekannt", "an", "zu"}),
    "gibt": frozenset({"bekannt", "an", "zu"}),
    "nahm": frozenset({"an"}), "nahmen": frozenset({"an"}), "nimmt": frozenset({"an"}),
    "warf": frozenset({"vor"}), "warfen": frozenset({"vor"}), "wirft": frozenset({"vor"}),
    "rief": frozenset({"auf", "zu"}), "riefen": frozenset({"auf", "zu"}),
    "ruft": frozenset({"auf", "zu"}),
    "bot": frozenset({"an"}), "boten": frozenset({"an"}), "bietet": frozenset({"an"}),
    "hieß": frozenset({"es"}), "heißt": frozenset({"es"}),
    "geht": frozenset({"aus", "hervor"}), "gehen": frozenset({"aus", "hervor"}),
    "ging": frozenset({"aus", "hervor"}),
    "gingen": frozenset({"aus", "hervor"}),  # "geht davon aus, dass …", "wie aus X hervorgeht"
    "sah": frozenset({"an"}), "sahen": frozenset({"an"}),  # "sah es als erwiesen an"
}

SPEECH_ACTS = frozenset({
    "forderte", "forderten", "fordert", "gefordert", "warnte", "warnten", "warnt", "gewarnt",
    "dementierte", "dementierten", "dementiert", "bestätigte", "bestätigten", "bestätigt",
    "kritisierte", "kritisierten", "kritisiert", "verurteilte", "verurteilten", "verurteilt",
    "lobte", "lobten", "lobt", "begrüßte", "begrüßten", "begrüßt", "bestritt", "bestritten",
    "bestreitet", "kündigte", "kündigten", "kündigt", "angekündigt", "wies", "wiesen", "weist",
    "zurückgewiesen", "warb", "warben", "wirbt", "verlangte", "verlangten", "verlangt",
    "versprach", "versprachen", "verspricht", "drohte", "drohten", "droht", "rief", "riefen",
    "appellierte", "appellierten", "beklagte", "beklagten", "bedauerte", "bedauerten",
    "verteidigte", "verteidigten", "räumte", "räumten", "mahnte", "mahnten", "beschuldigte",
    "beschuldigten", "warf", "warfen", "lehnte", "lehnten", "schlug", "schlugen", "schlägt",
    "vorgeschlagen", "empfahl", "empfahlen", "empfiehlt", "empfohlen", "beschloss", "beschlossen",
    "entschied", "prangerte", "prangerten", "sicherte", "sicherten", "plädierte", "plädierten",
    "aufgefordert", "riet", "rieten",
})
SEPARABLE |= {"lehnte": frozenset({"ab"}), "lehnten": frozenset({"ab"}), "lehnt": frozenset({"ab"})}
# present forms ("Die Behörden werfen ihm Betrug vor"): the infinitive's shape, so a cue
# only with the particle at clause end
SEPARABLE |= {
    "teilen": frozenset({"mit"}), "kündigen": frozenset({"an"}), "weisen": frozenset({"zurück", "hin"}),
    "räumen": frozenset({"ein"}), "werfen": frozenset({"vor"}), "rufen": frozenset({"auf", "zu"}),
    "bieten": frozenset({"an"}), "lehnen": frozenset({"ab"}),
}
SPEECH_ACTS |= frozenset({
    "fordern", "warnen", "dementieren", "bestätigen", "kritisieren", "verurteilen", "loben", "begrüßen",
    "bestreiten", "kündigen", "weisen", "werben", "verlangen", "versprechen", "drohen", "rufen",
    "appellieren", "beklagen", "bedauern", "verteidigen", "räumen", "mahnen", "beschuldigen", "werfen",
    "lehnen", "schlagen", "empfehlen", "beschließen", "prangern", "sichern", "plädieren",
    "wirft", "lehnt", "räumt", "ruft", "mahnt", "beklagt", "bedauert", "verteidigt", "beschuldigt",
    "appelliert", "prangert", "sichert", "plädiert", "stritt", "stritten", "streitet", "streiten",
    "abgestritten", "sprach", "sprachen", "spricht", "sprechen", "ausgesprochen",
})
SEPARABLE |= {f: frozenset({"darauf"}) for f in ("besteht", "bestehen", "bestand", "bestanden")}
OPTIONAL_PARTICLES = {f: frozenset({"auf"}) for f in ("forderte", "forderten", "fordert")}
# "sprach sich für X aus" / "sprach von 240 Toten" (pack `cue_particles`)
OPTIONAL_PARTICLES |= {f: frozenset({"aus"}) for f in ("sprach", "sprachen", "spricht", "sprechen")}
OTHER_VERB_PARTICLES = {f: frozenset({"ab"}) for f in ("sagte", "sagten", "sagt", "sagen")}
OTHER_VERB_PARTICLES |= {f: frozenset({"nach"}) for f in ("dachte", "dachten", "denkt", "denken")}
# more separable verbs: lemma, particles, finite forms (past, past plural, present), participle
for _lemma, _particles, _forms, _participle in (
    ("feststellen", ("fest", "klar"), ("stellte", "stellten", "stellt", "stellen"), "festgestellt"),
    ("vorschlagen", ("vor",), ("schlug", "schlugen", "schlägt", "schlagen"), "vorgeschlagen"),
    ("ausführen", ("aus",), ("führte", "führten", "führt", "führen"), "ausgeführt"),
    ("hinzufügen", ("hinzu",), ("fügte", "fügten", "fügt", "fügen"), "hinzugefügt"),
    ("hervorheben", ("hervor",), ("hob", "hoben", "hebt", "heben"), "hervorgehoben"),
    ("zusichern", ("zu",), ("sicherte", "sicherten", "sichert", "sichern"), "zugesichert"),
    ("anprangern", ("an",), ("prangerte", "prangerten", "prangert", "prangern"), "angeprangert"),
    ("einwenden", ("ein",), ("wandte", "wandten", "wendet", "wenden"), "eingewandt"),
    ("abstreiten", ("ab",), ("stritt", "stritten", "streitet", "streiten"), "abgestritten"),
    ("herausstreichen", ("heraus",), ("strich", "strichen", "streicht"), "herausgestrichen"),
):
    SPEECH_VERBS[_participle] = _lemma
    for _form in _forms:
        SEPARABLE[_form] = frozenset(_particles)
        SPEECH_VERBS[_form] = _lemma
# a separable verb's finite stem is a cue once its particle is found ("teilte … mit")
for _form, _particles in SEPARABLE.items():
    SPEECH_VERBS.setdefault(_form, min(_particles) + _form)
# in a subordinate clause the particle is joined to the verb ("der angab", "als er feststellte")
PREFIX_PARTICLES = frozenset({"mit", "an", "zurück", "hin", "ein", "bekannt", "zu", "vor", "auf",
                              "aus", "ab", "fest", "klar", "hinzu", "hervor", "heraus"})
for _form, _particles in list(SEPARABLE.items()):
    _lemma = SPEECH_VERBS[_form]
    _base = next((_lemma[len(q):] for q in PREFIX_PARTICLES if _lemma.startswith(q)), _lemma)
    for _p in _particles & PREFIX_PARTICLES:
        SPEECH_VERBS.setdefault(_p + _form, _p + _base)  # "zurückwies" -> "zurückweisen"


ACCORDING_PREFIX: tuple[tuple[str, ...], ...] = (
    ("nach", "angaben", "von"), ("nach", "angaben"), ("nach", "informationen", "von"),
    ("nach", "informationen"),
    ("nach", "darstellung", "von"), ("nach", "darstellung"), ("nach", "einschätzung", "von"),
    ("nach", "einschätzung"), ("nach", "ansicht", "von"), ("nach", "ansicht"),
    ("nach", "auffassung"), ("nach", "meinung"), ("nach", "worten"), ("nach", "aussage"),
    ("nach", "aussagen"), ("nach", "berichten"), ("nach", "schätzungen"),
    ("unter", "berufung", "auf"), ("aus", "kreisen"), ("laut",), ("gemäß",),
    ("wie", "aus", "kreisen"),
)
ACCORDING_POSTFIX = frozenset({"zufolge"})
SO_MARKERS = frozenset({"so"})
AS_MARKERS = frozenset({"wie"})
COMPLEMENTIZERS = frozenset({"dass", "daß", "ob", "wie", "warum", "weshalb"})

# Konjunktiv II forms reporters use in place of Konjunktiv I; also conditional or
# counterfactual ("Das wäre der Anfang …"), so weaker evidence of reported speech
WEAK_SUBJUNCTIVE = frozenset({
    "hätten", "wären", "würden", "könnten", "müssten", "sollten", "dürften", "hätte", "wäre", "würde",
    "könnte", "müsste", "gäbe", "ginge", "käme", "läge", "stünde", "dürfte",
})
# Konjunktiv I, and the Konjunktiv II forms above
SUBJUNCTIVE = frozenset({
    "sei", "seien", "seiest", "habe", "werde", "könne", "müsse", "solle", "wolle", "dürfe",
    "möge", "gebe", "gehe", "komme", "liege", "stehe", "bleibe", "wisse", "brauche", "handle",
    "handele", "fehle", "gelte", "lasse", "mache", "sehe", "trage", "verfüge", "führe",
    "arbeite", "plane", "verstoße", "bestehe", "befinde", "betrage", "habest", "werdest",
    # third person singular of frequent verbs (stem + "e"; not "laute", "reiche": adjectives too)
    "halte", "empfehle", "nehme", "helfe", "treffe", "lese", "vertrete", "fahre", "falle",
    "schlage", "erwarte", "betreffe", "verspreche", "rate", "spreche", "bringe", "denke", "finde",
    "zeige", "suche", "stelle", "setze", "spiele", "laufe", "folge", "fordere", "prüfe", "rechne",
    "zahle", "verliere", "gewinne", "erhalte", "bekomme", "entstehe", "drohe", "diene",
    "verlange", "beginne", "wachse", "sinke", "steige", "schaffe", "schütze", "warte", "kämpfe",
    "biete", "lehne", "glaube", "sorge", "lohne", "koste", "reagiere", "akzeptiere", "profitiere",
    "existiere", "funktioniere", "beabsichtige", "benötige", "ermögliche", "verhindere",
}) | WEAK_SUBJUNCTIVE

DENIAL_CUES = frozenset({
    "dementierte", "dementierten", "dementiert", "bestritt", "bestritten", "bestreitet",
    "wies zurück", "wiesen zurück", "weist zurück", "zurückgewiesen", "widersprach",
    "widersprachen", "widerspricht", "leugnete", "leugneten", "leugnet", "verneinte", "verneinten",
    "stritt ab", "stritten ab", "streitet ab", "streiten ab", "abgestritten",
})
DENIAL_WORDS = frozenset({
    "falsch", "unwahr", "erfunden", "haltlos", "unbegründet", "lüge", "lügen", "frei erfunden",
    "gegenstandslos", "nicht zutreffend", "trifft nicht zu", "entbehrt", "propaganda",
    "desinformation", "fake",
})

# Negation words (a negated claim mirroring another source's claim is a contradiction).
NEGATIONS = frozenset({"nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals",
                       "nichts"})
