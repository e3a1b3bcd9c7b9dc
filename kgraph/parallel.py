"""Running extraction on several cores and on a cluster.

One pure function, `extract_fragment`, turns a list of documents into a graph fragment (N-Triples) and
events (JSON Lines). The local process pool (`--jobs N`) runs it and sends the fragment back; on Dask
(`--engine dask`) `extract_partition` writes it to part files and sends back their names; Ray
(`ray.remote(extract_partition)`) or Spark (`rdd.mapPartitions`) could run it the same way. Workers
load the spaCy model once and build the graph fragment themselves, so the parent only adds N-Triples
to the store; they never send spaCy `Doc` objects (pickling Docs back to the parent is what makes
`nlp.pipe(n_process=2)` slower than one process).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from .model import Document


@dataclass(frozen=True)
class PipelineConfig:
    """What a worker needs to build its own Pipeline (plain, picklable data)."""

    model: str
    actors: tuple[str, ...] = ()
    lexicon: tuple[str, ...] = ()
    extractors: tuple[str, ...] = ("dependency",)
    base: str = ""


_PIPELINES: dict[PipelineConfig, object] = {}


def worker_pipeline(config: PipelineConfig):
    """This process's Pipeline for `config`, built on first use and kept (the model loads once)."""
    from .pipeline import Pipeline

    pipeline = _PIPELINES.get(config)
    if pipeline is None:
        pipeline = _PIPELINES[config] = Pipeline(model=config.model, actors=config.actors,
                                                 lexicon=config.lexicon, extractors=config.extractors)
    return pipeline


def failure_message(err: Exception) -> str:
    return f"extraction failed ({type(err).__name__}: {err})"


@dataclass
class Fragment:
    """What extraction of a batch of documents gives back: plain bytes and text, cheap to send between
    processes: the batch's graph as N-Triples and its events as JSON Lines."""

    ntriples: bytes
    events_jsonl: str
    documents: int
    events: int
    failures: list[tuple[str, str]]  # (document origin, why) of documents an extractor failed on


def extract_fragment(documents: list[Document], config: PipelineConfig) -> Fragment:
    """The pure extraction function: documents in, graph fragment and events out."""
    from .graph import GraphWriter, new_graph
    from .vocab import DataNamespaces

    pipeline = worker_pipeline(config)
    writer = GraphWriter(new_graph(), pipeline.resources.lexicon, DataNamespaces(config.base) if config.base else None,
                         batch_documents=10**9)
    lines = []
    failures: list[tuple[str, str]] = []
    on_error = lambda d, err: failures.append((d.origin or d.id, failure_message(err)))  # noqa: E731
    # Strings that the batch's texts add to spaCy's vocabulary are dropped when the zone closes: a
    # long run over news (new names every day) would otherwise keep them all. Nothing below keeps a Doc.
    with pipeline.nlp.memory_zone():
        for document, events in pipeline.extract(documents, on_error=on_error):
            writer.add_document(document, events)
            lines += [json.dumps(e.as_json(), ensure_ascii=False) + "\n" for e in events]
    return Fragment(writer.take_ntriples(), "".join(lines), len(documents), len(lines), failures)


@dataclass
class PartResult:
    graph_part: str  # N-Triples file
    events_part: str  # JSON Lines file
    documents: int
    events: int
    failures: list[tuple[str, str]]


def extract_partition(documents: list[Document], config: PipelineConfig, part_prefix: str) -> PartResult:
    """extract_fragment for a cluster: the fragment goes to part files, only their names come back."""
    from .graph import write_atomic

    fragment = extract_fragment(documents, config)
    graph_part, events_part = part_prefix + ".nt", part_prefix + ".jsonl"
    write_atomic(graph_part, fragment.ntriples)
    write_atomic(events_part, fragment.events_jsonl.encode("utf-8"))
    return PartResult(graph_part, events_part, fragment.documents, fragment.events, fragment.failures)


def batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def extract_fragments(documents: Iterable[Document], config: PipelineConfig, jobs: int = 1,
                      batch_size: int = 16) -> Iterator[Fragment]:
    """Fragments of successive batches, in input order: in this process, or on `jobs` worker processes
    with at most 2 × jobs batches in flight, so memory stays bounded however long the input."""
    if jobs <= 1:
        yield from (extract_fragment(batch, config) for batch in batches(documents, batch_size))
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: list[Future] = []
        for batch in batches(documents, batch_size):
            pending.append(pool.submit(extract_fragment, batch, config))
            while len(pending) >= 2 * jobs:
                yield pending.pop(0).result()
        for future in pending:
            yield future.result()


def extract_with_dask(documents: Iterable[Document], config: PipelineConfig, workdir: Path,
                      scheduler: str | None = None, jobs: int = 2, partition_size: int = 200) -> list[PartResult]:
    """Run `extract_partition` over partitions on a Dask cluster: a local one by default, or the
    scheduler at `scheduler` (tcp://host:8786). Returns the part files, in input order."""
    from dask.distributed import Client, LocalCluster

    workdir.mkdir(parents=True, exist_ok=True)
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        futures = []
        for k, partition in enumerate(batches(documents, partition_size)):
            prefix = str(workdir / f"part-{k:06d}-{os.getpid()}")
            futures.append(client.submit(extract_partition, partition, config, prefix, pure=False))
        return client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
