"""Any actor or document name makes valid IRIs and literals: every graph written parses back, in rdflib
and in Oxigraph, to the same graph (property-based, with hypothesis)."""

import datetime as dt

import pyoxigraph as ox
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph
from rdflib.compare import isomorphic

from kgraph.graph import GraphWriter, new_graph
from kgraph.lexicon import Lexicon
from kgraph.model import Actor, Document, Event, Evidence

LEXICON = Lexicon.load()
TYPE = LEXICON.types["130"]
# quotes, spaces, angle brackets, emoji, right-to-left text, control characters and very long names
names = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300) | st.sampled_from(
    ['"><script>alert(1)</script>', "a b\tc\nd", "<http://x>", "🇺🇦 Україна", "إسرائيل", "x" * 5000, "\\u0000", "'; DROP"])


def actor(name: str, kind: str) -> Actor:
    return Actor(id=name, label=name, kind=kind, country="USA", cameo="USA", wikidata=None)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=names, target=names, doc_id=names, title=names, url=names, sentence=names)
def test_any_names_round_trip(source, target, doc_id, title, url, sentence):
    document = Document(id=doc_id, text=sentence, title=title, date=dt.date(2022, 1, 1), url=url)
    event = Event(doc_id=doc_id, sentence_index=0, source=actor(source, "country"), target=actor(target + "#", "person"),
                  source_code="USA", target_code="RUS", verb="warn", relation="warn", event_type=TYPE, negated=False,
                  mode="asserted", date="2022-01-01", date_from_text=False,
                  evidence=Evidence(text=sentence, start=0, end=len(sentence)), confidence=0.9, extractor="dependency")
    writer = GraphWriter(new_graph(), LEXICON)
    writer.add_document(document, [event])
    writer.finish()
    graph = writer.target
    turtle = graph.serialize(format="turtle")
    assert isomorphic(graph, Graph().parse(data=turtle, format="turtle"))
    nt = graph.serialize(format="nt", encoding="utf-8")
    store = ox.Store()
    store.load(nt, format=ox.RdfFormat.N_TRIPLES)
    store.load(turtle.encode("utf-8"), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("http://check/"))
    assert len(store) == 2 * len(graph)
