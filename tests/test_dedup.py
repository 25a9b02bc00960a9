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


def test_similarities_match_pairwise_similarity() -> None:
    texts = ["Der Hafen von Rotterdam wird ab Montag bestreikt, teilte die Gewerkschaft mit. " * 3,
             "Der Hafen von Rotterdam wird ab Dienstag bestreikt, teilte die Gewerkschaft mit. " * 3,
             "Ganz andere Nachricht über das Wetter in Bremen und die Ernte im Herbst. " * 3]
    sigs = [dedup.signature(t) for t in texts]
    got = dedup.similarities(sigs[0], sigs)
    assert list(got) == [dedup.similarity(sigs[0], s) for s in sigs]
    assert got[0] == 1.0 and got[1] > got[2]
    assert len(dedup.similarities(sigs[0], [])) == 0
