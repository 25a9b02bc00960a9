"""What linking knows about stored claims: nodes built from store rows, denial and negation marks,
and the claim nodes of recently active stories kept between articles of one ingest run."""

from __future__ import annotations

import functools
import json
import re
from collections import OrderedDict
from collections.abc import Callable

from claimledger.link.claims import ClaimNode, ClaimPool, content_words, same_source
from claimledger.link.embed import from_blob
from claimledger.link.stories import parse_date
from claimledger.nlp.pack import NEGATABLE_WORD, LanguagePack, available_packs, get_pack, is_denial_cue
from claimledger.records import Claim

DENIAL_CONTEXT_CHARS = 300  # text before a denial searched for what it denies ("den Vorwurf, ...")
Rows = list[dict]


def is_denial(claim: Claim, pack: LanguagePack | None) -> bool:
    """A claim that denies: a denial cue, or a denial word ("falsch", "untrue") in what a source
    is quoted or reported as saying (a cue, or a direct quote that continues without one)."""
    if pack is None:
        return False
    cue = claim.cue.text.lower()
    if is_denial_cue(cue, pack):
        return True
    return (bool(cue) or claim.kind == "direct") and bool(_whole_words(pack.denial_words).search(
        claim.content.text.lower()))


@functools.lru_cache(maxsize=8)
def _whole_words(words: frozenset[str]) -> re.Pattern[str]:
    """Whole-word matcher ("lie" must not match "believe")."""
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
                      + r")\b")


def _pack(lang: str) -> LanguagePack | None:
    return get_pack(lang) if lang in available_packs() else None


def _stopwords(pack: LanguagePack | None) -> frozenset[str]:
    return pack.stopwords if pack else frozenset()


def _negated(text: str, pack: LanguagePack | None) -> bool:
    return pack is not None and not pack.negations.isdisjoint(NEGATABLE_WORD.findall(text.lower()))


def _context(row: dict, pack: LanguagePack | None) -> frozenset[str]:
    """Words of the text before a denial (rows of denials carry their article's text)."""
    text = row.get("article_text")
    if not text:
        return frozenset()
    spans = json.loads(row["content_spans"])
    start, end = spans[0][0], spans[-1][1]
    return content_words(text[max(0, start - DENIAL_CONTEXT_CHARS) : end], _stopwords(pack))


def claim_node(row: dict) -> ClaimNode:
    """A linking node from a store row (`story_claims`, or `add_article` for claims just
    stored)."""
    pack = _pack(row["lang"])
    return ClaimNode(
        claim_id=row["id"], article_id=row["article_id"], source_key=row["source_key"],
        content=row["content_text"], words=content_words(row["content_text"], _stopwords(pack)),
        context=_context(row, pack), negated=_negated(row["content_text"], pack),
        vector=from_blob(row["vector"]), quantities=row["quantities"], denial=bool(row["denial"]),
        published=parse_date(row["published"]), group_id=row["group_id"],
    )


def claim_nodes(rows: Rows) -> list[ClaimNode]:
    """Linking nodes for store rows, each account a denial rejects (a claim of another source
    nested in it) marked and tied to its denial."""
    nodes = [claim_node(r) for r in rows]
    by_local = {(r["article_id"], r["local_id"]): n for r, n in zip(rows, nodes, strict=True)}
    for r, node in zip(rows, nodes, strict=True):
        parent = by_local.get((r["article_id"], r["nested_in"])) if r["nested_in"] else None
        if parent is not None and parent.denial and not same_source(parent.source_key, node.source_key):
            node.account, parent.denies = True, node
    return nodes


class StoryClaims:
    """Claim nodes of recently active stories, kept for one ingest run so linking a new article
    reads only its own claims instead of its whole story again (the cost would grow with story
    size). Another process adding to the same story during the run is not seen until the next
    run or `relink`."""

    def __init__(self, story_rows: Callable[[int], Rows], size: int = 512) -> None:
        self.story_rows, self.size = story_rows, size
        self.cache: OrderedDict[int, ClaimPool] = OrderedDict()

    def forget(self, story: int) -> None:
        self.cache.pop(story, None)

    def split(self, story: int, new_rows: Rows | None) -> tuple[ClaimPool, list[ClaimNode]]:
        """(earlier claims of the story, the new claims), both as linking nodes; `new_rows`: the
        rows of the claims just stored, None: every claim of the story is new (relinking it)."""
        old = self.cache.pop(story, None)
        if old is None or new_rows is None:
            new_ids = {r["id"] for r in new_rows} if new_rows is not None else None
            nodes = claim_nodes(self.story_rows(story))
            old = ClaimPool(n for n in nodes if new_ids is not None and n.claim_id not in new_ids)
            new = [n for n in nodes if new_ids is None or n.claim_id in new_ids]
        else:
            new = claim_nodes(new_rows)
        self.cache[story] = old
        while len(self.cache) > self.size:
            self.cache.popitem(last=False)
        return old, new
