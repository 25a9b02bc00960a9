"""Turn per-token tag probabilities into claims with character spans.

Rules (chosen for simplicity; see docs/model-card.md; where `model/assign.json` has learned
weights for a role, `assign.py` pairs that role's groups with quotes instead of the rules below):
- each role layer is decoded greedily: B opens a group, I extends the current group, and an I
  after a gap continues the previous group when the gap is short (discontinuous quotes/cues);
  a paragraph break always ends a group (a run-on across paragraphs joins two claims);
- German news data conventions shape the quote groups before they become claims (each a
  decoding choice): a quotation the tagger starts anew inside indirect content stays part of it
  (`partial_quotes`), a group that begins inside a sentence ends with it (`clause_runs`), a
  group parts where a verb cue that is no inserted "so X" stands between its pieces
  (`cue_breaks`), and a content clause behind a comma joins the quote before it
  (`clause_joins`);
- every quote group of at least MIN_QUOTE_WORDS words is one claim; free indirect claims in a
  row, with only white space between them, are one claim (`free_indirect_runs`; a paragraph
  break inside a group still ends it);
- the nearest frame (by character gap) within `frame_gap` is the claim's frame; cue, speaker and
  addressee come from inside that frame when it has one, else the nearest group within `role_gap`
  (the speaker may be further away: `speaker_gap`); the speaker is the group nearest to the cue
  (or to cue and quote together, per language: `speaker_near`), since who speaks stands by the
  verb of speaking, not necessarily by the quote;
- a free indirect claim has no cue or frame of its own (the subjunctive carries it), so none is
  picked for it; within `continuation_gap` characters of the claim before it, it continues that
  claim's speaker;
- a speaker is not sought in a later paragraph than its quote where the language's news does
  not do that (`later_paragraph_speaker`);
- a free indirect quote that holds a cue group and runs straight into another quote is that
  quote's frame, not a claim ("Dabei habe er betont, dass ..."); decided before pairing;
- a quotation of at least `inner_quote_words` words inside indirect or reported content is also a
  direct claim of the same speaker ("... bezeichnete die Entwicklung als „unverzichtbare
  Voraussetzung für den Sieg“"): the verbatim words are what a reader checks. It is added after
  calibration and takes its enclosing claim's probability; quoted names and titles are not.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from claimledger.extract.attribution import find_quotes, prefixes_by_first_word, quoted_name, quoted_title
from claimledger.extract.neural.assign import (
    QUOTE_MARKS,
    SENTENCE_END,
    Features,
    Quote,
    Scorer,
    gap,
    inside,
    key,
)
from claimledger.extract.neural.calibrate import Calibration, overlap
from claimledger.extract.neural.labels import ROLES, TYPE_TO_KIND, TYPES, B, I, O
from claimledger.nlp.pack import LanguagePack, get_pack
from claimledger.nlp.text import tokenize, typewriter_quotes

Span = tuple[int, int]
CONTINUE_GAP = 250  # characters an "I after O" may jump to continue the previous group (default)
FRAME_JOIN = 3  # characters between a clause read as a quote and the quote it frames
MIN_QUOTE_WORDS = 2  # one-word "quotes" are stray tags (held-out: German message F1 +0.01)
END_PUNCTUATION = set(".,;:!?")
SENTENCE_MARKS = ".!?"
UNTRIMMED = ("reported", "free_indirect")  # kinds whose content keeps its closing punctuation


@dataclass(frozen=True)
class Decoding:
    """Decoding choices, tuned per language on held-out training documents
    (scripts/tune_decoding.py) and shipped in model/decoding.json."""

    thresholds: dict[str, float] | None = None  # per role; None: argmax
    # a cue already taken by an earlier claim is a last resort ("X, sources said. Y, a source
    # said." must not give Y the first "said" because it is nearer): right for English, wrong
    # for German, where one cue often frames several quotes
    unique_cues: bool = False
    speaker_near: str = "cue+quote"  # or "cue"
    frames: bool = True  # read the frame and addressee layers (only the German data has them)
    frame_gap: int = 3  # characters between a quote and its frame
    role_gap: int = 200  # ... a quote and its cue or addressee outside a frame
    speaker_gap: int = 400  # ... a quote and its speaker outside a frame
    inner_quote_words: int = 0  # see the module notes; 0: off
    continuation_gap: int = 0  # ... a free indirect claim and the claim it continues; 0: off
    later_paragraph_speaker: bool = True
    # per-role CONTINUE_GAP: English cues are contiguous ("said"), German ones are split
    # ("teilte ... mit"); a speaker rarely has a gap
    continue_gaps: dict[str, int] | None = None
    # one claim per cue and source: English news data annotates "X said that A and that B" as one
    # attribution with a content in two pieces; German data as two quotes of one frame
    merge_shared_cues: bool = False
    # direct and indirect content ends before the sentence's closing punctuation ("sagte, er
    # werde kommen." / '"We will win," he said'), as both datasets mark it; reported speech acts
    # and free indirect sentences are whole sentences and keep it (German data)
    trim_punctuation: bool = False
    # roles besides the content whose pieces are joined over a short gap ("Kreisen [der]
    # Koalition", "said [in a] statement"); not German cues, which are split by design
    # ("teilte ... mit")
    fill_holes: tuple[str, ...] = ()
    # closing marks trimmed from a source or addressee: English news data keeps an apposition's
    # comma ("Phil Lovas, the state's campaign chairman,"), German ends a source before it
    # (2 of 2,694 training speakers end in one)
    role_trim: str = SENTENCE_MARKS
    # roles whose B right after a token of the role continues the span (`continue_touching`)
    touching_starts: tuple[str, ...] = ()
    # a quotation the tagger starts anew right after indirect content is part of that content
    # (`join_partial_quotes`): German data marks "es sei ihm „ein Anliegen“" as one quote
    partial_quotes: bool = False
    # free indirect sentences in a row are one claim (`join_free_indirect`), as German data
    # marks them
    free_indirect_runs: bool = False
    # a quote group that begins inside a sentence and runs on into the next ends with its
    # sentence (`split_clause_runs`): "…, die Tiere würden geschlachtet. Es gebe …" is an
    # indirect quote and a free indirect one in German data
    clause_runs: bool = False
    # a quote group's pieces part where a verb cue stands between them that is no inserted
    # "so X" / "wie X sagt" / according-to phrase (`split_at_cues`)
    cue_breaks: bool = False
    # a content clause right after a non-direct quote, behind a comma, is part of it
    # (`join_content_clauses`: "er spüre, dass er nicht mehr genügend Kraft habe")
    clause_joins: bool = False
    # claims of these kinds that the rule engine reads where the full tagger has none are added
    # (`extract.engine`): German quotations, "laut X" and subjunctive continuations the tagger
    # misses; measured per language and tagger (docs/model-card.md, sessions 17 and 18:
    # indirect speech gained on held-out documents and lost on dev, so it is not added)
    rule_kinds: tuple[str, ...] = ()
    compact_rule_kinds: tuple[str, ...] = ()  # the same for the compact tagger (balanced mode)
    # per role ("cue", "quote"), how strongly the tagger must see a rule claim before it is
    # added: its highest cue and its mean content probability (`neural.support`). English: the
    # tagger half sees many claims the rules read in full (session 19); None: no such test
    rule_support: dict[str, float] | None = None
    # a quotation the rule engine reads between quotation marks gives its extent to the one
    # direct tagger claim whose content touches it (the tagger runs some quotations over several
    # turns or ends them early; German dev +0.002, REDEWIEDERGABE fiction +0.125, held-out
    # flat; English content -0.002 on held-out: docs/model-card.md, session 18)
    rule_quotes: bool = False
    # a quotation of the rule engine is added as a claim only when it ends with a sentence mark
    # inside its marks or has at least this many words (`engine._statement`; 0: any)
    rule_quote_words: int = 0
    # rule continuations (free indirect) are added from any subjunctive or reportative modal;
    # False: only from a Konjunktiv I ("sei", "müsse"), since a sentence the tagger does not read
    # as a quote that has only "könnte", "dürfte" or "soll" is mostly the reporter's own (German
    # training split: 30 of 30 such additions were no quote; engine `_reported_only`)
    weak_continuations: bool = True
    # a free indirect claim parts where its sentences turn from a Konjunktiv I to a reportative
    # modal alone or back (engine `_account_parts`)
    account_breaks: bool = False
    # an according-to claim ends with its sentence; what the tagger ran on into the next ones
    # continues it as free indirect claims (engine `_according_parts`)
    according_sentences: bool = False
    # two quote groups around an inserted according-to phrase are one (`join_over_according`)
    according_joins: bool = False
    # reported and free indirect content (`UNTRIMMED`) takes the sentence mark right after it
    # when the tagger left it out, as German news data marks such quotes (whole sentences)
    closing_marks: bool = False
    # rule indirect claims whose Konjunktiv I content stands before its cue are added too
    # (engine `_subjunctive_frame`), though `rule_kinds` holds no indirect speech
    subjunctive_frames: bool = False
    # an indicative verb of speaking inside a rule according-to claim ("Wie X mitteilte, sagte
    # Y") is reported by it (engine `_reported_frames`; English held-out −0.001 cue, so off there)
    according_reports: bool = False
    # a direct group with at least this many words outside its quotation marks is indirect
    # content holding a partial quotation ('„Angriff gegen die Belegschaft“, es stehe …'), which
    # `inner_quotes` then adds as a direct claim of its own; 0: off
    unquoted_words: int = 0
    compact_rule_quotes: bool = False  # the same for the compact tagger (roles -0.005 held-out)
    # roles whose extent the rule engine's claim with the most shared content gives to a tagger
    # claim where both read the same words (`extract.engine`). German cues: the rules keep a
    # cue's auxiliary and particle ("hatte … erklärt") as German news data marks them (held-out
    # and dev cue +0.005 to +0.013); sources gained on held-out and fiction and lost on dev
    # (docs/model-card.md, session 19)
    rule_roles: tuple[str, ...] = ()
    compact_rule_roles: tuple[str, ...] = ()
    # accurate mode: a reported claim without a cue takes the cue of the rule claim sharing its
    # content (`engine._reported_cues`); balanced mode skips it: it would need a rule pass of its
    # own in most German texts, about 10 % of that mode's time
    reported_cues: bool = False


def groups(tags: np.ndarray, starts: list[int], ends: list[int], text: str,
           limit: int = CONTINUE_GAP, in_sentence: bool = False) -> list[list[Span]]:
    """Groups of character spans from a BIO tag sequence over tokens with offsets; an I after
    O continues the previous group across at most `limit` characters, and not across a
    sentence end when `in_sentence` (cues, speakers, frames: "Aus Kreisen der Koalition hieß
    es, ... . Das Ministerium" is two speakers; a quote does run on over sentences)."""
    out: list[list[Span]] = []
    last_t, last_tag = -2, O
    for t in np.flatnonzero(tags).tolist():  # O tokens only end a run
        tag = int(tags[t])
        prev = last_tag if last_t == t - 1 else O  # the previous token's tag
        if tag == I and out:
            gap = text[out[-1][-1][1] : starts[t]]
            if "\n" in gap or (in_sentence and prev == O and SENTENCE_END.search(gap)):
                tag = B  # a paragraph break (or a sentence end) ends the group
        if tag == B or (tag == I and (not out or (prev == O and starts[t] - out[-1][-1][1] > limit))):
            out.append([(starts[t], ends[t])])
        elif tag == I:
            last = out[-1][-1]
            if prev != O:
                out[-1][-1] = (last[0], max(last[1], ends[t]))
            else:
                out[-1].append((starts[t], ends[t]))
        last_t, last_tag = t, tag
    return out


def has_word(text: str, group: list[Span]) -> bool:
    """False for groups of punctuation only (a stray comma tagged B would split a claim)."""
    return any(ch.isalnum() for s, e in group for ch in text[s:e])


def words_only(text: str, group: list[Span]) -> list[Span]:
    """The group without pieces of punctuation only after its first: a stray comma tagged I
    far from its group would otherwise join it across the gap (a frame reaching into the next
    sentence's frame: "KCNA berichtete, ... Dabei habe er betont[,]")."""
    return group[:1] + [p for p in group[1:] if has_word(text, [p])]


def nearest(cands: list[list[Span]], quote: list[Span], limit: int) -> list[Span] | None:
    """The candidate group closest to the quote, if within `limit` characters."""
    best = min(cands, key=lambda c: gap(c, quote), default=None)
    return best if best is not None and gap(best, quote) <= limit else None


def pick(cands: list[list[Span]], quote: list[Span], frame: list[Span] | None, limit: int) -> list[Span]:
    """A role group for the quote: nearest inside the frame, else nearest within `limit`."""
    if frame:
        within = [c for c in cands if inside(c, frame)]
        if within:
            return nearest(within, quote, 10**9) or []
    return nearest(cands, quote, limit) or []


def pick_speaker(cands: list[list[Span]], quote: list[Span], cue: list[Span], frame: list[Span] | None,
                 opts: Decoding) -> list[Span]:
    """The speaker group: inside the frame or within `speaker_gap` of the quote, nearest to the
    cue ("cue") or to cue and quote together ("cue+quote"); without a cue, nearest the quote."""
    if not cue:
        return pick(cands, quote, frame, opts.speaker_gap)
    pool = [c for c in cands if frame and inside(c, frame)] or [
        c for c in cands if gap(c, quote) <= opts.speaker_gap]
    if opts.speaker_near == "cue":
        return min(pool, key=lambda c: gap(c, cue), default=[])
    return min(pool, key=lambda c: gap(c, quote) + gap(c, cue), default=[])


def tag(role_probs: np.ndarray, thresholds: dict[str, float] | None = None) -> np.ndarray:
    """BIO tags [T, roles]: a token is inside a role when P(B)+P(I) reaches the role's threshold
    (argmax when none is given); B or I by the larger of the two. Thresholds below 0.5 trade
    precision for recall, which the tagger lacks (tuned by scripts/tune_decoding.py)."""
    tags = role_probs.argmax(-1)
    for k, role in enumerate(ROLES):
        t = (thresholds or {}).get(role)
        if t is None:
            continue
        p = role_probs[:, k]
        inside = p[:, B] + p[:, I] >= t
        tags[:, k] = np.where(inside, np.where(p[:, B] > p[:, I], B, I), O)
    return tags


def word_starts(text: str, starts: list[int], ends: list[int]) -> np.ndarray:
    """Index of the first subword token of each token's word. A word is a run of touching
    tokens; punctuation is a word of its own ("Ahlmeyer," is two words)."""
    first = np.arange(len(starts))
    for t in range(1, len(starts)):
        joined = starts[t] <= ends[t - 1]
        if joined and text[starts[t]:ends[t]].isalnum() and text[starts[t - 1]:ends[t - 1]][-1:].isalnum():
            first[t] = first[t - 1]
    return first


def continue_touching(tags: np.ndarray, open_after: np.ndarray) -> None:
    """A B right after a token of the same role continues that span (in place) unless that token
    ends a sentence (`open_after` False: "… der Papst.[Der] Bruder"): two sources never touch,
    and a B there is the tagger's doubt about where the span started ("sagte [der] [Minister]",
    B 0.42 against I 0.33). After a comma it continues too: German data marks an apposition as
    part of its source ("Peter Sharp, der geschäftsführende Direktor"). German sources: held-out
    speaker F1 +0.011; German cues: cue -0.004; English cues: cue +0.002 but content -0.002 on
    dev, English sources unchanged (session 21)."""
    touching = np.zeros(len(tags), bool)
    touching[1:] = (tags[:-1] != O) & open_after[:-1]
    tags[(tags == B) & touching] = I


def quotation_marks(starts: list[int], ends: list[int], quotations: list[Span]
                    ) -> tuple[np.ndarray, np.ndarray]:
    """Per token: does it start inside one of the (sorted, disjoint) quotations, and does it
    hold a quotation's opening mark."""
    n = len(starts)
    quoted, opening = np.zeros(n, bool), np.zeros(n, bool)
    if not quotations or not n:
        return quoted, opening
    qs = np.array([s for s, _ in quotations])
    qe = np.array([e for _, e in quotations])
    st, en = np.asarray(starts), np.asarray(ends)
    k = np.searchsorted(qs, st, side="right") - 1
    quoted = (k >= 0) & (st < qe[np.maximum(k, 0)])
    t = np.searchsorted(st, qs, side="right") - 1
    hit = (t >= 0) & (en[np.maximum(t, 0)] > qs)
    opening[t[hit]] = True
    return quoted, opening


def join_partial_quotes(tags: np.ndarray, text: str, starts: list[int], ends: list[int],
                        quoted: np.ndarray, opening: np.ndarray) -> None:
    """A quote tag B on a quotation's opening mark right after a quoted word of the same
    sentence that is not itself inside a quotation continues that quote (in place): "er sei
    „äußerst erschüttert“" is one indirect quote in German news data, with the quotation inside
    it (the tagger, trained on that data's nested quotes flattened, reads B where the inner
    quotation begins). Two quotations in a row („Komm.“ „Nein.“) stay two, and so does a
    quotation after a colon."""
    for t in np.flatnonzero((tags == B) & opening).tolist():
        before = text[starts[t - 1]:ends[t - 1]] if t else ""
        if tags[t - 1] != O and not quoted[t - 1] and before and before[-1] not in ANNOUNCING:
            tags[t] = I


ANNOUNCING = SENTENCE_MARKS + ":"  # a quotation after these stands on its own ('sagte er: „…“')


def by_word(tags: np.ndarray, first: np.ndarray) -> np.ndarray:
    """Every subword token takes its word's first-token tag (as B only on that first token), so
    spans cover whole words: no half word such as "folge" out of "zufolge"."""
    out = tags[first].copy()
    inner = first != np.arange(len(first))
    out[inner & (out == B)] = I
    return out


def according_to(cue: str, lang: str) -> bool:
    """A prepositional cue of the language pack ("laut", "nach Angaben", "zufolge", "according to")."""
    words = cue.lower().split()
    pack = get_pack(lang)
    return bool(words) and (words[0] in prefixes_by_first_word(pack.according_prefix)
                            or words[-1] in pack.according_postfix)


ACCORDING_WORD = re.compile(r"[\w'’]+")


def according_words(text: str, speaker: list[Span], lang: str) -> list[Span]:
    """The words of a prepositional cue around a source the tagger gave no cue ("[Nach] Angaben
    von Augenzeugen", "[according to] officials", "Kreisen [zufolge]"), or none."""
    pack = get_pack(lang)
    start, end = speaker[0][0], speaker[-1][1]
    before = list(ACCORDING_WORD.finditer(text, max(0, start - 40), start))[-3:]
    if before and not text[before[-1].end():start].strip(" "):
        inside = [m.group().lower() for m in ACCORDING_WORD.finditer(text, start, end)][:3]
        for k in range(len(before), 0, -1):
            head = tuple(m.group().lower() for m in before[-k:])
            if any(p[:k] == head and list(p[k:]) == inside[: len(p) - k] for p in pack.according_prefix):
                return [(before[-k].start(), before[-1].end())]
    after = ACCORDING_WORD.search(text, end, end + 20)
    if after and not text[end:after.start()].strip(" ") and after.group().lower() in pack.according_postfix:
        return [after.span()]
    return []


def completed_according(text: str, cue: list[Span], speaker: list[Span], lang: str) -> list[Span]:
    """A cue that is the start of a prepositional cue, extended over the words that complete it
    in the text up to the source ("According" -> "According to", as PolNeAR marks it; German
    data puts "Angaben" of "nach Angaben der Polizei" in the source, which stays so)."""
    s, e = cue[-1]
    have = [m.group().lower() for m in ACCORDING_WORD.finditer(text, cue[0][0], e)]
    nxt = list(ACCORDING_WORD.finditer(text, e, e + 40))
    for phrase in prefixes_by_first_word(get_pack(lang).according_prefix).get(have[0] if have else "", ()):
        rest = phrase[len(have):]
        if tuple(phrase[: len(have)]) == tuple(have) and rest and len(nxt) >= len(rest) \
                and tuple(m.group().lower() for m in nxt[: len(rest)]) == rest \
                and not text[e : nxt[len(rest) - 1].end()].count("\n") \
                and not any(a < nxt[len(rest) - 1].end() and e < b for a, b in speaker):
            return cue[:-1] + [(s, nxt[len(rest) - 1].end())]
    return cue


def decoded_groups(text: str, role_probs: np.ndarray, type_probs: np.ndarray, starts: list[int],
                   ends: list[int], opts: Decoding, lang: str
                   ) -> tuple[list[Quote], dict[str, list[list[Span]]], dict[tuple[Span, ...], float]]:
    """The quotes (with type, confidence and frame), every role's span groups and the tag
    confidence of each cue, speaker and addressee group (by `key`), before any role is paired
    with a quote."""
    first = word_starts(text, starts, ends)
    tags = np.stack([by_word(t, first) for t in tag(role_probs, opts.thresholds).T], axis=1)
    marked = find_quotes(text, get_pack(lang)) if opts.partial_quotes or opts.clause_runs else []
    quoted, opening = quotation_marks(starts, ends, marked if opts.partial_quotes else [])
    if opts.partial_quotes:
        join_partial_quotes(tags[:, ROLES.index("quote")], text, starts, ends, quoted, opening)
    in_marks = quoted if quoted.any() else None  # what `quote_of` types around, tested once
    if opts.touching_starts:
        open_after = np.array([text[e - 1] not in SENTENCE_MARKS for e in ends])
        for k, r in enumerate(ROLES):
            if r in opts.touching_starts:
                continue_touching(tags[:, k], open_after)
    limits = opts.continue_gaps or {}
    found = {}
    for k, r in enumerate(ROLES):
        runs = groups(tags[:, k], starts, ends, text, limits.get(r, CONTINUE_GAP), in_sentence=r != "quote")
        found[r] = [words_only(text, g) for g in runs if has_word(text, g)]
    if opts.clause_runs and any(SENTENCE_END.search(text, q[0][0], q[-1][1]) for q in found["quote"]):
        found["quote"] = split_clause_runs(text, found["quote"], [  # sentences only where needed
            (s.start, s.end) for s in tokenize(text, get_pack(lang))[1]], marked)
    if opts.cue_breaks:
        found["quote"] = split_at_cues(text, found["quote"], found["cue"], lang)
    if opts.according_joins:
        found["quote"] = join_over_according(text, found["quote"], found, lang)
    found["quote"] = [q for q in found["quote"]
                      if sum(words(text[s:e]) for s, e in q) >= MIN_QUOTE_WORDS]
    conf = {key(g): tag_confidence(g, role_probs[:, k], starts)
            for k, r in enumerate(ROLES) if r in ("cue", "speaker", "addressee") for g in found[r]}
    quotes = [quote_of(q, role_probs, type_probs, starts, found, opts, in_marks) for q in found["quote"]]
    frames = [q.spans for q in quotes if frame_read_as_quote(q, quotes, found["cue"])]
    if frames:  # they are frames: the quotes after them find them as such
        found["frame"] = sorted(found["frame"] + frames)
        found["quote"] = [q for q in found["quote"] if q not in frames]
        quotes = [quote_of(q, role_probs, type_probs, starts, found, opts, in_marks) for q in found["quote"]]
    if opts.clause_joins:
        joined = join_content_clauses(text, quotes, found["cue"], get_pack(lang))
        if len(joined) < len(found["quote"]):
            found["quote"] = joined
            quotes = [quote_of(q, role_probs, type_probs, starts, found, opts, in_marks) for q in joined]
    return quotes, found, conf


PART_WORDS = 3  # "Die Preise, sagte der Händler, würden …": a shorter part is no statement of its own


def split_at_cues(text: str, quotes: list[list[Span]], cues: list[list[Span]], lang: str) -> list[list[Span]]:
    """Quote groups parted at each gap between two pieces that holds a whole cue group, unless
    the gap is an inserted attribution: an according-to phrase ("Es handele sich [ersten Angaben
    zufolge] um ...") or one opened by the pack's "so" / "wie" markers ("[, so Gall,]"). German
    news data marks such insertions inside one quote (about 200 in the training split), and a
    quote after a verb cue ("…, räumte Lopez ein, seit …") as a quote of its own; so is each
    quotation around "„…“, sagte er, „…“" (2 of 600 training direct quotes have two pieces).
    An anaphoric cue ("demnach") in the gap is inserted too, and so is any cue after a part of
    fewer than PART_WORDS words (an inserted cue: "Die Preise, sagte der Händler, würden …";
    held-out and dev message −0.001 for this phenomenon of the issue)."""
    pack = get_pack(lang)
    inserted = pack.so_markers | pack.as_markers | pack.anaphoric_cues
    out = []
    for q in quotes:
        part = [q[0]]
        for (_, a), piece in zip(q[:-1], q[1:], strict=True):
            b = piece[0]
            held = [c for c in cues if a <= c[0][0] and c[-1][1] <= b]
            first = WORD.search(text, a, b)
            verb = [c for c in held if not according_to(" ".join(text[s:e] for s, e in c), lang)]
            if verb and not (first and first.group().lower() in inserted) \
                    and sum(words(text[s:e]) for s, e in part) >= PART_WORDS:
                out.append(part)
                part = []
            part.append(piece)
        out.append(part)
    return out


def join_over_according(text: str, quotes: list[list[Span]], found: dict[str, list[list[Span]]],
                        lang: str) -> list[list[Span]]:
    """Two quote groups of one sentence joined when all that stands between them is an inserted
    according-to phrase ("Die Regenzeit könnte [nach Angaben des Leiters der Sektion] bis
    September andauern"): German news data marks one quote around it; the tagger parts the two
    when the phrase is longer than its quote jump (`continue_gaps`)."""
    out: list[list[Span]] = []
    for q in quotes:
        prev = out[-1] if out else None
        if prev is not None and inserted_according(text, prev[-1][1], q[0][0], found, lang) \
                and not (quoted(text, prev) and quoted(text, q) and verb_between(text, prev, q, found, lang)):
            out[-1] = prev + q  # two quotations around a verb cue stay two ('„…“, sagte X laut Y, „…“')
        else:
            out.append(q)
    return out


def verb_between(text: str, a: list[Span], b: list[Span], found: dict[str, list[list[Span]]],
                 lang: str) -> bool:
    """A cue group that is no according-to phrase between two groups."""
    return any(a[-1][1] <= c[0][0] and c[-1][1] <= b[0][0]
               and not according_to(" ".join(text[s:e] for s, e in c), lang) for c in found["cue"])


def quoted(text: str, group: list[Span]) -> bool:
    """A group that opens with a quotation mark."""
    return text[group[0][0]:group[0][1]].lstrip()[:1] in QUOTE_MARKS


def inserted_according(text: str, a: int, b: int, found: dict[str, list[list[Span]]], lang: str) -> bool:
    """Whether text[a:b] holds nothing but an according-to phrase: a source group with its
    prepositional cue (tagged, or the pack's words around it), inside one sentence."""
    gap = text[a:b]
    if not gap.strip() or "\n" in gap or text[:a].rstrip()[-1:] in SENTENCE_MARKS or SENTENCE_END.search(gap):
        return False
    sources = [g for g in found["speaker"] if a <= g[0][0] and g[-1][1] <= b]
    cues = [g for g in found["cue"] if a <= g[0][0] and g[-1][1] <= b]
    said = [c for c in cues if according_to(" ".join(text[s:e] for s, e in c), lang)]
    said += [w for g in sources if (w := according_words(text, g, lang))]
    if not sources or not said:
        return False
    return bare(text, a, b, [span for g in sources + cues + said for span in g])


def split_clause_runs(text: str, quotes: list[list[Span]], sentences: list[Span],
                      quotations: list[Span]) -> list[list[Span]]:
    """Quote groups, each that begins inside a sentence (after words of that sentence) and runs
    on past its end cut in two there: German news data marks the clause ("…, die Tiere würden
    notgeschlachtet.") and the free indirect sentences after it as two quotes (an indirect
    quote is followed so by a new quote 94 times in the training split, never by the same).
    A sentence end inside a quotation ('sagte er: „Die See war rau. Das Boot …“') cuts nothing."""
    ends = [e for _, e in sentences]
    out = []
    for q in quotes:
        k = bisect_left(ends, q[0][0] + 1)  # the sentence holding the group's start
        if k >= len(sentences) or q[-1][1] <= ends[k] or not has_word(text, [(sentences[k][0], q[0][0])]) \
                or any(s < ends[k] < e for s, e in quotations):
            out.append(q)
            continue
        cut = ends[k]
        head = [(s, min(e, cut)) for s, e in q if s < cut]
        tail = [(max(s, cut), e) for s, e in q if e > cut]
        tail = [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in tail]
        out += [g for g in (head, [p for p in tail if p[1] > p[0]]) if g and has_word(text, g)]
    return out


CLAUSE_GAP = re.compile(r"\s*,?\s*")  # the comma may end the first quote's group


def join_content_clauses(text: str, quotes: list[Quote], cues: list[list[Span]],
                         pack: LanguagePack) -> list[list[Span]]:
    """Quote groups, each joined with a quote right after it that opens with a complementiser
    behind only a comma ("er spüre[,] dass er nicht mehr genügend Kraft habe"), unless the first
    is a direct quote or holds a cue or a verb of speaking ("habe Korhonen erklärt, dass …"
    frames the clause, and is nested by `engine._reported_frames`): German news data marks such
    a clause as part of the quote before it (42 indirect quotes of the training split hold ",
    dass"; no two indirect quotes meet so)."""
    def framing(q: Quote) -> bool:  # a direct quote, or one that holds its own verb of speaking
        return TYPES[q.type] == "Direct" or any(inside(c, q.spans) for c in cues) or any(
            w.group().lower() in pack.speech_verbs for s, e in q.spans for w in WORD.finditer(text, s, e))

    out: list[list[Span]] = []
    first: Quote | None = None  # the first quote of the group being built
    for q in sorted(quotes, key=lambda q: q.spans[0][0]):
        word = WORD.search(text, q.spans[0][0])
        end = out[-1][-1][1] if out else 0
        gap = text[end:q.spans[0][0]]
        if first is not None and word is not None and word.start() < q.spans[0][1] \
                and word.group().lower() in pack.complementizers and CLAUSE_GAP.fullmatch(gap) \
                and (gap.strip() == "," or text[end - 1] == ",") and not framing(first):
            out[-1] = out[-1] + q.spans
        else:
            out.append(list(q.spans))
            first = q
    return out


def tokens_in(group: list[Span], starts: list[int]) -> list[int]:
    """Indices of the tokens that start inside the group's spans (starts are sorted)."""
    return [t for s, e in group for t in range(bisect_left(starts, s), bisect_left(starts, e))]


def tag_confidence(group: list[Span], probs: np.ndarray, starts: list[int]) -> float:
    """Mean P(B)+P(I) of the group's tokens (probs [T, 3] of its role)."""
    toks = tokens_in(group, starts)
    return float(probs[toks, 1:].sum(-1).mean()) if toks else 0.0


def claims_from_probs(text: str, role_probs: np.ndarray, type_probs: np.ndarray,
                      starts: list[int], ends: list[int], lang: str,
                      opts: Decoding = Decoding(), scorer: Scorer | None = None,
                      calibration: Calibration | None = None) -> list[dict]:
    """Claims from role probabilities [T, roles, 3] and quote-type probabilities [T, types];
    frame, cue, speaker and addressee groups are paired with quotes by the learned `scorer` for
    the roles it has weights for, by the nearest-group rules otherwise; a `calibration` turns
    each claim's confidence into a learned probability and drops the unlikely ones (before the
    inner quotations are added, which take their enclosing claim's)."""
    quotes, found, conf = decoded_groups(text, role_probs, type_probs, starts, ends, opts, lang)

    def rules(role: str, q: Quote, taken: list[list[Span]]) -> list[Span]:
        return rule_choice(text, role, q, found, taken, opts)

    pack = get_pack(lang)
    (scorer or Scorer({})).assign(Features(text, quotes, pack, conf), found, rules)
    # quotations as the rules read them, typewriter marks ('' … '') included (same offsets)
    quotations = find_quotes(typewriter_quotes(text), pack) if opts.unquoted_words else []
    marks = set(opts.role_trim)  # closing marks of a source or addressee, as the data marks them
    claims = []
    for q in quotes:
        quote, frame = q.spans, q.frame or None
        cue, speaker, addressee = (q.chosen[r] for r in ("cue", "speaker", "addressee"))
        kind = TYPE_TO_KIND[TYPES[q.type]]
        outside = unquoted(text, quote, quotations) if opts.unquoted_words and kind == "direct" else 0
        if outside >= opts.unquoted_words > 0:
            kind = "indirect"  # a partial quotation in indirect content ('„…“, es stehe …')
        if kind == "free_indirect":
            cue, frame = [], None
        if not cue and speaker and kind in ("indirect", "reported"):
            cue = according_words(text, speaker, lang)  # the tagger missed a prepositional cue
        elif cue:
            cue = completed_according(text, cue, speaker, lang)
        cue_text = " ".join(text[s:e] for s, e in cue)
        if kind in ("indirect", "reported") and cue and according_to(cue_text, lang):
            kind = "according_to"
        if opts.trim_punctuation and kind not in UNTRIMMED:
            quote = trim_end(text, quote)
        # no full stop after a source ("according to the council."); the comma as the language's
        # data marks it (`Decoding.role_trim`)
        speaker, addressee = (trim_end(text, g, marks) if g else g for g in (speaker, addressee))
        speaker = without_leading(text, speaker, pack.source_particles)
        speaker, told = split_addressee(text, speaker, pack.addressee_prepositions, marks)
        if told and (not addressee or overlap(told, addressee)):
            addressee = told
        claims.append({
            "kind": kind,
            "content": [list(s) for s in quote],
            "source": [list(s) for s in speaker],
            "cue": [list(s) for s in cue],
            "frame": [list(s) for s in frame or []],
            "addressee": [list(s) for s in addressee],
            "confidence": q.confidence,
        })
    if opts.merge_shared_cues:
        claims = merge_shared_cues(claims)
    continue_speakers(claims, opts.continuation_gap)
    if opts.free_indirect_runs:
        claims = join_free_indirect(text, claims)
    if calibration is not None:
        claims = calibration.apply(text, claims, role_probs[:, 0], starts, pack)
    claims += inner_quotes(text, claims, lang, opts.inner_quote_words)
    if opts.closing_marks:  # after the runs are joined: taken first, held-out message 0.854 not 0.856
        for c in claims:
            if c["kind"] in UNTRIMMED:
                c["content"] = [list(s) for s in with_closing_mark(text, [tuple(s) for s in c["content"]])]
    tidy_content(text, claims, pack.conjunctions, opts.fill_holes)
    return claims


WORD = re.compile(r"\w+")
HOLE_WORDS = 3  # "... informiert worden. [Man] rechne mit Protesten": a word the tagger skipped


def tidy_content(text: str, claims: list[dict], conjunctions: frozenset[str],
                 fill_roles: tuple[str, ...] = ()) -> None:
    """Make each claim read as the text does: an according-to claim drops content pieces that
    lie inside its own source or cue ("[Branchenkreisen] zufolge [könnten ...]"; other kinds keep
    them, a reported passive holds its source), and the pieces of the content (and of
    `fill_roles`) are joined over a gap of up to three words with no role of any claim, no line
    break and not just a conjunction in it (two statements joined by "and" stay two pieces, as
    PolNeAR marks them). A reported claim's content also runs over its own source: a reported
    speech act is its whole sentence ("Der [Bürgermeister] von Orleans forderte …"; German held-out
    and training split +0.0001)."""
    roles = [tuple(s) for c in claims for r in ("source", "cue", "frame", "addressee") for s in c[r]]
    for c in claims:
        own = [tuple(x) for r in ("source", "cue") for x in c[r]] if c["kind"] == "according_to" else []
        pieces = [p for p in c["content"] if not any(a <= p[0] and p[1] <= b for a, b in own)]
        if c["kind"] == "reported":
            pieces = _over_source(text, pieces, [tuple(x) for x in c["source"]])
        c["content"] = _joined(text, pieces or c["content"], roles, conjunctions)
        for role in fill_roles:
            others = [x for x in roles if list(x) not in c[role] and list(x) not in c["frame"]]
            c[role] = _joined(text, c[role], others + [tuple(x) for x in c["content"]], conjunctions)


def _over_source(text: str, pieces: list, source: list[tuple[int, int]]) -> list[list[int]]:
    """Pieces joined where no word stands between two of them but the claim's own source's."""
    return _merged(pieces, lambda a, s: bool(source) and "\n" not in text[a:s] and bare(text, a, s, source))


def _joined(text: str, pieces: list, others: list[tuple[int, int]],
            conjunctions: frozenset[str]) -> list[list[int]]:
    """Pieces joined over the short gaps that hold none of `others`."""
    def joins(a: int, s: int) -> bool:
        words = WORD.findall(text, a, s)
        return "\n" not in text[a:s] and len(words) <= HOLE_WORDS \
            and not (words and {w.lower() for w in words} <= conjunctions) \
            and not any(x < s and a < y for x, y in others)
    return _merged(pieces, joins)


def _merged(pieces: list, joins: Callable[[int, int], bool]) -> list[list[int]]:
    """Pieces in order, each joined to the one before where `joins(end before, start)` holds."""
    merged = [list(p) for p in pieces[:1]]
    for s, e in pieces[1:]:
        if joins(merged[-1][1], s):
            merged[-1] = [merged[-1][0], e]
        else:
            merged.append([s, e])
    return merged


def bare(text: str, a: int, b: int, spans: list[Span]) -> bool:
    """Whether text[a:b] holds no word outside `spans`."""
    rest = "".join(ch for k, ch in enumerate(text[a:b], a) if not any(x <= k < y for x, y in spans))
    return not WORD.search(rest)


def rule_choice(text: str, role: str, q: Quote, found: dict[str, list[list[Span]]],
                taken: list[list[Span]], opts: Decoding) -> list[Span]:
    """The nearest-group rules' choice of a role group for a quote."""
    quote, frame = q.spans, q.frame or None
    if role == "frame":
        return q.frame  # the nearest within `frame_gap`, found with the quote
    if role == "cue":
        fresh = [c for c in found["cue"] if c not in taken] if opts.unique_cues else found["cue"]
        return pick(fresh, quote, frame, opts.role_gap) or pick(found["cue"], quote, frame, opts.role_gap)
    if role == "speaker":
        cands = found["speaker"] if opts.later_paragraph_speaker else [
            c for c in found["speaker"] if not later_paragraph(text, quote, c)]
        return pick_speaker(cands, quote, q.chosen["cue"], frame, opts)
    return pick(found["addressee"], quote, frame, opts.role_gap) if opts.frames else []


def quote_of(quote: list[Span], role_probs: np.ndarray, type_probs: np.ndarray, starts: list[int],
             found: dict[str, list[list[Span]]], opts: Decoding, quoted: np.ndarray | None = None) -> Quote:
    """A quote group with its type (the type head summed over its tokens; over those not
    `quoted` when the group opens outside a quotation and has at least two such tokens: the
    words before a partial quotation say how it is reported), confidence (mean P(B)+P(I)) and
    frame (the nearest frame group within `frame_gap`)."""
    toks = tokens_in(quote, starts)
    conf = round(float(role_probs[toks, 0, 1:].sum(-1).mean()), 4) if toks else 0.0
    around = [t for t in toks if not quoted[t]] if quoted is not None else []
    if len(around) < 2 or around[0] != toks[0]:
        around = []  # it opens with a quotation (or a stray mark before one): all its tokens count
    typ = int(type_probs[around or toks].sum(0).argmax()) if toks else TYPES.index("Indirect")
    frame = (nearest(found["frame"], quote, opts.frame_gap) if opts.frames else None) or []
    return Quote(quote, typ, frame, conf, typed=opts.frames)


def split_addressee(text: str, group: list[Span], prepositions: frozenset[str], marks: set[str]
                    ) -> tuple[list[Span], list[Span]]:
    """A source group that runs on over an addressee preposition, inside a piece or between two
    ("der Minister [gegenüber] dem Sender CNN") ends before it (without the closing `marks`);
    the words after it, up to the group's end, are the addressee ([] when there are none)."""
    if not group or not prepositions:
        return group, []
    lo, hi = group[0][0], group[-1][1]
    for m in WORD.finditer(text, lo, hi):
        if m.start() > lo and m.group().lower() in prepositions:
            head = [(s, min(e, m.start())) for s, e in group if s < m.start()]
            head = [p for p in head if has_word(text, [p])]  # not a piece of punctuation only
            if not head:
                return group, []
            rest = text[m.end():hi]
            told = [(hi - len(rest.lstrip()), hi)] if has_word(text, [(m.end(), hi)]) else []
            return trim_end(text, head, marks), told
    return group, []


def without_leading(text: str, group: list[Span], words: frozenset[str]) -> list[Span]:
    """The group without the `words` it opens with ("Auch der Sprecher" -> "der Sprecher"), as
    long as a word of another kind follows (a group of such words alone is kept whole)."""
    if not group or not words:
        return group
    found = [(k, m) for k, (s, e) in enumerate(group) for m in WORD.finditer(text, s, e)]
    keep = next((i for i, (_, m) in enumerate(found) if m.group().lower() not in words), None)
    if not keep:  # no word of another kind, or the first word is one
        return group
    k, m = found[keep]
    return [(m.start(), group[k][1]), *group[k + 1:]]


def trim_end(text: str, quote: list[Span], marks: set[str] = END_PUNCTUATION) -> list[Span]:
    """The quote without sentence punctuation and spaces at its end (kept whole if only those)."""
    s, e = quote[-1]
    while e > s and (text[e - 1] in marks or text[e - 1].isspace()):
        e -= 1
    return [*quote[:-1], (s, e)] if e > s else quote


def with_closing_mark(text: str, quote: list[Span]) -> list[Span]:
    """A quote with the sentence mark right after it that the tagger left out (not one dot of
    an ellipsis)."""
    if not quote:
        return quote
    s, e = quote[-1]
    closes = e < len(text) and text[e] in SENTENCE_MARKS and text[e + 1 : e + 2] != "."
    return quote[:-1] + [(s, e + 1)] if closes else quote


def merge_shared_cues(claims: list[dict]) -> list[dict]:
    """One claim per cue: a later claim paired with the cue of an earlier one (and the same
    source) adds its content to that claim ("X said that A and that B": one statement)."""
    out: list[dict] = []
    for claim in claims:
        first = next((c for c in out if claim["cue"] and c["cue"] == claim["cue"]
                      and c["source"] == claim["source"]), None)
        if first is None:
            out.append(claim)
        else:
            first["content"] = sorted(first["content"] + claim["content"])
            first["confidence"] = min(first["confidence"], claim["confidence"])
    return out


def frame_read_as_quote(quote: Quote, quotes: list[Quote], cues: list[list[Span]]) -> bool:
    """A free indirect quote that holds a whole cue group and runs straight into another quote is
    that quote's frame: "Dabei habe er betont, | dass ..." (the subjunctive of the inverted verb
    of speaking made it look like reported speech). Decided before pairing, so that the cue is
    free for the quote it introduces."""
    end = quote.spans[-1][1]
    return (quote.free_indirect and any(inside(c, quote.spans) for c in cues)
            and any(o is not quote and 0 <= o.spans[0][0] - end <= FRAME_JOIN for o in quotes))


def later_paragraph(text: str, quote: list[Span], cand: list[Span]) -> bool:
    """True when the candidate starts in a paragraph after the quote's last one."""
    end, start = quote[-1][1], cand[0][0]
    return start > end and "\n" in text[end:start]


def continue_speakers(claims: list[dict], limit: int) -> None:
    """A free indirect claim close after another claim continues that claim's speaker."""
    if not limit:
        return
    prev = None
    for claim in sorted(claims, key=lambda c: c["content"][0][0]):
        close = prev is not None and claim["content"][0][0] - prev["content"][-1][1] <= limit
        if claim["kind"] == "free_indirect" and close:
            claim["source"] = prev["source"]
        prev = claim


def join_free_indirect(text: str, claims: list[dict]) -> list[dict]:
    """A free indirect claim that follows another with only white space between them (the next
    sentence, or the next paragraph) is part of it: one passage of reported speech with one
    source. German news data marks such a run as one quote (130 of 132 sentence pairs in the
    training split); a free indirect sentence after any other kind of quote starts a new one."""
    out: list[dict] = []
    for claim in sorted(claims, key=lambda c: c["content"][0][0]):
        prev = out[-1] if out else None
        if prev is not None and claim["kind"] == prev["kind"] == "free_indirect" \
                and not text[prev["content"][-1][1]:claim["content"][0][0]].strip():
            prev["content"] = prev["content"] + claim["content"]
            prev["confidence"] = min(prev["confidence"], claim["confidence"])
        else:
            out.append(claim)
    return out


def inner_quotes(text: str, claims: list[dict], lang: str, min_words: int) -> list[dict]:
    """Direct claims for quotations of at least `min_words` words inside non-direct content,
    with the enclosing claim's roles; not for a quoted name or title (the ship „Rabaul Queen“):
    nobody said it."""
    if not min_words:
        return []
    pack = get_pack(lang)
    marked = [(qs, qe) for qs, qe in find_quotes(text, pack)
              if words(text[qs:qe]) >= min_words and not named(text[qs + 1:qe - 1].strip(), pack)]
    out = []
    for claim in claims:
        if claim["kind"] == "direct":
            continue
        for s, e in claim["content"]:
            out += [{**claim, "kind": "direct", "content": [[qs, qe]]} for qs, qe in marked
                    if s <= qs and qe <= e and (qs, qe) != (s, e)]
    return out


def unquoted(text: str, group: list[Span], quotations: list[Span]) -> int:
    """Words of a group that lie outside every quotation (a quotation the group cuts into still
    holds its words)."""
    return sum(1 for s, e in group for w in WORD.finditer(text, s, e)
               if not any(qs <= w.start() < qe for qs, qe in quotations))


def named(inner: str, pack: LanguagePack) -> bool:
    """A quotation's inner words name something rather than say it. A lone capitalised German
    noun („Schande“) counts too: news data rarely marks one as a quote of its own (held-out
    message 0.853 with it, 0.847 without, session 22)."""
    return quoted_name(inner) or quoted_title(inner, pack)


def words(text: str) -> int:
    """Number of words (runs with a letter or digit; quotation marks are not words)."""
    return sum(any(ch.isalnum() for ch in w) for w in text.split())
