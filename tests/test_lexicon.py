"""Every entry of the event lexicon fires: a sentence made from the entry (France as the source, Germany as
the target, the entry's particle, object and preposition), or the entry's own `example`, yields an event
France → Germany with the entry's code and relation. An entry that another entry always shadows, or that
the parser never reaches, fails here. Plus user lexicons and user actors through --lexicon / --actors."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from conftest import ROOT

VERBS = ROOT / "ontology" / "events" / "verbs.jsonl"
TRY_PREPS = ("with", "against", "to", "of", "on", "from")


def _entries() -> list[dict]:
    lines = VERBS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip() and not line.startswith("#")]


def _sentences(entry: dict) -> list[str]:
    if entry.get("example"):
        return [entry["example"]]
    objects, preps = entry.get("object") or [], entry.get("prep") or []
    if entry.get("noun"):
        return [f"The {entry['noun']} between France and Germany began on Monday." if p == "between"
                else f"France's {entry['noun']} {p} Germany began on Monday." for p in preps if p != "by"]
    # the simple past: "France will impose …" would announce an intention, coded as CAMEO's intent code
    head = " ".join(w for w in (f"France {_past(entry['verb'])}", entry.get("particle"),
                                f"the {objects[0]}" if objects else None) if w)
    if preps:
        return [f"{head} {p} Germany." for p in preps]
    plain = [] if objects or entry.get("particle") else [f"{head} Germany."]
    return plain + [f"{head} {p} Germany." for p in TRY_PREPS]  # the fallback prepositions


def _past(verb: str) -> str:
    from lemminflect import getInflection  # a library made for English inflection, rather than rules of our own

    forms = getInflection(verb, tag="VBD")
    return forms[0] if forms else verb + "ed"


ENTRIES = _entries()


@pytest.fixture(scope="module")
def fired(pipeline):
    """For each entry, the (source country, target country, code, relation) of every event its sentences give."""
    from kgraph.model import Document

    sentences = [(k, s) for k, entry in enumerate(ENTRIES) for s in _sentences(entry)]
    docs = [Document(id=str(k), text=s, date=dt.date(2022, 3, 1)) for k, s in sentences]
    out: dict[int, set] = {}
    for (k, _), (_, events) in zip(sentences, pipeline.extract(docs)):
        out.setdefault(k, set()).update((e.source.country, e.target.country, e.event_type.code, e.relation)
                                        for e in events)
    return out


@pytest.mark.parametrize("k", range(len(ENTRIES)),
                         ids=[f"{e.get('verb') or e.get('noun')}-{e.get('particle') or ''}-{e['code']}-{k}"
                              for k, e in enumerate(ENTRIES)])
def test_entry_fires(pipeline, fired, k):
    from kgraph.lexicon import LexiconEntry

    raw = ENTRIES[k]
    entry = LexiconEntry(code=raw["code"], verb=raw.get("verb"), noun=raw.get("noun"), particle=raw.get("particle"),
                         objects=tuple(raw.get("object") or ()), preps=tuple(raw.get("prep") or ()),
                         reverse=bool(raw.get("reverse")))
    got = fired.get(k, set())
    source, target = ("DEU", "FRA") if raw.get("reverse") else ("FRA", "DEU")  # "France received aid from Germany"
    assert (source, target, raw["code"], entry.relation) in got, (_sentences(raw), sorted(got))


def test_a_user_lexicon_adds_and_overrides_entries(tmp_path):
    article = tmp_path / "news.txt"
    article.write_text("Chile serenaded Peru on Monday. Chile warned Peru on Tuesday.\n")
    lexicon = tmp_path / "mine.jsonl"
    lexicon.write_text(
        "# a new verb, and the bundled 'warn' recoded\n"
        '{"verb": "serenade", "code": "051", "note": "praise in song"}\n'
        '{"verb": "warn", "code": "111"}\n')
    result = subprocess.run([sys.executable, "-m", "kgraph.cli", "extract", article, "--lexicon", lexicon, "-q"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    events = {(e["source"]["id"], e["verb"], e["cameo"], e["target"]["id"])
              for e in map(json.loads, result.stdout.splitlines())}
    assert ("CHL", "serenade", "051", "PER") in events
    assert ("CHL", "warn", "111", "PER") in events
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"verb": "serenade", "code": "999"}\n')
    result = subprocess.run([sys.executable, "-m", "kgraph.cli", "extract", article, "--lexicon", bad, "-q"],
                            capture_output=True, text=True)
    assert result.returncode != 0 and str(bad) in result.stderr and "999" in result.stderr
    assert "Traceback" not in result.stderr


def test_places_stand_for_their_country(pipeline):
    from conftest import extract_text

    events = extract_text(pipeline, "Guangzhou police arrested two Australian journalists. "
                                    "Russian forces shelled Kharkiv on Monday.")
    found = {(e.source.country, e.source_code, e.target.country) for e in events}
    assert ("CHN", "CHNCOP", "AUS") in found
    assert any(source == "RUS" and target == "UKR" for source, _, target in found)


NOMINALIZATIONS = ROOT / "ontology" / "events" / "nominalizations.jsonl"


def _nominal_cases() -> list[tuple[str, dict, str]]:
    """(noun, verb entry, sentence) for every noun entry derived from a verb entry."""
    cases = []
    for line in NOMINALIZATIONS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        nominal = json.loads(line)
        for entry in ENTRIES:
            if entry.get("verb") != nominal["verb"] or not entry.get("object") or entry.get("particle") \
                    or entry.get("reverse"):
                continue
            preps = [p for p in entry.get("prep") or [] if p != "of"]
            for noun in nominal["nouns"]:
                phrase = f"{noun} of the {entry['object'][0]}"
                if preps == ["between"]:
                    cases.append((noun, entry, f"France's {phrase} between Germany and Italy began on Monday."))
                elif preps:
                    prep = next(p for p in preps if p != "between")
                    cases.append((noun, entry, f"France's {phrase} {prep} Germany began on Monday."))
    return cases


NOMINAL_CASES = _nominal_cases()


@pytest.fixture(scope="module")
def nominal_fired(pipeline):
    from kgraph.model import Document

    docs = [Document(id=str(k), text=s, date=dt.date(2022, 3, 1)) for k, (_, _, s) in enumerate(NOMINAL_CASES)]
    return {int(d.id): {(e.source.country, e.target.country, e.event_type.code) for e in events}
            for d, events in pipeline.extract(docs)}


@pytest.mark.parametrize("k", range(len(NOMINAL_CASES)),
                         ids=[f"{n}-{e['object'][0]}-{e['code']}" for n, e, _ in NOMINAL_CASES])
def test_a_nominalised_verb_fires_with_the_verbs_code(nominal_fired, k):
    """"France's suspension of the ties with Germany" is France suspending ties with Germany."""
    noun, entry, sentence = NOMINAL_CASES[k]
    assert ("FRA", "DEU", entry["code"]) in nominal_fired.get(k, set()), sentence
