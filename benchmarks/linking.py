"""Linking accuracy on our own labelled corpus (benchmarks/linking): stories, claim groups,
disagreements. Ingests the articles into a temporary ledger through the real pipeline.

    python benchmarks/linking.py            # accurate mode (multilingual embeddings)
    python benchmarks/linking.py --fast     # entities and words only
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
import time
from collections import Counter
from itertools import combinations
from pathlib import Path

from claimledger.ingest import record_to_raw
from claimledger.link.disagree import collapse
from claimledger.pipeline import ingest_items, relink
from claimledger.settings import ExtractOptions, Settings
from claimledger.store import open_store

HERE = Path(__file__).parent / "linking"


def bcubed(pred: dict, gold: dict) -> tuple[float, float, float]:
    """BCubed precision, recall, F1 over the items of `gold` (item -> cluster in each dict)."""
    items = list(gold)
    pair = Counter((pred[i], gold[i]) for i in items)
    psize, gsize = Counter(pred[i] for i in items), Counter(gold[i] for i in items)
    p = sum(c * c / psize[k[0]] for k, c in pair.items()) / len(items)
    r = sum(c * c / gsize[k[1]] for k, c in pair.items()) / len(items)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


class ClaimFinder:
    """Maps a gold (article, quote) to the stored claims whose content overlaps the quote, the
    one that covers most of it first (a sentence may hold two claims: "called it untrue and
    said …")."""

    def __init__(self, store, texts: dict[str, str], ids: dict[str, str]) -> None:
        self.by_article: dict[str, list[tuple[int, list, int | None]]] = {}
        for row in store.db.execute("SELECT id, article_id, content_spans, group_id FROM claims"):
            self.by_article.setdefault(row["article_id"], []).append(
                (row["id"], json.loads(row["content_spans"]), row["group_id"]))
        self.texts, self.ids = texts, ids

    def claims(self, article: str, quote: str) -> list[tuple[int, int | None]]:
        text = self.texts[article]
        start = text.find(quote)
        if start < 0:
            return []
        end = start + len(quote)
        hits = [(sum(max(0, min(e, end) - max(s, start)) for s, e in spans), cid, gid)
                for cid, spans, gid in self.by_article.get(self.ids[article], [])]
        return [(cid, gid) for shared, cid, gid in sorted(hits, key=lambda h: -h[0]) if shared > 0]


def evaluate(fast: bool, keep: str | None = None, extraction: str = "fast") -> dict:
    gold = json.loads((HERE / "gold.json").read_text("utf-8"))
    records = [json.loads(x) for x in (HERE / "articles.jsonl").read_text("utf-8").splitlines() if x]
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(keep or Path(tmp) / "l.db")
        t0 = time.perf_counter()
        if not store.stats()["articles"]:
            ingest_items((record_to_raw(r, f"linking#{r['id']}") for r in records), store,
                         Settings(embeddings=not fast, extraction=ExtractOptions(extraction)))
        else:
            relink(store)  # a kept ledger: apply the current linking rules again
        elapsed = time.perf_counter() - t0
        rows = store.db.execute("SELECT id, external_id, story_id FROM articles").fetchall()
        ids = {r["external_id"]: r["id"] for r in rows}
        pred_story = {r["external_id"]: r["story_id"] for r in rows}
        gold_story = {a: s for s, v in gold["stories"].items() for a in v["articles"]}
        sp, sr, sf = bcubed(pred_story, {a: s for a, s in gold_story.items() if a in pred_story})
        texts = {r["id"]: store.db.execute("SELECT text FROM articles WHERE id = ?",
                                             (ids[r["id"]],)).fetchone()[0] for r in records}
        finder = ClaimFinder(store, texts, ids)
        groups = _group_scores(gold, finder)
        predicted = collapse(store.disagreements())
        dis = _disagreement_scores(gold, predicted, finder)
        external = {v: k for k, v in ids.items()}
        dis["figures_by_number"] = _figure_number_scores(gold, predicted, external, gold_story)
    return {"mode": "fast" if fast else "accurate", "articles": len(records), "seconds": elapsed,
            "stories": {"P": sp, "R": sr, "F1": sf, "predicted": len(set(pred_story.values())),
                        "gold": len(gold["stories"])},
            "claim_groups": groups, "disagreements": dis}


def _group_scores(gold: dict, finder: ClaimFinder) -> dict:
    """Pairwise P/R/F1 over report mentions that the extractor found."""
    found, gold_pairs, mentions = 0, set(), []
    for g in gold["claim_groups"]:
        ms = []
        for m in g["mentions"]:
            hits = finder.claims(m["article"], m["quote"])
            if hits:
                ms.append(hits[0])
        found += len(ms)
        mentions.extend(ms)
        gold_pairs |= {frozenset((a[0], b[0])) for a, b in combinations(ms, 2)}
    pred_pairs = {frozenset((a[0], b[0])) for a, b in combinations(mentions, 2)
                  if a[1] is not None and a[1] == b[1]}
    total = sum(len(g["mentions"]) for g in gold["claim_groups"])
    p, r, f = prf(len(pred_pairs & gold_pairs), len(pred_pairs), len(gold_pairs))
    return {"P": p, "R": r, "F1": f, "mentions_extracted": f"{found}/{total}"}


def _disagreement_scores(gold: dict, predicted: list[dict], finder: ClaimFinder) -> dict:
    """A gold disagreement is found when one predicted disagreement links claims on both sides."""
    pred_pairs = [(d["kind"], {d["claim_a"], d["claim_b"], *(d.get("also_claims") or [])})
                  for d in predicted]
    out = {}
    for kind in ("figures", "denial"):
        golds = [g for g in gold["disagreements"] if g["kind"] == kind]
        hit_gold, matched_pred = 0, set()
        for g in golds:
            a = {c for c, _ in finder.claims(g["sides"][0]["article"], g["sides"][0]["quote"])}
            b = {c for c, _ in finder.claims(g["sides"][1]["article"], g["sides"][1]["quote"])}
            hits = [k for k, (pk, claims) in enumerate(pred_pairs)
                    if pk == kind and claims & a and claims & b]
            hit_gold += bool(hits)
            matched_pred |= set(hits)
        n_pred = sum(1 for pk, _ in pred_pairs if pk == kind)
        p = len(matched_pred) / n_pred if n_pred else 0.0
        r = hit_gold / len(golds) if golds else 0.0
        out[kind] = {"P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0,
                     "predicted": n_pred, "gold": len(golds)}
    false_alarms = 0
    for nd in gold.get("non_disagreements", []):
        a = {c for c, _ in finder.claims(nd["sides"][0]["article"], nd["sides"][0]["quote"])}
        b = {c for c, _ in finder.claims(nd["sides"][1]["article"], nd["sides"][1]["quote"])}
        false_alarms += any(claims & a and claims & b for _, claims in pred_pairs)
    out["non_disagreements_flagged"] = f"{false_alarms}/{len(gold.get('non_disagreements', []))}"
    return out


NUMBER = re.compile(r"\d[\d.,]*\d|\d")


def _numbers(text: str) -> set[str]:
    """Digit strings of the numbers in a text, separators dropped ("1,1" and "1.1" -> "11")."""
    return {re.sub(r"[.,]", "", m).rstrip("0") or "0" for m in NUMBER.findall(text)}


def _figure_number_scores(gold: dict, predicted: list[dict], external: dict[str, str],
                          gold_story: dict[str, str]) -> dict:
    """Figure disagreements matched by what they state, not by which article pair: a prediction
    is right when its two figures are the two sides' numbers of a gold disagreement in the same
    story (the gold lists some article pairs; the same dispute in another pair is not wrong)."""
    golds = [g for g in gold["disagreements"] if g["kind"] == "figures"]
    sides = [(g["story"], _numbers(g["sides"][0]["quote"]), _numbers(g["sides"][1]["quote"])) for g in golds]
    hit_gold, right = set(), 0
    for d in (d for d in predicted if d["kind"] == "figures"):
        story = gold_story.get(external.get(d["sides"][0]["article_id"], ""))
        a, b = _numbers(d["detail"].get("a", "")), _numbers(d["detail"].get("b", ""))
        hits = {k for k, (st, x, y) in enumerate(sides)
                if st == story and ((a & x and b & y) or (a & y and b & x))}
        right += bool(hits)
        hit_gold |= hits
    n_pred = sum(1 for d in predicted if d["kind"] == "figures")
    p = right / n_pred if n_pred else 0.0
    r = len(hit_gold) / len(golds) if golds else 0.0
    return {"P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0, "predicted": n_pred,
            "gold": len(golds)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fast", action="store_true", help="no embeddings: entities and words only")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--db", help="keep the ledger in this file (reused when it exists, for analysis)")
    ap.add_argument("--extraction", choices=("fast", "accurate"), default="fast",
                    help="attribution engine used while ingesting")
    args = ap.parse_args()
    res = evaluate(args.fast, args.db, args.extraction)
    if args.json:
        print(json.dumps(res))
        return
    s = res["stories"]
    print(f"linking benchmark ({res['mode']}): {res['articles']} articles in {res['seconds']:.1f} s")
    print(f"  stories (BCubed)   P {s['P']:.3f} R {s['R']:.3f} F1 {s['F1']:.3f}  "
          f"({s['predicted']} predicted, {s['gold']} gold)")
    g = res["claim_groups"]
    print(f"  claim groups (pairs) P {g['P']:.3f} R {g['R']:.3f} F1 {g['F1']:.3f}  "
          f"(gold mentions extracted {g['mentions_extracted']})")
    for kind in ("figures", "figures_by_number", "denial"):
        d = res["disagreements"][kind]
        print(f"  disagreements {kind:8} P {d['P']:.3f} R {d['R']:.3f} F1 {d['F1']:.3f}  "
              f"({d['predicted']} predicted, {d['gold']} gold)")
    print(f"  non-disagreements flagged: {res['disagreements']['non_disagreements_flagged']}")


if __name__ == "__main__":
    main()
