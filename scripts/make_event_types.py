"""Write ontology/event-types.ttl, the SKOS event-type scheme and property hierarchy, from cameo.jsonl.

Run after editing ontology/events/cameo.jsonl; tests/test_ontology.py checks the file is up to date."""

from kgraph.graph import event_type_scheme, save_graph
from kgraph.lexicon import Lexicon
from kgraph.resources import ontology_dir

if __name__ == "__main__":
    path = ontology_dir() / "event-types.ttl"
    save_graph(event_type_scheme(Lexicon.load()), path)
    print(f"wrote {path}")
