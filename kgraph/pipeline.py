"""The pipeline: Document → repaired text → spaCy Docs → actor mentions → events.

One Pipeline holds the heavy resources (spaCy model, gazetteer, lexicon, matchers), built once and
reused for every document, like a spaCy Language object.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from .actors import Gazetteer, MentionFinder
from .clean import Cleaner
from .events import ParsedDocument, Resources, Segment, make_extractor
from .lexicon import Lexicon
from .model import Document, Event
from .parse import DEFAULT_MODEL, load_model, segments


class Pipeline:
    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        actors: Sequence[str | Path] = (),
        lexicon: Sequence[str | Path] = (),
        extractors: Sequence[str] = ("dependency",),
        batch_size: int = 32,
    ) -> None:
        self.nlp = load_model(model)
        self.resources = Resources(gazetteer=Gazetteer.load(actors), lexicon=Lexicon.load(lexicon))
        self.cleaner = Cleaner(self.resources.gazetteer.surface_names(), self.resources.lexicon.words())
        self.finder = MentionFinder(self.resources.gazetteer, self.nlp)
        self.extractors = [make_extractor(name, self.resources) for name in extractors]
        self.batch_size = batch_size

    def parse(self, documents: Iterable[Document]) -> Iterator[ParsedDocument]:
        """Repair and parse documents in one nlp.pipe stream; long documents go in pieces."""
        pending: list[ParsedDocument] = []

        def texts() -> Iterator[tuple[str, tuple[int, bool]]]:
            for document in documents:
                parsed = ParsedDocument(document=document, repaired=self.cleaner.repair(document.text))
                pending.append(parsed)
                pieces = list(segments(parsed.repaired.text)) or [(0, "")]
                for k, (offset, piece) in enumerate(pieces):
                    yield piece, (offset, k == len(pieces) - 1)

        for doc, (offset, last) in self.nlp.pipe(texts(), as_tuples=True, batch_size=self.batch_size):
            parsed = pending[0]
            parsed.segments.append(Segment(offset, doc, self.finder.find(doc, parsed.document.date)))
            if last:
                pending.pop(0)
                yield parsed

    def extract(self, documents: Iterable[Document],
                on_error: Callable[[Document, Exception], None] | None = None) -> Iterator[tuple[Document, list[Event]]]:
        """(document, events) in input order. An extractor failing on one document raises, or, with
        `on_error`, reports that document and goes on with the next."""
        for parsed in self.parse(documents):
            events: list[Event] = []
            try:
                for extractor in self.extractors:
                    events.extend(extractor(parsed))
            except Exception as err:  # one bad document must not end a run over thousands
                if on_error is None:
                    raise
                on_error(parsed.document, err)
                continue
            yield parsed.document, events
