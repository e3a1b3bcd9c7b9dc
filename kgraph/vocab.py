"""RDF namespaces of kgraph's vocabulary (ontology/kgraph.ttl) and of the data it writes.

Ontology terms are attributes of closed Namespaces, so a typo raises an error instead of minting a
new IRI; the data namespaces (actor/, event/ …) hang off a configurable base IRI.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, ClosedNamespace

ONTOLOGY_IRI = "https://w3id.org/kgraph/ontology#"
DEFAULT_BASE = "https://w3id.org/kgraph/data/"

KG = ClosedNamespace(
    ONTOLOGY_IRI,
    [
        # classes
        "Actor", "Country", "Territory", "Organisation", "ArmedGroup", "Person", "Group", "Agent",
        "Event", "Evidence", "Document", "EventType", "CameoEventType", "PloverCategory", "QuadClass",
        "Mode", "Asserted", "Intended", "Threatened", "Hypothetical", "Denied",
        "RelationProperty", "CameoProperty", "PloverProperty", "QuadClassProperty",
        "EventTypeScheme",
        # object properties
        "interactsWith", "verbalCooperation", "materialCooperation", "verbalConflict", "materialConflict",
        "source", "target", "relation", "eventType", "mode", "evidence", "attributedTo", "partOf",
        "ploverConcept", "quadClassConcept", "cameoProperty", "agentRole",
        # datatype properties
        "cameoCode", "countryCode", "ploverCategory", "ploverMode", "quadClass", "goldstein", "negated",
        "date", "dateFromText", "mentionCount", "sourceCount", "sentence", "sentenceIndex", "charStart",
        "charEnd", "extractor", "confidence", "verb", "sourceCode", "targetCode", "documentId",
    ],
)
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")
REL = Namespace("https://w3id.org/kgraph/rel/")
CAMEO = Namespace("https://w3id.org/kgraph/cameo/")
PLOVER = Namespace("https://w3id.org/kgraph/plover/")
ET = Namespace("https://w3id.org/kgraph/event-type/")

QUAD_PROPERTIES = {
    1: KG.verbalCooperation,
    2: KG.materialCooperation,
    3: KG.verbalConflict,
    4: KG.materialConflict,
}
QUAD_LABELS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
MODES = {
    "asserted": KG.Asserted,
    "intended": KG.Intended,
    "threatened": KG.Threatened,
    "hypothetical": KG.Hypothetical,
    "denied": KG.Denied,
}
ACTOR_CLASSES = {
    "country": KG.Country,
    "territory": KG.Territory,
    "organisation": KG.Organisation,
    "armed_group": KG.ArmedGroup,
    "person": KG.Person,
    "group": KG.Group,
}


@dataclass(frozen=True)
class DataNamespaces:
    """Where kgraph mints IRIs for the things it finds, under one configurable base."""

    base: str = DEFAULT_BASE

    @property
    def actor(self) -> Namespace:
        return Namespace(self.base + "actor/")

    @property
    def event(self) -> Namespace:
        return Namespace(self.base + "event/")

    @property
    def evidence(self) -> Namespace:
        return Namespace(self.base + "evidence/")

    @property
    def doc(self) -> Namespace:
        return Namespace(self.base + "doc/")


def prefixes(data: DataNamespaces | None = None) -> dict[str, str]:
    """The prefixes bound in every graph kgraph writes and every query it runs."""
    data = data or DataNamespaces()
    return {
        "kg": ONTOLOGY_IRI,
        "rel": str(REL),
        "cameo": str(CAMEO),
        "plover": str(PLOVER),
        "et": str(ET),
        "actor": str(data.actor),
        "event": str(data.event),
        "evidence": str(data.evidence),
        "doc": str(data.doc),
        "wd": str(WD),
        "schema": str(SCHEMA),
        "prov": str(PROV),
        "dcterms": str(DCTERMS),
        "skos": str(SKOS),
        "owl": str(OWL),
        "rdf": str(RDF),
        "rdfs": str(RDFS),
        "xsd": str(XSD),
    }
