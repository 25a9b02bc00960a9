"""Command line: parses options and calls the pipeline, extract and store functions.

Exit codes: 0 success, 1 partial failure (some inputs quarantined or documents failed),
2 usage or fatal error (one line on stderr saying what to do next).
"""

from __future__ import annotations

import csv
import io
import json
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table

from claimledger import pipeline
from claimledger.errors import ClaimledgerError
from claimledger.settings import DEFAULT_MAX_MB, ExtractOptions, Settings
from claimledger.store import is_postgres, open_store, shown

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="claimledger: who said what, according to whom, in news coverage.")
out = Console(width=None if sys.stdout.isatty() else 160, soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

DB_OPTION = typer.Option("claimledger.db", "--db",
                         help="Ledger: a SQLite file (created if missing) or a postgresql:// URL.")
MIN_CONFIDENCE_OPTION = typer.Option(
    None, "--min-confidence", help="With --mode balanced or accurate: keep claims whose learned "
    "probability is at least this (0-1) instead of the per-language floor; 0 keeps every claim.")


class Format(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class Mode(StrEnum):
    fast = "fast"
    balanced = "balanced"
    accurate = "accurate"


def _checked_options(mode: Mode, min_confidence: float | None) -> ExtractOptions:
    """The extraction options, refused before any ledger is opened when they cannot run here."""
    options = ExtractOptions(mode.value, min_confidence)
    pipeline.check_extraction(options)
    return options


class Lang(StrEnum):
    de = "de"
    en = "en"
    auto = "auto"


def _count_inputs(targets: list[str]) -> int | None:
    total = 0
    for t in targets:
        p = Path(t)
        if p.is_dir():
            total += sum(1 for f in p.rglob("*") if f.is_file() and not f.name.startswith("."))
        elif p.suffix.lower() in {".jsonl", ".ndjson"}:
            return None  # lines unknown without reading
        else:
            total += 1
    return total


@app.command()
def ingest(
    targets: list[str] = typer.Argument(..., help="Files, folders (recursive), JSONL or URLs."),
    db: str = DB_OPTION,
    max_mb: float = typer.Option(DEFAULT_MAX_MB, help="Largest accepted file in MB."),
    allow_private: bool = typer.Option(
        False, help="Allow URLs on private, loopback or link-local addresses."),
    fast: bool = typer.Option(False, help="Link without embeddings (entities and words only)."),
    mode: Mode = typer.Option(Mode.fast, "--mode",
                              help="Attribution: fast (rule engine), balanced (compact tagger) or "
                              "accurate (full tagger)."),
    min_confidence: float | None = MIN_CONFIDENCE_OPTION,
) -> None:
    """Add articles to the ledger: extract text, claims and entities; link stories."""
    from claimledger.ingest.fetch import make_fetcher

    options = _checked_options(mode, min_confidence)
    store = open_store(db)
    settings = Settings(max_mb=max_mb, embeddings=not fast, extraction=options)
    fetcher = make_fetcher(settings.max_bytes, allow_private=allow_private)
    with _progress("ingest", _count_inputs(targets)) as tick:
        report = pipeline.ingest(targets, store, settings, on_item=tick, fetch_url=fetcher)
    stats = store.stats()
    out.print(
        f"ingested: {report.added} new ({report.duplicates} near-duplicates), "
        f"{report.unchanged} already in the ledger, {report.failed} quarantined, "
        f"{report.claims} claims"
    )
    out.print(
        f"ledger {shown(db)}: {stats['articles']} articles, {stats['claims']} claims, "
        f"{stats['sources']} sources, {stats['entities']} entities, {stats['stories']} stories, "
        f"{stats['claim_groups']} claims reported more than once, "
        f"{stats['disagreements']} disagreements"
    )
    for f in report.failures[:20]:
        err.print(f"[yellow]quarantined[/] {f.origin}: {f.reason}: {f.detail}", highlight=False)
    if report.failed:
        err.print(f"see all with: claimledger errors --db {shown(db)}")
    out.print(f"next: claimledger claims --db {shown(db)}   (or: stories, disagreements, groups, entities)")
    raise typer.Exit(1 if report.failed else 0)


class Engine(StrEnum):
    local = "local"
    ray = "ray"


@app.command()
def batch(
    targets: list[str] = typer.Argument(..., help="Files, folders (recursive), JSONL, WARC or URLs."),
    out_dir: Path = typer.Option(..., "--out", help="Folder for the Parquet tables (new or empty)."),
    engine: Engine = typer.Option(Engine.local, help="local: this machine; ray: a Ray cluster."),
    workers: int = typer.Option(1, min=1, help="Worker processes (local) or Ray actors."),
    mode: Mode = typer.Option(Mode.fast, "--mode", help="Extraction: fast (rules), balanced or accurate."),
    min_confidence: float | None = MIN_CONFIDENCE_OPTION,
    address: str = typer.Option(None, help="Ray cluster address (default: start Ray locally)."),
    db: str = typer.Option(None, "--db", help="Afterwards load the tables into this ledger."),
    fast: bool = typer.Option(False, help="With --db: link without embeddings."),
    max_mb: float = typer.Option(DEFAULT_MAX_MB, help="Largest accepted file in MB."),
) -> None:
    """Extract many documents in parallel into Parquet tables (articles, claims, entities,
    quantities, failures); optionally load them into a ledger."""
    from claimledger.scale import load_parts, run_batch

    settings = Settings(max_mb=max_mb, embeddings=not fast,
                        extraction=ExtractOptions(mode.value, min_confidence))
    with _progress("batch", _count_inputs(targets)) as tick:
        report = run_batch(targets, out_dir, engine.value, workers, address, settings, on_item=tick)
    out.print(f"batch ({engine.value}, {workers} worker(s)): {report.articles} articles, "
              f"{report.claims} claims, {report.failed} quarantined, {report.repeated} repeated "
              f"texts skipped; {report.parts} part(s) per table in {out_dir}", highlight=False)
    for f in report.failures:
        err.print(f"[yellow]quarantined[/] {f.origin}: {f.reason}: {f.detail}", highlight=False)
    if db:
        store = open_store(db)
        with _progress("load", report.articles + report.failed) as tick:
            loaded = load_parts(out_dir, store, settings, on_item=tick)
        stats = store.stats()
        out.print(f"loaded into {shown(db)}: {loaded.added} new ({loaded.duplicates} near-duplicates), "
                  f"{loaded.unchanged} already in the ledger; ledger has {stats['articles']} articles, "
                  f"{stats['claims']} claims, {stats['stories']} stories", highlight=False)
    else:
        out.print(f"next: read {out_dir}/claims/*.parquet (pyarrow, pandas, DuckDB), or load them: "
                  f"claimledger batch ... --db FILE", highlight=False)
    raise typer.Exit(1 if report.failed else 0)


@contextmanager
def _progress(label: str, total: int | None) -> Iterator[Callable[[str, str], None]]:
    """A progress bar on stderr; yields the per-item callback the pipeline functions take."""
    with Progress(SpinnerColumn(), TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.description}"), console=err, transient=True) as progress:
        task = progress.add_task("", total=total)

        def tick(origin: str, status: str) -> None:
            progress.update(task, advance=1, description=f"{status}: {Path(origin).name}"[:60])

        yield tick


@app.command()
def watch(
    feeds_file: str = typer.Argument(..., help="Text file with one RSS/Atom feed URL per line."),
    db: str = DB_OPTION,
    interval: float = typer.Option(900, min=1, help="Seconds between polling rounds."),
    once: bool = typer.Option(False, help="Poll every feed once and exit."),
    delay: float = typer.Option(1.0, min=0, help="Seconds between requests to one host."),
    allow_private: bool = typer.Option(False, help="Allow feeds on internal addresses."),
    fast: bool = typer.Option(False, help="Link without embeddings."),
    mode: Mode = typer.Option(Mode.fast, "--mode",
                              help="Attribution: fast (rule engine), balanced (compact tagger) or "
                              "accurate (full tagger)."),
    min_confidence: float | None = MIN_CONFIDENCE_OPTION,
) -> None:
    """Poll feeds politely (conditional GET, robots.txt, per-host delay) and ingest new articles."""
    from claimledger.ingest.watch import Politeness, poll_feed, read_feed_list

    options = _checked_options(mode, min_confidence)
    store = open_store(db)
    settings = Settings(embeddings=not fast, extraction=options)
    polite = Politeness(settings.max_bytes, allow_private, delay)
    feeds = read_feed_list(feeds_file)
    while True:
        for url in feeds:
            report = pipeline.ingest_items(poll_feed(url, store, polite), store, settings)
            out.print(f"{url}: {report.added} new, {report.failed} quarantined", highlight=False)
        if once:
            break
        time.sleep(interval)


@app.command()
def extract(
    file: str = typer.Argument("-", help="JSONL of {id, text, lang?}, a text/HTML file, or -."),
    lang: Lang = typer.Option(Lang.auto, "--lang", help="Language pack, or auto-detect."),
    mode: Mode = typer.Option(Mode.fast, "--mode",
                              help="fast: rule engine; balanced: compact tagger; accurate: full tagger "
                              "(slowest, most accurate)."),
    min_confidence: float | None = MIN_CONFIDENCE_OPTION,
) -> None:
    """Stateless extraction: one JSON line of claims and entities per input document."""
    options = ExtractOptions(mode.value, min_confidence)
    failed = pipeline.extract_stream(file, lang.value, sys.stdout, options)
    raise typer.Exit(1 if failed else 0)


def _emit(rows: list[dict[str, Any]], fmt: Format, columns: list[str], title: str) -> None:
    if fmt is Format.jsonl:
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
        return
    if fmt is Format.csv:
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: _flat(r.get(k)) for k in columns})
        sys.stdout.write(buf.getvalue())
        return
    table = Table(title=title, show_lines=False)
    for c in columns:
        table.add_column(c, overflow="fold", max_width=60)
    for r in rows:
        table.add_row(*(_flat(r.get(c)) for c in columns))
    out.print(table)


def _flat(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        return "; ".join(_flat(x) for x in v)
    if isinstance(v, dict):
        return v.get("text") or json.dumps(v, ensure_ascii=False)
    return str(v)


@app.command()
def claims(
    db: str = DB_OPTION,
    source: str = typer.Option(None, help="Source text or entity name contains this."),
    search: str = typer.Option(None, help="Full-text search in claim content and source."),
    lang: str = typer.Option(None, help="Article language code."),
    kind: str = typer.Option(None, help="direct, indirect, reported, according_to, free_indirect."),
    limit: int = typer.Option(1000, min=1),
    format: Format = typer.Option(Format.table, "--format"),
) -> None:
    """List claims: who said what, with figures."""
    rows, _ = open_store(db).find_claims(source=source, search=search, lang=lang, kind=kind, limit=limit)
    _emit(rows, format, ["kind", "source_text", "entity_name", "cue_text", "content_text",
                         "quantities", "outlet", "published"], "claims")


@app.command()
def articles(
    db: str = DB_OPTION,
    lang: str = typer.Option(None),
    search: str = typer.Option(None, help="Full-text search in title and text."),
    limit: int = typer.Option(1000, min=1),
    format: Format = typer.Option(Format.table, "--format"),
) -> None:
    """List stored articles with metadata, wire credits and duplicate links."""
    rows = open_store(db).articles(lang=lang, search=search, limit=limit)
    _emit(rows, format, ["id", "title", "outlet", "lang", "published", "wire", "claims",
                         "story_id", "duplicate_of"], "articles")


@app.command()
def errors(db: str = DB_OPTION, format: Format = typer.Option(Format.table, "--format")) -> None:
    """List quarantined inputs with the reason each was rejected."""
    _emit(open_store(db).failures(), format, ["origin", "reason", "detail", "at"], "quarantine")


@app.command()
def stories(db: str = DB_OPTION, format: Format = typer.Option(Format.table, "--format")) -> None:
    """List stories with their articles and main entities."""
    rows = open_store(db).stories()
    if format is not Format.table:
        _emit(rows, format, ["id", "label", "entities", "articles"], "stories")
        return
    for s in rows:
        out.print(f"[bold]story {s['id']}[/]: {s['label']}  [dim]({', '.join(s['entities'])})[/]")
        for a in s["articles"]:
            dup = f"  [dim]copy of {a['duplicate_of']}[/]" if a["duplicate_of"] else ""
            out.print(f"   {a['published'] or '':10} {a['lang']}  {a['outlet'] or '':24} "
                      f"{a['title'] or a['id']}{dup}", highlight=False)


@app.command()
def entities(db: str = DB_OPTION, limit: int = typer.Option(1000, min=1),
             format: Format = typer.Option(Format.table, "--format")) -> None:
    """List canonical entities with mention and claim counts."""
    _emit(open_store(db).entities(limit), format, ["id", "name", "type", "mentions", "claims"],
          "entities")


@app.command()
def disagreements(db: str = DB_OPTION, format: Format = typer.Option(Format.table, "--format"),
                  story: int = typer.Option(None, help="Only this story id.")) -> None:
    """Sources that give different figures for the same thing, or deny each other."""
    from claimledger.link.disagree import collapse

    rows = collapse(open_store(db).disagreements(story))
    if format is not Format.table:
        _emit(rows, format, ["id", "story_id", "kind", "subject", "sides"], "disagreements")
        return
    for d in rows:
        out.print(f"[bold]{d['kind']}[/] story {d['story_id']}: {d['subject']}", highlight=False)
        for side in d["sides"]:
            figure = ", ".join(q["text"] for q in side["quantities"]) or side["content_text"][:90]
            out.print(f"   {side['published'] or '':10} {side['lang']} {side['outlet'] or '':22} "
                      f"{side['source_name'] or side['source_text']}: {figure}", highlight=False)


@app.command()
def groups(db: str = DB_OPTION, format: Format = typer.Option(Format.table, "--format")) -> None:
    """Claims reported by several articles: who originated them, who repeated them, when."""
    rows = open_store(db).claim_groups()
    if format is not Format.table:
        _emit(rows, format, ["id", "story_id", "origin", "first_seen", "reports"], "claim groups")
        return
    for g in rows:
        out.print(f"[bold]group {g['id']}[/] (story {g['story_id']}) origin: {g['origin']}, "
                  f"first seen {g['first_seen']}", highlight=False)
        for r in g["reports"]:
            out.print(f"   {r['published'] or '':10} {r['lang']} {r['outlet'] or '':22} "
                      f"{r['content_text'][:90]}", highlight=False)


@app.command()
def relink(db: str = DB_OPTION) -> None:
    """Rebuild claim groups and disagreements from the stored claims."""
    store = open_store(db)
    with Progress(SpinnerColumn(), TextColumn("[bold]relink"), MofNCompleteColumn(), console=err,
                  transient=True) as progress:
        task = progress.add_task("", total=store.stats()["stories"])
        result = pipeline.relink(store, on_story=lambda _: progress.advance(task))
    out.print(f"{result['claim_groups']} claims reported more than once, "
              f"{result['disagreements']} disagreements")


class ExportFormat(StrEnum):
    parquet = "parquet"
    jsonl = "jsonl"
    csv = "csv"


@app.command()
def export(
    db: str = DB_OPTION,
    out_dir: Path = typer.Option(..., "--out", help="Folder for the files (created if missing)."),
    format: ExportFormat = typer.Option(ExportFormat.parquet, "--format"),
) -> None:
    """Write claims, articles, entities, stories, claim groups and disagreements to files, one per
    table (Parquet for pandas/DuckDB, JSONL, or CSV for spreadsheets)."""
    from claimledger.scale.export import export_ledger

    counts = export_ledger(open_store(db), out_dir, format.value)
    out.print(", ".join(f"{n} {name}" for name, n in counts.items()) + f" -> {out_dir}/*.{format.value}",
              highlight=False)


@app.command()
def stats(db: str = DB_OPTION) -> None:
    """Counts of what the ledger holds."""
    for k, v in open_store(db).stats().items():
        out.print(f"{k:12} {v}")


@app.command()
def serve(
    db: str = DB_OPTION,
    host: str = typer.Option("127.0.0.1", help="Address to bind; anything but loopback needs a token."),
    port: int = typer.Option(8000, min=1, max=65535),
    token: str = typer.Option(None, envvar="CLAIMLEDGER_TOKEN", show_envvar=True,
                              help="Every request must send 'Authorization: Bearer TOKEN'."),
    mode: Mode = typer.Option(Mode.fast, "--mode",
                              help="Attribution for POST /api/ingest: fast (rules), balanced or accurate."),
    min_confidence: float | None = MIN_CONFIDENCE_OPTION,
) -> None:
    """Serve the REST API (/api, /openapi.json) and the web UI for a ledger."""
    options = _checked_options(mode, min_confidence)
    try:
        import uvicorn

        from claimledger.api.app import create_app
        from claimledger.api.security import check_bind
    except ImportError as exc:
        raise ClaimledgerError(f"serve needs fastapi, uvicorn and jinja2 ({exc.name} is missing); "
                               "reinstall claimledger with its dependencies") from exc
    check_bind(host, token)
    if not is_postgres(db) and not Path(db).expanduser().exists():
        err.print(f"note: {db} does not exist yet; serving a new, empty ledger", highlight=False)
    server = create_app(db, token=token, settings=Settings(extraction=options))
    address = f"[{host}]" if ":" in host else host
    err.print(f"serving {shown(db)} at http://{address}:{port}/ (API schema: /openapi.json)"
              + ("; requests need the token" if token else ""), highlight=False)
    uvicorn.run(server, host=host, port=port, log_level="warning", server_header=False,
                proxy_headers=False)


def main() -> None:
    """Console entry point: ClaimledgerError becomes one line on stderr and exit code 2."""
    try:
        code = app(standalone_mode=False)
    except ClaimledgerError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}", highlight=False)
        sys.exit(2)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        err.print("aborted")
        sys.exit(130)
    except Exception as exc:  # usage errors arrive here in non-standalone mode
        if hasattr(exc, "show") and hasattr(exc, "exit_code"):
            exc.show()
            sys.exit(exc.exit_code)
        raise
    sys.exit(code if isinstance(code, int) else 0)
