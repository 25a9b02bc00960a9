"""German number words, vague quantities, scale words, operators and counted units."""

NUMBER_WORDS: dict[str, float] = {
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
    "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20,
    "dreißig": 30, "vierzig": 40, "fünfzig": 50, "hundert": 100, "tausend": 1000,
    "dutzend": 12,
}

# vague plurals as bands (convention documented in docs/quantities.md)
VAGUE_NUMBERS: dict[str, tuple[float, float | None]] = {
    "dutzende": (24, 99), "hunderte": (200, 999), "tausende": (2000, 9999),
    "zehntausende": (20000, 99999), "hunderttausende": (200000, 999999),
    "millionen": (2e6, 9.999e6),
}

SCALE_WORDS: dict[str, float] = {
    "tausend": 1e3, "tsd": 1e3, "million": 1e6, "millionen": 1e6, "mio": 1e6,
    "milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9, "billion": 1e12, "billionen": 1e12,
}

OPERATORS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("mehr", "als"), "more_than"), (("über",), "more_than"), (("weniger", "als"), "less_than"),
    (("unter",), "less_than"), (("bis", "zu"), "up_to"), (("höchstens",), "up_to"),
    (("mindestens",), "at_least"), (("wenigstens",), "at_least"), (("rund",), "about"),
    (("etwa",), "about"), (("ca",), "about"), (("circa",), "about"), (("ungefähr",), "about"),
    (("annähernd",), "nearly"), (("fast",), "nearly"), (("knapp",), "nearly"),
    (("beinahe",), "nearly"), (("zwischen",), "range"),
)

UNIT_LEMMAS: dict[str, str] = {
    "soldaten": "soldier", "soldat": "soldier", "menschen": "person", "personen": "person",
    "tote": "dead", "toten": "dead", "todesopfer": "dead", "verletzte": "injured",
    "verletzten": "injured", "patienten": "patient", "patientinnen": "patient",
    "einwohner": "resident", "anwohner": "resident", "bewohner": "resident",
    "kunden": "customer", "mitarbeiter": "employee", "beschäftigte": "employee",
    "flüchtlinge": "refugee", "geräte": "device", "fahrzeuge": "vehicle", "drohnen": "drone",
    "raketen": "missile", "euro": "EUR", "dollar": "USD", "us-dollar": "USD", "prozent": "percent",
    "%": "percent", "€": "EUR", "$": "USD", "tonnen": "tonne", "kilometer": "km", "km": "km",
    "jahre": "year", "jahren": "year", "tage": "day", "tagen": "day", "stunden": "hour",
    "häuser": "house", "wohnungen": "home", "schüler": "pupil", "kinder": "child",
    "feuerwehrleute": "firefighter", "einsatzkräfte": "responder", "evakuierte": "evacuee",
    "stimmen": "vote", "arbeitsplätze": "job", "stellen": "job", "liter": "litre",
    "demonstranten": "protester", "demonstrantinnen": "protester", "fische": "fish",
    "arbeiter": "worker", "arbeiterinnen": "worker", "beschäftigten": "employee",
    "polizisten": "police officer", "flüge": "flight", "passagiere": "passenger",
    "fahrgäste": "passenger", "besucher": "visitor", "zuschauer": "spectator",
    "pfund": "GBP", "franken": "CHF", "hektar": "hectare", "quadratkilometer": "km2",
    "schulen": "school", "krankenhäuser": "hospital", "betten": "bed",
    "impfdosen": "vaccine dose", "fälle": "case", "infektionen": "infection", "opfer": "victim",
    "vermisste": "missing", "vermissten": "missing", "festnahmen": "arrest", "festgenommene": "arrest",
    "gefangene": "prisoner", "geiseln": "hostage", "panzer": "tank", "flugzeuge": "aircraft",
    "schiffe": "ship", "streikende": "striker", "streikenden": "striker", "mitglieder": "member",
    "teilnehmer": "participant", "gestorbene": "dead",
    "erkrankte": "patient", "güterzüge": "train", "züge": "train", "wähler": "voter", "meter": "m",
}
