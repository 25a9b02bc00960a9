"""Wire-agency credits: "Berlin (dpa) -", "(AFP)", "(red mit dpa)", "(afp/dpa)", "Quelle: dpa"."""

from __future__ import annotations

import re

AGENCIES = {
    "dpa": "dpa", "afp": "AFP", "reuters": "Reuters", "ap": "AP", "kna": "KNA", "epd": "epd",
    "apa": "APA", "sda": "SDA", "ddp": "ddp", "dapd": "dapd", "ansa": "ANSA", "efe": "EFE",
    "upi": "UPI", "bloomberg": "Bloomberg", "xinhua": "Xinhua", "yonhap": "Yonhap", "sid": "SID",
}
_NAMES = "|".join(sorted(AGENCIES, key=len, reverse=True))
CREDIT_RE = re.compile(
    rf"\((?:[\w.]+\s+(?:mit|with|/)\s+)?((?:{_NAMES})(?:\s*[/,]\s*(?:{_NAMES}))*)\)"
    rf"|(?:Quelle|Source|Mit Material von|With reporting by)\s*:?\s*"
    rf"((?:{_NAMES})(?:\s*[/,]\s*(?:{_NAMES}))*)\b",
    re.IGNORECASE,
)


def wire_credits(text: str, byline: str | None = None) -> tuple[str, ...]:
    """Agencies credited at the head or foot of an article (or in its byline), in order."""
    zone = " ".join(filter(None, (text[:400], text[-300:], byline or "")))
    found: list[str] = []
    for m in CREDIT_RE.finditer(zone):
        for name in re.split(r"\s*[/,]\s*", m.group(1) or m.group(2)):
            agency = AGENCIES.get(name.lower())
            if agency and agency not in found:
                found.append(agency)
    return tuple(found)
