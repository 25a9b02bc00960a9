"""Disagreements inside a story: different figures for the same thing, and denials.

Figures differ when two sources give bands for the same unit that do not overlap, about the same
subject (similar content). A denial is a claim whose cue or wording denies; it is paired with the
most similar claim of another source in the story.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from claimledger.link.claims import (
    RECENT,
    ClaimNode,
    ClaimPool,
    jaccard,
    pool_of,
    same_source,
)

SAME_SUBJECT_COS = 0.82  # claims about the same thing, cross-language paraphrase included
# durations and ages ("seit drei Jahren", "81 Jahre alt") describe, they are not disputed counts
DESCRIPTIVE_UNITS = frozenset({"year", "day", "hour"})
SAME_SUBJECT_WORDS = 0.15
FIGURE_TOLERANCE = 0.1  # relative difference below which two stated figures are the same
# counts of people under a more specific name compare with plain "people" counts
PEOPLE_UNITS = frozenset({"person", "participant", "protester", "resident", "patient", "voter",
                          "passenger", "visitor", "spectator", "evacuee", "refugee", "worker",
                          "employee", "member", "striker"})
DENIAL_TARGET_MIN = 0.05  # word overlap (or cosine above DENIAL_TARGET_COS) a denial needs
DENIAL_TARGET_COS = 0.78
TERSE_DENIAL_WORDS = 8  # a denial with fewer content words is matched by its context
CONTRADICTION_COS = 0.91  # a negated claim this close to another source's claim contradicts it
CONTRADICTION_WORDS = 0.5  # word overlap that makes a negated claim contradict (no vectors)


@dataclass(frozen=True, slots=True)
class Disagreement:
    kind: str  # "figures" | "denial"
    subject: str
    claim_a: int  # the earlier or denied claim
    claim_b: int  # the later or denying claim
    detail: dict


def _stated(q: dict) -> float | None:
    """The figure as stated: the number itself, or None for a vague band ("Tausende")."""
    if q.get("value") is not None:
        return float(q["value"])
    if q.get("operator") == "vague":
        return None
    lo, hi = q.get("low"), q.get("high")
    return float(lo if lo is not None else hi) if (lo is not None or hi is not None) else None


def _differ(a: dict, b: dict) -> bool:
    """True when two sources state figures that are not the same number.

    Stated numbers that differ by more than FIGURE_TOLERANCE differ ("rund 4,2 Millionen" vs
    "bis zu 7 Millionen"); a vague band ("Tausende") differs from a number outside it.
    """
    va, vb = _stated(a), _stated(b)
    if va is not None and vb is not None:
        return abs(va - vb) > FIGURE_TOLERANCE * max(abs(va), abs(vb))
    for q, v in ((a, vb), (b, va)):
        if v is not None and q.get("operator") == "vague":
            return not (q["low"] <= v <= (q["high"] if q["high"] is not None else float("inf")))
    return False


def _comparable(a: str | None, b: str | None) -> bool:
    """Figures count the same kind of thing (people counts: "Menschen" vs "Teilnehmer")."""
    if not a or not b or a in DESCRIPTIVE_UNITS:
        return False
    return a == b or ("person" in (a, b) and a in PEOPLE_UNITS and b in PEOPLE_UNITS)


def _comparable_units(unit: str | None) -> set[str]:
    """The units `_comparable` accepts beside this one (index keys of a ClaimPool)."""
    if not unit or unit in DESCRIPTIVE_UNITS:
        return set()
    if unit == "person":
        return set(PEOPLE_UNITS)
    return {unit, "person"} if unit in PEOPLE_UNITS else {unit}


def _same_subject(a: ClaimNode, b: ClaimNode, cos: float = SAME_SUBJECT_COS) -> bool:
    if a.vector is not None and b.vector is not None and float(a.vector @ b.vector) >= cos:
        return True
    return jaccard(a.words, b.words) >= SAME_SUBJECT_WORDS


def figure_disagreements(node: ClaimNode, pool: ClaimPool) -> list[Disagreement]:
    """One disagreement per earlier claim stating a differing figure: the first differing pair
    of figures (a pair of claims is recorded once). In a story so large that the candidates are
    bounded (`claims.RECENT`), one per claim group: hundreds of copies of one claim, each with
    another figure, would otherwise add hundreds of rows for every new report."""
    out: list[Disagreement] = []
    units = set().union(*(_comparable_units(q["unit"]) for q in node.quantities))
    cands = pool.with_unit(units) if units else []
    per_group = len(cands) > RECENT
    done: set[int] = set()
    for other in cands:
        if other is node or (per_group and other.group_id in done) \
                or same_source(other.source_key, node.source_key) or not _same_subject(node, other):
            continue
        pair = next(((q, q2) for q in node.quantities for q2 in other.quantities
                     if _comparable(q["unit"], q2["unit"]) and _differ(q, q2)), None)
        if pair:
            q, q2 = pair
            out.append(Disagreement("figures", q["unit"], other.claim_id, node.claim_id,
                                    {"a": q2["text"], "b": q["text"]}))
            if other.group_id is not None:
                done.add(other.group_id)
    return out


def _most_similar(node: ClaimNode, others: ClaimPool,
                  score: Callable[[ClaimNode], float | None], floor: float,
                  strict: bool) -> ClaimNode | None:
    """Another source's claim (not a denial itself) with the highest score above the floor (or at
    it, unless strict); `score` returns None for claims that do not qualify."""
    best, best_sim = None, None
    for other in others.recent():
        if other is node or other.denial or same_source(other.source_key, node.source_key):
            continue
        sim = score(other)
        if sim is None or sim < floor or (strict and sim == floor):
            continue
        if best_sim is None or sim > best_sim:
            best, best_sim = other, sim
    return best


def denial_target(node: ClaimNode, others: ClaimPool) -> ClaimNode | None:
    """The claim a denial answers: the most similar claim of another source in the story. A
    denial that says little itself ("the allegation", "Das ist falsch") is compared by the words
    around it, where the denied statement usually stands. A denial that names what it rejects
    ("wies Berichte zurück, wonach X") answers the claim that account restates, where the story
    has one (its own words name the account's author, not what it denies); one that lands on
    such an account answers that claim too, or else the account."""
    if node.denies is not None:
        return _restated(node.denies, node, others)
    terse = len(node.words) < TERSE_DENIAL_WORDS and node.context

    def score(other: ClaimNode) -> float:
        if terse:
            return len(node.context & other.words) / len(other.words) if other.words else 0.0
        return _likeness(node, other)

    target = _most_similar(node, others, score, DENIAL_TARGET_MIN, strict=True)
    return (_restated(target, node, others) or target) if target is not None and target.account else target


def _likeness(a: ClaimNode, b: ClaimNode) -> float:
    """How alike two claims are, against the DENIAL_TARGET_MIN floor: word overlap, plus cosine
    above DENIAL_TARGET_COS where there are vectors (short texts embed alike: the words tell a
    restated claim from a quotation fragment beside it)."""
    if a.vector is not None and b.vector is not None:
        return float(a.vector @ b.vector) - DENIAL_TARGET_COS + jaccard(a.words, b.words)
    return jaccard(a.words, b.words)


def _restated(account: ClaimNode, denial: ClaimNode, others: ClaimPool) -> ClaimNode | None:
    """The claim an account restates: another source's claim (not the denier's, not an account)
    most like it."""
    return _most_similar(denial, others, lambda o: None if o.account else _likeness(account, o),
                         DENIAL_TARGET_MIN, strict=True)


def find_disagreements(node: ClaimNode, story_claims: ClaimPool | Iterable[ClaimNode]) -> list[Disagreement]:
    """Disagreements between a new claim and the claims already in its story."""
    others = pool_of(story_claims)
    found = figure_disagreements(node, others)
    target = denial_target(node, others) if node.denial else (
        contradicted(node, others) if node.negated else None)
    if target is not None:
        found.append(Disagreement("denial", target.content[:80], target.claim_id, node.claim_id,
                                  {"a": target.content, "b": node.content}))
    return found


def contradicted(node: ClaimNode, others: ClaimPool) -> ClaimNode | None:
    """The claim a negated statement contradicts: another source's claim, not negated itself,
    saying nearly the same ("Es sei kein Tränengas eingesetzt worden" / "police used tear gas")."""

    def score(other: ClaimNode) -> float | None:
        if other.negated:
            return None
        if node.vector is not None and other.vector is not None:
            return float(node.vector @ other.vector) - CONTRADICTION_COS
        return jaccard(node.words, other.words) - CONTRADICTION_WORDS

    return _most_similar(node, others, score, 0.0, strict=False)


def _side_key(side: dict) -> tuple:
    figures = tuple(sorted(q["text"].lower() for q in side.get("quantities", [])))
    return (side.get("source_name") or side.get("source_text") or "").lower(), figures


def collapse(rows: list[dict]) -> list[dict]:
    """One row per distinct disagreement: syndicated copies repeat the same pair of claims."""
    seen: dict[tuple, dict] = {}
    for row in rows:
        a, b = row["sides"]
        key = (row["kind"], row["subject"], *sorted([_side_key(a), _side_key(b)]))
        if key in seen:
            seen[key].setdefault("also", []).append(row["id"])
        else:
            seen[key] = row
    return list(seen.values())
