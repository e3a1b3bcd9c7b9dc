"""Exports: the graph as standard RDF (Turtle, N-Triples, N-Quads, TriG, JSON-LD with a context file) and
as a flat CSV of events with GDELT-like columns for spreadsheet and pandas users."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from .graph import FORMATS, write_atomic
from .resources import ontology_dir
from .vocab import DEFAULT_BASE

CSV_QUERY = """
SELECT ?event ?date ?source ?sourceLabel ?sourceCountry (MIN(?sc) AS ?sourceCode) ?target ?targetLabel
       ?targetCountry (MIN(?tc) AS ?targetCode) ?cameo ?quad ?goldstein ?plover ?verb ?mode ?negated ?mentions ?sources
       (MIN(?url) AS ?firstUrl) (MIN(?sentence) AS ?firstSentence)
WHERE {
  ?event a kg:Event ; kg:source ?source ; kg:target ?target ;
         kg:cameoCode ?cameo ; kg:quadClass ?quad ; kg:goldstein ?goldstein ; kg:verb ?verb ; kg:mode ?mode ;
         kg:negated ?negated ; kg:mentionCount ?mentions ; kg:sourceCount ?sources ; kg:evidence ?ev .
  ?source rdfs:label ?sourceLabel . ?target rdfs:label ?targetLabel .
  ?ev kg:sentence ?sentence ; prov:wasDerivedFrom ?doc ; kg:sourceCode ?sc ; kg:targetCode ?tc .
  OPTIONAL { ?event kg:date ?date }
  OPTIONAL { ?event kg:ploverCategory ?plover }
  OPTIONAL { ?source kg:countryCode ?sourceCountry }
  OPTIONAL { ?target kg:countryCode ?targetCountry }
  OPTIONAL { ?doc schema:url ?url }
}
GROUP BY ?event ?date ?source ?sourceLabel ?sourceCountry ?target ?targetLabel ?targetCountry
         ?cameo ?quad ?goldstein ?plover ?verb ?mode ?negated ?mentions ?sources
ORDER BY ?date ?event
"""
CSV_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "Actor1Id", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor2Id",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "PloverCategory", "Verb", "Mode", "Negated", "NumMentions", "NumSources", "SOURCEURL",
    "Sentence",
]


def context() -> dict:
    """The JSON-LD context shipped in ontology/context.jsonld."""
    return json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))


def export(graph: Graph, path: str | Path, base: str = DEFAULT_BASE) -> Path:
    """Write `graph` to `path` in the format its suffix names (.ttl .nt .nq .trig .jsonld .rdf .csv)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        data = events_csv(graph).encode("utf-8")
    elif suffix in {".nq", ".trig"}:
        dataset = Dataset()
        for prefix, ns in graph.namespaces():
            dataset.bind(prefix, ns)
        named = dataset.graph(URIRef(base + "graph"))
        for triple in graph:
            named.add(triple)
        data = dataset.serialize(format=FORMATS[suffix], encoding="utf-8")
    elif suffix in {".jsonld", ".json"}:
        data = graph.serialize(format="json-ld", context=context()["@context"], auto_compact=True, encoding="utf-8")
    elif suffix in FORMATS:
        data = graph.serialize(format=FORMATS[suffix], encoding="utf-8")
    else:
        raise ValueError(f"{path}: unknown export type {suffix!r} (.ttl .nt .nq .trig .jsonld .rdf .csv)")
    write_atomic(path, data)
    return path


def events_csv(graph: Graph) -> str:
    from .sparql import run_query, store_from_graph

    result = run_query(store_from_graph(graph), CSV_QUERY)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in result.rows:
        r = dict(zip(result.variables, row))
        cameo = r["cameo"] or ""
        writer.writerow([
            r["event"].rsplit("/", 1)[-1], (r["date"] or "").replace("-", ""), r["source"].rsplit("/", 1)[-1],
            r["sourceCode"], r["sourceLabel"], r["sourceCountry"] or "", r["target"].rsplit("/", 1)[-1],
            r["targetCode"], r["targetLabel"], r["targetCountry"] or "", cameo, cameo[:3], cameo[:2], r["quad"],
            r["goldstein"], r["plover"] or "", r["verb"], (r["mode"] or "").rsplit("#", 1)[-1].lower(),
            r["negated"], r["mentions"], r["sources"], r["firstUrl"] or "", r["firstSentence"] or "",
        ])
    return buf.getvalue()
