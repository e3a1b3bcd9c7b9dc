"""The ontology, the SHACL shapes and the event-type scheme: described, consistent, enforced."""

import owlrl
from rdflib import Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS

from kgraph.graph import event_type_scheme, validate
from kgraph.lexicon import Lexicon
from kgraph.resources import ontology_dir
from kgraph.vocab import KG, PLOVER

ONTOLOGY = ontology_dir() / "kgraph.ttl"


def test_every_ontology_term_has_a_label_and_a_comment():
    g = Graph().parse(ONTOLOGY)
    for term in dir(KG):
        iri = KG[term]
        assert g.value(iri, RDFS.label) is not None, term
        assert g.value(iri, RDFS.comment) is not None, term


def test_event_type_scheme_file_is_up_to_date():
    written = Graph().parse(ontology_dir() / "event-types.ttl")
    assert isomorphic(written, event_type_scheme(Lexicon.load())), "run scripts/make_event_types.py"


def test_bundled_graph_conforms_to_the_shapes(built):
    g = Graph().parse(built.outputs["turtle"])
    conforms, report = validate(g)
    assert conforms, report


def test_broken_graph_fails_the_shapes(built):
    g = Graph().parse(built.outputs["turtle"])
    event = next(g.subjects(RDF.type, KG.Event))
    g.remove((event, KG.source, None))
    g.set((event, KG.quadClass, Literal(7)))
    conforms, report = validate(g)
    assert not conforms
    assert "source" in report and "quadClass" in report


def test_rdfs_inference_lifts_edges_to_plover_and_quad_level(built):
    g = Graph().parse(built.outputs["turtle"])
    g.parse(ONTOLOGY)
    before = set(g.subject_objects(PLOVER.THREATEN))
    owlrl.DeductiveClosure(owlrl.RDFS_Semantics).expand(g)
    threats = set(g.subject_objects(PLOVER.THREATEN))
    assert not before and threats
    assert threats <= set(g.subject_objects(KG.verbalConflict)) <= set(g.subject_objects(KG.interactsWith))
