"""Memory while streaming a multi-GB WARC.gz: generate an archive of realistic news responses,
read it through the ingest stage (`iter_inputs`: record parsing, charset decoding) and print the
resident memory along the way. Flat figures mean the archive is streamed record by record.

    python benchmarks/warc_memory.py --gb 2 [--extract 2000]

`--extract N` also runs the first N documents through text extraction and attribution
(`to_article` + `extract_article`), printing memory before and after.
"""

from __future__ import annotations

import argparse
import io
import random
import re
import tempfile
import time
from itertools import islice
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimledger.ingest import iter_inputs, to_article
from claimledger.pipeline import extract_article
from claimledger.records import RawDocument

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "news"


def rss_mb() -> float:
    """Current resident set size (not the peak), from /proc."""
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * 4096 / 1e6


def generate(path: Path, gb: float, seed: int) -> int:
    """A WARC.gz of HTML responses (sample pages, varied numbers, padded to ~60 KB like real
    pages with navigation and scripts) until `gb` gigabytes of bodies are written."""
    rng = random.Random(seed)
    pages = [p.read_text("utf-8") for p in sorted(SAMPLES.glob("*.html"))]
    vocab = sorted({w for p in pages for w in re.findall(r"[A-Za-zÄÖÜäöüß]{4,}", p)})
    total, n = 0, 0
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        while total < gb * 1e9:
            html = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 97)), pages[n % len(pages)])
            pad = " ".join(rng.choices(vocab, k=6000))
            html = html.replace("</body>", f"<nav><p>{pad}</p></nav></body>")
            body = html.encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            rec = writer.create_warc_record(f"https://news.example/{n}.html", "response",
                                            payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(rec)
            total += len(body)
            n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gb", type=float, default=2.0, help="uncompressed size of the response bodies")
    ap.add_argument("--extract", type=int, default=0, help="also extract the first N documents")
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "news.warc.gz"
        t0 = time.perf_counter()
        n = generate(path, args.gb, args.seed)
        print(f"generated {n} records, {args.gb:.1f} GB of HTML, {path.stat().st_size / 1e9:.2f} GB on disk "
              f"in {time.perf_counter() - t0:.0f} s", flush=True)
        t0, seen, marks = time.perf_counter(), 0, {}
        start = rss_mb()
        for item in iter_inputs([str(path)], 50_000_000):
            seen += isinstance(item, RawDocument)
            if seen % max(1, n // 10) == 0:
                marks[seen] = rss_mb()
        print(f"streamed {seen} documents in {time.perf_counter() - t0:.0f} s; RSS before {start:.0f} MB, "
              "along the stream: " + ", ".join(f"{k}: {v:.0f} MB" for k, v in sorted(marks.items())))
        if args.extract:
            before, t0 = rss_mb(), time.perf_counter()
            docs = islice((d for d in iter_inputs([str(path)], 50_000_000) if isinstance(d, RawDocument)),
                          args.extract)
            claims = sum(len(extract_article(to_article(d)).claims) for d in docs)
            took = time.perf_counter() - t0
            print(f"extracted {args.extract} documents ({claims} claims) in {took:.0f} s; "
                  f"RSS {before:.0f} MB -> {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
