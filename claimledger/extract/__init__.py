"""Extract stage: attributed claims, entities and figures from article text."""

from claimledger.extract.contract import extraction_to_json, validate_output
from claimledger.extract.engine import extract

__all__ = ["extract", "extraction_to_json", "validate_output"]
