"""Response and request shapes of the REST API; they are the OpenAPI schema at /openapi.json."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Kind(StrEnum):
    """Claim kinds, as in records.CLAIM_KINDS (a test keeps the two equal)."""

    direct = "direct"
    indirect = "indirect"
    reported = "reported"
    according_to = "according_to"
    free_indirect = "free_indirect"

MAX_DOCUMENT_CHARS = 5_000_000


class Problem(BaseModel):
    """Every error: a stable code, a sentence saying what to do, the HTTP status."""

    error: str = Field(examples=["not_found"])
    message: str = Field(examples=["no claim with id 12345"])
    status: int
    details: list[dict[str, Any]] = Field(default_factory=list)


class Role(BaseModel):
    text: str
    spans: list[tuple[int, int]] = Field(description="character offsets [start, end) in the article text")


class Figure(BaseModel):
    """A figure normalised to a band [low, high]; None is an open end."""

    text: str
    start: int
    end: int
    low: float | None
    high: float | None
    value: float | None
    unit: str | None
    operator: str | None


class EntityRef(BaseModel):
    id: str
    name: str


class ArticleRef(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    lang: str
    published: str | None
    story_id: int | None


class Claim(BaseModel):
    """Who said what according to which article, with the figures in the content."""

    id: int
    local_id: str = Field(description="c1, c2 ... within the article, as in `extract` output")
    kind: str
    source: Role
    source_entity: EntityRef | None
    cue: Role
    content: Role
    nested_in: str | None = Field(description="local id of the claim this one is reported inside")
    confidence: float
    figures: list[Figure]
    article: ArticleRef
    web_url: str = Field(description="the claim highlighted in its article in the web UI")


class Page(BaseModel):
    total: int
    limit: int
    offset: int


class ClaimPage(Page):
    items: list[Claim]


class Article(BaseModel):
    id: str
    external_id: str | None
    url: str | None
    title: str | None
    lang: str
    published: str | None
    outlet: str | None
    author: str | None
    wire: list[str]
    story_id: int | None
    duplicate_of: str | None
    similarity: float | None
    ingested_at: str
    text: str
    claims: list[Claim]


class EntitySummary(BaseModel):
    id: str
    name: str
    type: str
    mentions: int
    claims: int


class EntityPage(Page):
    items: list[EntitySummary]


class EntityDetail(EntitySummary):
    languages: list[str]
    names: list[str] = Field(description="how articles refer to the entity, most frequent first")
    claims_by: ClaimPage
    claims_about: ClaimPage


class StoryEntity(BaseModel):
    id: str
    name: str
    type: str
    mentions: int


class StorySummary(BaseModel):
    id: int
    label: str
    articles: int
    claims: int
    first_published: str | None
    last_published: str | None
    languages: list[str]
    entities: list[StoryEntity]


class StoryPage(Page):
    items: list[StorySummary]


class StoryArticle(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    lang: str
    published: str | None
    url: str | None
    wire: list[str]
    duplicate_of: str | None
    similarity: float | None
    claims: int


class SourceGroup(BaseModel):
    """All claims of one source in a story (an entity, or the source text when unresolved)."""

    key: str
    name: str
    entity: EntityRef | None
    claims: list[Claim]


class GroupReport(BaseModel):
    """One article's report of a claim group's statement."""

    claim_id: int
    source: str = Field(description="the source as this report names it")
    content: str
    kind: str
    article_id: str
    outlet: str | None
    lang: str
    published: str | None
    title: str | None
    web_url: str


class ClaimGroup(BaseModel):
    """The same claim reported by several articles (also across languages), oldest report first."""

    id: int
    origin: str = Field(description="the source of the earliest report")
    first_seen: str | None
    reports: list[GroupReport]


class StoryDetail(BaseModel):
    id: int
    label: str
    created_at: str
    articles: list[StoryArticle]
    entities: list[StoryEntity]
    sources: list[SourceGroup]
    claim_groups: list[ClaimGroup]


class Disagreement(BaseModel):
    """Two claims that cannot both be right: side a is the earlier or denied one."""

    id: int
    story_id: int
    kind: str = Field(description="figures | denial")
    subject: str
    detail: dict[str, Any]
    sides: list[Claim]


class DisagreementPage(Page):
    items: list[Disagreement]


class IngestDocument(BaseModel):
    """One document, the same fields as a JSONL ingest line; needs `html` or `text`."""

    model_config = ConfigDict(extra="ignore", strict=True)

    id: str | int | None = None
    url: str | None = Field(default=None, max_length=4096)
    html: str | None = Field(default=None, max_length=MAX_DOCUMENT_CHARS)
    text: str | None = Field(default=None, max_length=MAX_DOCUMENT_CHARS)
    title: str | None = Field(default=None, max_length=4096)
    published: str | None = Field(default=None, max_length=64)
    outlet: str | None = Field(default=None, max_length=512)
    lang: str | None = Field(default=None, max_length=16)


class IngestFailure(BaseModel):
    origin: str
    reason: str
    detail: str


class IngestResult(BaseModel):
    added: int
    unchanged: int
    duplicates: int
    failed: int
    claims: int
    failures: list[IngestFailure]
