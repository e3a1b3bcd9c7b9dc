"""Running extraction on several cores and on a cluster.

One pure function, `extract_partition`, turns a list of documents into a graph fragment (N-Triples) and
events (JSON Lines) written as part files. The local process pool (`--jobs N`) and Dask (`--engine dask`)
both run it; so could Ray (`ray.remote(extract_partition)`) or Spark (`rdd.mapPartitions`). Workers load
the spaCy model once and send back only file names and counts, never spaCy `Doc` objects (pickling Docs
back to the parent is what makes `nlp.pipe(n_process=2)` slower than one process).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from .model import Document, Event


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


def extract_batch(documents: list[Document], config: PipelineConfig) -> list[tuple[Document, list[Event] | str]]:
    """Events of a batch of documents, in order (what `--jobs N` workers return); a document an extractor
    failed on comes back with the error message instead of events."""
    failed: dict[int, str] = {}
    results = list(worker_pipeline(config).extract(
        documents, on_error=lambda d, err: failed.__setitem__(id(d), failure_message(err))))
    done = {id(d): events for d, events in results}
    return [(d, done[id(d)] if id(d) in done else failed[id(d)]) for d in documents if id(d) in done or id(d) in failed]


@dataclass
class PartResult:
    graph_part: str  # N-Triples file
    events_part: str  # JSON Lines file
    documents: int
    events: int
    failures: list[tuple[str, str]]  # (document origin, why) of documents an extractor failed on


def extract_partition(documents: list[Document], config: PipelineConfig, part_prefix: str) -> PartResult:
    """The pure extraction function of a partition: documents in, part files out."""
    from .graph import GraphWriter, new_graph, write_atomic
    from .vocab import DataNamespaces

    pipeline = worker_pipeline(config)
    writer = GraphWriter(new_graph(), pipeline.resources.lexicon, DataNamespaces(config.base) if config.base else None,
                         batch_documents=10**9)
    lines = []
    n_events = 0
    failures: list[tuple[str, str]] = []
    on_error = lambda d, err: failures.append((d.origin or d.id, failure_message(err)))  # noqa: E731
    for document, events in pipeline.extract(documents, on_error=on_error):
        writer.add_document(document, events)
        lines += [json.dumps(e.as_json(), ensure_ascii=False) + "\n" for e in events]
        n_events += len(events)
    writer.flush()
    graph_part, events_part = part_prefix + ".nt", part_prefix + ".jsonl"
    write_atomic(graph_part, writer.target.serialize(format="nt", encoding="utf-8"))
    write_atomic(events_part, "".join(lines).encode("utf-8"))
    return PartResult(graph_part, events_part, len(documents), n_events, failures)


def batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def extract_parallel(documents: Iterable[Document], config: PipelineConfig, jobs: int,
                     batch_size: int = 16) -> Iterator[tuple[Document, list[Event] | str]]:
    """Like Pipeline.extract, on `jobs` worker processes; results come back in input order and at most
    2 × jobs batches are in flight, so memory stays bounded however long the input."""
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: list[Future] = []
        for batch in batches(documents, batch_size):
            pending.append(pool.submit(extract_batch, batch, config))
            while len(pending) >= 2 * jobs:
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()


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
