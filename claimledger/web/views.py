"""What the pages show, computed from API-shaped dicts: search forms, groupings, figure charts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from claimledger.records import CLAIM_KINDS
from claimledger.web.chart import Point, figure_chart, series_for

PER_PAGE = 50
MAX_CHARS = 200
MAX_PAGE = 1_000_000


def text_param(params: Mapping[str, str], name: str) -> str | None:
    value = (params.get(name) or "").strip()[:MAX_CHARS]
    return value or None


def int_param(params: Mapping[str, str], name: str, lo: int = 1, hi: int = 2**62) -> int | None:
    value = (params.get(name) or "").strip()
    return int(value) if value.isascii() and value.isdigit() and lo <= int(value) <= hi else None


@dataclass
class ClaimSearch:
    """The claim search form: lenient, an unusable value becomes a message, never an error page."""

    q: str | None = None
    source: str | None = None
    entity: str | None = None
    story: int | None = None
    kind: str | None = None
    lang: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    page: int = 1
    errors: list[str] = field(default_factory=list)

    @classmethod
    def parse(cls, params: Mapping[str, str]) -> ClaimSearch:
        form = cls(q=text_param(params, "q"), source=text_param(params, "source"),
                   entity=text_param(params, "entity"), story=int_param(params, "story"),
                   page=int_param(params, "page", 1, MAX_PAGE) or 1)
        kind = text_param(params, "kind")
        if kind and kind not in CLAIM_KINDS:
            form.errors.append(f"unknown kind {kind!r}; choose one from the list")
        form.kind = kind if kind in CLAIM_KINDS else None
        lang = text_param(params, "lang")
        form.lang = lang if lang and lang.isalpha() and len(lang) <= 8 else None
        for name in ("date_from", "date_to"):
            value = text_param(params, name)
            if value:
                try:
                    setattr(form, name, date.fromisoformat(value).isoformat())
                except ValueError:
                    form.errors.append(f"{value!r} is not a date; use YYYY-MM-DD")
        return form

    @property
    def offset(self) -> int:
        return (self.page - 1) * PER_PAGE

    def store_args(self) -> dict[str, Any]:
        return {"search": self.q, "source": self.source, "entity": self.entity, "story": self.story,
                "kind": self.kind, "lang": self.lang, "date_from": self.date_from,
                "date_to": self.date_to, "limit": PER_PAGE, "offset": self.offset}

    def params(self) -> dict[str, Any]:
        """The form as query parameters, for paging links."""
        return {"q": self.q, "source": self.source, "entity": self.entity, "story": self.story,
                "kind": self.kind, "lang": self.lang, "date_from": self.date_from,
                "date_to": self.date_to}

    @property
    def empty(self) -> bool:
        return not any(self.params().values())


def pages(total: int, page: int) -> dict[str, int]:
    last = max(1, -(-total // PER_PAGE))
    return {"page": page, "last": last, "total": total, "first_item": min(total, (page - 1) * PER_PAGE + 1),
            "last_item": min(total, page * PER_PAGE)}


def claim_tree(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Claims in text order as a tree: a claim reported inside another is listed under it."""
    by_local = {c["local_id"]: c for c in claims}
    children: dict[str | None, list[dict[str, Any]]] = {}
    for c in claims:
        parent = c["nested_in"] if c["nested_in"] in by_local and c["nested_in"] != c["local_id"] else None
        children.setdefault(parent, []).append(c)
    seen: set[int] = set()

    def walk(parent: str | None) -> list[dict[str, Any]]:
        nodes = []
        for c in children.get(parent, []):
            if c["id"] not in seen:
                seen.add(c["id"])
                nodes.append({"claim": c, "children": walk(c["local_id"])})
        return nodes

    tree = walk(None)
    return tree + [{"claim": c, "children": []} for c in claims if c["id"] not in seen]  # cycles


def by_language(claims: Iterable[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for c in claims:
        groups.setdefault(c["article"]["lang"], []).append(c)
    return sorted(groups.items())


def timeline(articles: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """A story's articles by publication day (undated last)."""
    days: dict[str, list[dict[str, Any]]] = {}
    for a in articles:
        days.setdefault((a["published"] or "")[:10] or "undated", []).append(a)
    return sorted(days.items(), key=lambda kv: (kv[0] == "undated", kv[0]))


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat((published or "")[:10])
    except ValueError:
        return None


def figure_points(claims: Iterable[dict[str, Any]], unit: str,
                  emphasis: frozenset[int] = frozenset()) -> list[Point]:
    out = []
    for c in claims:
        when = _day(c["article"]["published"])
        source = c["source_entity"]["name"] if c["source_entity"] else c["source"]["text"]
        for q in c["figures"]:
            if when and q["unit"] == unit and (q["low"] is not None or q["high"] is not None):
                out.append(Point(when, source or "?", q["low"], q["high"], q["text"], c["web_url"],
                                 c["id"] in emphasis))
    return out


def charts(claims: list[dict[str, Any]], units: Iterable[str] | None = None, *,
           emphasis: frozenset[int] = frozenset(), min_sources: int = 2,
           limit: int = 3) -> list[dict[str, Any]]:
    """Figure charts for the units given figures by at least `min_sources` sources, most first."""
    if units is None:
        units = {q["unit"] for c in claims for q in c["figures"] if q["unit"]}
    found = []
    for unit in units:
        pts = figure_points(claims, unit, emphasis)
        series = series_for(pts)
        if len(series) >= min_sources:
            found.append({"unit": unit, "points": sorted(pts, key=lambda p: (p.day, p.source)),
                          "series": series})
    found.sort(key=lambda ch: (-len(ch["points"]), ch["unit"]))
    for ch in found[:limit]:
        ch["svg"] = figure_chart(ch["points"], ch["unit"], f"Figures for “{ch['unit']}” by source over time")
    return found[:limit]
