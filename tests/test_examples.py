"""The bundled examples against their hand annotation (tests/data/examples_gold.jsonl, written with the
articles): the extractor must find most annotated dyads with their CAMEO root, and the build writes
what the demo promises."""

import json
from pathlib import Path

GOLD = Path(__file__).parent / "data" / "examples_gold.jsonl"


def _gold():
    return [json.loads(line) for line in GOLD.read_text().splitlines() if line.strip()]


def _score(events, gold):
    system = {(e["doc_id"].rsplit("/", 1)[-1], _country(e["source"]), _country(e["target"]), e["cameo_root"])
              for e in events}
    wanted = {(g["file"], g["source"], g["target"], g["cameo_root"]) for g in gold}
    dyad_only = {(f, s, t) for f, s, t, _ in system}
    found = wanted & system
    found_dyads = {(f, s, t) for f, s, t, _ in wanted} & dyad_only
    return len(found) / len(wanted), len(found_dyads) / len({(f, s, t) for f, s, t, _ in wanted})


def _country(actor):
    if actor["kind"] in {"organisation", "armed_group"}:
        return actor["id"]
    return actor["country"] or actor["id"]


def test_examples_recall(built_events):
    gold = [g for g in _gold() if g["mode"] not in {"negated", "hypothetical"}]
    root_recall, dyad_recall = _score(built_events, gold)
    # measured when written: dyad 0.62, dyad + root 0.49; the bars guard against regressions
    assert dyad_recall >= 0.6, dyad_recall
    assert root_recall >= 0.45, root_recall


def test_every_example_yields_events(built_events):
    docs = {e["doc_id"] for e in built_events}
    assert len(docs) >= 13


def test_demo_warn_query_returns_united_states_and_russia(built):
    import kgraph

    rows = kgraph.query(built.outputs["turtle"], "SELECT ?a ?b WHERE { ?a rel:warn ?b }").rows
    ids = {(a.rsplit("/", 1)[-1], b.rsplit("/", 1)[-1]) for a, b in rows}
    assert ("USA", "RUS") in ids
    plover = kgraph.query(built.outputs["turtle"],
                          "SELECT ?a ?b WHERE { ?p rdfs:subPropertyOf* plover:THREATEN . ?a ?p ?b }").rows
    assert ("USA", "RUS") in {(a.rsplit("/", 1)[-1], b.rsplit("/", 1)[-1]) for a, b in plover}
