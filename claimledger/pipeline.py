"""The pipeline: ingest -> extract -> link -> store, one document at a time.

Only chains stages; each stage's logic lives in its own package. Every per-document failure is
quarantined in the store and the batch goes on.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterable
from typing import Any, TextIO

import numpy as np

from claimledger import link
from claimledger.errors import InputRejected
from claimledger.extract import extract, extraction_to_json
from claimledger.ingest import dedup, iter_inputs, to_article
from claimledger.ingest.langid import detect
from claimledger.ingest.sources import looks_like_html
from claimledger.link.embed import article_text, embed, to_blob
from claimledger.nlp.pack import available_packs, get_pack
from claimledger.records import (
    Article,
    ArticleLinks,
    Extraction,
    IngestFailure,
    IngestReport,
    RawDocument,
)
from claimledger.settings import NEURAL_MODES, ExtractOptions, Settings
from claimledger.store import Store


def extract_article(article: Article, options: ExtractOptions = ExtractOptions()) -> Extraction:
    """Claims for an article, or none when no language pack covers its language."""
    if article.lang not in available_packs():
        return Extraction(doc_id=article.id, lang=article.lang)
    return extract(article.text, article.lang, article.id, options)


def check_extraction(options: ExtractOptions) -> None:
    """Fail before any work starts rather than quarantining every document."""
    if options.mode in NEURAL_MODES:
        from claimledger.extract import neural

        neural.require(options.compact)


def as_failure(origin: str, exc: Exception) -> IngestFailure:
    """The quarantine record for an error raised while processing one input (shared with batch)."""
    if isinstance(exc, InputRejected):
        return IngestFailure(exc.origin, exc.reason, exc.detail)
    return IngestFailure(origin, "internal-error",
                         f"{type(exc).__name__}: {exc} (please report this input)")


def ingest(
    targets: list[str],
    store: Store,
    settings: Settings = Settings(),
    on_item: Callable[[str, str], None] | None = None,
    fetch_url: Callable[[str], RawDocument] | None = None,
) -> IngestReport:
    """Ingest files, folders, JSONL and URLs into the ledger; returns what happened."""
    return ingest_items(iter_inputs(targets, settings.max_bytes, fetch_url), store, settings,
                        on_item)


def ingest_items(
    items: Iterable[RawDocument | tuple[Article, Extraction] | IngestFailure],
    store: Store,
    settings: Settings = Settings(),
    on_item: Callable[[str, str], None] | None = None,
) -> IngestReport:
    """Store raw documents (extracted here), articles extracted elsewhere (`claimledger batch`)
    and failures, linked alike: a ledger loaded from batch output equals one ingested directly."""
    counts = {"added": 0, "unchanged": 0, "duplicates": 0, "failed": 0, "claims": 0}
    failures: list[IngestFailure] = []
    stories = _story_claims(store)
    group = _CommitGroup(store, settings.commit_seconds)
    try:
        for item in items:
            origin = item[0].origin if isinstance(item, tuple) else item.origin
            group.open()
            status = _one(item, origin, store, settings, counts, failures, stories)
            group.after(origin)
            if on_item:
                on_item(origin, status)
    finally:
        group.commit()  # also when interrupted: finished articles are kept
    return IngestReport(**counts, failures=tuple(failures))


class _CommitGroup:
    """Several articles per commit, each still atomic in its own savepoint: a commit per article
    costs about 1 ms of WAL and full-text index writes, a tenth of all the work on an article
    (benchmarks/throughput.py). The group is committed once `seconds` have passed, after every
    page from the web (so the write lock is not held while the next one downloads) and at the
    end, even of an interrupted run; a crash loses at most the last `seconds` of work, which the
    next run redoes (stored articles are skipped)."""

    def __init__(self, store: Store, seconds: float) -> None:
        self.store, self.seconds = store, seconds
        self._tx: Any = None
        self._since = 0.0

    def open(self) -> None:
        if self._tx is None and self.seconds > 0:
            self._tx = self.store.transaction()
            self._tx.__enter__()
            self._since = time.monotonic()

    def after(self, origin: str) -> None:
        if self._tx is not None and (origin.startswith(("http://", "https://"))
                                     or time.monotonic() - self._since >= self.seconds):
            self.commit()

    def commit(self) -> None:
        if self._tx is not None:
            tx, self._tx = self._tx, None
            tx.__exit__(None, None, None)


def _one(item, origin: str, store: Store, settings: Settings, counts: dict, failures: list,
         stories: link.StoryClaims) -> str:
    """One input: a raw document (extracted here), an (article, extraction) pair or a failure."""
    if not isinstance(item, IngestFailure):
        try:
            article, extraction = (to_article(item), None) if isinstance(item, RawDocument) else item
            if store.has_article(article.id):
                counts["unchanged"] += 1
                return "unchanged"
            if extraction is None:
                extraction = extract_article(article, settings.extraction)
            duplicate = _store_article(article, extraction, store, settings, stories)
        except Exception as exc:  # one bad document must never stop the batch
            item = as_failure(origin, exc)
        else:
            counts["added"] += 1
            counts["claims"] += len(extraction.claims)
            counts["duplicates"] += duplicate
            return "duplicate" if duplicate else "added"
    store.add_failure(item)
    counts["failed"] += 1
    failures.append(item)
    return "failed"


def _store_article(article: Article, extraction: Extraction, store: Store,
                   settings: Settings, stories: link.StoryClaims) -> bool:
    """Fingerprint, embed and link an article, store it, then link its claims in its story."""
    sig = dedup.signature(article.text)
    keys = dedup.band_keys(sig)
    dup_of, sim, story = None, None, None
    cands = store.near_duplicate_candidates(keys)
    sims = dedup.similarities(sig, [c[1] for c in cands])
    if len(sims) and sims.max() >= settings.near_duplicate:
        best = int(sims.argmax())  # the first of the most similar
        dup_of, sim, story = cands[best][0], float(sims[best]), cands[best][2]
    vector = embed([article_text(article.title, article.text)])[0] if settings.embeddings else None
    published = link.parse_date(article.published)
    prof = link.profile(extraction, published, vector)
    if story is None:
        story = link.choose_story(prof, _candidates(store, prof, article.published))
    claim_vecs = embed([c.content.text for c in extraction.claims]) if settings.embeddings else None
    pack = get_pack(article.lang) if article.lang in available_packs() else None
    with store.transaction():  # atomic per article: story, article, claims and their links
        if story is None:
            story = store.new_story(article.title or article.text[:80])
        links = ArticleLinks(
            minhash=sig, band_keys=tuple(keys), story_id=story, duplicate_of=dup_of, similarity=sim,
            vector=to_blob(vector), entity_counts=tuple(prof.entities.items()),
            claim_vectors=tuple(to_blob(v) for v in claim_vecs) if claim_vecs is not None else (),
            claim_keys=tuple(c.source_entity.id if c.source_entity else None for c in extraction.claims),
            claim_denials=tuple(link.is_denial(c, pack) for c in extraction.claims),
        )
        new_rows = store.add_article(article, extraction, links)
        try:
            _link_claims(store, story, new_rows, stories, {article.id: dup_of} if dup_of else {})
        except BaseException:
            stories.forget(story)  # the cached claims may include this article's, now rolled back
            raise
    return dup_of is not None


def _candidates(store: Store, prof: link.ArticleProfile, published: str | None) -> list:
    rows = store.story_candidates(list(prof.entities), published, link.stories.WINDOW_DAYS)
    return [link.StoryCandidate(r["story_id"],
                                np.frombuffer(r["centroid"], np.float32) if r["centroid"] else None,
                                r["n"], r["entities"], link.parse_date(r["last_date"]))
            for r in rows]


def _story_claims(store: Store) -> link.StoryClaims:
    return link.StoryClaims(store.story_claims)


def _link_claims(store: Store, story: int, new_rows: list[dict[str, Any]] | None,
                 stories: link.StoryClaims, copies: dict[str, str]) -> None:
    """Group the new claims with earlier reports and record disagreements, in one transaction.

    A claim repeated verbatim (same words, same figures) by a syndicated copy of an earlier
    article (`copies`: copy id -> original id) joins its original's group directly and adds no
    disagreements: every disagreement of the original already stands for it.
    """
    old, new = stories.split(story, new_rows)
    found: list[link.Disagreement] = []
    with store.transaction():
        for node in new:
            twin = old.said(copies[node.article_id], node.content) if node.article_id in copies else None
            if twin is not None and twin.group_id is not None and twin.quantities == node.quantities:
                node.group_id = twin.group_id
            else:
                group = link.group_claim(node, old)
                node.group_id = group if group is not None else store.new_claim_group(
                    story, node.claim_id, node.source_key)
                found.extend(link.find_disagreements(node, old))
            old.add(node)
        store.set_claim_groups([(node.group_id, node.claim_id) for node in new])
        store.add_disagreements(story, found)


def relink(store: Store, on_story: Callable[[int], None] | None = None) -> dict[str, int]:
    """Build claim groups and disagreements again from stored claims (after rules or aliases
    changed), story by story in publication order."""
    for story in store.reset_claim_links():
        copies = {a["id"]: a["duplicate_of"] for a in store.story(story)["articles"] if a["duplicate_of"]}
        _link_claims(store, story, None, _story_claims(store), copies)
        if on_story:
            on_story(story)
    stats = store.stats()
    return {"claim_groups": stats["claim_groups"], "disagreements": stats["disagreements"]}


def _extract_inputs(file: str) -> Iterable[tuple[Any, str | None, str | None, str | None]]:
    """(id, text, lang, error) for each document of the `extract` input."""
    stream = sys.stdin.buffer if file == "-" else open(file, "rb")  # noqa: SIM115
    with stream:
        data = stream.read()
    text = data.decode("utf-8", errors="replace")
    if file.endswith((".jsonl", ".ndjson")) or text.lstrip().startswith("{"):
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                    raise ValueError("each line needs a 'text' string")
                yield rec.get("id", n), rec["text"], rec.get("lang"), None
            except ValueError as exc:
                yield n, None, None, f"line {n}: {exc}"
        return
    try:
        article = to_article(RawDocument(origin=file, html=text if looks_like_html(text) else None,
                                         text=text))
        yield file, article.text, None, None
    except InputRejected as exc:
        yield file, None, None, f"{exc.reason}: {exc.detail}"


def extract_stream(file: str, lang: str, sink: TextIO, options: ExtractOptions = ExtractOptions()) -> int:
    """The `extract` contract: one JSON line per input document, in order; returns #failures."""
    failed = 0
    for doc_id, text, doc_lang, error in _extract_inputs(file):
        code = lang if lang != "auto" else (doc_lang or (detect(text) if text else "und"))
        line: dict[str, Any] = {"id": doc_id, "lang": code, "claims": [], "entities": []}
        if error is None and code not in available_packs():
            error = f"no language pack for {code!r}; use --lang with one of {available_packs()}"
        if error is None:
            try:
                line = extraction_to_json(extract(text, code, options=options), doc_id)
            except Exception as exc:  # a document must not stop the stream
                error = f"{type(exc).__name__}: {exc}"
        if error is not None:
            line["error"] = error
            failed += 1
        if text is not None and not file.endswith((".jsonl", ".ndjson")) and file != "-":
            line["text"] = text
        sink.write(json.dumps(line, ensure_ascii=False) + "\n")
    return failed
