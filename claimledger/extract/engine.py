"""Extraction: text -> Extraction (claims with roles, nesting, entities, figures).

Chains the passes of `attribution` and resolves sources to entities with `entities`.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from bisect import bisect_left
from collections.abc import Callable
from typing import TYPE_CHECKING

from claimledger.extract import attribution as attr
from claimledger.extract.entities import DocEntity
from claimledger.extract.quantities import find_quantities
from claimledger.extract.sources import resolve_sources
from claimledger.nlp.pack import LanguagePack, get_pack, is_denial_cue
from claimledger.nlp.text import Sentence, Token, datelines, tokenize, typewriter_quotes
from claimledger.records import Claim, EntityRef, Extraction, Quantity, Role
from claimledger.settings import NEURAL_MODES, ExtractOptions

if TYPE_CHECKING:  # the tagger's package loads onnxruntime: only the neural modes import it
    from claimledger.extract.neural.decode import Decoding


def extract(text: str, lang: str, doc_id: str = "", options: ExtractOptions = ExtractOptions()) -> Extraction:
    """Find attributed claims and entities in text written in language `lang`.

    options.mode "fast": the rule engine over the language pack (about 5,000 sentences/s per core);
    "accurate": the fine-tuned tagger in `extract.neural` finds the claims (about 40-55 sentences/s
    per core, much better recall; figures in docs/status.md), keeping those at or above
    options.min_confidence (default: the learned floor); entities, figures and nesting are
    resolved the same way in both modes.
    """
    pack = get_pack(lang)
    reading = typewriter_quotes(text)  # same offsets; the tagger was trained on the marks as typed
    tokens, sentences = tokenize(reading, pack)
    if options.mode in NEURAL_MODES:
        drafts = _neural_drafts(text, lang, tokens, sentences, pack, options)
        choices = _decoding(lang)
        if choices.account_breaks:
            drafts = [part for d in drafts for part in _account_parts(reading, d, tokens, sentences, pack)]
        _link_continuations(drafts)
        kinds = tuple(choices.compact_rule_kinds if options.compact else choices.rule_kinds)
        quotes = choices.compact_rule_quotes if options.compact else choices.rule_quotes
        roles = tuple(choices.compact_rule_roles if options.compact else choices.rule_roles)
        cues = choices.reported_cues and not options.compact
        uses_rules = bool(kinds or quotes or roles or cues)
        # the rules also run for `_reported_frames` alone: without a subjunctive no verb of
        # speaking is reported, so balanced German mode skips them in most texts
        if uses_rules or any(t.lower in pack.subjunctive for t in tokens):
            rules = _rule_drafts(reading, tokens, sentences, pack)
            _reported_frames(drafts, rules, options.min_confidence, choices.according_reports)
            _addressees_apart(drafts, rules)
            _article_sources(reading, drafts, rules, pack)
            starts = [t.start for t in tokens]
            drafts = [d for d in drafts if not _asked(d, tokens, starts, sentences, pack)]
            _own_sentence_acts(drafts, rules, sentences)
            _unnamed_sources(drafts, rules, sentences)
            drafts = _sentences_with_own_cues(reading, drafts, rules, sentences)
            if quotes:
                _quotation_extents(drafts, rules)
            if roles:
                _role_extents(drafts, rules, roles)
            if cues:
                _reported_cues(drafts, rules)
            if uses_rules:  # not where only a subjunctive elsewhere in the text ran the rules
                _according_kinds(drafts, rules)
            if kinds:
                seen = _seen_by_tagger(text, lang, options, choices.rule_support)
                least = choices.rule_quote_words
                stated = [r for r in rules if r.kind != "direct" or _statement(reading, r, least)]
                if not choices.weak_continuations:
                    stated = [r for r in stated if r.kind != "free_indirect"
                              or _reported_only(tokens, sentences[r.sentence], pack)]
                if choices.subjunctive_frames and "indirect" not in kinds:
                    kinds += ("indirect",)
                    stated = [r for r in stated if r.kind != "indirect"
                              or _subjunctive_frame(r, tokens, sentences, pack)]
                drafts += _rule_additions(drafts, stated, kinds, options.min_confidence, seen)
        if choices.according_sentences:
            marked = attr.find_quotes(reading, pack)
            drafts = [part for d in drafts for part in _according_parts(reading, d, sentences, marked)]
    else:
        drafts = _rule_drafts(reading, tokens, sentences, pack)
    if pack.relative_cues:
        drafts = _relative_accounts(drafts, tokens, sentences, pack)
    if pack.quoting_verbs:
        drafts += _quoted_persons(reading, drafts, tokens, sentences, pack)
    _after_datelines(reading, drafts)
    _without_time(reading, drafts, pack)
    _cue_phrases(reading, drafts, pack)
    if reading is not text:
        _typed_marks(text, drafts)
    _frame_edges(text, drafts)  # after the contents took their whole typewriter marks
    drafts.sort(key=lambda d: (d.content[0][0] if d.content else 0, d.cue[0][0] if d.cue else 0))
    _nest(drafts)
    entities, refs = resolve_sources(reading, tokens, drafts, pack)
    quantities = [(q, q.spans[0][0], q.spans[-1][1]) for q in find_quantities(reading, tokens, pack)]
    claims = tuple(_finalise(text, k, d, drafts, refs, quantities) for k, d in enumerate(drafts))
    return Extraction(doc_id=doc_id, lang=lang, claims=claims, entities=entities)


def _relative_accounts(drafts: list[attr.Draft], tokens: list[Token], sentences: list[Sentence],
                       pack: LanguagePack) -> list[attr.Draft]:
    """A content that opens with a relative cue after a comma ("…, wonach die Steuer steige") is
    what the account named before it says ("Berichte der Zeitung"), not what the clause's
    speaker says: the claim goes to that account, the relative cue its cue (continuations
    follow it). A speaker who denies the account ("Das Ministerium wies Berichte der Zeitung
    zurück, wonach …") keeps a reported claim over the account and its clause, the account's
    claim nested in it; any other frame ("konnte Meldungen nicht bestätigen", "Es gibt eine
    Studie") says nothing of its own. An account's claim the rule engine read already is kept
    once."""
    starts = [t.start for t in tokens]
    out = []
    for d in drafts:
        told = _account_claim(d, tokens, starts, sentences, pack)
        if told is None:
            out.append(d)
            continue
        cue = " ".join(tokens[j].lower for s, e in d.cue
                       for j in range(bisect_left(starts, s), bisect_left(starts, e)))
        # the rule engine may have read the account's claim itself
        read = next((o for o in drafts if o is not d and o.cue == told.cue
                     and _same_content(o.content, told.content)), None)
        if is_denial_cue(cue, pack):
            d.kind, d.content = "reported", told.source + d.content
            out += [d] if read else [d, told]
            continue
        out += [] if read else [told]
        for c in drafts:
            if c.inherit_from is d:
                c.inherit_from = read or told
    return out


def _account_claim(d: attr.Draft, tokens: list[Token], starts: list[int], sentences: list[Sentence],
                   pack: LanguagePack) -> attr.Draft | None:
    """The account's claim for a content that opens with "…, wonach" (`_relative_accounts`)."""
    k = bisect_left(starts, d.content[0][0]) if d.content else 0
    if not 0 < k < len(tokens) - 1 or tokens[k].lower not in pack.relative_cues or tokens[k - 1].text != ",":
        return None
    si = _sentence_at(sentences, tokens[k].start)
    if si is None:
        return None
    sent = sentences[si]
    account = attr.account_before(attr.SentenceView(tokens, sent, pack), k - 1 - sent.first)
    rest = [(tokens[k + 1].start, d.content[0][1])] + d.content[1:]
    if account is None or rest[0][0] >= rest[0][1]:
        return None
    return attr.Draft("according_to", rest, [account], [(tokens[k].start, tokens[k].end)], d.sentence,
                      d.confidence)


def _quoted_persons(text: str, drafts: list[attr.Draft], tokens: list[Token], sentences: list[Sentence],
                    pack: LanguagePack) -> list[attr.Draft]:
    """A quoting verb reports a person's words through a medium ("„…“, zitiert die Zeitung den
    Minister"): the claim goes to the medium, and a claim with the same content and cue to the
    person, nested in it (the German news data marks both); its continuations continue the
    person's claim. With no medium named ("wird X zitiert") the person is the source. A verb a
    tagger read as part of the source joins the cue. Returns the persons' claims."""
    starts = [t.start for t in tokens]
    added = []
    for d in drafts:
        verb = next((k for s, e in d.cue + d.source
                     for k in range(bisect_left(starts, s), bisect_left(starts, e))
                     if pack.speech_verbs.get(tokens[k].lower) in pack.quoting_verbs), None)
        si = None if verb is None or not d.content else _sentence_at(sentences, tokens[verb].start)
        if si is None:
            continue
        sent = sentences[si]
        view = attr.SentenceView(tokens, sent, pack)
        if not view.is_verb_form(verb - sent.first):
            continue  # "Der von der Zeitung zitierte Experte": an adjective
        word = (tokens[verb].start, tokens[verb].end)
        if not _overlaps(d.cue, [word]):  # a tagger read it as source: "Das Fachblatt zitierte"
            d.cue = sorted(d.cue + [word])
            d.source = [_stripped(text, s, e) for s, e in _subtract(d.source, word) if text[s:e].strip()]
        parties = attr.quoting_parties(view, verb - sent.first, d.content)
        if parties is None:
            continue
        medium, quoted = parties
        person = _party(d.source, quoted, medium)
        if medium is None:
            d.source = person
            continue
        d.source = _party(d.source, medium, quoted)
        d.addressee = [a for a in d.addressee if not _overlaps([a], [quoted])]
        added.append(dataclasses.replace(d, source=person, cited_by=d, content=list(d.content),
                                         cue=list(d.cue), frame=list(d.frame), addressee=list(d.addressee)))
        for c in drafts:
            if c.inherit_from is d:
                c.inherit_from = added[-1]
    return added


def _party(source: list[tuple[int, int]], party: tuple[int, int],
           other: tuple[int, int] | None) -> list[tuple[int, int]]:
    """The source spans already read for one party of a quoting verb (a tagger's extent), or
    the party's phrase where they hold none of it, start before it ("man X") or run into the
    other party."""
    mine = [s for s in source if _overlaps([s], [party])]
    if mine and mine[0][0] >= party[0] and not (other and _overlaps(mine, [other])):
        return mine
    return [party]


def _after_datelines(text: str, drafts: list[attr.Draft]) -> None:
    """Start each content after a wire dateline it opens with ("BRUSSELS (Reuters) - The ...")."""
    for a, b in datelines(text):
        for d in drafts:
            if d.content and a <= d.content[0][0] < b < d.content[0][1]:
                d.content[0] = (b, d.content[0][1])


FRAME_AFTER = re.compile(r"\s*,\s*")  # between a quote and a frame that takes the comma


def _frame_edges(text: str, drafts: list[attr.Draft]) -> None:
    """A frame surrounds its quote and never holds it: a tagged frame that takes the quote's
    closing mark gives it back. A frame piece right after a content piece begins at the comma
    between them (', sagte Seibert in Berlin'), as German news data marks frames (228 of 232
    such frames in the training split); the tagger often starts it a word later. The rule
    engine's frames already begin there."""
    for d in drafts:
        if not d.frame or not d.content:
            continue
        frame = d.frame
        for cut in d.content:
            frame = _subtract(frame, cut)
        edged = []
        for s, e in frame:
            end = max((ce for _, ce in d.content if ce <= s), default=None)
            if end is not None and FRAME_AFTER.fullmatch(text, end, s):
                s = text.index(",", end, s)
            if e > s:
                edged.append((s, e))
        d.frame = edged


def _typed_marks(text: str, drafts: list[attr.Draft]) -> None:
    """Contents that start or end at one half of a typewriter quotation mark take the whole
    mark, as a quotation's content includes its marks."""
    for d in drafts:
        for k, (a, b) in enumerate(d.content):
            a -= a > 0 and text[a - 1 : a + 1] in ("``", "''", ",,")  # ",,": an opener only
            b += b < len(text) and text[b - 1 : b + 1] in ("``", "''")
            d.content[k] = (a, b)


WORD_RE = re.compile(r"[\w'’]+$")


def _without_time(text: str, drafts: list[attr.Draft], pack: LanguagePack) -> None:
    """Cut a closing time phrase off each source ("eine Sprecherin der Behörde am Dienstag",
    "the campaign on Tuesday"), keeping at least one word."""
    for d in drafts:
        if not d.source:
            continue
        a, b = d.source[-1]
        cut = b
        while (m := WORD_RE.search(text, a, cut)) and m.start() > a:
            word = m.group().lower()
            if pack.past_participle_suffixes and (before := WORD_RE.search(
                    text, a, a + len(text[a : m.start()].rstrip()))) \
                    and before.group().lower().endswith(pack.past_participle_suffixes):
                break  # "a poll released Friday": the time belongs to the participle
            if word in pack.time_words:
                cut = m.start()
            elif cut < b and (word in pack.prepositions or word in pack.contracted_articles):
                cut = m.start()  # "am", "on" before the day
            else:
                break
            cut = len(text[a:cut].rstrip().rstrip(",")) + a  # "…, der Sprecher, am Abend"
        if cut < b:
            d.source[-1] = (a, cut)


def _cue_phrases(text: str, drafts: list[attr.Draft], pack: LanguagePack) -> None:
    """A cue takes the phrase of the pack's `cue_phrases` right after it ("said in a statement",
    as English data most often marks it), unless the phrase is part of a content or source."""
    if not pack.cue_phrases:
        return
    pattern = _cue_phrase_re(pack.cue_phrases)
    for d in drafts:
        if not d.cue:
            continue
        end = d.cue[-1][1]
        m = pattern.match(text, end)
        if m and not _overlaps([(end, m.end())], d.content + d.source):
            d.cue[-1] = (d.cue[-1][0], m.end())


@functools.cache
def _cue_phrase_re(phrases: tuple[tuple[str, ...], ...]) -> re.Pattern[str]:
    words = "|".join(r"\s+".join(re.escape(w) for w in p) for p in phrases)
    return re.compile(rf"\s+(?:{words})\b", re.IGNORECASE)


def _rule_drafts(text: str, tokens: list[Token], sentences: list[Sentence],
                 pack: LanguagePack) -> list[attr.Draft]:
    quoted = attr.find_quotes(text, pack)  # read once: three passes below need them
    drafts = _sentence_drafts(text, tokens, sentences, pack, quoted)
    drafts = _apply_quotes(text, drafts, quoted, sentences, pack)
    drafts = _referred_back(text, drafts, sentences)
    _adjunct_accounts(text, drafts, pack)
    _trailing_accounts(text, drafts)
    _named_before(drafts)
    drafts = _continuations(drafts, tokens, sentences, pack)
    for d in drafts:
        d.frame = d.frame or _frame(text, d, sentences)
    return drafts + _inner_quotes(text, drafts, pack, quoted)


def _inner_quotes(text: str, drafts: list[attr.Draft], pack: LanguagePack,
                  quoted: list[tuple[int, int]]) -> list[attr.Draft]:
    """A direct claim, with the enclosing claim's roles, for each quotation of at least the
    pack's `inner_quote_words` inside a claim that is not direct ('Die Lage sei „völlig außer
    Kontrolle“, so der Sprecher': German data marks the partial quote as a quote of its own);
    inside a continuation it takes the source the continuation repeats."""
    if not pack.inner_quote_words:
        return []
    return [attr.Draft("direct", [(qs, qe)], list(d.source), list(d.cue), d.sentence,
                       d.confidence, frame=list(d.frame), inherit_from=None if d.source else d)
            for d in drafts if d.kind != "direct" for s, e in d.content for qs, qe in quoted
            if s <= qs and qe <= e and (qs, qe) != (s, e) and not _title(text, (qs, qe), pack)
            and len(text[qs:qe].split()) >= pack.inner_quote_words]


def _frame(text: str, d: attr.Draft, sentences: list[Sentence]) -> list[tuple[int, int]]:
    """The words that introduce a claim: the cue's sentence without the claim's content (none
    for a reported speech act, whose verb is part of what is reported); with no cue, the
    source's sentence when the content is in it too ("Ein Beamter der Polizei: „…“")."""
    anchor = d.cue or (d.source if d.source and d.content and _sentence_at(
        sentences, d.source[0][0]) == _sentence_at(sentences, d.content[0][0]) else [])
    k = _sentence_at(sentences, anchor[0][0]) if anchor and d.kind != "reported" else None
    if k is None:
        return []
    pieces = [(sentences[k].start, sentences[k].end)]
    for cut in d.content:
        pieces = _subtract(pieces, cut)
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), s + len(text[s:e].rstrip(" \n.!?")))
            for s, e in pieces if any(ch.isalnum() for ch in text[s:e])]  # without the full stop


def _neural_drafts(text: str, lang: str, tokens: list[Token], sentences: list[Sentence],
                   pack: LanguagePack, options: ExtractOptions) -> list[attr.Draft]:
    from claimledger.extract import neural

    neural.require(options.compact)
    drafts = []
    starts = [t.start for t in tokens]
    for c in neural.predict(text, lang, options.min_confidence, compact=options.compact):
        content, cue = [tuple(x) for x in c["content"]], [tuple(x) for x in c["cue"]]
        drafts.append(attr.Draft(
            c["kind"], content, [tuple(x) for x in c["source"]], cue,
            _sentence_at(sentences, content[0][0]) or 0, float(c["confidence"]),
            frame=[tuple(x) for x in c.get("frame") or []],
            addressee=[tuple(x) for x in c.get("addressee") or []],
            reported_cue=bool(cue) and _subjunctive_before(
                tokens, sentences, bisect_left(starts, cue[0][0]), pack)))
    for d in drafts:
        if d.cue and not d.addressee:
            d.addressee = _told(text, d, tokens, sentences, pack, bisect_left(starts, d.cue[0][0]))
    return drafts


def _decoding(lang: str) -> Decoding:
    from claimledger.extract import neural

    return neural.decoding(lang)


def _quotation_extents(drafts: list[attr.Draft], rules: list[attr.Draft]) -> None:
    """A quotation read between its marks by the rule engine gives its extent to the one tagger
    claim whose content touches it: the marks are certain where the tagger's quote tags may
    stop a word early or run on past the closing mark. The tagger's roles stay. A partial
    quotation inside a rule claim's content gives none: the claim is more than the quotation."""
    for r in rules:
        if r.kind != "direct" or not r.content or any(
                o is not r and o.kind != "direct" and _inside(r.content, o.content) for o in rules):
            continue  # a partial quotation inside a claim ('bezeichnete den Plan als „…“')
        touching = [d for d in drafts if d.content and _overlaps(r.content, d.content)]
        if len(touching) == 1 and touching[0].kind == "direct":  # not a reported clause around it
            touching[0].content = list(r.content)


def _role_extents(drafts: list[attr.Draft], rules: list[attr.Draft], roles: tuple[str, ...]) -> None:
    """Where the rule claim sharing most content with a tagger claim reads the same role words
    (their spans overlap), the rule engine's extent replaces the tagger's: the rules end a source
    before a relative clause, a place or an addressee ("Seibert [in Berlin]", "Georg Ratzinger
    [zur Nachrichtenagentur dpa]") and keep auxiliaries and particles of a cue ("[hatte]
    erklärt", "bezeichnete … [als]") as German news data marks them, where the tagger's tags
    run on or stop short (German ships cues only: the rules' sources lost on dev, model card)."""
    moved: dict[tuple[str, tuple[tuple[int, int], ...]], list[tuple[int, int]]] = {}
    for d in drafts:
        best = _most_shared(rules, d.content)
        if best is None:
            continue
        for role in roles:
            mine, theirs = getattr(d, role), getattr(best, role)
            if mine and theirs and _overlaps(mine, theirs):
                moved[role, tuple(mine)] = list(theirs)
    for d in drafts:  # claims sharing the words (a continuation's speaker) share the new extent
        for role in roles:
            new = moved.get((role, tuple(getattr(d, role))))
            if new is not None:
                setattr(d, role, list(new))


def _addressees_apart(drafts: list[attr.Draft], rules: list[attr.Draft]) -> None:
    """A tagger source that holds whom the words were told, as the rule claim with the same cue
    reads it ("sagte Vollrath [der Deutschen Presse-Agentur]", "Ein Sprecher sagte [der Agentur
    X], …"), takes that rule claim's source and addressee: who spoke and whom they told are
    never the same words; nor do whom they told and what they said share words."""
    for d in drafts:
        best = _most_shared(rules, d.content)
        if best is None or not best.addressee or not _overlaps(d.cue, best.cue):
            continue
        if best.source and _overlaps(d.source, best.addressee) and not _overlaps(best.source, best.addressee):
            d.source, d.addressee = list(best.source), list(best.addressee)
        if d.addressee and _overlaps(d.addressee, best.addressee):
            d.addressee = list(best.addressee)  # 'gegenüber [der] "Neuen Westfälischen"': all of it
        told = best.addressee[-1][1]
        if d.content and d.content[0][0] < told < d.content[0][1] and best.content \
                and best.content[0][0] >= told:  # 'erklärte gegenüber der "Neuen [Westfälischen", die …]'
            d.content = [(best.content[0][0], d.content[0][1])] + d.content[1:]
            d.addressee = list(best.addressee)


def _asked(d: attr.Draft, tokens: list[Token], starts: list[int], sentences: list[Sentence],
           pack: LanguagePack) -> bool:
    """A tagger claim whose content is the question put to its source, before the cue in its
    sentence ("Auf die Frage, [ob sie zurücktrete], antwortete X: „Nein.“")."""
    if not d.cue or not d.content or not pack.question_nouns:
        return False
    si = _sentence_at(sentences, d.cue[0][0])
    if si is None or _sentence_at(sentences, d.content[0][0]) != si or d.content[-1][1] > d.cue[0][0]:
        return False
    sent = sentences[si]
    verb = bisect_left(starts, d.cue[0][0]) - sent.first
    return attr.asked_first(attr.SentenceView(tokens, sent, pack), verb)


def _article_sources(text: str, drafts: list[attr.Draft], rules: list[attr.Draft],
                     pack: LanguagePack) -> None:
    """A tagger source that is an article alone ("[Der] Inhaber sprach von …") takes the source
    of the rule claim that reads the same article as the start of its source."""
    for d in drafts:
        if not d.source or not all(text[s:e].lower() in pack.determiners for s, e in d.source):
            continue
        r = next((r for r in rules if r.source and r.source[0][0] == d.source[0][0]), None)
        if r is not None:
            d.source = list(r.source)


def _own_sentence_acts(drafts: list[attr.Draft], rules: list[attr.Draft], sentences: list[Sentence]) -> None:
    """A tagger claim whose content is one sentence and whose cue stands in another, where the
    rule engine reads a cue and source of that sentence inside the content ("Der Betriebsrat
    kritisierte die Pläne scharf. Die Belegschaft dürfe …, sagte X"): the sentence reports its
    own speaker's act, not the next sentence's speaker's words."""
    for d in drafts:
        own = {_sentence_at(sentences, s) for s, _ in d.content}
        if not d.cue or len(own) != 1 or _sentence_at(sentences, d.cue[0][0]) in own or any(
                _overlaps(r.cue, d.cue) and _overlaps(r.content, d.content) for r in rules):
            continue  # the rules give the content that cue too ("…. Dies bestätigte X.")
        r = next((r for r in rules if r.cue and (
            _inside(r.cue + r.source, d.content) if r.source  # "Der Betriebsrat kritisierte …"
            else _overlaps(r.content, d.content) and _sentence_at(sentences, r.cue[0][0]) in own)), None)
        if r is not None:  # with no source: "Es wird erwartet, dass …" names nobody
            d.kind, d.cue, d.source = r.kind, list(r.cue), list(r.source)
            d.frame, d.addressee, d.inherit_from = list(r.frame), list(r.addressee), None


def _unnamed_sources(drafts: list[attr.Draft], rules: list[attr.Draft], sentences: list[Sentence]) -> None:
    """A tagger source from another sentence than its cue, where the rules read that cue with no
    source at all ("The WHO said …. It is expected that the border will stay closed."): an
    impersonal cue names nobody, not the last speaker."""
    for d in drafts:
        if not d.cue or not d.source or _sentence_at(sentences, d.source[0][0]) == _sentence_at(
                sentences, d.cue[0][0]):
            continue
        if any(r.cue == d.cue and not r.source for r in rules):
            d.source, d.inherit_from = [], None


def _sentences_with_own_cues(text: str, drafts: list[attr.Draft], rules: list[attr.Draft],
                             sentences: list[Sentence]) -> list[attr.Draft]:
    """A tagger content that runs on into a later sentence which the rules read as a claim with
    a cue and source of its own ("… reopen in May. Repairs will cost 4 million dollars, the city
    engineer said") ends before that sentence; the rule claim stands for that sentence."""
    out = []
    for d in drafts:
        out.append(d)
        at = _sentence_at(sentences, d.cue[0][0]) if d.cue and d.content else None
        r = next((r for r in rules if at is not None and r.cue and r.source and r.content
                  and not _overlaps(r.cue, d.cue) and _overlaps(r.content, d.content)
                  and (_sentence_at(sentences, r.cue[0][0]) or 0) > at
                  and (_sentence_at(sentences, r.content[0][0]) or 0) > at), None)
        if r is None:
            continue
        cut = sentences[_sentence_at(sentences, r.cue[0][0])].start
        kept = [_stripped(text, s, min(e, cut)) for s, e in d.content if s < cut]
        if not kept or kept[0][0] >= kept[0][1]:
            continue
        d.content = [(s, e - (text[e - 1] == ".")) for s, e in kept if e > s]
        if not any(o is not d and _overlaps(o.content, r.content) for o in drafts):
            out.append(dataclasses.replace(r, content=list(r.content), cue=list(r.cue),
                                           source=list(r.source)))
    return out


def _reported_cues(drafts: list[attr.Draft], rules: list[attr.Draft]) -> None:
    """A reported claim the tagger gives no cue takes the cue of the rule engine's reported
    claim sharing most of its content ("Das Ministerium dementierte den Bericht"): German news
    data marks such a claim without a cue, so the tagger learned none, but a ledger entry names
    its verb, and linking reads denials from it."""
    reported = [r for r in rules if r.kind == "reported" and r.cue]
    for d in drafts:
        if d.kind == "reported" and not d.cue and (best := _most_shared(reported, d.content)):
            d.cue = list(best.cue)


def _most_shared(rules: list[attr.Draft], content: list[tuple[int, int]]) -> attr.Draft | None:
    """The rule claim sharing most characters with a content, or None where none shares any."""
    from claimledger.extract.neural.calibrate import overlap  # a neural mode's step: loaded

    best = max(rules, key=lambda r: overlap(r.content, content), default=None)
    return best if best is not None and overlap(best.content, content) else None


def _according_kinds(drafts: list[attr.Draft], rules: list[attr.Draft]) -> None:
    """An indirect tagger claim whose cue the rule engine reads, with the same extent, as a
    reporting clause ("Wie die Zeitung berichtete, …") is an according-to claim, as in fast mode
    (the decoding already makes prepositional cues according-to): news data types such clauses
    as indirect speech. The extents match where the rules gave theirs to the tagger's cue
    (`rule_roles`, German) or where both read the same words."""
    according = {tuple(r.cue) for r in rules if r.kind == "according_to" and r.cue}
    for d in drafts:
        if d.kind == "indirect" and tuple(d.cue) in according:
            d.kind = "according_to"


def _seen_by_tagger(text: str, lang: str, options: ExtractOptions,
                   thresholds: dict[str, float] | None) -> Callable[[attr.Draft], bool] | None:
    """Whether the tagger sees a rule claim enough to add it (decoding choice `rule_support`,
    thresholds per tagger role "cue" and "quote"): its cue's highest and its content's mean tag
    probability reach them."""
    if not thresholds:
        return None
    from claimledger.extract import neural

    probs = neural.tag(text, lang, options.compact)  # kept from predict(): no second model run
    cue, quote = thresholds.get("cue", 0.0), thresholds.get("quote", 0.0)
    # a claim without a cue (a quotation continuing another) is never seen: judged by its
    # content alone, such claims cost content F1 on held-out and dev (model card, session 19)
    return lambda d: neural.support(probs, "cue", d.cue)[0] >= cue \
        and neural.support(probs, "quote", d.content)[1] >= quote


def _subjunctive_frame(d: attr.Draft, tokens: list[Token], sentences: list[Sentence],
                       pack: LanguagePack) -> bool:
    """A rule indirect claim whose content, in Konjunktiv I, stands before its verb cue and
    source ("Die Ursache sei noch unklar, verlautbarte der Direktor"): reported speech by its
    grammar alone, which the taggers now and then miss (decoding choice `subjunctive_frames`;
    other rule indirect claims cost dev message 0.013 in session 18)."""
    if not (d.content and d.cue and d.source) or d.cue[0][0] < d.content[-1][1]:
        return False
    sent = sentences[d.sentence]
    inside = _tokens_within(tokens, sent, d.content)
    return bool(inside) and _reported_only(
        tokens, dataclasses.replace(sent, first=inside[0], last=inside[-1] + 1), pack)


def _statement(text: str, d: attr.Draft, min_words: int) -> bool:
    """A quotation that reads as something said: it ends with a sentence mark inside its marks
    or has at least `min_words` words (0: any). Names, titles and scare quotes the tagger does
    not read as quotes ('„summa cum laude“') are not added as claims (German held-out, dev and
    REDEWIEDERGABE fiction all gain, session 22)."""
    if not min_words or not d.content:
        return True
    last = text[d.content[-1][0]:d.content[-1][1]].strip().rstrip("".join(attr.QUOTE_CHARS)).rstrip()
    return bool(last) and last[-1] in STATEMENT_END \
        or sum(len(text[s:e].split()) for s, e in d.content) >= min_words


STATEMENT_END = ".!?…"


def _rule_additions(drafts: list[attr.Draft], rules: list[attr.Draft], kinds: tuple[str, ...],
                    min_confidence: float | None,
                    seen: Callable[[attr.Draft], bool] | None = None) -> list[attr.Draft]:
    """Rule claims of `kinds` whose content no tagger claim touches (the tagger misses some
    quotations, "laut X" phrases, indirect speech and subjunctive continuations the rules
    read), and which the tagger sees enough (`seen`, if given). A continuation continues the
    claim right before it in the merged list, as a tagger continuation does. Rule claims carry
    the rule engine's fixed confidences (0.4-0.65, not learned probabilities): the learned floor
    does not apply to them; a `--min-confidence` keeps those at or above it."""
    added: list[attr.Draft] = []
    for r in sorted(rules, key=lambda d: d.content[0][0] if d.content else 0):
        below = min_confidence is not None and r.confidence < min_confidence
        if r.kind not in kinds or not r.content or below or any(_overlaps(r.content, d.content)
                                                                 for d in drafts + added):
            continue
        if seen is not None and (not seen(r) or any(_overlaps(r.cue, d.cue) for d in drafts + added)):
            continue  # not a cue the tagger gave another claim ("it said in a statement")
        if r.inherit_from is not None:
            before = [d for d in drafts + added if d.content and d.content[-1][1] <= r.content[0][0]]
            if not before:
                continue
            r.inherit_from = max(before, key=lambda d: d.content[-1][1])
        r.nested_in = None
        added.append(r)
    return added


def _told(text: str, d: attr.Draft, tokens: list[Token], sentences: list[Sentence],
          pack: LanguagePack, i: int) -> list[tuple[int, int]]:
    """The addressee between a verb of telling and its content ("told reporters that"), read
    by the rule engine where the tagger has no addressee layer (English)."""
    if i >= len(tokens) or pack.speech_verbs.get(tokens[i].lower) not in pack.addressee_verbs:
        return []
    sent = sentences[tokens[i].sent]
    view = attr.SentenceView(tokens, sent, pack)
    k = i - sent.first
    found = attr.addressee_after(view, k, k + 1, len(view.toks))
    span = view.span(*found) if found else (0, 0)
    if span == (0, 0) or any(s < span[1] and span[0] < e for s, e in d.content + d.source):
        return []
    return [span]


def _reported_frames(drafts: list[attr.Draft], rules: list[attr.Draft],
                     min_confidence: float | None = None, reports: bool = False) -> None:
    """The tagger reads one layer of attribution. Where the rule engine reads a reported verb of
    speaking ("Dabei habe er betont, dass ...", "Wie KCNA berichtete, habe Kim betont, dass ...")
    framing a tagger claim that has no cue of its own, or whose frame the tagger took for the
    content of the reporting claim, that claim takes the rule's source and cue and is nested
    in the claim that reports it (the reporting claim then holds the whole clause, as the
    German gold marks it). Its free indirect continuations follow it (`_link_continuations`).
    Where one tagger claim holds the rule's cue and content whole, the rule's claim is added
    inside it (`_add_reported_inside`), unless below `min_confidence`.

    With `reports` (decoding choice `according_reports`), a verb of speaking in the indicative
    is reported too when it stands in the content of a rule according-to claim ("Wie die Polizei
    mitteilte, sagte der Fahrer: „…“"): a tagger claim that took the reporter's name for the
    speaker gets the rule's speaker, and the reporting claim is added; a claim is added inside a
    tagger claim only when its cue opens the reported clause
    ("Wie die Zeitung berichtet, erklärte der Minister, …"; deeper in it, German news data
    mostly leaves the clause unmarked: held-out message −0.0016 for one such claim)."""
    for rule in rules:
        if not (rule.cue and rule.source and rule.kind in ("direct", "indirect")):
            continue
        reporter = None if rule.reported_cue or not reports else _reporter(rule, rules)
        if not rule.reported_cue and reporter is None:
            continue
        twin = next((d for d in drafts if _same_content(rule.content, d.content)
                     and not _inside(rule.cue, d.content)), None)  # not the claim reporting it
        if twin is None:
            opens = reporter is None or rule.cue[0][0] <= reporter.content[0][0]
            if (min_confidence is None or rule.confidence >= min_confidence) and opens:
                _add_reported_inside(drafts, rule)
            continue
        if twin.kind == "free_indirect":
            continue
        if reporter is not None and _overlaps(twin.source, reporter.source) and _overlaps(twin.cue, rule.cue):
            twin.source, twin.frame = rule.source, rule.frame  # the tagger gave the reporter's name
            if not any(_overlaps(d.cue, reporter.cue) for d in drafts):
                drafts.append(dataclasses.replace(reporter, nested_in=None))
            continue
        host = next((d for d in drafts if d is not twin and _inside(rule.cue, d.content)
                     and 0 <= twin.content[0][0] - d.content[-1][1] <= FRAME_JOIN), None)
        if host is None and twin.cue:
            continue
        if host is not None:
            host.content = [(host.content[0][0], twin.content[-1][1])]
        twin.source, twin.cue, twin.reported_cue = rule.source, rule.cue, True
        twin.frame = rule.frame


def _reporter(rule: attr.Draft, rules: list[attr.Draft]) -> attr.Draft | None:
    """The rule engine's according-to claim whose content holds this claim's cue ("Wie die
    Polizei mitteilte, [sagte der Fahrer: „…“]"): the claim is reported by it."""
    return next((r for r in rules if r is not rule and r.kind == "according_to" and r.source
                 and _inside(rule.cue, r.content) and not _overlaps(r.source, rule.source)), None)


FRAME_JOIN = 3  # characters between a frame read as content and the content it frames ("betont, dass")


def _add_reported_inside(drafts: list[attr.Draft], rule: attr.Draft) -> None:
    """A reported verb of speaking and its content that a tagger claim holds whole ("Wie Yonhap
    berichtete, [habe der General betont, dass die Übung fortgesetzt werde]"): the tagger reads
    one layer, so the rule engine's claim is added and `_nest` nests it in that claim."""
    host = next((d for d in drafts if _inside(rule.cue, d.content) and _inside(rule.content, d.content)),
                None)
    if host is not None and not any(d is not host and _overlaps(rule.content, d.content) for d in drafts):
        drafts.append(dataclasses.replace(rule, nested_in=None))  # the rule list stays as read


def _same_content(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    """Two contents that overlap by at least half of each."""
    shared = sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)
    return 2 * shared >= max(sum(e - s for s, e in a), sum(e - s for s, e in b)) > 0


def _account_parts(text: str, d: attr.Draft, tokens: list[Token], sentences: list[Sentence],
                   pack: LanguagePack) -> list[attr.Draft]:
    """A free indirect draft parted where it turns from a Konjunktiv I ("seien") to a reportative
    modal alone ("sollen … verhaftet worden sein") or back, between sentences or between the
    clauses of one sentence ("… soll er bedroht haben, was Zeuginnen belegen könne"): German
    news data marks the two as quotes of their own types (7 of 9 such sentence pairs in the
    training split), one passage of reported speech each, with the same source."""
    if d.kind != "free_indirect" or not d.content:
        return [d]
    lo, hi = d.content[0][0], d.content[-1][1]
    units = [u for s in sentences if s.start < hi and lo < s.end for u in _clauses(tokens, s, lo, hi)]
    kinds = [_account_kind(tokens, u, pack) for u in units]
    cuts = [tokens[units[k + 1].first].start for k in range(len(units) - 1)
            if {kinds[k], kinds[k + 1]} == {"subjunctive", "modal"}]
    if not cuts:
        return [d]
    parts = _parted(text, d.content, [lo, *cuts, hi])  # a clause keeps its comma, as the data does
    return [dataclasses.replace(d, content=p, sentence=_sentence_at(sentences, p[0][0]) or d.sentence)
            for p in parts]


def _clauses(tokens: list[Token], sent: Sentence, lo: int, hi: int) -> list[Sentence]:
    """The parts of a sentence between its commas, within the characters [lo, hi), as sentences
    of their own (for `_account_kind`)."""
    inside = _tokens_within(tokens, sent, [(lo, hi)])
    if not inside:
        return []
    out, first = [], inside[0]
    for k in inside:
        if tokens[k].text == "," and k > first:
            out.append(dataclasses.replace(sent, first=first, last=k))
            first = k + 1
    if first <= inside[-1]:
        out.append(dataclasses.replace(sent, first=first, last=inside[-1] + 1))
    return out


def _tokens_within(tokens: list[Token], sent: Sentence, spans: list[tuple[int, int]]) -> list[int]:
    """Indices of the sentence's tokens that start inside `spans`."""
    return [t.index for t in tokens[sent.first : sent.last] if any(a <= t.start < b for a, b in spans)]


def _according_parts(text: str, d: attr.Draft, sentences: list[Sentence],
                     marked: list[tuple[int, int]]) -> list[attr.Draft]:
    """An according-to claim ends with its sentence ("laut X" attributes one statement); each
    further sentence the tagger ran it into (outside quotation marks) is a continuation of the
    same source. German news data marks them as quotes of their own (training split: 15
    according-to claims running on, splitting them gains)."""
    if d.kind != "according_to" or not d.content:
        return [d]
    lo, hi = d.content[0][0], d.content[-1][1]
    cuts = [s.start for s in sentences if lo < s.start < hi and not any(a < s.start < b for a, b in marked)]
    if not cuts or any(e > cuts[0] for s, e in d.cue + d.source):
        return [d]  # the phrase stands in a later sentence: which one it attributes is unclear
    bounds = [lo, *cuts, hi]
    d.content, *rest = _parted(text, d.content, bounds)  # in place: other drafts may refer to it
    return [d, *(attr.Draft("free_indirect", p, [], [], _sentence_at(sentences, p[0][0]) or d.sentence,
                            d.confidence, inherit_from=d) for p in rest)]


def _parted(text: str, content: list[tuple[int, int]], bounds: list[int]) -> list[list[tuple[int, int]]]:
    """Content spans cut at each of `bounds` (the first and last are its ends), each piece
    without white space at its ends; parts with no text left are dropped."""
    parts = []
    for x, y in zip(bounds, bounds[1:], strict=False):
        pieces = [_stripped(text, max(s, x), min(e, y)) for s, e in content if s < y and x < e]
        if pieces := [p for p in pieces if p[0] < p[1]]:
            parts.append(pieces)
    return parts


def _stripped(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _account_kind(tokens: list[Token], sent: Sentence, pack: LanguagePack) -> str:
    """How a sentence or clause reports: by a Konjunktiv I, by a reportative modal alone, or neither."""
    if _reported_only(tokens, sent, pack):
        return "subjunctive"
    modal = _hearsay(tokens[sent.first : sent.last], pack) and not _reporting_subjunctives(tokens, sent, pack)
    return "modal" if modal else "other"


def _link_continuations(drafts: list[attr.Draft]) -> None:
    """A tagger's free indirect claim that repeats the source of the claim right before it
    continues that claim (as the rule engine's continuations do): it takes that claim's source
    and nesting, also when a later step changes them."""
    prev = None
    for d in sorted(drafts, key=lambda d: d.content[0][0]):
        repeats = prev is not None and d.source and d.source == _root_source(drafts, prev).source
        if repeats and d.kind == "free_indirect":
            d.source, d.inherit_from = [], prev
        prev = d


def _subjunctive_before(tokens: list[Token], sentences: list[Sentence], k: int,
                        pack: LanguagePack) -> bool:
    """A subjunctive between the start of the clause of token k (a cue) and the cue ("Dabei habe
    er betont"): the verb of speaking is itself reported, so its claim nests in the claim before
    it; the rule engine's `reported_cue`, over the same clause boundaries."""
    if k >= len(tokens):
        return False
    sent = sentences[tokens[k].sent]
    view, i = attr.SentenceView(tokens, sent, pack), k - sent.first
    return any(view.low[j] in pack.subjunctive for j in range(view.prev_boundary(i), i))


def _overlaps(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def _sentence_drafts(
    text: str, tokens: list[Token], sentences: list[Sentence], pack: LanguagePack,
    quoted: list[tuple[int, int]],
) -> list[attr.Draft]:
    drafts: list[attr.Draft] = []
    starts = [t.start for t in tokens]
    for sent in sentences:
        view = attr.SentenceView(tokens, sent, pack)
        found = attr.according_claims(view)
        for d in attr.verb_claims(view):
            if not any(_overlaps(d.cue, o.cue) for o in found):
                found.append(d)
        found += attr.colon_claims(view)  # none when a verb stands before the colon
        found = _dedupe(found)
        unquoted = [d for d in found if not (d.cue and _inside(d.cue, quoted))]
        _end_at_coordination(tokens, starts, unquoted, pack)  # a cue inside quotes ends nothing
        drafts.extend(found)
    return drafts


def _end_at_coordination(tokens: list[Token], starts: list[int], found: list[attr.Draft],
                         pack: LanguagePack) -> None:
    """A content ends where a clause with its own attribution begins: a coordinated one ("Reed
    insisted the figures were sound, and Alvarez acknowledged ...": two claims side by side)
    or a trailing one ("... that Kim said the drones were ready, officials said": the officials'
    claim holds the others, not the other way round)."""
    for b in found:
        if not (b.source and b.cue and b.source[0][0] < b.cue[0][0]):
            continue
        k = bisect_left(starts, b.source[0][0])
        trailing = bool(b.content) and b.content[-1][1] <= b.source[0][0]
        if k >= 1 and trailing and tokens[k - 1].text in {",", ";"}:
            cut = tokens[k - 1].start
        elif k >= 2 and tokens[k - 1].lower in pack.conjunctions and tokens[k - 2].text in {",", ";"}:
            cut = tokens[k - 2].start
        else:
            continue
        for a in found:
            spans = a.content
            if a is not b and a.cue and a.cue[0][0] < cut and spans and spans[0][0] < cut < spans[-1][1]:
                a.content = [(s, min(e, cut)) for s, e in spans if s < cut]


def _dedupe(drafts: list[attr.Draft]) -> list[attr.Draft]:
    """Keep one draft per cue; two cues with identical content keep the more confident."""
    out: list[attr.Draft] = []
    for d in sorted(drafts, key=lambda d: -d.confidence):
        if any(d.cue == o.cue or (d.content == o.content and d.source == o.source) for o in out):
            continue
        out.append(d)
    return [d for d in out if not _restated(d, out)]


def _restated(d: attr.Draft, drafts: list[attr.Draft]) -> bool:
    """A prepositional claim whose content holds a claim by the same source words ("Aus Kreisen
    der Koalition hieß es, …"): the inner claim says it all."""
    return d.kind == "according_to" and any(
        o is not d and o.source and d.source and _inside(d.source, o.source) and o.content
        and _inside(o.content, d.content)
        for o in drafts)


def _apply_quotes(
    text: str,
    drafts: list[attr.Draft],
    quoted: list[tuple[int, int]],
    sentences: list[Sentence],
    pack: LanguagePack,
) -> list[attr.Draft]:
    """Turn drafts whose content is a quotation into direct claims spanning the whole quote. A
    verb of speaking inside a quotation is part of what was said ('"Nobody disputes that," he
    said'), not an attribution of it."""
    marked = [q for q in quoted if not _title(text, q, pack)]
    quotes = [q for q in marked if len(text[q[0] : q[1]].split()) >= 3]
    drafts = [d for d in drafts if not (d.cue and any(_inside(d.cue, [q]) for q in quotes))]
    used: set[tuple[int, int]] = set()
    for d in drafts:
        for q in marked:  # a short one too when it is the whole content ('"No," she said')
            if not _overlaps(d.content, [q]):
                continue
            outside = "".join(
                text[s:e] for s, e in _subtract(d.content, q)
            ).strip(" ,.:;–-\n")
            if len(outside.split()) <= 1:
                d.kind, d.content, d.confidence = "direct", [q], max(d.confidence, 0.75)
                used.add(q)
    reached: dict[int, int] = {}
    for q in quotes:
        if q in used or any(_overlaps(d.content, [q]) for d in drafts):
            continue  # used, or a partial quotation inside a claim ('…, he said, was "a mistake"')
        prev = [d for d in drafts if d.content and d.content[-1][1] <= q[0] and d.source]
        last = max(prev, key=lambda d: d.content[-1][1]) if prev else None
        gap = text[last.content[-1][1] : q[0]] if last else ""
        qsent = _sentence_at(sentences, q[0])
        if last and len(gap) < 200 and qsent is not None \
                and qsent - reached.get(id(last), last.sentence) <= 2:
            if pack.joined_quotes and "\n" not in gap:
                last.content.append(q)
                reached[id(last)] = qsent
                continue
            cont = attr.Draft("direct", [q], [], [], qsent, 0.45, inherit_from=last)
            drafts.append(cont)
        elif len(text[q[0] : q[1]].split()) >= UNATTRIBUTED_WORDS:
            # a quotation with no speaker in reach is still something said: kept unattributed
            drafts.append(attr.Draft("direct", [q], [], [], qsent or 0, 0.4))
    return drafts


UNATTRIBUTED_WORDS = 4  # shorter quotations with no speaker are mostly scare quotes and titles


TITLE_WORDS = 4


def _title(text: str, q: tuple[int, int], pack: LanguagePack) -> bool:
    """A short capitalised quotation right after an article names a paper, a show or a law
    ('der „Bild am Sonntag“', 'the "Meet the Press" show'): it is not something said (a partial
    quote there starts lower-case: 'einen „beschämenden Deal“')."""
    before = text[max(0, q[0] - 12) : q[0]].split()
    inner = text[q[0] + 1 : q[1] - 1].strip()
    if attr.quoted_name(inner) or attr.quoted_title(inner, pack):
        return True  # '„Shui Jing Shi“', '"Greek National Line"'
    return bool(before) and len(inner.split()) <= TITLE_WORDS and inner[:1].isupper() and (
        before[-1].lower() in pack.determiners or before[-1].lower() in pack.contracted_articles)


def _inside(spans: list[tuple[int, int]], container: list[tuple[int, int]]) -> bool:
    """Every span lies within one of the container's spans."""
    return all(any(cs <= s and e <= ce for cs, ce in container) for s, e in spans)


def _subtract(spans: list[tuple[int, int]], cut: tuple[int, int]) -> list[tuple[int, int]]:
    out = []
    for s, e in spans:
        if e <= cut[0] or s >= cut[1]:
            out.append((s, e))
            continue
        if s < cut[0]:
            out.append((s, cut[0]))
        if e > cut[1]:
            out.append((cut[1], e))
    return out


def _sentence_at(sentences: list[Sentence], pos: int) -> int | None:
    for s in sentences:
        if s.start <= pos < s.end + 1:
            return s.index
    return None


def _has_subjunctive(tokens: list[Token], sent: Sentence, pack: LanguagePack) -> bool:
    """A subjunctive or a reportative modal ("soll … gewesen sein"): what follows a claim with
    one is still that source's account."""
    return _hearsay(tokens[sent.first : sent.last], pack) or bool(_reporting_subjunctives(tokens, sent, pack))


def _hearsay(words: list[Token], pack: LanguagePack) -> bool:
    """A reportative modal ("Er soll beteiligt gewesen sein") whose clause does not end with one
    of the pack's `plan_markers` ("Dazu soll eine Arbeitsgruppe gebildet werden": a plan)."""
    for m, t in enumerate(words):
        if t.lower not in pack.reportative_modals or not t.text[:1].islower():
            continue
        end = next((j for j in range(m + 1, len(words)) if words[j].lower in attr.BOUNDARY), len(words))
        last = [w.lower for w in words[m + 1 : end] if w.text[:1].isalpha()][-1:]
        if not (last and last[0] in pack.plan_markers):
            return True
    return False


def _reported_only(tokens: list[Token], sent: Sentence, pack: LanguagePack) -> bool:
    """A subjunctive that only reported speech uses (Konjunktiv I: "sei", "bestehe"; not the
    pack's `weak_subjunctives`, which also say what would be): it continues the last claim even
    after sentences of the reporter's own."""
    return any(w not in pack.weak_subjunctives for w in _reporting_subjunctives(tokens, sent, pack))


def _reporting_subjunctives(tokens: list[Token], sent: Sentence, pack: LanguagePack) -> list[str]:
    """The subjunctive forms of a sentence that report: not next to the first person ("ich
    habe": indicative) and not inside a fixed phrase of the pack's `subjunctive_idioms` ("Gott sei
    Dank", "es sei denn")."""
    sent_tokens = tokens[sent.first : sent.last]
    found = [k for k, t in enumerate(sent_tokens) if t.lower in pack.subjunctive and t.text[:1].islower()]
    if not found:
        return []  # most sentences: no idiom scan
    words = [t.lower for t in sent_tokens]
    return [words[k] for k in found if not attr.in_phrase(words, k, pack.subjunctive_idioms)
            and not any(words[x] in pack.first_person for x in (k - 1, k + 1) if 0 <= x < len(words))]


CONTINUATION_GAP = 3  # sentences of the reporter's own between a claim and its Konjunktiv I continuation


def _adjunct_accounts(text: str, drafts: list[attr.Draft], pack: LanguagePack) -> None:
    """A citing phrase after a cue and its source ("…, berichtete die Agentur unter Berufung auf
    den Zivilschutz", "Das berichtete X unter Berufung auf Y", "wie X unter Berufung auf Y
    berichtete"; pack `citing_prefixes`) qualifies that cue: its source's account is what the
    cue's claim says (`_nest` puts it inside that claim), not the words of the clause."""
    citing = {" ".join(p) for p in pack.citing_prefixes}
    for d in drafts:
        if d.kind != "according_to" or " ".join(text[s:e] for s, e in d.cue).lower() not in citing:
            continue
        host = next((o for o in drafts if o is not d and o.cue and o.source and o.content and d.cue
                     and _inside(o.cue + o.source, d.content)
                     and d.cue[0][0] >= max(o.cue[0][0], o.source[0][0])), None)
        if host is not None:
            content = list(host.content)
            for cut in d.cue + d.source:  # "Laut X unter Berufung auf Y wurde …": not Y's phrase
                content = _subtract(content, cut)
            d.content = [_stripped(text, s, e) for s, e in content if text[s:e].strip(" ,")]


def _trailing_accounts(text: str, drafts: list[attr.Draft]) -> None:
    """A content that ends in an according-to phrase of its own sentence ("The union warned that
    recruitment would take years, according to a statement", "…, wie aus einer Mitteilung
    hervorgeht") ends before it: the phrase is the account's cue and source, not what was said
    (`_nest` puts the claim inside the account's)."""
    for r in drafts:
        if r.kind != "according_to" or not r.cue or not r.source:
            continue
        start = min(s for s, _ in r.cue + r.source)
        end = max(e for _, e in r.cue + r.source)
        for d in drafts:
            if d is r or d.kind == "according_to" or not d.content \
                    or not _inside(r.cue + r.source, d.content):
                continue
            if text[end : d.content[-1][1]].strip(" .,;") == "":
                cut = [_stripped(text, s, min(e, start)) for s, e in d.content if s < start]
                d.content = [(s, e - (text[e - 1] == ",")) for s, e in cut if e > s] or d.content


def _referred_back(text: str, drafts: list[attr.Draft], sentences: list[Sentence]) -> list[attr.Draft]:
    """A claim whose content is the sentence before ("Dies bestätigte der Vatikan.") takes that
    sentence, without its full stop, when it is in the same paragraph; else it is dropped."""
    out = []
    for d in drafts:
        if d.refers_back:
            prev = sentences[d.sentence - 1] if d.sentence else None
            if prev is None or prev.paragraph != sentences[d.sentence].paragraph:
                continue
            end = prev.start + len(text[prev.start : prev.end].rstrip(" .!?"))
            d.content = [(prev.start, end)]
        out.append(d)
    return out


ANAPHORIC_SENTENCES = 2  # "Demnach …" refers to a source at most this many sentences back


def _named_before(drafts: list[attr.Draft]) -> None:
    """An attribution with a cue and no source ("Demnach habe …") continues the claim with a
    source right before it, as a continuation does (a passive without agent has none)."""
    last: attr.Draft | None = None
    for d in sorted(drafts, key=lambda d: (d.sentence, d.content[0][0] if d.content else 0)):
        if d.kind == "according_to" and d.cue and not d.source and d.inherit_from is None \
                and last is not None and d.sentence - last.sentence <= ANAPHORIC_SENTENCES:
            d.inherit_from = last
        if d.source:
            last = d


def _continuations(
    drafts: list[attr.Draft], tokens: list[Token], sentences: list[Sentence], pack: LanguagePack
) -> list[attr.Draft]:
    """Subjunctive sentences right after a claim, without a cue of their own, continue its
    source. A Konjunktiv I sentence with no claim before it, or after up to CONTINUATION_GAP
    sentences of the reporter's own (not past a whole paragraph of them), is reported speech
    whose source the text does not settle: an unattributed claim."""
    if not pack.subjunctive:
        return drafts
    by_sent: dict[int, list[int]] = {}
    for k, d in enumerate(drafts):
        by_sent.setdefault(d.sentence, []).append(k)
    last: attr.Draft | None = None
    out = list(drafts)
    gap = 0  # sentences without a claim since `last`
    for sent in sentences:
        own = by_sent.get(sent.index)
        if own:
            last, gap = drafts[own[-1]], 0
            continue
        covered = any(d.content and d.content[0][0] <= sent.start < d.content[-1][1] for d in out)
        if last is None:
            if not covered and _reported_only(tokens, sent, pack):  # someone's account, the
                out.append(attr.Draft("indirect", [(sent.start, sent.end)], [], [], sent.index, 0.4))
                last, gap = out[-1], 0  # source unnamed ("Das Institut sieht keine Gefahr. Nur
            continue  # Halter seien zu schützen."): an unattributed claim, as a lone quotation
        if gap and sent.paragraph > sentences[last.sentence].paragraph + 1:
            last, gap = None, 0  # a paragraph of the reporter's own in between: a new account
            continue
        continues = _has_subjunctive(tokens, sent, pack) if gap == 0 else _reported_only(tokens, sent, pack)
        if continues and not covered and gap:  # after the reporter's own sentences the speaker
            out.append(attr.Draft("indirect", [(sent.start, sent.end)], [], [], sent.index, 0.4))
            last, gap = out[-1], 0  # is not certain: reported, source unnamed
        elif continues and not covered:
            out.append(attr.Draft("free_indirect", [(sent.start, sent.end)], [], [], sent.index,
                                  0.45, inherit_from=last))
            last, gap = out[-1], 0
        elif gap < CONTINUATION_GAP and not covered:
            gap += 1
        else:
            last = None
    return out


def _nest(drafts: list[attr.Draft]) -> None:
    """A claim whose cue lies inside another claim's content is nested in that claim. Nesting
    is a forest: a content that runs on over the next claim's cue ("A said B, C said") would
    otherwise nest two claims in each other."""
    bounds = [(min((s for s, _ in o.content), default=0), max((e for _, e in o.content), default=-1))
              for o in drafts]
    for k, d in enumerate(drafts):
        anchor = d.cue or d.source
        if not anchor:
            continue
        best, size = None, None
        lo, hi = min(s for s, _ in anchor), max(e for _, e in anchor)
        for m, o in enumerate(drafts):
            if m == k or not bounds[m][0] <= lo or not hi <= bounds[m][1] or _within(drafts, m, k):
                continue  # the anchor is not even within the content's outer bounds, or a cycle
            if _inside(anchor, o.content):
                width = sum(e - s for s, e in o.content)
                if size is None or width < size:
                    best, size = m, width
        if best is None and d.reported_cue:
            best = _previous_claim(drafts, k)
        if best is None and d.kind == "according_to":
            best = _citing_claim(drafts, k)
        if d.cited_by is not None:
            best = next((m for m, o in enumerate(drafts) if o is d.cited_by), best)
        d.nested_in = best if best is None or not _within(drafts, best, k) else None
    for k, d in enumerate(drafts):
        if d.nested_in is None and d.inherit_from is not None:
            parent = _root_source(drafts, d).nested_in
            d.nested_in = parent if parent is None or not _within(drafts, parent, k) else None


def _citing_claim(drafts: list[attr.Draft], k: int) -> int | None:
    """The claim that cites the source of according-to claim k: another claim with the same
    content whose cue stands before k's cue in its sentence ("Die Agentur meldete unter Berufung
    auf Diplomaten, die Gespräche stockten": the diplomats' account within the agency's), or
    around it ("wie die Agentur unter Berufung auf Diplomaten berichtete")."""
    d = drafts[k]
    if not d.cue:
        return None  # a tagger claim may have none
    return next((m for m, o in enumerate(drafts)
                 if m != k and o.content == d.content and o.cue and o.sentence == d.sentence
                 and ((o.kind != "according_to" and o.cue[-1][1] <= d.cue[0][0])
                      or o.cue[0][1] <= d.cue[0][0] < o.cue[-1][0])), None)  # "wie X unter … berichtete"


def _within(drafts: list[attr.Draft], m: int, k: int) -> bool:
    """True when claim m is claim k or nested in it at any depth (so k cannot nest in m)."""
    seen = 0
    while m is not None and seen <= len(drafts):
        if m == k:
            return True
        m, seen = drafts[m].nested_in, seen + 1
    return False


def _previous_claim(drafts: list[attr.Draft], k: int) -> int | None:
    """The claim a reported cue ("habe er betont") is reported within: the latest one before it."""
    cand = [m for m, o in enumerate(drafts)
            if o.sentence < drafts[k].sentence and drafts[k].sentence - o.sentence <= 2]
    return cand[-1] if cand else None


def _root_source(drafts: list[attr.Draft], d: attr.Draft) -> attr.Draft:
    """The claim whose source a continuation repeats (follows inherit_from links)."""
    seen = 0
    while not d.source and d.inherit_from is not None and seen < 50:
        d = d.inherit_from
        seen += 1
    return d


def _finalise(
    text: str,
    k: int,
    d: attr.Draft,
    drafts: list[attr.Draft],
    refs: dict[int, DocEntity],
    quantities: list[tuple[Quantity, int, int]],
) -> Claim:
    root = _root_source(drafts, d)
    root_k = drafts.index(root)
    ent = refs.get(root_k)
    content = Role.from_spans(text, d.content)
    qs = tuple(q for q, qs, qe in quantities  # a figure is one contiguous span
               if any(qs < e and s < qe for s, e in d.content))
    return Claim(
        id=f"c{k + 1}",
        kind=d.kind,  # type: ignore[arg-type]
        content=content,
        source=Role.from_spans(text, root.source),
        cue=Role.from_spans(text, d.cue),
        source_entity=EntityRef(ent.key, ent.name) if ent else None,
        frame=Role.from_spans(text, d.frame) if d.frame else None,
        addressee=Role.from_spans(text, d.addressee) if d.addressee else None,
        nested_in=f"c{d.nested_in + 1}" if d.nested_in is not None else None,
        quantities=qs,
        confidence=round(d.confidence, 2),
    )
