"""What a ledger backend provides: a connection that runs `?`-placeholder SQL, transactions,
migrations, and the few SQL snippets where SQLite and PostgreSQL differ."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from importlib.resources import files
from typing import Any, Protocol


@dataclass(frozen=True)
class Dialect:
    """SQL that differs between engines. `claims_match`/`articles_match` are conditions taking one
    argument prepared by `fts_arg`; `spans(col)` is a FROM item with one row `s` per span of a JSON
    list of [start, end] spans, read by the expressions `span_lo` and `span_hi`."""

    like: str
    claims_match: str
    articles_match: str
    fts_arg: Callable[[str], str]
    group_concat: Callable[[str], str]
    spans: Callable[[str], str]
    span_lo: str
    span_hi: str


class Cursor(Protocol):
    rowcount: int

    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def __iter__(self) -> Iterator[Any]: ...


class Backend(Protocol):
    """A ledger connection. Rows support both `row["name"]` and `row[0]`."""

    url: str
    dialect: Dialect

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Cursor: ...
    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...
    def transaction(self) -> AbstractContextManager[Any]: ...
    def migrate(self) -> int: ...
    def has_table(self, name: str) -> bool: ...
    def close(self) -> None: ...


def migrations(engine: str) -> list[tuple[int, str]]:
    """(version, SQL) of an engine's migration files, oldest first."""
    folder = files("claimledger.store").joinpath("migrations", engine)
    out = [(int(entry.name.split("_", 1)[0]), entry.read_text("utf-8"))
           for entry in folder.iterdir() if entry.name.endswith(".sql")]
    return sorted(out)


SCHEMA_VERSION = max(v for v, _ in migrations("sqlite"))


def split_statements(sql: str, complete: Callable[[str], bool]) -> list[str]:
    """Split a migration into statements (comments dropped), keeping trigger and function
    bodies whole: `complete` says whether the text so far is a whole statement."""
    out, buf = [], []
    for line in sql.splitlines():
        if line.strip().startswith("--") or not line.strip():
            continue
        buf.append(line)
        joined = "\n".join(buf)
        if joined.rstrip().endswith(";") and complete(joined):
            out.append(joined)
            buf = []
    if buf:
        out.append("\n".join(buf))
    return out
