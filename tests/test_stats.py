"""`kgraph stats`: the summary of a graph for reading, on the bundled examples and on a small graph whose
every number is known in advance."""

import datetime as dt
import json
import subprocess
import sys

import pytest

import kgraph
from kgraph.graph import GraphWriter, new_graph
from kgraph.lexicon import Lexicon
from kgraph.model import Actor, Document, Event, Evidence
from kgraph.sparql import query as sparql
from kgraph.stats import format_stats, stats


@pytest.fixture(scope="module")
def summary(built):
    return kgraph.stats(built.outputs["turtle"], top=None)


def _count(graph_path, where: str) -> int:
    return int(sparql(graph_path, f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ {where} }}").rows[0][0])


def test_russia_and_the_united_states_are_among_the_most_active(summary, built):
    top5 = [a["id"] for a in summary["most_active"][:5]]
    assert "RUS" in top5 and "USA" in top5
    # the examples are about the two of them: they lead, in whichever order the counts fall
    assert {a["label"] for a in summary["most_active"][:2]} == {"Russia", "United States"}
    ttl = built.outputs["turtle"]
    for a in summary["most_active"]:
        iri = f"<{a['iri']}>"
        assert a["events"] == _count(ttl, f"?e a kg:Event . {{ ?e kg:source {iri} }} UNION {{ ?e kg:target {iri} }}")
        assert a["as_source"] == _count(ttl, f"?e a kg:Event ; kg:source {iri}")
    counts = [a["events"] for a in summary["most_active"]]
    assert counts == sorted(counts, reverse=True)


def test_centrality_ranks_russia_near_the_top(summary):
    central = summary["most_central"]
    assert "RUS" in [a["id"] for a in central[:3]]
    assert all(0 <= a["betweenness"] <= 1 and 0 <= a["degree"] <= 1 for a in central)
    russia = next(a for a in central if a["id"] == "RUS")
    partners = {p["b"]["id"] if p["a"]["id"] == "RUS" else p["a"]["id"]
                for p in summary["busiest_pairs"] if "RUS" in (p["a"]["id"], p["b"]["id"])} - {"RUS"}
    assert russia["partners"] == len(partners)
    assert not summary["betweenness_sampled"]


def test_dates_cover_2015_to_2024_like_the_articles(summary, built_events):
    dates = sorted(e["date"] for e in built_events if e["date"])
    assert summary["dates"]["first"] == dates[0] and summary["dates"]["first"].startswith("2015")
    assert summary["dates"]["last"] == dates[-1] and summary["dates"]["last"].startswith("2024")


def test_pairs_add_up_to_the_events_of_the_graph(summary, built):
    ttl = built.outputs["turtle"]
    events = _count(ttl, "?e a kg:Event")
    assert summary["totals"]["events"] == events
    pairs = summary["busiest_pairs"]
    assert len(pairs) == summary["totals"]["pairs"]
    assert sum(p["events"] for p in pairs) == events
    assert all(p["cooperation"] + p["conflict"] + p["not_as_stated"] == p["events"] for p in pairs)
    stated = "?e a kg:Event ; kg:negated false ; kg:mode ?m ; kg:quadClass ?q . FILTER(?m != kg:Hypothetical && ?m != kg:Denied)"
    assert sum(p["cooperation"] for p in pairs) == _count(ttl, stated + " FILTER(?q <= 2)")
    assert sum(p["conflict"] for p in pairs) == _count(ttl, stated + " FILTER(?q >= 3)")
    russia_ukraine = next(p for p in pairs if {p["a"]["id"], p["b"]["id"]} == {"RUS", "UKR"})
    assert pairs[0] is russia_ukraine  # the busiest pair of the bundled articles
    assert russia_ukraine["conflict"] > russia_ukraine["cooperation"] and russia_ukraine["mean_goldstein"] < 0


def test_communities_that_clash_and_cooperate(summary):
    clash = summary["communities"]["conflict"]
    cooperate = summary["communities"]["cooperation"]
    assert clash and cooperate
    # Russia and Ukraine fight each other in the bundled articles: one conflict community holds both, among the
    # two largest, and more of its events are conflict than cooperation
    (war,) = [c for c in clash if "RUS" in {m["id"] for m in c["members"]}]
    assert "UKR" in {m["id"] for m in war["members"]} and war in clash[:2] and war["conflict"] > war["cooperation"]
    for kind in (clash, cooperate):
        members = [m["id"] for c in kind for m in c["members"]]
        assert len(members) == len(set(members))  # a partition: nobody is in two communities of a kind
        assert all(len(c["members"]) >= 2 and c["events"] == c["cooperation"] + c["conflict"] for c in kind)
    assert sum(c["cooperation"] for c in cooperate) > sum(c["conflict"] for c in cooperate)


def test_top_bounds_every_list(built):
    small = kgraph.stats(built.outputs["turtle"], top=3)
    assert len(small["most_active"]) == len(small["most_central"]) == len(small["busiest_pairs"]) == 3
    assert all(len(v) <= 3 for v in small["communities"].values())


def test_an_rdflib_graph_gives_the_same_summary(summary, built):
    from rdflib import Graph

    assert stats(Graph().parse(built.outputs["turtle"]), top=None) == summary


def test_the_table_reads(summary):
    text = format_stats(summary)
    assert text.startswith(f"{summary['totals']['events']} events between")
    for heading in ("Most active actors", "Most central actors", "Busiest pairs", "Communities that cooperate",
                    "Communities that clash"):
        assert heading in text
    assert "Russia" in text and "2015-" in text
    assert json.loads(format_stats(summary, "json")) == summary


def _synthetic():
    """A — B: 3 consultations (B → A: 1 aid) and 1 negated attack; A criticises C; C attacks D twice."""
    lexicon = Lexicon.load()
    actor = {k: Actor(id=k, label=f"Land {k}", kind="country", country=k, cameo=k) for k in "ABCD"}
    plan = [("A", "B", "040", "consult", False), ("A", "B", "040", "consult", False), ("A", "B", "040", "consult", False),
            ("B", "A", "070", "provideAid", False), ("A", "B", "190", "attack", True), ("A", "C", "111", "criticize", False),
            ("C", "D", "190", "attack", False), ("C", "D", "190", "attack", False)]
    events = [Event(doc_id="d", sentence_index=i, source=actor[s], target=actor[t], source_code=s, target_code=t,
                    verb=rel, relation=rel, event_type=lexicon.types[code], negated=negated, mode="asserted",
                    date=f"2020-01-{i + 1:02d}", date_from_text=False, evidence=Evidence(f"s{i}.", 4 * i, 4 * i + 3),
                    confidence=0.9, extractor="test")
              for i, (s, t, code, rel, negated) in enumerate(plan)]
    graph = new_graph()
    writer = GraphWriter(graph, lexicon)
    writer.add_document(Document(id="d", text="x" * 40, date=dt.date(2020, 1, 31)), events)
    writer.finish()
    return graph


def test_a_graph_whose_numbers_are_known():
    s = stats(_synthetic(), top=None)
    assert s["totals"] | {"by_quad_class": None} == {
        "events": 8, "actors": 4, "documents": 1, "pairs": 3, "cooperation": 4, "conflict": 3, "not_as_stated": 1,
        "by_quad_class": None, "mean_goldstein": round((3 * 1.0 + 7.0 - 2.0 - 2 * 10.0) / 7, 2)}
    assert s["dates"] == {"first": "2020-01-01", "last": "2020-01-08", "undated": 0}
    assert [(a["id"], a["events"], a["as_source"], a["as_target"]) for a in s["most_active"]] == [
        ("A", 6, 5, 1), ("B", 5, 1, 4), ("C", 3, 2, 1), ("D", 2, 0, 2)]
    # the network is the path B — A — C — D: A and C each lie on 2 of the 3 paths between the others
    assert [(a["id"], a["partners"], a["betweenness"]) for a in s["most_central"]] == [
        ("A", 2, 0.6667), ("C", 2, 0.6667), ("B", 1, 0.0), ("D", 1, 0.0)]
    assert [((p["a"]["id"], p["b"]["id"]), p["events"], p["cooperation"], p["conflict"], p["not_as_stated"], p["mean_goldstein"])
            for p in s["busiest_pairs"]] == [
        (("A", "B"), 5, 4, 0, 1, 2.5), (("C", "D"), 2, 0, 2, 0, -10.0), (("A", "C"), 1, 0, 1, 0, -2.0)]
    cooperate = s["communities"]["cooperation"]
    assert [[m["id"] for m in c["members"]] for c in cooperate] == [["A", "B"]]
    assert (cooperate[0]["events"], cooperate[0]["cooperation"], cooperate[0]["conflict"]) == (4, 4, 0)
    clash = s["communities"]["conflict"]
    assert any({"C", "D"} <= {m["id"] for m in c["members"]} for c in clash)
    assert all(c["conflict"] > 0 for c in clash)


def test_an_empty_graph():
    s = stats(new_graph())
    assert s["totals"]["events"] == 0 and s["most_active"] == [] and s["dates"]["first"] is None
    assert "0 events" in format_stats(s)


def _kgraph(*args):
    return subprocess.run([sys.executable, "-m", "kgraph.cli", *map(str, args)], capture_output=True, text=True)


def test_command_line(built, tmp_path):
    ttl = built.outputs["turtle"]
    table = _kgraph("stats", ttl)
    assert table.returncode == 0, table.stderr
    assert "Most active actors" in table.stdout and "Russia" in table.stdout
    as_json = _kgraph("stats", ttl, "--format", "json", "--top", "4")
    assert as_json.returncode == 0, as_json.stderr
    data = json.loads(as_json.stdout)
    assert len(data["most_active"]) == 4 and {a["id"] for a in data["most_active"][:2]} == {"RUS", "USA"}
    every = json.loads(_kgraph("stats", ttl, "--format", "json", "--top", "0").stdout)
    assert sum(p["events"] for p in every["busiest_pairs"]) == every["totals"]["events"]
    bad = _kgraph("stats", ttl, "--format", "xml")
    assert bad.returncode == 2 and "unknown format" in bad.stderr
    missing = _kgraph("stats", tmp_path / "nothing.ttl")
    assert missing.returncode == 1 and "no such graph file" in missing.stderr
