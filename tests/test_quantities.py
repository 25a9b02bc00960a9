"""Figures normalised to bands, German and English: a table of expressions we wrote ourselves
(tests/data/quantities.tsv; conventions in docs/quantities.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.extract.quantities import find_quantities
from claimledger.nlp.pack import get_pack
from claimledger.nlp.text import tokenize

TABLE = Path(__file__).parent / "data" / "quantities.tsv"


def _rows() -> list[tuple]:
    rows = []
    for line in TABLE.read_text("utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        lang, text, low, high, unit, op = line.split("\t")
        rows.append((lang, text, float(low) if low else None, float(high) if high else None, unit, op))
    return rows


ROWS = _rows()


def test_table_is_large_enough() -> None:
    assert len(ROWS) >= 200
    assert {r[0] for r in ROWS} == {"de", "en"}


@pytest.mark.parametrize(("lang", "text", "low", "high", "unit", "op"), ROWS, ids=[r[1] for r in ROWS])
def test_quantity(lang: str, text: str, low, high, unit: str, op: str) -> None:
    pack = get_pack(lang)
    tokens, _ = tokenize(text, pack)
    qs = find_quantities(text, tokens, pack)
    assert len(qs) == 1, qs
    q = qs[0]
    assert q.low == (pytest.approx(low) if low is not None else None)
    assert q.high == (pytest.approx(high) if high is not None else None)
    assert (q.unit, q.operator) == (unit, op)


@pytest.mark.parametrize(("lang", "text"), [("de", "Im Jahr 2024 war alles anders."),
                                             ("en", "In 2024 everything changed.")])
def test_bare_year_is_not_a_figure(lang: str, text: str) -> None:
    pack = get_pack(lang)
    tokens, _ = tokenize(text, pack)
    assert find_quantities(text, tokens, pack) == []


def test_figures_compare_across_languages() -> None:
    de, en = get_pack("de"), get_pack("en")
    a = find_quantities("über 10.000 Soldaten", tokenize("über 10.000 Soldaten", de)[0], de)[0]
    b = find_quantities("more than 10,000 troops", tokenize("more than 10,000 troops", en)[0], en)[0]
    assert (a.low, a.high, a.unit) == (b.low, b.high, b.unit)


def test_numbers_in_the_other_convention_do_not_crash() -> None:
    """English copy with a decimal comma, German copy with a thousands comma: read, never raise."""
    for pack, text, value in ((get_pack("en"), "turnout rose 53,55 points", 53.55),
                              (get_pack("de"), "Die Quote stieg auf 2.4 Punkte", 2.4)):
        tokens, _ = tokenize(text, pack)
        assert [q.value for q in find_quantities(text, tokens, pack)] == [value]
