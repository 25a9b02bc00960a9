"""OpenAPI-driven fuzzing: schemathesis sends generated requests to every operation of the real app.

Bounded (few examples per operation) so it runs in well under a minute; any 5xx, undocumented
status code or response that breaks its schema fails the test.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import schemathesis
from api.ledger_support import TOKEN, fast_settings, sample_ledger
from hypothesis import HealthCheck, settings

from claimledger.api.app import create_app

AUTH = {"Authorization": f"Bearer {TOKEN}"}
LEDGER = sample_ledger(Path(tempfile.mkdtemp(prefix="claimledger-fuzz-")))
schema = schemathesis.openapi.from_asgi(
    "/openapi.json", create_app(LEDGER, token=TOKEN, settings=fast_settings()), headers=AUTH)


@pytest.mark.filterwarnings("ignore")
@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case: schemathesis.Case) -> None:
    case.call_and_validate(headers=AUTH)
