"""English attribution cues: speech and attitude verbs, speech acts, prepositional markers."""

from __future__ import annotations


def regular(stem: str, third: str | None = None, past: str | None = None) -> dict[str, str]:
    """Forms of a regular English verb: say-style cue lexicons need every inflection."""
    if stem.endswith("e"):
        ed, ing = stem + "d", stem[:-1] + "ing"
    elif stem.endswith("y") and stem[-2:-1] not in "aeiou":
        ed, ing = stem[:-1] + "ied", stem + "ing"
    else:
        ed, ing = stem + "ed", stem + "ing"
    third = third or (stem + "es" if stem.endswith(("s", "sh", "ch", "x", "z")) else
                      stem[:-1] + "ies" if stem.endswith("y") and stem[-2:-1] not in "aeiou"
                      else stem + "s")
    return {f: stem for f in (stem, third, past or ed, ing)}


SPEECH_VERBS: dict[str, str] = {}
for _v in (
    "claim", "warn", "deny", "insist", "acknowledge", "argue", "estimate", "believe", "hope",
    "add", "state", "explain", "report", "announce", "declare", "confirm", "note", "suggest",
    "assert", "allege", "contend", "maintain", "predict", "recall", "reply", "respond", "stress",
    "emphasize", "emphasise", "complain", "concede", "admit", "agree", "urge", "demand", "fear",
    "worry", "expect", "promise", "vow", "pledge", "question", "point", "observe", "remark",
    "reveal", "disclose", "indicate", "mention", "signal", "testify", "tweet", "post", "describe",
    "call", "accuse", "criticize", "criticise", "praise", "reject", "dismiss", "doubt", "want",
    "ask", "answer", "assure", "boast", "caution", "charge", "concur", "conclude", "continue",
    "counter", "decline", "dispute", "guarantee", "imply", "joke", "lament", "maintain",
    "muse", "plead", "propose", "reckon", "recommend", "reiterate", "repeat", "retort",
    "scream", "shout", "speculate", "surmise", "suspect", "threaten", "touch", "voice", "wonder",
    "yell", "acknowledge", "project", "forecast", "calculate", "figure", "assume", "imagine",
    "blame", "condemn", "defend", "endorse", "welcome",
):
    SPEECH_VERBS |= regular(_v)
for _lemma, _forms in {
    "say": ("says", "said", "saying"), "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"), "think": ("thinks", "thought", "thinking"),
    "know": ("knows", "knew", "known", "knowing"), "feel": ("feels", "felt", "feeling"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "find": ("finds", "found"), "hold": ("holds", "held"), "learn": ("learns", "learned", "learnt"),
    "predict": ("predicts",), "foresee": ("foresees", "foresaw"),
    "understand": ("understands", "understood"), "see": ("sees", "saw"),
    "forecast": ("forecast",), "mean": ("means", "meant"),
}.items():
    SPEECH_VERBS |= {f: _lemma for f in (_lemma, *_forms)}
# attitudes and acts PolNeAR marks as cues (train cue words the lexicon lacked); forms that are
# nouns as often ("support", "attack") are left out; "show(s)" is kept ("polls show", "records
# show": after an article it is read as a noun anyway)
for _v in ("seem", "appear", "express", "cite", "refuse", "oppose", "blast", "denounce", "mock",
           "discuss"):
    SPEECH_VERBS |= regular(_v)
for _lemma, _forms in {
    "admit": ("admits", "admitted", "admitting"), "refer": ("refers", "referred", "referring"),
    "support": ("supported", "supporting"), "back": ("backed", "backing"),
    "show": ("show", "shows", "showed", "shown", "showing"), "attack": ("attacked", "attacking"),
    "echo": ("echoed", "echoing"),
    "talk": ("talked", "talking"),
}.items():
    SPEECH_VERBS |= {f: _lemma for f in _forms}

# Forms that were a correct cue in under a quarter of the rule engine's readings on PolNeAR train
# (nouns: "30 states", "two points", "his remarks"; "see", "want", "find" as plain verbs; "began
# speaking", "a speaking slot": a third).
WEAK_CUE_FORMS = frozenset("""
state states point points question questions report call tweet tweets post posts remark remarks
charge charges figure figures voice project counter touch doubt doubts demand answer hold holds
held respond continue continues mean means speak spoke speaks speaking find see want
""".split())
VERB_MARKERS = frozenset("""
to not n't will would could should can may might must shall also never did does do
often always already still even again later once ever first long then
""".split()) | {n + a + "t" for n in ("don", "doesn", "didn", "won", "wouldn", "can", "couldn", "shouldn",
                                    "isn", "wasn", "aren", "weren", "hasn", "haven", "hadn")
               for a in "'’"}  # "most don't expect": a negated auxiliary is one token

SPEECH_ACTS = frozenset({
    "urged", "urges", "announced", "announces", "warned", "warns", "denied", "denies",
    "rejected", "rejects", "dismissed", "dismisses", "confirmed", "confirms", "criticized",
    "criticised", "criticizes", "condemned", "condemns", "praised", "praises", "welcomed",
    "welcomes", "demanded", "demands", "called", "calls", "promised", "promises", "vowed",
    "vows", "threatened", "threatens", "accused", "accuses", "defended", "defends", "blamed",
    "blames", "disputed", "disputes", "pledged", "pledges", "endorsed", "endorses",
})


ACCORDING_PREFIX: tuple[tuple[str, ...], ...] = (
    ("according", "to"), ("citing",), ("quoting",), ("in", "the", "words", "of"),
    ("in", "the", "view", "of"), ("per",),
)
ACCORDING_POSTFIX: frozenset[str] = frozenset()
SO_MARKERS: frozenset[str] = frozenset()
AS_MARKERS = frozenset({"as"})
COMPLEMENTIZERS = frozenset({"that", "whether", "if", "why", "how"})

DENIAL_CUES = frozenset({
    "denied", "denies", "deny", "rejected", "rejects", "reject", "dismissed", "dismisses",
    "refuted", "refutes", "disputed", "disputes", "contradicted", "contradicts",
})
DENIAL_WORDS = frozenset({
    "false", "untrue", "baseless", "fabricated", "invented", "lie", "lies", "nonsense",
    "propaganda", "disinformation", "fake", "groundless", "unfounded", "not true", "incorrect",
})

# Negation words (a negated claim mirroring another source's claim is a contradiction).
NEGATIONS = frozenset({"not", "no", "never", "nothing", "none", "neither", "nor", "n't"})
