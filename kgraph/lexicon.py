"""The event vocabulary: CAMEO codes (ontology/events/cameo.jsonl), the verb and phrase lexicon that
expresses them (verbs.jsonl), and the verbs that make an event intended, threatened or hypothetical
(modality.jsonl, intent_codes.jsonl), and the weapons that tell attacks apart (weapons.jsonl). Format:
ontology/events/README.md."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .model import EventType
from .resources import DataFileError, ontology_dir, read_jsonl, read_words


@dataclass(frozen=True)
class LexiconEntry:
    code: str
    verb: str | None = None
    noun: str | None = None
    particle: str | None = None
    objects: tuple[str, ...] = ()
    preps: tuple[str, ...] = ()
    mode: str | None = None
    reverse: bool = False  # the target acts on the subject: "A got arms from B" is B arming A
    mutual: bool = False  # coordinated subjects act on each other: "A and B exchanged fire"
    # a meeting that is the subject's act only: "A met with B", as event coders record it ("A held talks
    # with B" is both sides' act)
    one_way: bool = False
    # the object must be asked or wanted to do something: "wants Russia to withdraw", not "wants Crimea"
    infinitive: bool = False
    # the participle after "be" says where the subject stands, no passive: "Israel is opposed to the plan"
    stative: bool = False
    # the code when the target is an international organisation: leaving or withdrawing from one reduces
    # relations with it ("Mali withdrew from ECOWAS" is no military retreat)
    organisation_code: str | None = None
    stem: str | None = None  # the verb a noun entry nominalises: its relation is the verb's

    @property
    def key(self) -> tuple:
        return (self.verb, self.noun, self.particle, frozenset(self.objects), frozenset(self.preps),
                self.infinitive)

    @property
    def specificity(self) -> int:
        return 4 * bool(self.objects) + 2 * bool(self.particle) + bool(self.preps)

    @property
    def relation(self) -> str:
        """The verb-level property name: the phrase in lower camel case (warn, imposeSanctionOn, sitDownWith)."""
        words = [self.stem or self.verb or self.noun or "", self.particle or ""]
        if self.objects:
            words.append(self.objects[0])
        if self.preps:
            words.append(self.preps[0])
        if self.reverse:  # the edge runs from the actor named in the prepositional phrase
            words.append("inverse")
        parts = [w for w in re.split(r"[^A-Za-z0-9]+", " ".join(words)) if w]
        return parts[0].lower() + "".join(p.capitalize() for p in parts[1:])


@dataclass
class Lexicon:
    types: dict[str, EventType] = field(default_factory=dict)
    verbs: dict[str, list[LexiconEntry]] = field(default_factory=dict)
    nouns: dict[str, list[LexiconEntry]] = field(default_factory=dict)
    modality: dict[str, str] = field(default_factory=dict)  # governing verb lemma → mode
    modal_aux: dict[str, str] = field(default_factory=dict)  # could/would … → hypothetical
    # (mode, root or 3-digit code) → code: the 3-digit code, where given, is the more telling
    intent_codes: dict[tuple[str, str], str] = field(default_factory=dict)
    # governing words that report an arranged event ("is scheduled to meet"), not an actor's stated intent
    scheduling: frozenset[str] = frozenset()
    demand_aux: dict[str, str] = field(default_factory=dict)  # must, should → the code of a demand
    support_verbs: frozenset[str] = frozenset()  # light verbs whose event noun carries the event
    weapons: dict[str, str] = field(default_factory=dict)  # weapon ("air strike") → the attack's CAMEO code

    @classmethod
    def load(cls, extra: Iterable[str | Path] = ()) -> Lexicon:
        lex = cls()
        base = ontology_dir() / "events"
        lex.add_types(base / "cameo.jsonl")
        lex.add_entries(base / "verbs.jsonl")
        for _, obj in read_jsonl(base / "modality.jsonl"):
            (lex.modal_aux if obj.get("aux") else lex.modality)[obj["lemma"]] = obj["mode"]
            if obj.get("demand"):
                lex.demand_aux[obj["lemma"]] = str(obj["demand"])
            if obj.get("schedules"):
                lex.scheduling |= {obj["lemma"]}
        for _, obj in read_jsonl(base / "intent_codes.jsonl"):
            lex.intent_codes[(obj["mode"], obj.get("of") or obj["root"])] = obj["code"]
        lex.support_verbs = frozenset(read_words(base / "support_verbs.txt"))
        weapons = base / "weapons.jsonl"
        for number, obj in read_jsonl(weapons):
            if str(obj.get("code")) not in lex.types or not obj.get("weapon"):
                raise DataFileError(f"{weapons}:{number}: a weapon needs a name and a known CAMEO code")
            lex.weapons[str(obj["weapon"]).lower()] = str(obj["code"])
        for path in extra:
            lex.add_entries(Path(path))
        lex.add_nominalizations(base / "nominalizations.jsonl")
        return lex

    def intent_code(self, mode: str, event_type: EventType) -> str | None:
        """The code of an event in this mode ("agreed to lift sanctions": 0354), if the mode has one."""
        by_code = self.intent_codes.get((mode, event_type.code[:3]))
        return by_code or self.intent_codes.get((mode, event_type.root))

    def add_nominalizations(self, path: Path) -> None:
        """Noun entries from the verb entries they nominalise ("the suspension of ties with Qatar"): same
        objects (the noun's of-phrase), prepositions and code. A noun entry of the same phrase wins."""
        for number, obj in read_jsonl(path):
            try:
                verb, nouns = obj["verb"], obj["nouns"]
            except KeyError as err:
                raise DataFileError(f"{path}:{number}: bad nominalization ({err})") from err
            for entry in self.verbs.get(verb, []):
                preps = tuple(p for p in entry.preps if p != "of")  # "of" now introduces the object
                if not entry.objects or not preps or entry.particle or entry.reverse:
                    continue  # a noun needs a preposition to name its target ("the freeze of assets" names none)
                for noun in nouns:
                    derived = replace(entry, verb=None, noun=noun, stem=verb, preps=preps)
                    bucket = self.nouns.setdefault(noun, [])
                    if all(e.key != derived.key for e in bucket):
                        bucket.append(derived)

    def add_types(self, path: Path) -> None:
        for number, obj in read_jsonl(path):
            try:
                code = str(obj["code"])
                self.types[code] = EventType(
                    code=code,
                    root=str(obj.get("root") or code[:2]),
                    label=obj["label"],
                    plover=obj.get("plover"),
                    plover_mode=obj.get("plover_mode"),
                    quad_class=int(obj["quad_class"]),
                    goldstein=float(obj["goldstein"]),
                    symmetric=bool(obj.get("symmetric", False)),
                    property=obj.get("property") or f"cameo{code}",
                )
            except (KeyError, TypeError, ValueError) as err:
                raise DataFileError(f"{path}:{number}: bad event type ({err})") from err

    def add_entries(self, path: Path) -> None:
        """Add (or, for the same phrase, override) lexicon entries; user files use the same format."""
        for number, obj in read_jsonl(path):
            try:
                entry = entry_from_json(obj)
            except (KeyError, TypeError, ValueError) as err:
                raise DataFileError(f"{path}:{number}: bad lexicon entry ({err})") from err
            for code in filter(None, (entry.code, entry.organisation_code)):
                if code not in self.types:
                    raise DataFileError(f"{path}:{number}: unknown CAMEO code {code!r}")
            table = self.verbs if entry.verb else self.nouns
            bucket = table.setdefault(entry.verb or entry.noun, [])
            bucket[:] = [e for e in bucket if e.key != entry.key]
            bucket.append(entry)

    def words(self) -> set[str]:
        """Every trigger and object word of the lexicon."""
        entries = [e for es in (*self.verbs.values(), *self.nouns.values()) for e in es]
        return {w for e in entries for w in (e.verb, e.noun, e.particle, *e.objects) if w}

    def event_type(self, code: str) -> EventType:
        return self.types[code]


def _as_tuple(value) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value.lower(),)
    return tuple(str(v).lower() for v in value)


def entry_from_json(obj: dict) -> LexiconEntry:
    verb, noun = obj.get("verb"), obj.get("noun")
    if bool(verb) == bool(noun):
        raise ValueError("give exactly one of \"verb\" and \"noun\"")
    return LexiconEntry(
        code=str(obj["code"]),
        verb=verb.lower() if verb else None,
        noun=noun.lower() if noun else None,
        particle=(obj.get("particle") or None) and obj["particle"].lower(),
        objects=_as_tuple(obj.get("object")),
        preps=_as_tuple(obj.get("prep")),
        mode=obj.get("mode"),
        reverse=bool(obj.get("reverse", False)),
        mutual=bool(obj.get("mutual", False)),
        one_way=bool(obj.get("one_way", False)),
        infinitive=bool(obj.get("infinitive", False)),
        stative=bool(obj.get("stative", False)),
        organisation_code=str(obj["organisation_code"]) if obj.get("organisation_code") else None,
    )
