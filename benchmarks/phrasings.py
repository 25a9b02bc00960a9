"""Phrasing benchmark: the attribution phenomena the issues list, on sentences we wrote ourselves.

`benchmarks/phrasings/phrasings.jsonl` holds one short text per phenomenon (German and English,
wire style, names and stories of our own) with the claims a reader expects. Each expected claim
is matched to the system claim whose content overlaps it most (by at least half of each, in
words); then its source, cue, kind and, where given, addressee, resolved entity and parent claim
are compared. It shows, per mode, which phenomena work, beside the gold-data figures of
`attribution.py`. Items were written as a check, not for tuning: keep adding new ones.

    python benchmarks/phrasings.py --mode accurate [--lang de] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from claimledger.extract import extract, extraction_to_json
from claimledger.settings import ExtractOptions

ITEMS = Path(__file__).parent / "phrasings" / "phrasings.jsonl"
CHECKS = ("content", "source", "cue", "kind", "addressee", "entity", "nested")
# checks made only when the expected claim has the field: check -> field
OPTIONAL = {"addressee": "addressee", "entity": "entity", "nested": "nested_in_source"}


def words(text: str | None) -> list[str]:
    return re.findall(r"\w+", (text or "").lower())


def overlaps(expected: str, found: str) -> bool:
    """Shared words make up at least half of each side."""
    a, b = Counter(words(expected)), Counter(words(found))
    shared = sum((a & b).values())
    return bool(a) and bool(b) and shared * 2 >= sum(a.values()) and shared * 2 >= sum(b.values())


def text_of(claim: dict, role: str) -> str:
    return (claim.get(role) or {}).get("text") or ""


def contents(text: str, claim: dict) -> list[str]:
    """A claim's content, and each of its pieces: one claim may join two statements of one
    speaker ('"…," X said. "…"' is one attribution in PolNeAR's convention)."""
    spans = (claim.get("content") or {}).get("spans") or []
    return [text_of(claim, "content")] + ([text[s:e] for s, e in spans] if len(spans) > 1 else [])


def compare(want: dict, got: dict, claims: dict[str, dict]) -> dict[str, bool]:
    """Check by check, whether a matched system claim says what the expected one says."""
    res = {"content": True, "source": words(want["source"]) == words(text_of(got, "source")),
           "cue": sorted(words(want["cue"])) == sorted(words(text_of(got, "cue"))),
           "kind": want["kind"] == got["kind"]}
    if OPTIONAL["addressee"] in want:
        res["addressee"] = words(want["addressee"]) == words(text_of(got, "addressee"))
    if OPTIONAL["entity"] in want:
        entity = (got.get("source") or {}).get("entity") or {}
        res["entity"] = words(want["entity"]) == words(entity.get("name"))
    if OPTIONAL["nested"] in want:
        parent = claims.get(got.get("nested_in") or "")
        res["nested"] = parent is not None and words(text_of(parent, "source")) == words(
            want["nested_in_source"])
    return res


def score_item(item: dict, mode: str) -> tuple[list[dict], int]:
    """Per expected claim its checks (content False when unmatched), and the spurious count."""
    found = extraction_to_json(extract(item["text"], item["lang"], options=ExtractOptions(mode=mode)))
    claims = {c["id"]: c for c in found["claims"]}
    used: set[str] = set()
    results = []
    for want in item["claims"]:
        cands = [(c, piece) for c in found["claims"] if c["id"] not in used
                 for piece in contents(item["text"], c) if overlaps(want["content"], piece)]
        if not cands:
            results.append({"content": False})
            continue
        best = max(cands, key=lambda cp: sum((Counter(words(want["content"]))
                                              & Counter(words(cp[1]))).values()))[0]
        used.add(best["id"])
        results.append(compare(want, best, claims))
    return results, len(claims) - len(used)


def run(lang: str, mode: str) -> dict:
    items = [json.loads(line) for line in ITEMS.read_text("utf-8").splitlines() if line.strip()]
    items = [it for it in items if lang in ("all", it["lang"])]
    totals: dict[str, dict] = {}  # lang -> checked and passed Counters, spurious count
    failures: list[str] = []
    for item in items:
        results, spurious = score_item(item, mode)
        t = totals.setdefault(item["lang"], {"checked": Counter(), "passed": Counter(), "spurious": 0})
        t["spurious"] += spurious
        for want, res in zip(item["claims"], results, strict=True):
            for check in CHECKS:
                if check in res or (check != "content" and not res["content"] and _asked(want, check)):
                    t["checked"][check] += 1
                    t["passed"][check] += bool(res.get(check))
            bad = [c for c in CHECKS if c in res and not res[c]] or ([] if res["content"] else ["found"])
            if bad:
                failures.append(f"{item['lang']} {item['phenomenon']}: {want['content'][:50]!r} "
                                f"wrong {', '.join(bad)}")
        t["checked"]["items"] += 1
        t["passed"]["items"] += all(all(r.values()) for r in results) and not spurious
    return {"mode": mode, "totals": totals, "failures": failures}


def _asked(want: dict, check: str) -> bool:
    """Whether the expected claim has this check (source, cue and kind always; the rest if given)."""
    return check not in OPTIONAL or OPTIONAL[check] in want


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lang", choices=("de", "en", "all"), default="all")
    ap.add_argument("--mode", choices=("fast", "balanced", "accurate"), default="fast")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    args = ap.parse_args()
    out = run(args.lang, args.mode)
    if args.json:
        print(json.dumps(out, ensure_ascii=False))
        return
    for lang, t in out["totals"].items():
        print(f"{lang} ({args.mode}): " + ", ".join(
            f"{k} {t['passed'][k]}/{t['checked'][k]}" for k in ("items", *CHECKS) if t["checked"][k])
            + f", spurious claims {t['spurious']}")
    for line in out["failures"]:
        print("  " + line)


if __name__ == "__main__":
    main()
