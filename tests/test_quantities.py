"""Figures normalised to bands, German and English (conventions in docs/quantities.md)."""

from __future__ import annotations

import pytest

from claimledger.extract.quantities import find_quantities
from claimledger.nlp.pack import get_pack
from claimledger.nlp.text import tokenize

CASES = [
    ("de", "über 10.000 Soldaten", 10001, None, "soldier", "more_than"),
    ("de", "mehr als 3.000 Menschen", 3001, None, "person", "more_than"),
    ("de", "Tausende Soldaten", 2000, 9999, "soldier", "vague"),
    ("de", "Dutzende Verletzte", 24, 99, "injured", "vague"),
    ("de", "bis zu 40.000 Patienten", None, 40000, "patient", "up_to"),
    ("de", "zwischen 300 und 500 Geräte", 300, 500, "device", "range"),
    ("de", "2,4 Milliarden Euro", 2.4e9, 2.4e9, "EUR", "exact"),
    ("de", "rund 1.500 Anwohner", 1350, 1650, "resident", "about"),
    ("de", "mindestens 12 Tote", 12, None, "dead", "at_least"),
    ("de", "15 Prozent", 15, 15, "percent", "exact"),
    ("de", "zehn Soldaten", 10, 10, "soldier", "exact"),
    ("en", "more than 10,000 troops", 10001, None, "soldier", "more_than"),
    ("en", "thousands of soldiers", 2000, 9999, "soldier", "vague"),
    ("en", "tens of thousands of people", 20000, 99999, "person", "vague"),
    ("en", "up to 40,000 patients", None, 40000, "patient", "up_to"),
    ("en", "between 300 and 500 devices", 300, 500, "device", "range"),
    ("en", "2.4 million euros", 2.4e6, 2.4e6, "EUR", "exact"),
    ("en", "at least 12,000 customers", 12000, None, "customer", "at_least"),
    ("en", "nearly 2 million people", 1.8e6, 2e6, "person", "nearly"),
    ("en", "$3 billion", 3e9, 3e9, "USD", "exact"),
    ("en", "12 percent", 12, 12, "percent", "exact"),
]


@pytest.mark.parametrize(("lang", "text", "low", "high", "unit", "op"), CASES)
def test_quantity(lang: str, text: str, low, high, unit: str, op: str) -> None:
    pack = get_pack(lang)
    tokens, _ = tokenize(text, pack)
    qs = find_quantities(text, tokens, pack)
    assert len(qs) == 1, qs
    q = qs[0]
    assert (q.low, q.high, q.unit, q.operator) == (pytest.approx(low) if low else low,
                                                  pytest.approx(high) if high else high, unit, op)


def test_bare_year_is_not_a_figure() -> None:
    pack = get_pack("de")
    tokens, _ = tokenize("Im Jahr 2024 war alles anders.", pack)
    assert find_quantities("Im Jahr 2024 war alles anders.", tokens, pack) == []
