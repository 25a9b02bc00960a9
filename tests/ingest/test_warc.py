"""WARC archives: HTML responses become articles, other records are skipped, damage is reported."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from conftest import ROOT
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimledger.pipeline import ingest
from claimledger.settings import Settings
from claimledger.store import open_store

FIXTURES = ROOT / "tests" / "fixtures"


def _write_warc(path: Path) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for name in ("wire_de.html", "wire_de_copy.html"):
            body = (FIXTURES / name).read_bytes()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://news.example/{name}", "response", payload=io.BytesIO(body),
                http_headers=headers))
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://news.example/logo.png", "response", payload=io.BytesIO(b"\x89PNG...."),
            http_headers=image))


def test_warc_records_are_ingested(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc.gz"
    _write_warc(archive)
    store = open_store(tmp_path / "l.db")
    report = ingest([str(archive)], store, Settings(embeddings=False))
    assert (report.added, report.failed, report.duplicates) == (2, 0, 1)
    urls = {a["url"] for a in store.articles()}
    assert urls == {"https://news.example/wire_de.html", "https://news.example/wire_de_copy.html"}


def test_truncated_warc_keeps_earlier_records(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc.gz"
    _write_warc(archive)
    raw = gzip.decompress(archive.read_bytes())
    broken = tmp_path / "broken.warc"
    broken.write_bytes(raw[: int(len(raw) * 0.7)])  # cut inside the second record
    store = open_store(tmp_path / "l.db")
    report = ingest([str(broken)], store, Settings(embeddings=False))
    assert report.added >= 1
    assert report.failed == 1 and store.failures()[0]["reason"] in {"bad-warc", "no-text"}
