"""Actors: find where countries, organisations, leaders and agents are named in a parsed Doc, and resolve
a noun phrase to canonical actors with CAMEO codes ("Russian troops" → RUS_MIL / RUSMIL).

The gazetteer is data (ontology/actors/*.jsonl, plus user files in the same format); see
ontology/actors/README.md for the format.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .clean import OWN_WORD_COUNT, unigram_count
from .model import Actor, Mention, Role
from .resources import DataFileError, ontology_dir, read_jsonl, read_words

GAZETTEER_FILES = ("countries.jsonl", "organisations.jsonl", "institutions.jsonl", "people.jsonl",
                   "collectives.jsonl")
PLACES_FILE = "places.jsonl"  # cities and regions of the countries above
AGENT_FILE = "agents.jsonl"
TITLES_FILE = "titles.txt"  # titles that name a person by surname: "President Bush"
NOT_ACTORS_FILE = "not_actors.txt"  # names that hide a country's name and are none: "the South China Sea"
GOVERNMENT = "GOV"
CIVILIANS = "CVL"
FORMER_OFFICIAL = "ELI"  # CAMEO codes a former office holder as an elite, not as the government
STATE_AGENTS = {"GOV", "MIL", "COP", "JUD", "SPY", "LEG"}
# Agreements and formats named after the city where they were made: that city's country is no party to them
NAMED_AFTER_PLACES = {"agreement", "accord", "treaty", "convention", "protocol", "pact", "format", "process",
                      "declaration", "communique", "charter", "memorandum", "club", "principle"}
# Children that belong to a noun phrase naming an actor ("the [US] [National Security Council] spokesman").
NP_DEPS = {"compound", "amod", "nmod", "poss", "det", "flat", "nummod", "case", "appos", "npadvmod", "cc", "conj"}
# How many a plural noun names: "the two Koreas", "both sides", "the three Baltic states"
NUMBER_WORDS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10}
# Heads that name part of a group: "a member of parliament", "hundreds of protesters"
# A misspelt country name is matched only in words this long or longer (one of the word and the name may be a
# letter shorter): shorter names are a letter from too many other words ("Iran", "Iraq", "Oman", "Omar").
MIN_MISSPELT_LENGTH = 6
# The article of Arabic surnames, which titles often leave out: "President Bashir" is Omar al-Bashir
ARABIC_ARTICLES = ("al", "el", "ad", "as", "ash", "at", "az")
ARABIC_ARTICLE = re.compile(rf"^(?:{'|'.join(ARABIC_ARTICLES)})-(?=[A-Z])")
MISSPELT_CACHE = 100_000
PARTITIVE_HEADS = {"member", "group", "one", "some", "many", "most", "all", "dozen", "hundred", "thousand",
                   "ten", "score", "million", "number", "majority", "unit", "contingent", "team", "part",
                   "section", "barrage", "salvo", "volley", "wave", "swarm", "series", "batch"}
# Where an agent word sits in the phrase it qualifies: "[Bree] [Prime Minister] Romendacil"
AGENT_MODIFIER_DEPS = {"compound", "amod", "nmod", "flat", "appos"}
# Prepositions whose object still names whose agent the head is ("a spokesman for the NSC", "the government
# of Iraq", "officials from Russia"); others ("troops near the border") do not.
OWNER_PREPS = {"of", "for", "from"}
# People named by their role belong where they are ("rebels in the Ivory Coast", "lawmakers in Kenya"),
# unless a nearer owner says otherwise ("US troops in Iraq"); things and events do not ("an attack in Gaza").
LOCATED_PREPS = {"in", "inside", "throughout", "across"}
# Armed and political groups worth an event even when the text ties them to no country: CAMEO codes them
# with an unknown country ("---REB").
UNATTRIBUTED_AGENTS = {"INS", "REB", "SEP", "UAF"}
UNATTRIBUTED_PREFIX = "unattributed_"
# Agents the place of an event does not tie to its country: a government, an army or a spy service acts abroad
# ("the government closed its embassy in Kyiv", "troops killed civilians in Syria"); people, police, courts,
# businesses … named where something happens are of that place ("people protested in Moscow").
UNPLACED_AGENTS = {"GOV", "MIL", "SPY", "IGO", "NGO", "UIS"}
# Agents that, tied to no country, are organisations of their own, coded as CAMEO's NGO: "aid agencies",
# "a human rights group"
NONGOVERNMENTAL = "NGO"
NONGOVERNMENTAL_AGENTS = {NONGOVERNMENTAL, "HRI"}
# (an organisation, not its people: "rights activists" are people of where they act)
ORGANISATION_NOUNS = {"group", "organization", "organisation", "agency", "charity", "ngo", "watchdog",
                      "foundation", "nonprofit", "non-profit", "body", "monitor", "society"}
# Documents, which speak for whoever wrote them ("a report by Human Rights Watch") or issued them where
# they were issued ("a statement released in Beijing")
DOCUMENT_NOUNS = {"statement", "declaration", "communique", "letter", "message", "resolution", "decree",
                  "note", "appeal", "report", "memorandum", "ultimatum", "study", "document", "dossier"}
ISSUING_VERBS = {"release", "issue", "publish", "present", "unveil", "submit", "circulate", "distribute"}
# Verbs that introduce reported speech: "X said (that) Y did Z" is Y → Z, attributed to X.
SPEECH_VERBS = {
    "say", "tell", "state", "announce", "claim", "report", "confirm", "add", "note", "insist", "allege",
    "declare", "stress", "argue", "believe", "think", "write", "explain", "acknowledge", "assert",
    "reiterate", "reaffirm", "repeat", "emphasize", "emphasise", "conclude", "maintain", "indicate", "suggest",
}
# "we" in a quote is the speaker's side; how far up the quote's clause its speech verb may be
FIRST_PERSON_PLURAL = {"we", "us"}
POSSESSIVE_PRONOUNS = {"its": "it", "their": "they", "his": "he", "her": "she", "our": "we"}
# "our country", "our nation": the speaker's country
OWN_COUNTRY_NOUNS = {"country", "nation", "state", "homeland", "people"}
MAX_QUOTE_DEPTH = 8
# Plural nouns that, as "both sides" or "the two countries", refer back to the last two actors named
PAIR_NOUNS = {"side", "country", "nation", "government", "leader", "neighbour", "neighbor", "state", "party",
              "capital", "rival", "foe", "ally", "president", "delegation", "army"}


@dataclass
class Entry:
    actor: Actor
    names: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()
    places: tuple[str, ...] = ()  # cities and regions: they stand for the country, not its government
    descriptions: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    match_case: bool = True  # False: names match whatever their case (dictionaries written in capitals)
    fallback: str | None = None  # the code outside every role, where that is not "former official"
    members: tuple[str, ...] = ()  # ids of the actors a collective name stands for ("the Baltic states")
    user: bool = False  # from a user dictionary: its names win over the bundled entries' same names

    def code_on(self, day: dt.date | None) -> str:
        """The CAMEO code this actor acts under on `day` (a person's office decides it)."""
        if not self.roles:
            return self.actor.cameo or self.actor.id
        if day is not None:
            current = [r for r in self.roles if r.holds_on(day)]
            if current:
                return _role_code(_taken_last(current))
            if self.fallback:
                return self.fallback
            past = [r for r in self.roles if r.end is not None and r.end <= day and r.country]
            if past:
                return past[-1].country + FORMER_OFFICIAL
            return self.actor.country or ""
        if self.fallback:
            return self.fallback
        # With no date: the offices still held; if none is held, the one left last (Obama the president, not
        # the senator).
        open_roles = [r for r in self.roles if r.end is None]
        if open_roles:
            return _role_code(_taken_last(open_roles))
        last_end = max(r.end for r in self.roles)
        return _role_code(next(r for r in self.roles if r.end == last_end))


def _taken_last(roles: list[Role]) -> Role:
    """Of offices held at once, the one taken last speaks for the person: it is the newer, more specific one
    (Xi Jinping: president since 2013, not the military commission he chaired first; a minister made envoy for
    a week is the envoy that week). The first listed, the main office, where dates tie."""
    latest = max(r.start or dt.date.min for r in roles)
    return next(r for r in roles if (r.start or dt.date.min) == latest)


def _role_code(role: Role) -> str:
    if role.code:
        return role.code
    return (role.country or "") + role.agent if role.country else (role.org or "") + role.agent


@dataclass
class Gazetteer:
    entries: dict[str, Entry] = field(default_factory=dict)
    agents: dict[str, str] = field(default_factory=dict)  # lower-case phrase → agent code
    agent_labels: dict[str, str] = field(default_factory=dict)
    titles: frozenset[str] = frozenset()  # lower-case titles: "president", "prime minister"
    not_actors: frozenset[str] = frozenset()  # "South China Sea": matched whole, it names no one

    @classmethod
    def load(cls, extra: Iterable[str | Path] = ()) -> Gazetteer:
        gaz = cls()
        base = ontology_dir() / "actors"
        for name in GAZETTEER_FILES:
            gaz.add_file(base / name)
        gaz.add_places_file(base / PLACES_FILE)
        gaz.add_agent_file(base / AGENT_FILE)
        gaz.titles = frozenset(read_words(base / TITLES_FILE))
        gaz.not_actors = frozenset(read_words(base / NOT_ACTORS_FILE))
        for path in extra:
            gaz.add_user_file(Path(path))
        gaz.code_org_roles()
        return gaz

    def code_org_roles(self) -> None:
        """A role in an organisation codes as the organisation's CAMEO code: the UN Secretary-General acts
        as the UN (IGOUNO), as a head of government acts as the country; other agents append their code
        (a Hamas commander: PSEREBHMS + MIL)."""
        for entry in self.entries.values():
            if not any(r.org and not r.code for r in entry.roles):
                continue
            roles = []
            for role in entry.roles:
                org = self.entries.get(role.org) if role.org and not role.code else None
                if org is not None:
                    base = org.actor.cameo or org.actor.id
                    role = replace(role, code=base if role.agent == GOVERNMENT else base + role.agent)
                roles.append(role)
            entry.roles = tuple(roles)

    # -- loading -------------------------------------------------------------------------------------
    def add_file(self, path: Path) -> None:
        for number, obj in read_jsonl(path):
            try:
                entry = entry_from_json(obj)
            except (KeyError, TypeError, ValueError) as err:
                raise DataFileError(f"{path}:{number}: bad actor entry ({err})") from err
            self.add(entry)

    def add_places_file(self, path: Path) -> None:
        for number, obj in read_jsonl(path):
            try:
                entry = self.entries[obj["country"]]
                entry.places = (*entry.places, *obj["places"])
            except (KeyError, TypeError) as err:
                raise DataFileError(f"{path}:{number}: bad places entry (unknown country or no places: {err})") from err

    def add_user_file(self, path: Path) -> None:
        from .dictionaries import load_user_actors

        entries, agents = load_user_actors(path)
        for entry in entries:
            entry.user = True
            self.add(entry)
        self.agents.update(agents)

    def add(self, entry: Entry) -> None:
        """Add or override (same id) an entry."""
        self.entries[entry.actor.id] = entry

    def add_agent_file(self, path: Path) -> None:
        for number, obj in read_jsonl(path):
            try:
                code = obj["code"]
                self.agent_labels[code] = obj.get("label", code)
                for word in obj["words"]:
                    self.agents[word.lower()] = code
            except (KeyError, TypeError) as err:
                raise DataFileError(f"{path}:{number}: bad agent entry ({err})") from err

    # -- lookups -------------------------------------------------------------------------------------
    def surface_names(self) -> set[str]:
        """Every proper name, demonym and seat, for the cleaner (words it must not split)."""
        out: set[str] = set()
        for e in self.entries.values():
            for s in (*e.names, *e.demonyms, *e.seats, *e.places):
                out.update(s.split())
                out.add(s)
        return out

    def unattributed(self, agent: str) -> Actor:
        """Rebels, insurgents, militants … the text does not tie to a country ("insurgents shelled Aleppo")."""
        label = self.agent_labels.get(agent, agent).lower()
        return Actor(id=UNATTRIBUTED_PREFIX + agent, label=f"{label} (unattributed)", kind="group", cameo="---" + agent)

    def nongovernmental(self, agent: str) -> tuple[Actor, str]:
        """A non-governmental organisation the text names by its kind only: "an aid agency" (NGO), "a human
        rights group" (NGOHRI)."""
        code = NONGOVERNMENTAL + ("" if agent == NONGOVERNMENTAL else agent)
        label = self.agent_labels.get(agent, agent).lower()
        return Actor(id=code, label=f"{label} (non-governmental)", kind="group", cameo=code), code

    def country_entry(self, actor_id: str) -> Entry | None:
        """The entry of a country or territory, None for anything else."""
        entry = self.entries.get(actor_id)
        return entry if entry is not None and entry.actor.kind in {"country", "territory"} else None

    def agent_of(self, country: Entry, agent: str) -> tuple[Actor, str]:
        """A country's agent and its CAMEO code: (RUS_MIL, RUSMIL); the government is the country (RUS, RUSGOV)."""
        return self.group(country, agent), (country.actor.cameo or country.actor.id) + agent

    def group(self, country: Entry, agent: str) -> Actor:
        """The actor for an agent of a country: the government is the country itself (CAMEO USAGOV ≈ USA
        for dyads); other agents are groups that are part of it (RUS_MIL, SYR_OPP)."""
        if agent == GOVERNMENT or country.actor.kind not in {"country", "territory"}:
            return country.actor
        gid = f"{country.actor.id}_{agent}"
        return Actor(
            id=gid,
            label=f"{country.actor.label} ({self.agent_labels.get(agent, agent).lower()})",
            kind="group",
            country=country.actor.country,
            cameo=(country.actor.cameo or country.actor.id) + agent,
            wikidata=None,
            part_of=country.actor.id,
        )


def entry_from_json(obj: dict) -> Entry:
    actor = Actor(
        id=str(obj["id"]),
        label=str(obj.get("label") or obj["id"]),
        kind=str(obj.get("kind") or "organisation"),
        country=obj.get("country"),
        cameo=obj.get("cameo") or None,
        wikidata=obj.get("wikidata") or None,
    )
    roles = tuple(
        Role(
            country=r.get("country"),
            agent=r.get("agent") or GOVERNMENT,
            title=r.get("title") or "",
            start=_date(r.get("start")),
            end=_date(r.get("end")),
            org=r.get("org"),
        )
        for r in obj.get("roles") or ()
    )
    return Entry(
        actor=actor,
        names=tuple(obj.get("names") or (actor.label,)),
        demonyms=tuple(obj.get("demonyms") or ()),
        seats=tuple(obj.get("seats") or ()),
        places=tuple(obj.get("places") or ()),
        descriptions=tuple(d.lower() for d in obj.get("descriptions") or ()),
        roles=roles,
        members=tuple(obj.get("members") or ()),
    )


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@dataclass(frozen=True)
class Candidate:
    entry: Entry
    how: str  # name | demonym | seat | person | description


class MentionFinder:
    """spaCy PhraseMatchers built once from a Gazetteer; `find(doc, date)` lists the actor mentions."""

    def __init__(self, gazetteer: Gazetteer, nlp) -> None:
        self.gazetteer = gazetteer
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.candidates: dict[str, Candidate] = {}
        self.descriptions: dict[str, list[Entry]] = {}
        surfaces: dict[str, Candidate] = {}
        # a name a user dictionary gives is the user's actor, whatever the bundled files say
        claimed = {_bare(v) for e in gazetteer.entries.values() if e.user
                   for v in (*e.names, *e.demonyms, *e.seats, *e.places)}
        for entry in sorted(gazetteer.entries.values(), key=lambda e: not e.user):
            how_name = "person" if entry.actor.kind == "person" else "name"
            for how, values in (("seat", entry.seats), ("demonym", entry.demonyms), (how_name, entry.names),
                                ("place", entry.places)):
                for value in values:
                    if not entry.user and _bare(value) in claimed:
                        continue
                    value = value if entry.match_case else value.lower()
                    surfaces.setdefault(value, Candidate(entry, how))
                    if how == "person":  # "Omar El Bashir", "Bashar Al-Assad" for the al- of the dictionary
                        for variant in _article_variants(value):
                            surfaces.setdefault(variant, Candidate(entry, how))
                    if value.startswith("the ") and value[4:5].isupper():
                        surfaces.setdefault(value[4:], Candidate(entry, how))
                    if entry.match_case and how != "person" and len(value) >= 5 and not value.isupper():
                        # datelines and headlines in capitals: "TEHRAN", "SOUTH KOREA" (short names
                        # are left alone: "US" written "US" is a name, "USE" is not)
                        surfaces.setdefault(value.upper(), Candidate(entry, how))
            for d in entry.descriptions:
                self.descriptions.setdefault(d, []).append(entry)
        # one-word names and demonyms of countries, for names misspelt by a letter ("Afganistan", "Ethopia")
        self.misspellable: dict[str, str] = {}
        self.misspelt: dict[str, str | None] = {}  # word → label of the name it misspells, or None
        for i, (surface, cand) in enumerate(surfaces.items()):
            key = f"A{i}"
            self.candidates[key] = cand
            (self.names if cand.entry.match_case else self.lower).add(key, [nlp.make_doc(surface)])
            country_word = cand.entry.actor.kind in {"country", "territory"} and cand.how in {"name", "demonym"}
            if country_word and surface.isalpha() and surface[:1].isupper() \
                    and len(surface) >= MIN_MISSPELT_LENGTH - 1:
                self.misspellable.setdefault(surface.lower(), key)
        for phrase, code in gazetteer.agents.items():
            self.lower.add(f"G:{code}", [nlp.make_doc(phrase)])
        # the longest match wins (filter_spans), so "South China Sea" hides "China" and then names no one
        self.names.add("N:", [nlp.make_doc(form) for name in gazetteer.not_actors
                              for form in (name, name.upper())])
        for phrase in self.descriptions:
            self.lower.add(f"D:{phrase}", [nlp.make_doc(phrase)])
        # "President Bush": a title and the surname of a person who held that title
        self.surnames: dict[str, list[Entry]] = {}
        for entry in gazetteer.entries.values():
            if entry.actor.kind == "person" and entry.roles:
                words = entry.actor.label.replace(",", " ").split()
                words = [w for w in words if w not in {"Jr.", "Sr.", "II", "III"}]
                if len(words) < 2:
                    continue
                for surname in {words[-1], ARABIC_ARTICLE.sub("", words[-1])}:
                    if len(surname) >= 3 and surname[0].isupper():
                        self.surnames.setdefault(surname, []).append(entry)
        self.max_title_words = max((len(t.split()) for t in gazetteer.titles), default=0)
        for surname in self.surnames:
            self.names.add(f"S:{surname}", [nlp.make_doc(surname)])
            # "President obama" in text that lost its capitals: after a title the surname is still a name
            self.lower.add(f"S:{surname}", [nlp.make_doc(surname.lower())])

    def find(self, doc: Doc, day: dt.date | None) -> list[Mention]:
        """Actor mentions (names, demonyms, seats, people, descriptions resolved to the last actor they fit)
        and agent mentions (government, military …) over the whole Doc, in text order."""
        vocab = doc.vocab.strings
        spans: list[Span] = []
        for match_id, start, end in self.names(doc):
            label = vocab[match_id]
            if label.startswith("S:"):
                titled = self._titled_person(doc, start, label[2:], day)
                if titled is not None:
                    spans.append(titled)
            else:
                spans.append(Span(doc, start, end, label=label))
        for match_id, start, end in self.lower(doc):
            label = vocab[match_id]
            if label.startswith("S:"):
                titled = self._titled_person(doc, start, label[2:], day) if doc[start].is_lower else None
                if titled is not None:
                    spans.append(titled)
            else:
                spans.append(Span(doc, start, end, label=label))
        spans += self._misspelt(doc, {i for span in spans for i in range(span.start, span.end)})
        mentions: list[Mention] = []
        recent: list[Entry] = []  # organisations and countries seen so far, for "the alliance"
        for span in sorted(filter_spans(spans), key=lambda s: s.start):
            label = span.label_
            if label == "N:":
                continue
            if label.startswith("G:"):
                agent = label[2:]
                mentions.append(Mention(span.start, span.end, _AGENT_ONLY, agent, "agent"))
            elif label.startswith("P:"):
                entry = self.gazetteer.entries[label[2:]]
                mentions.append(Mention(span.start, span.end, entry.actor, entry.code_on(day), "person"))
            elif label.startswith("D:"):
                fits = self.descriptions.get(label[2:], [])
                entry = next((e for e in reversed(recent) if any(e is f for f in fits)), None)
                if entry is not None:
                    mentions.append(Mention(span.start, span.end, entry.actor, entry.code_on(day), "description"))
                else:
                    # "the rebels" with no rebel group named before: still rebels
                    mentions += [Mention(a.start, a.end, _AGENT_ONLY, a.label_[2:], "agent") for a in spans
                                 if a.label_.startswith("G:") and span.start <= a.start and a.end <= span.end]
            else:
                cand = self.candidates[label]
                if cand.how == "person" and _parenthesised_acronym(span):
                    continue  # "Montenegro Municipality Association (AKK)": the acronym of the name before it
                code = cand.entry.code_on(day)
                if cand.how == "seat":
                    code = (cand.entry.actor.cameo or cand.entry.actor.id) + GOVERNMENT
                member_entries = [self.gazetteer.entries.get(member) for member in cand.entry.members]
                members = tuple((m.actor, m.code_on(day)) for m in member_entries if m is not None)
                mentions.append(Mention(span.start, span.end, cand.entry.actor, code, cand.how, members))
                recent.append(cand.entry)
        return _abbreviations(doc, mentions)

    def _misspelt(self, doc: Doc, covered: set[int]) -> list[Span]:
        """Country names and demonyms misspelt by one letter, as scraped and wire text has them ("Afganistan",
        "Quatar", "Phillippines"): a capitalised word no name matched, not a person's name, at least
        MIN_MISSPELT_LENGTH letters, one edit (rapidfuzz's optimal string alignment, which counts a swap of
        two letters as one) from a name with the same first letter."""
        spans = []
        for token in doc:
            word = token.lower_
            if token.i in covered or token.pos_ != "PROPN" or not token.text[:1].isupper() \
                    or not token.is_alpha or token.ent_type_ == "PERSON" \
                    or len(word) < MIN_MISSPELT_LENGTH - 1 or unigram_count(word) >= OWN_WORD_COUNT:
                continue  # a common word of its own is no misspelling: "Columbia", "the Americas"
            neighbours = [doc[j] for j in (token.i - 1, token.i + 1)
                          if 0 <= j < len(doc) and j not in covered]
            if any(n.pos_ == "PROPN" and n.text[:1].isupper() for n in neighbours):
                continue  # a word of a longer name: "Frances Smith", "Jordana Bay"
            if word not in self.misspelt:  # the same unknown names come back in every article
                if len(self.misspelt) >= MISSPELT_CACHE:
                    self.misspelt.clear()  # a bound on memory over millions of articles
                found = process.extractOne(word, self.misspellable.keys(), scorer=OSA.distance,
                                           score_cutoff=1)
                ok = found is not None and found[1] == 1 and found[0][0] == word[0] \
                    and max(len(found[0]), len(word)) >= MIN_MISSPELT_LENGTH
                self.misspelt[word] = self.misspellable[found[0]] if ok else None
            if self.misspelt[word] is not None:
                spans.append(Span(doc, token.i, token.i + 1, label=self.misspelt[word]))
        return spans

    def _titled_person(self, doc: Doc, start: int, surname: str, day: dt.date | None) -> Span | None:
        """The span "President Bush" when the words before the surname are a title one of the people with
        that surname held; of several, the one whose office is nearest `day`."""
        after = doc[start + 1] if start + 1 < len(doc) else None
        if after is not None and after.text[:1].isupper() and after.pos_ == "PROPN":
            return None  # "President Michel Aoun": the word is a first name
        end = start + 1
        if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in ARABIC_ARTICLES:
            start -= 2  # "President al-Bashir"
        for size in range(self.max_title_words, 0, -1):
            if start - size < 0:
                continue
            title = doc[start - size : start].text.lower()
            if title not in self.gazetteer.titles:
                continue
            held = [(entry, role) for entry in self.surnames[surname] for role in entry.roles
                    if title in role.title.lower()]
            if not held:
                continue  # "Foreign Minister Lavrov" may still be a "Minister of Foreign Affairs"
            entry, _ = min(held, key=lambda er: _distance(er[1], day))
            return Span(doc, start - size, end, label=f"P:{entry.actor.id}")
        return None


def _article_variants(name: str) -> set[str]:
    """The ways wire text writes the article of an Arabic surname: "al-Bashir" is also "Al-Bashir", "al
    Bashir", "El Bashir", "el-Bashir"."""
    match = re.search(r"\b(al|el|Al|El)-(?=[A-Z])", name)
    if match is None:
        return set()
    spellings = {f"{a}{sep}" for a in ("al", "Al", "el", "El") for sep in ("-", " ")}
    return {name[:match.start()] + spelling + name[match.end():] for spelling in spellings} - {name}


def _bare(name: str) -> str:
    """"The European Union" and "EUROPEAN UNION" are one name."""
    name = name.lower()
    return name[4:] if name.startswith("the ") else name


def _abbreviations(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"the European Union (EU)", "the Kurdistan Workers' Party (PKK)": an acronym in brackets right after a
    name abbreviates that name, whatever else the acronym may stand for. Not after a place: "WASHINGTON (AP)"
    credits a news agency."""
    out: list[Mention] = []
    for m in mentions:
        before = out[-1] if out else None
        if before is not None and before.how == "name" and m.start == before.end + 1 \
                and _parenthesised_acronym(doc[m.start:m.end]):
            m = replace(m, actor=before.actor, cameo=before.cameo, how=before.how, members=before.members)
        out.append(m)
    return out


def _parenthesised_acronym(span: Span) -> bool:
    doc = span.doc
    return (len(span) == 1 and span.text.isupper() and 0 < span.start and span.end < len(doc)
            and doc[span.start - 1].text == "(" and doc[span.end].text == ")")


def _distance(role: Role, day: dt.date | None) -> int:
    """Days between `day` and a role's term (0 inside it)."""
    if day is None:
        return 0 if role.end is None else 1
    if role.start is not None and day < role.start:
        return (role.start - day).days
    if role.end is not None and day >= role.end:
        return (day - role.end).days
    return 0


_AGENT_ONLY = Actor(id="---", label="(agent)", kind="agent")


class ActorResolver:
    """Resolves the noun phrase headed by a token to the actors it names, using a sentence's mentions."""

    def __init__(self, gazetteer: Gazetteer, mentions: Sequence[Mention]) -> None:
        self.gazetteer = gazetteer
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.by_token: dict[int, Mention] = {}
        for m in mentions:
            for i in range(m.start, m.end):
                self.by_token[i] = m

    def mention_at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

    def resolve(self, head: Token) -> list[tuple[Actor, str]]:
        """Actors (with their CAMEO code in context) named by the phrase headed by `head`; [] if none.
        Coordinated heads ("the US and NATO") are the caller's business: see `heads()`."""
        if head.pos_ == "PRON":
            return self._antecedent(head)
        if head.lemma_.lower() in PAIR_NOUNS and _pair_marked(head):
            return self._last_pair(head)
        own = self.by_token.get(head.i)
        if own is not None and own.members:
            # "the three Baltic states" are all of them; "some Nordic countries" are none we can name
            counted = _count(head)
            return list(own.members) if counted in {None, len(own.members)} else []
        if own is not None and own.how == "demonym" and stance(head.doc[own.start]) == "ethnic":
            # "ethnic Albanians in Serbia": whose they are is where they live, if the text says
            located = [m for m in self._owners(head, LOCATED_PREPS) if m.start != own.start]
            if not located:  # where the event happened may say: see events._placed
                return [(self.gazetteer.unattributed(CIVILIANS), "---" + CIVILIANS)]
            return [(m.actor, m.cameo) for m in located]
        if own is not None and own.how == "demonym" and head.tag_ in {"NNS", "NNPS"}:
            # "the Hungarians of southern Slovakia", "Syrian Kurds", "Kosovo Serbs": a people named with the
            # country it lives in is that country's civilians
            homes = [m for m in self._owners(head, LOCATED_PREPS) if m.actor.id != own.actor.id
                     and m.actor.kind in {"country", "territory"}
                     and m.how in {"name", "demonym", "place", "seat"}]
            if homes:
                return [self._compose(m, CIVILIANS) for m in homes]
        if own is not None and own.how == "name" and own.actor.kind == "organisation" and own.actor.country:
            # "Chile's Defense Department" is Chile's, not the Pentagon that the bare name would be
            others = [m for m in self._owners(head) if m.actor.kind in {"country", "territory"}
                      and m.actor.country != own.actor.country]
            if others:
                agent = own.cameo[3:6] if len(own.cameo) >= 6 else None
                return [self._compose(m, agent) for m in others]
        if own is not None and own.how != "agent":
            if own.how in {"demonym", "name"} and own.actor.kind in {"country", "territory"}:
                # "Russian officials"; "Bree Prime Minister Romendacil" where a dictionary codes the man by
                # his country only
                agent = _held_no_more(head, self._agent_in(head))
                if agent:
                    return [self._compose(own, agent)]
            if own.how == "person" and own.cameo[3:6] in STATE_AGENTS and _said_former(head):
                # "Former US President Barack Obama", whatever the story's date says of his office
                return [(own.actor, own.cameo[:3] + FORMER_OFFICIAL)]
            return [(own.actor, own.cameo)]
        if own is None:
            # "thousands of teachers across Nigeria", "a group of Iranian students": the whole they belong to
            found = [actor for whole in partitive_wholes(head) for actor in self.resolve_phrase(whole)]
            if found:
                return found
        agent = own.cameo if own is not None else None
        owners = self._owners(head)
        if not owners and own is None and head.lemma_.lower() in DOCUMENT_NOUNS:
            authors = self._authors(head)
            if authors:
                return authors
        if not owners:
            our = next((c for c in head.children if c.dep_ == "poss" and c.lower_ == "our"), None)
            if our is not None and (agent is not None or head.lemma_.lower() in OWN_COUNTRY_NOUNS):
                # '"Our forces will respond," the Iranian foreign minister said': the speaker's country's
                return [self._of_country(actor, code, agent) for actor, code in self.speaker_of(our)]
            its = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in {"its", "their"}), None)
            if its is not None and head.lemma_.lower() not in OWN_COUNTRY_NOUNS:
                # "the Israeli army said its aircraft struck …", "Turkey said its troops had crossed …" (but
                # "their countries" are each its own)
                return [self._of_country(actor, code, agent) if agent else (actor, code)
                        for actor, code in self._antecedent(its)]
            if own is not None and own.how == "agent" and own.cameo in NONGOVERNMENTAL_AGENTS \
                    and head.lemma_.lower() in ORGANISATION_NOUNS:
                # "a human rights group accused …": an organisation of no country named is an NGO of its
                # own, as CAMEO codes it (NGO, NGOHRI), not people of wherever it speaks about
                return [self.gazetteer.nongovernmental(own.cameo)]
            if own is not None and own.how == "agent" and own.cameo not in UNPLACED_AGENTS:
                told = self._told_before(head, own)
                if told:
                    return told
                # of no country yet: where the event happens may say (events._placed)
                return [(self.gazetteer.unattributed(own.cameo), "---" + own.cameo)]
            return []
        if agent is None:
            agent = self._agent_in(head)
        return self._owned(owners, _held_no_more(head, agent))

    def _told_before(self, head: Token, own: Mention) -> list[tuple[Actor, str]]:
        """"Protesters in Dhaka clashed with police. The demonstrators demanded …": a definite group word of
        no country is the same group as the last one of its kind named in the two sentences before, if that
        one has a country."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return []
        sent = head.sent
        window = _sentences_back(head, 2)
        for m in reversed(self.mentions):
            if m.how != "agent" or m.cameo != own.cameo or not window <= m.start < sent.start:
                continue
            found = self.resolve(head.doc[m.start:m.end].root)
            return [] if any(is_unattributed(a) for a, _ in found) else found
        return []

    def _owned(self, owners: list[Mention], agent: str | None) -> list[tuple[Actor, str]]:
        out = []
        for m in owners:
            # "Baltic states' leaders": each member's
            for member in [replace(m, actor=a, cameo=c, members=()) for a, c in m.members] or [m]:
                out.append(self._compose(member, agent))
        return out

    def resolve_phrase(self, head: Token) -> list[tuple[Actor, str]]:
        """The actors of a phrase and of the phrases coordinated with it ("Obama and Putin", a name of several
        words holding the coordination). Coordinated agent words share the country one of them names:
        "Danish media and government", "Russian troops and police", "lawmakers and officials in Kenya"."""
        mention = self.by_token.get(head.i)
        conjuncts = heads(head, (mention.start, mention.end) if mention is not None else None)
        found = [self.resolve(h) for h in conjuncts]
        agents = [m if (m := self.by_token.get(h.i)) is not None and m.how == "agent" else None
                  for h in conjuncts]
        # an agent word of no country (resolve found no owner for it) borrows the nearest conjunct's
        needy = [i for i, own in enumerate(agents)
                 if own is not None and all(is_unattributed(a) for a, _ in found[i])]
        if needy and len(conjuncts) > 1:
            # only an agent word lends its country: "the UAE and other neighbours" are not the UAE's
            owners = [self._owners(h) if found[i] and agents[i] else [] for i, h in enumerate(conjuncts)]
            for i in needy:
                donors = sorted((abs(j - i), j) for j in range(len(conjuncts)) if owners[j])
                if donors:
                    found[i] = self._owned(owners[donors[0][1]], agents[i].cameo)
        return [actor for actors in found for actor in actors]

    def _antecedent(self, pronoun: Token) -> list[tuple[Actor, str]]:
        """Coreference for personal pronouns, within this and the previous sentence only: "he"/"him" is
        the last person named, "it"/"they" the last country, organisation or armed group that was a
        subject ("Israel said a bomb was fired at it", "Iran claimed that they had shot down a drone")."""
        word = POSSESSIVE_PRONOUNS.get(pronoun.lower_, pronoun.lower_)
        if word in FIRST_PERSON_PLURAL:
            return self.speaker_of(pronoun)
        if word in {"he", "she", "him", "her"}:
            kinds = {"person"}
        elif word in {"it", "they", "them"}:
            kinds = {"country", "organisation", "armed_group"}
        else:
            return []
        if pronoun.dep_ == "poss":
            # "the Israeli army said its aircraft struck …": whose the subject is, is the governing subject
            return self._governing_subject(pronoun.head, kinds, word)
        governing = self._governing_subject(pronoun, kinds)
        if governing:
            return governing
        doc = pronoun.doc
        window_start = _sentences_back(pronoun, 1)
        for m in reversed(self.mentions):
            if m.start >= pronoun.i or m.start < window_start or m.how == "agent" or m.actor.kind not in kinds:
                continue
            if "person" in kinds or doc[m.start:m.end].root.dep_ in {"nsubj", "nsubjpass"}:
                return [(m.actor, m.cameo)]
        return []

    def speaker_of(self, pronoun: Token) -> list[tuple[Actor, str]]:
        """"We" and "us" in reported speech are the speaker's side: '"We warned Washington," a Kremlin
        spokesman said' is Russia's government."""
        token = pronoun
        for _ in range(MAX_QUOTE_DEPTH):
            if token.head == token:
                return []
            clause, token = token, token.head
            if token.lemma_.lower() in SPEECH_VERBS and clause.dep_ in {"ccomp", "parataxis"}:
                subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
                if subject is None or subject.pos_ == "PRON":
                    return []
                return self.resolve_phrase(subject)
        return []

    def _of_country(self, actor: Actor, code: str, agent: str | None) -> tuple[Actor, str]:
        """The agent of the country an actor belongs to (its government when no agent is named)."""
        country = self.gazetteer.country_entry(code[:3]) or self.gazetteer.country_entry(actor.part_of or actor.id)
        return (actor, code) if country is None else self.gazetteer.agent_of(country, agent or GOVERNMENT)

    def _last_pair(self, head: Token) -> list[tuple[Actor, str]]:
        """"Both sides", "the two countries": the last two actors named before, in this or the previous
        two sentences."""
        doc = head.doc
        start = _sentences_back(head, 2)
        people = head.lemma_.lower() in {"leader", "president"}  # "the two leaders" are people named
        # "Egypt and Qatar urged both sides to …": the subject of the verb acting on them is neither side
        verb = next((t for t in head.ancestors if t.pos_ in {"VERB", "AUX"}), None)
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None) if verb else None
        actors = range(subject.left_edge.i, subject.right_edge.i + 1) if subject is not None else range(0)

        def side(m: Mention) -> bool:
            if m.end > head.i or m.start < start or m.how in {"agent", "place"} or m.actor.kind == "agent" \
                    or m.members or m.start in actors:
                return False  # a city is where the talks were; "the two Nordic countries" are not all five
            if people and m.how != "person":
                return False
            root = doc[m.start:m.end].root
            return not (root.dep_ == "pobj" and root.head.lower_ in {"in", "at"})  # "met in Oslo": the venue

        sides = [m for m in self.mentions if side(m)]
        own = [m for m in sides if m.start >= head.sent.start]
        if len({m.actor.id for m in own}) >= 2:  # "a memorandum with Sweden and Finland, in which the two …"
            return self._last_two(own)
        # the two sides of the nearest earlier sentence whose subject is one: "Russia demanded guarantees from
        # the US and NATO … Both sides" are Russia and the US, not the last two names
        for sent in sorted({doc[m.start].sent for m in sides if m.end <= head.sent.start}, key=lambda s: -s.start):
            subject = next((c for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is None:
                continue
            inside = [m for m in sides if subject.left_edge.i <= m.start <= subject.right_edge.i]
            after = [m for m in sides if m.start > subject.right_edge.i and m.end <= sent.end]
            pair: dict[str, tuple[Actor, str]] = {}
            for m in inside + after:
                pair.setdefault(m.actor.id, (m.actor, m.cameo))
            if inside and len(pair) >= 2:
                return list(pair.values())[:2]
        return self._last_two(sides)

    @staticmethod
    def _last_two(mentions: list[Mention]) -> list[tuple[Actor, str]]:
        found: dict[str, tuple[Actor, str]] = {}
        for m in reversed(mentions):
            found.setdefault(m.actor.id, (m.actor, m.cameo))
            if len(found) == 2:
                return list(reversed(found.values()))
        return []

    def _governing_subject(self, pronoun: Token, kinds: set[str], word: str | None = None
                           ) -> list[tuple[Actor, str]]:
        """A subject pronoun of a reported or dependent clause is the subject of the clause it depends
        on, when that fits: "Macron and Scholz said they would visit Kyiv", "the minister said he would
        visit Iran", "Kurdish leaders said they would boycott the vote". `word`: the pronoun, where
        `pronoun` is the subject it owns ("its aircraft")."""
        word = word or pronoun.lower_
        if pronoun.dep_ not in {"nsubj", "nsubjpass"}:
            return []
        clause = pronoun.head
        for _ in range(3):
            if clause.dep_ not in {"ccomp", "advcl", "xcomp", "conj"} or clause.head is clause:
                return []
            clause = clause.head
            subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is None:
                continue
            if subject.pos_ == "PRON":
                return []
            mention = self.by_token.get(subject.i)
            found = self.resolve_phrase(subject)
            if not found:
                return []
            plural = len(found) > 1 or subject.tag_ in {"NNS", "NNPS"}
            if "person" in kinds:  # he, she: one person
                # a person named, or a title heading the subject ("the foreign minister", "Obama")
                fits = not plural and (found[0][0].kind == "person" or mention is not None and mention.how in {"person", "agent"})
            elif word == "it":
                # "the Nigerian army said it had killed …": a body named by its agent word is an "it" too
                fits = not plural and (found[0][0].kind in kinds or found[0][0].kind == "group")
            else:  # they: people, groups, or a country or organisation
                fits = plural or found[0][0].kind in kinds
            return found if fits else []
        return []

    def _compose(self, owner: Mention, agent: str | None) -> tuple[Actor, str]:
        country = self.gazetteer.country_entry(owner.actor.id)
        if owner.how in {"person", "description"} or country is None or agent is None:
            return owner.actor, owner.cameo
        return self.gazetteer.agent_of(country, agent)

    def _agent_in(self, head: Token) -> str | None:
        """The agent word of the phrase: the head or a modifier, not a conjunct ("Iran and other neighbours")."""
        for token in (head, *(c for c in head.children if c.dep_ in AGENT_MODIFIER_DEPS)):
            m = self.by_token.get(token.i)
            if m is not None and m.how == "agent":
                return m.cameo
        if head.lemma_.lower() in PARTITIVE_HEADS:
            # "a member of the Syrian parliament", "hundreds of Iraqi protesters": the whole's agent
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for whole in prep.children:
                        if whole.dep_ == "pobj" and (agent := self._agent_in(whole)):
                            return agent
        return None

    def _authors(self, document: Token) -> list[tuple[Actor, str]]:
        """Who a document of no named owner is by: "a report by Human Rights Watch"; else the country it was
        issued in ("a report released in Kigali alleged", "a statement issued in the Chinese capital")."""
        authors = [a for p in document.children if p.dep_ == "prep" and p.lower_ == "by"
                   for o in p.children if o.dep_ == "pobj" for a in self.resolve_phrase(o)]
        if authors:
            return authors
        issued = [c for c in document.children if c.dep_ == "acl" and c.lemma_.lower() in ISSUING_VERBS]
        places = [o for v in issued for p in v.children if p.dep_ == "prep" and p.lower_ in {"in", "from"}
                  for o in p.children if o.dep_ == "pobj"]
        # a capital only, the seat of a government: a report out of Geneva or New York is no one's
        capitals = [o for o in places if o.lemma_.lower() == "capital"
                    or (m := self.by_token.get(o.i)) is not None and m.how == "seat"]
        return [(a, c) for o in capitals for a, c in self.resolve(o) if a.kind in {"country", "territory"}]

    def _owners(self, head: Token, extra_preps: set[str] | None = None) -> list[Mention]:
        """Actor mentions among the modifiers of `head`: coordinated ones all count ("US and Russian
        officials"); otherwise the nearest. Objects of owner prepositions count only when nothing closer does."""
        direct: list[Mention] = []
        through_prep: list[Mention] = []
        own = self.by_token.get(head.i)
        if extra_preps is None:
            extra_preps = LOCATED_PREPS if own is not None and own.how == "agent" else set()
        preps = OWNER_PREPS | extra_preps
        # the head's own conjuncts are heads of their own ("lawmakers in Kenya and Uganda" parsed as
        # "[lawmakers in Kenya] and [Uganda]"), not its owners
        stack = [(child, False, 1) for child in head.children if child.dep_ not in {"conj", "cc"}]
        depth: dict[tuple[int, int], int] = {}  # how many words from the head each mention hangs
        while stack:
            token, via_prep, hops = stack.pop()
            if token.dep_ in NP_DEPS or token.dep_ == "pobj" and via_prep:
                m = self.by_token.get(token.i)
                if not via_prep and named_after_place(head, m):
                    m = None  # "the Paris climate agreement": a name, not a party
                if m is not None and m.how != "agent" and stance(token.doc[m.start]) is None and m != own:
                    (through_prep if via_prep else direct).append(m)  # a name's own words do not own it
                    depth[(m.start, m.end)] = min(hops, depth.get((m.start, m.end), hops))
                stack.extend((c, via_prep, hops + 1) for c in token.children)
            elif token.dep_ == "prep" and token.lower_ in preps:
                stack.extend((c, True, hops) for c in token.children)
        found = direct or through_prep
        unique: dict[tuple[int, int], Mention] = {}
        for m in sorted(found, key=lambda m: m.start):
            unique[(m.start, m.end)] = m
        found = list(unique.values())
        if len(found) <= 1:
            return found
        doc = head.doc
        coordinated = [m for m in found if any(t.dep_ == "conj" for t in doc[m.start : m.end])]
        if coordinated:
            return found
        # "leaders of Egypt's Muslim Brotherhood" are the Brotherhood's: the phrase's own head before its
        # modifiers, then the nearest
        nearest = min(found, key=lambda m: (depth[(m.start, m.end)], abs(head.i - m.start)))
        if doc[nearest.start:nearest.end].root.dep_ == "appos":
            # "Ithilen's minister Calimehtar", where a dictionary makes the name another country's: the
            # country the text gives the office wins over the one a namesake or an old entry gives the name
            offices = [m for m in found if depth[(m.start, m.end)] == 1
                       and m.actor.kind in {"country", "territory"}
                       and doc[m.start:m.end].root.dep_ in {"poss", "compound", "amod"}
                       and m.actor.country != nearest.actor.country]
            if offices:
                return offices[:1]
        return [nearest]


def _sentences_back(token: Token, count: int) -> int:
    """Where the sentence `count` sentences before the token's starts (the document's first, at most)."""
    start = token.sent.start
    for _ in range(count):
        if start > 0:
            start = token.doc[start - 1].sent.start
    return start


def named_after_place(noun: Token, mention: Mention | None) -> bool:
    """"the Paris climate agreement", "the Minsk agreements": a city in a pact's name is no party to it."""
    return noun.lemma_.lower() in NAMED_AFTER_PLACES and mention is not None \
        and mention.how in {"seat", "place"}


def _held_no_more(head: Token, agent: str | None) -> str | None:
    """A state office the phrase says is held no more is a former official's: "the former Bolivian president",
    "former president Evo Morales" (BOLELI, not the government of Bolivia)."""
    return FORMER_OFFICIAL if agent in STATE_AGENTS and _said_former(head) else agent


def _said_former(head: Token) -> bool:
    """"former" on the phrase or on the title before the name ("Former US President Barack Obama"); not in an
    apposition ("Putin, a former KGB officer", is president still)."""
    titles = [c for c in head.children if c.dep_ in {"compound", "flat"}]
    words = [*head.children, *(g for c in titles for g in c.children)]
    return any(w.lower_ == "former" and w.dep_ == "amod" for w in words)


def is_unattributed(actor: Actor) -> bool:
    """A group the text ties to no country (Gazetteer.unattributed)."""
    return actor.id.startswith(UNATTRIBUTED_PREFIX)


def is_nobody(actor: Actor, code: str) -> bool:
    """A group of no country that is no actor on its own: "people", "protesters" no place was found for
    (armed groups of no country still are: UNATTRIBUTED_AGENTS)."""
    return is_unattributed(actor) and code[3:] not in UNATTRIBUTED_AGENTS


def partitive_wholes(head: Token) -> list[Token]:
    """What a word of quantity or membership is part of: "dozens [of protesters]", "a member [of
    parliament]"."""
    if head.lemma_.lower() not in PARTITIVE_HEADS:
        return []
    return [w for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "of"
            for w in prep.children if w.dep_ == "pobj"]


def _count(noun: Token) -> int | None:
    """How many a plural noun says it names: "two Baltic states" 2, "both" 2, "some" or "other" 0 (not known),
    None when it does not say."""
    for child in noun.children:
        word = child.lower_
        if child.dep_ in {"nummod", "det", "predet", "amod", "preconj"}:
            if word in NUMBER_WORDS:
                return NUMBER_WORDS[word]
            if word.isdigit():
                return int(word)
            if word in {"some", "several", "other", "many", "few", "most"}:
                return 0
    return None


def _pair_marked(noun: Token) -> bool:
    """"both sides", "the two countries", "the two leaders"."""
    return any(c.lower_ == "both" and c.dep_ in {"det", "predet", "preconj"} for c in noun.children) or (
        any(c.lower_ == "two" and c.dep_ == "nummod" for c in noun.children)
        and any(c.lower_ == "the" and c.dep_ == "det" for c in noun.children))


def stance(token: Token) -> str | None:
    """"anti" or "pro" when the word is marked as one side's opponent or supporter ("anti-American
    protests", "pro-Russian separatists"): such a word names whom the phrase is against or for, not whose
    it is; "ethnic" for a people ("ethnic Albanians"), who are not that people's state."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    if before is not None and before.lower_ == "ethnic":
        return "ethnic"  # "ethnic Albanians in Serbia" are a people, not Albania
    if before is not None and before.lower_ in {"anti-", "pro-"}:
        return before.lower_[:-1]
    if before is not None and before.text == "-" and token.i > 1 and doc[token.i - 2].lower_ in {"anti", "pro"}:
        return doc[token.i - 2].lower_
    return None


def heads(token: Token, span: tuple[int, int] | None = None) -> list[Token]:
    """A head and the heads coordinated with it: "the US and NATO" → [US, NATO]. A list the parser
    hangs as apposition ("The US, Russia, and Switzerland") counts too, as does coordination attached
    to any word of a multi-word name (`span`: "Barack Obama and Vladimir Putin")."""
    out = [token]
    if token.dep_ in {"nsubj", "nsubjpass"} and any(c.dep_ == "cc" for c in token.children) \
            and not any(c.dep_ == "conj" for c in token.children):
        # "Russia, the largest country, and China condemned …": the parser makes the last conjunct a second
        # subject and leaves the "and" on the first
        for sibling in token.head.children:
            if sibling.dep_ == token.dep_ and sibling.i > token.i:
                out.extend(heads(sibling))
    holders = [token] if span is None else [token.doc[i] for i in range(*span)]
    for holder in holders:
        listed = any(c.dep_ == "conj" for c in holder.children)
        for child in holder.children:
            if child.dep_ == "conj" or child.dep_ == "appos" and any(c.dep_ == "conj" for c in child.children):
                out.extend(heads(child))
            elif child.dep_ == "appos" and listed and child.pos_ == "PROPN":
                # "Syria, the awful Iraq, and Jordan": a name set off by commas in a list is one more item,
                # where "Russia, the largest country, and China" describes Russia
                out.extend(heads(child))
            elif token.pos_ == "PROPN" and child.dep_ in {"nmod", "compound", "amod"} and child.i < token.i \
                    and (child.pos_ == "PROPN" or child.text[:1].isupper()) \
                    and any(c.dep_ in {"cc", "conj"} for c in child.children):
                # "Fornost and the awful Gondor", "Arnor, Calenardhon and the awful Gondor": the parser hangs
                # the first conjuncts on the last one
                out.extend(heads(child))
    return out
