"""English number words, vague quantities, scale words, operators and counted units."""

NUMBER_WORDS: dict[str, float] = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "hundred": 100, "thousand": 1000, "dozen": 12,
}

VAGUE_NUMBERS: dict[str, tuple[float, float | None]] = {
    "dozens": (24, 99), "hundreds": (200, 999), "thousands": (2000, 9999),
    "tens of thousands": (20000, 99999), "hundreds of thousands": (200000, 999999),
    "millions": (2e6, 9.999e6),
}

SCALE_WORDS: dict[str, float] = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
    "trillion": 1e12,
}

OPERATORS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("more", "than"), "more_than"), (("over",), "more_than"), (("upwards", "of"), "more_than"),
    (("fewer", "than"), "less_than"), (("less", "than"), "less_than"), (("under",), "less_than"),
    (("up", "to"), "up_to"), (("at", "most"), "up_to"), (("at", "least"), "at_least"),
    (("about",), "about"), (("around",), "about"), (("roughly",), "about"),
    (("approximately",), "about"), (("some",), "about"), (("nearly",), "nearly"),
    (("almost",), "nearly"), (("close", "to"), "nearly"), (("between",), "range"),
)

UNIT_LEMMAS: dict[str, str] = {
    "soldiers": "soldier", "troops": "soldier", "people": "person", "persons": "person",
    "dead": "dead", "deaths": "dead", "killed": "dead", "injured": "injured",
    "wounded": "injured", "patients": "patient", "residents": "resident",
    "customers": "customer", "employees": "employee", "workers": "employee",
    "refugees": "refugee", "devices": "device", "vehicles": "vehicle", "drones": "drone",
    "missiles": "missile", "euros": "EUR", "euro": "EUR", "dollars": "USD", "percent": "percent",
    "per cent": "percent", "%": "percent", "€": "EUR", "$": "USD", "tonnes": "tonne",
    "tons": "tonne", "kilometres": "km", "kilometers": "km", "km": "km", "years": "year",
    "days": "day", "hours": "hour", "houses": "house", "homes": "home", "pupils": "pupil",
    "children": "child", "firefighters": "firefighter", "evacuees": "evacuee", "votes": "vote",
    "jobs": "job", "litres": "litre", "liters": "litre",
    "protesters": "protester", "demonstrators": "protester", "fish": "fish",
    "police officers": "police officer", "officers": "police officer", "flights": "flight",
    "passengers": "passenger", "visitors": "visitor", "spectators": "spectator",
    "pounds": "GBP", "£": "GBP", "francs": "CHF", "hectares": "hectare", "schools": "school",
    "hospitals": "hospital", "beds": "bed", "doses": "vaccine dose", "cases": "case",
    "infections": "infection", "victims": "victim", "missing": "missing", "arrests": "arrest",
    "prisoners": "prisoner", "hostages": "hostage", "tanks": "tank", "aircraft": "aircraft",
    "ships": "ship", "strikers": "striker", "members": "member", "participants": "participant",
    "voters": "voter", "trains": "train", "freight trains": "train", "metres": "m", "meters": "m",
    "evacuated": "evacuee",
}
