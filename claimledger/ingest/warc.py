"""WARC / WARC.gz archives (Common Crawl CC-NEWS layout), streamed record by record with warcio.

Only HTTP responses with an HTML body become documents; other records are skipped. Memory stays
bounded by the largest single record, never the archive.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from claimledger.errors import InputRejected
from claimledger.ingest.decode import decode
from claimledger.records import IngestFailure, RawDocument

WARC_SUFFIXES = (".warc", ".warc.gz")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_warc(path: Path, max_bytes: int) -> Iterator[RawDocument | IngestFailure]:
    """One RawDocument per HTML response record; a damaged archive ends with a failure record."""
    n = 0
    try:
        with path.open("rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                n += 1
                url = record.rec_headers.get_header("WARC-Target-URI")
                origin = f"{path}#{n}"
                ctype = record.http_headers.get_header("Content-Type") or ""
                if "html" not in ctype.lower():
                    continue
                body = record.content_stream().read(max_bytes + 1)
                if len(body) > max_bytes:
                    yield IngestFailure(origin, "too-large", f"{url}: record exceeds the size limit")
                    continue
                try:
                    yield RawDocument(origin=origin, html=decode(body, origin), url=url)
                except InputRejected as exc:
                    yield IngestFailure(exc.origin, exc.reason, f"{url}: {exc.detail}")
    except (ArchiveLoadFailed, OSError, EOFError) as exc:
        yield IngestFailure(f"{path}#{n + 1}", "bad-warc",
                            f"archive unreadable after {n} records ({exc}); earlier records were kept")

