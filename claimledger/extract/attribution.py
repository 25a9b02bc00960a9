"""Rule-based attribution engine: finds (source, cue, content) triples in any language pack.

The engine knows only shapes (quotes, cue positions, clause boundaries); every word it reacts to
comes from the language pack. Order of passes: direct quotes, verb cues, prepositional cues,
subjunctive/quote continuation, nesting.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from claimledger.nlp.pack import LanguagePack
from claimledger.nlp.text import Sentence, Token

BOUNDARY = frozenset({",", ":", ";", "(", ")", "-", "–", "—"})
END_PUNCT = frozenset({".", "!", "?"})
QUOTE_CHARS = frozenset("„“”\"»«‚‘’'")
QUOTE_OR_COMMA = QUOTE_CHARS | {","}


@dataclass
class Draft:
    """A claim under construction, in token indices; finalised into a records.Claim later."""

    kind: str
    content: list[tuple[int, int]]  # char spans
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)
    sentence: int = 0
    confidence: float = 0.5
    nested_in: int | None = None
    inherit_from: Draft | None = None  # the claim whose source a continuation repeats
    # the cue itself is in reported speech ("habe er betont"; "Wie X mitteilte, sagte Y")
    reported_cue: bool = False
    frame: list[tuple[int, int]] = field(default_factory=list)
    addressee: list[tuple[int, int]] = field(default_factory=list)
    refers_back: bool = False  # "Dies bestätigte X.": the content is the sentence before
    cited_by: Draft | None = None  # the medium's claim that quotes this one ("zitiert X Y")


@functools.cache
def _opener_pattern(pack: LanguagePack) -> re.Pattern[str]:
    """Any opening quotation mark of the pack (the scan jumps from one to the next)."""
    return re.compile("[" + re.escape("".join(o for o, _ in pack.quote_pairs)) + "]")


def find_quotes(text: str, pack: LanguagePack) -> list[tuple[int, int]]:
    """Spans of quotations including their marks; an unclosed quote runs to paragraph end."""
    openers = {o: c for o, c in pack.quote_pairs}
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    seek = _opener_pattern(pack)
    while i < n:
        found = seek.search(text, i)
        if found is None:
            break
        i = found.start()
        ch = text[i]
        close = openers[ch]
        if ch == close and i and text[i - 1].isalnum():
            i += 1
            continue
        para_end = text.find("\n", i)
        para_end = n if para_end < 0 else para_end
        j = text.find(close, i + 1, para_end)
        while j > 0 and ch == close and j + 1 < n and text[j + 1].isalnum():
            j = text.find(close, j + 1, para_end)  # a straight quote glued to a word is not a closer
        if close != STRAIGHT and STRAIGHT in openers:
            k = _straight_closer(text, i + 1, j if j > 0 else para_end)
            j = k if k > 0 else j  # '“… the world," he said': typed with mixed marks
        if j < 0:
            if para_end - i > 20:
                spans.append((i, para_end))
            i = para_end
            continue
        spans.append((i, j + 1))
        i = j + 1
    return spans


STRAIGHT = '"'


def _straight_closer(text: str, start: int, end: int) -> int:
    """The first straight double quotation mark in [start, end) that closes (a word or
    punctuation before it, none after), else -1."""
    k = text.find(STRAIGHT, start, end)
    while k > 0 and (text[k - 1].isspace() or (k + 1 < len(text) and text[k + 1].isalnum())):
        k = text.find(STRAIGHT, k + 1, end)
    return k


NUMBER_RE = re.compile(r"\d[\d.,]*$")
TITLE_CASE_WORDS, TITLE_CASE_SHARE = 4, 0.8
PAREN_WORDS = 5  # "(CDU)", "(D-R.I.)": an aside this short stays inside its phrase


class SentenceView:
    """Token-level helpers over one sentence."""

    def __init__(self, tokens: list[Token], sent: Sentence, pack: LanguagePack) -> None:
        self.toks = tokens[sent.first : sent.last]
        self.sent = sent
        self.pack = pack
        self.low = [t.lower for t in self.toks]
        words = [t.text for t in self.toks if t.text[:1].isalpha()]
        # a headline in title case ("Christie Says He Would Issue A Quarantine"), where nouns are
        # not capitalised otherwise: a capitalised verb form may be a cue
        self.title_case = not pack.capitalised_nouns and len(words) >= TITLE_CASE_WORDS and sum(
            w[:1].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Char span of local tokens [a, b), with quotes and edge punctuation trimmed."""
        while a < b and self.toks[a].text in BOUNDARY | QUOTE_CHARS and not self._opens_within(a, b):
            a += 1
        while b > a and self.toks[b - 1].text in BOUNDARY | END_PUNCT | QUOTE_CHARS \
                and not self._closes_within(a, b - 1):
            b -= 1
        if a >= b:
            return (0, 0)
        return (self.toks[a].start, self.toks[self._through_closer(a, b) - 1].end)

    def _through_closer(self, a: int, b: int) -> int:
        """End b, or past the mark that closes a quotation opened in [a, b) when only punctuation
        stands before it ('called the lines "unacceptable."': the content keeps its quotation)."""
        j = b
        while j < len(self.toks) and j < b + 2 and self.toks[j].text in END_PUNCT | {","}:
            j += 1
        closes = b < j < len(self.toks) and self.toks[j].text in QUOTE_CHARS and self._closes_within(a, j)
        return j + 1 if closes else b

    def _opens_within(self, a: int, b: int) -> bool:
        """Token a opens a quotation that closes inside [a, b): '„No-Go-Areas“ dürfe es …' keeps
        its opening mark."""
        closers = {c for o, c in self.pack.quote_pairs if o == self.toks[a].text and o != c}
        return bool(closers) and any(self.toks[i].text in closers for i in range(a + 1, b))

    def _closes_within(self, a: int, j: int) -> bool:
        """Token j closes a quotation or aside opened in [a, j): 'der „Spiegel“' and 'Eva Roth
        (SPD)' keep their closing mark."""
        mark = self.toks[j].text
        if any(o == c == mark for o, c in self.pack.quote_pairs):  # straight: an odd count before
            return sum(self.toks[i].text == mark for i in range(a, j)) % 2 == 1
        openers = {o for o, c in self.pack.quote_pairs + (("(", ")"),) if c == mark and o != c}
        return bool(openers) and any(self.toks[i].text in openers for i in range(a, j))

    def is_verb_form(self, i: int) -> bool:
        """Lower-case (or sentence-initial) form listed as a speech verb."""
        if self.low[i] not in self.pack.speech_verbs:
            return False  # most words: the checks below only rule a listed form out
        if self.pack.cue_idioms and _in_idiom(self, i):
            return False  # "kurz gesagt", "think tank"
        tok = self.toks[i].text
        if tok[:1].isupper() and not self.title_case and (
                (i > 0 and self.toks[i - 1].text not in QUOTE_CHARS) or (i == 0 and self.pack.verb_second)):
            return False  # verb-second: a capitalised first word is a noun ("Berichten zufolge")
        if not self.pack.capitalised_nouns and i > 0 and (
                self.low[i - 1] in self.pack.determiners or self._possessor(i - 1)):
            return False  # "the report", "a question", "Clinton's call": a noun, not a verb
        if not self.pack.capitalised_nouns and i > 0 and self.low[i - 1] in self.pack.prepositions \
                and self.low[i - 1] != self.pack.infinitive_marker \
                and not self.low[i].endswith(self.pack.participle_suffixes):
            return False  # "a lead in pledged delegates": an adjective (not "by tweeting")
        if self.pack.capitalised_nouns and 0 < i < len(self.toks) - 1 and (
                self._attributive(i) or self._ends_attribute(i)):
            return False  # "dem veröffentlichten Artikel": an adjective before its noun
        if self.low[i] in self.pack.weak_cue_forms and not self._verbal_frame(i):
            return False
        if self.low[i] in self.pack.reflexive_cues and not (
                i + 1 < len(self.low) and self.low[i + 1] in self.pack.reflexives) \
                and not (self.low[i] in self.pack.separable and _particle(self, i) is not None):
            return False  # "zeigte ein Bild", not "zeigte sich zufrieden" or "gibt … an"
        # a passive participle before its auxiliary where verbs go last ("… angeboten werde") is
        # no cue; English puts the auxiliary first ("what analysts said was a sign": a cue)
        return not (self.pack.verb_second and i + 1 < len(self.low)
                    and self.low[i + 1] in self.pack.passive_auxiliaries)

    def telling(self, i: int) -> bool:
        """The verb at i is a verb of telling (its lemma in the pack's `addressee_verbs`)."""
        return self.pack.speech_verbs.get(self.low[i]) in self.pack.addressee_verbs

    def _attributive(self, i: int) -> bool:
        """A verb form between an article (and an adverb: "eine oft beklagte Lücke") and a
        capitalised noun is an adjective; so is an inflected one after a preposition or a
        lower-case adverb ("in einer jetzt veröffentlichten Botschaft": a finite verb never
        follows an adverb that way)."""
        prev, pack = self.low[i - 1], self.pack
        if not self.toks[i + 1].text[:1].isupper():
            return False
        if prev in pack.determiners or prev in pack.contracted_articles:
            return True
        before = self.low[i - 2] if i > 1 else ""
        if (before in pack.determiners or before in pack.object_words or before in pack.contracted_articles) \
                and (self._modifier(i - 1) or prev.isdigit()):
            return True  # "eine oft beklagte Lücke", "ihrem 2009 veröffentlichten Roman"
        inflected = self.low[i].endswith(_long_adjective_endings(pack))
        return inflected and (prev in pack.prepositions or (
            self._modifier(i - 1) and prev not in pack.conjunctions and prev not in pack.reflexives
            and prev not in pack.subordinators and prev not in pack.relative_pronouns))

    def _possessor(self, j: int) -> bool:
        """A possessive noun ("Clinton's", "the party's"), not a contracted pronoun ("he's")."""
        low, pack = self.low[j], self.pack
        if not low.endswith(pack.possessive_endings) or len(low) < 3:
            return False
        stem = low[:-2] if low[-2:] in pack.possessive_endings else low[:-1]
        return stem not in pack.pronouns and stem not in pack.relative_pronouns

    def leads_verb(self, j: int) -> bool:
        """An auxiliary, verb marker or (by the pack's suffixes) adverb that may stand right before
        a verb of speaking ("has repeatedly said", "hatten erklärt"): part of the cue, not of
        the source."""
        low, pack = self.low[j], self.pack
        return low in pack.clause_verbs or low in pack.verb_markers or low in pack.adverb_verb_forms or (
            self.toks[j].text[:1].islower() and low.endswith(pack.adverb_suffixes))

    def group_start(self, i: int) -> int:
        """First token of the verb group ending at the verb at i: the auxiliaries, verb markers
        and adverbs right before it (`leads_verb`)."""
        while i > 0 and self.leads_verb(i - 1):
            i -= 1
        return i

    def _verbal_frame(self, i: int) -> bool:
        """Right after a pronoun or a verb marker ("he states", "to report"), or right before a
        complementiser, colon or comma ("states that", "said:")."""
        prev = self.low[i - 1] if i > 0 else ""
        nxt = self.low[i + 1] if i + 1 < len(self.low) else ""
        before = self.toks[i - 1].text if i > 0 else ""  # '"…," Trump continued:', not "largest state,"
        named = (before[:1].isupper() and prev not in self.pack.time_words) or before in QUOTE_OR_COMMA
        return (prev in self.pack.pronouns or prev in self.pack.verb_markers
                or nxt in self.pack.complementizers or (nxt in {":", ","} and named))

    def next_boundary(self, i: int) -> int:
        for j in range(i, len(self.toks)):
            if self.low[j] in BOUNDARY or self.low[j] in END_PUNCT:
                return j
        return len(self.toks)

    def prev_boundary(self, i: int) -> int:
        j = i - 1
        while j >= 0:
            if self.low[j] == ")" and (k := self._paren_open(j)) is not None:
                j = k - 1  # "Thomas de Maizière (CDU) hat …": a short aside is no boundary
                continue
            if self.low[j] in BOUNDARY or self.low[j] in self.pack.complementizers:
                return j + 1
            if self.low[j] in END_PUNCT:  # '"… NOW!" Trump said': a quotation ends before
                while j + 1 < i and self.toks[j + 1].text in QUOTE_CHARS:
                    j += 1
                return j + 1
            j -= 1
        return 0

    def _paren_open(self, j: int) -> int | None:
        """Index of the "(" that opens a short aside closed at j, right after a word."""
        for k in range(j - 1, max(-1, j - 1 - PAREN_WORDS), -1):
            if self.low[k] == "(":
                return k if k > 0 and self.low[k - 1] not in BOUNDARY else None
            if self.low[k] in BOUNDARY:  # a full stop may stand in it: "(D-Va.)"
                return None
        return None

    def noun_phrase_after(self, i: int) -> tuple[int, int]:
        """Source phrase starting at i: determiners, adjectives, names, genitive tails."""
        end = self.next_boundary(i)
        j = self._extended_attribute(i, end)
        if j == i < len(self.toks) and self.low[i] in self.pack.pronouns:
            return i, i + 1  # "er", "she": a pronoun is the whole phrase
        head_seen = False
        genitive = self.pack.genitive_determiners
        while j < end and self._np_token(j):
            if head_seen and self._modifier(j) and not self._modifier(j - 1) \
                    and self.low[j - 1] not in self.pack.determiners and not self._title(j, end):
                break  # after the head noun only a genitive or apposition may follow
            if head_seen and genitive and self.low[j] in self.pack.determiners and (
                    self.low[j] not in genitive or self.toks[min(j + 1, end - 1)].text in QUOTE_CHARS
                    or all(self._person_name(k) for k in range(i, j))):
                break  # "Lindqvist dem Sender", "Lindqvist der „Bild“", "Vollrath der Deutschen
                # Presse-Agentur": the addressee (a bare name takes no genitive; "des Gouverneurs
                # X der Provinz" does)
            if head_seen and NUMBER_RE.match(self.toks[j].text) \
                    and not NUMBER_RE.match(self.toks[j - 1].text):
                break  # "laut einem Artikel der Agentur 900 Menschen": a figure starts a new phrase
            head_seen = head_seen or self.toks[j].text[:1].isupper() or bool(
                self.pack.capitalised_nouns and JOINED_NAME_RE.match(self.toks[j].text))
            j += 1
        determiner = j > i and self.low[j - 1] in self.pack.determiners  # "der „Deutsche Fußball-Bund“"
        if (head_seen or determiner) and j < end and self.toks[j].text in _openers(self.pack):
            j = self._quoted_title_end(j)  # "des Fachmagazins „Automobilwoche“"
        if head_seen and j == end and j < len(self.toks) and self.low[j] == "(":
            close = next((k for k in range(j + 1, min(len(self.toks), j + PAREN_WORDS + 2))
                          if self.low[k] == ")"), None)
            if close is not None and self._paren_open(close) == j:
                j = close + 1  # "Eva Roth (SPD)", "Sen. Jack Reed (D-R.I.)"
        if head_seen and j < end and self.low[j] in self.pack.genitive_prepositions:
            k, e = self.noun_phrase_after(j + 1)  # "der Bürgermeister von Christchurch"
            if e > k and any(t.text[:1].isupper() for t in self.toks[k:e]):
                j = e
        return i, j

    def _extended_attribute(self, i: int, end: int) -> int:
        """Where an article opens a phrase whose adjective carries its own phrase ("einer am
        Dienstag veröffentlichten Mitteilung"), the position after that adjective; else i."""
        pack = self.pack
        if not pack.adjective_endings or i + 2 >= end or self.low[i] not in pack.determiners or not (
                self.low[i + 1] in pack.prepositions or self.low[i + 1] in pack.contracted_articles):
            return i
        for k in range(i + 2, min(end - 1, i + ATTRIBUTE_WORDS)):
            if self._modifier(k) and self.low[k].endswith(pack.adjective_endings) \
                    and self.toks[k + 1].text[:1].isupper():
                return k + 1
        return i

    def _ends_attribute(self, i: int) -> bool:
        """The form at i is the adjective of an attribute with its own phrase ("Der von der
        Zeitung zitierte Experte sagte"), not a verb."""
        n = len(self.toks)
        return any(self.low[d] in self.pack.determiners and self._extended_attribute(d, n) == i + 1
                   for d in range(max(0, i - ATTRIBUTE_WORDS), i - 1))

    def _person_name(self, k: int) -> bool:
        """Token k is a name by the lexicon (not a noun such as "Sprecher" that a genitive may
        follow)."""
        proper = self.pack.proper_noun
        return proper is not None and self.toks[k].text[:1].isupper() \
            and self.low[k] not in self.pack.role_nouns and proper(self.toks[k].text)

    def _quoted_title_end(self, j: int) -> int:
        """After a short quoted title opened at j that starts capitalised ("„Bild am Sonntag“") or
        with a joined name ("„tagesschau.de“"), else j."""
        for k in range(j + 1, min(len(self.toks), j + NAME_WORDS + 2)):
            if self.toks[k].text in QUOTE_CHARS:
                inner = self.toks[j + 1 : k]
                first = inner[0].text if inner else ""
                named = first[:1].isupper() or bool(JOINED_NAME_RE.match(first))
                ok = named and not any(t.text in END_PUNCT or t.text in BOUNDARY for t in inner)
                return k + 1 if ok else j
        return j

    def _title(self, j: int, end: int) -> bool:
        """A role noun between an organisation and a name: "Treasury spokesman Tom Reed"."""
        return self.low[j] in self.pack.role_nouns and j + 1 < end and self.toks[j + 1].text[:1].isupper()

    def is_finite(self, j: int) -> bool:
        """A finite auxiliary or a subjunctive form ("habe", "sei", "has")."""
        return self.low[j] in self.pack.clause_verbs or self.low[j] in self.pack.subjunctive

    def _modifier(self, j: int) -> bool:
        """A lower-case word that is neither determiner nor pronoun (adjective-like)."""
        low = self.low[j]
        return self.toks[j].text[:1].islower() and low not in self.pack.determiners \
            and low not in self.pack.pronouns

    def _np_token(self, j: int) -> bool:
        tok, low = self.toks[j].text, self.low[j]
        if low in self.pack.speech_verbs and not tok[:1].isupper():
            return False
        if low in self.pack.clause_verbs or low in self.pack.complementizers:
            return False
        if low in self.pack.pronouns or low in self.pack.determiners:
            return True
        if tok[:1].isupper() or tok[:1].isdigit():
            return True
        if self.pack.capitalised_nouns and JOINED_NAME_RE.match(tok):
            return True  # "der Sender al-Dschasira"
        if self.pack.capitalised_nouns:
            # adjectives inside a German NP: lower-case inflected forms before a capitalised word
            return low.endswith(self.pack.adjective_endings) and self._followed_by_noun(j)
        return low in self.pack.np_joiners or low.isalpha() and self._followed_by_noun(j)

    def starts_phrase(self, j: int) -> bool:
        """Token j goes on with a noun phrase after an article: a noun or, with the pack's
        adjective endings, an adjective ("die afghanischen …", not "die es …", "der davon …")."""
        low = self.low[j]
        if self.toks[j].text[:1].isupper():
            return True
        return low.isalpha() and low not in self.pack.pronouns and low.endswith(self.pack.adjective_endings)

    def _followed_by_noun(self, j: int) -> bool:
        for k in range(j + 1, min(j + 4, len(self.toks))):
            if self.toks[k].text[:1].isupper():
                return True
            if self.low[k] in BOUNDARY or self.low[k] in END_PUNCT:
                return False
        return False


def _particle(view: SentenceView, i: int) -> int | None:
    """Index of the separable particle that completes the verb at i, if the pack requires one."""
    needed = view.pack.separable.get(view.low[i])
    if not needed:
        optional = view.pack.optional_particles.get(view.low[i])
        end = view.next_boundary(i + 1)
        if end - 1 > i and view.low[end - 1] in view.pack.other_verb_particles.get(view.low[i], ()):
            return None  # "sagte das Konzert ab": another verb
        # "forderte die SPD auf, …": a particle that may complete it, at the clause end
        return end - 1 if optional and end - 1 > i and view.low[end - 1] in optional else -1
    start = i + 1
    for step in range(3):  # "teilte der Direktor, Bagus Puruhito, mit": past appositions
        end = view.next_boundary(start)
        if end > start and view.low[end - 1] in needed:
            return end - 1  # at the clause end: "sprach sich für eine Unabhängigkeit von X aus"
        for j in range(start, end):  # inside ("hieß es am Montag"), unless it opens a phrase
            if view.low[j] in needed and not _opens_phrase(view, j + 1, end):
                return j  # as an article or preposition does ("wenden sich an ein Gericht")
        if end >= len(view.toks) or view.low[end] != "," or (step and not _apposition(view, start, end)):
            return None
        start = end + 1
    return None


def _fronted_object(view: SentenceView, a: int, verb: int) -> bool:
    """Tokens [a, verb) are a noun phrase (an article or capitalised word first, no preposition,
    time word or clause word in it): before a verb and its pronoun subject, an object."""
    low, pack = view.low, view.pack
    if not (low[a] in pack.determiners or view.toks[a].text[:1].isupper()) or not _phrase(view, a, verb):
        return False
    adjunct = pack.prepositions | pack.contracted_articles | pack.time_words
    return not any(low[j] in adjunct for j in range(a, verb))


def _opens_phrase(view: SentenceView, j: int, end: int) -> bool:
    """Token j (before `end`) begins a noun phrase: a capitalised word, a figure or a determiner."""
    return j < end and (view.toks[j].text[:1].isupper() or view.toks[j].text[:1].isdigit()
                        or view.low[j] in view.pack.determiners)


def _source_before(view: SentenceView, verb: int) -> tuple[int, int]:
    """The subject before a verb of speaking: from the clause start, after any earlier verb of
    speaking ("Alvarez said she expected": she) and a leading conjunction ("and Alvarez")."""
    start = view.prev_boundary(verb)
    a, b = start, verb
    a = max([a] + [j + 1 for j in range(a, verb) if view.is_verb_form(j) or (
        _opens_clause(view, j) and not all(view.leads_verb(k) for k in range(j + 1, verb))) or (
        view.toks[j].text in _closers(view.pack) and view.toks[j + 1].text[:1].isupper()
        and j > 0 and view.toks[j - 1].end == view.toks[j].start  # not an opening '"' ('der "Zeit"')
        and not _quoted_name_before(view, j))])  # '“…” Grubbs said': after a closed quotation
    while a < b and view.low[a] in view.pack.conjunctions:
        a += 1
    b = max(a, view.group_start(b))  # "He has also suggested", "De Blasio repeatedly said"
    if b - 1 > a and view.low[b - 1] in view.pack.conjunctions:
        b = view.noun_phrase_after(a)[1]  # "Der Mann biss zu und rief": the shared subject
        if b > a and view.low[b - 1] in view.pack.determiners and not view.pack.capitalised_nouns:
            b = _lower_case_head(view, b)  # "The judge rubbed his chin and said"
    if b - a > 1 and view.low[b - 1] in view.pack.pronouns and view.low[b - 1] not in view.pack.object_words:
        a = b - 1  # "including provisions he said": the pronoun right before the verb
    elif b - a > 1 and _relative_at(view, b - 1):
        a, b = _antecedent(view, a, b - 1)  # "several women who said": the women
    if b - a > 10:
        a = b - 10
    if not view.pack.capitalised_nouns and b - a > 1 and view.low[a] in view.pack.prepositions:
        a = _last_name(view, a, b)  # "At the moment Sanders announced": a fronted phrase
    return a, b


def _antecedent(view: SentenceView, a: int, b: int) -> tuple[int, int]:
    """The noun phrase that ends [a, b) before a relative pronoun: back over the words a noun
    phrase is made of, to its determiner or first name word."""
    low, pack, j = view.low, view.pack, b
    while j > a and low[j - 1].isalnum() and low[j - 1] not in pack.prepositions \
            and not _reads_as_verb(view, j - 1) and low[j - 1] not in pack.complementizers \
            and low[j - 1] not in pack.conjunctions:
        j -= 1
        if low[j] in pack.determiners:
            break
    return (j, b) if j < b else (a, b)


def _last_name(view: SentenceView, a: int, b: int) -> int:
    """Start of the run of capitalised words that ends [a, b), else its last word."""
    k = b
    while k > a + 1 and view.toks[k - 1].text[:1].isupper():
        k -= 1
    return k if k < b else b - 1


def _opens_clause(view: SentenceView, j: int) -> bool:
    """A subordinator (also "da" before a noun phrase) or a relative pronoun that is no article
    and has a subject of its own ("which Trump had called"; not "the man who was arrested said")."""
    low, pack = view.low[j], view.pack
    return low in pack.subordinators or (
        low in pack.relative_pronouns and low not in pack.determiners
        and not (j + 1 < len(view.toks) and view.leads_verb(j + 1))) or _phrase_subordinator_at(view, j)


def _phrase_subordinator_at(view: SentenceView, j: int) -> bool:
    """A word of the pack's `phrase_subordinators` before a noun phrase opens a clause ("…, da
    dieser …": because); before a verb it is an adverb ("Da sei nichts zu machen")."""
    low, pack = view.low, view.pack
    return low[j] in pack.phrase_subordinators and j + 1 < len(low) \
        and (low[j + 1] in pack.pronouns or low[j + 1] in pack.determiners)


def verb_claims(view: SentenceView) -> list[Draft]:
    """Claims introduced by a speech verb: content clause before or after the cue."""
    drafts: list[Draft] = []
    n = len(view.toks)
    comma = _fronted_question(view)
    if comma is not None:  # "Asked if he was bullied, the candidate said no."
        drafts.append(Draft("indirect", [view.span(1, comma)], [], [view.span(0, 1)], view.sent.index, 0.5))
    for i in range(n):
        if not view.is_verb_form(i) or _bare_infinitive(view, i) or (comma is not None and i == 0) \
                or _adverb_here(view, i):
            continue
        part = _particle(view, i)
        if part is None and i + 1 < n and (view.low[i + 1] == ":" or view.toks[i + 1].text in QUOTE_CHARS
                                           or (view.low[i] in view.pack.reflexive_cues
                                               and view.low[i + 1] in view.pack.reflexives)):
            part = -1  # "rief: „Lasst mich raus!“", "gibt sich zuversichtlich": no particle needed
        if part is None:
            continue
        cue, reflexive = _verb_cue(view, i, part)
        conjoined = _after_conjunction(view, i)
        shared = conjoined or _participle(view, i)
        d = _shared_subject_claim(view, i, part, cue, drafts, conjoined) if shared else None
        if d is None and (not shared or view.pack.verb_second):
            # where verbs go second, a verb whose shared subject is not found reads as any other
            d = _back_reference(view, i, cue) if i == 1 and view.low[0] in view.pack.anaphoric_objects \
                else _shape_claim(view, i, max(i + reflexive, part), cue)
        if d:
            d.cue[0] = (min(d.cue[0][0], view.toks[_cue_start(view, i, d)].start), d.cue[0][1])
            d.cue.sort()
            _source_out_of_cue(view, d, max(i + reflexive, part))
            drafts.append(d)
    return drafts


def _source_out_of_cue(view: SentenceView, d: Draft, verb_end: int) -> None:
    """A source read inside the cue is the verb's expletive particle ("…, heißt es."): nobody
    is named, unless a phrase after it says where it stands or whence it came (pack
    `source_prepositions`: "…, hieß es in dem Bericht", "hieß es am Montag aus dem Ministerium")."""
    if not d.source or not all(any(a <= s and e <= b for a, b in d.cue) for s, e in d.source):
        return
    low, pack, k, n = view.low, view.pack, verb_end + 1, len(view.low)
    d.source = []
    while k < n and (low[k] in pack.time_words or (k + 1 < n and low[k] in pack.contracted_articles
                                                   and low[k + 1] in pack.time_words)
                     or (view._modifier(k) and low[k] not in pack.prepositions
                         and low[k] not in pack.contracted_articles and low[k] not in BOUNDARY)):
        k += 1  # "hieß es am Montag aus dem Ministerium", "hieß es zuletzt aus Berlin"
    if k < n and low[k] in pack.source_prepositions:
        a, b = view.noun_phrase_after(k + 1)
        if b > a:
            d.source = [view.span(a, b)]


def _adverb_here(view: SentenceView, i: int) -> bool:
    """A verb form that is also an adverb (pack `adverb_verb_forms`): after a finite verb of
    its clause and with more of the clause after it ("hat wiederholt betont", "hat es
    wiederholt Unfälle gegeben"; not "Er wiederholt seine Kritik", "hat sie wiederholt."), or
    before the one lower-case word that ends its clause ("spielten ausgesprochen defensiv.")."""
    low, n = view.low, len(view.low)
    if low[i] not in view.pack.adverb_verb_forms or i + 1 >= n or low[i + 1] in BOUNDARY \
            or low[i + 1] in END_PUNCT or low[i + 1] in view.pack.complementizers:
        return False
    last = i + 2 >= n or low[i + 2] in BOUNDARY or low[i + 2] in END_PUNCT
    return any(view.is_finite(j) for j in range(view.prev_boundary(i), i)) or (
        last and view.toks[i + 1].text[:1].islower())  # "spielten ausgesprochen defensiv."


def _in_idiom(view: SentenceView, i: int) -> bool:
    """The verb at i stands in one of the pack's `cue_idioms`, where it reports nothing ("kurz
    gesagt", "Rosinenbomber nannte man …", "– auch Pendlerpauschale genannt –")."""
    return in_phrase(view.low, i, view.pack.cue_idioms)


def in_phrase(low: list[str], i: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Word i of the lower-cased words stands inside an occurrence of one of the fixed phrases."""
    return any(i >= k and tuple(low[i - k : i - k + len(phrase)]) == phrase
               for phrase, k in _phrases_by_word(phrases).get(low[i], ()))


@functools.cache
def _phrases_by_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[tuple[str, ...], int]]]:
    """Fixed phrases by each of their words, with the word's place in the phrase."""
    out: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for phrase in phrases:
        for k, word in enumerate(phrase):
            out.setdefault(word, []).append((phrase, k))
    return out


def _fronted_question(view: SentenceView) -> int | None:
    """'Asked if he was bullied, …', 'Asked about it, …': a sentence that opens with a verb of
    speaking and a clause or topic it asks, ending at a comma; the comma's index."""
    low, pack = view.low, view.pack
    if len(low) < 5 or not view.is_verb_form(0) or not (
            low[1] in pack.complementizers or low[1] in pack.subordinators or low[1] in pack.cue_particles
            or low[1] in pack.relative_pronouns):
        return None
    return next((j for j in range(2, min(len(low) - 2, 2 + ADJUNCTS_BEFORE_CLAUSE)) if low[j] == ","), None)


def _bare_infinitive(view: SentenceView, i: int) -> bool:
    """The verb at i follows the infinitive marker ("begged reporters to ask", "requested
    anonymity to reveal"): no cue of its own, unless an auxiliary's verb group leads to it
    ("has been working to emphasize": the whole group is the cue)."""
    low = view.low
    if not i or low[i - 1] != view.pack.infinitive_marker:
        return False
    return not (i > 2 and low[i - 2].endswith(view.pack.participle_suffixes)
                and any(view.is_finite(j) for j in range(max(0, i - 5), i - 2)))


def _verb_cue(view: SentenceView, i: int, part: int) -> tuple[list, bool]:
    """The cue spans of the verb at i with its particle at `part` (-1: none): a reflexive right
    after it ("äußerte sich") and the adverbs before the particle ("geht davon aus") belong to
    it; also whether a reflexive follows."""
    toks, low = view.toks, view.low
    reflexive = i + 1 < len(toks) and low[i + 1] in view.pack.reflexives
    cue = [(toks[i].start, toks[i + reflexive].end)]
    if part >= 0:
        cue += [(toks[j].start, toks[j].end) for j in range(i + 1, part) if low[j] in view.pack.cue_adverbs]
        cue.append((toks[part].start, toks[part].end))
    return cue, reflexive


def _shared_subject_claim(view: SentenceView, i: int, part: int, cue: list,
                          drafts: list[Draft], conjoined: bool) -> Draft | None:
    """The claim of a participle or a verb after ", but" (`conjoined`: `_after_conjunction`)
    with the sentence's subject; it ends the claim before it at its comma ("…, adding that …")."""
    subject = _main_subject(view, i, drafts)
    d = _content_after(view, i, max(i, part), cue, subject) if subject else None
    cut = _comma_before(view, i)
    if cut is None and conjoined:
        cut = view.group_start(i) - 1  # "said … and criticized him": before the conjunction
    if d and drafts and cut is not None:
        _end_before(drafts[-1], view.toks[cut - 1].end)
    return d


def _back_reference(view: SentenceView, verb: int, cue: list) -> Draft | None:
    """'Dies bestätigte der Vatikan.' / 'Das teilte die Polizei mit.': the subject follows the
    verb, and the content is the sentence before (filled in by the engine)."""
    a, b = _subject_between(view, verb)
    if b == a:
        return None
    return Draft("indirect", [], [view.span(a, b)], cue, view.sent.index, 0.55, refers_back=True)


def _participle(view: SentenceView, i: int) -> bool:
    """A present participle after a comma, preposition or subordinator ("…, adding that", "by
    tweeting that"): it has no subject of its own."""
    pack = view.pack
    prev = view.low[i - 1] if i > 1 else ""
    return bool(pack.participle_suffixes) and view.low[i].endswith(pack.participle_suffixes) and (
        prev == "," or prev in pack.prepositions or prev in pack.subordinators)


def _comma_before(view: SentenceView, i: int) -> int | None:
    """The comma right before the verb group at i, or before its conjunction ("…, but told")."""
    j = view.group_start(i)
    j -= j > 1 and view.low[j - 1] in view.pack.conjunctions
    return j - 1 if j > 0 and view.low[j - 1] == "," else None


def _end_before(d: Draft, cut: int) -> None:
    """End a claim's content at `cut` (the comma before "…, calling it …")."""
    if d.content and d.content[0][0] < cut < d.content[-1][1]:
        d.content = [(s, min(e, cut)) for s, e in d.content if s < cut]


def _after_conjunction(view: SentenceView, i: int) -> bool:
    """A verb right after a comma and a conjunction, where the subject is never inverted ("He
    endorsed Clinton, but told the Post that …"): it shares the sentence's subject."""
    j, low, pack = view.group_start(i), view.low, view.pack
    if pack.verb_second:
        return _shared_second_verb(view, i, j)
    if j < 2 or low[j - 1] not in pack.conjunctions:
        return False
    # without a comma too when a verb of speaking stands before it ("said … and criticized him")
    return low[j - 2] == "," or _cue_before(view, j - 1)


def _shared_second_verb(view: SentenceView, i: int, j: int) -> bool:
    """Where verbs go second, a finite verb right after a conjunction that follows a clause with
    its own finite verb ("stellte die Arbeit ein und empfahl …"), or after a comma with a
    conjunction right after it ("…, sagte aber, …"), has no subject of its own."""
    low, pack = view.low, view.pack
    if j >= 2 and low[j - 1] in pack.conjunctions and low[j - 1] not in pack.subordinators:
        return any(view.is_finite(f) or view.is_verb_form(f) or _verb_like(view, f) for f in range(1, j - 1))
    return j >= 2 and low[j - 1] == "," and i + 2 < len(view.toks) and low[i + 1] in pack.conjunctions \
        and low[i + 2] == ","


def _cue_before(view: SentenceView, conj: int) -> bool:
    """A verb of speaking before the conjunction at `conj` ("said … and criticized him"): the
    verb after it is the subject's second statement."""
    return any(view.is_verb_form(j) for j in range(conj))


def _main_subject(view: SentenceView, i: int, drafts: list[Draft]) -> tuple[int, int] | None:
    """Token range of the subject a participle at i shares: the source of the sentence's claim
    before it, else the subject of the sentence's first verb when no quotation precedes it."""
    if drafts and drafts[-1].source:
        a, b = drafts[-1].source[0][0], drafts[-1].source[-1][1]
        toks = [j for j, t in enumerate(view.toks) if a <= t.start and t.end <= b]
        return (toks[0], toks[-1] + 1) if toks else None
    for f in range(1, i - 1):
        if view.toks[f].text in QUOTE_CHARS:
            return None
        if view.is_verb_form(f) or view.is_finite(f) or (view.pack.verb_second and _verb_like(view, f)):
            a, b = _source_before(view, f)
            if view.pack.verb_second and a == 0 and (
                    view.low[0] in view.pack.prepositions or view.low[0] in view.pack.contracted_articles):
                found = _subject(view, f, f, [view.span(f, f + 1)], None)  # "Nach dem Flug lenkte er …"
                return found[:2] if found and found[1] < i else None
            return (a, b) if a < b and a == 0 else None
    pack = view.pack
    if view.low[0] in _adverbs_first(pack):
        return None  # "In May, …", "However, …"
    a, b = view.noun_phrase_after(0)  # "Mayor Lena Ruiz closed the port, saying …"
    if b > a and view.low[b - 1] in pack.determiners and not pack.capitalised_nouns:
        b = _lower_case_head(view, b)  # "The judge rubbed his chin, and then said …"
    return (a, b) if b > a and view.low[b - 1] not in pack.determiners else None


def _lower_case_head(view: SentenceView, j: int) -> int:
    """Past the lower-case words after a determiner where nouns are not capitalised, up to the
    first word that reads as a verb (a verb of speaking, an auxiliary or marker, a past form
    by the pack's `past_participle_suffixes`) or a preposition."""
    k = j
    while k < len(view.low) and view.low[k].isalpha() and view.toks[k].text[:1].islower() \
            and not (_reads_as_verb(view, k) or view.low[k] in view.pack.prepositions):
        k += 1
    return k if k - j <= NAME_WORDS else j


def _reads_as_verb(view: SentenceView, k: int) -> bool:
    """A lower-case word that reads as a verb where nouns are not capitalised: a verb of speaking,
    an auxiliary or marker, or a past form by the pack's `past_participle_suffixes` ("arrested")."""
    low, pack = view.low[k], view.pack
    return view.is_verb_form(k) or view.leads_verb(k) or low in pack.clause_verbs or (
        bool(pack.past_participle_suffixes) and view.toks[k].text[:1].islower()
        and low.endswith(pack.past_participle_suffixes))


def _cue_start(view: SentenceView, verb: int, d: Draft) -> int:
    """First token of the cue: auxiliaries and adverbs right before the verb belong to it ("has
    repeatedly said", "hatten erklärt"), as both datasets mark cues; never into the source."""
    j = view.group_start(verb)
    source_end = max((e for _, e in d.source if e <= view.toks[verb].start), default=-1)
    while j < verb and view.toks[j].start < source_end:
        j += 1
    return j


def _shape_claim(view: SentenceView, verb: int, verb_end: int, cue: list) -> Draft | None:
    """The claim a verb of speaking at `verb` (its particle at `verb_end`) introduces: after a
    subject with a relative clause or apposition, with the content before the cue ("…, sagte
    X.", '"…," said X'), or with the subject before and the content after it."""
    low, pack = view.low, view.pack
    rel = _relative_clause_subject(view, verb)
    if rel and low[rel[0]] in pack.object_words:  # "Den IWF, der …, forderte die Partei auf":
        d = _content_after(view, verb, verb_end, cue)  # an object; the subject follows the verb
        if d is None and (d := _after_relative_subject(view, verb, verb_end, cue, rel)):
            d.addressee, d.source = d.source, []  # "Dem Berater X, einem …, wird vorgeworfen, …"
        return d
    # "When …, X, a …, said"; "On Monday, X, a …, said"
    after_clause = rel and rel[0] > 0 and low[rel[0] - 1] == "," and (
        low[0] in pack.subordinators or _fronted_adjuncts(view, rel[0] - 1))
    if rel and rel[0] > 0 and not after_clause:  # '"…," Jane Roe, a nurse, said': the quotation
        return _content_before(view, verb, verb_end, cue, rel)  # is the content
    if rel:
        aux = _aux_over_time(view, view.group_start(verb))
        if aux:  # "X, der …, hatte am Montag erklärt": "hatte … erklärt"
            cue = cue + [view.span(*aux)]
        act = _content_after(view, verb, verb_end, cue, rel)  # "X, Präsident der Y, kritisierte den Plan"
        if act and act.kind == "reported":
            return act
        return _after_relative_subject(view, verb, verb_end, cue, rel)
    # "as X reported," before the cue is not a content: "Wie VNA meldete, nannte er …"; inside
    # a quotation it is ('"As far as …," X said')
    as_at = 0 if low[0] in pack.as_markers else 1 if (
        len(low) > 1 and low[1] in pack.as_markers and view.toks[0].text not in QUOTE_CHARS) else None
    as_clause = as_at is not None and (pack.verb_second or _reports_before_comma(view, as_at + 1, verb))
    closed = verb and view.toks[verb - 1].text in _closers(pack) and not _quoted_name_before(view, verb - 1)
    if verb and not as_clause and (low[verb - 1] in {",", ":"} or closed) \
            and not _clause_after(view, verb_end):
        return _content_before(view, verb, verb_end, cue)
    return _content_after(view, verb, verb_end, cue)


def _reports_before_comma(view: SentenceView, a: int, verb: int) -> bool:
    """A verb of speaking stands in [a, verb) before the first comma: an English "as" clause that
    reports ("As the Times reported, …"; not "Even as the race moves on, …")."""
    for j in range(a, verb):
        if view.low[j] == ",":
            return False
        if view.is_verb_form(j):
            return True
    return False


def _clause_after(view: SentenceView, verb_end: int) -> bool:
    """Where subjects come first, a noun phrase right after the cue followed by an auxiliary is
    the subject of the reported clause, not an inverted source ("X, a founder of Y, said Mrs.
    Clinton had run …" against '"…," said Mrs. Clinton.')."""
    if view.pack.verb_second:
        return False
    a, b = view.noun_phrase_after(verb_end + 1)
    return a == verb_end + 1 and a < b < len(view.toks) and view.is_finite(b)


NAME_WORDS = 5
ATTRIBUTE_WORDS = 8  # "einer am 3. Mai in Genf veröffentlichten Studie": an adjective's own phrase


def quoted_name(inner: str) -> bool:
    """A quotation that names something ('„Shui Jing Shi“', '"Greek National Line"'): two to
    five words, every one capitalised, no closing punctuation."""
    words = inner.split()
    return 1 < len(words) <= NAME_WORDS and all(w[:1].isupper() for w in words) and inner[-1:] not in ".!?,"


QUOTED_TITLE_WORDS = 16  # "Der Einsatz der Trümmerbahnen zur Enttrümmerung Dresdens in den Jahren …"


def quoted_title(inner: str, pack: LanguagePack) -> bool:
    """Where nouns are capitalised, a quotation that opens capitalised and whose lower-case words
    are all articles, prepositions, conjunctions or inflected adjectives names a work, a prize
    or a body ('„Preis der schwedischen Reichsbank“'): a statement has a verb."""
    words = inner.split()
    if not pack.capitalised_nouns or not words or not words[0][:1].isupper() \
            or len(words) > QUOTED_TITLE_WORDS or any(ch in inner for ch in ".!?,:;…"):
        return False
    function = pack.determiners | pack.prepositions | pack.contracted_articles | pack.conjunctions

    def title_word(k: int) -> bool:  # an adjective stands before its noun ("schwedischen Reichsbank")
        w = words[k]
        attributive = w.lower().endswith(pack.adjective_endings) and k + 1 < len(words) \
            and words[k + 1][:1].isupper()
        return not w[:1].islower() or w.lower() in function or attributive
    return all(title_word(k) for k in range(len(words)))


def _quoted_name_before(view: SentenceView, closer: int) -> bool:
    """The quotation closed at token `closer` is a name or title (`quoted_name`, `quoted_title`)."""
    for j in range(closer - 1, max(-1, closer - NAME_WORDS - 2), -1):
        if view.toks[j].text in QUOTE_CHARS:
            inner = " ".join(t.text for t in view.toks[j + 1 : closer])
            return quoted_name(inner) or quoted_title(inner, view.pack)
    return False


def _after_relative_subject(view: SentenceView, verb: int, verb_end: int, cue: list,
                            rel: tuple[int, int]) -> Draft | None:
    """'X, who …, said …' / 'X, a spokesman, said …': the content follows the cue."""
    low, n = view.low, len(view.toks)
    a, b = rel
    k = verb_end + 1
    # "Smith, who chairs it, told CNN that …" / "X, Sprecher der Y, sagte gegenüber der Presse, …"
    told = addressee_after(view, verb, k, n) or _prepositional_addressee(view, k)
    if told:
        k = told[1] + (told[1] < n and low[told[1]] in BOUNDARY)
    k = _after_adjunct_comma(view, k, n)  # "sagte am Montag, …"
    if k + 2 < n and low[k] in view.pack.prepositions and low[k + 1] in view.pack.time_words:
        k = _after_time(view, k, n)  # "said on Monday the plan …" (not "said this week is …")
    k = _complementizer_after_adjunct(view, k, n)  # "said in a statement that …": the clause
    c = view.span(k, n)
    if c == (0, 0):
        return None
    return Draft("indirect", [c], [view.span(a, b)], cue, view.sent.index, 0.55,
                 addressee=[view.span(*told)] if told else [])


def _content_before(view: SentenceView, verb: int, verb_end: int, cue: list,
                    subject: tuple[int, int] | None = None) -> Draft | None:
    """Content before the cue: "…, sagte X.", "…, teilte ein Sprecher mit.", '"…," he said';
    `subject`: a source before the cue already found with its appositions."""
    low, pack, n = view.low, view.pack, len(view.toks)
    if pack.verb_second and low[0] in pack.subordinators and "," not in low[1 : verb - 1]:
        return None  # "Da kein Rückflug möglich war, entschied sich der Pilot …": a fronted clause
    j = verb + 1
    told_first = _prepositional_addressee(view, j)  # '„…“, sagte gegenüber der Presse ein Sprecher'
    if told_first and not subject:
        j = told_first[1]
    while j < min(n - 1, verb + 3) and (low[j] in pack.time_words or (
            pack.capitalised_nouns and view._modifier(j) and low[j] not in pack.prepositions
            and not _clause_word(view, j))):  # a lower-case word there is an adverb
        j += 1  # "…, teilte später der Direktor mit."
    a, b = subject or view.noun_phrase_after(j)  # "…, teilte ein Sprecher mit."
    if b == a:
        a, b = view.noun_phrase_after(verb + 1)
    while not subject and b > a and low[a] in pack.object_words:
        # "…, sagte dem Sender ein Sprecher": past the object; "…, sagte den Reportern der
        # Minister": a genitive-looking article in the object's phrase starts the subject
        rest = view.noun_phrase_after(b)
        split = next((g for g in range(b - 1, a + 1, -1) if low[g] in pack.genitive_determiners), None)
        a, b = rest if rest[1] > rest[0] or split is None else (split, b)
    if not subject and b == a and j < n and low[j] in pack.object_words:
        return None  # "X, Präsident der Y, begrüßte den Beschluss": an object, no source
    if b > a and not subject and not pack.capitalised_nouns:
        nb = view.next_boundary(b)  # '…," said a source close to the campaign.': lower-case
        if _phrase(view, b, nb) and nb - a <= APPOSITION_WORDS + 2:  # words go on the phrase
            b = nb
    if b == a and not pack.capitalised_nouns and verb + 1 < n and view.toks[verb + 1].text[:1].islower():
        nb = view.next_boundary(verb + 1)  # '"…," said one former campaign staffer.'
        if nb < n and low[nb] in END_PUNCT | {","} and _phrase(view, verb + 1, nb) \
                and nb - verb - 1 <= SOURCE_WORDS:
            a, b = verb + 1, nb
    if b == a and verb + 1 < n and low[verb + 1] in pack.determiners:
        return None
    if b == a:
        a, b = _source_before(view, verb)  # '"…," he said' in English order
        a = max(a, _after_comma(view, verb))
    c = view.span(0, a if subject else verb - 1)
    if c == (0, 0) or (b == a):
        return None
    # '…," said Craig Varoga, a Democratic strategist.' / '…, teilte X, Leiter der Y, mit.'
    b = _with_apposition(view, b, verb_end if verb_end > b else len(view.toks))
    told = _prepositional_addressee(view, b) or told_first or _dative_after(view, verb, b)
    after_quote = _closer_at(view, verb - 1, verb - 2)  # '"…," he said, …': the quotes pass
    rest = None if after_quote else _resumed(view, told[1] if told else max(b, verb_end + 1))
    if asked_first(view, verb):  # "Auf die Frage, ob …, antwortete X: „…“": only the answer
        colon = b < len(view.toks) and view.low[b] == ":"
        rest = rest or (view.span(b + 1, len(view.toks)) if colon else None)
        if not rest or rest == (0, 0):
            return None
        return Draft("indirect", [rest], [view.span(a, b)], cue, view.sent.index, 0.6,
                     addressee=[view.span(*told)] if told else [])
    contents = [c] + ([rest] if rest else [])
    return Draft("indirect", contents, [view.span(a, b)], cue,
                 view.sent.index, 0.6, addressee=[view.span(*told)] if told else [])


def asked_first(view: SentenceView, verb: int) -> bool:
    """The words before the verb open with a phrase whose noun asks (pack `question_nouns`: "Auf
    die Frage, ob sie zurücktrete, sagte X, …"): a question put to the source, not its words."""
    low, pack = view.low, view.pack
    return bool(pack.question_nouns) and (low[0] in pack.prepositions or low[0] in pack.contracted_articles) \
        and any(low[j].endswith(pack.question_nouns) and view.toks[j].text[:1].isupper()
                for j in range(1, min(verb, 4)))


def _content_after(view: SentenceView, verb: int, verb_end: int, cue: list,
                   subject: tuple[int, int] | None = None) -> Draft | None:
    """Subject before the cue (or after it, inverted; or `subject`, shared), content after it."""
    low, pack, n = view.low, view.pack, len(view.toks)
    verb_cue = cue
    k, kind, cue = _content_start(view, verb, verb_end, cue)
    if _main_clause_after(view, verb, k):
        return None
    found = _subject(view, verb, verb_end, cue, subject)
    if found is None:
        return None
    a, b, cue, told, passive = found
    if passive and b == a and k < n and low[k] in pack.agent_prepositions:
        a, b = view.noun_phrase_after(k + 1)  # "was first reported by the Times": what was
        if b > a and b >= n - 1:  # reported is the subject
            return Draft("reported", [view.span(*passive)], [view.span(a, b)], cue,
                         view.sent.index, 0.55)
        clause = next((j for j in range(k + 2, min(n, k + ADDRESSEE_WORDS + 2))
                       if low[j] in pack.complementizers), None)
        if clause is not None and _phrase(view, k + 1, clause):  # "was asked by a caller why …":
            a, b, k = k + 1, clause, clause  # the agent asked; the clause is the content
        else:
            a = b = k
    if a > verb_end and k <= a:
        k = b  # "nannte er die Berichte hysterisch": the content follows the inverted subject
        cue, k = _reflexive_to_cue(view, k, n, cue)  # "äußerte er sich besorgt"
    if k < n and low[k] in pack.negations and all(
            low[j] in pack.negations or low[j] in END_PUNCT for j in range(k, n)):
        return None  # "äußerte er sich nicht": nothing was said
    reported_cue = any(low[j] in pack.subjunctive for j in range(view.prev_boundary(verb), verb))
    end = n
    # a shared subject stands elsewhere; where verbs go second, the verb comes first after a
    # content ("…, sagte er"; "…, die Partei müsse sich entscheiden" is no attribution)
    after_comma = subject is None and a > 1 and (a > verb or not pack.verb_second) and (
        low[a - 1] in {",", ":"} or view.toks[a - 1].text in _closers(pack)) \
        and not _relative_at(view, a) \
        and _fronted_question(view) is None  # not "…, der auf Schäden hinwies.", "Asked if …, X said"
    if kind == "reported":
        found = _reported_object(view, verb, verb_end, a, b, k, cue)
        if found is None and after_comma:
            found = n, n, cue  # "…, the team announced on Monday.": what went before
        if not isinstance(found, tuple):
            return found  # a fronted object, or none at all
        k, end, cue = found
        other = pack.other_sense_markers.get(pack.speech_verbs.get(low[verb], ""), frozenset())
        if any(low[j] in other for j in range(k, end)):
            return None  # "verurteilte den Mann zu drei Jahren Haft": sentenced
    addressee, k = _addressee_and_start(view, verb, verb_end, a, b, k, end, kind, told)
    end = min(_before_main_clause(view, verb, k, end), _aside_end(view, verb, end))
    if kind == "indirect" and (_adjunct_not_reported(view, k, end) or (
            pack.verb_second and 0 < k < end - 1 and low[k - 1] == "," and low[k] in pack.conjunctions
            and low[k + 1] not in pack.genitive_determiners)):
        # "Sie sagen das, aber …": a second clause, not what was said ("…, während des Streiks
        # Leiharbeiter eingesetzt zu haben": a preposition)
        return None
    cue = cue + _cue_words_around(view, verb, verb_end, k, end, cue)
    tail = _clause_tail(view, verb_end, k, end) or _inserted_cue(view, k, end)
    c = view.span(k, end) if not tail else (0, 0)
    lemma = pack.speech_verbs.get(low[verb], "")
    marker = pack.predicate_markers.get(lemma)
    if k < n and lemma in pack.clause_only_cues and not _clause_at(view, k) \
            and low[k - 1] not in pack.cue_particles \
            and low[verb_end] not in pack.optional_particles.get(low[verb], ()) \
            and not (marker and marker in low[k : min(end, k + ADJUNCT_WORDS)]):
        # "Er erwartet eine zügige Entscheidung": a thing expected, not a statement; "sprach von
        # X", "sprach sich für X aus", "drohte ihnen mit Klagen" are (a cue particle, the verb's
        # optional particle or its marker)
        c = (0, 0)
    if kind == "indirect" and k < n and marker and not _clause_at(view, k):
        kind = "reported"  # "bezeichnete den Plan als Unsinn": a speech act, no clause
    before = after_comma and (c == (0, 0) or _says_how(view, verb_end, a, b, k, end))
    if before:
        # '"…," he said.' / '"…," she said in a statement.': the content precedes the source
        c, kind = view.span(0, a - 1), "indirect"
        cue = verb_cue + cue[len(verb_cue):]  # '"…," X said on radio': no particle, an adjunct
        if not addressee and view.telling(verb):
            addressee = _object_after(view, k, end)  # '"…," the minister told reporters.'
    inserted = after_comma and not before and c != (0, 0) and verb_end + 1 < n and low[verb_end + 1] == "," \
        and kind == "indirect" and not _closer_at(view, a - 1, a - 2) and not pack.verb_second
    if c == (0, 0):
        return None
    if passive and all(low[j] in pack.expletives for j in range(*passive)):
        passive = None  # "Es wird erwartet, dass …": nobody was asked
    addressee = addressee or passive
    start = max((j + 1 for j in range(a - 1) if low[j] in {":", ";"}), default=0)
    inserted = inserted and low[start] not in pack.subordinators  # "Without reform, he says,
    contents = [view.span(start, a - 1), c] if inserted else [c]  # the fund …": both sides
    if not inserted and 0 < a < b and k == verb_end + 1 and k < n and low[k] in pack.clause_verbs \
            and (low[a - 1] in pack.relative_pronouns or low[a - 1] in pack.complementizers
                 or low[a - 1] in pack.subordinators):
        contents = [view.span(a - 1, a), c]  # "which the probe said were covered up": the
        # relative word stands for the subject of the reported clause
    return Draft(kind, contents, [view.span(a, b)] if b > a else [], cue, view.sent.index, 0.55,
                 reported_cue=reported_cue, addressee=[view.span(*addressee)] if addressee else [])


def _reported_object(view: SentenceView, verb: int, verb_end: int, a: int, b: int, k: int,
                     cue: list) -> tuple[int, int, list] | Draft | None:
    """Where a reported speech act's object lies: (start, end, cue); or the claim itself when
    the object is fronted; or None when there is none ("beschloss am Sonntag")."""
    low, pack = view.low, view.pack
    front = view.prev_boundary(verb)
    end = view.next_boundary(k)
    if verb_end > verb + 1:  # "wies die Vorwürfe zurück": the object sits inside
        k, end = verb + 1 + (low[verb + 1] in pack.reflexives), verb_end
        if verb < a < verb_end and k <= a:
            k = b  # "Am Montag wies der Minister die Vorwürfe zurück": after the inverted subject
    if k >= end and a < b < verb - 1 and low[b] in pack.clause_verbs \
            and a == view.prev_boundary(a + 1) and _subject_before_auxiliary(view, a, b):
        k, end = b + 1, view.group_start(verb)  # "Die CDU hatte Aufklärung gefordert": the object
        cue, k = _reflexive_to_cue(view, k, end, cue)  # "hat sich für X ausgesprochen"
    if a == verb + 1 and low[a] in pack.nominative_pronouns and front < verb \
            and _fronted_object(view, front, verb) and not any(
                _opens_phrase(view, j, end) for j in range(b, end)):
        # "Die Vorwürfe wies er zurück": the pronoun is the subject, the fronted phrase what
        # was rejected (where verbs go second, an object may come first)
        return Draft("reported", [view.span(front, verb)], [view.span(a, b)], cue, view.sent.index, 0.55)
    k = _after_time(view, k, end)  # "forderte am Montag eine Untersuchung": the object, not the day
    if k == end - 1 and low[k] in pack.time_words:
        return None  # "beschloss am Sonntag": no object at all
    return k, end, cue


def _addressee_and_start(view: SentenceView, verb: int, verb_end: int, a: int, b: int, k: int,
                         end: int, kind: str, told: Span | None) -> tuple[Span | None, int]:
    """The addressee of a cue (an object of telling, a dative, "gegenüber X"; `told`: one
    found before the cue) and where the content starts after it and after adjuncts."""
    low = view.low
    addressee = addressee_after(view, verb, k, end) or _object_inside(view, verb, verb_end, a, b)
    if addressee and kind == "reported" and addressee[1] >= end:
        addressee = _first_phrase(view, *addressee)  # "werfen Luna Menschenhandel vor": whom, then what
    if not addressee and not told and (told := _prepositional_addressee(view, k)):
        k = told[1] + (told[1] < end and low[told[1]] in BOUNDARY)  # "erklärte gegenüber dem Sender,"
    addressee = addressee or told
    if addressee and addressee != told and addressee[1] >= k:
        k = addressee[1] + (low[addressee[1]] in BOUNDARY)  # after "told reporters," too
        if kind == "indirect":  # "told reporters on Monday that": the clause
            k = _complementizer_after_adjunct(view, _after_time(view, k, end), end)
    elif kind == "indirect":
        k = _complementizer_after_adjunct(view, _after_time(view, _past_according(view, k, end), end), end)
        dative, k = _before_comma_complementizer(view, k, end, inverted=a > verb_end)
        addressee = addressee or dative
        k = _after_adjunct_comma(view, k, end)
    return addressee, k


def _says_how(view: SentenceView, verb_end: int, a: int, b: int, k: int, end: int) -> bool:
    """After a content and its source, what follows the cue says how or where it was said, not
    what: a short rest, a phrase ("…, the company said in a statement.", "…, two diplomats said
    on condition of anonymity": also one read as the cue's particle) or an adjunct after a
    quotation."""
    low, pack = view.low, view.pack
    short = end - k <= 3 and low[0] not in pack.prepositions  # not "In a takedown, X called him Y"
    j, stop = min(k, verb_end + 1), end - (low[end - 1] in END_PUNCT)
    adjunct = j < stop <= j + ADJUNCT_WORDS and low[j] in pack.prepositions and _phrase(view, j, stop)
    return short or adjunct or _adjunct_after_quote(view, a, b, verb_end, end)


def _aside_end(view: SentenceView, verb: int, end: int) -> int:
    """A cue inside parentheses frames nothing outside them ("Kurz vor Weihnachten (Wikinews
    berichtete) hatte die Behörde …" points to earlier coverage): its content ends at ")"."""
    low = view.low
    opened = next((j for j in range(verb - 1, -1, -1) if low[j] in {"(", ")"}), None)
    if opened is None or low[opened] != "(":
        return end
    return next((j for j in range(verb + 1, end) if low[j] == ")"), end)


def _reflexive_to_cue(view: SentenceView, k: int, end: int, cue: list) -> tuple[list, int]:
    """A reflexive at k (before `end`) belongs to the cue, not the content ("äußerte er sich
    besorgt", "hat sich für X ausgesprochen"): the cue with it and the content start after it."""
    if k < end and view.low[k] in view.pack.reflexives:
        return cue + [view.span(k, k + 1)], k + 1
    return cue, k


def _adjunct_not_reported(view: SentenceView, k: int, end: int) -> bool:
    """A subordinate clause after a cue's comma with no subjunctive in it, where the pack marks
    reported speech by the subjunctive, gives a reason or a time, not what was said ("kann den
    Bericht nicht veröffentlichen, weil … sucht"; "sagte, wenn es regne, werde …" reports)."""
    low, pack = view.low, view.pack
    if not pack.subjunctive or not 0 < k < end or low[k - 1] != "," or low[k] in pack.complementizers:
        return False
    return _adjunct_clause_at(view, k) and not any(low[j] in pack.subjunctive for j in range(k, end))


def _main_clause_after(view: SentenceView, verb: int, k: int) -> bool:
    """Where verbs go second, a cue in a fronted subordinate or relative clause is followed by
    the verb of the main clause, which reports nothing ("Nachdem Behörden gewarnt hatten,
    hatte sich herausgestellt …", "Ein Gesetz, das Rechte einräumt, soll …"). "Wie KCNA
    berichtete, habe Kim …" does report: "wie" is a complementiser, not a subordinator."""
    low, pack = view.low, view.pack
    if not pack.verb_second or not 0 < k < len(view.toks) or low[k - 1] != "," \
            or not view.toks[k].text[:1].islower():
        return False
    front = view.prev_boundary(verb)
    finite = view.is_finite(k) or view.is_verb_form(k) or bool(pack.finite_verb and pack.finite_verb(low[k]))
    if low[front] in pack.subordinators or _relative_at(view, front):
        return finite
    # "X hatte Y beschuldigt, wurde dann festgenommen": an indicative verb goes on with X
    return finite and (front == 0 or low[front - 1] not in pack.complementizers) \
        and low[k] not in pack.subjunctive and low[k] not in pack.weak_subjunctives


def _inserted_cue(view: SentenceView, k: int, end: int) -> bool:
    """Tokens [k, end) after a comma are only a source and its verb of speaking ("…, the deal
    will hold, analysts said."): another claim's inserted cue, not this verb's content (where
    verbs go last, such words are a subordinate clause: "…, die Regierung handle")."""
    stop = end - (view.low[end - 1] in END_PUNCT)  # where verbs go second the cue comes first
    return not view.pack.verb_second and 0 < k < stop - 1 and view.low[k - 1] == "," \
        and view.is_verb_form(stop - 1) and _phrase(view, k, stop - 1)


def _clause_tail(view: SentenceView, verb_end: int, k: int, end: int) -> bool:
    """What follows a verb at the end of its clause is no content where the language puts
    verbs last: auxiliaries only ("…, die als Hilfe gedacht waren.") or a second clause joined
    by a conjunction ("hatte Rechte eingeräumt und … zugesichert")."""
    low, pack = view.low, view.pack
    if not pack.verb_second or k >= end:
        return False
    if k == verb_end + 1 and low[k] in pack.conjunctions:
        return True
    return all(low[j] in pack.clause_verbs or not view.toks[j].text[:1].isalnum() for j in range(k, end))


def _object_inside(view: SentenceView, verb: int, verb_end: int, a: int, b: int) -> tuple[int, int] | None:
    """The object between a verb of telling and its particle ("wirft den Rebellen vor, …",
    "forderte Mussawi dazu auf, …"), not its inverted subject [a, b): the addressee."""
    if verb_end <= verb + 1 or not view.telling(verb):
        return None
    k = b if a == verb + 1 else verb + 1
    x, y = view.noun_phrase_after(k)
    if not x < y <= verb_end:
        return None
    subject_pronoun = view.low[x] in view.pack.pronouns and view.low[x] not in view.pack.object_words
    return None if subject_pronoun else (x, y)


def _first_phrase(view: SentenceView, a: int, b: int) -> tuple[int, int] | None:
    """The first of two noun phrases in [a, b) (dative, then accusative: "ihm Betrug", "den
    Rebellen Verbrechen", "Luna Menschenhandel"): a pronoun, or articles and adjectives up to the
    first capitalised word; None when nothing would be left after it."""
    j = a
    if view.low[a] not in view.pack.pronouns:
        while j < b and not view.toks[j].text[:1].isupper():
            j += 1
    return (a, j + 1) if j + 1 < b else None


def _cue_words_around(view: SentenceView, verb: int, verb_end: int, k: int, end: int,
                      cue: list) -> list[tuple[int, int]]:
    """Words that join a cue from around its content start at k: a cue adverb skipped before it
    ("begründete dies damit, dass …") and a naming verb's marker after it ("bezeichnete den Plan
    als Unsinn": "bezeichnete … als", pack `predicate_markers`)."""
    low, pack = view.low, view.pack
    words = [view.span(j, j + 1) for j in range(verb_end + 1, k) if low[j] in pack.cue_adverbs]
    marker = pack.predicate_markers.get(pack.speech_verbs.get(low[verb], ""))
    if marker:
        words += [view.span(j, j + 1) for j in range(k, min(end, k + ADJUNCT_WORDS)) if low[j] == marker][:1]
    return [w for w in words if w not in cue]


def _before_main_clause(view: SentenceView, verb: int, k: int, end: int) -> int:
    """Where verbs go second and the cue stands in a fronted subordinate clause ("Nachdem er
    erklärt hatte, die Lage sei ernst, trat er zurück"), the content ends where the main clause
    starts with its verb: at a comma before a lower-case word that opens no other clause."""
    low, pack = view.low, view.pack
    if not pack.verb_second or low[0] not in pack.subordinators or "," in low[1:verb]:
        return end
    for j in range(k + 1, end - 1):
        nxt = low[j + 1]
        if low[j] == "," and view.toks[j + 1].text[:1].islower() and nxt not in pack.complementizers \
                and nxt not in pack.conjunctions and nxt not in pack.relative_pronouns \
                and nxt not in pack.subordinators and nxt not in pack.determiners:
            return j
    return end


def _clause_at(view: SentenceView, k: int) -> bool:
    """A clause or quotation opens at token k (after a comma or colon, with a complementiser or
    a quotation mark)."""
    return view.low[k - 1] in {",", ":"} or view.toks[k - 1].text in QUOTE_CHARS \
        or view.low[k] in view.pack.complementizers or view.toks[k].text in QUOTE_CHARS


def _content_start(view: SentenceView, verb: int, verb_end: int, cue: list) -> tuple[int, str, list]:
    """Where the content after a cue may start, the claim's kind (a speech act with no clause
    after it is reported) and the cue with a particle that joins it ("called for")."""
    low, pack, n = view.low, view.pack, len(view.toks)
    after = verb_end + 1
    if after < n - 1 and low[after] in pack.cue_particles and verb_end == verb and (
            low[verb] in pack.speech_acts or not (
                low[after + 1] in pack.time_words or low[after + 1] in pack.complementizers)) \
            and not (pack.verb_second and _clause_after_phrase(view, after + 1)):
        # "called for", "warned of", "talked about", "commented on" (not "said on Friday that")
        cue = cue[:-1] + [(cue[-1][0], view.toks[after].end)]
        if pack.verb_second:  # "sprach von 240 Toten, die Reederei von 212": the phrase only
            return after + 1, "reported", cue
        after += 1
    k = after
    if k + 1 < n and low[k] in pack.clause_verbs and low[k + 1] in BOUNDARY:
        cue = cue + [(view.toks[k].start, view.toks[k].end)]  # verb-final clause: "nachdem er
        k += 1  # erklärt hatte, …": the auxiliary is part of the cue
    kind = "indirect"
    # "überlegten kurz, den …" / "äußerte sich mit den Worten: „…“"
    k = _after_colon(view, _after_adverbs(view, k))
    if k < n and low[k] == "," and verb_end > verb + 1 and _adjunct_clause_at(view, k + 1):
        kind = "reported"  # "kündigte seinen Rücktritt an, nachdem …": the object is the content
    elif k < n and low[k] in BOUNDARY:
        k += 1
    elif k < n and low[k] not in pack.complementizers and low[verb] in pack.speech_acts \
            and _past_according(view, k, n) == k and _after_adjunct_comma(view, k, n) == k:
        kind = "reported"  # not "bestätigte laut Reuters, dass …", "beschloss am Montag, … zu"
    return k, kind, cue


def _clause_after_phrase(view: SentenceView, k: int) -> bool:
    """A reported clause follows the phrase at k after its comma ("berichtete von der Konferenz,
    dass …": the preposition belongs to the phrase, the clause is the content)."""
    stop = view.next_boundary(k)
    return stop + 1 < len(view.toks) and view.low[stop] == "," and _reported_clause_at(view, stop + 1)


Span = tuple[int, int]
Subject = tuple[int, int, list, Span | None, Span | None]  # a, b, cue, addressee before, passive


def _subject(view: SentenceView, verb: int, verb_end: int, cue: list,
             subject: tuple[int, int] | None) -> Subject | None:
    """The source [a, b) of a verb of speaking with content after it, the cue grown by the
    auxiliaries it takes, a prepositional addressee before the verb, and for a passive its
    subject (the addressee; the source is then the agent, if any)."""
    low, pack, shared = view.low, view.pack, subject is not None
    a, b = subject or _source_before(view, verb)
    told = _prepositional_addressee(view, a) if a < b and not subject else None
    if told:  # "Gegenüber der Zeitung sagte er, …": the subject follows the verb
        a, b = view.noun_phrase_after(verb_end + 1)
        if b == a:
            return None
    finite = [j for j in range(a, b) if view.is_finite(j)]
    # a date before the first auxiliary: "Ende Mai 2008 erklärte er" (not "X hatte am Montag erklärt")
    dated = any(low[j] in pack.time_words or view.toks[j].text.isdigit()
                for j in range(a, finite[0] if finite else b))
    # "Besorgt äußerte sich X", "Passend zu den Gefahren sagte sie": an adjective (with its
    # phrase), unless no subject follows ("Kurz sagte, …": a name)
    predicative = a == 0 and b > a and (b - a == 1 or low[a + 1] in pack.prepositions) \
        and pack.predicative is not None and pack.predicative(low[a])
    fronted = low[a] in _adverbs_first(pack) or low[a] in pack.object_words or (
        b - a == 1 and low[a] in pack.determiners) or (  # "Das sagte ein Sprecher": an object
        pack.verb_second and (low[a] in pack.prepositions or low[a] in pack.contracted_articles
                              or dated)) or predicative or (  # "Zum Rücktritt sagte X"
        pack.verb_second and verb + 1 < len(low) and low[verb + 1] in pack.nominative_pronouns)  # "… wies er"
    if not subject and not pack.verb_second and finite and finite[0] > a \
            and not any(low[j] in pack.relative_pronouns for j in range(a, finite[0])):
        # "Verizon has been working to emphasize", "Mr. Ryan has long said": the subject ends
        # at the first auxiliary, and the verb group from there is the cue
        cue = [(view.toks[finite[0]].start, cue[0][1])] + cue[1:]
        b = finite[0]
    if not subject and pack.verb_second and finite and not fronted \
            and _subject_before_auxiliary(view, a, finite[0]):
        subject = a, finite[0]  # "Mamadou hatte die Änderung damit begründet": S-Aux-O-V
        cue = cue + [(view.toks[finite[0]].start, view.toks[finite[0]].end)]
        a, b = subject
    if not subject and (b == a or low[a] in pack.as_markers or (pack.verb_second and (finite or fronted))):
        # inverted order: "Dabei habe er betont, dass …" / "Am Montag sagte der Minister, …"
        focus = fronted and not finite and low[a] not in pack.prepositions \
            and low[a] not in prefixes_by_first_word(pack.according_prefix)
        before = (a, b) if predicative else (a + 1, b) if focus else (b, b)
        front = a
        # "heißt es", "geht hervor": no speaker after the verb; the fronted phrase says it
        expletive = verb + 1 < len(low) and low[verb + 1] in pack.separable.get(low[verb], ()) \
            and low[verb + 1] in pack.fronted_source_particles
        if expletive and (low[front] in pack.prepositions or low[front] in pack.contracted_articles):
            a, b = front, view.group_start(verb)  # "Aus Kreisen der Koalition hieß es, …"
        else:
            a, b = _subject_between(view, verb)
        if finite and finite[-1] < a and low[finite[-1]] in pack.clause_verbs:
            cue = cue + [(view.toks[finite[-1]].start, view.toks[finite[-1]].end)]  # "hatte … erklärt"
        if b == a and _phrase(view, *before):
            a, b = before  # "Auch Feinstein argumentierte, …": a focus word, no inversion
    passive = None
    aux = [j for j in range(view.prev_boundary(verb), verb) if low[j] in pack.passive_auxiliaries
           and not (shared and j < view.group_start(verb))]  # a shared subject's own verb group
    participle = pack.speech_verbs.get(low[verb]) != low[verb] and not (
        pack.participle_suffixes and low[verb].endswith(pack.participle_suffixes))  # not "is asking"
    if aux and a < b <= aux[0] and participle:
        passive = a, b  # "Die Männer werden beschuldigt, …": they are told, not telling
        a, b = _agent(view, aux[0] + 1, verb)
    if b == a and not passive:
        return None
    return a, b, cue, told, passive


ADJUNCT_WORDS = 6  # "said on Friday that", "said in a filing that": a short phrase
# "said at a graduation ceremony at the military academy on Tuesday that …": phrases before a complementiser
ADJUNCTS_BEFORE_CLAUSE = 14
SOURCE_WORDS = 10  # "Clinton's top foreign policy aide Jake Sullivan": longer runs are seldom the speaker


def _complementizer_after_adjunct(view: SentenceView, k: int, end: int) -> int:
    """Start of the content clause when a short prepositional phrase stands between cue and
    complementiser ("said on Friday that ...": both datasets begin the content with the complementiser);
    else k."""
    low, pack = view.low, view.pack
    if k + 1 < end and view.toks[k].text[:1].islower() and pack.adverb_suffixes \
            and low[k].endswith(pack.adverb_suffixes) and low[k + 1] in pack.complementizers:
        return k + 1  # "said repeatedly that …"
    if k >= end or low[k] not in pack.prepositions:
        return k
    for j in range(k + 1, min(end, k + ADJUNCTS_BEFORE_CLAUSE + 1)):
        if low[j] in view.pack.complementizers:
            return j
        if low[j] == ":":
            return j + 1  # "erklärte er zu dem Projekt: „…“"
        if (low[j] in BOUNDARY and not (j + 1 < end and low[j + 1] in view.pack.complementizers)) \
                or view.is_finite(j) or low[j] in view.pack.speech_verbs or low[j] in END_PUNCT:
            return k
    return k


def _adjunct_after_quote(view: SentenceView, a: int, b: int, verb_end: int, end: int) -> bool:
    """'"…," she said in a statement.' / '"…," X said, declining to comment.' / '"…," X said of
    the voters who …' / '"…," X said as …': a short source [a, b) right after a closing
    quotation mark, and after the cue a comma, a preposition, a subordinate clause or an adjunct
    without a clause: the quotation is the content. Without a quotation mark only a verb of
    telling with its object ("…, an official told The New York Times.")."""
    k = verb_end + 1
    pack = view.pack
    if b - a > SOURCE_WORDS:
        return False
    # "…, a Cairo official told The New York Times." / "Ein Sprecher der „Polizei von DeLand“, X
    # sagte, …": a quoted name closes no quotation
    if not any(_closer_at(view, j) and not _quoted_name_before(view, j) for j in (a, a - 1, a - 2)):
        return view.telling(verb_end) and not _has_clause(view, k, end)
    if view.telling(verb_end) and k < end and view.low[k] not in pack.prepositions:
        k = _past_object(view, k, end)  # '"…," X told a rally, saying …': past whom it was told
        if k >= end or view.low[k] in END_PUNCT:
            return True
    return (k < end and (view.low[k] in {","} | pack.prepositions or view.low[k] in pack.time_words
                         or view.low[k] in pack.subordinators or view.low[k] in pack.as_markers)
            or not _has_clause(view, k, end))  # ... Cruz said as the heckler yelled


def _past_object(view: SentenceView, k: int, end: int) -> int:
    """After the short object at k (a noun phrase, also in lower case: "a rally", "advisers"):
    the first boundary, preposition, time word or clause word, else k."""
    low, pack = view.low, view.pack
    stop = min(end, k + ADDRESSEE_WORDS + 3)
    for j in range(k, stop):
        if low[j] in BOUNDARY or low[j] in END_PUNCT or low[j] in pack.prepositions \
                or low[j] in pack.time_words or _clause_word(view, j):
            return j
    return end if stop == end else k  # '"…," Trump told a rally' at the sentence end


def _closer_at(view: SentenceView, *positions: int) -> bool:
    """A closing quotation mark stands at one of the token positions (those below 0 ignored)."""
    closers = _closers(view.pack)
    return any(j >= 0 and view.toks[j].text in closers for j in positions)


def _resumed(view: SentenceView, k: int) -> tuple[int, int] | None:
    """The rest of a content that an inserted cue interrupts ("Die Preise, sagte der Händler,
    würden steigen."): after a comma, unless a relative clause, a conjunction, a complementiser,
    a quotation (the quotes pass joins those) or another verb of speaking follows ("…, sagte
    er, und fügte hinzu, …")."""
    low, pack, n = view.low, view.pack, len(view.toks)
    if k + 1 >= n or low[k] != "," or low[k + 1] in pack.relative_pronouns \
            or low[k + 1] in pack.conjunctions or low[k + 1] in pack.complementizers \
            or view.toks[k + 1].text in QUOTE_CHARS \
            or any(view.is_verb_form(j) for j in range(k + 1, n)):
        return None
    span = view.span(k + 1, n)
    return span if span != (0, 0) else None


def _before_comma_complementizer(view: SentenceView, k: int, end: int, inverted: bool
                                 ) -> tuple[tuple[int, int] | None, int]:
    """A few words between cue and ", dass …": an adverb ("berichtete davon, dass") is skipped;
    after an inverted subject in a verb-second language a noun phrase is the addressee ("sagte
    ein Sprecher der Zeitung, dass"). Returns (addressee, content start)."""
    low, pack = view.low, view.pack
    for j in range(k + 1, min(end - 1, k + ADDRESSEE_WORDS + 1)):
        if low[j] == "," and low[j + 1] in pack.complementizers:
            if any(_clause_word(view, x) or low[x] in BOUNDARY for x in range(k, j)):
                return None, k
            if j - k == 1 and view.toks[k].text[:1].islower():
                return None, j + 1
            np = pack.verb_second and inverted and (
                low[k] in pack.determiners or view.toks[k].text[:1].isupper())
            return ((k, j), j + 1) if np else (None, k)
    return None, k


def _after_colon(view: SentenceView, k: int) -> int:
    """Past a short phrase that ends in a colon before a quotation ("äußerte sich mit den
    Worten: „…“", "said in a statement: "…""), else k."""
    low, n = view.low, len(view.toks)
    for j in range(k, min(n - 1, k + ADJUNCT_WORDS + 2)):
        if low[j] == ":":
            quoted = view.toks[j + 1].text in _openers(view.pack)
            return j + 1 if quoted and (j == k or _phrase(view, k, j)) else k
        if low[j] in BOUNDARY:
            return k
    return k


def _after_adjunct_comma(view: SentenceView, k: int, end: int) -> int:
    """Past a short phrase and its comma before a reported clause ("sagte am Sonntag vor
    Journalisten, Afghanistan sei …"; where nouns are capitalised also before an infinitive
    clause, "beschloss am Donnerstag, über Libyen eine Flugverbotszone einzurichten"): the
    phrase says when, where or to whom. A short clause is part of what was said ("sagte,
    wenn es regne, werde …")."""
    low, pack = view.low, view.pack
    for j in range(k + 1, min(end - 1, k + ADJUNCT_WORDS + 2)):
        if low[j] == ",":
            clause = range(j + 1, min(end, j + ADJUNCT_WORDS + 2))
            opens = _adjunct_clause_at(view, j + 1) or low[j + 1] in pack.conjunctions
            quoted = view.toks[j + 1].text in _openers(pack)  # "adding of X, "…""
            reported = quoted or any(low[x] in pack.subjunctive for x in clause) or (
                pack.capitalised_nouns and not opens)
            if reported and _phrase(view, k, j) and not any(low[x] in BOUNDARY for x in range(k, j)) \
                    and not _infinitive(view, j - 1) and not _adjunct_clause_at(view, k):
                return j + 1
            return k
    return k


def _infinitive(view: SentenceView, j: int) -> bool:
    """Token j is an infinitive with the pack's marker ("zu entsenden"; with the pack's
    `infinitive_ending`, also joined inside the word, "einzurichten"): a clause ends there, not an
    adjunct."""
    pack, low = view.pack, view.low[j]
    if not pack.infinitive_marker or not view.toks[j].text[:1].islower():
        return False
    joined = bool(pack.infinitive_ending) and pack.infinitive_marker in low[2:-3] \
        and low.endswith(pack.infinitive_ending)
    return (j > 0 and view.low[j - 1] == pack.infinitive_marker) or joined


def _past_according(view: SentenceView, k: int, end: int) -> int:
    """Past a prepositional attribution that opens a content and ends at a comma ("meldete
    unter Berufung auf Diplomaten, die Gespräche ..."): that source has its own claim."""
    for words in prefixes_by_first_word(view.pack.according_prefix).get(view.low[k] if k < end else "", ()):
        if tuple(view.low[k : k + len(words)]) == words:
            a, b = _according_source(view, k + len(words))
            if a < b < end - 1 and view.low[b] == ",":
                return b + 1
    return k


def _after_time(view: SentenceView, k: int, end: int) -> int:
    """Past a time phrase that opens a content ("said Monday it would", "said on Friday the")."""
    low, pack = view.low, view.pack
    while k < end - 1 and (low[k] in pack.time_words or low[k + 1] in pack.time_words and (
            low[k] in pack.prepositions or low[k] in pack.contracted_articles)):
        k += 1
    return k


def _has_clause(view: SentenceView, k: int, end: int) -> bool:
    """Whether tokens [k, end) can be a content clause: a complementiser, a finite auxiliary or a
    speech verb in them, or more words than an adjunct has ("in a statement", "on Monday")."""
    if end - k > ADJUNCT_WORDS + 2:
        return True
    return any(_clause_word(view, j) for j in range(k, end))


def _object_after(view: SentenceView, k: int, end: int) -> tuple[int, int] | None:
    """The object right after a verb of telling, when it has no content clause after it."""
    if k >= end or view.low[k] in view.pack.prepositions:
        return None
    a, b = view.noun_phrase_after(k)
    if not view.pack.capitalised_nouns:
        b = max(b, _past_object(view, k, end))  # "told reporters", "told a rally": lower case
    b = next((j for j in range(a, b) if view.low[j] in view.pack.prepositions), b)
    return (a, b) if b > a else None  # "told reporters on Monday": when is not whom


def _prepositional_addressee(view: SentenceView, k: int) -> tuple[int, int] | None:
    """The phrase after an addressee preposition at token k ("gegenüber der Zeitung")."""
    if k >= len(view.toks) or view.low[k] not in view.pack.addressee_prepositions:
        return None
    a, b = view.noun_phrase_after(k + 1)
    return (a, b) if b > a else None


ADDRESSEE_WORDS = 5  # "told The Associated Press on Sunday that": the object is short


def _dative_after(view: SentenceView, verb: int, b: int) -> tuple[int, int] | None:
    """A phrase with an article closing the clause right after the source of a verb of telling
    ("…, sagte Vollrath der Deutschen Presse-Agentur."): whom it was told."""
    if b >= len(view.toks) or not view.telling(verb) or view.low[b] not in view.pack.determiners:
        return None
    x, y = view.noun_phrase_after(b)
    return (x, y) if y > x and (y == len(view.toks) or view.low[y] in END_PUNCT | BOUNDARY) else None


def addressee_after(view: SentenceView, verb: int, k: int, end: int) -> tuple[int, int] | None:
    """Token range [a, b) of the addressee between a verb of telling (the pack's
    `addressee_verbs`) and its content clause ("told reporters that"): a few words with no
    boundary before a complementiser (a comma may stand right before it)."""
    pack, low = view.pack, view.low
    if k >= end or not view.telling(verb):
        return None
    first = view.toks[k].text
    if low[k] in pack.prepositions or low[k] in pack.contracted_articles or (
            pack.capitalised_nouns and first[:1].islower() and low[k] not in pack.determiners):
        return None  # "told on Monday that", "sagte gestern, dass": when, not to whom
    for j in range(k, min(end, k + ADDRESSEE_WORDS + 1)):
        if low[j] in pack.complementizers:
            if any(view.is_finite(x) for x in range(k, j)):
                return None  # "sagte, die Zahlen seien wie erwartet …": a clause, not whom
            b = j - (low[j - 1] == ",")
            b = next((x for x in range(k + 1, b) if low[x] in pack.prepositions or low[x] in pack.time_words
                      or low[x] in pack.contracted_articles), b)
            return (k, b) if b > k else None  # "told reporters on Monday that": when is not whom
        if pack.verb_second and low[j] == "," and j > k and view.noun_phrase_after(k)[1] == j:
            return k, j  # "sagte der Zeitung, die Lage sei ernst": the dative object
        if low[j] in BOUNDARY and not (low[j] == "," and j + 1 < end and low[j + 1] in pack.complementizers):
            return None
    return None if pack.verb_second else _object_before_clause(view, k, end)


def _object_before_clause(view: SentenceView, k: int, end: int) -> tuple[int, int] | None:
    """A zero-that clause after a verb of telling: a short object, then a clause whose subject
    opens with a determiner or pronoun, or is a name right before its finite verb ("told
    reporters the city would not pay", "told the Post he would", "told CNN Trump was …")."""
    low, pack = view.low, view.pack
    for j in range(k + 1, min(end - 1, k + 4)):
        if low[j - 1] in BOUNDARY or low[j - 1] in pack.prepositions or _clause_word(view, j - 1):
            return None
        opener = low[j] in pack.determiners or (low[j] in pack.pronouns and low[j] not in pack.object_words)
        if (opener and any(view.is_finite(x) for x in range(j + 1, min(end, j + 4)))) or (
                view.toks[j].text[:1].isupper() and view.is_finite(j + 1)) or (
                low[j] in pack.nominative_pronouns and j + 1 < end):  # "told the Gazette they felt"
            return k, j
    return None


def _relative_clause_subject(view: SentenceView, verb: int) -> tuple[int, int] | None:
    """'X, who …, said …' / 'X, der …, sagte …': the subject stands before the relative clause
    (auxiliaries and adverbs may stand between its comma and the verb: 'X, a doctor, again
    rejected …')."""
    low = view.low
    verb_at, verb = verb, view.group_start(verb)
    verb = (_aux_over_time(view, verb) or (verb,))[0]
    c = verb - 1  # the comma before the verb group
    if c >= 2 and view.toks[c].text in _closers(view.pack) and low[c - 1] == ",":
        c -= 1  # 'X, who calls him a "sociopath," said': the comma inside the quotation
    if verb < 3 or low[c] != ",":
        return None
    for j in range(c - 1, 0, -1):
        if low[j] == ",":
            a = view.prev_boundary(j)
            lead = _lead_start(view, a, j)
            if lead is not None:
                a = lead
            if low[j + 1] in view.pack.relative_pronouns:
                # not "Die Lage ist ernst, die Preise steigen, sagte er": X holds no verb
                if not (j > a and _phrase(view, a, j)):
                    return None
                # "X, der Minister des Landes, sagte": an apposition with its article
                apposition = not _relative_at(view, j + 1) and _apposition(view, j + 1, c)
                if apposition and lead is not None:
                    return a, c
                # "Elward Edd, an official at X, which has …, said": the name before the apposition
                return (_apposition_chain(view, j, j + 1) or (a, j)) if lead is None else (a, j)
            if c == j + 2 and view._modifier(j + 1) and lead is not None:
                return (a, j) if j > a and _phrase(view, a, j) else None  # "X, however, say …"
            after = low[verb_at + 1] if verb_at + 1 < len(low) else ""
            adjunct = after in view.pack.prepositions or after in view.pack.addressee_prepositions \
                or after in view.pack.contracted_articles  # "…, sagte gegenüber der Presse"
            inverted = view.pack.verb_second and not adjunct and after not in view.pack.object_words \
                and view.noun_phrase_after(verb_at + 1)[1] > verb_at + 1  # not "kritisierte den Plan"
            if inverted or not _apposition(view, j + 1, c):
                return None
            if lead is not None and 0 < j - a <= APPOSITION_WORDS and _phrase(view, a, j):
                return a, c  # "Henk Meijer, Laborleiter der Firma, erklärte: …"
            # "Suu Kyi, 70, said", "Jane Roe, 27, a nurse, said": more appositions before this one
            return _apposition_chain(view, j, c + 1)
    return None


def _aux_over_time(view: SentenceView, i: int) -> tuple[int, int] | None:
    """The auxiliaries [a, b) before a time phrase that ends right before the verb group at i
    ("X, der …, hatte [am Montag] erklärt"), if any."""
    low, pack, j = view.low, view.pack, i
    while j > 0 and (low[j - 1] in pack.time_words or (view._modifier(j - 1) and not view.is_finite(j - 1)
                                                       and low[j - 1] not in BOUNDARY)):
        j -= 1  # "hatte am Montag erklärt", "hatte überraschend angekündigt"
        if j > 0 and low[j - 1] in pack.contracted_articles:
            j -= 1
    start = view.group_start(j) if j < i else i
    return (start, j) if start < j and view.is_finite(start) else None


def _apposition_chain(view: SentenceView, j: int, verb: int) -> tuple[int, int] | None:
    """A name at the sentence start followed by up to two more comma-separated appositions,
    ending at the comma j."""
    for _ in range(2):
        k = max((x for x in range(j) if view.low[x] == ","), default=-1)
        if k < 0 or not _apposition(view, k + 1, j):
            return None
        a = _lead_start(view, view.prev_boundary(k), k)
        if a is not None and 0 < k - a <= APPOSITION_WORDS and _phrase(view, a, k):
            return a, verb - 1
        j = k
    return None


def _lead_start(view: SentenceView, a: int, j: int) -> int | None:
    """Where a subject that ends at token j may start when the clause before it starts at a: at
    the sentence start, or right after a quotation closed by a comma ('"…," Jane Roe, a nurse,
    said'); None when the clause starts elsewhere."""
    if a == 0:
        return 0
    if a < j and a > 1 and view.toks[a].text in _closers(view.pack) and view.low[a - 1] == ",":
        return a + 1
    if a > 2 and view.low[a - 1] == "," and view.low[0] in view.pack.subordinators \
            and "," not in view.low[1 : a - 1]:
        return a  # "When the count ended, Roberta Lange, the chairwoman, said …": after the clause
    if a > 1 and view.low[a - 1] == "," and _fronted_adjuncts(view, a - 1):
        return a  # "On Wednesday, however, the director, James Comey, said …"
    return None


def _fronted_adjuncts(view: SentenceView, end: int) -> bool:
    """Tokens [0, end) are short phrases between commas that each open with a preposition, a
    time word or a fronted adverb ("On Wednesday, however,"): adjuncts before the subject."""
    low, pack, start = view.low, view.pack, 0
    for comma in [j for j in range(end) if low[j] == ","] + [end]:
        if comma - start > ADJUNCT_WORDS or comma == start or not _phrase(view, start, comma):
            return False
        first = low[start]
        adverb = comma == start + 1 and first in _adverbs_first(pack) and first not in pack.conjunctions
        if not (adverb or first in pack.prepositions or first in pack.time_words):
            return False  # not "But X, …," nor "At Y, where …,"
        start = comma + 1
    return True


APPOSITION_WORDS = 18  # "chief executive officer of Private Jet Services, an aviation consulting firm and …"


def _with_apposition(view: SentenceView, b: int, limit: int) -> int:
    """End of a source that closes its sentence after the cue, with the apposition that follows
    it ("said Alyssa Reyes, 29, of Meridian"): both datasets mark it as part of the source."""
    n = limit  # the sentence end, or a particle after the source ("…, teilte X, Y, mit")
    end = n - (n > 0 and view.low[n - 1] in END_PUNCT)
    while end > b and view.toks[end - 1].text in QUOTE_OR_COMMA:
        end -= 1
    nb = view.next_boundary(b + 1) if b < end else end
    if nb < end and view.low[nb] == "," and nb + 1 < end and _relative_at(view, nb + 1):
        end = nb  # "said Jon Ralston, a political commentator in Nevada, who …"
    if nb < end and view.low[nb] == "," and nb + 1 < end and view.toks[nb + 1].text in _openers(view.pack):
        end = nb  # 'said X, director of Y, "but it is …"': the quotation goes on
    if b < end and view.low[b] == "," and 0 < end - b - 1 <= APPOSITION_WORDS + 2 \
            and _phrase(view, b + 1, end):
        return end
    return b


def _clause_word(view: SentenceView, j: int) -> bool:
    """A verb of speaking, an auxiliary or a complementiser: a word that makes a clause."""
    return view.is_verb_form(j) or view.is_finite(j) or view.low[j] in view.pack.complementizers


def _phrase(view: SentenceView, a: int, b: int) -> bool:
    """Tokens [a, b) hold no clause word (`_clause_word`) and no quotation mark (a possessive
    apostrophe is none: "the Democrats' event")."""
    return b > a and not any(
        _clause_word(view, j) or (view.toks[j].text in QUOTE_CHARS and not _possessive_mark(view, j))
        for j in range(a, b))


def _possessive_mark(view: SentenceView, j: int) -> bool:
    """A single quotation mark glued to a plural in -s before it ("Democrats' event")."""
    toks = view.toks
    return toks[j].text in {"'", "’"} and j > 0 and toks[j - 1].end == toks[j].start \
        and toks[j - 1].text.endswith("s") and (j + 1 >= len(toks) or toks[j + 1].start > toks[j].end)


def _apposition(view: SentenceView, a: int, b: int) -> bool:
    """A short noun phrase between two commas after a name ("X, Laborleiter der Firma, sagte")."""
    rel = next((j for j in range(a + 1, b) if _relative_at(view, j)), b)  # "a veteran who now is …"
    return 0 < b - a <= APPOSITION_WORDS and _phrase(view, a, rel) and (
        view.toks[a].text[:1].isupper() or view.low[a] in view.pack.determiners
        or view.toks[a].text.isdigit()  # an age: "Suu Kyi, 70, said"
        or (not view.pack.capitalised_nouns and b - a > 1))  # "X, chief executive of Y, said"


def _after_comma(view: SentenceView, verb: int) -> int:
    for j in range(verb - 1, -1, -1):
        if view.low[j] in {",", ":"} or view.toks[j].text in _closers(view.pack):
            return j + 1
    return 0


ADVERB_WORDS = 2


def _after_adverbs(view: SentenceView, k: int) -> int:
    """The comma after up to two lower-case adverbs right after a cue ("überlegten kurz, …",
    "sagte zudem, …"), else k: the words are how it was said, not what."""
    n, low = len(view.toks), view.low
    if not view.pack.capitalised_nouns:
        return k  # a lower-case word is an adverb only where nouns are capitalised ("how, …")
    j = k
    while j < min(n, k + ADVERB_WORDS) and view.toks[j].text[:1].islower() and not (
            low[j] in view.pack.complementizers or low[j] in view.pack.determiners
            or low[j] in view.pack.pronouns or view.is_finite(j) or low[j] in view.pack.speech_verbs):
        j += 1
    return j if k < j < n and low[j] == "," else k


def _agent(view: SentenceView, a: int, b: int) -> tuple[int, int]:
    """The agent of a passive between its auxiliary and participle: the noun phrase after the
    pack's first agent preposition in [a, b) ("wurde von der Regierung beschuldigt"); else an
    empty range at b."""
    for j in range(a, b - 1):
        if view.low[j] in view.pack.agent_prepositions:
            x, y = view.noun_phrase_after(j + 1)
            if y > x:
                return x, min(y, b)
    return b, b


def quoting_parties(view: SentenceView, verb: int, content: list[tuple[int, int]]
                    ) -> tuple[tuple[int, int] | None, tuple[int, int]] | None:
    """Who quotes and who is quoted around a quoting verb at local token `verb` ("„…“, zitiert
    die Zeitung den Minister", "X wird von der Zeitung mit den Worten zitiert, …"): char spans
    of the medium (None when the text names none: "zitierte man X", "wird X zitiert") and of
    the person quoted, read from the noun phrases of the verb's clause outside `content`. In
    the active the subject quotes its object; in the passive the subject is quoted, and the
    medium stands after one of the pack's `medium_prepositions`. None: no person to read."""
    pack = view.pack
    lo, hi = _verb_clause(view, verb, content)
    passive = view.low[verb] != pack.speech_verbs.get(view.low[verb]) and any(
        view.low[k] in pack.passive_auxiliaries for k in range(lo, hi))  # "wird … zitieren": future
    bare, media = _clause_phrases(view, lo, hi, verb, passive)
    if passive:
        quoted, medium = (bare[0] if bare else None), (media[0] if media else None)
    elif len(bare) >= 2:
        medium, quoted = (bare[1], bare[0]) if _object_first(view, verb, bare[0], bare[1]) else bare[:2]
        medium = None if view.low[medium[0]] in pack.generic_subjects else medium
    else:
        return None
    if quoted is None:
        return None
    return (view.span(*medium) if medium else None), view.span(*quoted)


def _object_first(view: SentenceView, verb: int, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """The first of two phrases is the object: an object word ("den Minister", "ihn"), or, after
    the verb, a pronoun that may be one before a phrase that is no pronoun ("zitiert sie die
    Zeitung": pronouns come first whatever their case)."""
    pack, low = view.pack, view.low
    if low[first[0]] in pack.object_words:
        return True
    return first[0] > verb and first[1] - first[0] == 1 and low[first[0]] in pack.pronouns \
        and low[first[0]] not in pack.nominative_pronouns \
        and not (second[1] - second[0] == 1 and _pronoun(view, second[0]))


def _verb_clause(view: SentenceView, verb: int, content: list[tuple[int, int]]) -> tuple[int, int]:
    """Tokens [lo, hi) of the clause of the verb at local token `verb`, outside `content` and
    not over a quotation's edge: up to a comma, colon or complementiser, except the commas
    around an apposition or a relative clause after a phrase ("Die Zeitung, die X gehört,
    zitierte …"); not into another clause ("Wie die Agentur meldet, wird X zitiert")."""
    inside = [any(s <= t.start < e for s, e in content) for t in view.toks]
    low, n = view.low, len(view.toks)

    def stop(j: int) -> bool:
        return inside[j] or _quotation_edge(view, j)

    lo, hi = verb, verb + 1
    while lo > 0 and not stop(lo - 1):
        if low[lo - 1] in BOUNDARY or low[lo - 1] in view.pack.complementizers:
            k = _aside_opening(view, lo - 1)
            if k is None:
                break
            lo = k  # past the aside, to the phrase it follows
        lo -= 1
    while hi < n and not stop(hi):
        if low[hi] in BOUNDARY:
            k = next((x for x in range(hi + 1, n) if low[x] in BOUNDARY or low[x] in END_PUNCT), n)
            if low[hi] != "," or not _apposition(view, hi + 1, k):
                break
            hi = k - 1  # an apposition after a phrase ("den Minister, Hans Meier,")
        hi += 1
    return lo, hi


def _aside_opening(view: SentenceView, j: int) -> int | None:
    """The comma that opens an apposition or relative clause closed by the comma at token j."""
    if view.low[j] != ",":
        return None
    k = max((x for x in range(max(0, j - 1 - APPOSITION_WORDS), j) if view.low[x] == ","), default=None)
    return k if k is not None and (_apposition(view, k + 1, j) or _relative_at(view, k + 1)) else None


def _clause_phrases(view: SentenceView, lo: int, hi: int, verb: int, passive: bool
                    ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Noun phrases in tokens [lo, hi) that name someone: those with no preposition before
    them (with an apposition), and those after a medium preposition. In a passive a phrase
    ends at a medium preposition ("wie der Trainer von der Zeitung zitiert wird": two)."""
    pack = view.pack
    bare, media = [], []
    j = lo
    while j < hi:
        if view.low[j] == "," and j + 1 < hi and _relative_at(view, j + 1):
            j = next((x for x in range(j + 1, hi) if view.low[x] == ","), hi)  # names no party
            continue
        prep = view.low[j] in pack.prepositions or view.low[j] in pack.contracted_articles
        a, b = view.noun_phrase_after(j + prep)
        if b <= a and not prep and _pronoun(view, j):
            a, b = j, j + 1  # "zitiert ihn die Zeitung": a pronoun object
        if b <= a and prep and j + 1 < hi and view.toks[j + 1].text in _openers(pack):
            a, b = j + 1, view._quoted_title_end(j + 1)  # "im „Spiegel“"
        b = next((k for k in range(a + 1, b) if passive and view.low[k] in pack.medium_prepositions),
                 min(b, hi))
        opener = not prep and view.low[j] in pack.stop_capitalised and not (
            view.low[j] in pack.determiners or view.low[j] in pack.pronouns)  # "Wie", "Auch"
        if j == verb or b <= a or opener or not _names(view, a, b):
            j += 1
            continue
        if not prep:
            b = _apposed(view, b, hi)
            bare.append((a, b))
        elif view.low[j] in pack.medium_prepositions and _publication(view, j, a, b):
            media.append((a, b))
        j = b
    return bare, media


def _publication(view: SentenceView, prep: int, a: int, b: int) -> bool:
    """The phrase [a, b) after the medium preposition at `prep` names a publication: any agent
    ("von der Zeitung"); after another preposition one with an article or a quoted title ("in
    der Zeitung", "im „Spiegel“"; not "in Berlin") that is no occasion ("im Interview")."""
    pack, low = view.pack, view.low
    if low[prep] in pack.agent_prepositions:
        return True
    marked = low[prep] in pack.contracted_articles or low[a] in pack.determiners \
        or view.toks[a].text in QUOTE_CHARS
    return marked and not any(view.toks[k].text[:1].isupper() and low[k].endswith(pack.occasion_nouns)
                              for k in range(a, b))


def _names(view: SentenceView, a: int, b: int) -> bool:
    """Tokens [a, b) hold a capitalised word or a pronoun ("ihn" too, of the object words that are
    no articles): a phrase that can name someone."""
    return any(view.toks[k].text[:1].isupper() or _pronoun(view, k) for k in range(a, b))


def _pronoun(view: SentenceView, k: int) -> bool:
    """A personal pronoun: of the pack's `pronouns`, or an object word that is no article ("ihn")."""
    low, pack = view.low[k], view.pack
    return low in pack.pronouns or (low in pack.object_words and low not in pack.determiners)


def _quotation_edge(view: SentenceView, j: int) -> bool:
    """Token j ends a clause at a quotation ('…“, wird X zitiert', '…: „'): the verb's
    clause does not run over it into another claim's words."""
    if view.low[j] in END_PUNCT:
        return True
    near = (view.toks[j - 1].text if j > 0 else "", view.toks[j + 1].text if j + 1 < len(view.toks) else "")
    return view.low[j] in {",", ":"} and any(t in QUOTE_CHARS for t in near)


def _apposed(view: SentenceView, b: int, hi: int) -> int:
    """End of a phrase ending at b with the apposition between commas after it ("Der
    Fraktionschef der Grünen, Volker Ratzmann, wird …")."""
    if b < hi and view.low[b] == ",":
        k = next((x for x in range(b + 1, min(hi, b + APPOSITION_WORDS + 2)) if view.low[x] == ","), None)
        if k is not None and _apposition(view, b + 1, k):
            return k
    return b


def _subject_before_auxiliary(view: SentenceView, a: int, aux: int) -> bool:
    """Tokens [a, aux) are one noun phrase that is not a prepositional or adverbial opening, so
    the clause is subject first ("Der Minister hatte … erklärt"), not inverted ("Am Montag hatte
    der Minister erklärt")."""
    low, pack = view.low[a], view.pack
    if aux <= a or low in pack.prepositions or low in pack.contracted_articles:
        return False
    return view.noun_phrase_after(a) == (a, aux)


def _subject_between(view: SentenceView, verb: int) -> tuple[int, int]:
    """Subject of an inverted clause: the NP right after the finite verb or auxiliary (a
    pronoun, an article, or a bare name: "..., habe Kim betont, dass")."""
    start = view.prev_boundary(verb)
    nxt = verb + 1 + (verb + 1 < len(view.toks) and view.low[verb + 1] in view.pack.reflexives)
    pack = view.pack
    while nxt < len(view.toks) and (view.low[nxt] in pack.time_words or (
            view.low[nxt] in pack.object_words and view.low[nxt] in pack.pronouns)):
        nxt += 1  # "kündigte heute der Präsident an", "warf ihm die Opposition vor"
    particle = nxt < len(view.toks) and view.low[nxt] in view.pack.separable.get(view.low[verb], ())
    finite = [j for j in range(start, verb) if view.is_finite(j)]
    if not particle and not finite:
        a, b = view.noun_phrase_after(nxt)  # "Auf der Kundgebung erklärte der Künstler, …"
        if b > a and view.low[a] not in pack.object_words:  # not "kritisierte den Anschlag"
            return a, b  # "In einem Interview äußerte sich der Beauftragte": past "sich"
    for j in range(start, verb):
        if view.low[j] in view.pack.object_words or (j > start and view.low[j - 1] in pack.prepositions):
            continue  # "Am Montag warf ihm die Opposition vor", "Nach der Sitzung hatte X": no subject
        if view.low[j] in view.pack.pronouns or view.low[j] in view.pack.determiners:
            a, b = view.noun_phrase_after(j)
            if b > a:
                return a, min(b, verb)
    if finite and finite[0] + 1 < verb and view.toks[finite[0] + 1].text[:1].isupper():
        a, b = view.noun_phrase_after(finite[0] + 1)
        if b > a:
            return a, min(b, verb)
    a, b = view.noun_phrase_after(verb + 1)
    return (a, b) if b > a else (verb, verb)


@functools.cache
def _closers(pack: LanguagePack) -> frozenset[str]:
    return frozenset(c for _, c in pack.quote_pairs)


@functools.cache
def _long_adjective_endings(pack: LanguagePack) -> tuple[str, ...]:
    """Adjective endings of two letters or more: "-e" is also the past of a finite verb
    ("gewandt sagte Köhler")."""
    return tuple(e for e in pack.adjective_endings if len(e) > 1)


@functools.cache
def _adverbs_first(pack: LanguagePack) -> frozenset[str]:
    """Capitalised first words that start no subject ("Hier", "However"): an adverb is fronted."""
    return pack.stop_capitalised - (pack.pronouns.keys() | pack.determiners)


@functools.cache
def _openers(pack: LanguagePack) -> frozenset[str]:
    return frozenset(o for o, _ in pack.quote_pairs)


@functools.lru_cache(maxsize=16)
def prefixes_by_first_word(prefixes: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    """Prefix cues by their first word, in pack order (a token is compared only with cues that
    can start there)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for words in prefixes:
        out.setdefault(words[0], []).append(words)
    return out


def colon_claims(view: SentenceView) -> list[Draft]:
    """'Ein Beamter der Polizei: „…“': a short noun phrase without a verb, a colon and a
    quotation; the phrase is the source."""
    low = view.low
    colon = next((j for j in range(1, min(len(low) - 1, APPOSITION_WORDS + 1)) if low[j] == ":"), None)
    if colon is None:
        return []
    if view.toks[colon + 1].text not in _openers(view.pack):
        return _headline_claim(view, colon)
    if not _phrase(view, 0, colon) or not any(t.text[:1].isupper() for t in view.toks[:colon]) \
            or any(low[j] in BOUNDARY for j in range(colon)):
        return []
    content = view.span(colon + 1, len(view.toks))
    a, b = _colon_subject(view, colon)
    if b - a == 1 and (low[a] in view.pack.conjunctions or low[a] in _adverbs_first(view.pack)):
        return []  # 'Und: „…“': no source named; the quotation reads on from the one before
    cue = [(view.toks[colon].start, view.toks[colon].end)] if view.pack.colon_cue else []
    return [Draft("direct", [content], [view.span(a, b)], cue, view.sent.index, 0.5)]


def _headline_claim(view: SentenceView, colon: int) -> list[Draft]:
    """'Marco Rubio: I'm Not Interested', 'Lopez: Well, no one …': a name of a few capitalised
    words, a colon and a clause (headlines, interview transcripts); no quotation needed where
    the pack reads the colon as a cue (`colon_cue`)."""
    toks = view.toks
    if not view.pack.colon_cue or colon > NAME_WORDS or not all(t.text[:1].isupper() for t in toks[:colon]) \
            or len(toks) - colon < 4 or any(view.low[j] in view.pack.stop_capitalised for j in range(colon)):
        return []
    content = view.span(colon + 1, len(toks))
    cue = [(toks[colon].start, toks[colon].end)]
    return [Draft("indirect", [content], [view.span(0, colon)], cue, view.sent.index, 0.45)]


def _colon_subject(view: SentenceView, colon: int) -> tuple[int, int]:
    """The source before a colon: the whole phrase ("Ein Beamter der Polizei:"), or, where a
    verb stands in it, its subject ("Zypries sieht darin eine Bestätigung:", "Hier sparte der
    Präsident nicht mit Kritik:")."""
    verb = next((j for j in range(colon) if _verb_like(view, j)), None)
    if verb is None:
        return 0, colon
    pack = view.pack
    a, b = view.noun_phrase_after(0)
    if a == 0 and b == verb and view.low[0] not in _adverbs_first(pack):
        return a, b
    a, b = view.noun_phrase_after(verb + 1)
    return (a, b) if b > a else (0, colon)


def _verb_like(view: SentenceView, j: int) -> bool:
    """Where nouns are capitalised, a lower-case word that is no determiner, preposition,
    pronoun or inflected adjective is likely a verb ("Sein Werk entstand 1970: „…“")."""
    pack, low, text = view.pack, view.low[j], view.toks[j].text
    if not (pack.capitalised_nouns and text[:1].isalpha() and text[:1].islower()) or low in pack.determiners \
            or low in pack.prepositions or low in pack.pronouns or low in pack.contracted_articles \
            or low in pack.reflexives:
        return False
    nxt = view.low[j + 1] if j + 1 < len(view.low) else ""
    return not low.endswith(pack.adjective_endings) or nxt in pack.determiners or nxt in pack.pronouns \
        or nxt in pack.prepositions or nxt in pack.reflexives  # "sparte der Präsident", "wollte sich",
    # not "erstes großes Werk"


def according_claims(view: SentenceView) -> list[Draft]:
    """'laut X', 'nach Angaben X', 'X zufolge', '…, so X.', 'wie X berichtete,', 'according to X',
    'Demnach …', '…, wonach …': each token is tried by every reader of such phrases."""
    drafts: list[Draft] = []
    if view.low and view.low[-1] == "?" and not any(t.text in QUOTE_CHARS for t in view.toks):
        return drafts  # "Welche Vorschläge sind Ihrer Meinung nach verfassungswidrig?": a question
    triggers = _according_triggers(view.pack)
    for i, low in enumerate(view.low):
        if low in triggers:  # most words start no such phrase: skip the readers
            drafts += [d for reader in ACCORDING_READERS if (d := reader(view, i))]
    return drafts


@functools.cache
def _according_triggers(pack: LanguagePack) -> frozenset[str]:
    """Every word with which one of the according readers may start."""
    return frozenset(p[0] for p in pack.according_prefix) | pack.statement_prepositions \
        | pack.according_postfix | pack.so_markers | pack.relative_cues | pack.as_markers \
        | pack.anaphoric_cues | pack.hearsay_adverbs | pack.known_words | pack.copulas


def _prefix_claim(view: SentenceView, i: int) -> Draft | None:
    """'laut X', 'nach Angaben (von) X', 'according to X' at token i; else a statement noun
    after a preposition ('Nach Polizeiangaben')."""
    pack, low, n = view.pack, view.low, len(view.toks)
    for words in prefixes_by_first_word(pack.according_prefix).get(low[i], ()):
        if tuple(low[i : i + len(words)]) != words or (i and low[i - 1] == words[0]):
            continue
        size = len(words)
        if i + size < n and low[i + size] in _prefix_closers(pack.according_prefix):
            size += 1  # "Nach Meinung von X", as "nach Angaben von X"
        a, b = _according_source(view, i + size)
        if b == a or (len(words) == 1 and _bare_noun(view, a)):
            continue
        b = _with_inserted_apposition(view, b)  # "Nach Meinung von X, Professor in Y, …"
        content = _rest_of_sentence(view, i, b)
        if i and view.is_verb_form(i - 1) and b + 1 < n and low[b] == ",":
            content = [view.span(b + 1, n)]  # "meldete unter Berufung auf X, Y": Y
        if pack.noun_in_source and len(words) > 1 and words[1] in _prefix_nouns(pack):
            a, size = i + 1, 1  # "nach | Angaben der Polizei"
        return Draft("according_to", content, [view.span(a, b)], [view.span(i, i + size)],
                     view.sent.index, 0.6)
    return _statement_noun_claim(view, i)


def _postfix_claim(view: SentenceView, i: int) -> Draft | None:
    """'X zufolge': the noun phrase right before the postposition is the source."""
    if view.low[i] not in view.pack.according_postfix:
        return None
    a = view.prev_boundary(i)
    while a < i - 1 and (view.low[a] in view.pack.conjunctions or not all(
            (view._np_token(j) or (j > a and view.toks[j].text in QUOTE_CHARS)) and not view.is_finite(j)
            for j in range(a, i))):  # a quoted title in it: "Dem Portal „Kickwelt“ zufolge"
        a += 1  # "Ursache dürfte ersten Annahmen zufolge …": the phrase right before ("was aber
        # dem Zeugen zufolge": not the conjunction)
    if i <= a:
        return None
    return Draft("according_to", _rest_of_sentence(view, a, i + 1), [view.span(a, i)],
                 [view.span(i, i + 1)], view.sent.index, 0.6)


def _anaphoric_claim(view: SentenceView, i: int) -> Draft | None:
    """'Demnach habe …' at a clause start: the source is named before (the engine links it)."""
    low = view.low
    if low[i] not in view.pack.anaphoric_cues or (i and low[i - 1] not in BOUNDARY):
        return None
    content = view.span(i + 1, len(view.toks))
    return None if content == (0, 0) else Draft(
        "according_to", [content], [], [view.span(i, i + 1)], view.sent.index, 0.5)


def _marked_claim(view: SentenceView, i: int) -> Draft | None:
    """'…, so X', 'nach' after a statement noun, '…, wonach …', 'wie X berichtete,' at token i."""
    low, pack = view.low, view.pack
    if low[i] in pack.so_markers and i and (low[i - 1] == "," or view.toks[i - 1].text in _closers(pack)):
        return _so_claim(view, i)
    if low[i] in pack.statement_prepositions and i > 0 and (d := _statement_noun_before(view, i)):
        return d
    if low[i] in pack.statement_prepositions and i > 1 and low[i - 1] == "," and i + 1 < len(low) \
            and _relative_at(view, i + 1):  # "Es gibt Gerüchte, nach denen Barrett krank war."
        end = view.next_boundary(i + 2)
        return Draft("according_to", [view.span(i + 2, end)], [view.span(i + 1, i + 2)],
                     [view.span(i, i + 1)], view.sent.index, 0.5) if end > i + 2 else None
    if low[i] in pack.relative_cues and i > 1 and low[i - 1] == ",":
        return _relative_cue_claim(view, i)
    if low[i] in pack.as_markers and (i == 0 or low[i - 1] in BOUNDARY) \
            and not in_phrase(low, i, pack.cue_idioms):  # not "Wie erwartet sagte er, …"
        return _as_claim(view, i)
    return None


def _hearsay_claim(view: SentenceView, i: int) -> Draft | None:
    """'The company has reportedly taken heat …': a hearsay adverb (pack `hearsay_adverbs`) makes
    its sentence an unnamed source's account, the adverb its cue (as English data marks it)."""
    if view.low[i] not in view.pack.hearsay_adverbs:
        return None
    if any(view.is_verb_form(j) for j in range(len(view.toks))):
        return None  # "Trump reportedly said …": the verb's claim
    content = _rest_of_sentence(view, i, i + 1)
    return Draft("indirect", content, [], [view.span(i, i + 1)], view.sent.index, 0.45) if content else None


def _known_claim(view: SentenceView, i: int) -> Draft | None:
    """'Im Mai wurde bekannt, dass …' / 'nachdem bekannt geworden war, dass …': what became
    known has no source in the sentence; the predicate word and its verbs of becoming known
    (pack `known_words`, `known_verbs`; an auxiliary may follow them) are the cue. After 'Wie
    bekannt wurde,' the rest of the sentence is the content; "Es ist bekannt, dass …" is no
    claim (nothing became known)."""
    low, pack, n = view.low, view.pack, len(view.toks)
    if low[i] not in pack.known_words:
        return None
    before = [j for j in (i - 1, i - 2) if j >= 0 and low[j] in pack.known_verbs][:1]
    if before and before[0] == i - 2 and low[i - 1] in BOUNDARY:
        before = []
    j = i + 1
    while j < n and (low[j] in pack.known_verbs or (j > i + 1 and low[j] in pack.clause_verbs)):
        j += 1  # "bekannt geworden war"
    if not before and (j == i + 1 or low[i + 1] not in pack.known_verbs) or j + 1 >= n or low[j] != ",":
        return None
    cue = [view.span(k, k + 1) for k in before] + [view.span(i, j)]
    content = [view.span(j + 1, _before_next_cue(view, j + 1))]
    if i and low[i - 1] in pack.as_markers:  # "Wie bekannt wurde, ist …"
        return Draft("indirect", content, [], [view.span(i - 1, i)] + cue, view.sent.index, 0.5)
    if low[j + 1] not in pack.complementizers:
        return None
    return Draft("indirect", content, [], cue, view.sent.index, 0.5)


def _opinion_claim(view: SentenceView, i: int) -> Draft | None:
    """'X ist der Meinung, dass …' / 'X ist überzeugt, die Reform komme': a copula (pack
    `copulas`) at i and one of the pack's `opinion_phrases` after it make the subject before
    the copula the source of the reported clause after the comma; copula and phrase are the
    cue."""
    low, pack, n = view.low, view.pack, len(view.toks)
    if low[i] not in pack.copulas or not i:
        return None
    for phrase in prefixes_by_first_word(pack.opinion_phrases).get(low[i + 1] if i + 1 < n else "", ()):
        end = i + 1 + len(phrase)
        if tuple(low[i + 1 : end]) != phrase or end + 1 >= n or low[end] != "," \
                or not _reported_clause_at(view, end + 1):
            continue  # not "Die Fans waren überzeugt, als das Tor fiel"
        front = view.prev_boundary(i)
        a, b = view.noun_phrase_after(front)
        if not (a == front and b == i):
            return None  # the subject stands right before the copula
        content = view.span(end + 1, _before_next_cue(view, end + 1))
        return Draft("indirect", [content], [view.span(a, b)], [view.span(i, end)], view.sent.index, 0.55)
    return None


def _reported_clause_at(view: SentenceView, k: int) -> bool:
    """A reported clause opens at k: a complementiser, or a subjunctive in the rest of the
    sentence ("…, die Regierung habe versagt")."""
    low, pack = view.low, view.pack
    return low[k] in pack.complementizers or any(low[j] in pack.subjunctive for j in range(k, len(low)))


def _before_next_cue(view: SentenceView, k: int) -> int:
    """The end of a content that starts at k: before a comma and a verb of speaking ("…, dass die
    Reform kommt, sagte sein Sprecher"), else the sentence end."""
    low, n = view.low, len(view.toks)
    return next((j for j in range(k + 1, n - 1) if low[j] == "," and view.is_verb_form(j + 1)), n)


ACCORDING_READERS = (_prefix_claim, _postfix_claim, _marked_claim, _anaphoric_claim, _hearsay_claim,
                     _known_claim, _opinion_claim)


def _statement_noun_before(view: SentenceView, i: int) -> Draft | None:
    """'Die Partei will ihrer Meinung nach …': a statement noun right before the preposition
    (used as a postposition) heads the source, with its determiners and adjectives."""
    pack, low = view.pack, view.low
    head = low[i - 1]
    if not view.toks[i - 1].text[:1].isupper() or not (
            head.endswith(pack.statement_nouns) or head in _prefix_nouns(pack)):
        return None
    nxt = i + 1 < len(view.toks) and view.toks[i + 1]
    if nxt and nxt.text[:1].isupper() and nxt.lower not in pack.stop_capitalised:
        return None  # "Angaben nach Berlin": a preposition before its own noun
    a, start = i - 1, view.prev_boundary(i)
    while a > start and not _relative_at(view, a - 1) and low[a - 1] not in pack.reflexives and (
            low[a - 1] in pack.determiners or (view._modifier(a - 1) and not _clause_word(view, a - 1))):
        a -= 1  # not "äußerte sich seiner Meinung nach"
    content = _rest_of_sentence(view, a, i + 1)
    if not content:
        return None
    return Draft("according_to", content, [view.span(a, i)], [view.span(i, i + 1)],
                 view.sent.index, 0.55)


def account_before(view: SentenceView, comma: int) -> tuple[int, int] | None:
    """The noun phrase naming an account that a relative cue after the comma at local token
    `comma` follows, as a char span: the last phrase in the clause before the comma with a
    capitalised word ending like one of the pack's `statement_nouns` or `account_nouns` ("Das
    Ministerium wies am Montag Berichte der Zeitung zurück, wonach …": "Berichte der Zeitung"),
    or that clause when it is one phrase that names someone ("Die Sichtweise des Ministers,
    wonach …"); None if there is none ("…, den Wolf einzufangen, wonach er …")."""
    pack, found = view.pack, None
    start = j = view.prev_boundary(comma)
    while j < comma:
        a, b = view.noun_phrase_after(j)
        b = min(b, comma)
        heads = [k for k in range(a, b) if view.toks[k].text[:1].isupper()
                 and view.low[k].endswith(pack.statement_nouns + pack.account_nouns)]
        whole = (a, b) == (start, comma) and _names(view, a, b)
        opener = view.low[a] in pack.stop_capitalised and view.low[a] not in pack.determiners
        if (heads or whole) and not opener:
            found = a, b
        j = max(a + 1 if opener else b, j + 1)  # "am Montag Berichte": on after the opener
    return view.span(*found) if found else None


def _relative_cue_claim(view: SentenceView, i: int) -> Draft | None:
    """'Ein Bericht der Agentur, wonach X festgenommen worden sei, wurde dementiert': the account
    named before the comma (`account_before`) is the source, the clause after the relative
    adverb the content; after no account ("den Wolf einzufangen, wonach er …") it is no cue."""
    account = account_before(view, i - 1)
    end = view.next_boundary(i + 1)
    if account is None or end <= i + 1:
        return None
    return Draft("according_to", [view.span(i + 1, end)], [account], [view.span(i, i + 1)],
                 view.sent.index, 0.55)


def _so_claim(view: SentenceView, i: int) -> Draft | None:
    """'…, so der Sprecher.' at the end, or inserted ('Die Lage, so der Sprecher, sei ernst'),
    also with a verb ('…, so betont auch die Polizei, …': then the verb is the cue)."""
    n, low = len(view.toks), view.low
    j = i + 1
    verb = j < n and view.is_verb_form(j)
    j += verb
    while verb and j + 1 < n and view._modifier(j) and not view._modifier(j + 1):
        j += 1  # a focus word: "auch", "zudem"
    a, b = view.noun_phrase_after(j)
    if b == a:
        return None
    content = [view.span(0, i - 1)]
    if b + 1 < n and low[b] == "," and not _relative_at(view, b + 1) and not (
            i > 1 and view.low[i - 2] in END_PUNCT | _closers(view.pack)):
        content.append(view.span(b + 1, n))  # inserted: "Der Präsident sei, so X, Schuld daran"
    cue = view.span(i + 1, i + 2) if verb else view.span(i, i + 1)  # "so betont X": the verb
    # reported speech with its verb left out, as the tagger modes and GerNewsQuote read it
    return Draft("indirect", [c for c in content if c != (0, 0)], [view.span(a, b)], [cue],
                 view.sent.index, 0.6)


@functools.cache
def _prefix_nouns(pack: LanguagePack) -> frozenset[str]:
    """Nouns of the prefix cues that start with a statement preposition ("Meinung" of "nach
    Meinung"): before that preposition they head a source too ("ihrer Meinung nach")."""
    return frozenset(p[1] for p in pack.according_prefix
                     if len(p) > 1 and p[0] in pack.statement_prepositions)


@functools.lru_cache(maxsize=16)
def _prefix_closers(prefixes: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    """Last words of the longer prefix cues ("von" of "nach Angaben von"): they may follow any
    prefix of the same kind."""
    return frozenset(p[-1] for p in prefixes if len(p) > 2)


def _statement_noun_claim(view: SentenceView, i: int) -> Draft | None:
    """'Nach Polizeiangaben …', 'Nach einer ersten Analyse …': a preposition of the pack's
    `statement_prepositions` before a phrase whose head names a statement (`statement_nouns`,
    matched as word endings so compounds count); the phrase is the source, as German data marks
    it."""
    pack, low = view.pack, view.low
    if low[i] not in pack.statement_prepositions:
        return None
    if not pack.capitalised_nouns:
        return _lower_case_statement_phrase(view, i)
    a, b = view.noun_phrase_after(i + 1)
    heads = [j for j in range(a, b) if view.toks[j].text[:1].isupper()]
    if heads and len(heads) > 1 and not low[heads[0]].endswith(pack.statement_nouns) \
            and low[heads[-1]].endswith(pack.statement_nouns):
        heads = heads[1:]  # "Nach Grupps Meinung": a genitive name before the noun
    if not heads or not low[heads[0]].endswith(pack.statement_nouns):
        return None
    content = _rest_of_sentence(view, i, b)
    if not content:
        return None
    cue_end = heads[0] + 1  # "Nach Schätzung der WHO": the cue is "Nach Schätzung", as for
    closers = _prefix_closers(pack.according_prefix)  # "nach Angaben [von]"
    if pack.noun_in_source:
        cue_end = i + 1  # "Nach | Schätzung der WHO"
    elif cue_end < b and (low[cue_end] in pack.determiners or low[cue_end] in closers):
        a = cue_end = cue_end + (low[cue_end] in closers)
    else:
        cue_end = i + 1  # "Nach Polizeiangaben": the whole phrase is the source
    return Draft("according_to", content, [view.span(a, b)], [view.span(i, cue_end)],
                 view.sent.index, 0.55)


def _lower_case_statement_phrase(view: SentenceView, i: int) -> Draft | None:
    """'In a CNN poll released Monday, Clinton led …': where nouns are not capitalised, a fronted
    phrase whose head is a statement noun (a poll, a survey) is the source, the preposition the
    cue and the rest of the sentence the content, as English data marks it. Only determiners,
    modifiers, names and "of" stand before the head ("In the RealClearPolitics average of New
    Hampshire polls, …")."""
    low, pack = view.low, view.pack
    end = view.next_boundary(i + 1)
    if not (i == 0 and end < len(low) and low[end] == ","):
        return None  # mid-sentence ("leading in the polls", "going to the polls"): measured worse
    head = next((j for j in range(i + 1, min(end, i + 1 + NAME_WORDS + 3))
                 if low[j] in pack.statement_nouns), None)
    if head is None or not _phrase(view, i + 1, head + 1) or any(
            (low[j] in pack.prepositions and low[j] not in pack.np_joiners)
            or low[j] in pack.relative_pronouns or low[j] in pack.conjunctions for j in range(i + 1, head)):
        return None
    if end - head > ADJUNCT_WORDS or any(_clause_word(view, j) for j in range(head + 1, end)):
        return None  # the phrase runs to its comma without a clause: "In a survey from X released Monday,"
    b = end
    content = _rest_of_sentence(view, i, b)
    if not content:
        return None
    return Draft("according_to", content, [view.span(i + 1, b)], [view.span(i, i + 1)], view.sent.index, 0.5)


def _with_inserted_apposition(view: SentenceView, b: int) -> int:
    """End of a source followed by an apposition between commas ("X, Professor am Institut,"),
    else b."""
    if b >= len(view.toks) or view.low[b] != ",":
        return b
    nb = view.next_boundary(b + 1)
    return nb if nb < len(view.toks) and view.low[nb] == "," and _apposition(view, b + 1, nb) else b


def _bare_noun(view: SentenceView, i: int) -> bool:
    """A lower-case word with no determiner where nouns are not capitalised: after a one-word
    prefix it makes a rate, not a source ("per year", "per person"; "per Politico" is one)."""
    pack, low = view.pack, view.low[i]
    return not pack.capitalised_nouns and view.toks[i].text[:1].islower() \
        and low not in pack.determiners and low not in pack.pronouns


JOINED_NAME_RE = re.compile(r"[a-z]+[-.]\w")  # a lower-case start joined to more: "el-Baradei", "ndr.de"


def _according_source(view: SentenceView, i: int) -> tuple[int, int]:
    """Source after 'laut'/'according to': an NP (German) or everything up to the clause end."""
    if view.pack.capitalised_nouns:
        if i < len(view.toks) and JOINED_NAME_RE.match(view.toks[i].text):
            return i, i + 1  # "laut el-Baradei", "laut ndr.de", "laut ai-Bericht"
        a, b = view.noun_phrase_after(i)
        if b == a and i < len(view.toks) and view.toks[i].text in _openers(view.pack):
            return i, view._quoted_title_end(i)  # "Laut „Welt“ soll er …"
        return a, b
    end = view.next_boundary(i)
    return i, min(end, i + 12)


def _as_claim(view: SentenceView, i: int) -> Draft | None:
    """'Wie KCNA berichtete, …' / 'As the agency reported, …', also with an apposition ('Wie die
    Premierministerin, Anna Bligh, erklärte, …')."""
    end = view.next_boundary(i + 1)
    for _ in range(2):
        if any(view.is_verb_form(v) for v in range(i + 1, end)) or end >= len(view.toks) \
                or view.low[end] != ",":
            break
        nxt = view.next_boundary(end + 1)
        if not _apposition(view, end + 1, nxt):
            break
        end = view.next_boundary(nxt + 1)
    if i + 1 < len(view.toks) and view.is_verb_form(i + 1):
        return None  # "Wie sicherten sich die Niederländer …": a question or comparison
    for v in range(end - 1, i, -1):
        if view.is_verb_form(v):
            src = view.span(i + 1, _before_prefix(view, i + 1, v))  # not "unter Berufung auf Y"
            if src == (0, 0) or not any(_names_someone(view, k) for k in range(i + 1, v)):
                return None  # "wie zunächst angenommen": nobody is named
            content = view.span(end + 1, len(view.toks)) if end < len(view.toks) else (0, 0)
            if content == (0, 0) and i > 1:
                content = view.span(0, i - 1)  # "…, wie die Polizei mitteilte."
            if content == (0, 0):
                return None
            cue = [view.span(i, i + 1), view.span(v, v + 1)]
            return Draft("according_to", [content], [src], cue, view.sent.index, 0.65)
    return None


def _before_prefix(view: SentenceView, a: int, b: int) -> int:
    """Where the first according-to prefix cue ("unter Berufung auf") in tokens [a, b) starts;
    b if none does."""
    prefixes = prefixes_by_first_word(view.pack.according_prefix)
    return next((k for k in range(a + 1, b) for words in prefixes.get(view.low[k], ())
                 if tuple(view.low[k : k + len(words)]) == words), b)


def _names_someone(view: SentenceView, k: int) -> bool:
    """A word that can name a source: anything but a lower-case word the pack's lexicon reads as
    an adverb or participle ("wie zunächst angenommen" names nobody; "wie dpa berichtete" does)."""
    tok, pack = view.toks[k].text, view.pack
    return not (tok[:1].islower() and pack.predicative is not None and pack.predicative(view.low[k]))


def _adjunct_clause_at(view: SentenceView, j: int) -> bool:
    """A clause that modifies what stands before it opens at token j: a relative clause (also
    after a preposition, "…, in denen"), a subordinate clause or a clause of purpose (pack
    `purpose_markers`, "…, um … zu"). It is no content of a verb of speaking before it."""
    low, pack = view.low, view.pack
    if j >= len(view.toks):
        return False
    if _relative_at(view, j) or low[j] in pack.purpose_markers:
        return True
    if low[j] in pack.subordinators:  # "seit 2014" is a phrase, "seit er im Amt ist" a clause
        return low[j] not in pack.prepositions or (j + 1 < len(view.toks) and low[j + 1] in pack.pronouns)
    if low[j] in pack.phrase_subordinators:
        return _phrase_subordinator_at(view, j)  # "…, da dieser …"
    return low[j] in pack.prepositions and j + 2 < len(view.toks) and _relative_at(view, j + 1) \
        and not (low[j + 1] in pack.determiners and view.starts_phrase(j + 2))  # "für die neuen …"


def _relative_at(view: SentenceView, j: int) -> bool:
    """A relative pronoun at j; where nouns are capitalised, an article before a noun is none
    ("…, die Taten seien" against "…, die nicht betroffen sind")."""
    if view.low[j] not in view.pack.relative_pronouns or (
            len(view.toks[j].text) > 1 and view.toks[j].text.isupper()):
        return False  # "The WHO said": an acronym
    return not (view.pack.capitalised_nouns and view.low[j] in view.pack.determiners
                and j + 1 < len(view.toks) and view.toks[j + 1].text[:1].isupper())


def _rest_of_sentence(view: SentenceView, a: int, b: int) -> list[tuple[int, int]]:
    """The sentence around an attribution phrase [a, b); with the pack's `according_clause`,
    from the comma that opens the phrase's clause ("…, diese Taten seien laut X verjährt")."""
    start, low, pack = 0, view.low, view.pack
    if pack.according_clause and a > 0 and low[0] not in pack.subordinators | pack.complementizers:
        start = view.prev_boundary(a)
        if not start or low[start - 1] != "," or low[start] in pack.subordinators or _clause_word(
                view, start) or _relative_at(view, start) or low[start] in pack.conjunctions:
            start = 0
    spans = [view.span(start, a), view.span(b, len(view.toks))]
    return [s for s in spans if s != (0, 0)]
