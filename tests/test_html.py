"""HTML main text and metadata from the bundled sample pages match their manifest."""

from __future__ import annotations

import json

import pytest
from conftest import SAMPLES

from claimledger.ingest import to_article
from claimledger.records import RawDocument

MANIFEST = json.loads((SAMPLES / "manifest.json").read_text("utf-8"))["files"]


@pytest.mark.parametrize("entry", MANIFEST, ids=lambda e: e["file"])
def test_sample_page_metadata(entry: dict) -> None:
    html = (SAMPLES / entry["file"]).read_text("utf-8")
    art = to_article(RawDocument(origin=entry["file"], html=html))
    assert art.lang == entry["lang"]
    assert art.published == entry["published"]
    assert art.outlet == entry["outlet"]
    assert art.title and art.author
    for boilerplate in ("Impressum", "Privacy", "Cookie", "Datenschutz"):
        assert boilerplate not in art.text
