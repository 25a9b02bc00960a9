"""Engine-independent parts of `claimledger batch`: the per-document work, the Parquet tables
and loading them into a ledger.

Engines (local here, Ray in `ray_engine`) only decide where `Processor` runs; they must yield its
results in input order. Everything written comes from the driver through `write_parts`, which
cuts the ordered stream into chunks by input position, so the files do not depend on the engine,
the number of workers or how the engine batched the work.
"""

from __future__ import annotations

import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from claimledger.errors import ClaimledgerError
from claimledger.ingest import iter_inputs, to_article
from claimledger.nlp.pack import available_packs, get_pack
from claimledger.pipeline import as_failure, check_extraction, extract_article, ingest_items
from claimledger.records import (
    Article,
    Claim,
    Entity,
    EntityRef,
    Extraction,
    IngestFailure,
    IngestReport,
    Mention,
    Quantity,
    RawDocument,
    Role,
)
from claimledger.settings import ExtractOptions, Settings
from claimledger.store import Store

CHUNK = 256
"""Documents per part file: small enough to bound memory, large enough for Parquet to compress."""

STAGES = ("html", "extract", "rows", "write")
"""Where batch time goes: HTML/text extraction and language id, attribution, building table rows
(all three per document, on the workers) and writing Parquet (on the driver)."""

_SPANS = pa.list_(pa.struct([("start", pa.int32()), ("end", pa.int32())]))
SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("seq", pa.int64()), ("article_id", pa.string()), ("origin", pa.string()),
        ("external_id", pa.string()), ("url", pa.string()), ("title", pa.string()),
        ("published", pa.string()), ("outlet", pa.string()), ("author", pa.string()),
        ("lang", pa.string()), ("wire", pa.list_(pa.string())), ("text", pa.string()),
    ]),
    "claims": pa.schema([
        ("article_id", pa.string()), ("local_id", pa.string()), ("nested_in", pa.string()),
        ("kind", pa.string()),
        ("source_text", pa.string()), ("source_spans", _SPANS),
        ("cue_text", pa.string()), ("cue_spans", _SPANS),
        ("content_text", pa.string()), ("content_spans", _SPANS),
        ("frame_text", pa.string()), ("frame_spans", _SPANS),
        ("addressee_text", pa.string()), ("addressee_spans", _SPANS),
        ("source_entity_id", pa.string()), ("source_entity_name", pa.string()),
        ("confidence", pa.float64()),
    ]),
    "entities": pa.schema([
        ("article_id", pa.string()), ("entity_id", pa.string()), ("name", pa.string()),
        ("type", pa.string()),
        ("mentions", pa.list_(pa.struct([("text", pa.string()), ("spans", _SPANS)]))),
    ]),
    "quantities": pa.schema([
        ("article_id", pa.string()), ("claim_local_id", pa.string()), ("position", pa.int32()),
        ("text", pa.string()), ("spans", _SPANS), ("low", pa.float64()), ("high", pa.float64()),
        ("value", pa.float64()), ("unit", pa.string()), ("operator", pa.string()),
    ]),
    "failures": pa.schema([
        ("seq", pa.int64()), ("origin", pa.string()), ("reason", pa.string()),
        ("detail", pa.string()),
    ]),
}

Rows = dict[str, list[dict[str, Any]]]


@dataclass(frozen=True, slots=True)
class DocResult:
    """One input document after the per-document pipeline: its table rows and stage times."""

    seq: int  # position in the input stream
    origin: str
    article_id: str | None  # None: the input failed (one `failures` row)
    claims: int
    rows: Rows
    seconds: tuple[float, float, float]  # html, extract, rows


@dataclass
class BatchReport:
    """What a batch run wrote; the CLI turns it into a summary and an exit code."""

    articles: int = 0
    repeated: int = 0  # same text as an earlier input: written once
    failed: int = 0
    claims: int = 0
    parts: int = 0
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    failures: list[IngestFailure] = field(default_factory=list)  # the first 20, for display


def read_inputs(targets: list[str], settings: Settings) -> Iterator[RawDocument | IngestFailure]:
    """The input stream, exactly as `ingest` reads it (URLs fetched, public addresses only)."""
    from claimledger.ingest.fetch import make_fetcher

    return iter_inputs(targets, settings.max_bytes, make_fetcher(settings.max_bytes))


class Processor:
    """The per-document pipeline (ingest + extract + rows). Built once per worker process so
    language packs and models load once there, not once per document."""

    def __init__(self, options: ExtractOptions = ExtractOptions()) -> None:
        check_extraction(options)
        self.options = options
        for code in available_packs():
            get_pack(code)

    def __call__(self, seq: int, item: RawDocument | IngestFailure) -> DocResult:
        t0 = time.perf_counter()
        failure = item if isinstance(item, IngestFailure) else None
        if failure is None:
            try:
                article = to_article(item)
                t1 = time.perf_counter()
                extraction = extract_article(article, self.options)
                t2 = time.perf_counter()
                rows = article_rows(seq, article, extraction)
                return DocResult(seq, item.origin, article.id, len(extraction.claims), rows,
                                 (t1 - t0, t2 - t1, time.perf_counter() - t2))
            except Exception as exc:  # one bad document must never stop the batch
                failure = as_failure(item.origin, exc)
        row = {"seq": seq, "origin": failure.origin, "reason": failure.reason, "detail": failure.detail}
        return DocResult(seq, item.origin, None, 0, {"failures": [row]},
                         (time.perf_counter() - t0, 0.0, 0.0))


def _spans(spans: tuple[tuple[int, int], ...]) -> list[dict[str, int]]:
    return [{"start": s, "end": e} for s, e in spans]


def article_rows(seq: int, article: Article, extraction: Extraction) -> Rows:
    """The rows of every table for one article; `to_records` is the exact inverse."""
    aid = article.id
    claims, quantities = [], []
    for c in extraction.claims:
        row = {"article_id": aid, "local_id": c.id, "nested_in": c.nested_in, "kind": c.kind,
               "source_entity_id": c.source_entity.id if c.source_entity else None,
               "source_entity_name": c.source_entity.name if c.source_entity else None,
               "confidence": c.confidence}
        for role in ("source", "cue", "content", "frame", "addressee"):
            value: Role | None = getattr(c, role)
            row[f"{role}_text"] = value.text if value else None
            row[f"{role}_spans"] = _spans(value.spans) if value else None
        claims.append(row)
        quantities += [{"article_id": aid, "claim_local_id": c.id, "position": k, "text": q.text,
                        "spans": _spans(q.spans), "low": q.low, "high": q.high, "value": q.value,
                        "unit": q.unit, "operator": q.operator} for k, q in enumerate(c.quantities)]
    return {
        "articles": [{"seq": seq, "article_id": aid, "origin": article.origin,
                      "external_id": article.external_id, "url": article.url, "title": article.title,
                      "published": article.published, "outlet": article.outlet,
                      "author": article.author, "lang": article.lang, "wire": list(article.wire),
                      "text": article.text}],
        "claims": claims,
        "entities": [{"article_id": aid, "entity_id": e.id, "name": e.name, "type": e.type,
                      "mentions": [{"text": m.text, "spans": _spans(m.spans)} for m in e.mentions]}
                     for e in extraction.entities],
        "quantities": quantities,
    }


def process_locally(targets: list[str], settings: Settings, workers: int) -> Iterator[DocResult]:
    """The local engine: in this process, or in a pool of `workers` processes, chunk by chunk,
    with at most two chunks per worker in flight so memory stays bounded."""
    items = enumerate(read_inputs(targets, settings))
    options = settings.extraction
    if workers == 1:
        process = Processor(options)
        yield from (process(seq, item) for seq, item in items)
        return
    check_extraction(options)
    with ProcessPoolExecutor(workers, get_context("spawn"), _start_worker, (options,)) as pool:
        pending: deque = deque()
        while chunk := tuple(islice(items, CHUNK)):
            pending.append(pool.submit(_process_chunk, chunk))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


_worker: Processor | None = None


def _start_worker(options: ExtractOptions) -> None:
    global _worker
    _worker = Processor(options)


def _process_chunk(chunk: tuple[tuple[int, RawDocument | IngestFailure], ...]) -> list[DocResult]:
    assert _worker is not None, "pool started without _start_worker"
    return [_worker(seq, item) for seq, item in chunk]


def prepare_out(out: Path) -> None:
    """Create the output folder; refuse one holding earlier parts (they would mix with these)."""
    if any(out.glob("*/part-*.parquet")):
        raise ClaimledgerError(f"{out} already holds batch output; choose another --out or delete it")
    for name in SCHEMAS:
        (out / name).mkdir(parents=True, exist_ok=True)


def write_parts(results: Iterable[DocResult], out: Path,
                on_item: Callable[[str, str], None] | None = None) -> BatchReport:
    """Write ordered results as part-NNNNN.parquet per table, one part per CHUNK input positions.

    Articles whose text was seen earlier in this batch are left out (their content id is the
    key), as `ingest` leaves them out of a ledger.
    """
    prepare_out(out)
    report = BatchReport()
    seen: set[str] = set()
    rows: Rows = defaultdict(list)
    part = 0
    for r in results:
        while r.seq >= (part + 1) * CHUNK:
            _write(out, part, rows, report)
            rows, part = defaultdict(list), part + 1
        for stage, s in zip(STAGES, r.seconds, strict=False):
            report.seconds[stage] += s
        if r.article_id is None:
            report.failed += 1
            row = r.rows["failures"][0]
            if len(report.failures) < 20:
                report.failures.append(IngestFailure(row["origin"], row["reason"], row["detail"]))
            status = "failed"
        elif r.article_id in seen:
            report.repeated += 1
            status = "repeated"
        else:
            seen.add(r.article_id)
            report.articles += 1
            report.claims += r.claims
            status = "added"
        if status != "repeated":
            for name, new in r.rows.items():
                rows[name] += new
        if on_item:
            on_item(r.origin, status)
    _write(out, part, rows, report)
    return report


def _write(out: Path, part: int, rows: Rows, report: BatchReport) -> None:
    t0 = time.perf_counter()
    for name, schema in SCHEMAS.items():
        table = pa.Table.from_pylist(rows.get(name, []), schema=schema)
        pq.write_table(table, out / name / f"part-{part:05d}.parquet", compression="zstd")
    report.parts += 1
    report.seconds["write"] += time.perf_counter() - t0


def _role(text: str | None, spans: list[dict] | None) -> Role | None:
    if text is None:
        return None
    return Role(text=text, spans=tuple((s["start"], s["end"]) for s in spans or ()))


def _span_tuple(spans: list[dict]) -> tuple[tuple[int, int], ...]:
    return tuple((s["start"], s["end"]) for s in spans)


def read_parts(out: Path) -> Iterator[tuple[Article, Extraction] | IngestFailure]:
    """Articles with their extraction, and failures, from batch output in input order; one part
    in memory at a time."""
    parts = sorted(p.name for p in (out / "articles").glob("part-*.parquet"))
    if not parts:
        raise ClaimledgerError(f"{out} holds no batch output; run claimledger batch ... --out {out}")
    for part in parts:
        tables = {name: pq.read_table(out / name / part).to_pylist() for name in SCHEMAS}
        # articles and failures sit in separate tables: merge them back into input order
        for _, item in sorted(_records(tables), key=lambda pair: pair[0]):
            yield item


def _records(tables: dict[str, list[dict]]) -> Iterator[tuple[int, Any]]:
    quantities: dict[tuple[str, str], list[Quantity]] = defaultdict(list)
    for q in tables["quantities"]:
        quantities[q["article_id"], q["claim_local_id"]].append(Quantity(
            text=q["text"], spans=_span_tuple(q["spans"]), low=q["low"], high=q["high"],
            unit=q["unit"], operator=q["operator"], value=q["value"]))
    claims: dict[str, list[Claim]] = defaultdict(list)
    for c in tables["claims"]:
        ref = EntityRef(c["source_entity_id"], c["source_entity_name"]) \
            if c["source_entity_id"] is not None else None
        claims[c["article_id"]].append(Claim(
            id=c["local_id"], kind=c["kind"], content=_role(c["content_text"], c["content_spans"]),
            source=_role(c["source_text"], c["source_spans"]), cue=_role(c["cue_text"], c["cue_spans"]),
            source_entity=ref, frame=_role(c["frame_text"], c["frame_spans"]),
            addressee=_role(c["addressee_text"], c["addressee_spans"]), nested_in=c["nested_in"],
            quantities=tuple(quantities.get((c["article_id"], c["local_id"]), ())),
            confidence=c["confidence"]))
    entities: dict[str, list[Entity]] = defaultdict(list)
    for e in tables["entities"]:
        entities[e["article_id"]].append(Entity(
            id=e["entity_id"], name=e["name"], type=e["type"],
            mentions=tuple(Mention(m["text"], _span_tuple(m["spans"])) for m in e["mentions"])))
    for a in tables["articles"]:
        aid = a["article_id"]
        article = Article(id=aid, origin=a["origin"], text=a["text"], title=a["title"], lang=a["lang"],
                          url=a["url"], published=a["published"], outlet=a["outlet"],
                          author=a["author"], wire=tuple(a["wire"]), external_id=a["external_id"])
        yield a["seq"], (article, Extraction(aid, a["lang"], tuple(claims.get(aid, ())),
                                             tuple(entities.get(aid, ()))))
    for f in tables["failures"]:
        yield f["seq"], IngestFailure(f["origin"], f["reason"], f["detail"])


def load_parts(out: Path, store: Store, settings: Settings,
               on_item: Callable[[str, str], None] | None = None) -> IngestReport:
    """Load batch output into a ledger through the same linking and store path as `ingest`."""
    return ingest_items(read_parts(out), store, settings, on_item)
