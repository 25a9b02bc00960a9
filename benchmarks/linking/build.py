"""Build articles.jsonl and gold.json from the hand-written story sources in src/.

Source format (one or more stories per src/*.txt file, UTF-8):

    @story S01 | short English label
    @confusable S02                        (optional: this story is a deliberate look-alike of S02)
    @article a | de | Outlet name | 2026-09-02
    @title Headline
    paragraph one (one line)

    paragraph two
    @copy e < a | en | Other outlet | 2026-09-03   (syndicated near-copy of article a)
    @title Changed headline
    @cut One exact sentence of a that the copy drops.
    @claim Canonical source | short English paraphrase
    a: exact substring of article a
    c: exact substring of article c
    @figures subject                       (or @denial subject)
    a | Canonical source | exact substring
    c | Canonical source | exact substring
    @nondis same_figure | note          (or different_quantities | note)
    a | Canonical source | exact substring
    b | Canonical source | exact substring
    @entity Canonical name | variant; variant

Article keys are local to a story. Ids L001... are assigned in order of publication date,
so that the articles of one story are not adjacent in the output.

Usage: python benchmarks/linking/build.py   (writes the two files, then runs validate.py)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"


def _new_story(sid: str, label: str) -> dict:
    return {
        "id": sid,
        "label": label,
        "articles": {},
        "claims": [],
        "disagreements": [],
        "non_disagreements": [],
        "confusable": [],
    }


def parse(paths: list[Path]) -> tuple[list[dict], list[dict]]:
    stories: list[dict] = []
    entities: list[dict] = []
    story: dict | None = None
    block: dict | None = None  # the article/claim/disagreement that following lines belong to

    def flush_article() -> None:
        if block and block["type"] in ("article", "copy"):
            paras = "\n".join(block["lines"]).strip().split("\n\n")
            block["body"] = "\n\n".join(" ".join(p.split("\n")).strip() for p in paras if p.strip())

    for path in paths:
        for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = raw.rstrip()
            where = f"{path.name}:{lineno}"
            if line.startswith("@"):
                directive, _, rest = line[1:].partition(" ")
                rest = rest.strip()
                if directive != "title" and directive != "cut":
                    flush_article()
                if directive == "story":
                    sid, _, label = (x.strip() for x in rest.partition("|"))
                    story = _new_story(sid, label)
                    stories.append(story)
                    block = None
                elif directive == "confusable":
                    story["confusable"].append(rest)
                elif directive == "article":
                    key, lang, outlet, date = (x.strip() for x in rest.split("|"))
                    block = {"type": "article", "key": key, "lang": lang, "outlet": outlet,
                             "published": date, "lines": [], "where": where}
                    story["articles"][key] = block
                elif directive == "copy":
                    head, lang, outlet, date = (x.strip() for x in rest.split("|"))
                    key, _, base = (x.strip() for x in head.partition("<"))
                    block = {"type": "copy", "key": key, "base": base, "lang": lang, "outlet": outlet,
                             "published": date, "lines": [], "where": where}
                    story["articles"][key] = block
                elif directive == "title":
                    block["title"] = rest
                elif directive == "cut":
                    block["cut"] = rest
                elif directive == "claim":
                    source, _, statement = (x.strip() for x in rest.partition("|"))
                    block = {"type": "claim", "source": source, "statement": statement, "mentions": []}
                    story["claims"].append(block)
                elif directive in ("figures", "denial"):
                    block = {"type": "disagreement", "kind": directive, "subject": rest, "sides": []}
                    story["disagreements"].append(block)
                elif directive == "nondis":
                    kind, _, note = (x.strip() for x in rest.partition("|"))
                    block = {"type": "nondis", "kind": kind, "note": note, "sides": []}
                    story["non_disagreements"].append(block)
                elif directive == "entity":
                    canonical, _, variants = (x.strip() for x in rest.partition("|"))
                    entities.append({"canonical": canonical,
                                     "variants": [v.strip() for v in variants.split(";") if v.strip()]})
                    block = None
                else:
                    raise SystemExit(f"{where}: unknown directive @{directive}")
                continue
            if block is None:
                if line.strip():
                    raise SystemExit(f"{where}: text outside a block: {line[:60]}")
                continue
            if block["type"] in ("article", "copy"):
                block["lines"].append(line)
            elif not line.strip():
                continue
            elif block["type"] == "claim":
                key, _, quote = line.partition(":")
                block["mentions"].append({"key": key.strip(), "quote": quote.strip()})
            else:
                key, source, quote = (x.strip() for x in line.split("|", 2))
                block["sides"].append({"key": key, "source": source, "quote": quote})
        flush_article()
        block = None
    return stories, entities


def resolve_copies(stories: list[dict]) -> None:
    for story in stories:
        for art in story["articles"].values():
            if art["type"] != "copy":
                continue
            base = story["articles"][art["base"]]["body"]
            cut = art["cut"]
            if base.count(cut) != 1:
                raise SystemExit(f"{art['where']}: cut sentence must occur exactly once in the original")
            body = base.replace(" " + cut, "", 1) if (" " + cut) in base else base.replace(cut + " ", "", 1)
            if body == base:
                raise SystemExit(f"{art['where']}: cut sentence is a whole paragraph; cut inside one")
            art["body"] = body


def build() -> None:
    stories, entities = parse(sorted(SRC.glob("*.txt")))
    resolve_copies(stories)

    flat = [(a["published"], s["id"], a["key"], s, a) for s in stories for a in s["articles"].values()]
    flat.sort(key=lambda t: t[:3])
    ids: dict[tuple[str, str], str] = {}
    records = []
    for n, (_, sid, key, _story, art) in enumerate(flat, 1):
        aid = f"L{n:03d}"
        ids[(sid, key)] = aid
        records.append({"id": aid, "lang": art["lang"], "outlet": art["outlet"],
                        "published": art["published"], "title": art["title"], "text": art["body"]})

    def ref(sid: str, key: str) -> str:
        if (sid, key) not in ids:
            raise SystemExit(f"{sid}: unknown article key {key!r}")
        return ids[(sid, key)]

    gold: dict = {"stories": {}, "claim_groups": [], "disagreements": [], "non_disagreements": [],
                  "entities": entities, "syndicated": [], "confusable_pairs": []}
    g = d = 0
    for s in stories:
        sid = s["id"]
        arts = sorted(ref(sid, k) for k in s["articles"])
        gold["stories"][sid] = {"label": s["label"], "articles": arts}
        for other in s["confusable"]:
            pair = sorted([sid, other])
            if pair not in gold["confusable_pairs"]:
                gold["confusable_pairs"].append(pair)
        for art in s["articles"].values():
            if art["type"] == "copy":
                gold["syndicated"].append({"copy": ref(sid, art["key"]), "original": ref(sid, art["base"]),
                                           "story": sid})
        for c in s["claims"]:
            g += 1
            gold["claim_groups"].append({
                "id": f"G{g:02d}", "story": sid, "source": c["source"], "statement": c["statement"],
                "mentions": [{"article": ref(sid, m["key"]), "quote": m["quote"]} for m in c["mentions"]],
            })
        for x in s["disagreements"]:
            d += 1
            gold["disagreements"].append({
                "id": f"D{d:02d}", "story": sid, "kind": "figures" if x["kind"] == "figures" else "denial",
                "subject": x["subject"],
                "sides": [{"article": ref(sid, y["key"]), "source": y["source"], "quote": y["quote"]}
                          for y in x["sides"]],
            })
        for x in s["non_disagreements"]:
            gold["non_disagreements"].append({
                "story": sid, "kind": x["kind"], "note": x["note"],
                "sides": [{"article": ref(sid, y["key"]), "source": y["source"], "quote": y["quote"]}
                          for y in x["sides"]],
            })

    with (HERE / "articles.jsonl").open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    (HERE / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(records)} articles, {len(gold['stories'])} stories")


if __name__ == "__main__":
    build()
    sys.dont_write_bytecode = True  # keep the benchmark folder free of __pycache__
    sys.path.insert(0, str(HERE))
    import validate  # noqa: E402

    sys.exit(validate.main([]))

