"""SQLite ledger: one file, WAL, versioned migrations, FTS5. The only module with SQL."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path
from typing import Any

from claimledger.errors import ClaimledgerError
from claimledger.records import Article, Extraction, IngestFailure


def _migrations() -> list[tuple[int, str]]:
    folder = files("claimledger.store").joinpath("migrations")
    out = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            out.append((int(entry.name.split("_", 1)[0]), entry.read_text("utf-8")))
    return sorted(out)


SCHEMA_VERSION = max(v for v, _ in _migrations())


class SQLiteStore:
    """The ledger in one SQLite file. Writes happen in one transaction per article."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        except sqlite3.Error as exc:
            raise ClaimledgerError(f"cannot open ledger {self.path}: {exc}; check the path") from exc
        self.conn.row_factory = sqlite3.Row
        try:
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.migrate()
        except sqlite3.DatabaseError as exc:
            raise ClaimledgerError(
                f"{self.path} is not a claimledger SQLite ledger ({exc}); pass another --db file"
            ) from exc

    def close(self) -> None:
        self.conn.close()

    def migrate(self) -> int:
        """Apply pending migrations; returns the schema version now in force."""
        current = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if current > SCHEMA_VERSION:
            raise ClaimledgerError(
                f"ledger schema v{current} is newer than this claimledger (v{SCHEMA_VERSION}); "
                "upgrade claimledger"
            )
        for version, sql in _migrations():
            if version > current:
                with self.transaction():
                    for stmt in _statements(sql):
                        self.conn.execute(stmt)
                    self.conn.execute(f"PRAGMA user_version={version}")
                current = version
        return current

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- writes ---------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def add_article(
        self,
        article: Article,
        extraction: Extraction,
        *,
        minhash: bytes,
        band_keys: list[str],
        story_id: int | None,
        duplicate_of: str | None,
        similarity: float | None,
    ) -> None:
        """Store an article with its claims, entities and figures atomically."""
        with self.transaction() as c:
            c.execute(
                "INSERT INTO articles (id, origin, external_id, url, title, lang, published, outlet,"
                " author, wire, text, minhash, duplicate_of, similarity, story_id)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (article.id, article.origin, article.external_id, article.url, article.title,
                 article.lang, article.published, article.outlet, article.author,
                 json.dumps(list(article.wire)), article.text, minhash, duplicate_of, similarity,
                 story_id),
            )
            c.executemany("INSERT OR IGNORE INTO lsh_bands VALUES (?, ?)",
                          [(k, article.id) for k in band_keys])
            for ent in extraction.entities:
                c.execute("INSERT OR IGNORE INTO entities (id, name, type) VALUES (?,?,?)",
                          (ent.id, ent.name, ent.type))
                c.execute("UPDATE entities SET type = ? WHERE id = ? AND type = 'unknown'",
                          (ent.type, ent.id))
                c.executemany(
                    "INSERT INTO mentions VALUES (?,?,?,?,?)",
                    [(ent.id, article.id, m.text, m.spans[0][0], m.spans[-1][1])
                     for m in ent.mentions],
                )
            for claim in extraction.claims:
                ent_id = claim.source_entity.id if claim.source_entity else None
                if ent_id:
                    c.execute("INSERT OR IGNORE INTO entities (id, name, type) VALUES (?,?,?)",
                              (ent_id, claim.source_entity.name, "unknown"))
                cur = c.execute(
                    "INSERT INTO claims (article_id, local_id, kind, source_text, source_spans,"
                    " source_entity, cue_text, cue_spans, content_text, content_spans, nested_in,"
                    " confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    (article.id, claim.id, claim.kind, claim.source.text,
                     json.dumps(claim.source.spans), ent_id, claim.cue.text,
                     json.dumps(claim.cue.spans), claim.content.text,
                     json.dumps(claim.content.spans), claim.nested_in, claim.confidence),
                )
                c.executemany(
                    "INSERT INTO quantities VALUES (?,?,?,?,?,?,?,?,?)",
                    [(cur.lastrowid, q.text, q.spans[0][0], q.spans[0][1], q.low, q.high, q.value,
                      q.unit, q.operator) for q in claim.quantities],
                )

    def add_failure(self, failure: IngestFailure) -> bool:
        """Quarantine an input; returns False when it was already recorded."""
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO failures (origin, reason, detail) VALUES (?,?,?)",
            (failure.origin, failure.reason, failure.detail),
        )
        return cur.rowcount > 0

    def new_story(self, label: str) -> int:
        cur = self.conn.execute("INSERT INTO stories (label) VALUES (?)", (label,))
        return int(cur.lastrowid)

    # -- lookups used by the pipeline --------------------------------------------------------

    def near_duplicate_candidates(self, band_keys: list[str]) -> list[tuple[str, bytes, int | None]]:
        """Articles sharing an LSH band with the given keys: (id, minhash, story_id)."""
        if not band_keys:
            return []
        marks = ",".join("?" * len(band_keys))
        rows = self.conn.execute(
            f"SELECT DISTINCT a.id, a.minhash, a.story_id FROM lsh_bands b"
            f" JOIN articles a ON a.id = b.article_id WHERE b.band_key IN ({marks})",
            band_keys,
        ).fetchall()
        return [(r["id"], r["minhash"], r["story_id"]) for r in rows]

    def story_candidates(self, entity_ids: list[str], limit: int = 50) -> list[dict[str, Any]]:
        """Stories mentioning any of these entities, with each story's entity set."""
        if not entity_ids:
            return []
        marks = ",".join("?" * len(entity_ids))
        rows = self.conn.execute(
            f"SELECT DISTINCT a.story_id FROM mentions m JOIN articles a ON a.id = m.article_id"
            f" WHERE m.entity_id IN ({marks}) AND a.story_id IS NOT NULL"
            f" ORDER BY a.story_id DESC LIMIT ?",
            (*entity_ids, limit),
        ).fetchall()
        out = []
        for r in rows:
            ents = self.conn.execute(
                "SELECT m.entity_id, COUNT(*) AS n FROM mentions m JOIN articles a"
                " ON a.id = m.article_id WHERE a.story_id = ? GROUP BY m.entity_id",
                (r["story_id"],),
            ).fetchall()
            out.append({"story_id": r["story_id"], "entities": {e["entity_id"]: e["n"] for e in ents}})
        return out

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
        }
        return {k: int(self.conn.execute(sql).fetchone()[0]) for k, sql in q.items()}

    def claims(
        self,
        *,
        source: str | None = None,
        search: str | None = None,
        lang: str | None = None,
        kind: str | None = None,
        limit: int = 1000,
    ) -> list[dict[str, Any]]:
        where, args = [], []
        if source:
            where.append("(c.source_text LIKE ? OR e.name LIKE ? OR c.source_entity = ?)")
            args += [f"%{source}%", f"%{source}%", source]
        if search:
            where.append("c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)")
            args.append(_fts_query(search))
        if lang:
            where.append("a.lang = ?")
            args.append(lang)
        if kind:
            where.append("c.kind = ?")
            args.append(kind)
        sql = (
            "SELECT c.id, c.article_id, c.local_id, c.kind, c.source_text, c.source_entity,"
            " e.name AS entity_name, c.cue_text, c.content_text, c.content_spans, c.nested_in,"
            " c.confidence, a.title, a.outlet, a.lang, a.published"
            " FROM claims c JOIN articles a ON a.id = c.article_id"
            " LEFT JOIN entities e ON e.id = c.source_entity"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY a.published, c.article_id, c.id LIMIT ?"
        )
        rows = [dict(r) for r in self.conn.execute(sql, (*args, limit)).fetchall()]
        for r in rows:
            r["quantities"] = [
                dict(q) for q in self.conn.execute(
                    "SELECT text, low, high, value, unit, operator FROM quantities"
                    " WHERE claim_id = ?", (r["id"],))
            ]
        return rows

    def articles(self, *, lang: str | None = None, search: str | None = None,
                 limit: int = 1000) -> list[dict[str, Any]]:
        where, args = [], []
        if lang:
            where.append("a.lang = ?")
            args.append(lang)
        if search:
            where.append("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            args.append(_fts_query(search))
        sql = (
            "SELECT a.id, a.title, a.outlet, a.lang, a.published, a.author, a.wire, a.url,"
            " a.origin, a.duplicate_of, a.similarity, a.story_id,"
            " (SELECT COUNT(*) FROM claims c WHERE c.article_id = a.id) AS claims"
            " FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY a.published, a.id LIMIT ?"
        )
        rows = [dict(r) for r in self.conn.execute(sql, (*args, limit)).fetchall()]
        for r in rows:
            r["wire"] = json.loads(r["wire"])
        return rows

    def failures(self) -> list[dict[str, Any]]:
        rows = self.conn.execute("SELECT origin, reason, detail, at FROM failures ORDER BY id")
        return [dict(r) for r in rows]

    def stories(self) -> list[dict[str, Any]]:
        out = []
        for s in self.conn.execute("SELECT id, label FROM stories ORDER BY id").fetchall():
            arts = self.conn.execute(
                "SELECT id, title, outlet, lang, published, duplicate_of FROM articles"
                " WHERE story_id = ? ORDER BY published, id", (s["id"],)).fetchall()
            if not arts:
                continue
            ents = self.conn.execute(
                "SELECT e.name, COUNT(*) AS n FROM mentions m JOIN articles a ON a.id = m.article_id"
                " JOIN entities e ON e.id = m.entity_id WHERE a.story_id = ?"
                " GROUP BY e.id ORDER BY n DESC, e.name LIMIT 5", (s["id"],)).fetchall()
            out.append({"id": s["id"], "label": s["label"], "articles": [dict(a) for a in arts],
                        "entities": [e["name"] for e in ents]})
        return out

    def entities(self, limit: int = 1000) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT e.id, e.name, e.type,"
            " (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id) AS mentions,"
            " (SELECT COUNT(*) FROM claims c WHERE c.source_entity = e.id) AS claims"
            " FROM entities e ORDER BY claims DESC, mentions DESC, e.name LIMIT ?", (limit,))
        return [dict(r) for r in rows]


def _fts_query(text: str) -> str:
    """User words as an FTS5 query of quoted terms (no syntax errors from user input)."""
    terms = [t.replace('"', '""') for t in text.split() if t.strip()]
    return " ".join(f'"{t}"' for t in terms) or '""'


def _statements(sql: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    out, buf = [], []
    for line in sql.splitlines():
        if line.strip().startswith("--") or not line.strip():
            continue
        buf.append(line)
        joined = "\n".join(buf)
        if joined.rstrip().endswith(";") and sqlite3.complete_statement(joined):
            out.append(joined)
            buf = []
    if buf:
        out.append("\n".join(buf))
    return out
