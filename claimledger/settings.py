"""Settings declared once, with defaults and help (documented in docs/settings.md)."""

from __future__ import annotations

from dataclasses import dataclass, fields

from claimledger.errors import ClaimledgerError

DEFAULT_MAX_MB = 50.0

MODES = ("fast", "balanced", "accurate")
NEURAL_MODES = ("balanced", "accurate")  # the taggers of claimledger.extract.neural


@dataclass(frozen=True)
class ExtractOptions:
    """How claims are extracted. One record travels from the CLI, the Python API and the REST
    API to every engine (ingest, watch, extract, batch workers and Ray actors, which receive it
    pickled), so a new option is one field here, not one more argument on every call."""

    mode: str = "fast"
    """Attribution engine: "fast" (rule engine), "balanced" (compact tagger, ~10x slower than
    the rules, far more accurate) or "accurate" (the full fine-tuned tagger, ~20x slower again)."""
    min_confidence: float | None = None
    """Balanced and accurate modes: keep claims whose learned probability is at least this
    instead of those over the learned per-language floor (None); 0 keeps every claim found."""

    @property
    def compact(self) -> bool:
        """Balanced mode runs the compact tagger; accurate mode the full one."""
        return self.mode == "balanced"

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ClaimledgerError(f"unknown extraction mode {self.mode!r}; use "
                                   + " or ".join(f"--mode {m}" for m in MODES))
        if self.min_confidence is None:
            return
        if not 0 <= self.min_confidence <= 1:
            raise ClaimledgerError(f"--min-confidence must be between 0 and 1, not "
                                   f"{self.min_confidence}; 0 keeps every claim")
        if self.mode not in NEURAL_MODES:
            raise ClaimledgerError("--min-confidence needs --mode balanced or accurate (the rule "
                                   "engine's confidence is fixed per pattern, not a learned "
                                   "probability); add --mode accurate or leave out --min-confidence")


@dataclass(frozen=True)
class Settings:
    max_mb: float = DEFAULT_MAX_MB
    """Largest input file (or JSONL line) accepted, in MB; bigger ones are quarantined."""
    near_duplicate: float = 0.6
    """Estimated shingle Jaccard similarity at which an article is a copy of an earlier one."""
    embeddings: bool = True
    """Link stories and claims with multilingual embeddings (accurate); off: entities and words (fast)."""
    extraction: ExtractOptions = ExtractOptions()
    """Attribution engine and its options (mode, min_confidence)."""
    commit_seconds: float = 1.0
    """Commit stored articles at most this often (each stays atomic); 0: one commit per article."""

    @property
    def max_bytes(self) -> int:
        return int(self.max_mb * 1_000_000)


def setting_names() -> list[str]:
    return [f.name for f in fields(Settings)]
