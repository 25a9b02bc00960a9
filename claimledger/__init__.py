"""claimledger: a local-first, source-attributed ledger of claims in news coverage.

Python API: `claimledger.extract.extract` for stateless extraction, `claimledger.open_store`
for the ledger, `claimledger.ingest` to add files, folders, JSONL and URLs to a ledger.
"""

from claimledger.pipeline import ingest
from claimledger.store import open_store

__all__ = ["ingest", "open_store"]
__version__ = "0.1.0"
