"""The Python API: every CLI command is one call of a function here."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .graph import add_ntriples, load_graph, save_graph, update_counts
from .parallel import failure_message
from .model import Event
from .parse import DEFAULT_MODEL
from .pipeline import Pipeline
from .readers import read_documents
from .report import Report
from .vocab import DEFAULT_BASE, DataNamespaces

PathLike = str | os.PathLike
# Above this much input the graph is built in an Oxigraph store on disk (out/store) rather than in memory.
AUTO_STORE_BYTES = 200 * 2**20
FLUSH_DOCUMENTS = 200  # documents between flushes of an on-disk store


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
    languages: Sequence[str] | None = None,
    max_chars: int | None = None,
    report: Report | None = None,
    pipeline: Pipeline | None = None,
) -> Iterator[Event]:
    """Events found in the documents under `inputs`, in document order.

    `languages`: ISO 639-1 codes of the languages to read (default: the model's language; "any" reads
    every language); `max_chars`: the size cap per document (default $KGRAPH_MAX_CHARS or 2,000,000)."""
    report = report or Report()
    pipeline = pipeline or Pipeline(model=model, actors=actors, lexicon=lexicon, extractors=extractors)
    documents = read_documents(inputs, report, languages=_languages(languages, pipeline.nlp.lang),
                               max_chars=max_chars)
    def skip(document, err) -> None:
        report.skip(document.origin or document.id, failure_message(err))

    for _document, events in pipeline.extract(_counted(documents, report), on_error=skip):
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
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    languages: Sequence[str] | None = None,
    max_chars: int | None = None,
    report: Report | None = None,
) -> BuildResult:
    """Read, extract and write out/graph.ttl, out/events.jsonl and out/graph.html.

    With `graph`, the new documents are added to that existing graph (re-reading a document changes
    nothing: IRIs are stable). `store` keeps the graph in an Oxigraph store directory (added to on every
    build), or sends it to a SPARQL 1.1 Update endpoint when it is an http(s) URL. `jobs` worker
    processes share the extraction; `engine="dask"` runs it on a Dask cluster (local unless `scheduler`
    names one). Documents stream through: events go to disk as they are found. Every output file is
    written atomically; an interrupted build leaves the previous outputs as they were.
    """
    from .parallel import PipelineConfig, extract_fragments
    from .store import is_remote, open_graph, push

    if engine not in {"local", "dask"}:
        raise ValueError(f"unknown engine {engine!r} (local, dask)")
    inputs = list(inputs)
    report = report or Report()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    config = PipelineConfig(model=model, actors=tuple(map(str, actors)), lexicon=tuple(map(str, lexicon)),
                            extractors=tuple(extractors), base=base)
    from .parse import model_language as language_of

    model_language = language_of(model)  # a bad --model fails here, at once
    if store is None and input_bytes(inputs) > AUTO_STORE_BYTES:
        store = str(out / "store")
        report.emit(f"kgraph: input above {AUTO_STORE_BYTES // 2**20} MiB: building into the Oxigraph store {store}")
    ns = DataNamespaces(base)
    rdf = open_graph(None if is_remote(store) else store, existing=graph, ns=ns)
    outputs = {"turtle": out / "graph.ttl", "events": out / "events.jsonl"}
    events_tmp = outputs["events"].with_name(f".{outputs['events'].name}.{os.getpid()}.tmp")
    try:
        documents = _counted(read_documents(inputs, report, languages=_languages(languages, model_language),
                                            max_chars=max_chars), report)
        with open(events_tmp, "w", encoding="utf-8") as events_out, _Progress(enabled=progress) as bar:
            if engine == "dask":
                _build_with_dask(documents, config, out, scheduler, jobs, rdf, events_out, report)
            else:
                on_disk = store is not None and not is_remote(store)
                since_flush = 0
                for fragment in extract_fragments(documents, config, jobs):
                    add_ntriples(rdf, fragment.ntriples)
                    since_flush += fragment.documents
                    if on_disk and since_flush >= FLUSH_DOCUMENTS:
                        # RocksDB holds new triples in memory tables until they are flushed: without
                        # this, memory grows with the input by several hundred MiB before it levels off
                        rdf.store._inner.flush()
                        since_flush = 0
                    events_out.write(fragment.events_jsonl)
                    report.events += fragment.events
                    for origin, why in fragment.failures:
                        report.skip(origin, why)
                    bar.update(report.read, report.events)
        if report.read == 0 and not report.skipped:
            # nothing to build from: leave earlier outputs alone rather than replace them with an empty graph
            raise ValueError(f"no documents found in {', '.join(map(str, inputs))}")
        update_counts(rdf)
        save_graph(rdf, outputs["turtle"])
        os.replace(events_tmp, outputs["events"])
        if html:
            from .view import write_html

            outputs["html"] = out / "graph.html"
            write_html(rdf, outputs["html"], title="kgraph")
        if is_remote(store):
            push(rdf, store)
    finally:
        events_tmp.unlink(missing_ok=True)
        if store is not None and not is_remote(store):
            rdf.close()
    return BuildResult(report.read, len(report.skipped), report.events, outputs, report)


def _languages(languages: Sequence[str] | None, model_language: str) -> list[str] | None:
    """The languages to read: as given, else the model's; "any" (or a multi-language model, "xx") reads all."""
    if languages:
        return None if "any" in languages else list(languages)
    return None if model_language == "xx" else [model_language]


def input_bytes(inputs: Iterable[PathLike]) -> int:
    """Total size of the input files (directories walked), to pick a store for large runs."""
    total = 0
    for item in inputs:
        path = Path(item)
        if path.is_file():
            total += path.stat().st_size
        elif path.is_dir():
            for dirpath, _dirs, files in os.walk(path):
                for name in files:
                    try:
                        total += (Path(dirpath) / name).stat().st_size
                    except OSError:
                        continue
    return total


def _build_with_dask(documents, config, out: Path, scheduler, jobs, rdf, events_out, report: Report) -> None:
    """Partitions run on Dask workers, which write part files; one bulk load then puts them in the graph."""
    import shutil

    from .parallel import extract_with_dask
    from .store import load_into

    workdir = out / f".parts-{os.getpid()}"
    try:
        parts = extract_with_dask(documents, config, workdir, scheduler=scheduler, jobs=max(jobs, 1))
        for part in parts:
            load_into(rdf, part.graph_part)
            with open(part.events_part, encoding="utf-8") as fh:
                shutil.copyfileobj(fh, events_out)
            report.events += part.events
            for origin, why in part.failures:
                report.skip(origin, why)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


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


def stats(graph: PathLike, top: int | None = 10) -> dict:
    """A summary of a graph file (or Oxigraph store directory) for reading: the most active and most
    central actors, communities that cooperate or clash, the busiest pairs' balance, the dates covered.
    `top` bounds each list (None: everything). Plain data; kgraph.stats.format_stats prints it."""
    from .sparql import open_store
    from .stats import stats as run

    return run(open_store(graph), top=top)


def view(graph: PathLike, out: PathLike = "out/graph.html", title: str = "kgraph") -> Path:
    """Render a graph file (or Oxigraph store directory) as the interactive HTML page."""
    from .sparql import open_store
    from .view import write_html

    # straight into Oxigraph: through rdflib, a graph of 5,000 events took 10 s to draw instead of 1.5 s
    write_html(open_store(graph), out, title=title)
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
