"""The ledger's queries, one module for both backends (SQLite by default, PostgreSQL for teams).

SQL here is the portable subset both engines run (ON CONFLICT, RETURNING, quoted "end"); the few
places where they differ (full-text search, JSON spans, string aggregation) come from the backend
as snippets, so there is one copy of every query.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Any

import numpy as np

from claimledger.records import Article, ArticleLinks, Claim, Extraction, IngestFailure
from claimledger.store.backend import Backend, Dialect


class Ledger:
    """The ledger behind one backend connection. Each article is written atomically (a
    transaction, or a savepoint inside the ingest run's commit group)."""

    def __init__(self, db: Backend) -> None:
        self.db = db
        self.url = db.url

    def close(self) -> None:
        self.db.close()

    def migrate(self) -> int:
        """Apply pending migrations; returns the schema version now in force."""
        return self.db.migrate()

    @contextmanager
    def transaction(self) -> Iterator[Backend]:
        with self.db.transaction():
            yield self.db

    # -- writes ---------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        row = self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def add_article(self, article: Article, extraction: Extraction,
                    links: ArticleLinks) -> list[dict[str, Any]]:
        """Store an article with its claims, entities, figures and story state atomically.

        Returns the rows `story_claims` gives for the new claims, built from what was written
        instead of read back (reading cost as much as a tenth of linking an article).
        """
        with self.transaction() as c:
            c.execute(
                "INSERT INTO articles (id, origin, external_id, url, title, lang, published, outlet,"
                " author, wire, text, minhash, duplicate_of, similarity, story_id, vector)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (article.id, article.origin, article.external_id, article.url, article.title,
                 article.lang, article.published, article.outlet, article.author,
                 json.dumps(list(article.wire)), article.text, links.minhash, links.duplicate_of,
                 links.similarity, links.story_id, links.vector),
            )
            c.executemany("INSERT INTO lsh_bands VALUES (?, ?) ON CONFLICT DO NOTHING",
                          [(k, article.id) for k in links.band_keys])
            self._add_entities(c, article.id, extraction)
            ids = self._add_claims(c, article.id, extraction, links)
            self._update_story(c, article, links)
        return [_linking_row(article, x, ids[x.id], k, links) for k, x in enumerate(extraction.claims)]

    def _add_entities(self, c: Backend, article_id: str, extraction: Extraction) -> None:
        ents = extraction.entities
        c.executemany("INSERT INTO entities (id, name, type) VALUES (?,?,?) ON CONFLICT DO NOTHING",
                      [(e.id, e.name, e.type) for e in ents])
        c.executemany("UPDATE entities SET type = ? WHERE id = ? AND type = 'unknown'",
                      [(e.type, e.id) for e in ents if e.type != "unknown"])
        c.executemany("INSERT INTO mentions VALUES (?,?,?,?,?)",
                      [(e.id, article_id, m.text, m.spans[0][0], m.spans[-1][1])
                       for e in ents for m in e.mentions])

    def _add_claims(self, c: Backend, article_id: str, extraction: Extraction,
                    links: ArticleLinks) -> dict[str, int]:
        """Batched inserts (one statement per table, not per claim); the new ids are read back
        by the article's local claim ids."""
        claims = extraction.claims
        c.executemany("INSERT INTO entities (id, name, type) VALUES (?,?,?) ON CONFLICT DO NOTHING",
                      [(x.source_entity.id, x.source_entity.name, "unknown")
                       for x in claims if x.source_entity])
        c.executemany(
            "INSERT INTO claims (article_id, local_id, kind, source_text, source_spans,"
            " source_entity, cue_text, cue_spans, content_text, content_spans, nested_in,"
            " confidence, vector, source_key, denial) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(article_id, x.id, x.kind, x.source.text, _spans_json(x.source.spans),
              x.source_entity.id if x.source_entity else None, x.cue.text, _spans_json(x.cue.spans),
              x.content.text, _spans_json(x.content.spans), x.nested_in, x.confidence,
              _at(links.claim_vectors, k), _at(links.claim_keys, k),
              int(bool(_at(links.claim_denials, k))))
             for k, x in enumerate(claims)],
        )
        rows = c.execute("SELECT id, local_id FROM claims WHERE article_id = ?", (article_id,)).fetchall()
        ids = {r["local_id"]: int(r["id"]) for r in rows}
        c.executemany(
            "INSERT INTO quantities VALUES (?,?,?,?,?,?,?,?,?)",
            [(ids[x.id], q.text, q.spans[0][0], q.spans[0][1], q.low, q.high, q.value, q.unit, q.operator)
             for x in claims for q in x.quantities],
        )
        return ids

    def _update_story(self, c: Backend, article: Article, links: ArticleLinks) -> None:
        row = c.execute("SELECT centroid, n, first_date, last_date FROM story_state WHERE story_id = ?",
                        (links.story_id,)).fetchone()
        vec = None if links.vector is None else np.frombuffer(links.vector, np.float16).astype(np.float32)
        if row is None:
            c.execute("INSERT INTO story_state VALUES (?,?,?,?,?)",
                      (links.story_id, None if vec is None else vec.tobytes(), 1, article.published,
                       article.published))
        else:
            centroid = row["centroid"]
            if vec is not None:
                old = np.frombuffer(centroid, np.float32) if centroid else np.zeros_like(vec)
                centroid = (old + vec).tobytes()
            dates = [d for d in (row["first_date"], row["last_date"], article.published) if d]
            c.execute("UPDATE story_state SET centroid = ?, n = n + 1, first_date = ?, last_date = ?"
                      " WHERE story_id = ?", (centroid, min(dates, default=None),
                                              max(dates, default=None), links.story_id))
        c.executemany(
            "INSERT INTO story_entities VALUES (?,?,?) ON CONFLICT (story_id, entity_id)"
            " DO UPDATE SET n = story_entities.n + excluded.n",
            [(links.story_id, e, n) for e, n in links.entity_counts],
        )

    def add_failure(self, failure: IngestFailure) -> bool:
        """Quarantine an input; returns False when it was already recorded."""
        cur = self.db.execute(
            "INSERT INTO failures (origin, reason, detail) VALUES (?,?,?) ON CONFLICT DO NOTHING",
            (failure.origin, failure.reason, failure.detail),
        )
        return cur.rowcount > 0

    def new_story(self, label: str) -> int:
        return int(self.db.execute("INSERT INTO stories (label) VALUES (?) RETURNING id",
                                   (label,)).fetchone()[0])

    # -- lookups used by the pipeline --------------------------------------------------------

    def near_duplicate_candidates(self, band_keys: list[str]) -> list[tuple[str, bytes, int | None]]:
        """Articles sharing an LSH band with the given keys: (id, minhash, story_id)."""
        if not band_keys:
            return []
        marks = ",".join("?" * len(band_keys))
        rows = self.db.execute(
            f"SELECT DISTINCT a.id, a.minhash, a.story_id FROM lsh_bands b"
            f" JOIN articles a ON a.id = b.article_id WHERE b.band_key IN ({marks})",
            band_keys,
        ).fetchall()
        return [(r["id"], r["minhash"], r["story_id"]) for r in rows]

    def story_candidates(self, entity_ids: list[str], published: str | None, window_days: int,
                         limit: int = 400) -> list[dict[str, Any]]:
        """Stories sharing an entity or active within the window around `published`."""
        ids: set[int] = set()
        if entity_ids:
            marks = ",".join("?" * len(entity_ids))
            ids |= {r[0] for r in self.db.execute(
                f"SELECT story_id FROM story_entities WHERE entity_id IN ({marks})"
                f" ORDER BY story_id DESC LIMIT ?", (*entity_ids, limit))}
        day = _day(published)
        if day:
            ids |= {r[0] for r in self.db.execute(
                "SELECT story_id FROM story_state WHERE last_date >= ? AND first_date <= ?"
                " ORDER BY last_date DESC LIMIT ?",
                ((day - timedelta(days=window_days)).isoformat(),
                 (day + timedelta(days=window_days)).isoformat(), limit))}
        else:
            ids |= {r[0] for r in self.db.execute(
                "SELECT story_id FROM story_state ORDER BY story_id DESC LIMIT ?", (limit,))}
        out = []
        for sid in sorted(ids):
            st = self.db.execute("SELECT centroid, n, last_date FROM story_state WHERE story_id = ?",
                                   (sid,)).fetchone()
            if st is None:
                continue
            ents = dict(self.db.execute(
                "SELECT entity_id, n FROM story_entities WHERE story_id = ?", (sid,)).fetchall())
            out.append({"story_id": sid, "centroid": st["centroid"], "n": st["n"],
                        "last_date": st["last_date"], "entities": ents})
        return out

    def story_claims(self, story_id: int) -> list[dict[str, Any]]:
        """Claims of a story with what linking needs: source key, vector, figures, group.
        Denials carry their article's text (`article_text`): what they deny is often only in
        the sentence before."""
        return self._linking_rows("a.story_id = ?", [story_id])

    def _linking_rows(self, cond: str, args: list[Any]) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT c.id, c.article_id, c.local_id, c.nested_in, c.source_key, c.content_text,"
            " c.content_spans, c.vector, c.denial, c.group_id, a.published, a.lang,"
            " CASE WHEN c.denial = 1 THEN a.text END AS article_text"  # a denial's context
            " FROM claims c JOIN articles a ON a.id = c.article_id"
            f" WHERE {cond} ORDER BY a.published, c.id", args).fetchall()
        figures: dict[int, list[dict[str, Any]]] = {}
        for q in self.db.execute(
                "SELECT q.claim_id, q.text, q.low, q.high, q.value, q.unit, q.operator"
                " FROM quantities q JOIN claims c ON c.id = q.claim_id"
                f" JOIN articles a ON a.id = c.article_id WHERE {cond}", args):
            figures.setdefault(q["claim_id"], []).append(
                {k: q[k] for k in ("text", "low", "high", "value", "unit", "operator")})
        return [{**dict(r), "quantities": figures.get(r["id"], [])} for r in rows]

    def new_claim_group(self, story_id: int, first_claim: int, source_key: str | None) -> int:
        """A new claim group started by `first_claim`; returns its id."""
        cur = self.db.execute(
            "INSERT INTO claim_groups (story_id, source_key, first_claim) VALUES (?,?,?)"
            " RETURNING id", (story_id, source_key, first_claim))
        return int(cur.fetchone()[0])

    def set_claim_groups(self, groups: Sequence[tuple[int, int]]) -> None:
        """Put claims into groups: (group id, claim id) pairs, one statement for all."""
        self.db.executemany("UPDATE claims SET group_id = ? WHERE id = ?", groups)

    def reset_claim_links(self) -> list[int]:
        """Forget claim groups and disagreements (to link again); returns the story ids."""
        with self.transaction() as c:
            c.execute("UPDATE claims SET group_id = NULL")
            c.execute("DELETE FROM disagreements")
            c.execute("DELETE FROM claim_groups")
        return [r[0] for r in self.db.execute(
            "SELECT DISTINCT story_id FROM articles WHERE story_id IS NOT NULL ORDER BY story_id")]

    def add_disagreements(self, story_id: int, found: Sequence[Any]) -> None:
        """Record disagreements (objects with kind, subject, claim_a, claim_b, detail) in one go."""
        if found:
            self.db.executemany(
                "INSERT INTO disagreements (story_id, kind, subject, claim_a, claim_b, detail)"
                " VALUES (?,?,?,?,?,?) ON CONFLICT DO NOTHING",
                [(story_id, d.kind, d.subject, d.claim_a, d.claim_b, json.dumps(d.detail)) for d in found])

    # -- feed polling state ----------------------------------------------------------------------

    def feed_state(self, url: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT etag, last_modified, last_status, last_checked FROM feeds"
                                " WHERE url = ?", (url,)).fetchone()
        return dict(row) if row else None

    def save_feed_state(self, url: str, etag: str | None, last_modified: str | None,
                        status: int) -> None:
        self.db.execute(
            "INSERT INTO feeds VALUES (?,?,?,?,?)"
            " ON CONFLICT (url) DO UPDATE SET etag = COALESCE(excluded.etag, feeds.etag),"
            " last_modified = COALESCE(excluded.last_modified, feeds.last_modified),"
            " last_status = excluded.last_status, last_checked = excluded.last_checked",
            (url, etag, last_modified, status, datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")))

    def has_url(self, url: str) -> bool:
        """True when an article from this URL is already in the ledger."""
        return self.db.execute("SELECT 1 FROM articles WHERE url = ? OR origin = ? LIMIT 1",
                                 (url, url)).fetchone() is not None

    # -- queries ------------------------------------------------------------------------------

    def stats(self) -> dict[str, int]:
        q = {
            "articles": "SELECT COUNT(*) FROM articles",
            "duplicates": "SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL",
            "claims": "SELECT COUNT(*) FROM claims",
            "sources": "SELECT COUNT(DISTINCT COALESCE(source_entity, source_text)) FROM claims",
            "entities": "SELECT COUNT(*) FROM entities",
            "stories": "SELECT COUNT(DISTINCT story_id) FROM articles",
            "failures": "SELECT COUNT(*) FROM failures",
            "claim_groups": "SELECT COUNT(*) FROM (SELECT group_id FROM claims WHERE group_id IS NOT NULL"
                            " GROUP BY group_id HAVING COUNT(*) > 1) AS g",
            "disagreements": "SELECT COUNT(*) FROM disagreements",
        }
        return {k: int(self.db.execute(sql).fetchone()[0]) for k, sql in q.items()}

    def articles(self, *, lang: str | None = None, search: str | None = None,
                 limit: int = 1000) -> list[dict[str, Any]]:
        where, args = [], []
        if lang:
            where.append("a.lang = ?")
            args.append(lang)
        if search:
            where.append(self.db.dialect.articles_match)
            args.append(self.db.dialect.fts_arg(search))
        sql = (
            "SELECT a.id, a.title, a.outlet, a.lang, a.published, a.author, a.wire, a.url,"
            " a.origin, a.duplicate_of, a.similarity, a.story_id,"
            " (SELECT COUNT(*) FROM claims c WHERE c.article_id = a.id) AS claims"
            " FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY a.published, a.id LIMIT ?"
        )
        rows = [dict(r) for r in self.db.execute(sql, (*args, limit)).fetchall()]
        for r in rows:
            r["wire"] = json.loads(r["wire"])
        return rows

    def failures(self) -> list[dict[str, Any]]:
        rows = self.db.execute("SELECT origin, reason, detail, at FROM failures ORDER BY id")
        return [dict(r) for r in rows]

    def stories(self) -> list[dict[str, Any]]:
        out = []
        for s in self.db.execute("SELECT id, label FROM stories ORDER BY id").fetchall():
            arts = self.db.execute(
                "SELECT id, title, outlet, lang, published, duplicate_of, origin FROM articles"
                " WHERE story_id = ? ORDER BY published, id", (s["id"],)).fetchall()
            if not arts:
                continue
            ents = self.db.execute(
                "SELECT e.name, COUNT(*) AS n FROM mentions m JOIN articles a ON a.id = m.article_id"
                " JOIN entities e ON e.id = m.entity_id WHERE a.story_id = ?"
                " GROUP BY e.id ORDER BY n DESC, e.name LIMIT 5", (s["id"],)).fetchall()
            out.append({"id": s["id"], "label": s["label"], "articles": [dict(a) for a in arts],
                        "entities": [e["name"] for e in ents]})
        return out

    def disagreements(self, story_id: int | None = None) -> list[dict[str, Any]]:
        """Each disagreement with both sides: source, statement or figure, article, date."""
        sql = ("SELECT d.id, d.story_id, d.kind, d.subject, d.claim_a, d.claim_b, d.detail"
               " FROM disagreements d" + (" WHERE d.story_id = ?" if story_id else "") + " ORDER BY d.id")
        out = []
        for r in self.db.execute(sql, (story_id,) if story_id else ()).fetchall():
            d = dict(r)
            d["detail"] = json.loads(d["detail"])
            d["sides"] = [self._side(r["claim_a"]), self._side(r["claim_b"])]
            out.append(d)
        return out

    def _side(self, claim_id: int) -> dict[str, Any]:
        r = self.db.execute(
            "SELECT c.id AS claim_id, c.local_id, c.source_text, e.name AS source_name, c.cue_text,"
            " c.content_text, c.article_id, a.title, a.outlet, a.lang, a.published"
            " FROM claims c JOIN articles a ON a.id = c.article_id"
            " LEFT JOIN entities e ON e.id = c.source_entity WHERE c.id = ?", (claim_id,)).fetchone()
        side = dict(r)
        side["quantities"] = [dict(q) for q in self.db.execute(
            "SELECT text, low, high, unit FROM quantities WHERE claim_id = ?", (claim_id,))]
        return side

    def claim_groups(self, min_size: int = 2, story_id: int | None = None) -> list[dict[str, Any]]:
        """Claims reported by several articles: origin, first seen, and the timeline of reports
        (of one story, or all)."""
        out = []
        cond, args = (" WHERE g.story_id = ?", [story_id]) if story_id is not None else ("", [])
        groups = self.db.execute(
            "SELECT g.id, g.story_id, g.source_key, COUNT(c.id) AS n FROM claim_groups g"
            " JOIN claims c ON c.group_id = g.id" + cond
            + " GROUP BY g.id HAVING COUNT(c.id) >= ? ORDER BY g.id", (*args, min_size)).fetchall()
        for g in groups:
            reports = [dict(r) for r in self.db.execute(
                "SELECT c.id AS claim_id, c.source_text, e.name AS source_name, c.content_text,"
                " c.kind, a.id AS article_id, a.outlet, a.lang, a.published, a.title"
                " FROM claims c JOIN articles a ON a.id = c.article_id"
                " LEFT JOIN entities e ON e.id = c.source_entity WHERE c.group_id = ?"
                " ORDER BY a.published, c.id", (g["id"],))]
            out.append({"id": g["id"], "story_id": g["story_id"], "source_key": g["source_key"],
                        "origin": reports[0]["source_name"] or reports[0]["source_text"],
                        "first_seen": reports[0]["published"], "reports": reports})
        return out

    def entities(self, limit: int = 1000) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT e.id, e.name, e.type,"
            " (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id) AS mentions,"
            " (SELECT COUNT(*) FROM claims c WHERE c.source_entity = e.id) AS claims"
            " FROM entities e ORDER BY claims DESC, mentions DESC, e.name LIMIT ?", (limit,))
        return [dict(r) for r in rows]

    # -- reads for the API and web UI ----------------------------------------------------------
    # Read-only and paged: each returns plain dicts with spans decoded from JSON, so the API and
    # the web pages share one shape. Tables a later migration adds are optional here.

    _CLAIM_SELECT = (
        "SELECT c.id, c.article_id, c.local_id, c.kind, c.source_text, c.source_spans,"
        " c.source_entity, e.name AS entity_name, c.cue_text, c.cue_spans, c.content_text,"
        " c.content_spans, c.nested_in, c.confidence, a.title, a.outlet, a.lang, a.published,"
        " a.story_id FROM claims c JOIN articles a ON a.id = c.article_id"
        " LEFT JOIN entities e ON e.id = c.source_entity"
    )

    def find_claims(
        self,
        *,
        search: str | None = None,
        source: str | None = None,
        entity: str | None = None,
        story: int | None = None,
        kind: str | None = None,
        lang: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        article: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> tuple[list[dict[str, Any]], int]:
        """One page of claims matching every given filter, and the total count for paging."""
        where, args = _claim_filters(self.db.dialect, search=search, source=source, entity=entity,
                                     story=story, kind=kind, lang=lang, date_from=date_from,
                                     date_to=date_to, article=article)
        cond = " WHERE " + " AND ".join(where) if where else ""
        total = self.db.execute(
            "SELECT COUNT(*) FROM claims c JOIN articles a ON a.id = c.article_id"
            " LEFT JOIN entities e ON e.id = c.source_entity" + cond, args).fetchone()[0]
        rows = self.db.execute(
            self._CLAIM_SELECT + cond + " ORDER BY a.published, c.article_id, c.id LIMIT ? OFFSET ?",
            (*args, limit, offset)).fetchall()
        return self._claim_rows(rows), int(total)

    def claim(self, claim_id: int) -> dict[str, Any] | None:
        """One claim with its figures, or None."""
        rows = self.db.execute(self._CLAIM_SELECT + " WHERE c.id = ?", (claim_id,)).fetchall()
        found = self._claim_rows(rows)
        return found[0] if found else None

    def claims_about(self, entity_id: str, *, limit: int = 50,
                     offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        """Claims whose content mentions the entity (not said by it), for the entity page."""
        cond = (
            " WHERE (c.source_entity IS NULL OR c.source_entity <> ?) AND EXISTS ("
            f"SELECT 1 FROM mentions m, {self.db.dialect.spans('c.content_spans')}"
            " WHERE m.article_id = c.article_id AND m.entity_id = ?"
            f' AND m.start >= {self.db.dialect.span_lo} AND m."end" <= {self.db.dialect.span_hi})'
        )
        args = (entity_id, entity_id)
        total = self.db.execute(
            "SELECT COUNT(*) FROM claims c" + cond, args).fetchone()[0]
        rows = self.db.execute(
            self._CLAIM_SELECT + cond + " ORDER BY a.lang, a.published, c.article_id, c.id"
            " LIMIT ? OFFSET ?", (*args, limit, offset)).fetchall()
        return self._claim_rows(rows), int(total)

    def _claim_rows(self, rows: list[Any]) -> list[dict[str, Any]]:
        """Claim rows with spans decoded and figures attached (one query for the whole page)."""
        out = [dict(r) for r in rows]
        for r in out:
            for key in ("source_spans", "cue_spans", "content_spans"):
                r[key] = json.loads(r[key])
            r["quantities"] = []
        by_id = {r["id"]: r for r in out}
        if by_id:
            marks = ",".join("?" * len(by_id))
            for q in self.db.execute(
                'SELECT claim_id, text, start, "end", low, high, value, unit, operator FROM quantities'
                f" WHERE claim_id IN ({marks}) ORDER BY claim_id, start", tuple(by_id)):
                fig = dict(q)
                by_id[fig.pop("claim_id")]["quantities"].append(fig)
        return out

    def article(self, article_id: str) -> dict[str, Any] | None:
        """An article's text and metadata (no fingerprints), or None."""
        row = self.db.execute(
            "SELECT id, origin, external_id, url, title, lang, published, outlet, author, wire, text,"
            " duplicate_of, similarity, story_id, ingested_at FROM articles WHERE id = ?",
            (article_id,)).fetchone()
        if row is None:
            return None
        out = dict(row)
        out["wire"] = json.loads(out["wire"])
        return out

    def find_stories(self, *, limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        """Stories that hold articles, oldest first, with counts, dates, languages and top entities."""
        total = self.db.execute(
            "SELECT COUNT(DISTINCT story_id) FROM articles WHERE story_id IS NOT NULL").fetchone()[0]
        rows = self.db.execute(
            "SELECT s.id, s.label, COUNT(a.id) AS articles, MIN(a.published) AS first_published,"
            " MAX(a.published) AS last_published, " + self.db.dialect.group_concat("DISTINCT a.lang")
            + " AS languages,"
            " (SELECT COUNT(*) FROM claims c JOIN articles x ON x.id = c.article_id"
            "  WHERE x.story_id = s.id) AS claims"
            " FROM stories s JOIN articles a ON a.story_id = s.id GROUP BY s.id"
            " ORDER BY first_published, s.id LIMIT ? OFFSET ?", (limit, offset)).fetchall()
        out = []
        for r in rows:
            story = dict(r)
            story["languages"] = sorted(set((story["languages"] or "").split(",")) - {""})
            story["entities"] = self._story_entities(story["id"], 5)
            out.append(story)
        return out, int(total)

    def story(self, story_id: int) -> dict[str, Any] | None:
        """A story with its articles (timeline order) and main entities, or None."""
        row = self.db.execute("SELECT id, label, created_at FROM stories WHERE id = ?",
                                (story_id,)).fetchone()
        if row is None:
            return None
        arts = self.db.execute(
            "SELECT a.id, a.title, a.outlet, a.lang, a.published, a.url, a.wire, a.duplicate_of,"
            " a.similarity, (SELECT COUNT(*) FROM claims c WHERE c.article_id = a.id) AS claims"
            " FROM articles a WHERE a.story_id = ? ORDER BY a.published, a.id", (story_id,)).fetchall()
        if not arts:
            return None
        story = dict(row)
        story["articles"] = [dict(a, wire=json.loads(a["wire"])) for a in arts]
        story["entities"] = self._story_entities(story_id, 10)
        return story

    def _story_entities(self, story_id: int, n: int) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT e.id, e.name, e.type, COUNT(*) AS mentions FROM mentions m"
            " JOIN articles a ON a.id = m.article_id JOIN entities e ON e.id = m.entity_id"
            " WHERE a.story_id = ? GROUP BY e.id ORDER BY mentions DESC, e.name LIMIT ?",
            (story_id, n)).fetchall()
        return [dict(r) for r in rows]

    def find_entities(self, *, search: str | None = None, type: str | None = None,
                      limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        """One page of entities (most claims first), optionally by name part and type."""
        where, args = [], []
        if search:
            like = self.db.dialect.like
            where.append(f"(e.name {like} ? ESCAPE '\\' OR e.id {like} ? ESCAPE '\\')")
            args += [_like(search), _like(search)]
        if type:
            where.append("e.type = ?")
            args.append(type)
        cond = " WHERE " + " AND ".join(where) if where else ""
        total = self.db.execute("SELECT COUNT(*) FROM entities e" + cond, args).fetchone()[0]
        rows = self.db.execute(
            "SELECT e.id, e.name, e.type,"
            " (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id) AS mentions,"
            " (SELECT COUNT(*) FROM claims c WHERE c.source_entity = e.id) AS claims"
            " FROM entities e" + cond + " ORDER BY claims DESC, mentions DESC, e.name LIMIT ? OFFSET ?",
            (*args, limit, offset)).fetchall()
        return [dict(r) for r in rows], int(total)

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        """An entity with counts, the languages it appears in and the names it goes by."""
        row = self.db.execute(
            "SELECT e.id, e.name, e.type,"
            " (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id) AS mentions,"
            " (SELECT COUNT(*) FROM claims c WHERE c.source_entity = e.id) AS claims"
            " FROM entities e WHERE e.id = ?", (entity_id,)).fetchone()
        if row is None:
            return None
        out = dict(row)
        langs = self.db.execute(
            "SELECT DISTINCT a.lang FROM articles a WHERE a.id IN (SELECT article_id FROM mentions"
            " WHERE entity_id = ? UNION SELECT article_id FROM claims WHERE source_entity = ?)"
            " ORDER BY a.lang", (entity_id, entity_id)).fetchall()
        out["languages"] = [r[0] for r in langs]
        names = self.db.execute(
            "SELECT text, COUNT(*) AS n FROM mentions WHERE entity_id = ? GROUP BY text"
            " ORDER BY n DESC, text LIMIT 20", (entity_id,)).fetchall()
        out["names"] = [r["text"] for r in names]
        return out

    def languages(self) -> list[tuple[str, int]]:
        """(language code, articles) in the ledger, most articles first."""
        rows = self.db.execute(
            "SELECT lang, COUNT(*) AS n FROM articles GROUP BY lang ORDER BY n DESC, lang").fetchall()
        return [(r["lang"], int(r["n"])) for r in rows]

    def has_table(self, name: str) -> bool:
        return self.db.has_table(name)

    def find_disagreements(self, *, story: int | None = None, limit: int = 50,
                           offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        """Disagreements with both claims in full (side a earlier, side b later); an empty page
        while the ledger has no `disagreements` table (written by the linking stage)."""
        if not self.has_table("disagreements"):
            return [], 0
        cond, args = (" WHERE story_id = ?", [story]) if story is not None else ("", [])
        total = self.db.execute("SELECT COUNT(*) FROM disagreements" + cond, args).fetchone()[0]
        rows = self.db.execute(
            "SELECT id, story_id, kind, subject, claim_a, claim_b, detail FROM disagreements"
            + cond + " ORDER BY story_id, id LIMIT ? OFFSET ?", (*args, limit, offset)).fetchall()
        out = []
        for r in rows:
            item = dict(r)
            item["detail"] = json.loads(item["detail"] or "{}")
            item["sides"] = [self.claim(item["claim_a"]), self.claim(item["claim_b"])]
            out.append(item)
        return out, int(total)


def _linking_row(article: Article, claim: Claim, claim_id: int, k: int,
                 links: ArticleLinks) -> dict[str, Any]:
    """A new claim's row as `Ledger._linking_rows` reads it (kept beside it: one row shape)."""
    denial = int(bool(_at(links.claim_denials, k)))
    return {
        "id": claim_id, "article_id": article.id, "local_id": claim.id, "nested_in": claim.nested_in,
        "source_key": _at(links.claim_keys, k),
        "content_text": claim.content.text, "content_spans": _spans_json(claim.content.spans),
        "vector": _at(links.claim_vectors, k), "denial": denial, "group_id": None,
        "published": article.published, "lang": article.lang,
        "article_text": article.text if denial else None,
        "quantities": [{"text": q.text, "low": q.low, "high": q.high, "value": q.value,
                        "unit": q.unit, "operator": q.operator} for q in claim.quantities],
    }


def _spans_json(spans: Sequence[tuple[int, int]]) -> str:
    """Spans as a JSON array of [start, end] pairs, as json.dumps writes them, without its cost
    (three per claim)."""
    return "[" + ", ".join(f"[{int(s)}, {int(e)}]" for s, e in spans) + "]"


def _at(values: tuple, k: int):
    return values[k] if k < len(values) else None


def _day(published: str | None) -> date | None:
    """The calendar day of an ISO date or timestamp; None when absent or unreadable."""
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _like(text: str) -> str:
    """A LIKE pattern matching text anywhere, with the user's % and _ taken literally."""
    text = text.replace("\x00", "")  # SQLite ends a LIKE pattern at NUL, which would match all
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _claim_filters(dialect: Dialect, **f: Any) -> tuple[list[str], list[Any]]:
    """WHERE conditions and arguments for Ledger.find_claims (all filters combine with AND)."""
    where: list[str] = []
    args: list[Any] = []
    if f["search"]:
        where.append(dialect.claims_match)
        args.append(dialect.fts_arg(f["search"]))
    source = f["source"].replace("\x00", "") if f["source"] else None
    if source:  # the words in the text, the entity's name, or its id
        like = dialect.like
        where.append(f"(c.source_text {like} ? ESCAPE '\\' OR e.name {like} ? ESCAPE '\\'"
                     " OR c.source_entity = ?)")
        args += [_like(source), _like(source), source]
    simple = {"entity": "c.source_entity = ?", "story": "a.story_id = ?", "kind": "c.kind = ?",
              "lang": "a.lang = ?", "article": "c.article_id = ?",
              "date_from": "substr(a.published, 1, 10) >= ?", "date_to": "substr(a.published, 1, 10) <= ?"}
    for key, sql in simple.items():
        if f[key] is not None and f[key] != "":
            where.append(sql)
            args.append(f[key])
    return where, args
