"""The acceptance case of DESIGN.md: the article the project was commissioned from, as users have it."""

import json
import subprocess
import sys

import pytest

# (sources, relation root(s), targets, date or None) for each row of DESIGN.md's acceptance table.
ROWS = [
    ({"USA"}, {"13"}, {"RUS"}, "2021-12-28"),
    ({"Joe_Biden"}, {"02"}, {"Vladimir_Putin"}, None),
    ({"RUS"}, {"10"}, {"USA"}, None),
    ({"RUS"}, {"10"}, {"NATO"}, None),
    ({"USA", "RUS"}, {"03", "04"}, {"USA", "RUS"}, "2022-01-10"),
    ({"RUS", "NATO"}, {"03", "04"}, {"RUS", "NATO"}, "2022-01-12"),
]


@pytest.fixture(scope="module")
def acceptance_events(sample_article):
    out = subprocess.run(
        [sys.executable, "-m", "kgraph.cli", "extract", str(sample_article), "--format", "jsonl", "--quiet"],
        capture_output=True, text=True, check=True,
    )
    return [json.loads(line) for line in out.stdout.splitlines()]


def _found(events, sources, roots, targets, date):
    for e in events:
        if e["source"]["id"] in sources and e["target"]["id"] in targets and e["source"]["id"] != e["target"]["id"]:
            if e["cameo_root"] in roots and (date is None or e["date"] == date):
                return True
    return False


def test_at_least_five_of_six_rows(acceptance_events):
    hits = [row for row in ROWS if _found(acceptance_events, *row)]
    assert len(hits) >= 5, f"found {len(hits)} of 6 rows: {hits}"


def test_symmetric_meetings_go_both_ways(acceptance_events):
    for a, b, date in (("USA", "RUS", "2022-01-10"), ("RUS", "NATO", "2022-01-12")):
        assert _found(acceptance_events, {a}, {"03", "04"}, {b}, date)
        assert _found(acceptance_events, {b}, {"03", "04"}, {a}, date)


def test_no_false_actors(acceptance_events):
    for e in acceptance_events:
        for side in (e["source"], e["target"]):
            assert side["id"] not in {"CNN", "Allies", "Thats"}
            assert not any(ch.isdigit() for ch in side["label"]), side
            assert "http" not in side["label"]
        # nothing built from the title, date line or URL: every evidence span lies in the body
        assert "20211228" not in e["evidence"]["text"] and "https://" not in e["evidence"]["text"]


def test_evidence_points_at_the_original_text(acceptance_events, sample_article):
    body = sample_article.read_text(encoding="utf-8").split("\n", 3)[3]
    for e in acceptance_events:
        ev = e["evidence"]
        assert body[ev["start"]:ev["end"]] == ev["text"]


def test_contract_fields(acceptance_events):
    keys = {"doc_id", "sentence_index", "source", "target", "verb", "cameo", "cameo_root", "plover", "quad_class",
            "negated", "mode", "date", "evidence", "confidence"}
    for e in acceptance_events:
        assert keys <= set(e)
        assert set(e["source"]) >= {"id", "label", "country", "cameo", "wikidata"}
        assert e["cameo"].startswith(e["cameo_root"])
        assert e["quad_class"] in (1, 2, 3, 4)
    usa = next(e["source"] for e in acceptance_events if e["source"]["id"] == "USA")
    assert usa["country"] == "USA" and usa["wikidata"] == "Q30" and usa["cameo"].startswith("USA")
