"""The RDF graph of the bundled examples: both layers, the property hierarchy, and other parsers."""

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import RDF

import kgraph
from kgraph.vocab import KG


def test_turtle_parses_with_rdflib_and_oxigraph(built):
    path = built.outputs["turtle"]
    g = Graph().parse(path, format="turtle")
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    assert len(g) == len(store) > 100


def test_direct_edges_query_at_verb_plover_and_quad_level(built):
    path = built.outputs["turtle"]
    warn = kgraph.query(path, "SELECT ?a ?b WHERE { ?a rel:accuse ?b }")
    by_plover = kgraph.query(path, "SELECT DISTINCT ?a ?b WHERE { ?p rdfs:subPropertyOf* plover:ACCUSE . ?a ?p ?b }")
    by_quad = kgraph.query(path, "SELECT DISTINCT ?a ?b WHERE { ?p rdfs:subPropertyOf* kg:verbalConflict . ?a ?p ?b }")
    assert set(map(tuple, warn.rows)) <= set(map(tuple, by_plover.rows)) <= set(map(tuple, by_quad.rows))
    assert by_plover.rows, "the examples accuse someone"


def test_event_nodes_carry_evidence_and_provenance(built):
    g = Graph().parse(built.outputs["turtle"], format="turtle")
    events = set(g.subjects(RDF.type, KG.Event))
    assert len(events) >= 30
    for event in events:
        assert g.value(event, KG.source) is not None and g.value(event, KG.target) is not None
        evidence = g.value(event, KG.evidence)
        assert g.value(evidence, KG.sentence) is not None
        assert int(g.value(event, KG.mentionCount)) >= 1


def test_negated_events_have_no_direct_edge(built):
    g = Graph().parse(built.outputs["turtle"], format="turtle")
    negated = [e for e in g.subjects(KG.negated, None) if g.value(e, KG.negated).toPython() is True]
    assert negated, "the examples contain negations"
    for event in negated:
        triple = (g.value(event, KG.source), g.value(event, KG.relation), g.value(event, KG.target))
        same = [e for e in g.subjects(KG.relation, triple[1])
                if (g.value(e, KG.source), g.value(e, KG.target)) == (triple[0], triple[2])
                and g.value(e, KG.negated).toPython() is False]
        assert same or triple not in g
