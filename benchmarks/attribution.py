"""Attribution benchmark: score `claimledger.extract` against the shared gold data.

German: GerNewsQuote (Petersen-Frey & Biemann, LREC-COLING 2024) with the dataset's published
token-level metric. English: PolNeAR with per-role span-overlap and exact-match P/R/F1.
Also measures throughput and writes a sample of errors for rule development.

Run `python benchmarks/attribution.py --help`; benchmarks/README.md describes the metrics.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import string
import sys
import time
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimledger.extract import extract, extraction_to_json
from claimledger.nlp.pack import get_pack
from claimledger.settings import MODES, ExtractOptions

Span = tuple[int, int]
Figures = dict[str, float | None]

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data"
OUT_DIR = REPO / "benchmarks" / "out"
DATASETS = {"de": "gernewsquote", "en": "polnear"}

# German roles: our name -> (gold annotation field, claim JSON field)
DE_ROLES: dict[str, tuple[str, str]] = {
    "message": ("quote", "content"),
    "cue": ("cue", "cue"),
    "speaker": ("speaker", "source"),
    "frame": ("frame", "frame"),
    "addressee": ("addressee", "addressee"),
}
DE_SUB_ROLES = ("cue", "speaker", "frame", "addressee")
EN_ROLES = ("source", "cue", "content")
DE_TYPES = ("Direct", "Indirect", "Reported", "FreeIndirect", "IndirectFreeIndirect")
# claim kind -> GerNewsQuote type. "laut/nach/zufolge X" is annotated Indirect in the gold data.
# indirect_free_indirect is not an engine kind: it lets --self-check round-trip every gold type.
KIND_TO_TYPE = {
    "direct": "Direct",
    "indirect": "Indirect",
    "according_to": "Indirect",
    "reported": "Reported",
    "free_indirect": "FreeIndirect",
    "indirect_free_indirect": "IndirectFreeIndirect",
}
TYPE_TO_KIND = {t: k for k, t in KIND_TO_TYPE.items() if k != "according_to"}
TYPE_BONUS = 0.01  # tie-breaker in the quote assignment, as in the published evaluation
TRIM_CHARS = set(string.punctuation + string.whitespace + "\xa0“”„‚‘’«»‹›—–…")
EN_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n+")


# ---------------------------------------------------------------------------------- matching


def _hungarian_min(cost: list[list[float]]) -> list[int]:
    """Column for each row of a minimum-cost assignment (needs rows <= columns)."""
    n, m = len(cost), len(cost[0])
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    owner, way = [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        owner[0], j0 = i, 0
        minv, used = [float("inf")] * (m + 1), [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = owner[j0], float("inf"), 0
            for j in range(1, m + 1):
                if used[j]:
                    continue
                cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                if cur < minv[j]:
                    minv[j], way[j] = cur, j0
                if minv[j] < delta:
                    delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    result = [-1] * n
    for j in range(1, m + 1):
        if owner[j]:
            result[owner[j] - 1] = j - 1
    return result


def assign(scores: list[list[float]]) -> list[tuple[int, int]]:
    """One-to-one (row, column) pairs maximising the total score; zero-score pairs are dropped."""
    rows = [i for i, row in enumerate(scores) if any(x > 0 for x in row)]
    cols = sorted({j for i in rows for j, x in enumerate(scores[i]) if x > 0})
    if not rows:
        return []
    sub = [[-scores[i][j] for j in cols] for i in rows]
    transposed = len(rows) > len(cols)
    if transposed:
        sub = [list(col) for col in zip(*sub, strict=True)]
    pairs = [(a, b) for a, b in enumerate(_hungarian_min(sub))]
    if transposed:
        pairs = [(b, a) for a, b in pairs]
    return sorted((rows[a], cols[b]) for a, b in pairs if scores[rows[a]][cols[b]] > 0)


# ---------------------------------------------------------------------------------- data


@dataclass
class Item:
    """One quote/attribution, gold or system, reduced to what the metrics compare."""

    ref: str
    kind: str | None  # GerNewsQuote type (system kinds mapped with KIND_TO_TYPE)
    spans: dict[str, list[Span]]  # role -> character spans
    tokens: dict[str, frozenset[int]] = field(default_factory=dict)  # German only
    confidence: float | None = None
    claim_kind: str | None = None  # the engine's own kind (system items only)


@dataclass
class Doc:
    """A gold document: its text, gold items, sentence bounds and (German) token index."""

    name: str
    text: str
    gold: list[Item]
    sentences: list[Span]
    index: TokenIndex | None = None


class TokenIndex:
    """Maps character spans to the ids of the dataset tokens they overlap."""

    def __init__(self, tokens: Sequence[dict[str, Any]]) -> None:
        ordered = sorted(tokens, key=lambda t: t["charBegin"])
        self.begins = [t["charBegin"] for t in ordered]
        self.ends = [t["charEnd"] for t in ordered]
        self.ids = [t["id"] for t in ordered]

    def ids_for(self, spans: Iterable[Span]) -> frozenset[int]:
        """Ids of all tokens that share at least one character with one of the spans."""
        out: set[int] = set()
        for s, e in spans:
            if e > s:
                out.update(self.ids[bisect_right(self.ends, s) : bisect_left(self.begins, e)])
        return frozenset(out)


def read_jsonl_gz(path: Path, limit: int | None) -> list[dict[str, Any]]:
    """The first `limit` (all when None) JSON objects of a gzipped JSON-lines file."""
    out: list[dict[str, Any]] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if limit is not None and len(out) >= limit:
                break
            if line.strip():
                out.append(json.loads(line))
    return out


def de_doc(raw: dict[str, Any]) -> Doc:
    """A GerNewsQuote document; gold roles keep the dataset's own token ids."""
    gold = []
    for k, a in enumerate(raw["annotations"]):
        spans = {
            role: [(s["charBegin"], s["charEnd"]) for s in (a.get(f) or {}).get("spans", [])]
            for role, (f, _) in DE_ROLES.items()
        }
        tokens = {
            role: frozenset((a.get(f) or {}).get("tokenIds", [])) for role, (f, _) in DE_ROLES.items()
        }
        gold.append(Item(f"g{a.get('id', k)}", a.get("type"), spans, tokens))
    sentences = [(s["charBegin"], s["charEnd"]) for s in raw["sentences"]]
    return Doc(raw["documentName"], raw["originalText"], gold, sentences, TokenIndex(raw["tokens"]))


# REDEWIEDERGABE (same annotation scheme as GerNewsQuote, token-tagged): type names, tag columns
RW_TYPES = {"direct": "Direct", "indirect": "Indirect", "reported": "Reported",
            "freeIndirect": "FreeIndirect", "indirect freeIndirect": "IndirectFreeIndirect"}
RW_COLUMNS = (("stwr", "quote"), ("frame", "frame"), ("speaker", "speaker"))
RW_CLOSERS = set(",.;:!?)“«")
RW_OPENERS = set("(„»")


def rw_path(data: Path) -> Path:
    """The REDEWIEDERGABE file under the data folder."""
    return data / "redewiedergabe" / "main.jsonl.gz"


def rw_detokenise(tokens: list[str]) -> tuple[str, list[Span]]:
    """Text of a token list as it was printed (no space before closing punctuation or after an
    opening bracket or quotation mark; '"' alternates) and each token's character span."""
    parts: list[str] = []
    spans: list[Span] = []
    pos, open_straight, glue = 0, False, True
    for tok in tokens:
        closing = tok in RW_CLOSERS or (tok == '"' and open_straight)
        if not glue and not closing:
            parts.append(" ")
            pos += 1
        if tok == '"':
            open_straight = not open_straight
        glue = tok in RW_OPENERS or (tok == '"' and open_straight)
        spans.append((pos, pos + len(tok)))
        parts.append(tok)
        pos += len(tok)
    return "".join(parts), spans


def rw_raw(doc: dict[str, Any]) -> dict[str, Any]:
    """A REDEWIEDERGABE document (per-token tags like "indirect.speech.3|direct.writing.4.nonfact",
    "frame.3", "speaker.3_4"; the numbers link the roles of one instance) as a GerNewsQuote
    record. Thought-only instances are dropped (news attribution is speech and writing); the
    corpus has no cue or addressee layer, so those roles are empty."""
    text, spans = rw_detokenise(doc["tok"])
    anns: dict[str, dict[str, Any]] = {}
    for column, role in RW_COLUMNS:
        for t, tag in enumerate(doc[column]):
            for part in tag.split("|") if tag != "-" else ():
                fields = part.split(".")
                for ident in fields[2:3] if column == "stwr" else fields[1].split("_"):
                    ann = anns.setdefault(ident, {r: {"spans": [], "tokenIds": []}
                                                  for r in ("quote", "cue", "speaker", "frame", "addressee")})
                    if column == "stwr":
                        ann["type"], ann["medium"] = RW_TYPES.get(fields[0]), fields[1]
                    ann[role]["tokenIds"].append(t)
                    pieces = ann[role]["spans"]
                    if pieces and pieces[-1]["end"] == t:
                        pieces[-1].update(charEnd=spans[t][1], end=t + 1)
                    else:
                        pieces.append({"charBegin": spans[t][0], "charEnd": spans[t][1],
                                       "begin": t, "end": t + 1})
    keep = [{**a, "id": k} for k, a in enumerate(anns.values())
            if a.get("medium") and a["medium"] != "thought"]
    starts = [t for t, flag in enumerate(doc["sentstart"]) if flag == "yes"] or [0]
    bounds = list(zip(starts, [*starts[1:], len(spans)], strict=True))
    return {"documentName": doc.get("file", ""), "originalText": text, "annotations": keep,
            "tokens": [{"id": t, "charBegin": s, "charEnd": e} for t, (s, e) in enumerate(spans)],
            "sentences": [{"charBegin": spans[a][0], "charEnd": spans[b - 1][1]} for a, b in bounds if b > a]}


def rw_docs(data: Path, fictional: str | None, limit: int | None) -> list[dict[str, Any]]:
    """REDEWIEDERGABE documents (fictional "yes" or "no"; None: all) as GerNewsQuote records."""
    docs = [d for d in read_jsonl_gz(rw_path(data), None) if fictional in (None, d.get("fictional"))]
    return [rw_raw(d) for d in docs[:limit]]


def en_sentences(text: str) -> list[Span]:
    """Approximate sentence spans: split after . ! ? (plus closing quotes) and at newlines."""
    spans, start = [], 0
    for m in EN_SENTENCE_END.finditer(text):
        end = m.end() if not m.group().startswith("\n") else m.start()
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def en_doc(raw: dict[str, Any]) -> Doc:
    """A PolNeAR document; attributions keep their (possibly discontinuous) spans."""
    gold = [
        Item(f"g{k}", None, {r: [(int(s), int(e)) for s, e in a.get(r) or []] for r in EN_ROLES})
        for k, a in enumerate(raw["attributions"])
    ]
    return Doc(raw["name"], raw["text"], gold, en_sentences(raw["text"]))


def claim_items(claims: Iterable[dict[str, Any]], lang: str, doc: Doc) -> list[Item]:
    """System claims (extraction_to_json format) as Items, German roles mapped to tokens."""
    fields = {r: f for r, (_, f) in DE_ROLES.items()} if lang == "de" else {r: r for r in EN_ROLES}
    items = []
    for c in claims:
        spans = {
            role: [(int(s), int(e)) for s, e in (c.get(f) or {}).get("spans") or [] if e > s]
            for role, f in fields.items()
        }
        kind = c.get("kind")
        tokens = (
            {r: doc.index.ids_for(sp) for r, sp in spans.items()} if doc.index is not None else {}
        )
        items.append(
            Item(str(c.get("id")), KIND_TO_TYPE.get(kind, kind), spans, tokens,
                 c.get("confidence"), kind)
        )
    return items


def gold_as_claims(doc: Doc, lang: str) -> list[dict[str, Any]]:
    """Gold annotations rewritten as system output (extraction_to_json claims), for --self-check."""
    fields = {r: f for r, (_, f) in DE_ROLES.items()} if lang == "de" else {r: r for r in EN_ROLES}
    claims = []
    for k, g in enumerate(doc.gold):
        claim: dict[str, Any] = {"id": f"c{k + 1}", "kind": TYPE_TO_KIND.get(g.kind or "", "direct")}
        for role, f in fields.items():
            spans = g.spans.get(role) or []
            text = " ".join(doc.text[s:e] for s, e in spans)
            claim[f] = {"text": text, "spans": [list(s) for s in spans]} if spans else None
        claims.append(claim)
    return claims


# ---------------------------------------------------------------------------------- helpers


def prf(p_vals: Sequence[float], r_vals: Sequence[float]) -> Figures:
    """Macro P and R (means of per-item values) and their F1; None where nothing was counted."""
    p = sum(p_vals) / len(p_vals) if p_vals else None
    r = sum(r_vals) / len(r_vals) if r_vals else None
    return {"p": p, "r": r, "f1": f1(p, r), "n_p": len(p_vals), "n_r": len(r_vals)}


def f1(p: float | None, r: float | None) -> float | None:
    """Harmonic mean. With one side never counted: 0 when the other side is 0, else None."""
    if p is None or r is None:
        return 0.0 if (p, r) in ((None, 0.0), (0.0, None)) else None
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def micro(tp: int, n_pred: int, n_gold: int) -> Figures:
    """Micro P/R/F1 from counts."""
    p = tp / n_pred if n_pred else None
    r = tp / n_gold if n_gold else None
    return {"p": p, "r": r, "f1": f1(p, r), "tp": tp, "pred": n_pred, "gold": n_gold}


def union(spans: Sequence[Span]) -> Span | None:
    """The single span from the first start to the last end, None for no spans."""
    return (min(s for s, _ in spans), max(e for _, e in spans)) if spans else None


def overlap(a: Iterable[Span], b: Iterable[Span]) -> int:
    """Characters shared by two span lists."""
    b = list(b)
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def half_overlap(p: Span, g: Span) -> bool:
    """True when the overlap covers at least half of each span."""
    ov = max(0, min(p[1], g[1]) - max(p[0], g[0]))
    return ov > 0 and 2 * ov >= p[1] - p[0] and 2 * ov >= g[1] - g[0]


def trim(text: str, span: Span) -> Span:
    """The span without surrounding whitespace and punctuation."""
    s, e = span
    while s < e and text[s] in TRIM_CHARS:
        s += 1
    while e > s and text[e - 1] in TRIM_CHARS:
        e -= 1
    return s, e


def dice(a: frozenset[int], b: frozenset[int]) -> float:
    """Token-overlap F1 of two token sets."""
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


# ---------------------------------------------------------------------------------- German


@dataclass
class DeTally:
    """Per-pair P/R values of the published GerNewsQuote metric, collected over documents."""

    p: dict[str, list[float]] = field(default_factory=lambda: {r: [] for r in DE_ROLES})
    r: dict[str, list[float]] = field(default_factory=lambda: {r: [] for r in DE_ROLES})
    type_p: dict[str, list[float]] = field(default_factory=dict)
    type_r: dict[str, list[float]] = field(default_factory=dict)
    form: Counter[str] = field(default_factory=Counter)
    counts: Counter[str] = field(default_factory=Counter)


def de_match(system: list[Item], gold: list[Item]) -> list[tuple[int, int]]:
    """(system, gold) pairs: one-to-one, maximal message-token overlap, at least one shared token."""
    scores = []
    for s in system:
        row = []
        for g in gold:
            score = dice(s.tokens["message"], g.tokens["message"])
            row.append(score + TYPE_BONUS * (score > 0 and s.kind == g.kind))
        scores.append(row)
    return assign(scores)


def de_add_pair(t: DeTally, sys_item: Item | None, gold: Item | None) -> None:
    """Add one matched pair, or one unmatched system (gold None) or gold (system None) quote."""
    empty: frozenset[int] = frozenset()
    for role in DE_ROLES:
        s = sys_item.tokens[role] if sys_item else empty
        g = gold.tokens[role] if gold else empty
        hit = len(s & g)
        if s:
            t.p[role].append(hit / len(s))
        if g:
            t.r[role].append(hit / len(g))
        if role == "message" and sys_item and s:
            t.type_p.setdefault(str(sys_item.kind), []).append(hit / len(s))
        if role == "message" and gold and g:
            t.type_r.setdefault(str(gold.kind), []).append(hit / len(g))
    if sys_item and gold and sys_item.kind == gold.kind:
        t.form["tp"] += 1
    else:
        t.form["fp"] += sys_item is not None
        t.form["fn"] += gold is not None


def de_score_doc(t: DeTally, system: list[Item], gold: list[Item]) -> list[tuple[int, int]]:
    """Score one document into the tally; returns the matched pairs."""
    pairs = de_match(system, gold)
    for si, gi in pairs:
        de_add_pair(t, system[si], gold[gi])
    for si in set(range(len(system))) - {p[0] for p in pairs}:
        de_add_pair(t, system[si], None)
    for gi in set(range(len(gold))) - {p[1] for p in pairs}:
        de_add_pair(t, None, gold[gi])
    t.counts.update(gold=len(gold), system=len(system), matched=len(pairs))
    return pairs


def de_results(t: DeTally) -> dict[str, Any]:
    """Message, per-role, pooled roles, joint, type and per-type figures from a tally."""
    res: dict[str, Any] = {role: prf(t.p[role], t.r[role]) for role in DE_ROLES}

    def pooled(roles: Sequence[str]) -> Figures:
        return prf([x for r in roles for x in t.p[r]], [x for r in roles for x in t.r[r]])

    res["roles"] = pooled(DE_SUB_ROLES)
    res["roles_cue_speaker"] = pooled(("cue", "speaker"))
    res["joint"] = pooled(tuple(DE_ROLES))
    res["type"] = micro(t.form["tp"], t.form["tp"] + t.form["fp"], t.form["tp"] + t.form["fn"])
    kinds = list(DE_TYPES) + sorted(set(t.type_p) - set(DE_TYPES))
    res["by_type"] = {k: prf(t.type_p.get(k, []), t.type_r.get(k, [])) for k in kinds}
    res["counts"] = dict(t.counts)
    return res


# ---------------------------------------------------------------------------------- English


def en_criteria(text: str) -> dict[str, Callable[[Span, Span], bool]]:
    """Span comparisons of the English metric."""
    return {
        "overlap": half_overlap,
        "exact": lambda p, g: p == g,
        "exact_trimmed": lambda p, g: trim(text, p) == trim(text, g),
    }


def en_count(pred: list[Span], gold: list[Span], same: Callable[[Span, Span], bool]) -> int:
    """Size of a maximum one-to-one matching of predicted to gold spans under `same`."""
    scores = [[1.0 if same(p, g) else 0.0 for g in gold] for p in pred]
    return len(assign(scores))


def en_score_doc(counts: Counter[str], doc: Doc, system: list[Item]) -> None:
    """Add one document's per-role, per-criterion tp/pred/gold counts."""
    crit = en_criteria(doc.text)
    for role in EN_ROLES:
        pred = [u for i in system if (u := union(i.spans[role]))]
        gold = [u for i in doc.gold if (u := union(i.spans[role]))]
        for name, same in crit.items():
            counts[f"{role}.{name}.tp"] += en_count(pred, gold, same)
        counts[f"{role}.pred"] += len(pred)
        counts[f"{role}.gold"] += len(gold)
    counts["gold"] += len(doc.gold)
    counts["system"] += len(system)


def en_results(counts: Counter[str]) -> dict[str, Any]:
    """Per-role, per-criterion micro P/R/F1."""
    res: dict[str, Any] = {
        role: {
            name: micro(counts[f"{role}.{name}.tp"], counts[f"{role}.pred"], counts[f"{role}.gold"])
            for name in ("overlap", "exact", "exact_trimmed")
        }
        for role in EN_ROLES
    }
    res["counts"] = {"gold": counts["gold"], "system": counts["system"]}
    return res


def en_match(system: list[Item], gold: list[Item]) -> list[tuple[int, int]]:
    """Claim-level pairs for the error sample: one-to-one by content character overlap."""
    scores = []
    for s in system:
        a = s.spans["content"]
        la = sum(e - b for b, e in a)
        row = []
        for g in gold:
            b = g.spans["content"]
            lb = sum(e - x for x, e in b)
            row.append(2 * overlap(a, b) / (la + lb) if la + lb else 0.0)
        scores.append(row)
    return assign(scores)


# ---------------------------------------------------------------------------------- errors


def role_verdict(lang: str, text: str, role: str, s: Item, g: Item) -> str | None:
    """How a system role differs from gold: missing, extra, wrong, boundary; None if it agrees."""
    if lang == "de":
        a, b = s.tokens[role], g.tokens[role]
        if a == b:
            return None
        return "missing" if not a else "extra" if not b else "boundary" if a & b else "wrong"
    pu, gu = union(s.spans[role]), union(g.spans[role])
    if pu is None or gu is None:
        return None if pu == gu else "missing" if pu is None else "extra"
    if not half_overlap(pu, gu):
        return "wrong"
    return None if trim(text, pu) == trim(text, gu) else "boundary"


def describe(doc: Doc, item: Item, roles: Iterable[str]) -> dict[str, Any]:
    """Role texts and spans of an item, for the error file."""
    out: dict[str, Any] = {"id": item.ref, "type": item.kind}
    if item.claim_kind is not None:
        out["kind"] = item.claim_kind
    if item.confidence is not None:
        out["confidence"] = item.confidence
    for role in roles:
        spans = item.spans.get(role) or []
        out[role] = {"text": " … ".join(doc.text[s:e] for s, e in spans), "spans": spans}
    return out


def context(doc: Doc, items: Iterable[Item], limit: int = 1200) -> str:
    """The sentences around all spans of the items (clipped to `limit` characters)."""
    spans = [sp for i in items for v in i.spans.values() for sp in v]
    if not spans:
        return ""
    lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
    start = min([s for s, e in doc.sentences if e > lo and s <= lo] or [lo])
    end = max([e for s, e in doc.sentences if s < hi and e >= hi] or [hi])
    if end - start > limit:
        start, end = max(start, lo - 200), min(end, hi + 200)
    return doc.text[start:end].strip()


def doc_errors(lang: str, doc: Doc, system: list[Item], pairs: list[tuple[int, int]],
               skip_missing: set[str]) -> list[dict[str, Any]]:
    """Missed gold items, spurious system claims and matched pairs whose roles disagree."""
    roles = tuple(DE_ROLES) if lang == "de" else EN_ROLES
    base = {"lang": lang, "doc": doc.name}
    out: list[dict[str, Any]] = []
    for si, gi in pairs:
        s, g = system[si], doc.gold[gi]
        diff = {r: v for r in roles if (v := role_verdict(lang, doc.text, r, s, g))}
        diff = {r: v for r, v in diff.items() if not (v == "missing" and r in skip_missing)}
        if diff:
            out.append({**base, "error": "role_mismatch", "roles": diff,
                        "gold": describe(doc, g, roles), "system": describe(doc, s, roles),
                        "context": context(doc, [s, g])})
    for gi in sorted(set(range(len(doc.gold))) - {p[1] for p in pairs}):
        g = doc.gold[gi]
        out.append({**base, "error": "missed", "gold": describe(doc, g, roles),
                    "context": context(doc, [g])})
    for si in sorted(set(range(len(system))) - {p[0] for p in pairs}):
        s = system[si]
        out.append({**base, "error": "spurious", "system": describe(doc, s, roles),
                    "context": context(doc, [s])})
    return out


def errors_path(template: str | None, lang: str, both: bool) -> Path:
    """Where to write a language's errors: {lang} in the template, or -<lang> when running both."""
    if template is None:
        return OUT_DIR / f"attribution-errors-{lang}.jsonl"
    if "{lang}" in template:
        return Path(template.format(lang=lang))
    path = Path(template)
    return path.with_name(f"{path.stem}-{lang}{path.suffix}") if both else path


def write_errors(path: Path, records: list[dict[str, Any]]) -> None:
    """Write error records as JSON lines (creates the folder)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------------------------- running


@dataclass
class LangRun:
    """Everything one language produced: documents, system items, figures and timings."""

    lang: str
    docs: list[Doc]
    system: list[list[Item]]
    results: dict[str, Any] = field(default_factory=dict)
    pairs: list[list[tuple[int, int]]] = field(default_factory=list)


def load_docs(lang: str, path: Path, limit: int | None) -> list[Doc]:
    """Gold documents of one language."""
    build = de_doc if lang == "de" else en_doc
    return [build(raw) for raw in read_jsonl_gz(path, limit)]


def run_extractor(lang: str, docs: list[Doc], options: ExtractOptions
                  ) -> tuple[list[list[dict[str, Any]]], dict[str, Any]]:
    """extract() in the given mode on every full document (timed): the product's whole path
    (tokenise, attribute, entities, figures) -> claim dicts and throughput figures."""
    t0 = time.perf_counter()
    extract("Warm-up.", lang, "warmup", options)  # loads a tagger in the neural modes
    lexicon = get_pack(lang).proper_noun
    if lexicon:  # loaded on first use (~0.2 s): a one-time cost, not a per-sentence one
        lexicon("Warm")
    warmup = time.perf_counter() - t0
    wall = cpu = 0.0
    out = []
    for doc in docs:
        w0, c0 = time.perf_counter(), time.process_time()
        x = extract(doc.text, lang, doc.name, options)
        wall += time.perf_counter() - w0
        cpu += time.process_time() - c0
        out.append(extraction_to_json(x)["claims"])
    sentences = sum(len(d.sentences) for d in docs)
    throughput = {
        "docs": len(docs),
        "sentences": sentences,
        "chars": sum(len(d.text) for d in docs),
        "wall_s": wall,
        "cpu_s": cpu,
        "warmup_s": warmup,
        "sentences_per_s": sentences / wall if wall else None,
        "sentences_per_cpu_s": sentences / cpu if cpu else None,
    }
    return out, throughput


def evaluate(lang: str, docs: list[Doc], claims: list[list[dict[str, Any]]]) -> LangRun:
    """Score system claims against the gold documents of one language."""
    run = LangRun(lang, docs, [claim_items(c, lang, d) for c, d in zip(claims, docs, strict=True)])
    if lang == "de":
        tally = DeTally()
        run.pairs = [de_score_doc(tally, s, d.gold) for s, d in zip(run.system, docs, strict=True)]
        run.results = de_results(tally)
    else:
        counts: Counter[str] = Counter()
        for s, d in zip(run.system, docs, strict=True):
            en_score_doc(counts, d, s)
            run.pairs.append(en_match(s, d.gold))
        run.results = en_results(counts)
    run.results["counts"]["docs"] = len(docs)
    return run


def sample_errors(run: LangRun, n_docs: int, seed: int) -> list[dict[str, Any]]:
    """Error records of `n_docs` documents drawn at random (seeded)."""
    roles = tuple(DE_ROLES) if run.lang == "de" else EN_ROLES
    produced = {r for items in run.system for i in items for r in roles if i.spans[r]}
    never = set(roles) - produced  # roles the engine never fills: "missing" there is no news
    picked = sorted(random.Random(seed).sample(range(len(run.docs)), min(n_docs, len(run.docs))))
    records = []
    for k in picked:
        records += doc_errors(run.lang, run.docs[k], run.system[k], run.pairs[k], never)
    return records


def flat_figures(lang: str, results: dict[str, Any]) -> dict[str, float | None]:
    """Named scalar figures (the keys a floors file may use), e.g. de.message_f1."""
    out: dict[str, float | None] = {}
    if lang == "de":
        for name in (*DE_ROLES, "roles", "roles_cue_speaker", "joint", "type"):
            for k in ("p", "r", "f1"):
                out[f"{name}_{k}"] = results[name][k]
    else:
        for role in EN_ROLES:
            for crit, fig in results[role].items():
                for k in ("p", "r", "f1"):
                    out[f"{role}_{crit}_{k}"] = fig[k]
    if "throughput" in results:
        out["sentences_per_cpu_s"] = results["throughput"]["sentences_per_cpu_s"]
    return out


def check_floors(floors: dict[str, dict[str, float]], figures: dict[str, Figures]) -> list[str]:
    """Failures (figure below its floor, or unknown) for the languages that were evaluated."""
    failures = []
    for lang, wanted in floors.items():
        if lang not in figures:
            print(f"floors: {lang} not evaluated in this run, its floors are not checked")
            continue
        for key, floor in wanted.items():
            value = figures[lang].get(key)
            if value is None:
                what = "n/a" if key in figures[lang] else "unknown"
                failures.append(f"{lang}.{key}: figure {what}, floor {floor}")
            elif value < floor:
                failures.append(f"{lang}.{key}: {value:.4f} < floor {floor}")
    return failures


# ---------------------------------------------------------------------------------- printing


def fmt(x: Any) -> str:
    """A figure for the table."""
    return "  n/a" if x is None else f"{x:.3f}"


def print_de(res: dict[str, Any], title: str) -> None:
    """The German table."""
    c = res["counts"]
    print(f"\n{title}: {c['docs']} docs, {c['gold']} gold quotes, {c['system']} system claims, "
          f"{c['matched']} matched")
    print(f"  {'role':<32} {'P':>6} {'R':>6} {'F1':>6}")
    labels = {"message": "message (content)", "cue": "cue", "speaker": "speaker (source)",
              "frame": "frame", "addressee": "addressee",
              "roles": "roles (cue+speaker+frame+addr.)", "roles_cue_speaker": "roles (cue+speaker)",
              "joint": "joint (message+roles)", "type": "type (form, micro)"}
    for key, label in labels.items():
        r = res[key]
        print(f"  {label:<32} {fmt(r['p']):>6} {fmt(r['r']):>6} {fmt(r['f1']):>6}")
    print(f"  {'message by type':<32} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'sys':>5}")
    for kind, r in res["by_type"].items():
        print(f"  {kind:<32} {fmt(r['p']):>6} {fmt(r['r']):>6} {fmt(r['f1']):>6} "
              f"{r['n_r']:>5} {r['n_p']:>5}")


def print_en(res: dict[str, Any], title: str) -> None:
    """The English table."""
    c = res["counts"]
    print(f"\n{title}: {c['docs']} docs, {c['gold']} gold attributions, {c['system']} system claims")
    print(f"  {'role':<8} {'overlap P':>9} {'R':>6} {'F1':>6}  {'exact P':>7} {'R':>6} {'F1':>6}"
          f"  {'trim P':>6} {'R':>6} {'F1':>6}")
    for role in EN_ROLES:
        cells = []
        for crit in ("overlap", "exact", "exact_trimmed"):
            r = res[role][crit]
            cells.append(f"{fmt(r['p']):>6} {fmt(r['r']):>6} {fmt(r['f1']):>6}")
        print(f"  {role:<8}    {cells[0]}   {cells[1]}  {cells[2]}")


def print_throughput(t: dict[str, Any]) -> None:
    """Throughput line."""
    print(f"  throughput: {t['sentences']} sentences, {t['docs']} docs, {t['chars']} chars in "
          f"{t['wall_s']:.2f} s wall / {t['cpu_s']:.2f} s CPU (single process): "
          f"{fmt_rate(t['sentences_per_cpu_s'])} sentences/s per core, "
          f"{fmt_rate(t['sentences_per_s'])} sentences/s wall; warm-up {t['warmup_s']:.2f} s")


def fmt_rate(x: float | None) -> str:
    """A rate for the table."""
    return "n/a" if x is None else f"{x:.0f}"


# ---------------------------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lang", choices=("de", "en", "all"), default="all",
                    help="de: GerNewsQuote, en: PolNeAR, all: both (default)")
    ap.add_argument("--split", choices=("dev", "train", "rw-fiction", "rw-news"), default="dev",
                    help="default dev; rw-*: REDEWIEDERGABE fiction or newspapers 1840-1919, German "
                         "only, another genre (no cue or addressee layer: read message and speaker)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA,
                    help=f"folder with gernewsquote/ and polnear/ (default {DEFAULT_DATA})")
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents")
    ap.add_argument("--seed", type=int, default=1, help="seed for the error-sample documents")
    ap.add_argument("--mode", choices=MODES, default="fast",
                    help="fast: rule engine (default); balanced: compact tagger; accurate: full tagger "
                         "(claimledger.extract.neural)")
    ap.add_argument("--errors", default=None, metavar="FILE",
                    help="error sample file ({lang} is replaced; default "
                         "benchmarks/out/attribution-errors-<lang>.jsonl)")
    ap.add_argument("--error-docs", type=int, default=50, help="documents in the error sample")
    ap.add_argument("--json", action="store_true", help="print all results as JSON (last line)")
    ap.add_argument("--floors", type=Path, default=None, metavar="FILE",
                    help="JSON of minimum figures; exit 1 when one is not reached")
    ap.add_argument("--self-check", action="store_true",
                    help="score the gold annotations as system output (must be all 1.0)")
    return ap.parse_args(argv)


def self_check_ok(lang: str, res: dict[str, Any]) -> bool:
    """True when every defined P/R/F1 figure of a gold-vs-gold run is 1.0."""
    values = [v for k, v in flat_figures(lang, res).items() if k != "sentences_per_cpu_s"]
    if lang == "de":
        values += [v for r in res["by_type"].values() for v in (r["p"], r["r"], r["f1"])]
    return all(v is None or abs(v - 1.0) < 1e-9 for v in values)


def run_lang(lang: str, args: argparse.Namespace, both: bool) -> dict[str, Any] | None:
    """Evaluate one language; None when its data file is absent."""
    rw = args.split.startswith("rw-")
    if rw and lang != "de":
        print(f"skip {lang}: {args.split} is German")
        return None
    path = rw_path(args.data) if rw else args.data / DATASETS[lang] / f"{args.split}.jsonl.gz"
    if not path.is_file():
        print(f"skip {lang}: gold data {path} not found (use --data DIR)")
        return None
    if rw:
        fictional = "yes" if args.split == "rw-fiction" else "no"
        docs = [de_doc(raw) for raw in rw_docs(args.data, fictional, args.limit)]
    else:
        docs = load_docs(lang, path, args.limit)
    corpus = "redewiedergabe" if rw else DATASETS[lang]
    title = f"{'German' if lang == 'de' else 'English'} {corpus}/{args.split}"
    if args.self_check:
        run = evaluate(lang, docs, [gold_as_claims(d, lang) for d in docs])
        (print_de if lang == "de" else print_en)(run.results, f"SELF-CHECK {title}")
        run.results["self_check_ok"] = self_check_ok(lang, run.results)
        print(f"  self-check {'OK' if run.results['self_check_ok'] else 'FAILED'}")
        return run.results
    claims, throughput = run_extractor(lang, docs, ExtractOptions(args.mode))
    run = evaluate(lang, docs, claims)
    run.results["throughput"] = throughput
    (print_de if lang == "de" else print_en)(run.results, title)
    print_throughput(throughput)
    records = sample_errors(run, args.error_docs, args.seed)
    out = errors_path(args.errors, lang, both)
    write_errors(out, records)
    kinds = Counter(r["error"] for r in records)
    print(f"  error sample: {min(args.error_docs, len(docs))} docs -> {out} "
          f"({', '.join(f'{k} {v}' for k, v in sorted(kinds.items())) or 'no errors'})")
    return run.results


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; 0 on success or absent data, 1 when a floor or the self-check fails."""
    args = parse_args(argv)
    langs = ["de", "en"] if args.lang == "all" else [args.lang]
    results: dict[str, Any] = {}
    for lang in langs:
        res = run_lang(lang, args, both=len(langs) > 1)
        if res is not None:
            results[lang] = res
    figures = {lang: flat_figures(lang, res) for lang, res in results.items()}
    status, failures = 0, []
    if args.self_check:
        status = 0 if all(r["self_check_ok"] for r in results.values()) else 1
    elif args.floors is not None:
        if args.limit is not None or args.split != "dev":
            print("floors: note, floors are calibrated on the full dev split")
        failures = check_floors(json.loads(args.floors.read_text("utf-8")), figures)
        for f in failures:
            print(f"FLOOR FAILED {f}")
        print(f"floors: {'all reached' if not failures else f'{len(failures)} not reached'}")
        status = 1 if failures else 0
    if not results:
        print("nothing evaluated: no gold data found")
    if args.json:
        payload = {"split": args.split, "limit": args.limit, "seed": args.seed,
                   "self_check": args.self_check, "results": results, "figures": figures,
                   "floor_failures": failures}
        print(json.dumps(payload, ensure_ascii=False))
    return status


if __name__ == "__main__":
    sys.exit(main())
