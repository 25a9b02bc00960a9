"""End to end in real headless Chromium against the real server (uvicorn) on the sample corpus.

Skipped only when Debian's chromium is not installed. With CLAIMLEDGER_SCREENSHOTS=1 the
screenshots go to docs/screenshots/ (see docs/web.md); otherwise to a temporary folder.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from api.ledger_support import ROOT, TOKEN, running, sample_ledger
from hostile import DOCUMENTS

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AUTH = {"Authorization": f"Bearer {TOKEN}"}
TARGET_RED = "rgb(179, 38, 30)"
SCREENSHOTS = os.environ.get("CLAIMLEDGER_SCREENSHOTS") == "1"

if not CHROMIUM.exists():
    pytest.skip("Chromium is not installed (apt-get install chromium): browser tests skipped",
                allow_module_level=True)

from playwright.sync_api import Browser, ConsoleMessage, Page, expect, sync_playwright  # noqa: E402


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if SCREENSHOTS:
        return ROOT / "docs" / "screenshots"
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real server with a token, on the samples plus hostile documents posted to the API."""
    ledger = sample_ledger(tmp_path_factory.mktemp("e2e"), accurate=SCREENSHOTS)
    with running(ledger, token=TOKEN) as base:
        report = httpx.post(f"{base}/api/ingest", json=DOCUMENTS, headers=AUTH, timeout=120).json()
        assert report["added"] == 2, report
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


class Watch:
    """Everything a page did that it should not: script errors, dialogs, CSP reports."""

    def __init__(self, page: Page) -> None:
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.console: list[str] = []
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("console", self._console)

    def _console(self, msg: ConsoleMessage) -> None:
        self.console.append(msg.text)


def login(browser: Browser, site: str, viewport: dict | None = None) -> tuple[Page, Watch]:
    """A fresh browser that logs in through the form, as a person would."""
    context = browser.new_context(base_url=site, viewport=viewport or {"width": 1280, "height": 800})
    page = context.new_page()
    watch = Watch(page)
    page.goto("/")
    expect(page).to_have_url(f"{site}/login?next=/")
    page.get_by_label("Token").fill(TOKEN)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(f"{site}/")
    return page, watch


@pytest.fixture
def page(browser: Browser, site: str) -> Iterator[tuple[Page, Watch]]:
    page, watch = login(browser, site)
    yield page, watch
    page.context.close()


def api(site: str, path: str, **params: object) -> dict:
    return httpx.get(f"{site}{path}", params=params, headers=AUTH, timeout=30).json()


def deep_claim(site: str, story_id: int) -> dict:
    """A claim of the story far down its article, so landing on it needs a scroll."""
    claims = api(site, "/api/claims", story=story_id, limit=200)["items"]
    return max(claims, key=lambda c: c["content"]["spans"][0][0] if c["content"]["spans"] else 0)


def test_search_open_story_click_claim_land_on_highlighted_sentence(
        page: tuple[Page, Watch], site: str, shots: Path) -> None:
    pg, watch = page
    pg.screenshot(path=shots / "home.png")
    pg.get_by_label("Search what was said").fill("Soldaten")
    pg.keyboard.press("Enter")
    expect(pg).to_have_url(f"{site}/claims?q=Soldaten")
    expect(pg.get_by_role("status")).to_contain_text("claims")
    assert pg.locator("table.claims tbody tr").count() > 0
    pg.screenshot(path=shots / "claims.png")

    story = max(api(site, "/api/stories")["items"], key=lambda s: (len(s["languages"]), s["articles"]))
    pg.get_by_role("navigation", name="Main").get_by_role("link", name="Stories").click()
    pg.get_by_role("link", name=story["label"], exact=True).first.click()
    expect(pg).to_have_url(f"{site}/stories/{story['id']}")
    expect(pg.get_by_role("heading", level=1)).to_have_text(story["label"])
    pg.screenshot(path=shots / "story.png")

    claim = deep_claim(site, story["id"])
    pg.locator(f'table.who-said-what a[href="{claim["web_url"]}"]').first.click()
    expect(pg).to_have_url(f"{site}{claim['web_url']}")
    anchor = pg.locator(f"#claim-{claim['id']}")
    expect(anchor).to_be_in_viewport()
    assert pg.evaluate("document.querySelector(':target').id") == f"claim-{claim['id']}"
    sentence = pg.locator(".unit", has=anchor)
    assert sentence.evaluate("el => getComputedStyle(el).outlineColor") == TARGET_RED
    assert sentence.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
    parts = pg.locator(f'.text [data-claims~="{claim["id"]}"]')
    assert parts.count() >= 1
    for i in range(parts.count()):
        expect(parts.nth(i)).to_have_class(re.compile(r"\bis-target\b"))
    expect(pg.locator(f"#item-claim-{claim['id']}")).to_have_class(re.compile(r"\bis-target\b"))
    pg.screenshot(path=shots / "article.png")
    assert not watch.errors and not watch.dialogs


def test_keyboard_skip_link_focus_and_claim_list(page: tuple[Page, Watch], site: str) -> None:
    pg, _ = page
    pg.keyboard.press("Tab")
    focused = pg.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    assert pg.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    pg.keyboard.press("Enter")
    assert pg.evaluate("document.activeElement.id") == "main"
    pg.keyboard.press("Tab")
    assert pg.evaluate("document.activeElement.id") == "home-q"
    assert pg.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"

    claim = api(site, "/api/claims", q="Soldaten", limit=1)["items"][0]
    pg.goto(f"/articles/{claim['article']['id']}")
    item = pg.locator(f"#item-claim-{claim['id']} > a.badge")
    item.focus()
    pg.keyboard.press("Enter")
    expect(pg).to_have_url(f"{site}{claim['web_url']}")
    expect(pg.locator(f"#claim-{claim['id']}")).to_be_in_viewport()


def _assert_nothing_ran(pg: Page, watch: Watch, where: str) -> None:
    assert pg.evaluate("window.__pwned") is None, where
    assert pg.title() != "pwned" and pg.title().endswith("· claimledger"), where  # title set by us
    scripts = pg.evaluate("Array.from(document.scripts, s => s.src)")
    assert scripts == [f"{pg.url.split('/', 3)[0]}//{pg.url.split('/', 3)[2]}/static/app.js"], where
    dangerous = "img, iframe, object, embed, [onerror], [onclick], [onload], a[href^='javascript:' i]"
    assert pg.locator(dangerous).count() == 0, where
    assert not watch.dialogs and not watch.errors, where


def test_hostile_article_runs_nothing_in_the_browser(page: tuple[Page, Watch], site: str,
                                                     shots: Path) -> None:
    pg, watch = page
    evil = api(site, "/api/claims", q="Ministerin Schwarz")["items"][0]
    html_doc = api(site, "/api/claims", q="erfunden")["items"][0]
    pg.goto(evil["web_url"])
    expect(pg.locator(".text")).to_contain_text('<script>window.__pwned = "text"')
    expect(pg.get_by_role("heading", level=1)).to_contain_text("<script>")
    for text in ("streiken", "14 Menschen", "Hetzblatt"):
        pg.get_by_text(text).first.click()
    _assert_nothing_ran(pg, watch, "hostile article")
    pg.screenshot(path=shots / "hostile-article.png")
    for url in (html_doc["web_url"], f"/stories/{evil['article']['story_id']}", "/claims?q=sagte",
                "/claims?q=Beschäftigte", "/entities?q=Schwarz", "/disagreements", "/"):
        pg.goto(url)
        _assert_nothing_ran(pg, watch, url)
    entity = api(site, "/api/claims", q="Ministerin Schwarz")["items"][0]["source_entity"]
    if entity:
        pg.goto(f"/entities/{entity['id']}")
        _assert_nothing_ran(pg, watch, "entity page")


def test_csp_stops_inline_script_even_if_escaping_failed(page: tuple[Page, Watch], site: str) -> None:
    """Defence in depth: inject script into a real response; the CSP header must still stop it."""
    pg, watch = page
    claim = api(site, "/api/claims", limit=1)["items"][0]

    def inject(route) -> None:
        response = route.fetch()
        body = response.text().replace(
            "</main>", "<script>window.__pwned = 'inline'</script>"
                       "<img src=x onerror=\"window.__pwned = 'handler'\"></main>")
        route.fulfill(response=response, body=body)

    pg.route("**/articles/*", inject)
    pg.goto(f"/articles/{claim['article']['id']}")
    assert pg.evaluate("window.__pwned") is None
    assert any("Content Security Policy" in line for line in watch.console), watch.console


def test_entity_and_disagreement_pages(page: tuple[Page, Watch], site: str, shots: Path) -> None:
    pg, watch = page
    entity = next(e for e in api(site, "/api/entities", q="Karadag")["items"] if e["type"] == "person")
    pg.goto(f"/entities/{entity['id']}")
    expect(pg.get_by_role("heading", level=1)).to_have_text(entity["name"])
    expect(pg.get_by_text("In German (de) articles").first).to_be_visible()
    expect(pg.get_by_text("In English (en) articles").first).to_be_visible()
    pg.screenshot(path=shots / "entity.png")
    pg.goto("/disagreements")
    found = api(site, "/api/disagreements")["total"]
    if found:
        expect(pg.locator(".disagreement").first.locator(".side")).to_have_count(2)
        pg.screenshot(path=shots / "disagreements.png")
    assert not watch.errors


def test_disagreements_empty_state(browser: Browser, tmp_path: Path, shots: Path) -> None:
    ledger = sample_ledger(tmp_path, accurate=SCREENSHOTS)
    raw = sqlite3.connect(ledger)
    if raw.execute("SELECT 1 FROM sqlite_master WHERE name = 'disagreements'").fetchone():
        raw.execute("DELETE FROM disagreements")
        raw.commit()
    raw.close()
    with running(ledger) as base:
        context = browser.new_context(base_url=base, viewport={"width": 1280, "height": 800})
        pg = context.new_page()
        pg.goto("/disagreements")
        expect(pg.get_by_text("No disagreements recorded")).to_be_visible()
        pg.screenshot(path=shots / "disagreements-empty.png")
        context.close()
