"""Settings declared once, with defaults and help (documented in docs/settings.md)."""

from __future__ import annotations

from dataclasses import dataclass, fields

DEFAULT_MAX_MB = 50.0


@dataclass(frozen=True)
class Settings:
    max_mb: float = DEFAULT_MAX_MB
    """Largest input file (or JSONL line) accepted, in MB; bigger ones are quarantined."""
    near_duplicate: float = 0.6
    """Estimated shingle Jaccard similarity at which an article is a copy of an earlier one."""
    embeddings: bool = True
    """Link stories and claims with multilingual embeddings (accurate); off: entities and words (fast)."""
    extraction: str = "fast"
    """Attribution engine: "fast" (rule engine) or "accurate" (fine-tuned tagger, ~100x slower)."""
    commit_seconds: float = 1.0
    """Commit stored articles at most this often (each stays atomic); 0: one commit per article."""

    @property
    def max_bytes(self) -> int:
        return int(self.max_mb * 1_000_000)


def setting_names() -> list[str]:
    return [f.name for f in fields(Settings)]
