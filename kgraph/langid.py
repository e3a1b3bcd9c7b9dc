"""Language identification: is a document in a language the spaCy model reads?

The default model is English, and an English pipeline run over French or Chinese text finds junk
(nouns taken for actors, verbs for events), so documents that are clearly in another language are
skipped with a note. The identifier is py3langid (a maintained fork of langid.py: 97 languages, a
4.5 MB model inside the package, numpy only, nothing downloaded, well under a millisecond a text).

Only a confident verdict skips a document: at least MIN_LETTERS letters, the best language at least
MIN_TOP likely, and the accepted languages together below MAX_ACCEPTED in every window looked at (the
start, middle and end of a long text, so an English article that opens with a foreign quotation is
kept). Short texts, lists of names and tables are never skipped. A text that reads as English by its
function words ("the", "and", "of") is accepted without loading the model at all.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

DEFAULT_LANGUAGES = frozenset({"en"})
MIN_LETTERS = 40
MIN_TOP = 0.5
MAX_ACCEPTED = 0.01
WINDOW = 2000

# ISO 639-1 codes to names, for messages (the identifier knows 97; the rest are shown as codes).
NAMES = {
    "af": "Afrikaans", "am": "Amharic", "ar": "Arabic", "az": "Azerbaijani", "be": "Belarusian",
    "bg": "Bulgarian", "bn": "Bengali", "bs": "Bosnian", "ca": "Catalan", "cs": "Czech", "cy": "Welsh",
    "da": "Danish", "de": "German", "el": "Greek", "en": "English", "es": "Spanish", "et": "Estonian",
    "eu": "Basque", "fa": "Persian", "fi": "Finnish", "fr": "French", "ga": "Irish", "gl": "Galician",
    "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "hy": "Armenian",
    "id": "Indonesian", "is": "Icelandic", "it": "Italian", "ja": "Japanese", "ka": "Georgian",
    "kk": "Kazakh", "km": "Khmer", "ko": "Korean", "ku": "Kurdish", "ky": "Kyrgyz", "lt": "Lithuanian",
    "lv": "Latvian", "mk": "Macedonian", "mn": "Mongolian", "ms": "Malay", "mt": "Maltese",
    "nb": "Norwegian", "ne": "Nepali", "nl": "Dutch", "no": "Norwegian", "pl": "Polish", "ps": "Pashto",
    "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian",
    "so": "Somali", "sq": "Albanian", "sr": "Serbian", "sv": "Swedish", "sw": "Swahili", "ta": "Tamil",
    "th": "Thai", "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "uz": "Uzbek",
    "vi": "Vietnamese", "zh": "Chinese",
}

# Function words frequent in English news and rare as words of other languages (not "a", "in", "to",
# "is", "was", "will", "on": those are words of Spanish, German, Dutch, Polish or French too).
ENGLISH_WORDS = frozenset(
    "the and of that with for said from which would their have been this they were after its has "
    "had who not but be are by".split()
)
ENGLISH_SHARE = 0.12
WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Verdict:
    language: str  # ISO 639-1 code of the most likely language
    confidence: float  # its probability
    accepted: float  # the probability of the accepted languages together

    @property
    def name(self) -> str:
        return NAMES.get(self.language, self.language)


def language_name(code: str) -> str:
    return NAMES.get(code, code)


def known_languages() -> set[str]:
    return set(_identifier().labels)


def check_languages(languages: Collection[str]) -> frozenset[str]:
    """The codes in `languages`, lower-cased; a ValueError names any the identifier does not know."""
    codes = frozenset(code.strip().lower() for code in languages)
    try:
        known = known_languages()
    except ImportError:
        return codes  # no identifier: nothing to check against (readers say the check is off)
    unknown = codes - known
    if unknown:
        raise ValueError(
            f"unknown language code(s) {', '.join(sorted(unknown))}: use ISO 639-1 codes such as en, fr, de"
        )
    return codes


def foreign(text: str, languages: Collection[str] = DEFAULT_LANGUAGES) -> Verdict | None:
    """The verdict when `text` is confidently in none of `languages`, else None (keep the text)."""
    accepted = frozenset(languages)
    if not accepted:
        return None
    if sum(c.isalpha() for c in text[: 4 * WINDOW]) < MIN_LETTERS:
        return None
    windows = _windows(text)
    if "en" in accepted and any(_reads_as_english(w) for w in windows):
        return None
    identifier = _identifier()
    verdict = None
    for window in windows:
        ranked = identifier.rank(window)
        top, confidence = ranked[0]
        share = sum(p for lang, p in ranked if lang in accepted)
        if top in accepted or confidence < MIN_TOP or share >= MAX_ACCEPTED:
            return None
        if verdict is None:
            verdict = Verdict(top, float(confidence), float(share))
    return verdict


def _windows(text: str) -> list[str]:
    """The start, middle and end of a long text (one window for a short one)."""
    if len(text) <= 3 * WINDOW:
        return [text]
    middle = len(text) // 2 - WINDOW // 2
    return [text[:WINDOW], text[middle : middle + WINDOW], text[-WINDOW:]]


def _reads_as_english(text: str) -> bool:
    words = WORD.findall(text.lower())
    return len(words) >= 8 and sum(w in ENGLISH_WORDS for w in words) / len(words) >= ENGLISH_SHARE


@lru_cache(maxsize=1)
def _identifier():
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError as err:
        raise ImportError("the language identifier py3langid is not installed (pip install py3langid)") from err

    load = getattr(LanguageIdentifier, "from_model_file", None) or LanguageIdentifier.from_pickled_model
    return load(MODEL_FILE, norm_probs=True)
