"""REST API against a real SQLite ledger of the sample corpus, through the one app factory."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from api.ledger_support import client, sample_ledger
from fastapi.testclient import TestClient

from claimledger.api.models import Kind
from claimledger.records import CLAIM_KINDS
from claimledger.store import open_store


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_ledger(tmp_path_factory.mktemp("api"))


@pytest.fixture(scope="module")
def api(ledger: Path) -> TestClient:
    return client(ledger)


def problem(response, status: int) -> dict:
    """Assert a JSON problem with a message, and return it."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["status"] == status and body["error"] and body["message"]
    return body


def test_claims_page_and_totals(api: TestClient, ledger: Path) -> None:
    stats = open_store(ledger).stats()
    first = api.get("/api/claims", params={"limit": 7}).json()
    assert first["total"] == stats["claims"] and len(first["items"]) == 7
    second = api.get("/api/claims", params={"limit": 7, "offset": 7}).json()
    assert not {c["id"] for c in first["items"]} & {c["id"] for c in second["items"]}
    last = api.get("/api/claims", params={"limit": 200, "offset": stats["claims"] - 3}).json()
    assert len(last["items"]) == 3


def test_claim_shape_links_back_to_its_sentence(api: TestClient) -> None:
    claim = api.get("/api/claims", params={"limit": 1}).json()["items"][0]
    assert claim == api.get(f"/api/claims/{claim['id']}").json()
    assert claim["web_url"] == f"/articles/{claim['article']['id']}#claim-{claim['id']}"
    assert claim["kind"] in CLAIM_KINDS and claim["content"]["spans"]


@pytest.mark.parametrize(("params", "check"), [
    ({"q": "Soldaten"}, lambda c: "soldaten" in (c["content"]["text"] + c["source"]["text"]).lower()),
    ({"source": "Karadag"}, lambda c: "karadag" in (c["source"]["text"] + (
        c["source_entity"] or {}).get("name", "")).lower()),
    ({"kind": "direct"}, lambda c: c["kind"] == "direct"),
    ({"language": "en"}, lambda c: c["article"]["lang"] == "en"),
    ({"date_from": "2026-11-10", "date_to": "2026-11-12"},
     lambda c: "2026-11-10" <= c["article"]["published"][:10] <= "2026-11-12"),
])
def test_claim_filters(api: TestClient, params: dict, check) -> None:
    page = api.get("/api/claims", params={**params, "limit": 200}).json()
    assert page["total"] > 0 and page["items"]
    assert all(check(c) for c in page["items"]), params


def test_story_and_entity_filters(api: TestClient) -> None:
    story = api.get("/api/stories", params={"limit": 1}).json()["items"][0]
    in_story = api.get("/api/claims", params={"story": story["id"], "limit": 200}).json()
    assert in_story["total"] == story["claims"]
    assert all(c["article"]["story_id"] == story["id"] for c in in_story["items"])
    entity = api.get("/api/entities", params={"limit": 1}).json()["items"][0]
    by = api.get("/api/claims", params={"entity": entity["id"], "limit": 200}).json()
    assert by["total"] == entity["claims"] > 0
    assert {c["source_entity"]["id"] for c in by["items"]} == {entity["id"]}


def test_search_input_is_data_not_syntax(api: TestClient) -> None:
    for q in ['"', "NEAR(", "a OR", "*", "'; DROP TABLE claims; --", "%_%"]:
        assert api.get("/api/claims", params={"q": q}).status_code == 200
        assert api.get("/api/claims", params={"source": q}).status_code == 200
    assert api.get("/api/claims", params={"source": "%_%"}).json()["total"] == 0  # LIKE chars literal
    assert api.get("/api/claims").json()["total"] > 0


def test_article_text_with_claim_spans(api: TestClient) -> None:
    claim = api.get("/api/claims", params={"q": "Soldaten", "limit": 1}).json()["items"][0]
    article = api.get(f"/api/articles/{claim['article']['id']}").json()
    assert article["title"] and article["text"] and "minhash" not in article
    assert claim["id"] in {c["id"] for c in article["claims"]}
    for c in article["claims"]:
        for role in ("source", "cue", "content"):
            pieces = [article["text"][s:e] for s, e in c[role]["spans"]]
            assert " ".join(pieces) == c[role]["text"]


def test_stories_and_story_detail(api: TestClient) -> None:
    stories = api.get("/api/stories").json()
    assert stories["total"] == len(stories["items"]) > 0
    story = max(stories["items"], key=lambda s: s["articles"])
    detail = api.get(f"/api/stories/{story['id']}").json()
    dates = [a["published"] for a in detail["articles"]]
    assert dates == sorted(dates) and len(dates) == story["articles"]
    grouped = [c for g in detail["sources"] for c in g["claims"]]
    assert len(grouped) == story["claims"]
    sizes = [len(g["claims"]) for g in detail["sources"]]
    assert sizes == sorted(sizes, reverse=True)


def test_entities_and_entity_detail(api: TestClient) -> None:
    found = api.get("/api/entities", params={"q": "Karadag"}).json()["items"]
    entity = next(e for e in found if e["type"] == "person")
    detail = api.get(f"/api/entities/{entity['id']}").json()
    assert {"de", "en"} <= set(detail["languages"])
    assert detail["claims_by"]["total"] == entity["claims"]
    assert all(c["source_entity"]["id"] == entity["id"] for c in detail["claims_by"]["items"])
    assert all((c["source_entity"] or {}).get("id") != entity["id"]
               for c in detail["claims_about"]["items"])


def test_disagreements_shape(api: TestClient) -> None:
    page = api.get("/api/disagreements", params={"limit": 5}).json()
    assert set(page) == {"total", "limit", "offset", "items"}
    for d in page["items"]:
        assert d["kind"] and len(d["sides"]) == 2
        assert all(side["web_url"].startswith("/articles/") for side in d["sides"])


def test_disagreements_empty_before_the_linking_stage(tmp_path: Path) -> None:
    path = sample_ledger(tmp_path)
    raw = sqlite3.connect(path)
    raw.execute("DROP TABLE IF EXISTS disagreements")
    raw.commit()
    raw.close()
    page = client(path).get("/api/disagreements").json()
    assert page == {"total": 0, "limit": 50, "offset": 0, "items": []}


@pytest.mark.parametrize("url", ["/api/claims/999999999", "/api/articles/a0000000000000000",
                                 "/api/stories/999999", "/api/entities/no-such-entity", "/api/nothing"])
def test_not_found_is_a_json_problem(api: TestClient, url: str) -> None:
    assert problem(api.get(url), 404)["message"].startswith(("no ", "nothing at"))


@pytest.mark.parametrize(("url", "where"), [
    ("/api/claims?limit=0", "limit"), ("/api/claims?limit=201", "limit"), ("/api/claims?offset=-1", "offset"),
    ("/api/claims?kind=rumour", "kind"), ("/api/claims?language=EN1", "language"),
    ("/api/claims?date_from=2026-13-01", "date_from"), ("/api/claims?story=0", "story"),
    ("/api/claims/abc", "claim_id"), ("/api/stories/-1", "story_id"), (f"/api/claims?q={'x' * 201}", "q"),
    ("/api/claims/99999999999999999999", "claim_id"),
])
def test_invalid_parameters_are_422_with_a_message(api: TestClient, url: str, where: str) -> None:
    body = problem(api.get(url), 422)
    assert f"'{where}'" in body["message"] and body["details"]


def test_kinds_match_the_records() -> None:
    assert tuple(k.value for k in Kind) == CLAIM_KINDS


def test_openapi_describes_every_route(api: TestClient) -> None:
    schema = api.get("/openapi.json").json()
    assert {"/api/claims", "/api/claims/{claim_id}", "/api/articles/{article_id}", "/api/stories",
            "/api/stories/{story_id}", "/api/entities", "/api/entities/{entity_id}",
            "/api/disagreements", "/api/ingest"} == set(schema["paths"])
    ingest = schema["paths"]["/api/ingest"]["post"]
    assert ingest["security"] and {"401", "403", "415", "422"} <= set(ingest["responses"])
    assert api.get("/docs").status_code == 404  # Swagger UI loads from a CDN: not served


def test_security_headers_everywhere(api: TestClient) -> None:
    for url in ("/api/claims?limit=1", "/", "/api/claims/0", "/static/app.css"):
        headers = api.get(url).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize(("host", "status"), [
    ("127.0.0.1:8000", 200), ("localhost", 200), ("[::1]:8000", 200),
    ("evil.example", 400), ("192.168.1.2:8000", 400), ("", 400),
])
def test_without_token_only_loopback_host_names_are_served(api: TestClient, host: str,
                                                           status: int) -> None:
    """Stops DNS rebinding: a page on evil.example resolving to 127.0.0.1 cannot read the ledger."""
    assert api.get("/api/stories", headers={"host": host}).status_code == status
