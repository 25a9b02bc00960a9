"""Store rows -> API shapes. The web pages render the same dicts, so both agree on every field."""

from __future__ import annotations

from typing import Any


def claim_link(article_id: str, claim_id: int) -> str:
    """Where the web UI shows a claim: its article, scrolled to and highlighting the claim."""
    return f"/articles/{article_id}#claim-{claim_id}"


def claim(row: dict[str, Any]) -> dict[str, Any]:
    entity = ({"id": row["source_entity"], "name": row["entity_name"] or row["source_entity"]}
              if row["source_entity"] else None)
    return {
        "id": row["id"],
        "local_id": row["local_id"],
        "kind": row["kind"],
        "source": {"text": row["source_text"], "spans": row["source_spans"]},
        "source_entity": entity,
        "cue": {"text": row["cue_text"], "spans": row["cue_spans"]},
        "content": {"text": row["content_text"], "spans": row["content_spans"]},
        "nested_in": row["nested_in"],
        "confidence": row["confidence"],
        "figures": row["quantities"],
        "article": {"id": row["article_id"], "title": row["title"], "outlet": row["outlet"],
                    "lang": row["lang"], "published": row["published"], "story_id": row["story_id"]},
        "web_url": claim_link(row["article_id"], row["id"]),
    }


def page(items: list[dict[str, Any]], total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def source_key(c: dict[str, Any]) -> tuple[str, str]:
    """(grouping key, display name): the resolved entity, else the source words as written."""
    if c["source_entity"]:
        return "entity:" + c["source_entity"]["id"], c["source_entity"]["name"]
    text = " ".join(c["source"]["text"].split()) or "(no source)"
    return "text:" + text.casefold(), text


def by_source(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Claims grouped by who made them, the most prolific source first."""
    groups: dict[str, dict[str, Any]] = {}
    for c in claims:
        key, name = source_key(c)
        group = groups.setdefault(key, {"key": key, "name": name, "entity": c["source_entity"],
                                        "claims": []})
        group["claims"].append(c)
    return sorted(groups.values(), key=lambda g: (-len(g["claims"]), g["name"].casefold()))


def story_detail(story: dict[str, Any], claims: list[dict[str, Any]],
                 groups: list[dict[str, Any]]) -> dict[str, Any]:
    return {**story, "sources": by_source(claims), "claim_groups": [claim_group(g) for g in groups]}


def claim_group(row: dict[str, Any]) -> dict[str, Any]:
    """A claim group with each report's source as written and a link to its sentence."""
    reports = [{"claim_id": r["claim_id"], "source": r["source_name"] or r["source_text"],
                "content": r["content_text"], "kind": r["kind"], "article_id": r["article_id"],
                "outlet": r["outlet"], "lang": r["lang"], "published": r["published"],
                "title": r["title"], "web_url": claim_link(r["article_id"], r["claim_id"])}
               for r in row["reports"]]
    return {"id": row["id"], "origin": row["origin"], "first_seen": row["first_seen"],
            "reports": reports}


def disagreement(row: dict[str, Any]) -> dict[str, Any]:
    sides = [claim(s) for s in row["sides"] if s is not None]
    return {"id": row["id"], "story_id": row["story_id"], "kind": row["kind"],
            "subject": row["subject"], "detail": row["detail"], "sides": sides}
