"""The stateless `extract` contract: Extraction records <-> JSON lines (docs/extract-format.md)."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

from claimledger.records import Claim, Extraction, Quantity, Role


def _role(role: Role | None) -> dict[str, Any] | None:
    if role is None:
        return None
    return {"text": role.text, "spans": [list(s) for s in role.spans]}


def _quantity(q: Quantity) -> dict[str, Any]:
    return {"text": q.text, "spans": [list(s) for s in q.spans], "low": q.low, "high": q.high,
            "value": q.value, "unit": q.unit, "operator": q.operator}


def claim_to_json(c: Claim) -> dict[str, Any]:
    source = _role(c.source) or {}
    source["entity"] = (
        {"id": c.source_entity.id, "name": c.source_entity.name} if c.source_entity else None
    )
    return {
        "id": c.id, "kind": c.kind, "content": _role(c.content), "source": source,
        "cue": _role(c.cue), "frame": _role(c.frame), "addressee": _role(c.addressee),
        "nested_in": c.nested_in, "quantities": [_quantity(q) for q in c.quantities],
        "confidence": c.confidence,
    }


def extraction_to_json(x: Extraction, doc_id: Any = None) -> dict[str, Any]:
    """One output line of `claimledger extract`."""
    return {
        "id": x.doc_id if doc_id is None else doc_id,
        "lang": x.lang,
        "claims": [claim_to_json(c) for c in x.claims],
        "entities": [
            {"id": e.id, "name": e.name, "type": e.type,
             "mentions": [_role(Role(m.text, m.spans)) for m in e.mentions]}
            for e in x.entities
        ],
    }


@cache
def output_schema() -> dict[str, Any]:
    return json.loads(files("claimledger.extract").joinpath("schema.json").read_text("utf-8"))


def validate_output(doc: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError when a line breaks the contract."""
    import jsonschema

    jsonschema.validate(doc, output_schema())
