"""REST routes under /api: thin wrappers over the store's read methods and the ingest pipeline."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, HTTPException, Path, Query, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BeforeValidator, Field

from claimledger import pipeline
from claimledger.api import models, shapes
from claimledger.api.ledger import ledger
from claimledger.api.security import token_matches
from claimledger.errors import InputRejected
from claimledger.ingest import record_to_raw
from claimledger.records import IngestFailure, RawDocument

MAX_ID = 2**63 - 1
MAX_OFFSET = 1_000_000_000
MAX_DOCUMENTS = 1000
LANG_PATTERN = r"^[a-z]{2,3}$"

router = APIRouter(prefix="/api")
bearer_scheme = HTTPBearer(auto_error=False, description="The token given to `claimledger serve`.")

NOT_FOUND = {404: {"model": models.Problem, "description": "No such item"}}
INVALID = {422: {"model": models.Problem, "description": "A parameter is invalid"}}
DENIED = {401: {"model": models.Problem, "description": "Missing or wrong bearer token"},
          403: {"model": models.Problem, "description": "Ingest is disabled (server has no token)"}}



def _iso_day(value: object) -> object:
    """Only YYYY-MM-DD: pydantic would also read '0' as a Unix time, which no one means here."""
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("use a date as YYYY-MM-DD")
    return value


Day = Annotated[date, BeforeValidator(_iso_day)]
Limit = Annotated[int, Query(ge=1, le=200, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]


@router.get("/claims", response_model=models.ClaimPage, responses=INVALID, tags=["claims"])
def list_claims(
    request: Request,
    q: Annotated[str | None, Query(max_length=200, description="Words in content or source.")] = None,
    source: Annotated[str | None, Query(max_length=200, description="Source text or name contains.")] = None,
    entity: Annotated[str | None, Query(max_length=300, description="Source entity id (exact).")] = None,
    story: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    kind: models.Kind | None = None,
    language: Annotated[str | None, Query(pattern=LANG_PATTERN, description="Article language.")] = None,
    date_from: Annotated[Day | None, Query(description="Published on or after (YYYY-MM-DD).")] = None,
    date_to: Annotated[Day | None, Query(description="Published on or before (YYYY-MM-DD).")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Claims matching every given filter, oldest article first."""
    with ledger(request).open() as store:
        rows, total = store.find_claims(
            search=q, source=source, entity=entity, story=story, kind=kind.value if kind else None,
            lang=language, date_from=date_from.isoformat() if date_from else None,
            date_to=date_to.isoformat() if date_to else None, limit=limit, offset=offset)
    return shapes.page([shapes.claim(r) for r in rows], total, limit, offset)


@router.get("/claims/{claim_id}", response_model=models.Claim, responses=NOT_FOUND | INVALID,
            tags=["claims"])
def get_claim(request: Request, claim_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> dict[str, Any]:
    with ledger(request).open() as store:
        row = store.claim(claim_id)
    if row is None:
        raise HTTPException(404, f"no claim with id {claim_id}")
    return shapes.claim(row)


@router.get("/articles/{article_id}", response_model=models.Article, responses=NOT_FOUND | INVALID,
            tags=["articles"])
def get_article(request: Request, article_id: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    """The article's text and every claim in it with character spans into that text."""
    with ledger(request).open() as store:
        article = store.article(article_id)
        if article is None:
            raise HTTPException(404, f"no article with id {article_id!r}")
        rows, _ = store.find_claims(article=article_id, limit=MAX_OFFSET)
    return {**article, "claims": [shapes.claim(r) for r in rows]}


@router.get("/stories", response_model=models.StoryPage, responses=INVALID, tags=["stories"])
def list_stories(request: Request, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    with ledger(request).open() as store:
        rows, total = store.find_stories(limit=limit, offset=offset)
    return shapes.page(rows, total, limit, offset)


@router.get("/stories/{story_id}", response_model=models.StoryDetail, responses=NOT_FOUND | INVALID,
            tags=["stories"])
def get_story(request: Request, story_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> dict[str, Any]:
    """A story's articles in timeline order, who said what (grouped by source), and the claims
    reported by several articles (claim groups, oldest report first)."""
    with ledger(request).open() as store:
        story = store.story(story_id)
        if story is None:
            raise HTTPException(404, f"no story with id {story_id}")
        rows, _ = store.find_claims(story=story_id, limit=MAX_OFFSET)
        groups = store.claim_groups(story_id=story_id)
    return shapes.story_detail(story, [shapes.claim(r) for r in rows], groups)


@router.get("/entities", response_model=models.EntityPage, responses=INVALID, tags=["entities"])
def list_entities(
    request: Request,
    q: Annotated[str | None, Query(max_length=200, description="Name or id contains.")] = None,
    type: Annotated[str | None, Query(max_length=40, description="person, organisation, ...")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    with ledger(request).open() as store:
        rows, total = store.find_entities(search=q, type=type, limit=limit, offset=offset)
    return shapes.page(rows, total, limit, offset)


@router.get("/entities/{entity_id}", response_model=models.EntityDetail,
            responses=NOT_FOUND | INVALID, tags=["entities"])
def get_entity(request: Request, entity_id: Annotated[str, Path(max_length=300)],
               limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Claims by the entity and claims about it, in every language; one page of each."""
    with ledger(request).open() as store:
        entity = store.entity(entity_id)
        if entity is None:
            raise HTTPException(404, f"no entity with id {entity_id!r}")
        by, n_by = store.find_claims(entity=entity_id, limit=limit, offset=offset)
        about, n_about = store.claims_about(entity_id, limit=limit, offset=offset)
    return {**entity,
            "claims_by": shapes.page([shapes.claim(r) for r in by], n_by, limit, offset),
            "claims_about": shapes.page([shapes.claim(r) for r in about], n_about, limit, offset)}


@router.get("/disagreements", response_model=models.DisagreementPage, responses=INVALID,
            tags=["disagreements"])
def list_disagreements(request: Request, story: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
                       limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Claims that contradict each other (figures that cannot both be right, denials).

    An empty page until the linking stage has found some."""
    with ledger(request).open() as store:
        rows, total = store.find_disagreements(story=story, limit=limit, offset=offset)
    return shapes.page([shapes.disagreement(r) for r in rows], total, limit, offset)


def require_ingest_token(
    request: Request, credentials: HTTPAuthorizationCredentials | None = Security(bearer_scheme),
) -> None:
    """Writes need the server's token in the Authorization header; no token, no writes."""
    token = request.app.state.token
    if token is None:
        raise HTTPException(403, "ingest is disabled: start `claimledger serve` with --token (or "
                                 "CLAIMLEDGER_TOKEN) and send 'Authorization: Bearer TOKEN'")
    if credentials is None or not token_matches(credentials.credentials, token):
        raise HTTPException(401, "send the server's token as 'Authorization: Bearer TOKEN'",
                            headers={"WWW-Authenticate": "Bearer"})
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
        raise HTTPException(415, "send the documents as JSON with 'Content-Type: application/json'")


Documents = Annotated[list[models.IngestDocument], Field(max_length=MAX_DOCUMENTS)]


@router.post("/ingest", response_model=models.IngestResult, tags=["ingest"],
             dependencies=[Depends(require_ingest_token)],
             responses=DENIED | INVALID | {
                 400: {"model": models.Problem, "description": "Body is not UTF-8 JSON"},
                 413: {"model": models.Problem, "description": "Request body too large"},
                 415: {"model": models.Problem, "description": "Body is not JSON"}})
def ingest(request: Request,
           documents: Annotated[Documents | models.IngestDocument, Body(
               description="One document or a list, with the fields of a JSONL ingest line.")],
           ) -> dict[str, Any]:
    """Add documents to the ledger like `claimledger ingest` does with a JSONL file.

    Bad documents are quarantined and listed in `failures`; the others are stored."""
    docs = documents if isinstance(documents, list) else [documents]
    items = [_raw(doc, n) for n, doc in enumerate(docs, 1)]
    target = ledger(request)
    with target.write_lock, target.open() as store:
        report = pipeline.ingest_items(items, store, request.app.state.settings)
    return report.as_dict()


def _raw(doc: models.IngestDocument, n: int) -> RawDocument | IngestFailure:
    origin = f"api:{doc.id}" if doc.id is not None else f"api#{n}"
    try:
        return record_to_raw(doc.model_dump(exclude_none=True), origin)
    except InputRejected as exc:
        return IngestFailure(exc.origin, exc.reason, exc.detail)
