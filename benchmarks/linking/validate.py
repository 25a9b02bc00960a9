"""Validate articles.jsonl and gold.json of the linking benchmark and print its counts.

Checks: both files parse; article fields, languages, dates and lengths; every article belongs to
exactly one story; story date spans; every quote is an exact substring of the article it cites and
that article belongs to the group's story; syndicated copies; entity variants occur in the texts.

Usage: python benchmarks/linking/validate.py [--dir DIR] [--json]
Exit code 0 if everything holds, 1 otherwise (problems are printed one per line).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIRST, LAST = dt.date(2026, 9, 1), dt.date(2026, 11, 20)


def check(folder: Path) -> tuple[list[str], dict]:
    problems: list[str] = []
    articles: dict[str, dict] = {}
    for n, line in enumerate((folder / "articles.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"articles.jsonl:{n}: not JSON ({exc})")
            continue
        missing = {"id", "lang", "outlet", "published", "title", "text"} - rec.keys()
        if missing:
            problems.append(f"articles.jsonl:{n}: missing {sorted(missing)}")
            continue
        aid = rec["id"]
        if aid in articles:
            problems.append(f"{aid}: duplicate id")
        articles[aid] = rec
        if rec["lang"] not in ("de", "en"):
            problems.append(f"{aid}: lang {rec['lang']!r}")
        day = dt.date.fromisoformat(rec["published"])
        if not FIRST <= day <= LAST:
            problems.append(f"{aid}: published {day} outside {FIRST}..{LAST}")
        words = len(rec["text"].split())
        if not 120 <= words <= 300:
            problems.append(f"{aid}: {words} words (want 120-300)")
        if "\n\n" not in rec["text"] or "\n\n\n" in rec["text"]:
            problems.append(f"{aid}: paragraphs must be separated by exactly one blank line")

    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    story_of: dict[str, str] = {}
    for sid, story in gold["stories"].items():
        arts = story["articles"]
        for aid in arts:
            if aid not in articles:
                problems.append(f"{sid}: unknown article {aid}")
            elif aid in story_of:
                problems.append(f"{aid}: in both {story_of[aid]} and {sid}")
            else:
                story_of[aid] = sid
        known = [articles[a] for a in arts if a in articles]
        if len(known) > 1:
            if not 3 <= len(known) <= 8:
                problems.append(f"{sid}: {len(known)} articles (want 3-8)")
            if {a["lang"] for a in known} != {"de", "en"}:
                problems.append(f"{sid}: not covered in both languages")
            if len({a["outlet"] for a in known}) < 2:
                problems.append(f"{sid}: only one outlet")
        days = sorted(dt.date.fromisoformat(a["published"]) for a in known)
        if days and (days[-1] - days[0]).days + 1 > 10:
            problems.append(f"{sid}: spans {(days[-1] - days[0]).days + 1} days (want 1-10)")
    for aid in articles:
        if aid not in story_of:
            problems.append(f"{aid}: in no story")

    def check_quote(where: str, sid: str, aid: str, quote: str) -> None:
        if aid not in articles:
            problems.append(f"{where}: unknown article {aid}")
        elif story_of.get(aid) != sid:
            problems.append(f"{where}: {aid} is not in story {sid}")
        elif not quote or quote not in articles[aid]["text"]:
            problems.append(f"{where}: quote not in {aid}: {quote[:70]!r}")

    seen_ids = set()
    for grp in gold["claim_groups"]:
        gid, sid = grp["id"], grp["story"]
        if gid in seen_ids:
            problems.append(f"{gid}: duplicate id")
        seen_ids.add(gid)
        if sid not in gold["stories"]:
            problems.append(f"{gid}: unknown story {sid}")
        mentioned = [m["article"] for m in grp["mentions"]]
        if len(set(mentioned)) < 2:
            problems.append(f"{gid}: fewer than two articles")
        if len(set(mentioned)) != len(mentioned):
            problems.append(f"{gid}: an article is mentioned twice")
        for m in grp["mentions"]:
            check_quote(gid, sid, m["article"], m["quote"])
    for dis in gold["disagreements"]:
        did, sid = dis["id"], dis["story"]
        if did in seen_ids:
            problems.append(f"{did}: duplicate id")
        seen_ids.add(did)
        if dis["kind"] not in ("figures", "denial"):
            problems.append(f"{did}: kind {dis['kind']!r}")
        if len(dis["sides"]) < 2 or len({s["source"] for s in dis["sides"]}) < 2:
            problems.append(f"{did}: needs two sides with different sources")
        for side in dis["sides"]:
            check_quote(did, sid, side["article"], side["quote"])
    for n, nd in enumerate(gold["non_disagreements"], 1):
        if len(nd["sides"]) < 2:
            problems.append(f"non_disagreement {n}: needs two sides")
        if nd.get("kind") not in ("same_figure", "different_quantities"):
            problems.append(f"non_disagreement {n}: kind {nd.get('kind')!r}")
        for side in nd["sides"]:
            check_quote(f"non_disagreement {n}", nd["story"], side["article"], side["quote"])
    for syn in gold.get("syndicated", []):
        cp, orig = syn["copy"], syn["original"]
        if story_of.get(cp) != story_of.get(orig) or articles[cp]["lang"] != articles[orig]["lang"]:
            problems.append(f"syndicated {cp}<{orig}: different story or language")
        if articles[cp]["title"] == articles[orig]["title"]:
            problems.append(f"syndicated {cp}<{orig}: headline not changed")
    for pair in gold.get("confusable_pairs", []):
        for sid in pair:
            if sid not in gold["stories"]:
                problems.append(f"confusable pair {pair}: unknown story {sid}")
    corpus = "\n".join(a["title"] + "\n" + a["text"] for a in articles.values())
    for ent in gold["entities"]:
        for name in ent["variants"]:  # the canonical name may be a normalised form
            if name not in corpus:
                problems.append(f"entity {ent['canonical']!r}: {name!r} occurs in no article")

    multi = [s for s in gold["stories"].values() if len(s["articles"]) > 1]
    by_kind = Counter(d["kind"] for d in gold["disagreements"])

    def cross_article(d: dict) -> bool:
        return len({s["article"] for s in d["sides"]}) > 1

    def cross_lang(items: list[dict]) -> bool:
        return len({articles[i["article"]]["lang"] for i in items if i["article"] in articles}) > 1

    stats = {
        "articles": len(articles),
        "articles_by_lang": dict(sorted(Counter(a["lang"] for a in articles.values()).items())),
        "outlets": len({a["outlet"] for a in articles.values()}),
        "stories": len(gold["stories"]),
        "multi_article_stories": len(multi),
        "singleton_stories": len(gold["stories"]) - len(multi),
        "words_min_max": [min(len(a["text"].split()) for a in articles.values()),
                          max(len(a["text"].split()) for a in articles.values())],
        "claim_groups": len(gold["claim_groups"]),
        "claim_groups_cross_language": sum(cross_lang(g["mentions"]) for g in gold["claim_groups"]),
        "claim_mentions": sum(len(g["mentions"]) for g in gold["claim_groups"]),
        "disagreements": len(gold["disagreements"]),
        "disagreements_by_kind": dict(sorted(by_kind.items())),
        "disagreements_within_one_article": sum(not cross_article(d) for d in gold["disagreements"]),
        "disagreements_cross_language": sum(cross_lang(d["sides"]) for d in gold["disagreements"]),
        "stories_with_figure_disagreement": len({d["story"] for d in gold["disagreements"]
                                                 if d["kind"] == "figures"}),
        "stories_with_denial": len({d["story"] for d in gold["disagreements"] if d["kind"] == "denial"}),
        "non_disagreements": len(gold["non_disagreements"]),
        "entities": len(gold["entities"]),
        "syndicated_copies": len(gold.get("syndicated", [])),
        "confusable_pairs": gold.get("confusable_pairs", []),
    }
    return problems, stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=HERE)
    ap.add_argument("--json", action="store_true", help="print the counts as JSON")
    args = ap.parse_args(argv)
    problems, stats = check(args.dir)
    for p in problems:
        print("PROBLEM", p)
    if args.json:
        print(json.dumps(stats, indent=1))
    else:
        for k, v in stats.items():
            print(f"{k:36} {v}")
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
