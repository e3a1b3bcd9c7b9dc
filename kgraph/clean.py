"""Cleaning: repair scraped text before parsing and keep an exact map back to the original.

Scraped news loses spaces ("repeatedlywarned Russiaand", "theUSNational", "Ukraine.President"),
apostrophes ("Russias", "wont") and opens with agency datelines ("CNN  US and ..."). Every repair is an
insertion (a space or an apostrophe) or a deletion (a dateline), so each character of the repaired
text either comes from one original character or was inserted; `RepairedText.to_original` maps any
span of the repaired text back to the original, which is what evidence offsets point at.
"""

from __future__ import annotations

import bisect

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .resources import ontology_dir, read_words

WORD = re.compile(r"[A-Za-z]+")
# A sentence end glued to the next sentence: "Ukraine.President", "lines.The" (not "U.S.Army": needs 2+ lower).
GLUED_SENTENCE = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
# A comma, colon or semicolon glued to a word: "January 10,a spokesman", "tracks:deterrence".
GLUED_PUNCT = re.compile(r"(?<=[A-Za-z0-9][,;:])(?=[A-Za-z])|(?<=[a-z][,;:])(?=\d)")
# Lower case glued to a capitalised word: "theUSNational" → "the" | "USNational"; "Russiaand" is handled
# by the segmenter. An upper-case run glued to a capitalised word: "USNational" → "US" | "National".
LOWER_UPPER = re.compile(r"(?<=[a-z])(?=[A-Z])")
UPPER_RUN_WORD = re.compile(r"(?<=[A-Z]{2})(?=[A-Z][a-z]{2,})")

# Letter runs longer than this are not words glued together but tables, codes or base64: wordsegment's
# cost grows with the square of the length (a 17,000-letter run took 28 s), so they are left alone.
MAX_SEGMENT_LETTERS = 60
# A segmentation is accepted only if every piece is a common English word: wordsegment's unigram counts
# come from a trillion-word web corpus, so 50,000 occurrences rules out junk such as "hou" or "skyy".
MIN_PIECE_COUNT = 50_000
SINGLE_LETTER_WORDS = {"a"}
# A word this common in wordsegment's counts is a word or name of its own: not a possessive that lost its
# apostrophe unless a noun follows ("Frances Smith" 4.6 million, "the Americas"; "Trumps decision" is one;
# "Russias" is 47,000, "Chinas" 105,000), nor a misspelt country name ("Columbia" 46 million;
# "Phillipines" is 266,000, "Afganistan" 159,000).
OWN_WORD_COUNT = 300_000


@dataclass(frozen=True)
class RepairedText:
    original: str
    text: str
    # origin[i] = index in `original` of repaired character i, or -1 for an inserted character
    origin: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of the repaired span [start, end): first to last original character."""
        o_start = next((self.origin[i] for i in range(start, end) if self.origin[i] >= 0), None)
        o_end = next((self.origin[i] + 1 for i in range(end - 1, start - 1, -1) if self.origin[i] >= 0), None)
        if o_start is None or o_end is None:
            anchor = next((o for o in self.origin[start:] if o >= 0), len(self.original))
            return anchor, anchor
        return o_start, o_end


@dataclass(frozen=True)
class Edit:
    start: int  # original offsets; an insertion has start == end
    end: int
    insert: str = ""


class Cleaner:
    """Repairs scraped text. `known_names` are proper names (from the gazetteer) that must not be split
    and whose possessive lost its apostrophe ("Russias" → "Russia's")."""

    def __init__(self, known_names: Iterable[str] = (), known_words: Iterable[str] = ()) -> None:
        self.known_names = frozenset(known_names)
        self.known_lower = frozenset(n.lower() for n in self.known_names)
        # the event lexicon's words: "countersued" or "cyberattack" are words, not "counter sued"
        self.known_words = self.known_lower | frozenset(w.lower() for w in known_words)
        self.agencies = _agency_pattern()
        self.contractions = _contractions()

    def repair(self, text: str) -> RepairedText:
        edits: list[Edit] = []
        edits += self._dateline_edits(text)
        edits += [Edit(m.start(), m.start(), " ") for m in GLUED_SENTENCE.finditer(text)]
        urls = _url_spans(text)
        edits += [Edit(m.start(), m.start(), " ") for m in GLUED_PUNCT.finditer(text) if not _inside(urls, m.start())]
        for m in WORD.finditer(text):
            if _inside(urls, m.start()):
                continue
            # only a word in "s" can be a possessive that lost its apostrophe: the look around is for those
            possessive = m.group().endswith("s") and _before_a_noun(text, m.start(), m.end())
            edits += [Edit(m.start() + k, m.start() + k, ins)
                      for k, ins in self._word_insertions(m.group(), possessive)]
        return apply_edits(text, edits)

    def _dateline_edits(self, text: str) -> list[Edit]:
        return [Edit(m.start(1), m.end(1)) for m in self.agencies.finditer(text)]

    def _word_insertions(self, word: str, possessive: bool = False) -> list[tuple[int, str]]:
        """Positions inside `word` where a space or apostrophe was lost. `possessive`: the word stands where a
        possessive would ("Trumps decision"), which a name + "s" that is a word of its own needs."""
        if word in self.known_names or len(word) > 4 * MAX_SEGMENT_LETTERS:
            return []
        lower = word.lower()
        restored = self.contractions.get(lower)
        if restored is not None:
            k = restored.index("'")
            return [(k, "'")]
        if word.endswith("s") and word[:-1] in self.known_names and word[0].isupper() \
                and (possessive or unigram_count(lower) < OWN_WORD_COUNT):
            return [(len(word) - 1, "'")]
        # Camel-case joins first: each part is then checked on its own.
        cuts = [m.start() for m in LOWER_UPPER.finditer(word)] + [m.start() for m in UPPER_RUN_WORD.finditer(word)]
        if cuts and self._plausible_camel_split(word, sorted(set(cuts))):
            out: list[tuple[int, str]] = []
            bounds = [0, *sorted(set(cuts)), len(word)]
            for a, b in zip(bounds, bounds[1:]):
                if a:
                    out.append((a, " "))
                out += [(a + k, ins) for k, ins in self._word_insertions(word[a:b])]
            return out
        if self._is_known(lower) or len(lower) > MAX_SEGMENT_LETTERS:
            return []
        pieces = segment(lower)
        if len(pieces) < 2 or not all(self._good_piece(p) for p in pieces):
            return []
        out, pos = [], 0
        for piece in pieces[:-1]:
            pos += len(piece)
            out.append((pos, " "))
        return out

    def _plausible_camel_split(self, word: str, cuts: list[int]) -> bool:
        # "theUS" (a lower-case word glued to a name) or "USNational"; not "McDonald" or "iPhone".
        first = word[: cuts[0]]
        if first.islower():
            return self._is_known(first) and (len(first) > 1 or first in SINGLE_LETTER_WORDS)
        if first.isupper():
            return len(first) >= 2
        return first.lower() in self.known_lower or (self._is_known(first.lower()) and len(first) > 3)

    def _is_known(self, lower: str) -> bool:
        if lower in self.known_words or unigram_count(lower) > 0:
            return True
        # an inflection of a lexicon word ("waterboarded", "cyberattacks", "airdropped", "amnestied")
        return any(lemma in self.known_words for lemma in _lemmas(lower))

    def _good_piece(self, piece: str) -> bool:
        if len(piece) == 1 and piece not in SINGLE_LETTER_WORDS:
            return False
        return piece in self.known_lower or unigram_count(piece) >= MIN_PIECE_COUNT


def apply_edits(text: str, edits: Iterable[Edit]) -> RepairedText:
    """Apply non-overlapping insertions and deletions; record where each output character came from."""
    out: list[str] = []
    origin: list[int] = []
    pos = 0
    for edit in sorted(set(edits), key=lambda e: (e.start, e.end)):
        if edit.start < pos:  # overlaps an earlier deletion: the earlier edit wins
            continue
        out.append(text[pos : edit.start])
        origin.extend(range(pos, edit.start))
        if edit.insert and not _already_there(text, edit, out):
            out.append(edit.insert)
            origin.extend([-1] * len(edit.insert))
        pos = edit.end
    out.append(text[pos:])
    origin.extend(range(pos, len(text)))
    return RepairedText(original=text, text="".join(out), origin=tuple(origin))


def _already_there(text: str, edit: Edit, out: list[str]) -> bool:
    # Two rules may ask for the same space ("Ukraine.President" is both a glued sentence and a camel join).
    if edit.insert != " ":
        return False
    before = out[-1][-1:] if out and out[-1] else ""
    return before.isspace() or text[edit.start : edit.start + 1].isspace()


URLISH = re.compile(r"\S*(?:://|www\.|@)\S*")


def _url_spans(text: str) -> list[tuple[int, int]]:
    """Whitespace-delimited tokens that are URLs or addresses: left exactly as they are."""
    return [m.span() for m in URLISH.finditer(text)]


def _before_a_noun(text: str, start: int, end: int) -> bool:
    """The word at [start, end) is followed by a lower-case word and not preceded by "the": where "Trumps
    decision" has a possessive, and "Frances Smith" or "the Americas condemned" have none."""
    after = re.match(r" +[a-z]", text[end:end + 8])
    before = text[max(0, start - 4):start].lower()
    return after is not None and not before.endswith("the ")


def _inside(spans: list[tuple[int, int]], index: int) -> bool:
    k = bisect.bisect_right(spans, (index, float("inf"))) - 1  # spans are sorted and disjoint
    return k >= 0 and index < spans[k][1]


@lru_cache(maxsize=1)
def _unigrams() -> dict[str, float]:
    import wordsegment

    wordsegment.load()
    return wordsegment.UNIGRAMS


def unigram_count(word: str) -> float:
    return _unigrams().get(word, 0.0)


@lru_cache(maxsize=65536)
def segment(lower: str) -> tuple[str, ...]:
    import wordsegment

    _unigrams()
    return tuple(wordsegment.segment(lower))


@lru_cache(maxsize=1)
def _agency_pattern() -> re.Pattern[str]:
    names = sorted(read_words(ontology_dir() / "text" / "news_agencies.txt"), key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names)
    # At the start of a line: "CNN  US ...", "CNN — US ...", "ANKARA (Reuters) - ...", "MOSCOW, Dec 28 (AFP) —".
    return re.compile(
        rf"(?m)^[ \t]*((?:(?:{alt})\s{{2,}}|(?:{alt})\s*[—–-]+\s+|"
        rf"[A-Z][A-Za-z .,'’-]{{1,60}}\((?:{alt})\)\s*[—–-]*\s*|\((?:{alt})\)\s*[—–-]*\s*))",
    )


@lru_cache(maxsize=1)
def _contractions() -> dict[str, str]:
    table = {}
    for line in read_words(ontology_dir() / "text" / "contractions.tsv"):
        lost, restored = line.split("\t")
        table[lost.lower()] = restored.lower()
    return table


@lru_cache(maxsize=65536)
def _lemmas(word: str) -> tuple[str, ...]:
    # lemminflect knows English inflection (doubled consonants, -ied, irregular forms) better than suffix rules
    from lemminflect import getLemma

    return tuple({lemma for upos in ("VERB", "NOUN") for lemma in getLemma(word, upos=upos, lemmatize_oov=True)})
