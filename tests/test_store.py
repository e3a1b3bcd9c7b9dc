"""Stable, deduplicated, incremental graphs; exports and round trips; saved queries; the SPARQL endpoint."""

import csv
import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

import kgraph
from conftest import canonical
from kgraph.sparql import saved_queries
from kgraph.vocab import KG

SAME_EVENT = [
    {"id": "a", "text": "Egypt condemned Israel on Monday.", "date": "2023-10-10", "url": "https://example.org/a"},
    {"id": "b", "text": "On Monday, Egypt condemned Israel.", "date": "2023-10-10", "url": "https://example.org/b"},
]


def _jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def test_one_event_reported_twice_is_one_node_with_two_pieces_of_evidence(tmp_path):
    kgraph.build([_jsonl(tmp_path / "in.jsonl", SAME_EVENT)], tmp_path / "out", html=False)
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    events = [e for e in g.subjects(RDF.type, KG.Event) if g.value(e, KG.cameoCode).startswith("11")]
    assert len(events) == 1
    assert int(g.value(events[0], KG.mentionCount)) == 2 and int(g.value(events[0], KG.sourceCount)) == 2
    edges = [(s, o) for s, p, o in g if str(p).endswith("/condemn")]
    assert len(edges) == 1


def test_incremental_build_and_idempotence(tmp_path):
    first, second = _jsonl(tmp_path / "a.jsonl", SAME_EVENT[:1]), _jsonl(tmp_path / "b.jsonl", SAME_EVENT[1:])
    kgraph.build([first, second], tmp_path / "together", html=False)
    kgraph.build([first], tmp_path / "step", html=False)
    kgraph.build([second], tmp_path / "step", graph=tmp_path / "step" / "graph.ttl", html=False)
    together = Graph().parse(tmp_path / "together" / "graph.ttl")
    stepwise = Graph().parse(tmp_path / "step" / "graph.ttl")
    assert isomorphic(together, stepwise)
    # building the same article again changes nothing
    kgraph.build([first], tmp_path / "step", graph=tmp_path / "step" / "graph.ttl", html=False)
    assert isomorphic(stepwise, Graph().parse(tmp_path / "step" / "graph.ttl"))


def test_remove_retracts_evidence_and_orphaned_events(tmp_path):
    other = {"id": "c", "text": "Japan praised India.", "date": "2023-10-11"}
    kgraph.build([_jsonl(tmp_path / "in.jsonl", [*SAME_EVENT, other])], tmp_path / "out", html=False)
    graph = tmp_path / "out" / "graph.ttl"
    assert kgraph.remove(graph, ["https://example.org/a"]) == 1
    g = Graph().parse(graph)
    condemn = [e for e in g.subjects(RDF.type, KG.Event) if g.value(e, KG.verb) == Literal("condemn")]
    assert len(condemn) == 1 and int(g.value(condemn[0], KG.mentionCount)) == 1
    assert kgraph.remove(graph, ["b"]) == 1
    g = Graph().parse(graph)
    assert not [e for e in g.subjects(RDF.type, KG.Event) if g.value(e, KG.verb) == Literal("condemn")]
    assert not [t for t in g if str(t[1]).endswith("/condemn")]
    labels = {str(o) for o in g.objects(None, KG.documentId)}
    assert labels == {"c"}
    assert kgraph.remove(graph, ["nope"]) == 0


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".nq", ".trig", ".jsonld"])
def test_exports_parse_back_to_the_same_graph(built, tmp_path, suffix):
    g = Graph().parse(built.outputs["turtle"])
    out = kgraph.export(built.outputs["turtle"], tmp_path / f"graph{suffix}")
    if suffix in {".nq", ".trig"}:
        from rdflib import Dataset

        back = Graph()
        for s, p, o, _ in Dataset().parse(out, format="nquads" if suffix == ".nq" else "trig").quads():
            back.add((s, p, o))
    else:
        back = Graph().parse(out, format={".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld"}[suffix])
    # the build is written by Oxigraph and the export by rdflib: "-5"^^xsd:decimal comes back as -5.0
    assert isomorphic(canonical(g), canonical(back))


def test_turtle_round_trips_through_rdflib_and_oxigraph(built, tmp_path):
    # Each library writes numbers in its own canonical form (an integral xsd:decimal is "-5" in
    # Oxigraph, -5.0 in rdflib), so the rdflib round trip of the file Oxigraph wrote compares values
    g = Graph().parse(built.outputs["turtle"])
    again_rdflib = Graph().parse(data=g.serialize(format="turtle"), format="turtle")
    assert isomorphic(canonical(g), canonical(again_rdflib))
    assert isomorphic(again_rdflib, Graph().parse(data=again_rdflib.serialize(format="turtle"), format="turtle"))
    # Oxigraph: parse → serialise → parse, exactly (kgraph's graphs have no blank nodes, so sets compare)
    first = ox.Store()
    first.load(path=str(built.outputs["turtle"]), format=ox.RdfFormat.TURTLE)
    again = tmp_path / "ox.ttl"
    first.dump(str(again), format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph())
    second = ox.Store()
    second.load(path=str(again), format=ox.RdfFormat.TURTLE)
    assert set(first) == set(second) and len(first) == len(g)


def test_csv_has_gdelt_like_columns(built, tmp_path):
    out = kgraph.export(built.outputs["turtle"], tmp_path / "events.csv")
    rows = list(csv.DictReader(out.open()))
    g = Graph().parse(built.outputs["turtle"])
    assert len(rows) == len(set(g.subjects(RDF.type, KG.Event)))
    row = next(r for r in rows if r["Actor1Id"] == "USA" and r["Actor2Id"] == "RUS" and r["Verb"] == "warn")
    assert row["EventRootCode"] == "13" and row["QuadClass"] == "3" and row["SQLDATE"] == "20211207"
    assert row["SOURCEURL"].startswith("https://") and "warned" in row["Sentence"]


def test_every_saved_query_runs_on_the_bundled_graph(built):
    names = set(saved_queries())
    assert {"threats", "partners-and-rivals", "pair-balance", "evidence", "most-active", "not-facts"} <= names
    for name in names:
        result = kgraph.query(built.outputs["turtle"], name)
        assert result.rows, name
    threats = kgraph.query(built.outputs["turtle"], "threats", params={"from": "2021-12-01", "to": "2021-12"})
    assert threats.rows and all(r[6].startswith("2021-12") for r in threats.rows)
    partners = kgraph.query(built.outputs["turtle"], "partners-and-rivals", params={"actor": "actor:RUS"})
    assert partners.rows and {r[0] for r in partners.rows} == {"Russia"}
    not_facts = kgraph.query(built.outputs["turtle"], "not-facts")
    assert all(r[4] != "asserted" or r[5] == "true" for r in not_facts.rows)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint(built):
    from kgraph.serve import serve

    with serve(built.outputs["turtle"], port=_free_port()) as server:
        yield server


def _http(url, data=None, headers=None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode(), err.headers.get("Content-Type", "")


def test_endpoint_answers_get_and_post_in_json_and_csv(endpoint):
    q = "PREFIX kg: <https://w3id.org/kgraph/ontology#> SELECT (COUNT(*) AS ?n) WHERE { ?e a kg:Event }"
    status, body, ctype = _http(endpoint.query_url + "?" + urllib.parse.urlencode({"query": q}),
                                headers={"Accept": "application/sparql-results+json"})
    assert status == 200 and "json" in ctype
    n = int(json.loads(body)["results"]["bindings"][0]["n"]["value"])
    assert n >= 30
    status, body, ctype = _http(endpoint.query_url, data=q.encode(),
                                headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    assert status == 200 and body.splitlines()[0].strip() == "n" and int(body.splitlines()[1]) == n


def test_endpoint_refuses_updates(endpoint):
    update = "DELETE WHERE { ?s ?p ?o }"
    status, _, _ = _http(endpoint.url + "/update", data=update.encode(),
                         headers={"Content-Type": "application/sparql-update"})
    assert status >= 400
    status, body, _ = _http(endpoint.query_url + "?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}),
                            headers={"Accept": "application/sparql-results+json"})
    assert json.loads(body)["boolean"] is True


def test_endpoint_malformed_query_is_a_protocol_error(endpoint):
    status, _, _ = _http(endpoint.query_url + "?" + urllib.parse.urlencode({"query": "SELECT WHERE {"}))
    assert status == 400


def test_oxigraph_store_on_disk_gives_the_same_graph(built, examples_dir, tmp_path):
    store = tmp_path / "store"
    result = kgraph.build([examples_dir], tmp_path / "out", store=str(store), html=False)
    memory = canonical(Graph().parse(built.outputs["turtle"]))
    assert isomorphic(memory, canonical(Graph().parse(result.outputs["turtle"])))
    # the store persists and the same query answers over it
    rows = kgraph.query(store, "SELECT ?a ?b WHERE { ?a rel:warn ?b }").rows
    assert sorted(rows) == sorted(kgraph.query(built.outputs["turtle"], "SELECT ?a ?b WHERE { ?a rel:warn ?b }").rows)
    # building again into the same store changes nothing
    kgraph.build([examples_dir], tmp_path / "out2", store=str(store), html=False)
    assert isomorphic(memory, canonical(Graph().parse(tmp_path / "out2" / "graph.ttl")))


def test_build_into_a_running_oxigraph_server(examples_dir, built, tmp_path):
    from kgraph.serve import serve

    empty = tmp_path / "empty.nt"
    empty.write_text("")
    with serve(empty, port=_free_port(), writable=True) as server:
        kgraph.build([examples_dir], tmp_path / "out", store=server.url + "/update", html=False)
        q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        status, body, _ = _http(server.query_url + "?" + urllib.parse.urlencode({"query": q}),
                                headers={"Accept": "application/sparql-results+json"})
        n = int(json.loads(body)["results"]["bindings"][0]["n"]["value"])
        assert n == len(Graph().parse(built.outputs["turtle"]))
        kgraph.build([examples_dir], tmp_path / "out", store=server.url + "/update", html=False)
        status, body, _ = _http(server.query_url + "?" + urllib.parse.urlencode({"query": q}),
                                headers={"Accept": "application/sparql-results+json"})
        assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) == n


def test_jobs_and_dask_give_the_same_graph(built, examples_dir, tmp_path):
    """--jobs 2 and the Dask engine (local cluster) build the same graph as one process."""
    one = canonical(Graph().parse(built.outputs["turtle"]))
    two = kgraph.build([examples_dir], tmp_path / "jobs2", jobs=2, html=False)
    assert isomorphic(one, canonical(Graph().parse(two.outputs["turtle"])))
    assert two.events == built.events
    dask = kgraph.build([examples_dir], tmp_path / "dask", engine="dask", jobs=2, html=False)
    assert isomorphic(one, canonical(Graph().parse(dask.outputs["turtle"])))
    lines = (tmp_path / "dask" / "events.jsonl").read_text().splitlines()
    assert len(lines) == built.events == dask.events


def test_endpoint_stops_runaway_queries_and_keeps_serving(built):
    """Oxigraph cancels a counting cross join itself but not a sort over one; the guard stops both."""
    from kgraph.serve import serve

    with serve(built.outputs["turtle"], port=_free_port(), timeout_s=2) as server:
        for q in ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",  # ~10^11 rows
                  "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i LIMIT 3"):
            start = time.monotonic()
            status, body, _ = _http(server.query_url + "?" + urllib.parse.urlencode({"query": q}),
                                    headers={"Accept": "application/sparql-results+json"})
            assert status in {500, 503}, (status, body[:200])
            assert "time limit" in body
            assert time.monotonic() - start < 8
            status, body, _ = _http(server.query_url + "?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}),
                                    headers={"Accept": "application/sparql-results+json"})
            assert status == 200 and json.loads(body)["boolean"] is True


def test_endpoint_limits_the_size_of_an_answer(built):
    from kgraph.serve import serve

    with serve(built.outputs["turtle"], port=_free_port(), max_result_mb=1) as server:
        q = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"  # streams without end in plain Oxigraph
        status, body, _ = _http(server.query_url + "?" + urllib.parse.urlencode({"query": q}),
                                headers={"Accept": "application/sparql-results+json"})
        assert status == 413 and "LIMIT" in body
        q = "SELECT * WHERE { ?a ?b ?c } LIMIT 10"
        status, body, _ = _http(server.query_url + "?" + urllib.parse.urlencode({"query": q}),
                                headers={"Accept": "application/sparql-results+json"})
        assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 10


def test_endpoint_serves_only_the_query_endpoint_unless_writable(endpoint):
    # loopback only, by default: the guard and the Oxigraph engine behind it
    assert endpoint.url.startswith("http://127.0.0.1:") and endpoint.guard.server_address[0] == "127.0.0.1"
    assert f"127.0.0.1:{endpoint.engine.port}" in " ".join(endpoint.process.args)
    status, body, _ = _http(endpoint.url + "/store?default", data=b"<a:x> <a:y> <a:z> .",
                            headers={"Content-Type": "application/n-triples"})
    assert status == 403 and "read-only" in body
    status, _, _ = _http(endpoint.url + "/anything-else")
    assert status == 404


def test_turtle_is_sorted_by_subject_each_subject_once(built, tmp_path, monkeypatch):
    import kgraph.graph as graph_module
    from kgraph.vocab import prefixes

    text = built.outputs["turtle"].read_text()
    subjects = [line.split(" ", 1)[0] for line in text.splitlines()
                if line and not line[0].isspace() and not line.startswith("@")]
    assert subjects == sorted(subjects) and len(subjects) == len(set(subjects))
    assert {"actor:RUS", "actor:USA"} <= set(subjects)
    # past the in-memory limit, sorted runs are merged from disk into the same file
    store = ox.Store()
    store.load(path=str(built.outputs["turtle"]), format=ox.RdfFormat.TURTLE)
    graph_module.sorted_turtle(store, tmp_path / "memory.ttl", prefixes())
    monkeypatch.setattr(graph_module, "SORT_RUN_BYTES", 4096)
    graph_module.sorted_turtle(store, tmp_path / "runs.ttl", prefixes())
    assert (tmp_path / "runs.ttl").read_bytes() == (tmp_path / "memory.ttl").read_bytes()
    back = ox.Store()
    back.load(path=str(tmp_path / "runs.ttl"), format=ox.RdfFormat.TURTLE)
    assert set(back) == set(store)
