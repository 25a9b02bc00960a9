"""The token: who may read, who may write, and POST /api/ingest behind it."""

from __future__ import annotations

from pathlib import Path

import pytest
from api.ledger_support import TOKEN, client, sample_ledger

from claimledger.api import app as app_module
from claimledger.api.security import check_bind
from claimledger.errors import ClaimledgerError

AUTH = {"Authorization": f"Bearer {TOKEN}"}
DOC = {"id": "n1", "title": "Hafen", "outlet": "Testblatt", "published": "2026-12-01", "lang": "de",
       "text": "Der Hafen bleibt geschlossen. Die Gewerkschaft sagte, 2.400 Beschäftigte würden streiken."}


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    return sample_ledger(tmp_path)


def test_every_request_needs_the_token(ledger: Path) -> None:
    api = client(ledger, TOKEN)
    for url in ("/api/claims", "/openapi.json", "/api/stories/1"):
        r = api.get(url)
        assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
        assert r.json()["error"] == "unauthorized"
        assert api.get(url, headers={"Authorization": "Bearer wrong-token-0123456789"}).status_code == 401
        assert api.get(url, headers=AUTH).status_code != 401
    assert api.get("/static/app.css").status_code == 200  # our CSS and script are public


def test_with_a_token_any_host_name_is_served(ledger: Path) -> None:
    api = client(ledger, TOKEN)
    assert api.get("/api/claims", headers={**AUTH, "host": "ledger.lan:8000"}).status_code == 200


def test_browser_logs_in_once_and_reads_with_a_cookie(ledger: Path) -> None:
    web = client(ledger, TOKEN)
    r = web.get("/stories?page=1", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login?next=/stories%3Fpage%3D1"
    assert web.post("/login", data={"token": "nope", "next": "/stories"}).status_code == 401
    r = web.post("/login", data={"token": TOKEN, "next": "/stories"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/stories"
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and TOKEN not in cookie
    assert web.get("/stories").status_code == 200 and web.get("/api/claims").status_code == 200
    # the cookie alone cannot write: a cross-site form could carry it, never the header
    assert web.post("/api/ingest", json=[DOC]).status_code == 401


def test_login_never_redirects_off_site(ledger: Path) -> None:
    web = client(ledger, TOKEN)
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        r = web.post("/login", data={"token": TOKEN, "next": target}, follow_redirects=False)
        assert r.headers["location"] == "/"


def test_ingest_is_off_without_a_token(ledger: Path) -> None:
    r = client(ledger).post("/api/ingest", json=[DOC])
    assert r.status_code == 403 and "--token" in r.json()["message"]


def test_ingest_adds_documents_and_quarantines_bad_ones(ledger: Path) -> None:
    api = client(ledger, TOKEN)
    before = api.get("/api/claims", headers=AUTH).json()["total"]
    r = api.post("/api/ingest", headers=AUTH, json=[DOC, {"id": "n2", "title": "no body"}])
    assert r.status_code == 200, r.text
    report = r.json()
    assert (report["added"], report["failed"]) == (1, 1) and report["claims"] >= 1
    assert report["failures"][0]["origin"] == "api:n2" and report["failures"][0]["reason"] == "bad-record"
    found = api.get("/api/claims", headers=AUTH, params={"q": "Beschäftigte"}).json()
    assert found["items"][0]["article"]["outlet"] == "Testblatt"
    assert api.get("/api/claims", headers=AUTH).json()["total"] == before + report["claims"]
    again = api.post("/api/ingest", headers=AUTH, json=DOC).json()  # one object works too
    assert (again["added"], again["unchanged"]) == (0, 1)


@pytest.mark.parametrize(("body", "headers", "status"), [
    (b'[{"text": "x"}]', {"content-type": "text/plain"}, 415),
    (b"[{", {"content-type": "application/json"}, 422),
    (b'{"documents": 5}', {"content-type": "application/json"}, 200),  # quarantined: no html or text
    (b'[{"text": 5}]', {"content-type": "application/json"}, 422),
])
def test_ingest_rejects_what_it_cannot_read(ledger: Path, body: bytes, headers: dict, status: int) -> None:
    r = client(ledger, TOKEN).post("/api/ingest", content=body, headers={**AUTH, **headers})
    assert r.status_code == status, r.text
    if status != 200:
        assert r.json()["message"]


def test_too_many_documents_or_bytes(ledger: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    api = client(ledger, TOKEN)
    r = api.post("/api/ingest", headers=AUTH, json=[DOC] * 1001)
    assert r.status_code == 422
    monkeypatch.setattr(app_module, "MAX_BODY_BYTES", 100)
    r = api.post("/api/ingest", headers=AUTH, json=[DOC])
    assert r.status_code == 413 and "MB" in r.json()["message"]


@pytest.mark.parametrize(("host", "token", "ok"), [
    ("127.0.0.1", None, True), ("localhost", None, True), ("::1", None, True),
    ("0.0.0.0", None, False), ("192.168.0.10", None, False), ("::", None, False),
    ("0.0.0.0", TOKEN, True), ("127.0.0.1", "short", False),
])
def test_binding_beyond_loopback_needs_a_token(host: str, token: str | None, ok: bool) -> None:
    if ok:
        check_bind(host, token)
    else:
        with pytest.raises(ClaimledgerError, match="token"):
            check_bind(host, token)
