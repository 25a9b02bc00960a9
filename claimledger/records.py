"""Typed records that flow one way through the pipeline.

ingest -> RawDocument -> Article; extract -> Extraction (claims, entities); link -> story ids;
store persists them. Records are frozen: a stage returns new records, never mutates old ones.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

ClaimKind = Literal["direct", "indirect", "reported", "according_to", "free_indirect"]
CLAIM_KINDS: tuple[str, ...] = ("direct", "indirect", "reported", "according_to", "free_indirect")

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input item before text extraction: bytes or text plus whatever metadata came with it."""

    origin: str  # file path, URL or "path#line" for JSONL
    html: str | None = None
    text: str | None = None
    doc_id: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """A news article with clean main text and metadata, ready for extraction."""

    id: str  # content hash of the normalised text (idempotent ingest)
    origin: str
    text: str
    title: str | None
    lang: str
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None
    wire: tuple[str, ...] = ()
    external_id: str | None = None


@dataclass(frozen=True, slots=True)
class IngestFailure:
    """An input that could not become an Article, with a reason a user can act on."""

    origin: str
    reason: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Role:
    """A claim role (source, cue, content, frame, addressee): text plus character spans."""

    text: str
    spans: tuple[Span, ...]

    @classmethod
    def from_spans(cls, text: str, spans: list[Span] | tuple[Span, ...]) -> Role:
        spans = tuple(sorted((int(s), int(e)) for s, e in spans if e > s))
        return cls(text=" ".join(text[s:e] for s, e in spans), spans=spans)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure normalised to a band [low, high] (None = open) of a counted unit."""

    text: str
    spans: tuple[Span, ...]
    low: float | None
    high: float | None
    unit: str | None
    operator: str | None = None  # e.g. "more_than", "about", "up_to", "range", "exact"
    value: float | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    text: str
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Entity:
    id: str  # canonical key, stable across documents (see extract.entities.canonical_key)
    name: str
    type: str
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class EntityRef:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    kind: ClaimKind
    content: Role
    source: Role
    cue: Role
    source_entity: EntityRef | None = None
    frame: Role | None = None
    addressee: Role | None = None
    nested_in: str | None = None
    quantities: tuple[Quantity, ...] = ()
    confidence: float = 0.5


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the extractor found in one text."""

    doc_id: str
    lang: str
    claims: tuple[Claim, ...] = ()
    entities: tuple[Entity, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleLinks:
    """What the link stage decided for an article, stored with it in one transaction."""

    minhash: bytes
    band_keys: tuple[str, ...]
    story_id: int
    duplicate_of: str | None = None
    similarity: float | None = None
    vector: bytes | None = None  # float16 article embedding
    entity_counts: tuple[tuple[str, int], ...] = ()
    claim_vectors: tuple[bytes | None, ...] = ()  # per claim, in extraction order
    claim_keys: tuple[str | None, ...] = ()  # canonical source key per claim
    claim_denials: tuple[bool, ...] = ()


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one ingest run did; the CLI turns it into a summary and an exit code."""

    added: int = 0
    unchanged: int = 0
    duplicates: int = 0
    failed: int = 0
    claims: int = 0
    failures: tuple[IngestFailure, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
