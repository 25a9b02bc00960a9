"""claimledger: a local-first, source-attributed ledger of claims in news coverage.

Python API: `claimledger.extract.extract` for stateless extraction, `claimledger.store.open_store`
for the ledger, `claimledger.pipeline.ingest` to add files, folders, JSONL, feeds, WARC and URLs.
"""

__version__ = "0.1.0"
