"""Plain dataclasses that flow through the pipeline: Document → Actor/Mention → Event."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Document:
    """One article as read from disk or standard input; `text` is the body exactly as read."""

    id: str
    text: str
    title: str | None = None
    date: dt.date | None = None
    url: str | None = None
    origin: str = ""  # where it came from: "path" or "path:line", for messages


@dataclass(frozen=True)
class Actor:
    """A canonical actor: a country, an organisation, a person, or an agent group of a country."""

    id: str
    label: str
    kind: str  # country | territory | organisation | armed_group | person | group
    country: str | None = None  # ISO 3166-1 alpha-3, None for international organisations
    cameo: str | None = None  # CAMEO actor code of the canonical actor (USA, IGOWSTNAT, RUSMIL)
    wikidata: str | None = None
    part_of: str | None = None  # a group's parent actor id (RUS_MIL is part of RUS)

    def as_json(self, cameo: str | None = None) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "kind": self.kind,
            "country": self.country,
            "cameo": cameo or self.cameo,
            "wikidata": self.wikidata,
        }


@dataclass(frozen=True)
class Role:
    """A person's dated office: who they act for between `start` and `end`."""

    country: str | None
    agent: str
    title: str
    start: dt.date | None
    end: dt.date | None
    org: str | None = None
    code: str | None = None  # a full CAMEO code for this role, where the dictionary gives one (PETRARCH)

    def holds_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Mention:
    """Where an actor is named in a parsed sentence: token span [start, end) of the spaCy Doc."""

    start: int
    end: int
    actor: Actor
    cameo: str  # the CAMEO code in context (USAGOV for "US officials")
    how: str  # name | demonym | seat | person | agent | description | coreference
    # a collective name stands for several actors ("the Baltic states"): each with its code in context
    members: tuple[tuple[Actor, str], ...] = ()


@dataclass(frozen=True)
class Evidence:
    text: str  # the sentence as it stands in the original document
    start: int  # character offsets into Document.text
    end: int


@dataclass(frozen=True)
class EventType:
    """One CAMEO event code with its PLOVER category, quad class and Goldstein score."""

    code: str
    root: str
    label: str
    plover: str | None
    plover_mode: str | None
    quad_class: int
    goldstein: float
    symmetric: bool
    property: str


@dataclass
class Event:
    """One directed dyad: `source` did `verb` (coded `event_type`) to `target`."""

    doc_id: str
    sentence_index: int
    source: Actor
    target: Actor
    source_code: str
    target_code: str
    verb: str
    relation: str  # the verb-level property name (warn, imposeSanctionOn)
    event_type: EventType
    negated: bool
    mode: str  # asserted | intended | threatened | hypothetical | denied
    date: str | None  # ISO date, or YYYY-MM / YYYY where only that is known
    date_from_text: bool
    evidence: Evidence
    confidence: float
    extractor: str
    attributed_to: Actor | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        """The `extract --format jsonl` contract of DESIGN.md."""
        t = self.event_type
        return {
            "doc_id": self.doc_id,
            "sentence_index": self.sentence_index,
            "source": self.source.as_json(self.source_code),
            "target": self.target.as_json(self.target_code),
            "verb": self.verb,
            "relation": self.relation,
            "cameo": t.code,
            "cameo_root": t.root,
            "plover": t.plover,
            "quad_class": t.quad_class,
            "goldstein": t.goldstein,
            "negated": self.negated,
            "mode": self.mode,
            "date": self.date,
            "evidence": asdict(self.evidence),
            "confidence": round(self.confidence, 3),
            "extractor": self.extractor,
            "attributed_to": self.attributed_to.as_json() if self.attributed_to else None,
        }
