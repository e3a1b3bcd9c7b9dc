"""Shared fixtures: one Pipeline per test session (the spaCy model loads once), the bundled examples,
and ../shared (third-party data, read in place and never copied; tests that need it skip without it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SAMPLE = SHARED / "samples" / "us-russia-talks-20211228.txt"


@pytest.fixture(scope="session")
def pipeline():
    from kgraph.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def sample_article() -> Path:
    if not SAMPLE.exists():
        pytest.skip("../shared/samples is absent: the acceptance article is third-party text kept outside the repository")
    return SAMPLE


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    path = SHARED / "eval"
    if not path.is_dir():
        pytest.skip("../shared/eval is absent: evaluation data is kept outside the repository")
    return path


@pytest.fixture(scope="session")
def built(tmp_path_factory, examples_dir):
    """The demo's build of the bundled examples, made once through the public API."""
    import kgraph

    out = tmp_path_factory.mktemp("built")
    result = kgraph.build([examples_dir], out)
    return result


@pytest.fixture(scope="session")
def built_events(built) -> list[dict]:
    return [json.loads(line) for line in built.outputs["events"].read_text().splitlines()]


def extract_text(pipeline, text: str, date: str | None = "2022-03-01", doc_id: str = "t") -> list:
    """Events of one piece of text, through the same pipeline as files."""
    import datetime as dt

    from kgraph.model import Document

    document = Document(id=doc_id, text=text, date=dt.date.fromisoformat(date) if date else None)
    return [e for _, events in pipeline.extract([document]) for e in events]


def dyads(events) -> set[tuple[str, str, str]]:
    """(source id, event root, target id) of each event."""
    return {(e.source.id, e.event_type.root, e.target.id) for e in events}


def canonical(graph):
    """The graph with literals in one canonical form per value (1 and 1.0 as decimals, "x" and
    "x"^^xsd:string): rdflib and Oxigraph write numbers differently, so graphs that went through
    both engines compare by value."""
    from rdflib import Graph, Literal
    from rdflib.namespace import XSD

    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal):
            if o.datatype == XSD.string:
                o = Literal(str(o))
            elif o.datatype in (XSD.decimal, XSD.double, XSD.float) and o.value is not None:
                o = Literal(format(o.value.normalize() if hasattr(o.value, "normalize") else o.value), datatype=o.datatype)
        out.add((s, p, o))
    return out
