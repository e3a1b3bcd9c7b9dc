"""SPARQL for people: a query string, a .rq file or a saved query's name, run on Oxigraph's engine over a
graph file, with the project prefixes bound.

rdflib stays the API for building graphs; queries go to pyoxigraph because rdflib's SPARQL engine picks
join orders that grow quadratically (rdflib issues #735, #689) and is 15–20× slower at a million triples.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .resources import ontology_dir
from .vocab import prefixes

OX_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
}
UPDATE_WORDS = re.compile(r"^\s*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.I | re.M)


class QueryError(ValueError):
    pass


@dataclass
class QueryResult:
    variables: list[str]
    rows: list[list[str | None]]
    boolean: bool | None = None
    triples: str | None = None  # N-Triples text of a CONSTRUCT/DESCRIBE result


def saved_queries() -> dict[str, Path]:
    return {p.stem: p for p in sorted((ontology_dir() / "queries").glob("*.rq"))}


def query_text(query: str) -> str:
    """A saved query's name, a path to a .rq file, or SPARQL text, with the project prefixes added."""
    saved = saved_queries()
    if query in saved:
        text = saved[query].read_text(encoding="utf-8")
    elif query.endswith(".rq") or (len(query) < 4096 and "\n" not in query and Path(query).is_file()):
        try:
            text = Path(query).read_text(encoding="utf-8")
        except OSError as err:
            raise QueryError(f"{query}: cannot read query file ({err.strerror})") from err
    else:
        text = query
    declared = {m.lower() for m in re.findall(r"PREFIX\s+([\w-]*):", text, flags=re.I)}
    header = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in prefixes().items() if p.lower() not in declared)
    return header + text


def open_store(graph_path: str | Path) -> ox.Store:
    """An in-memory Oxigraph store loaded from a graph file, or an on-disk store directory opened read-only."""
    path = Path(graph_path)
    if path.is_dir():
        return ox.Store.read_only(str(path))
    store = ox.Store()
    load_file(store, path)
    return store


def load_file(store: ox.Store, path: str | Path) -> None:
    """Bulk-load an RDF file (its format from its suffix) into an Oxigraph store."""
    path = Path(path)
    fmt = OX_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise QueryError(f"{path}: unknown RDF file type {path.suffix!r}")
    if not path.exists():
        raise QueryError(f"{path}: no such graph file")
    try:
        store.bulk_load(path=str(path), format=fmt)
    except SyntaxError as err:
        raise QueryError(f"{path}: not valid RDF ({err})") from err


def parse_params(params: dict[str, str] | None) -> dict:
    """`--param name=value` values as RDF terms: <iri> or prefix:name → IRI, YYYY[-MM[-DD]] → date,
    integers → xsd:integer, anything else → a string."""
    out = {}
    known = prefixes()
    for name, value in (params or {}).items():
        value = value.strip()
        if value.startswith("<") and value.endswith(">"):
            term = ox.NamedNode(value[1:-1])
        elif ":" in value and value.split(":", 1)[0] in known and " " not in value:
            prefix, local = value.split(":", 1)
            term = ox.NamedNode(known[prefix] + local)
        elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            term = ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
        elif re.fullmatch(r"-?\d+", value):
            term = ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
        else:
            term = ox.Literal(value)
        out[ox.Variable(name.lstrip("?$"))] = term
    return out


def bind_values(text: str, bindings: dict) -> str:
    """Bind variables by a VALUES block at the start of the WHERE group, so the group's FILTERs see them.
    (Oxigraph's `substitutions` only accepts projected variables.)"""
    if not bindings:
        return text
    match = re.search(r"\bWHERE\s*\{", text, flags=re.I) or re.search(r"\{", text)
    if match is None:
        raise QueryError("cannot bind --param values: the query has no WHERE clause")
    names = " ".join(f"?{v.value}" for v in bindings)
    values = " ".join(str(t) for t in bindings.values())
    block = f" VALUES ({names}) {{ ({values}) }} "
    return text[: match.end()] + block + text[match.end():]


def store_from_graph(graph) -> ox.Store:
    """An in-memory Oxigraph store holding an rdflib Graph's triples (through N-Triples, Oxigraph's
    fastest loader)."""
    inner = getattr(graph.store, "_inner", None)
    if isinstance(inner, ox.Store):  # the graph already lives in Oxigraph (oxrdflib): query it there
        return inner
    store = ox.Store()
    data = graph.serialize(format="nt", encoding="utf-8")  # an rdflib store: Oxigraph-held graphs returned above
    if data.strip():
        store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES)
    return store


def run_query(store: ox.Store, sparql: str, allow_update: bool = False,
              params: dict[str, str] | None = None) -> QueryResult:
    text = query_text(sparql)
    body = re.sub(r"(?im)^\s*(PREFIX|BASE)\b.*$", "", re.sub(r"#[^\n<>]*$", "", text, flags=re.M))
    if UPDATE_WORDS.search(body):
        if not allow_update:
            raise QueryError("this is a SPARQL update; kgraph query only reads unless you pass --allow-update")
        try:
            store.update(text)
        except SyntaxError as err:
            raise QueryError(f"invalid SPARQL update: {err}") from err
        return QueryResult(variables=[], rows=[])
    try:
        result = store.query(bind_values(text, parse_params(params)))
    except SyntaxError as err:
        raise QueryError(f"invalid SPARQL: {err}") from err
    if isinstance(result, ox.QueryBoolean):
        return QueryResult(variables=["ask"], rows=[[str(bool(result)).lower()]], boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        rows = [[_term(sol[v]) for v in variables] for sol in result]
        return QueryResult(variables=variables, rows=rows)
    triples = result.serialize(format=ox.RdfFormat.N_TRIPLES)
    text_out = triples.decode("utf-8") if isinstance(triples, bytes) else str(triples)
    rows = [line.split(" ", 2) for line in text_out.splitlines() if line]
    return QueryResult(variables=["subject", "predicate", "object"], rows=rows, triples=text_out)


def _term(term) -> str | None:
    if term is None:
        return None
    return term.value


def query(graph_path: str | Path, sparql: str, allow_update: bool = False,
          params: dict[str, str] | None = None) -> QueryResult:
    """Run `sparql` (text, .rq file or saved query name) over the graph at `graph_path`."""
    return run_query(open_store(graph_path), sparql, allow_update=allow_update, params=params)


def format_result(result: QueryResult, fmt: str = "table") -> str:
    if fmt == "json":
        return json.dumps([dict(zip(result.variables, row)) for row in result.rows], ensure_ascii=False, indent=1)
    if fmt in {"csv", "tsv"}:
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(result.variables)
        writer.writerows([["" if v is None else v for v in row] for row in result.rows])
        return buf.getvalue()
    if fmt == "table":
        return _table(result)
    raise QueryError(f"unknown output format {fmt!r} (table, csv, tsv, json)")


def _table(result: QueryResult) -> str:
    short = {iri: p for p, iri in prefixes().items()}

    def compact(value: str | None) -> str:
        if value is None:
            return ""
        for iri, p in sorted(short.items(), key=lambda kv: -len(kv[0])):
            if value.startswith(iri) and len(value) > len(iri):
                return f"{p}:{value[len(iri):]}"
        return value

    cells = [[compact(v) for v in row] for row in result.rows]
    widths = [max([len(h)] + [min(len(r[i]), 80) for r in cells]) for i, h in enumerate(result.variables)]
    line = lambda vals: "  ".join(v[:80].ljust(w) for v, w in zip(vals, widths)).rstrip()  # noqa: E731
    out = [line(result.variables), line(["-" * w for w in widths])]
    out += [line(r) for r in cells]
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out)
