"""Alias table: spelling, transliteration and translation variants -> one canonical entity.

The shipped table is `claimledger/data/aliases.tsv`; users extend it with their own files listed
in CLAIMLEDGER_ALIASES (os.pathsep-separated), same format, later entries win.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from claimledger.extract.gazetteer import country
from claimledger.nlp.keys import canonical_key


@dataclass(frozen=True, slots=True)
class Alias:
    id: str
    name: str
    type: str


def _parse(text: str, table: dict[str, Alias]) -> None:
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        name, etype = parts[0].strip(), parts[1].strip()
        alias = Alias(canonical_key(name), name, etype)
        variants = [name] + [v.strip() for v in (parts[2] if len(parts) > 2 else "").split("|")]
        for v in variants:
            if v:
                table[canonical_key(v)] = alias


@cache
def alias_table() -> dict[str, Alias]:
    """canonical_key(variant) -> Alias, from the shipped table and the user's files."""
    table: dict[str, Alias] = {}
    _parse(files("claimledger.data").joinpath("aliases.tsv").read_text("utf-8"), table)
    for path in filter(None, os.environ.get("CLAIMLEDGER_ALIASES", "").split(os.pathsep)):
        _parse(Path(path).read_text("utf-8"), table)
    return table


def lookup(*names: str) -> Alias | None:
    """The canonical entity for the first of these surface forms that the table (or, for
    countries, the ISO 3166 gazetteer) knows."""
    table = alias_table()
    for n in names:
        hit = table.get(canonical_key(n))
        if hit:
            return hit
        place = country(n)
        if place:
            return Alias(place[0], place[1], "place")
    return None
