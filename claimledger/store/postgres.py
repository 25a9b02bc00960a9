"""PostgreSQL backend (psycopg 3): the same ledger for teams. Schema version in a one-row table,
migrations under an advisory lock (several API workers may open a new ledger at once), full-text
search over GIN expression indexes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from claimledger.errors import ClaimledgerError
from claimledger.store.backend import SCHEMA_VERSION, Dialect, migrations, split_statements

# The tsvector expressions must match the migration's index expressions to use the indexes.
CLAIMS_TSV = "to_tsvector('simple', c.content_text || ' ' || c.source_text)"
ARTICLES_TSV = "to_tsvector('simple', coalesce(a.title, '') || ' ' || a.text)"
MIGRATION_LOCK = 7_220_410  # arbitrary advisory-lock key for claimledger migrations

DIALECT = Dialect(
    like="ILIKE",  # SQLite's LIKE ignores ASCII case; keep the same behaviour
    claims_match=f"{CLAIMS_TSV} @@ plainto_tsquery('simple', ?)",
    articles_match=f"{ARTICLES_TSV} @@ plainto_tsquery('simple', ?)",
    fts_arg=lambda text: text.replace("\x00", " "),
    group_concat=lambda expr: f"string_agg({expr}, ',')",
    spans=lambda col: f"jsonb_array_elements({col}::jsonb) AS s(value)",
    span_lo="(s.value->>0)::int",
    span_hi="(s.value->>1)::int",
)


class Row(tuple):
    """A result row like sqlite3.Row: iterates over values, indexable by position and by column
    name, `keys()` gives the names (so `dict(row)` works)."""

    def __new__(cls, values: Sequence[Any], index: dict[str, int]) -> Row:
        row = super().__new__(cls, values)
        row._index = index
        return row

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


def _row_factory(cursor: Any) -> Any:
    names = [c.name for c in cursor.description] if cursor.description else []
    index = {n: i for i, n in enumerate(names)}
    return lambda values: Row(values, index)


@lru_cache(maxsize=512)
def _translate(sql: str) -> str:
    """`?` placeholders to psycopg's `%s` (literal % doubled); no query has `?` inside quotes."""
    return sql.replace("%", "%%").replace("?", "%s")


def _clean(value: Any) -> Any:
    # PostgreSQL text cannot hold NUL; SQLite keeps it. Dropping it loses nothing readable.
    return value.replace("\x00", "") if isinstance(value, str) else value


class PostgresBackend:
    """One autocommit connection; `transaction()` groups an article's writes."""

    dialect = DIALECT

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - psycopg is a dependency
            raise ClaimledgerError("PostgreSQL needs psycopg: pip install 'psycopg[binary]'") from exc
        self.url = url
        try:
            self.conn = psycopg.connect(url, autocommit=True, row_factory=_row_factory)
        except psycopg.Error as exc:
            raise ClaimledgerError(
                f"cannot connect to PostgreSQL ({str(exc).strip().splitlines()[0]}); check the --db URL,"
                " that the server runs and that the database exists (createdb NAME)") from exc
        self.migrate()

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        return self.conn.execute(_translate(sql), [_clean(a) for a in args])

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.conn.cursor() as cur:
            cur.executemany(_translate(sql), [[_clean(a) for a in r] for r in rows])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.conn.transaction():
            yield

    def migrate(self) -> int:
        """Apply pending migrations (one transaction each); returns the schema version in force."""
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            self.conn.execute("CREATE TABLE IF NOT EXISTS claimledger_schema (version INTEGER NOT NULL)")
            row = self.conn.execute("SELECT max(version) AS v FROM claimledger_schema").fetchone()
            current = row["v"] or 0
            if current > SCHEMA_VERSION:
                raise ClaimledgerError(
                    f"ledger schema v{current} is newer than this claimledger (v{SCHEMA_VERSION}); "
                    "upgrade claimledger")
            for version, sql in migrations("postgres"):
                if version > current:
                    for stmt in split_statements(sql, _complete):
                        self.conn.execute(stmt)
                    self.conn.execute("INSERT INTO claimledger_schema VALUES (%s)", (version,))
                    current = version
        return current

    def has_table(self, name: str) -> bool:
        row = self.conn.execute("SELECT to_regclass(%s) AS t", (name,)).fetchone()
        return row["t"] is not None

    def close(self) -> None:
        self.conn.close()


def _complete(sql: str) -> bool:
    """A statement ends at a semicolon outside $$-quoted bodies."""
    return sql.count("$$") % 2 == 0
