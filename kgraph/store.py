"""Where the graph lives while it is built: an Oxigraph store in memory or on disk (through oxrdflib, so
the code keeps programming against rdflib while storage, parsing, serialising and queries run in
Oxigraph), or any SPARQL 1.1 store reached over HTTP (SPARQL Update, batched, from memory)."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

from rdflib import Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from .graph import RECOUNT_UPDATES, ntriples, rdf_format
from .vocab import DataNamespaces, prefixes

# Triples per SPARQL Update request: one request per triple manages 1–2 k triples/s, batches ~30 k/s.
BATCH_TRIPLES = 20_000


def is_remote(store: str | Path | None) -> bool:
    return isinstance(store, str) and store.startswith(("http://", "https://"))


def open_graph(store: str | Path | None = None, existing: str | Path | None = None,
               ns: DataNamespaces | None = None) -> Graph:
    """The graph to build into, held by Oxigraph: a store directory (created if need be) when `store`
    is a path, else memory; starting from the `existing` graph file if given."""
    graph = Graph(store="Oxigraph", identifier=DATASET_DEFAULT_GRAPH_ID)
    if store is not None and not is_remote(store):
        graph.open(str(store), create=not Path(store).exists())
    for prefix, iri in prefixes(ns).items():
        graph.bind(prefix, iri, override=True, replace=True)
    if existing:
        load_into(graph, existing)
    return graph


def load_into(graph: Graph, path: str | Path) -> None:
    """Add an RDF file's triples to an Oxigraph-held graph with Oxigraph's parser."""
    from .sparql import OX_FORMATS, load_file

    path = Path(path)
    fmt = OX_FORMATS.get(path.suffix.lower())
    if fmt is None or fmt.supports_datasets:  # quads (rdflib takes them into this graph), or no Oxigraph parser
        graph.parse(str(path), format=rdf_format(path))
        return
    load_file(graph.store._inner, path)  # a triple format goes into the default graph


def push(graph: Graph, update_url: str, batch: int = BATCH_TRIPLES) -> int:
    """Send the graph's triples to a SPARQL 1.1 Update endpoint (Oxigraph /update, Fuseki /ds/update,
    GraphDB …) in INSERT DATA batches, then recompute mention counts there. Returns triples sent."""
    lines = ntriples(graph).decode("utf-8").splitlines()
    lines = [line for line in lines if line.strip()]
    for start in range(0, len(lines), batch):
        _post_update(update_url, "INSERT DATA {\n" + "\n".join(lines[start:start + batch]) + "\n}")
    for update in RECOUNT_UPDATES:
        _post_update(update_url, update)
    return len(lines)


def _post_update(url: str, update: str) -> None:
    request = urllib.request.Request(url, data=update.encode("utf-8"),
                                     headers={"Content-Type": "application/sparql-update"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            response.read()
    except urllib.error.HTTPError as err:
        raise RuntimeError(f"{url}: the SPARQL store refused the update (HTTP {err.code}: "
                           f"{err.read().decode(errors='replace')[:200]})") from err
    except urllib.error.URLError as err:
        raise RuntimeError(f"{url}: cannot reach the SPARQL store ({err.reason})") from err
