"""Exact and near-duplicate fingerprints."""

from __future__ import annotations

from claimledger.ingest import dedup

BASE = ("Der Streik der Hafenarbeiter hat sich am Mittwoch auf drei weitere Terminals "
        "ausgeweitet. Nach Angaben der Gewerkschaft legten mehr als 2.400 Beschäftigte die Arbeit "
        "nieder. Die Betreibergesellschaft sprach dagegen von rund 1.100 Streikenden. Die "
        "Gewerkschaftschefin sagte, die Beschäftigten seien zu allem bereit.")


def test_content_id_ignores_case_and_spacing() -> None:
    assert dedup.content_id(BASE) == dedup.content_id("  " + BASE.upper().replace(" ", "\n"))
    assert dedup.content_id(BASE) != dedup.content_id(BASE + " Ende.")


def test_edited_copy_is_near_and_other_text_is_not() -> None:
    sig = dedup.signature(BASE)
    copy = dedup.signature("Bremerhaven (dpa) - " + BASE.replace("am Mittwoch ", ""))
    other = dedup.signature("Die Bundesliga startet am Freitag mit einem Spiel in München. Der "
                            "Trainer sagte, seine Mannschaft sei gut vorbereitet.")
    assert dedup.similarity(sig, copy) >= 0.6
    assert set(dedup.band_keys(sig)) & set(dedup.band_keys(copy))
    assert dedup.similarity(sig, other) < 0.2
