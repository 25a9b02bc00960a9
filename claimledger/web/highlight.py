"""Article text as HTML with claim roles highlighted, built from escaped text segments.

The text is hostile input, so it is never parsed as markup: it is cut at every span boundary and
each piece is escaped; only the spans we add around the pieces are markup. Overlapping and nested
claims work because each piece carries the classes of every role that covers it.

Claims are grouped in "units": a sentence, or several when a claim runs across them. Each claim's
anchor (`#claim-N`, N the claim id) sits inside its unit, so CSS `:has(:target)` can highlight the
whole sentence on arrival, with or without our script.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from claimledger.nlp.pack import available_packs, get_pack
from claimledger.nlp.text import tokenize

ROLES = ("source", "cue", "content")


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    claim: int
    role: str
    label: str  # local id, e.g. "c3"


def marks(claims: Iterable[dict[str, Any]], length: int) -> list[Mark]:
    """Every role span of every claim, clipped to the text; empty spans dropped."""
    out = []
    for c in claims:
        for role in ROLES:
            for start, end in c[role]["spans"]:
                s, e = max(0, min(start, length)), max(0, min(end, length))
                if e > s:
                    out.append(Mark(s, e, c["id"], role, c["local_id"]))
    return out


def extents(found: list[Mark]) -> dict[int, tuple[int, int]]:
    """Claim id -> (first, last) character it covers."""
    out: dict[int, tuple[int, int]] = {}
    for m in found:
        s, e = out.get(m.claim, (m.start, m.end))
        out[m.claim] = (min(s, m.start), max(e, m.end))
    return out


def sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Sentence offsets from the language pack, or lines when the language has no pack."""
    if lang in available_packs():
        _, sents = tokenize(text, get_pack(lang))
        return [(s.start, s.end) for s in sents]
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def units(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge overlapping intervals (sentences plus claim extents) into disjoint units."""
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def _segment(piece: str, active: list[Mark]) -> str:
    if not active:
        return str(escape(piece))
    roles = sorted({m.role for m in active}, key=ROLES.index)
    classes = ["seg", *(f"r-{r}" for r in roles)]
    depth = sum(1 for m in active if m.role == "content")
    if depth > 1:
        classes.append(f"depth-{min(depth, 3)}")
    ids = " ".join(str(c) for c in sorted({m.claim for m in active}))
    title = "; ".join(f"{m.label} {m.role}" for m in sorted(active, key=lambda m: (m.claim, m.role)))
    return (f'<span class="{" ".join(classes)}" data-claims="{ids}" title="{escape(title)}">'
            f"{escape(piece)}</span>")


def _badge(claim_id: int, label: str) -> str:
    return (f'<a class="badge" id="claim-{claim_id}" href="#claim-{claim_id}" '
            f'aria-label="claim {escape(label)}">{escape(label)}</a>')


def render(text: str, claims: list[dict[str, Any]], lang: str) -> tuple[Markup, set[int]]:
    """(HTML of the text with claims highlighted, ids of the claims anchored in it)."""
    found = marks(claims, len(text))
    ext = extents(found)
    labels = {c["id"]: c["local_id"] for c in claims}
    groups = units([*sentences(text, lang), *ext.values()])
    starts = {s for s, _ in groups}
    ends = {e for _, e in groups}
    badges: dict[int, list[int]] = {}
    for cid, (s, _) in sorted(ext.items()):
        badges.setdefault(s, []).append(cid)
    cuts = sorted({0, len(text), *starts, *ends, *badges,
                   *(m.start for m in found), *(m.end for m in found)})
    opening: dict[int, list[Mark]] = {}
    for m in found:
        opening.setdefault(m.start, []).append(m)
    active: list[Mark] = []
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = [m for m in active if m.end > a] + opening.get(a, [])
        if a in starts:
            out.append('<span class="unit">')
        out.extend(_badge(cid, labels[cid]) for cid in badges.get(a, []))
        out.append(_segment(text[a:b], active))
        if b in ends:
            out.append("</span>")
    return Markup("".join(out)), set(ext)
