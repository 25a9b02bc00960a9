"""Who each claim's source is: entities from the names in a text and from source phrases, a
pronoun, role or age description resolved to a person named before ("er", "der frühere
Regierungschef", "der 62-Jährige"), while the source span stays the words in the sentence."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from claimledger.extract import aliases
from claimledger.extract import attribution as attr
from claimledger.extract.entities import (
    DocEntity,
    age_words,
    entity_type,
    find_names,
    gender_of,
    head_tokens,
    lone_name_before,
    role_words,
    same_role,
    split_source,
)
from claimledger.nlp.keys import canonical_key
from claimledger.nlp.pack import LanguagePack
from claimledger.nlp.text import Token
from claimledger.records import Entity, Mention


def resolve_sources(
    text: str, tokens: list[Token], drafts: list[attr.Draft], pack: LanguagePack
) -> tuple[tuple[Entity, ...], dict[int, DocEntity]]:
    """Entities from names in the text and source phrases; each draft's source resolved."""
    found: dict[str, DocEntity] = {}

    def add(name: str, start: int, end: int, words: list[str], bare: bool = True) -> DocEntity:
        known = aliases.lookup(name)
        key = known.id if known else canonical_key(name)
        etype = known.type if known else entity_type(name, words, pack)
        ent = _match_existing(found, key) or found.setdefault(
            key, DocEntity(key, known.name if known else name, etype, [], start)
        )
        if (start, end) not in ent.mentions:
            ent.mentions.append((start, end))
        if ent.type == "unknown":
            ent.type = entity_type(name, words, pack)
        ent.roles |= role_words(words, pack)
        ent.bare |= bare
        ent.gender = ent.gender or gender_of(words, pack)
        return ent

    starts = [t.start for t in tokens]
    for s, e in find_names(text, tokens, pack):
        i = bisect_left(starts, s)  # the words before a name say who it is ("Regierungschef Mark Rutte")
        before = [t for t in tokens[max(0, i - ROLE_WINDOW) : i] if t.sent == tokens[i].sent]
        ent = add(text[s:e], s, e, [], bare=_bare_name(before, text[s:e], pack))
        ent.roles |= role_words([t.lower for t in before], pack)
        ent.gender = ent.gender or gender_of(_titles(before, text[s:e], pack), pack)
    refs: dict[int, DocEntity] = {}
    for k, d in enumerate(drafts):
        if not d.source:
            continue
        s, e = d.source[0]
        toks = _source_tokens(tokens, starts, d.source)
        name, words, start = split_source(text, toks, pack)
        body = [t for t in head_tokens(toks, pack) if t.lower not in pack.determiners]
        phrase = text[body[0].start : body[-1].end] if body else ""
        if phrase and aliases.lookup(phrase):  # "South Korea's intelligence service" as a whole
            refs[k] = add(phrase, body[0].start, body[-1].end, words)
        elif name and _bare(toks, start, pack):
            refs[k] = add(name, start, start + len(name), words)
        elif named := _apposed_name(text, _apposition(tokens, starts, d, pack), words, pack, add):
            refs[k] = named  # "Der Inhaber, der 62-jährige Walter Stieglitz, sprach"
        elif name:  # "die Verteidigung": no one in particular
            refs[k] = add(name, start, start + len(name), words, bare=False)
        elif named := _named_within(found, {t.start for t in body}):  # "Werftchefin Liisa Mäkelä am Dienstag"
            refs[k] = named
        elif _refers_back(words, pack) and (
                ent := _referent(text, found, tokens, starts, s, words, pack, add)):
            ent.mentions.append((s, e))
            refs[k] = ent
    for ent in found.values():  # "the Harbor City Ledger": capitalised, but never a bare name
        if ent.type == "person" and not ent.bare and not ent.roles:
            ent.type = "organisation"
    entities = tuple(
        Entity(id=e.key, name=e.name, type=e.type,
               mentions=tuple(Mention(text[s:t], ((s, t),)) for s, t in sorted(set(e.mentions))))
        for e in sorted(found.values(), key=lambda e: e.first)
    )
    return entities, refs


def _source_tokens(tokens: list[Token], starts: list[int], spans: list[tuple[int, int]]) -> list[Token]:
    """The tokens of a source in one or more spans; a learned span may end inside a word
    ("der 62|-jährige Walter Stieglitz"): the word counts, or the name after it would be lost."""
    if len(spans) == 1:
        s, e = spans[0]
        return [t for t in tokens[bisect_left(starts, s) : bisect_left(starts, e)] if t.end <= e]
    lo, hi = max(0, bisect_left(starts, spans[0][0]) - 1), bisect_left(starts, spans[-1][1])
    return [t for t in tokens[lo:hi] if any(s < t.end and t.start < e for s, e in spans)]


APPOSITION_WORDS = 8  # most words between the commas around an apposition


def _apposition(tokens: list[Token], starts: list[int], d: attr.Draft, pack: LanguagePack) -> list[Token]:
    """The words set off by commas right after a source phrase, before the cue and outside the
    content ("Der Inhaber, der 62-jährige Walter Stieglitz, sprach"); [] if there are none."""
    end = d.source[-1][1]
    i = bisect_left(starts, end)
    if i >= len(tokens) or tokens[i].text != ",":
        return []
    limit = min((s for s, _ in d.cue + d.content if s >= end), default=tokens[-1].end + 1)
    for j in range(i + 1, min(i + 2 + APPOSITION_WORDS, len(tokens))):
        if tokens[j].end > limit or tokens[j].sent != tokens[i].sent:
            return []
        if tokens[j].text == ",":
            return tokens[i + 1 : j]
    return []


def _apposed_name(text: str, app: list[Token], words: list[str], pack: LanguagePack,
                  add: Callable[..., DocEntity]) -> DocEntity | None:
    """The person an apposition names, with the role the source phrase gave them."""
    name, more, start = split_source(text, app, pack) if app else ("", [], -1)
    if not name or not _bare(app, start, pack):
        return None
    return add(name, start, start + len(name), words + more)


def _titles(before: list[Token], name: str, pack: LanguagePack) -> list[str]:
    """The title words right before a name and its own first word ("Richterin", "Mr."): they
    tell the person's gender; words further back may describe someone else."""
    words = [name.split()[0].lower()] if name else []
    for t in reversed(before):
        if not t.text[:1].isupper() or t.lower in pack.determiners:
            break
        words.append(t.lower)
    return words


def _bare_name(before: list[Token], name: str, pack: LanguagePack) -> bool:
    """A name found in the text not right after an article ("the Harbor City Ledger"), nor a
    lone word after a preposition ("in Virginia": a place or a thing)."""
    prev = before[-1].lower if before else ""
    return prev not in pack.determiners and not (" " not in name and prev in pack.prepositions)


def _bare(toks: list[Token], start: int, pack: LanguagePack) -> bool:
    """A name in a source phrase not right after an article ("die Verteidigung" is not)."""
    prev = [t for t in toks if t.end <= start]
    return not (prev and prev[-1].lower in pack.determiners)


def _referent(text: str, found: dict[str, DocEntity], tokens: list[Token], starts: list[int], pos: int,
              words: list[str], pack: LanguagePack,
              add: Callable[..., DocEntity]) -> DocEntity | None:
    """Who a pronoun, role or age description at `pos` points back to. He and she are persons
    of their gender, not a newspaper or "die Verteidigung"; a role description someone seen
    with that role; an age description the last person ("der 62-Jährige") of its gender."""
    roles = role_words(words, pack)
    gender = pack.pronouns.get(words[0]) or gender_of(words, pack, article=True)
    personal = (words[0] in pack.pronouns and gender in PERSONAL_GENDERS) or age_words(words, pack)
    ent = _resolve(found, pos, roles, gender if gender in PERSONAL_GENDERS else None, personal)
    near = None if ent or roles else lone_name_before(tokens, starts, pos, pack)  # "Kim ... er"
    return add(text[near[0] : near[1]], *near, []) if near else ent


def _named_within(found: dict[str, DocEntity], head: set[int]) -> DocEntity | None:
    """The first name found in the text that lies within a source phrase the phrase parser
    could not read (a learned source span may run on: "... am Dienstag"); a name in a place
    phrase ("in Boston") is not the source. `head`: starts of the phrase's head words."""
    inner = [(ms, ent) for ent in found.values() for ms, me in ent.mentions if ms in head]
    return min(inner, key=lambda x: x[0])[1] if inner else None


def _match_existing(found: dict[str, DocEntity], key: str) -> DocEntity | None:
    """A short form ('Rutte', 'Kim') joins a longer name already seen ('Mark Rutte')."""
    if key in found:
        return found[key]
    parts = key.split("-")
    for ent in found.values():
        eparts = ent.key.split("-")
        if len(parts) < len(eparts) and (eparts[-len(parts):] == parts or eparts[: len(parts)] == parts):
            return ent
    return None


ROLE_WINDOW = 4  # words before a name searched for its role ("der frühere niederländische Regierungschef")
PERSON_TYPES = frozenset({"person", "expert", "unknown"})  # what a description may point back to
PERSONAL_GENDERS = frozenset({"m", "f"})  # "er", "she": a person of that gender


def _refers_back(words: list[str], pack: LanguagePack) -> bool:
    """A pronoun, a role or an age description ("er", "der frühere Regierungschef", "der
    62-Jährige"); not an indefinite one ("a senior official", "ein Sprecher"), which introduces
    someone not named before, nor one relative to a possessor ("the governor's spokesperson" is
    not the governor)."""
    possessor = any(w.endswith(pack.possessive_endings) for w in words)
    return bool(words) and words[0] not in pack.indefinite_determiners and not possessor and (
        words[0] in pack.pronouns or bool(role_words(words, pack)) or age_words(words, pack))


def _resolve(found: dict[str, DocEntity], pos: int, roles: set[str], gender: str | None = None,
             personal: bool = False) -> DocEntity | None:
    """The nearest person (or untyped name) mentioned before `pos`; for a role description
    ("der frühere Regierungschef", "the mayor") only one seen with that role: the senator is
    not whoever was named last. Of a known other gender no one; for a personal pronoun
    (`personal`) no untyped name only ever seen after an article ("die Verteidigung")."""
    best, best_pos = None, -1
    for ent in found.values():
        if ent.type not in PERSON_TYPES or (roles and not same_role(roles, ent.roles)):
            continue
        if (gender and ent.gender and ent.gender != gender) or (personal and not ent.bare):
            continue
        before = [s for s, _ in ent.mentions if s < pos]
        if before and max(before) > best_pos:
            best, best_pos = ent, max(before)
    return best
