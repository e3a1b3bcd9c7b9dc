"""Graph: events → the two-layer RDF model of DESIGN.md, in an rdflib Graph.

1. Direct edges `actor:USA rel:warn actor:RUS` for events that happened as stated (not negated, not
   hypothetical or denied). rel:warn ⊑ cameo:threaten ⊑ plover:THREATEN ⊑ kg:verbalConflict ⊑
   kg:interactsWith, so a query at any level works through rdfs:subPropertyOf*.
2. Event nodes with everything needed to trust an edge: codes, mode, negation, date, evidence, sources.

IRIs are stable: actors by canonical id, documents by URL or content hash, events by a hash of what
makes them the same event, so re-reading an article changes nothing and one event reported by several
articles is one node with several pieces of evidence.
"""

from __future__ import annotations

import hashlib
import heapq
import itertools
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from typing import BinaryIO
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from .lexicon import Lexicon
from .model import Actor, Document, Event, EventType
from .readers import content_hash
from .resources import ontology_dir
from .vocab import (
    ACTOR_CLASSES, CAMEO, ET, KG, MODES, PLOVER, QUAD_LABELS, QUAD_PROPERTIES, REL, SCHEMA, WD,
    DataNamespaces, prefixes,
)

# Events whose direct edge is written: what was done or said, not what was denied or only imagined.
FACTUAL_MODES = {"asserted", "intended", "threatened"}


def new_graph(ns: DataNamespaces | None = None) -> Graph:
    graph = Graph()
    for prefix, iri in prefixes(ns).items():
        graph.bind(prefix, iri, override=True, replace=True)
    return graph


def _hash(*parts: object) -> str:
    return hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8")).hexdigest()[:20]


def actor_iri(actor_id: str, ns: DataNamespaces) -> URIRef:
    # Percent-encode everything outside the unreserved set: any name makes a valid IRI.
    return ns.actor[quote(actor_id, safe="")]


def document_iri(document: Document, ns: DataNamespaces) -> URIRef:
    key = f"url:{document.url}" if document.url else f"text:{content_hash(document.text)}"
    return ns.doc[_hash(key)]


def event_iri(event: Event, ns: DataNamespaces) -> URIRef:
    return ns.event[
        _hash(event.source.id, event.target.id, event.relation, event.event_type.code, event.date,
              event.negated, event.mode)
    ]


class GraphWriter:
    """Adds documents and events to a target Graph.

    Writing only ever adds triples (nothing is read back or replaced), so documents go into a small
    in-memory batch that `flush()` moves into the target in one go — rdflib's memory, or an Oxigraph
    store on disk loaded through its native N-Triples parser. `finish()` flushes and recomputes the
    mention counts with one SPARQL update in the target's engine.
    """

    def __init__(self, graph: Graph, lexicon: Lexicon, ns: DataNamespaces | None = None,
                 batch_documents: int = 200) -> None:
        self.target = graph
        self.graph = Graph()
        self.lexicon = lexicon
        self.ns = ns or DataNamespaces()
        self.batch_documents = batch_documents
        self._pending_documents = 0

    def add_document(self, document: Document, events: Iterable[Event]) -> None:
        self._add_document(document, events)
        self._pending_documents += 1
        if self._pending_documents >= self.batch_documents:
            self.flush()

    def flush(self) -> None:
        data = self.take_ntriples()
        if data:
            add_ntriples(self.target, data)

    def take_ntriples(self) -> bytes:
        """The pending batch as N-Triples, and an empty batch (what extraction workers send back)."""
        data = self.graph.serialize(format="nt", encoding="utf-8") if len(self.graph) else b""
        self.graph = Graph()
        self._pending_documents = 0
        return data

    def _add_document(self, document: Document, events: Iterable[Event]) -> None:
        g, ns = self.graph, self.ns
        doc = document_iri(document, ns)
        g.add((doc, RDF.type, KG.Document))
        g.add((doc, KG.documentId, Literal(document.id)))
        if document.title:
            g.add((doc, DCTERMS.title, Literal(document.title)))
        if document.date:
            g.add((doc, DCTERMS.date, Literal(document.date.isoformat(), datatype=XSD.date)))
        if document.url:
            g.add((doc, SCHEMA.url, Literal(document.url, datatype=XSD.anyURI)))
        for event in events:
            self.add_event(event, doc)

    def add_event(self, event: Event, doc: URIRef) -> None:
        g, ns = self.graph, self.ns
        source, target = self.add_actor(event.source), self.add_actor(event.target)
        relation = self.add_relation(event.relation, event.event_type)
        node = event_iri(event, ns)
        t = event.event_type
        g.add((node, RDF.type, KG.Event))
        g.add((node, KG.source, source))
        g.add((node, KG.target, target))
        g.add((node, KG.relation, relation))
        g.add((node, KG.eventType, ET[t.code]))
        g.add((node, KG.verb, Literal(event.verb)))
        g.add((node, KG.cameoCode, Literal(t.code)))
        if t.plover:
            g.add((node, KG.ploverCategory, Literal(t.plover)))
        g.add((node, KG.quadClass, Literal(t.quad_class)))
        g.add((node, KG.goldstein, _decimal(t.goldstein)))
        g.add((node, KG.negated, Literal(event.negated)))
        g.add((node, KG.mode, MODES.get(event.mode, KG.Asserted)))
        if event.date:
            g.add((node, KG.date, _date_literal(event.date)))
        # One evidence node per event and sentence: how the actors were coded there (USA, USAGOV), who
        # said it, and whether the date came from the text are facts of that mention, not of the event.
        evidence = ns.evidence[_hash(node, doc, event.evidence.start, event.evidence.end, event.extractor)]
        g.add((node, KG.evidence, evidence))
        g.add((evidence, RDF.type, KG.Evidence))
        g.add((evidence, PROV.wasDerivedFrom, doc))
        g.add((evidence, KG.sentence, Literal(event.evidence.text)))
        g.add((evidence, KG.sentenceIndex, Literal(event.sentence_index)))
        g.add((evidence, KG.charStart, Literal(event.evidence.start)))
        g.add((evidence, KG.charEnd, Literal(event.evidence.end)))
        g.add((evidence, KG.extractor, Literal(event.extractor)))
        g.add((evidence, KG.confidence, _decimal(round(event.confidence, 3))))
        g.add((evidence, KG.sourceCode, Literal(event.source_code)))
        g.add((evidence, KG.targetCode, Literal(event.target_code)))
        g.add((evidence, KG.dateFromText, Literal(event.date_from_text)))
        if event.attributed_to is not None:
            g.add((evidence, KG.attributedTo, self.add_actor(event.attributed_to)))
        if not event.negated and event.mode in FACTUAL_MODES:
            g.add((source, relation, target))

    def add_actor(self, actor: Actor) -> URIRef:
        g = self.graph
        iri = actor_iri(actor.id, self.ns)
        g.add((iri, RDF.type, ACTOR_CLASSES.get(actor.kind, KG.Actor)))
        g.add((iri, RDFS.label, Literal(actor.label)))
        if actor.cameo:
            g.add((iri, KG.cameoCode, Literal(actor.cameo)))
        if actor.country:
            g.add((iri, KG.countryCode, Literal(actor.country)))
        if actor.wikidata:
            g.add((iri, OWL.sameAs, WD[actor.wikidata]))
        if actor.part_of:
            g.add((iri, KG.partOf, actor_iri(actor.part_of, self.ns)))
        return iri

    def add_relation(self, name: str, t: EventType) -> URIRef:
        """The verb-level property and its chain up to kg:interactsWith, with the SKOS concepts."""
        g = self.graph
        prop = REL[name]
        g.add((prop, RDF.type, OWL.ObjectProperty))
        g.add((prop, RDF.type, KG.RelationProperty))
        g.add((prop, RDFS.label, Literal(name)))
        g.add((prop, RDFS.subPropertyOf, self.add_event_type(t)))
        return prop

    def add_event_type(self, t: EventType) -> URIRef:
        """The CAMEO-code property (⊑ PLOVER ⊑ quad class ⊑ kg:interactsWith) and SKOS concepts of `t`."""
        g = self.graph
        code_prop = CAMEO[t.property]
        g.add((code_prop, RDF.type, OWL.ObjectProperty))
        g.add((code_prop, RDF.type, KG.CameoProperty))
        g.add((code_prop, RDFS.label, Literal(t.label)))
        g.add((code_prop, SKOS.notation, Literal(t.code)))
        g.add((code_prop, KG.eventType, ET[t.code]))
        quad = QUAD_PROPERTIES[t.quad_class]
        if t.plover:
            plover_prop = PLOVER[t.plover]
            g.add((code_prop, RDFS.subPropertyOf, plover_prop))
            g.add((plover_prop, RDF.type, OWL.ObjectProperty))
            g.add((plover_prop, RDF.type, KG.PloverProperty))
            g.add((plover_prop, RDFS.subPropertyOf, quad))
        else:
            g.add((code_prop, RDFS.subPropertyOf, quad))
        g.add((quad, RDFS.subPropertyOf, KG.interactsWith))
        self._add_concepts(t)
        g.add((ET[t.code], KG.cameoProperty, code_prop))
        return code_prop

    def _add_concepts(self, t: EventType) -> None:
        g = self.graph
        concept = ET[t.code]
        g.add((concept, RDF.type, SKOS.Concept))
        g.add((concept, RDF.type, KG.CameoEventType))
        g.add((concept, SKOS.inScheme, ET.cameo))
        g.add((concept, SKOS.notation, Literal(t.code)))
        g.add((concept, SKOS.prefLabel, Literal(t.label, lang="en")))
        parent = self._parent_code(t.code)
        if parent:
            g.add((concept, SKOS.broader, ET[parent]))
            self._add_concepts(self.lexicon.types[parent])
        if t.plover:
            plover = ET[t.plover]
            g.add((concept, KG.ploverConcept, plover))
            g.add((plover, RDF.type, SKOS.Concept))
            g.add((plover, RDF.type, KG.PloverCategory))
            g.add((plover, SKOS.inScheme, ET.plover))
            g.add((plover, SKOS.notation, Literal(t.plover)))
        quad = ET[f"quad{t.quad_class}"]
        g.add((concept, KG.quadClassConcept, quad))
        g.add((quad, RDF.type, SKOS.Concept))
        g.add((quad, RDF.type, KG.QuadClass))
        g.add((quad, SKOS.notation, Literal(str(t.quad_class))))
        g.add((quad, SKOS.prefLabel, Literal(QUAD_LABELS[t.quad_class], lang="en")))

    def _parent_code(self, code: str) -> str | None:
        """130 → None (a root's general code); 1312 → 131; 131 → 130."""
        if len(code) == 4 and code[:3] in self.lexicon.types:
            return code[:3]
        if len(code) == 3 and not code.endswith("0") and code[:2] + "0" in self.lexicon.types:
            return code[:2] + "0"
        return None

    def finish(self) -> None:
        self.flush()
        update_counts(self.target)


def event_type_scheme(lexicon: Lexicon) -> Graph:
    """The whole event-type scheme: every CAMEO code as a SKOS concept and a property in the hierarchy
    (written to ontology/event-types.ttl by scripts/make_event_types.py)."""
    writer = GraphWriter(new_graph(), lexicon)
    for t in lexicon.types.values():
        writer.add_event_type(t)
    writer.flush()
    return writer.target


def _decimal(value: float) -> Literal:
    """xsd:decimal in the shortest lexical form ("1", "-4.4"), the form Oxigraph writes too, so a graph
    round-trips through either library unchanged."""
    text = format(Decimal(str(value)), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return Literal(text if text not in {"", "-"} else "0", datatype=XSD.decimal)


def _date_literal(value: str) -> Literal:
    if len(value) == 10:
        return Literal(value, datatype=XSD.date)
    if len(value) == 7:
        return Literal(value, datatype=XSD.gYearMonth)
    return Literal(value, datatype=XSD.gYear)


def remove_document(graph: Graph, key: str) -> int:
    """Retract a document (by its id or URL): its evidence goes, events left with none go, their direct
    edges go unless another event still stands for them, and actors no event mentions go. Returns how
    many documents matched."""
    docs = set(graph.subjects(KG.documentId, Literal(key)))
    docs |= {d for d, url in graph.subject_objects(SCHEMA.url) if str(url) == key}
    if not docs:
        return 0
    evidence = {e for d in docs for e in graph.subjects(PROV.wasDerivedFrom, d)}
    touched = {ev for e in evidence for ev in graph.subjects(KG.evidence, e)}
    for e in evidence:
        graph.remove((e, None, None))
        graph.remove((None, KG.evidence, e))
    for d in docs:
        graph.remove((d, None, None))
    dropped = [ev for ev in touched if graph.value(ev, KG.evidence) is None]
    edges = {(graph.value(ev, KG.source), graph.value(ev, KG.relation), graph.value(ev, KG.target)) for ev in dropped}
    for ev in dropped:
        graph.remove((ev, None, None))
    for s, p, o in edges:
        still = any(graph.value(ev, KG.source) == s and graph.value(ev, KG.target) == o
                    and not graph.value(ev, KG.negated).toPython() and graph.value(ev, KG.mode) in _FACTUAL
                    for ev in graph.subjects(KG.relation, p))
        if not still:
            graph.remove((s, p, o))
    mentioned = set(graph.objects(None, KG.source)) | set(graph.objects(None, KG.target)) | \
        set(graph.objects(None, KG.attributedTo))
    mentioned |= {parent for a in mentioned for parent in graph.objects(a, KG.partOf)}
    for actor in {s for cls in ACTOR_CLASSES.values() for s in graph.subjects(RDF.type, cls)} - mentioned:
        graph.remove((actor, None, None))
    update_counts(graph)
    return len(docs)


_FACTUAL = {MODES[m] for m in FACTUAL_MODES}


def validate(graph: Graph) -> tuple[bool, str]:
    """SHACL validation against ontology/shapes.ttl: (conforms, report text)."""
    import pyshacl

    shapes = Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    conforms, _report, text = pyshacl.validate(graph, shacl_graph=shapes, advanced=True, allow_warnings=True)
    return bool(conforms), str(text)


_RECOUNT = """
PREFIX kg: <https://w3id.org/kgraph/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
DELETE { ?e kg:mentionCount ?m } WHERE { ?e a kg:Event ; kg:mentionCount ?m . FILTER(%(part)s) } ;
DELETE { ?e kg:sourceCount ?n } WHERE { ?e a kg:Event ; kg:sourceCount ?n . FILTER(%(part)s) } ;
INSERT { ?e kg:mentionCount ?mentions ; kg:sourceCount ?sources }
WHERE {
  SELECT ?e (COUNT(DISTINCT ?ev) AS ?mentions) (COUNT(DISTINCT ?doc) AS ?sources)
  WHERE { ?e a kg:Event ; kg:evidence ?ev . ?ev prov:wasDerivedFrom ?doc . FILTER(%(part)s) }
  GROUP BY ?e
}
"""
# Event IRIs end in a hexadecimal hash: one update per last digit keeps the memory an engine needs for
# an update (it holds all the changes of one) a sixteenth of the whole; a last part takes any other IRI.
RECOUNT_UPDATES = [_RECOUNT % {"part": f'STRENDS(STR(?e), "{digit}")'} for digit in "0123456789abcdef"] + [
    _RECOUNT % {"part": '!REGEX(STR(?e), "[0-9a-f]$")'}]


def update_counts(graph: Graph) -> None:
    """kg:mentionCount (pieces of evidence) and kg:sourceCount (distinct documents) of every event,
    like GDELT's NumMentions and NumSources: SPARQL updates, run by whatever engine holds the graph."""
    for update in RECOUNT_UPDATES:
        graph.update(update)


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write `data` to `path` so that a reader (or a crash) sees the old file or the new one, never half."""
    write_atomic_chunks(path, [data])


def write_atomic_chunks(path: str | Path, chunks: Iterable[bytes]) -> None:
    """write_atomic for data that comes in pieces."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


FORMATS = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".xml": "xml",
}


def rdf_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"{path}: unknown RDF file type {suffix!r} (known: {', '.join(sorted(FORMATS))})")
    return FORMATS[suffix]


def load_graph(path: str | Path) -> Graph:
    """Parse an RDF file written by kgraph (or any RDF file) into a Graph with the project prefixes."""
    graph = new_graph()
    try:
        graph.parse(str(path), format=rdf_format(path))
    except FileNotFoundError as err:
        raise FileNotFoundError(f"{path}: no such graph file") from err
    return graph


def add_ntriples(graph: Graph, data: bytes) -> None:
    """Add N-Triples to a graph: through Oxigraph's native parser when the graph lives in Oxigraph."""
    inner = getattr(graph.store, "_inner", None)
    if inner is not None:
        import pyoxigraph as ox

        inner.load(data, format=ox.RdfFormat.N_TRIPLES)
    else:
        graph.parse(data=data, format="nt")


def ntriples(graph: Graph) -> bytes:
    """The graph as N-Triples: written by Oxigraph when the graph lives in Oxigraph."""
    inner = getattr(graph.store, "_inner", None)
    if inner is not None:
        import pyoxigraph as ox

        return inner.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    return graph.serialize(format="nt", encoding="utf-8")


def save_graph(graph: Graph, path: str | Path) -> None:
    """Serialise atomically; a graph held in Oxigraph (oxrdflib) is written by Oxigraph's own serialiser,
    Turtle sorted by subject (see sorted_turtle)."""
    fmt = rdf_format(path)
    inner = getattr(graph.store, "_inner", None)
    if inner is not None and fmt == "turtle":
        sorted_turtle(inner, path, prefixes())
    elif fmt == "nt":
        write_atomic(path, ntriples(graph))
    else:
        write_atomic(path, graph.serialize(format=fmt, encoding="utf-8"))


# Oxigraph's Turtle starts each subject's block on a line of its own and indents the rest of the block;
# literals escape their newlines. So a line that starts with neither whitespace nor "@" starts a block.
_BLOCK_START = re.compile(rb"\n(?=[^\s@])")
SORT_RUN_BYTES = 64 << 20  # sort in memory up to this much Turtle, merge sorted runs from disk beyond


def sorted_turtle(store, path: str | Path, prefix_map: dict[str, str]) -> None:
    """Turtle for people: Oxigraph writes it (one block per subject, prefixed names), and the blocks are
    put in order of subject, so that actors, documents, events and evidence each come together, each
    subject's triples in one block.

    Why not a serialiser that sorts: rdflib's sorts but is 10-40 times slower than Oxigraph's on large
    graphs, and Oxigraph's writes subjects in the order of its index (hashes). Moving Oxigraph's blocks
    needs no Turtle parsing (see _BLOCK_START); memory stays bounded by an external merge sort."""
    import pyoxigraph as ox

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".kgraph-sort-") as work:
        spool = Path(work) / "dump.ttl"
        store.dump(str(spool), format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=prefix_map)
        with open(spool, "rb") as dump:
            blocks = _turtle_blocks(dump)
            header = [next(blocks, b"")]
            if not header[0].startswith(b"@"):  # no prefix lines: that was a block
                blocks, header = itertools.chain(header, blocks), []
            runs: list[Path] = []
            run: list[bytes] = []
            size = 0
            for block in blocks:
                run.append(block)
                size += len(block)
                if size >= SORT_RUN_BYTES:
                    runs.append(_write_run(sorted(run), Path(work) / f"run-{len(runs)}.ttl"))
                    run, size = [], 0
            run.sort()
            if runs:
                runs.append(_write_run(run, Path(work) / f"run-{len(runs)}.ttl"))
                files = [open(r, "rb") for r in runs]
                ordered = heapq.merge(*(_turtle_blocks(f) for f in files))
            else:
                files, ordered = [], iter(run)
            try:
                write_atomic_chunks(path, _joined_lines(itertools.chain(header, _merge_subjects(ordered))))
            finally:
                for f in files:
                    f.close()


def _turtle_blocks(stream: BinaryIO, size: int = 1 << 20) -> Iterator[bytes]:
    """Subject blocks (without their final newline) of Oxigraph Turtle; the prefix lines come first."""
    carry = b""
    while chunk := stream.read(size):
        parts = _BLOCK_START.split(carry + chunk)
        carry = parts.pop()  # may go on in the next chunk
        yield from parts
    carry = carry.rstrip(b"\n")
    if carry:
        yield carry


def _merge_subjects(blocks: Iterator[bytes]) -> Iterator[bytes]:
    """Sorted blocks with one subject each, those of the same subject made one: Oxigraph's store on
    disk writes a subject's triples together, its memory store not always."""
    parts: list[bytes] = []
    subject = None
    for block in blocks:
        this = block[:block.find(b" ") + 1]
        if this == subject and parts[-1].endswith(b" ."):
            parts[-1] = parts[-1][:-2]
            parts += [b" ;\n\t", block[len(this):]]
            continue
        if parts:
            yield b"".join(parts)
        parts, subject = [block], this
    if parts:
        yield b"".join(parts)


def _write_run(blocks: list[bytes], path: Path) -> Path:
    with open(path, "wb") as fh:
        for chunk in _joined_lines(iter(blocks)):
            fh.write(chunk)
    return path


def _joined_lines(blocks: Iterator[bytes], per_chunk: int = 4096) -> Iterator[bytes]:
    while batch := list(itertools.islice(blocks, per_chunk)):
        yield b"\n".join(batch) + b"\n"


