"""Server-rendered pages over the same store reads and shapes as the REST API."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from claimledger.api import shapes
from claimledger.api.ledger import ledger
from claimledger.api.security import COOKIE, session_value, token_matches
from claimledger.records import CLAIM_KINDS
from claimledger.store import Store
from claimledger.web import highlight, views
from claimledger.web.render import page

router = APIRouter(include_in_schema=False)
ALL = 1_000_000
STORY_CLAIMS = 2000  # a page beyond this is unreadable; the search pages through all of them
DISAGREEMENTS_PER_PAGE = 20


def _id(value: str, what: str) -> int:
    if not (value.isascii() and value.isdigit()) or not 1 <= int(value) < 2**62:  # not "²"
        raise HTTPException(404, f"no {what} with id {value!r}")
    return int(value)


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    with ledger(request).open() as store:
        stats = store.stats()
        stories, n_stories = store.find_stories(limit=12)
        disagreements = store.find_disagreements(limit=1)[1]
        languages = store.languages()
    return page(request, "home.html", title="Overview", stats=stats, stories=stories,
                n_stories=n_stories, disagreements=disagreements, languages=languages)


@router.get("/claims", response_class=HTMLResponse)
def claims(request: Request) -> Response:
    form = views.ClaimSearch.parse(request.query_params)
    with ledger(request).open() as store:
        rows, total = store.find_claims(**form.store_args())
        languages = store.languages()
        story = store.story(form.story) if form.story else None
        entity = store.entity(form.entity) if form.entity else None
    return page(request, "claims.html", title="Claims", form=form, kinds=CLAIM_KINDS,
                claims=[shapes.claim(r) for r in rows], paging=views.pages(total, form.page),
                languages=languages, story=story, entity=entity)


@router.get("/stories", response_class=HTMLResponse)
def stories(request: Request) -> Response:
    number = views.int_param(request.query_params, "page", 1, views.MAX_PAGE) or 1
    with ledger(request).open() as store:
        rows, total = store.find_stories(limit=views.PER_PAGE, offset=(number - 1) * views.PER_PAGE)
    return page(request, "stories.html", title="Stories", stories=rows,
                paging=views.pages(total, number), params={})


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str) -> Response:
    sid = _id(story_id, "story")
    with ledger(request).open() as store:
        found = store.story(sid)
        if found is None:
            raise HTTPException(404, f"no story with id {sid}")
        rows, total = store.find_claims(story=sid, limit=STORY_CLAIMS)
        n_disagreements = store.find_disagreements(story=sid, limit=1)[1]
        groups = [shapes.claim_group(g) for g in store.claim_groups(story_id=sid)]
    claims = [shapes.claim(r) for r in rows]
    return page(request, "story.html", title=found["label"], story=found, groups=groups,
                sources=shapes.by_source(claims), n_claims=total, shown=len(claims),
                timeline=views.timeline(found["articles"]), charts=views.charts(claims),
                n_disagreements=n_disagreements,
                outlets=sorted({a["outlet"] or "?" for a in found["articles"]}))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str) -> Response:
    with ledger(request).open() as store:
        found = store.article(article_id[:64])
        if found is None:
            raise HTTPException(404, f"no article with id {article_id[:64]!r}")
        rows, _ = store.find_claims(article=found["id"], limit=ALL)
        story = store.story(found["story_id"]) if found["story_id"] else None
        original = store.article(found["duplicate_of"]) if found["duplicate_of"] else None
    claims = [shapes.claim(r) for r in rows]
    body, anchored = highlight.render(found["text"], claims, found["lang"])
    return page(request, "article.html", title=found["title"] or found["id"], article=found,
                body=body, anchored=anchored, tree=views.claim_tree(claims), n_claims=len(claims),
                story=story,
                original=original)


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request) -> Response:
    params = request.query_params
    q, kind = views.text_param(params, "q"), views.text_param(params, "type")
    number = views.int_param(params, "page", 1, views.MAX_PAGE) or 1
    with ledger(request).open() as store:
        rows, total = store.find_entities(search=q, type=kind, limit=views.PER_PAGE,
                                          offset=(number - 1) * views.PER_PAGE)
    return page(request, "entities.html", title="Entities", entities=rows, q=q, type=kind,
                paging=views.pages(total, number), params={"q": q, "type": kind})


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity(request: Request, entity_id: str) -> Response:
    with ledger(request).open() as store:
        found = store.entity(entity_id[:300])
        if found is None:
            raise HTTPException(404, f"no entity with id {entity_id[:300]!r}")
        by, n_by = store.find_claims(entity=found["id"], limit=500)
        about, n_about = store.claims_about(found["id"], limit=500)
    return page(request, "entity.html", title=found["name"], entity=found,
                by=views.by_language(shapes.claim(r) for r in by), n_by=n_by,
                about=views.by_language(shapes.claim(r) for r in about), n_about=n_about)


@router.get("/disagreements", response_class=HTMLResponse)
def disagreements(request: Request) -> Response:
    params = request.query_params
    sid = views.int_param(params, "story")
    number = views.int_param(params, "page", 1, views.MAX_PAGE) or 1
    with ledger(request).open() as store:
        rows, total = store.find_disagreements(story=sid, limit=DISAGREEMENTS_PER_PAGE,
                                               offset=(number - 1) * DISAGREEMENTS_PER_PAGE)
        groups = _by_story(store, [shapes.disagreement(r) for r in rows])
    last = max(1, -(-total // DISAGREEMENTS_PER_PAGE))
    return page(request, "disagreements.html", title="Disagreements", groups=groups, total=total,
                paging={"page": number, "last": last, "total": total}, params={"story": sid})


def _by_story(store: Store, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Disagreements per story, with charts of the figures each figure disagreement is about."""
    groups: dict[int, dict[str, Any]] = {}
    for d in items:
        groups.setdefault(d["story_id"], {"items": []})["items"].append(d)
    for sid, group in groups.items():
        story = store.story(sid)
        group["story"] = {"id": sid, "label": story["label"] if story else f"story {sid}"}
        units = {d["subject"] for d in group["items"] if d["kind"] == "figures"}
        emphasis = frozenset(s["id"] for d in group["items"] if d["kind"] == "figures"
                             for s in d["sides"])
        rows, _ = store.find_claims(story=sid, limit=STORY_CLAIMS) if units else ([], 0)
        group["charts"] = views.charts([shapes.claim(r) for r in rows], units, emphasis=emphasis,
                                       min_sources=1, limit=len(units))
    return list(groups.values())


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> Response:
    if request.app.state.token is None:
        return RedirectResponse("/", status_code=303)
    return page(request, "login.html", title="Log in", next=_local(request.query_params.get("next")),
                failed=False)


@router.post("/login", response_class=HTMLResponse)
async def login(request: Request) -> Response:
    """Trade the token for a cookie that lets this browser read pages (writes need the header)."""
    token = request.app.state.token
    if token is None:
        return RedirectResponse("/", status_code=303)
    form = parse_qs((await request.body()).decode("utf-8", errors="replace"))
    target = _local((form.get("next") or ["/"])[0])
    if not token_matches((form.get("token") or [""])[0].strip(), token):
        return page(request, "login.html", status=401, title="Log in", next=target, failed=True)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(COOKIE, session_value(token), httponly=True, samesite="strict",
                        secure=request.url.scheme == "https", path="/")
    return response


def _local(target: str | None) -> str:
    """Only redirect to a path on this server (no open redirect to another site)."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return "/"
    return target
