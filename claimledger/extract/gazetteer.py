"""Country names in English and German from pycountry (ISO 3166, maintained, offline).

One canonical place entity per country, whatever language or form the text uses
("Vereinigte Staaten", "United States", "Nordkorea", "North Korea").
"""

from __future__ import annotations

import gettext
from functools import cache

from claimledger.nlp.keys import canonical_key

LANGUAGES = ("de",)


@cache
def countries() -> dict[str, tuple[str, str]]:
    """canonical_key(any name) -> (entity id, English display name)."""
    import pycountry

    translations = [gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang],
                                        fallback=True) for lang in LANGUAGES]
    table: dict[str, tuple[str, str]] = {}
    for country in pycountry.countries:
        display = getattr(country, "common_name", None) or country.name
        names = {country.name, display, getattr(country, "official_name", None)}
        names |= {t.gettext(n) for t in translations for n in list(names) if n}
        for name in filter(None, names):
            table.setdefault(canonical_key(name), (canonical_key(display), display))
    return table


def country(name: str) -> tuple[str, str] | None:
    return countries().get(canonical_key(name))
