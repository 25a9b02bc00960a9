"""Entities within one document: names from sources and text, canonical keys, source resolution.

A canonical key folds case, diacritics, hyphens and spacing so that "Kim Jong-un", "Kim Jong Un"
and "KIM JONG UN" share one id across documents and languages.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from dataclasses import dataclass, field

from claimledger.extract.aliases import lookup
from claimledger.nlp.pack import LanguagePack
from claimledger.nlp.text import Token

LOOKBACK = 400  # characters before a pronoun searched for a lone name (the lexicon is slow)


@dataclass
class DocEntity:
    key: str
    name: str
    type: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    first: int = 0  # char offset of the first mention
    roles: set[str] = field(default_factory=set)  # role nouns seen with the name ("regierungschef")
    gender: str | None = None  # "m"/"f" where a title or role word told it ("Richterin", "Mr.")
    bare: bool = False  # named once without an article: "die Verteidigung" is no one in particular


def hinted_type(phrase: str, pack: LanguagePack) -> str | None:
    """Source type from the pack's hint words ('Geheimdienst' -> intelligence)."""
    low = " " + phrase.lower()
    for hint, etype in pack.type_hints:
        if hint in low:
            return etype
    return None


def entity_type(name: str, words: list[str], pack: LanguagePack) -> str:
    """Type of a named entity from its name and the words that described it."""
    hinted = hinted_type(" ".join([*words, name.lower()]), pack)
    if hinted:
        return hinted
    if any(w in pack.role_nouns for w in words):
        return "person"
    if any(w in pack.anonymous_sources for w in words):
        return "anonymous"
    if name.isupper() and len(name) > 1:
        return "organisation"
    if len(name.split()) >= 2 and all(p[:1].isupper() for p in name.split()):
        return "person"
    return "unknown"


def split_source(text: str, toks: list[Token], pack: LanguagePack) -> tuple[str, list[str], int]:
    """A source phrase as (name, lower-case descriptor words, char start of the name).

    'der frühere niederländische Regierungschef Mark Rutte' -> ('Mark Rutte', [..., 'regierungschef'])
    A relative clause says more about the source but names no one: "Senator Maria Alvarez, who
    chairs the committee," is read up to its comma; a place names no one either ("ein Sprecher
    des Ministeriums in Verdogorsk"). Of several names the person an apposition or a preposition
    follows is the source ("Richard Roe, director of X", "Der Inhaber, der 62-jährige Max Roe"),
    else the last ("Sprecher des Außenministeriums").
    """
    toks = toks[: _relative_clause(toks, pack)]
    head = head_tokens(toks, pack)
    words = [t.lower for t in head]
    kept = {id(t) for t in head}
    names = [n for a, b in _runs(toks, kept, pack) if (n := _run_name(toks, a, b, pack))]
    closing = [n for n in names if all(_trailer(t, pack) for t in toks[n[1] :] if id(t) in kept)]
    chosen = next((n for n in names if n[2]), closing[-1] if closing else None)
    if chosen is None:
        return "", words, -1
    return text[toks[chosen[0]].start : toks[chosen[1] - 1].end], words, toks[chosen[0]].start


def _trailer(t: Token, pack: LanguagePack) -> bool:
    """A word that may follow the name closing a source phrase: punctuation, an age ("Roe, 49")
    or a focus particle ("Weißlinger selbst")."""
    return not t.text[:1].isalnum() or t.text.isdigit() or t.lower in pack.source_particles


def head_tokens(toks: list[Token], pack: LanguagePack) -> list[Token]:
    """A source phrase without its relative clause and its place phrases ("in Stuttgart", "vor
    Anhängern in X"): a locative phrase runs from its preposition to the next comma."""
    toks = toks[: _relative_clause(toks, pack)]
    places = pack.locative_prepositions
    out, skipping = [], False
    for k, t in enumerate(toks):
        if t.text == ",":
            skipping = False
        elif k > 0 and t.lower in places:
            skipping = True
        if not skipping:
            out.append(t)
    return out


def _runs(toks: list[Token], kept: set[int], pack: LanguagePack) -> list[tuple[int, int]]:
    """Index ranges of runs of capitalised words that may be a name (no article, role noun or
    stop word; nothing left out of the phrase's head)."""
    runs: list[tuple[int, int]] = []
    start = None
    for k, t in enumerate(toks):
        if _name_word(t, pack) and id(t) in kept:
            start = k if start is None else start
        elif start is not None:
            runs.append((start, k))
            start = None
    return runs + ([(start, len(toks))] if start is not None else [])


def _name_word(t: Token, pack: LanguagePack) -> bool:
    """A capitalised word that is no article, pronoun, role noun or stop word."""
    low = t.lower
    return t.text[:1].isupper() and low not in pack.determiners and low not in pack.pronouns \
        and low not in pack.role_nouns and low not in pack.anonymous_sources \
        and low not in pack.stop_capitalised


def _run_name(toks: list[Token], a: int, b: int, pack: LanguagePack) -> tuple[int, int, bool] | None:
    """A run of capitalised words as (start, end, leads), its titles left out; None when it is
    all title ("der Coach", "the Secretary of State") or a possessor ("Kim's sister").
    `leads`: a person's name that an apposition or a preposition follows."""
    if _possessive(toks[b - 1].text, pack) or all(_is_role(t.lower.rstrip("."), pack) for t in toks[a:b]):
        return None
    first = title_end(toks, a, b, pack)
    if first is None:
        return None
    several = b - first >= 2
    if b - first >= 2 and hinted_type(toks[first].lower, pack) and not _noun_tail(toks, first + 1, b, pack):
        first += 1  # "Nachrichtenagentur KCNA" -> "KCNA" (not "Patientenbündnis Diabetes" -> "Diabetes")
    elif pack.capitalised_nouns and b - first == 1 and not toks[first].text.isupper() \
            and first and toks[first - 1].text[:1].islower() \
            and toks[first - 1].lower not in pack.determiners:
        # "des südkoreanischen Geheimdienstes": the adjective is part of the organisation's name
        while first > 0 and _adjective(toks[first - 1], pack):
            first -= 1
    after = toks[b] if b < len(toks) else None
    if after is None or not _breaks(after, pack) or not _first_chunk(toks, first, pack):
        return first, b, False
    # a name an apposition or a preposition follows: "Roe, director of X", "Kempf vom Institut"
    leads = (several and not (first and toks[first - 1].lower in pack.determiners)) \
        or (first == 0 and after.text == ",")  # "Flynn, a top surrogate"
    return first, b, leads


def _noun_tail(toks: list[Token], a: int, b: int, pack: LanguagePack) -> bool:
    """toks[a:b] is one word the lexicon reads as a common noun: it completes the name of the
    organisation before it ("Patientenbündnis Diabetes", "Stiftung Warentest") rather than
    naming one on its own ("Energiekonzern RWE")."""
    word = toks[a].text
    return b - a == 1 and not word.isupper() and pack.proper_noun is not None and not pack.proper_noun(word)


def _breaks(t: Token, pack: LanguagePack) -> bool:
    """A word after a name that ends its noun phrase: a comma, a bracket or a preposition."""
    low = t.lower
    return t.text in {",", "("} or low in pack.prepositions or low in pack.genitive_prepositions \
        or low in pack.np_joiners or low in pack.contracted_articles


def _first_chunk(toks: list[Token], k: int, pack: LanguagePack) -> bool:
    """No preposition or genitive article between the start of the comma-separated part and
    toks[k]: "Der Nachfolger des Chefs Max Roe, Ina Poe" names Poe, not the chef Roe."""
    start = max((j + 1 for j in range(k) if toks[j].text == ","), default=0)
    return not any(t.lower in pack.prepositions or t.lower in pack.genitive_prepositions
                   or t.lower in pack.np_joiners or (j > start and t.lower in pack.determiners)
                   for j, t in enumerate(toks[start:k], start))


def title_end(toks: list[Token], a: int, b: int, pack: LanguagePack) -> int | None:
    """Where the name in the run toks[a:b] starts after its titles ("Stadtbaurat Jörg Ahlmeyer",
    "Attorney General Dennis Roe"); after "Secretary of" the first word or two are the office
    ("Secretary of State Linda Roe", "of Homeland Security Ana Roe"): None if nothing else is."""
    first = a
    if a >= 2 and toks[a - 1].lower in pack.np_joiners and toks[a - 2].text[:1].isupper() \
            and _is_role(toks[a - 2].lower, pack):
        first += 1
        while b - first >= 3 and not _initial(toks[first + 1].text):
            first += 1
        if b - first < 2:
            return None
    while b - first >= 3 and _descriptor(toks[first].lower, pack):
        first += 1
    # "House Speaker Paul Roe", "Wells Fargo CEO John Roe": the name follows the last role word
    last_role = max((k for k in range(first, b - 2) if _is_role(toks[k].lower, pack)), default=None)
    return first if last_role is None else last_role + 1


def _initial(word: str) -> bool:
    """A middle initial ("F."): the word before it is a first name."""
    return len(word) == 2 and word.endswith(".")


def role_words(words: list[str], pack: LanguagePack) -> set[str]:
    """The role nouns among lower-case words, compounds included ("finanzministerin"), each as
    the role it names ("coach" -> "trainer")."""
    synonyms = pack.role_synonyms
    return {synonyms.get(w, w) for w in words if _is_role(w, pack)}


@functools.lru_cache(maxsize=65536)
def _is_role(word: str, pack: LanguagePack) -> bool:
    """Asked for every word near every name: cached per word."""
    nouns = role_nouns(pack)
    return word in nouns or any(word[-k:] in nouns for k in _compound_lengths(pack) if len(word) > k) \
        or word.endswith(pack.role_endings)


@functools.cache
def _compound_lengths(pack: LanguagePack) -> tuple[int, ...]:
    """Lengths of the role nouns long enough to end a compound ("finanz|ministerin"): a word's
    ending of each length is looked up, not compared with every noun."""
    return tuple(sorted({len(r) for r in role_nouns(pack) if len(r) > 4}))


@functools.cache
def role_nouns(pack: LanguagePack) -> frozenset[str]:
    """The pack's role nouns and the job nouns its entity data adds ("richter", "owner")."""
    return pack.role_nouns | pack.person_roles


def age_words(words: list[str], pack: LanguagePack) -> bool:
    """A description by age ("der 62-Jährige", "the 58-year-old"): a person named before."""
    return any(w.endswith(pack.age_endings) for w in words)


def gender_of(words: list[str], pack: LanguagePack, article: bool = False) -> str | None:
    """The gender the words tell of a person: a title ("Mr.", "Frau"), a role noun that has a
    form for the other gender ("Sprecherin", "spokesman") and, with `article`, an opening article
    ("die 62-Jährige"); None when they tell none or disagree."""
    told = {g for w in words if (g := _word_gender(w, pack))}
    if article and words:
        told |= {g for g in [pack.gender_articles.get(words[0])] if g}
    return told.pop() if len(told) == 1 else None


def _word_gender(word: str, pack: LanguagePack) -> str | None:
    """The gender one word tells ("richterin" f, "richter" m, "judge" none)."""
    word = word.rstrip(".")
    if g := pack.gender_words.get(word):
        return g
    for masc, fem in pack.gender_forms:
        if fem and word.endswith(fem) and _is_role(word, pack) \
                and _is_role(word[: len(word) - len(fem)] + masc, pack):
            return "f"
        if word.endswith(masc) and _is_role(word, pack) \
                and _is_role(word[: len(word) - len(masc)] + fem, pack):
            return "m"
    return None


def same_role(a: set[str], b: set[str]) -> bool:
    """Two sets of role words name the same role ("ministerin" and "finanzministerin")."""
    return any(x.endswith(y) or y.endswith(x) for x in a for y in b)


def _relative_clause(toks: list[Token], pack: LanguagePack) -> int:
    """Index of the comma that opens a relative clause in a source phrase (len(toks) if none)."""
    for k in range(1, len(toks) - 1):
        if toks[k].text == "," and toks[k + 1].lower in pack.relative_pronouns \
                and not _apposed_article(toks, k + 1, pack):
            return k
    return len(toks)


def _apposed_article(toks: list[Token], k: int, pack: LanguagePack) -> bool:
    """An article that opens an apposition, not a relative clause: its phrase ends in a name
    ("Der Inhaber, der 62-jährige Walter Stieglitz"), where a clause ends in its verb."""
    end = next((j for j in range(k, len(toks)) if toks[j].text == ","), len(toks))
    return toks[k].lower in pack.determiners and end - k >= 3 \
        and all(_name_word(t, pack) for t in toks[end - 2 : end])


def _descriptor(word: str, pack: LanguagePack) -> bool:
    """A title or job word before a two-part name: "Trainer", "Gewerkschafterin", "Prof.",
    or a compound ending in a role noun ("Betriebsratsvorsitzende", "Rechnungshofpräsidentin")."""
    word = word.rstrip(".")
    return word in pack.abbreviations or word in pack.gender_words \
        or _is_role(word, pack) or (
        len(word) > 6 and word.endswith(pack.role_suffixes))


def _adjective(tok: Token, pack: LanguagePack) -> bool:
    """An inflected lower-case adjective ("südkoreanischen") that belongs to an organisation name."""
    low = tok.lower
    return tok.text[:1].islower() and low not in pack.determiners and len(low) > 3 \
        and low.endswith(pack.adjective_endings)


def find_names(text: str, tokens: list[Token], pack: LanguagePack) -> list[tuple[int, int]]:
    """Spans of capitalised name-like sequences not preceded by an article or adjective."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if not _name_start(tokens, i, pack):
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and not _possessive(tokens[j - 1].text, pack) \
                and tokens[j].text[:1].isupper() and tokens[j].sent == t.sent \
                and tokens[j].lower not in pack.stop_capitalised:
            j += 1
        first = i + 1 if j - i >= 2 and hinted_type(t.lower, pack) else i
        # "Finanzministerin Petra Lang", "Secretary of State Linda Roe": the person
        first = title_end(tokens, first, j, pack)  # type: ignore[assignment]
        if first is None:
            i = j
            continue
        last, owner = tokens[j - 1].text, len(_possessive(tokens[j - 1].text, pack))
        end = tokens[j - 1].end - owner  # "South Korea's" -> "South Korea"
        known = j - first == 1 and lookup(last[: len(last) - owner]) is not None  # "Russland", "Kiew"
        if j - first >= 2 or known or tokens[first].text.isupper() or not pack.capitalised_nouns \
                or _named_by_particle(tokens, first, pack):
            spans.append((tokens[first].start, end))
        i = j
    return spans


def _named_by_particle(tokens: list[Token], i: int, pack: LanguagePack) -> bool:
    """A lone capitalised word before a focus particle that the lexicon reads as a name
    ("Weißlinger selbst bestritt"): a person, where a common noun would have its article."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return bool(nxt and nxt.sent == tokens[i].sent and nxt.text in pack.source_particles
                and (pack.proper_noun is None or pack.proper_noun(tokens[i].text)))


def _possessive(word: str, pack: LanguagePack) -> str:
    """The possessive ending of a word ("'s" of "Korea's"), or "" (also for the bare "'s")."""
    return next((p for p in pack.possessive_endings if word.endswith(p) and len(word) > len(p) + 1), "")


def lone_name_before(tokens: list[Token], starts: list[int], pos: int,
                     pack: LanguagePack) -> tuple[int, int] | None:
    """The nearest lone capitalised word within LOOKBACK characters before `pos` that the pack's
    lexicon reads as a name: what a pronoun points back to when no named person stands before
    it ("beaufsichtigte Kim am Donnerstag ... Dabei habe er betont"). Only for packs whose nouns
    are capitalised too (German); words after an article or a preposition are skipped ("am
    Donnerstag", "in Berlin": a place or a thing, not a speaker). `starts`: the tokens' starts."""
    if pack.proper_noun is None:
        return None
    for i in range(bisect_left(starts, pos) - 1, 0, -1):
        t, prev = tokens[i], tokens[i - 1]
        if t.start <= pos - LOOKBACK:
            break
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (t.text[:1].isupper() and t.text[1:].islower() and prev.sent == t.sent
                and prev.lower not in pack.determiners and prev.lower not in pack.contracted_articles
                and prev.lower not in pack.prepositions and prev.text[:1].islower()
                and not (nxt and nxt.text[:1].isupper()) and pack.proper_noun(t.text)):
            return t.start, t.end
    return None


def _name_start(tokens: list[Token], i: int, pack: LanguagePack) -> bool:
    t = tokens[i]
    if not t.text[:1].isupper() or t.lower in pack.stop_capitalised or len(t.text) < 2:
        return False
    if t.lower in pack.role_nouns or t.lower in pack.anonymous_sources or t.lower in pack.scale_words \
            or t.lower in pack.number_words or t.lower in pack.vague_numbers:
        return False  # a figure: "5 Milliarden Euro", "Zwei Stunden", "Viele Substanzen"
    if i == 0 or tokens[i - 1].sent != t.sent:
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        two_caps = bool(nxt and nxt.sent == t.sent and nxt.text[:1].isupper()
                        and nxt.lower not in pack.stop_capitalised)
        # sentence-initial: acronyms, multi-word names and "Weißlinger selbst"
        return two_caps or t.text.isupper() or _named_by_particle(tokens, i, pack)
    prev = tokens[i - 1]
    if prev.text in {"„", "“", '"', "»", "(", "-"}:
        return False
    if not pack.capitalised_nouns:
        return True
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt and nxt.sent == t.sent and nxt.text[:1].isupper() and prev.lower not in pack.determiners \
            and nxt.lower not in pack.stop_capitalised:
        return True  # two capitalised words in a row: "Kim Jong Un", "Mark Rutte"
    # German: a capitalised word after an article or an inflected adjective is a common noun,
    # unless it is an acronym or follows a role noun ("Regierungschef Mark Rutte")
    if t.text.isupper():
        return True
    if prev.lower in pack.role_nouns:
        return True
    if prev.lower in pack.determiners or prev.lower in pack.contracted_articles:
        return False
    if prev.text[:1].islower() and prev.lower.endswith(pack.adjective_endings):
        return False
    return prev.text[:1].islower() or prev.text in {",", ":"}
