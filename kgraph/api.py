"""The Python API: every CLI command is one call of a function here."""

from __future__ import annotations

import io
import json
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .graph import GraphWriter, load_graph, save_graph, write_atomic
from .model import Event
from .parse import DEFAULT_MODEL
from .pipeline import Pipeline
from .readers import read_documents
from .report import Report
from .vocab import DEFAULT_BASE, DataNamespaces

PathLike = str | os.PathLike


@dataclass
class BuildResult:
    documents: int
    skipped: int
    events: int
    outputs: dict[str, Path] = field(default_factory=dict)
    report: Report | None = None


def extract(
    inputs: Iterable[PathLike],
    *,
    model: str = DEFAULT_MODEL,
    actors: Sequence[PathLike] = (),
    lexicon: Sequence[PathLike] = (),
    extractors: Sequence[str] = ("dependency",),
    report: Report | None = None,
    pipeline: Pipeline | None = None,
) -> Iterator[Event]:
    """Events found in the documents under `inputs`, in document order."""
    report = report or Report()
    pipeline = pipeline or Pipeline(model=model, actors=actors, lexicon=lexicon, extractors=extractors)
    for _document, events in pipeline.extract(_counted(read_documents(inputs, report), report)):
        report.events += len(events)
        yield from events


def _counted(documents, report: Report):
    for document in documents:
        report.read += 1
        yield document


def build(
    inputs: Iterable[PathLike],
    out_dir: PathLike = "out",
    *,
    graph: PathLike | None = None,
    model: str = DEFAULT_MODEL,
    actors: Sequence[PathLike] = (),
    lexicon: Sequence[PathLike] = (),
    extractors: Sequence[str] = ("dependency",),
    base: str = DEFAULT_BASE,
    html: bool = True,
    progress: bool = False,
    store: str | None = None,
    report: Report | None = None,
) -> BuildResult:
    """Read, extract and write out/graph.ttl, out/events.jsonl and out/graph.html.

    With `graph`, the new documents are added to that existing graph (re-reading a document changes
    nothing: IRIs are stable). `store` keeps the graph in an Oxigraph store directory (added to on every
    build), or sends it to a SPARQL 1.1 Update endpoint when it is an http(s) URL. Every output file is
    written atomically.
    """
    from .store import is_remote, open_graph, push

    report = report or Report()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    pipeline = Pipeline(model=model, actors=actors, lexicon=lexicon, extractors=extractors)
    ns = DataNamespaces(base)
    rdf = open_graph(None if is_remote(store) else store, existing=graph, ns=ns)
    writer = GraphWriter(rdf, pipeline.resources.lexicon, ns)
    events_buf = io.StringIO()
    documents = _counted(read_documents(inputs, report), report)
    with _Progress(enabled=progress) as bar:
        for document, events in pipeline.extract(documents):
            writer.add_document(document, events)
            for event in events:
                events_buf.write(json.dumps(event.as_json(), ensure_ascii=False) + "\n")
            report.events += len(events)
            bar.update(report.read, report.events)
    writer.finish()
    outputs = {"turtle": out / "graph.ttl", "events": out / "events.jsonl"}
    try:
        save_graph(rdf, outputs["turtle"])
        write_atomic(outputs["events"], events_buf.getvalue().encode("utf-8"))
        if html:
            from .view import write_html

            outputs["html"] = out / "graph.html"
            write_html(rdf, outputs["html"], title="kgraph")
        if is_remote(store):
            push(rdf, store)
    finally:
        if store is not None and not is_remote(store):
            rdf.close()
    return BuildResult(report.read, len(report.skipped), report.events, outputs, report)


def query(graph: PathLike, sparql: str, allow_update: bool = False, params: dict[str, str] | None = None):
    """Run SPARQL (text, a .rq file or a saved query's name) over a graph file, with `params` bound
    to the query's variables (e.g. {"from": "2022-01-01"})."""
    from .sparql import query as run

    return run(graph, sparql, allow_update=allow_update, params=params)


def export(graph: PathLike, out: PathLike) -> Path:
    """Convert a graph file to another RDF format or the GDELT-like events CSV, by `out`'s suffix."""
    from .exports import export as write

    return write(load_graph(graph), out)


def remove(graph: PathLike, keys: Sequence[str]) -> int:
    """Retract documents (by id or URL) from a graph file, in place (atomically). Returns how many matched."""
    from .graph import remove_document

    rdf = load_graph(graph)
    removed = sum(remove_document(rdf, key) for key in keys)
    if removed:
        save_graph(rdf, graph)
    return removed


def validate(graph: PathLike) -> tuple[bool, str]:
    """SHACL validation of a graph file against ontology/shapes.ttl."""
    from .graph import validate as run

    return run(load_graph(graph))


def view(graph: PathLike, out: PathLike = "out/graph.html", title: str = "kgraph") -> Path:
    """Render a graph file as the interactive HTML page."""
    from .view import write_html

    write_html(load_graph(graph), out, title=title)
    return Path(out)


class _Progress:
    """A rich progress line (documents, events, rate) on a terminal; silent elsewhere."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.start = time.monotonic()

    def __enter__(self) -> _Progress:
        if self.enabled:
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("reading")
        return self

    def update(self, documents: int, events: int) -> None:
        if self.enabled:
            rate = documents / max(time.monotonic() - self.start, 1e-6)
            self.bar.update(self.task, description=f"{documents} documents, {events} events, {rate:.1f} docs/s")

    def __exit__(self, *exc) -> None:
        if self.enabled:
            self.bar.stop()
