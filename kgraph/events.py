"""Events: parsed sentences + actor mentions → actor–relation–actor events.

Extractors are pluggable: anything registered under a name (with `register`, or through the
`kgraph.extractors` entry-point group) that is built from the shared Resources and turns a
ParsedDocument into Events. The default, "dependency", applies the verb and phrase lexicon of
ontology/events/ to the dependency parse.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from importlib.metadata import entry_points
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from .actors import (CIVILIANS, DOCUMENT_NOUNS, GOVERNMENT, SPEECH_VERBS, STATE_AGENTS, ActorResolver, Entry,
                     Gazetteer, is_nobody, is_unattributed, named_after_place, partitive_wholes, stance)
from .clean import RepairedText
from .dates import resolve_date
from .lexicon import Lexicon, LexiconEntry
from .model import Actor, Document, Event, Evidence, Mention

SUBJECTS = {"nsubj", "csubj"}
PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
OBJECTS = {"dobj", "dative", "attr", "oprd"}
# Force that one actor says another used is an accusation (CAMEO 112) as well as the reported act
ALLEGED_ROOTS = {"18", "19", "20"}
# Acts against another, never one's own: "its" on what they hit cannot be the doer's ("China said Manila's
# vessels rammed its ship"), so with no other antecedent it is the speaker's
AGAINST_OTHERS_ROOTS = {"16", "17", "18", "19", "20"}
ACCUSE_CODE = "112"
ALLEGING_VERBS = {"claim", "allege", "insist", "assert"}
# Verbs whose target can be the subject of their clause: "demanded that the US cancel the sale",
# "urged that Iran stop", "warned that Russia would pay", "alleged that France had helped".
CLAUSAL_TARGET_ROOTS = {"02", "10", "11", "13"}
# Prepositional objects that can be a light verb's event noun: "agreed to a ceasefire", "agreed on a deal",
# "engaged the rebels in a firefight", "took part in talks with Iran".
OBJECT_PREPS = {"to", "on", "upon", "in"}
# Cooperation with a coordinated subject and no target is mutual: "Japan and Korea agreed to cooperate",
# "Brazil and the US seek to deepen their partnership" (each does it with the other). Praise is not
# ("Ghana and Mali welcomed the deal"): of CAMEO 05 only the symmetric codes are (050, 057).
RECIPROCAL_ROOTS = {"03", "04", "06"}
# What is between two sides by its nature: coordinated sides that cut or restore ties act on each other
RELATION_NOUNS = {"tie", "relation", "relationship", "link", "contact"}
# CAMEO 045, mediate: whoever brokered a deal is a third party to it, not a side
MEDIATE_CODE = "045"
# Participles that add what the subject of the main clause said: "…, accusing Israel of …", "…, urging …"
STANCE_PARTICIPLES = {"accuse", "blame", "urge", "call", "demand", "warn", "threaten", "condemn", "criticize",
                      "criticise", "denounce", "praise", "thank", "vow", "appeal", "ask", "reject", "dismiss"}
# Adverbs that put a coordinated act after the first, so it does not share its date: "… and later recalled"
SEQUEL_ADVERBS = {"later", "then", "subsequently", "afterwards", "afterward", "since", "eventually",
                  "finally"}
# A country's people who may be anywhere: its refugees, migrants, armed groups and criminals
NOT_AT_HOME = {"REF", "IMG", "REB", "INS", "SEP", "RAD", "UAF", "CRM"}
# How a date modifies a verb or an event noun: "on Monday", "last week", "Tuesday", "the 1994 genocide"
TEMPORAL_DEPS = {"prep", "npadvmod", "advmod", "nummod", "compound", "amod", "nmod", "pcomp", "tmod", "det", "quantmod"}
# Where an event noun's target is when its own lexicon entry names none of the prepositions present
NOUN_TARGET_PREPS = {"of", "with", "against", "on", "to", "into"}
# Where a verb entry names no preposition and its object is not an actor, these may carry the target
# ("demanded guarantees from the US", "appealed to Putin").
FALLBACK_PREPS = {"to", "from", "with", "against", "on", "upon", "at", "toward", "towards", "into"}
# An action with no actor as its target acts on the place where it happens, as event coders record it:
# "troops shelled positions in Gaza", "imposed a curfew in Cizre", "protested in Beijing". Said and
# cooperative events ("signed a deal in Geneva", "met in Zurich") are not about their venue.
LOCATION_PREPS = {"in", "at", "near", "inside", "outside", "throughout", "across", "around", "into"}
LOCATION_TARGET_ROOTS = {"07", "08", "09", "14", "15", "16", "17", "18", "19", "20"}
# Force and coercion that a passive attributes to no one: the country where it happened did it
AGENTLESS_ROOTS = {"17", "18", "19", "20"}
# What goes off or is fired, as the subject of a killing: "a roadside bomb killed", "a blast near Kandahar
# killed"
ATTACK_NOUNS = {"explosion", "blast", "bomb", "bombing", "device", "mine", "landmine", "shell", "rocket",
                "missile", "grenade", "shelling", "ambush", "gunfire", "shooting", "explosive"}
UNIDENTIFIED = "UAF"
# Verbs that name who spoke, for a speaker the parser took for an object: say, report … and "charged"
SPEAKER_VERBS = SPEECH_VERBS | {"charge"}
# Verbs whose object is the means, not the doer, of the infinitive after it: "used water cannon to disperse
# protesters" is the police dispersing them ("urged Serbia to recognise Kosovo" is Serbia recognising)
INSTRUMENT_VERBS = {"use", "employ", "deploy", "send", "dispatch", "mobilize", "mobilise", "spend"}
# Crowds, whose violence is a riot, and the state agents whose violence against them is repression
CROWD_NOUNS = {"protester", "protestor", "demonstrator", "rioter", "mob", "crowd", "marcher"}
# damage to property, assault, force with no weapon named (a crowd firing missiles is using military force)
CROWD_VIOLENCE = ("171", "18", "190")
REPRESSIVE_AGENTS = {"COP", "MIL", "SPY", "GOV"}
RIOT_CODE, REPRESSION_CODE = "145", "175"
# Attacks whose code the weapon used makes precise (ontology/events/weapons.jsonl): unspecified violence,
# bombings and force
WEAPON_CODED = {"180", "183", "190"}
INFERRED_SOURCE_CONFIDENCE = 0.6
# What no one does: an accident or a disaster named as the agent of a passive is not an actor's act
ACCIDENT_NOUNS = {"crash", "accident", "collision", "earthquake", "quake", "flood", "flooding", "storm",
                  "hurricane", "cyclone", "typhoon", "tsunami", "landslide", "avalanche", "wildfire", "stampede",
                  "derailment"}
# "Russia and NATO intend to hold a meeting": the actors are sure, which acts on which is read off the verb
MUTUAL_CONFIDENCE = 0.8
# A part of a place is in it: "in the north of the West Bank", "the city of Kharkiv"
REGION_NOUNS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "centre",
                "center", "part", "outskirts", "heart", "city", "town", "village", "capital", "province", "region",
                "district", "area", "suburb"}
# Words and stances are about something: when what was condemned, welcomed or demanded is no actor, the actor
# its phrase names is the target ("condemned the killing of protesters in Iran", "criticised the closure of
# schools in Kabul", "welcomed the deal with Iran", "protested over the treatment of Uighurs in China"), as
# event coders take the first actor of the object phrase; and for mobilisation ("mobilised reservists for a
# war against Azerbaijan"). Not for meetings and cooperation ("discussed the war in Syria" is not an act on
# Syria), agreements between parties ("reached a deal in Vienna"), nor for force, whose place rule is
# LOCATION_TARGET_ROOTS.
TOPIC_TARGET_ROOTS = {"01", "02", "05", "10", "11", "12", "15"}
TOPIC_PREPS = {"of", "in", "at", "near", "with", "against", "on", "over", "about", "for", "from", "to", "by",
               "toward", "towards"}
TOPIC_DEPTH = 3
TOPIC_CONFIDENCE = 0.6
THREAT_ROOT = "13"
# Nouns that name an event already told: "the move", "the decision", "the launch", "the attack"
# and the CAMEO roots of the events each can mean (None: any event); ANAPHORIC_ROOTS: the acts with no target
# that such a noun may still refer back to ("fired a missile into the sea. … condemned the launch")
_FORCE, _COERCION = frozenset({"18", "19", "20"}), frozenset({"16", "17"})
EVENT_ANAPHORS: dict[str, frozenset[str] | None] = {
    "move": None, "decision": None, "step": None, "action": None, "measure": None, "announcement": None,
    "attack": _FORCE, "strike": _FORCE, "launch": _FORCE, "raid": _FORCE, "bombing": _FORCE,
    "shelling": _FORCE, "invasion": _FORCE, "incursion": _FORCE, "killing": _FORCE, "annexation": _FORCE,
    "arrest": _COERCION, "detention": _COERCION, "execution": _COERCION, "expulsion": _COERCION,
    "sanction": _COERCION, "visit": frozenset({"04"}), "deployment": frozenset({"15", "19"}),
    "test": frozenset({"15", "19"}),
    "allegation": frozenset({"11"}), "accusation": frozenset({"11"}), "charge": frozenset({"11"}),
    "claim": frozenset({"11"}), "seizure": _COERCION, "threat": frozenset({THREAT_ROOT}),
    "demand": frozenset({"10"}), "ultimatum": frozenset({THREAT_ROOT}),
}
ANAPHORIC_ROOTS = {"15", "18", "19", "20"}
ANAPHOR_CONFIDENCE = 0.5
STATEMENT_ROOT = "01"
# "their" before these is each side's own, not a shared thing: "A and B warned their citizens"
PEOPLE_NOUNS = {"citizen", "population", "people", "national", "resident", "troop", "soldier", "force", "army",
                "diplomat", "official", "leader", "ambassador", "envoy", "embassy", "worker", "supporter", "member",
                "voter", "community", "minister", "government", "delegation", "negotiator"}
# CAMEO 03, express intent or agree: an event under such a verb ("agreed to hold exercises") says what more
INTENT_ROOT = "03"
# A country's police, courts, security services and (named as such) government act at home: whom they act
# on, named only by what they are, are of that country ("Egyptian police dispersed demonstrators"); the
# state's own bodies are its instruments, not its targets ("ordered patrols by police").
DOMESTIC_AGENTS = {"GOV", "COP", "JUD", "SPY"}
PROTEST_ROOT = "14"
# Calling a protest or a strike off (CAMEO 082, ease political dissent) yields to whom it was aimed at
EASED_DISSENT = "082"
# A state's measures at home: imposing or easing curfews, states of emergency, martial law and bans on
# political life (CAMEO 1721-1724, 0811-0814, and their threats 1323-1324)
HOME_CODES = {"1721", "1722", "1723", "1724", "0811", "0812", "0813", "0814", "1323", "1324"}
# The path from an event inside another's complement up to its trigger: "agreed [to hold exercises]", "signed
# [a deal [to [expand trade]]]"; not conj, relcl or advcl ("struck Odesa after Kyiv signed a deal")
COMPLEMENT_DEPS = {"xcomp", "ccomp", "acl", "dobj", "pobj", "prep", "pcomp", "attr", "oprd"}
# How far up a complement may be from the trigger that governs it ("signed [a deal [to [increase trade]]]")
MAX_COMPLEMENT_DEPTH = 4


@dataclass(frozen=True)
class Act:
    """An act told with no one on its receiving end ("North Korea fired a ballistic missile into the sea"):
    no event of its own, but what "the launch" in the next sentence may refer back to."""

    source: Actor
    source_code: str
    root: str
    sentence_index: int


@dataclass
class Segment:
    offset: int  # where this Doc starts in the repaired text
    doc: Doc
    mentions: list[Mention]


@dataclass
class ParsedDocument:
    document: Document
    repaired: RepairedText
    segments: list[Segment] = field(default_factory=list)

    def sentences(self) -> Iterator[tuple[int, Segment, Span]]:
        index = 0
        for seg in self.segments:
            for sent in seg.doc.sents:
                yield index, seg, sent
                index += 1

    def evidence(self, seg: Segment, sent: Span) -> Evidence:
        start, end = self.repaired.to_original(seg.offset + sent.start_char, seg.offset + sent.end_char)
        text = self.document.text[start:end]
        lead = len(text) - len(text.lstrip())
        text = text.strip()
        return Evidence(text=text, start=start + lead, end=start + lead + len(text))


@dataclass
class Resources:
    """What extractors share: loaded once per process."""

    gazetteer: Gazetteer
    lexicon: Lexicon


class Extractor(Protocol):
    name: str

    def __call__(self, parsed: ParsedDocument) -> Iterable[Event]: ...


ExtractorFactory = Callable[[Resources], Extractor]
_REGISTRY: dict[str, ExtractorFactory] = {}


def register(name: str) -> Callable[[ExtractorFactory], ExtractorFactory]:
    """Register an extractor factory under `name` (decorator)."""

    def decorate(factory: ExtractorFactory) -> ExtractorFactory:
        _REGISTRY[name] = factory
        return factory

    return decorate


def available_extractors() -> list[str]:
    names = set(_REGISTRY)
    names.update(ep.name for ep in entry_points(group="kgraph.extractors"))
    return sorted(names)


def make_extractor(name: str, resources: Resources) -> Extractor:
    factory = _REGISTRY.get(name)
    if factory is None:
        found = [ep for ep in entry_points(group="kgraph.extractors") if ep.name == name]
        if not found:
            raise KeyError(f"no extractor named {name!r}; available: {', '.join(available_extractors())}")
        factory = found[0].load()
    return factory(resources)


@register("dependency")
class DependencyExtractor:
    """Subject → verb → object/prepositional target over the dependency parse, with the lexicon's verbs,
    phrasal verbs, light verbs with event nouns, and noun-headed events."""

    name = "dependency"

    def __init__(self, resources: Resources) -> None:
        self.gazetteer = resources.gazetteer
        self.lexicon = resources.lexicon

    def __call__(self, parsed: ParsedDocument) -> Iterator[Event]:
        doc_date = parsed.document.date
        resolvers: dict[int, ActorResolver] = {}
        recent: list[Event] = []  # the events of the last sentence that had any: what "the move" may mean
        acts: list[Act] = []  # the acts with no target told so far, for the same
        for index, seg, sent in parsed.sentences():
            resolver = resolvers.get(id(seg))
            if resolver is None:  # one per parsed piece: its mentions are indexed once, not per sentence
                resolver = resolvers[id(seg)] = ActorResolver(self.gazetteer, seg.mentions)
            evidence = parsed.evidence(seg, sent)
            seen: set[tuple[str, str, str]] = set()
            used_nouns: set[int] = set()
            found: list[tuple[Token, Event]] = []  # each event with its trigger
            for token in sent:
                if token.pos_ not in {"VERB", "AUX"}:
                    continue
                lemma = token.lemma_.lower()
                if lemma not in self.lexicon.verbs and lemma not in self.lexicon.support_verbs \
                        and lemma not in SPEECH_VERBS or _background(token, resolver):
                    continue
                verb_events = []
                if lemma in self.lexicon.verbs:
                    verb_events = self._verb_events(token, resolver, parsed.document, index, evidence,
                                                    used_nouns, recent + [e for _, e in found], acts)
                if not verb_events and lemma in self.lexicon.support_verbs:
                    verb_events = self._support_verb_events(token, resolver, parsed.document, index, evidence,
                                                            used_nouns)
                if not verb_events and lemma in SPEECH_VERBS:
                    verb_events = self._obligation_events(token, resolver, parsed.document, index, evidence)
                found += [(token, event) for event in verb_events]
            for token in sent:
                if token.i not in used_nouns and token.pos_ in {"NOUN", "PROPN"}:
                    if token.lemma_.lower() in self.lexicon.nouns:
                        found += [(token, event) for event in
                                  self._noun_events(token, resolver, parsed.document, index, evidence)]
            events = []
            for event in _merge_complements(found):
                key = (event.source.id, event.target.id, event.event_type.code)
                if key in seen or _historical(event, doc_date):
                    continue
                seen.add(key)
                events.append(event)
                yield event
            recent = events or recent

    # -- verbs ---------------------------------------------------------------------------------------
    def _verb_events(self, verb: Token, resolver: ActorResolver, document: Document, index: int,
                     evidence: Evidence, used_nouns: set[int], recent: Sequence[Event] = (),
                     acts: list[Act] | None = None) -> list[Event]:
        """`recent`: the events just before, and `acts` the acts with no target told so far, which a definite
        event noun may refer back to; an act with no target found here is added to `acts`."""
        entry = self._choose(verb, self.lexicon.verbs[verb.lemma_.lower()])
        if entry is None:
            return []
        # "soldiers killed in Ukraine": a participle modifying a noun is passive, the noun its object
        reduced = verb.dep_ == "acl" and verb.tag_ == "VBN"
        passive = reduced or any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in verb.children)
        if passive and entry.stative and not reduced and _agent(verb) is None:
            passive = False  # "Israel is opposed to the plan": Israel opposes it
        objects = [c for c in verb.children if c.dep_ in OBJECTS]
        # who undergoes a passive: its subject, or the noun a participle modifies
        patients = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECTS] + [verb.head] * reduced
        if passive:
            objects += patients
        # "launched hundreds of drones", "fired a barrage of rockets": what the quantity is of
        light_nouns = [w for o in objects + _prep_objects([verb], OBJECT_PREPS)
                       for w in [o, *partitive_wholes(o)] if w.lemma_.lower() in entry.objects]
        used_nouns.update(o.i for o in light_nouns)

        if {"oprd", "dobj"} <= {c.dep_ for c in verb.children} and not entry.objects:
            return []  # "what he called the anger of North Korea": calling something a name is no call
        if passive and _accident(verb):
            return []  # "killed by the earthquake", "died in a plane crash": no one did it
        source_head = _agent(verb) if passive else _subject(verb)
        licence = _licence(verb, self.lexicon.modality)
        if licence is not None and not passive:
            source_head = licence[1]  # "gave permission to Peru to help Chile": Peru would help
        sources = _resolve_all(resolver, source_head)
        inferred = False  # the source is only where it happened
        if not sources and not passive and source_head is not None and _attack_noun(source_head, self.lexicon):
            # "a car bombing near Kandahar killed two British soldiers"
            sources, inferred = self._unidentified([source_head, verb], resolver), True
        if not sources and passive:
            sources, inferred = self._passive_sources(verb, entry, resolver)
        if not sources:
            return []
        if any(is_nobody(a, c) for a, c in sources):
            # "thousands of people protested in Moscow": people are of where they act. Not so an armed group
            # ("insurgents shelled Kandahar" may be anyone's, as event coders leave it: ---INS)
            # ("set fire to the French embassy in Tehran": where the target is, they are)
            where = [verb, *objects, *_prep_objects([verb], set(entry.preps))]
            places = self._location_targets(where, resolver, named=True)
            sources = [placed for placed in self._placed(sources, places, only=is_nobody)
                       if not is_nobody(*placed)]
            if not sources:
                return []
        if entry.code[:2] == PROTEST_ROOT:
            sources = self._people(sources, source_head, resolver)
        # "pulled out of Syria": the parser often hangs the preposition on the particle
        particle_tokens = [c for c in verb.children if entry.particle and c.lower_ == entry.particle]
        # "cordoned off the roads": a particle parsed as a preposition takes the verb's object
        objects += [o for t in particle_tokens if t.dep_ == "prep" for o in t.children if o.dep_ == "pobj"]
        carriers = [verb, *particle_tokens, *light_nouns]
        targets: list[tuple[Actor, str]] = []
        heads_used: list[Token] = []
        confidence = 0.9
        candidates = []
        if entry.preps:
            # the parser often hangs the preposition on the object: "contributed a million euros to Chad"
            prep_heads = _prep_objects(carriers + objects, set(entry.preps))
            candidates.append((prep_heads, 0.9))
            # an event noun there carries the target: "called for a boycott of Israel"
            prep_nouns = [h for h in prep_heads if h.pos_ == "NOUN"]
            candidates.append((self._noun_targets(prep_nouns, resolver), 0.8))
            # or its agent: "retaliate against the drills by South Korea"
            agents = self._event_agents(prep_nouns, verb) + self._loose_agents(verb, prep_nouns, passive)
            candidates.append((agents, 0.7))
        if light_nouns:
            # an object that names people is the target: "received the Iranian foreign minister"
            candidates.append(([n for n in light_nouns if _names_people(n, resolver)], 0.9))
            # the event noun's own targets: "launched an invasion of Ukraine", "signed a deal with Iran"
            candidates.append((self._noun_targets(light_nouns, resolver), 0.9))
            # "rejected the proposal made by Colombia"
            candidates.append((self._event_agents(light_nouns, verb), 0.8))
            # "pledged 500 million euros in aid to Ukraine": the preposition one phrase further in
            further = _prep_objects(light_nouns, {"in", "of", "for"})
            candidates.append((_prep_objects(further, set(entry.preps)), 0.8))
            if all(n.dep_ == "pobj" for n in light_nouns):
                # "engaged the rebels in a firefight": the event noun is in a phrase, the target is the object
                candidates.append(([o for o in objects if o.dep_ == "dobj"], 0.8))
        if not entry.objects:
            direct = [o for o in objects if o.dep_ != "attr" and not _misparsed_speaker(o)] \
                if not passive else patients
            candidates.append((direct, 0.9))
            # an event as object stands for its agent: "condemned an attack by Russian troops"
            agents = self._event_agents(direct, verb) + self._loose_agents(verb, direct, passive)
            candidates.append((agents, 0.8))
            if entry.code[:2] in CLAUSAL_TARGET_ROOTS:
                candidates.append((_clause_subjects(verb), 0.7))
            else:
                # "will help Australia build submarines": the parser makes the helped one the subject of a
                # bare infinitive
                candidates.append((_clause_subjects(verb, bare=True), 0.8))
        if not entry.preps:
            # "cut off electricity to Nakhichevan", "demanded guarantees from the US"; a particle the entry
            # does not name may carry it too ("kidnapped up to 16 Russian advisers")
            loose = [c for c in verb.children if c.dep_ == "prt"]
            candidates.append((_prep_objects(carriers + loose + objects, FALLBACK_PREPS), 0.7))
        if entry.code[:2] in TOPIC_TARGET_ROOTS and not self.lexicon.event_type(entry.code).symmetric:
            # "expressed sympathy for the victims of the flood in Pakistan": a light verb's noun is the topic,
            # but where it happened is not ("made brief remarks in Vienna")
            topics = light_nouns if entry.objects else \
                [o for o in objects if o.dep_ == "dobj"] if not passive else patients
            # sympathy for one's own is still about them ("expressed sorrow for the shootings in Texas")
            own = set() if entry.code[:2] == STATEMENT_ROOT else {a.country or a.id for a, _ in sources}
            first = TOPIC_PREPS - LOCATION_PREPS if entry.objects else TOPIC_PREPS
            topics = topics + _prep_objects([verb], TOPIC_PREPS)  # a new list: light_nouns stays as it is
            candidates.append((_topic_actors(topics, resolver, own, first), TOPIC_CONFIDENCE))
        if entry.code[:2] == "13" or entry.mode == "threatened":
            # "threatened to walk out unless Israel withdrew": a conditional threat is aimed at whoever must
            # meet the condition
            candidates.append((_condition_subjects(verb), 0.7))
            # "threatened to deliver blows to the US": the threatened act's target, when that act is no
            # event of its own
            acts = [c for c in verb.children if c.dep_ == "xcomp"
                    and self._choose(c, self.lexicon.verbs.get(c.lemma_.lower(), [])) is None]
            act_objects = [o for a in acts for o in a.children if o.dep_ == "dobj"]
            candidates.append((act_objects + _prep_objects(acts + act_objects, FALLBACK_PREPS), 0.6))
        own_objects = [o for o in verb.children if o.dep_ == "dobj"]
        if verb.dep_ == "conj" and verb.head.pos_ == "VERB" and not passive \
                and all(o in light_nouns or _names_nobody(o, resolver) for o in own_objects) \
                and not any(c.dep_ == "ccomp" for c in verb.children):
            # "warned Russia and threatened sanctions", "struck Gaza and killed 20 people": a second verb that
            # names no one of its own acts on whom the first did (not one that says a clause or is about
            # something else: "… and insisted the unrest was ethnic")
            candidates.append(([o for o in verb.head.children if o.dep_ == "dobj"], 0.6))
        weak = None  # people of no country yet ("protesters"): taken only if nothing better is named
        for heads_used, confidence in candidates:
            targets = _resolve_all(resolver, *heads_used)
            if targets and all(is_nobody(a, c) for a, c in targets):
                weak = weak or (targets, heads_used, confidence)
            elif targets:
                break
        else:
            targets, heads_used, confidence = weak or ([], [], MUTUAL_CONFIDENCE)
        if not targets and entry.code[:2] in AGAINST_OTHERS_ROOTS and _reported(verb):
            # "Israel said Hezbollah had fired rockets at its northern towns": force against "its" own is not
            # what the attacker does to itself, so "its" is the speaker's
            owned = [c for h in [*objects, *_prep_objects([verb], FALLBACK_PREPS | LOCATION_PREPS)]
                     for c in h.children if c.dep_ == "poss" and c.lower_ in {"its", "their"}]
            sides = {a.id for a, _ in sources}
            targets = [(a, c) for p in owned for a, c in resolver.speaker_of(p) if a.id not in sides]
            confidence = 0.6
        if not targets and entry.code[:2] in TOPIC_TARGET_ROOTS and (recent or acts):
            # "North Korea fired two missiles. South Korea condemned the launch.": a definite event noun with
            # nothing of its own refers back to the last event, whose actor the reaction is aimed at (the
            # coreference evidence an event across sentences needs)
            anaphor = next((o for o in objects if o.dep_ == "dobj" and _event_anaphor(o)), None)
            targets = [] if anaphor is None else \
                self._antecedent_actor(recent, sources, EVENT_ANAPHORS[anaphor.lemma_.lower()], acts or ())
            confidence = ANAPHOR_CONFIDENCE
        # an actor acting on a place of its own ("Sudan lifted the state of emergency in Darfur") is domestic
        domestic = any(_at_place(h, resolver) for h in heads_used)
        if domestic:  # "a curfew in Algiers" is on the country, not its government
            targets = [(a, a.cameo or a.id) if a.kind in {"country", "territory"} else (a, c) for a, c in targets]
        # "the army and the rebels clashed in Khartoum": coordinated sides of a mutual act fight each other,
        # not the place where they met
        each_other = entry.mutual and len(sources) >= 2
        if not targets and entry.code[:2] in LOCATION_TARGET_ROOTS and not entry.reverse and not each_other:
            # "fired at targets in Jericho": the place may qualify the prepositional object
            targets = self._location_targets(carriers + objects + _prep_objects([verb], set(entry.preps)), resolver)
            confidence, domestic = 0.6, True
            # "killed five soldiers in northern Mali": an army or a government no one names is the place's
            # (force on them, not troops sent: "contributed troops to a force in Liberia")
            if entry.code[:2] in AGENTLESS_ROOTS:
                agents = {m.cameo for o in objects
                          if (m := resolver.mention_at(o)) is not None and m.how == "agent"}
                country = self._one_country(targets) if len(agents) == 1 else None
                if country is not None:
                    targets = [self.gazetteer.agent_of(country, agents.pop())]
        if not targets and not entry.reverse and not each_other:
            targets = self._compatriots(sources, [h for hs, _ in candidates for h in hs], resolver)
            if targets:
                confidence, domestic = 0.6, True
        if not targets and (entry.code[:2] == PROTEST_ROOT or entry.code == EASED_DISSENT):
            targets, confidence, domestic = self._home_government(sources), 0.5, True
        if not targets and entry.code in HOME_CODES:
            targets, confidence, domestic = self._home_country(sources), 0.6, True
        if any(is_unattributed(a) for a, _ in sources + targets):
            # "Turkish troops killed militants in northern Iraq": militants no one names belong where it
            # happened, or whom a state's police or courts act on, to that state ("Cameroonian authorities
            # jailed separatists")
            places = self._location_targets(carriers + objects + _prep_objects([verb], set(entry.preps)),
                                            resolver, named=True)
            places = places or [t for t in targets if domestic]  # "police raided homes in Kirkuk"
            # whom a state's police or courts act on is of that state; so are the police or troops a country's
            # own people clash with ("protesters in Dhaka clashed with police")
            at_home = len(sources) == 1 and (sources[0][1][3:6] in DOMESTIC_AGENTS
                                             or _people_facing_the_state(sources[0], targets))
            targets = self._placed(targets, places or self._home_country(sources) if at_home else places)
        if entry.reverse:
            if not targets:
                return []
            sources, targets = targets, sources
        if entry.code in WEAPON_CODED:
            # "blown up by a surface-to-air missile", "Israeli warplanes struck": the weapon says which force
            # ("launched rocket fire": the event noun's own modifier)
            weapon = self._weapon_code(light_nouns + _instruments(verb)
                                       + [h for h in [source_head] if h is not None])
            entry = replace(entry, code=weapon) if weapon else entry
        if entry.code.startswith(CROWD_VIOLENCE) and len(sources) == 1:
            # CAMEO tells a crowd's violence (a riot, 145) from a state's violence against a crowd (violent
            # repression, 175): "protesters torched the embassy", "police attacked demonstrators"; an arrest
            # stays an arrest
            if _is_crowd(source_head):
                entry = replace(entry, code=RIOT_CODE)
            elif entry.code[:2] != "17" and any(_is_crowd(h) for h in heads_used) \
                    and sources[0][1][3:6] in REPRESSIVE_AGENTS:
                entry = replace(entry, code=REPRESSION_CODE)
        events = self._events(entry, verb, sources, targets, resolver, document, index, evidence,
                              confidence * (INFERRED_SOURCE_CONFIDENCE if inferred else 1), domestic=domestic,
                              mutual=entry.mutual or _mutual(objects + light_nouns))
        # (an act its doer is the subject of: "missiles were shot down by air defences" is a side note)
        if not targets and acts is not None and entry.code[:2] in ANAPHORIC_ROOTS and not passive \
                and not inferred:
            negated, mode, _ = self._modality(verb, entry)
            if mode == "asserted" and not negated:
                acts += [Act(a, c, entry.code[:2], index) for a, c in sources if not is_unattributed(a)]
        return events

    def _support_verb_events(self, verb: Token, resolver: ActorResolver, document: Document, index: int,
                             evidence: Evidence, used_nouns: set[int]) -> list[Event]:
        """"Israel and Lebanon renewed negotiations", "Qatar launched a mediation effort between A and B":
        a light verb's event noun carries the event; the verb's subject is the source."""
        for noun in (c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}):
            head = noun
            if noun.lemma_.lower() not in self.lexicon.nouns:
                # "a mediation effort": the event noun may be a compound modifier of the object
                head = next((c for c in noun.children if c.dep_ == "compound"
                             and c.lemma_.lower() in self.lexicon.nouns), None)
                if head is None:
                    continue
            entries = self._noun_entries(head)
            if not entries:
                continue
            entry = max(entries, key=lambda e: e.specificity)
            used_nouns.update({noun.i, head.i})
            sources = _resolve_all(resolver, _subject(verb))
            if not sources:
                return []
            preps = set(entry.preps) - {"between"}
            carriers = [verb, noun, *_prep_objects([noun], {"of"})]  # "a suspension of links with Chad"
            targets = _resolve_all(resolver, *_prep_objects(carriers, preps))
            between = _prep_objects([verb, noun], {"between"})
            if not targets and between:
                targets = _resolve_all(resolver, *between)
            if not targets:
                targets = _resolve_all(resolver, *_opposed(noun))  # "staged anti-American protests"
            domestic = False
            if not targets and entry.code[:2] in LOCATION_TARGET_ROOTS:
                # "staged a hunger strike in Algiers": where it happens
                targets, domestic = self._location_targets([verb, noun], resolver), True
            if not targets and entry.code[:2] == PROTEST_ROOT:
                targets, domestic = self._home_government(sources), True
            return self._events(entry, verb, sources, targets, resolver, document, index, evidence, 0.75,
                                domestic=domestic, mutual=_mutual([noun]))
        return []

    def _compatriots(self, sources: list[tuple[Actor, str]], target_heads: list[Token],
                     resolver: ActorResolver) -> list[tuple[Actor, str]]:
        """"Egyptian police dispersed demonstrators": the target named only by what it is belongs to the
        country whose police, court or government acts (DOMESTIC_AGENTS)."""
        if len(sources) != 1 or sources[0][1][3:6] not in DOMESTIC_AGENTS:
            return []
        country = self.gazetteer.country_entry(sources[0][0].part_of or sources[0][0].id)
        if country is None:
            return []
        for head in [w for h in target_heads for w in partitive_wholes(h) or [h]]:  # "dozens of protesters"
            mention = resolver.mention_at(head)
            if mention is not None and mention.how == "agent" and mention.cameo not in STATE_AGENTS:
                return [self.gazetteer.agent_of(country, mention.cameo)]
        return []

    def _people(self, sources: list[tuple[Actor, str]], head: Token | None,
                resolver: ActorResolver) -> list[tuple[Actor, str]]:
        """"Thousands of Israelis protested": a people named by its plural demonym is its civilians (CAMEO
        CVL), not its state."""
        if head is None:
            return sources
        plural = [h for h in partitive_wholes(head) or [head] if h.tag_ in {"NNS", "NNPS"}]
        named = [resolver.mention_at(h) for h in plural]
        if not any(m is not None and m.how == "demonym" for m in named):
            return sources
        return self._country_agents(sources, CIVILIANS, lambda actor, code: code == actor.cameo)

    def _country_agents(self, actors: list[tuple[Actor, str]], agent: str,
                        pick: Callable[[Actor, str], bool]) -> list[tuple[Actor, str]]:
        """Each country that `pick` picks, as its `agent` (Israel as ISRCVL, Sri Lanka as LKAGOV); the rest as
        they are."""
        out = []
        for actor, code in actors:
            country = self.gazetteer.country_entry(actor.id) if pick(actor, code) else None
            out.append(self.gazetteer.agent_of(country, agent) if country is not None else (actor, code))
        return out

    @staticmethod
    def _antecedent_actor(recent: Sequence[Event], sources: list[tuple[Actor, str]],
                          roots: frozenset[str] | None, acts: Sequence[Act] = ()) -> list[tuple[Actor, str]]:
        """Whose is the last event told: its actor, or for a reaction ("Netanyahu praised Trump's decision.
        Saudi Arabia also welcomed the move.") what it reacted to. None when the reacting side took part in it
        ("the EU and the US froze the assets … EU ministers approved the measure"). An act told later with
        no target is the nearer antecedent ("North Korea fired a missile into the sea. Japan condemned the
        launch.")."""
        told = {"asserted"}
        if roots is None:  # an agreement or a plan announced is a move made: "agreed to open talks …"
            told.add("intended")
        elif THREAT_ROOT in roots:  # what was only threatened is no fact, but the threat is one
            told.add("threatened")
        facts = [e for e in recent if e.mode in told and not e.negated]
        if roots is not None:  # "the attack" is the last attack told, "the move" the last event
            facts = [e for e in facts if e.event_type.root in roots]
            acts = [a for a in acts if a.root in roots]
        sides = {a.id for a, _ in sources}
        if acts and (not facts or acts[-1].sentence_index > facts[-1].sentence_index):
            last_acts = [a for a in acts if a.sentence_index == acts[-1].sentence_index]
            return [] if any(a.source.id in sides for a in last_acts) else \
                [(a.source, a.source_code) for a in last_acts]
        if not facts:
            return []
        last = [e for e in facts if (e.evidence.start, e.verb) == (facts[-1].evidence.start, facts[-1].verb)]
        if any(e.source.id in sides for e in last):
            return []
        event = last[-1]
        if event.event_type.root in TOPIC_TARGET_ROOTS and roots is None:
            # "the move" after a reaction is what it reacted to; "the accusation" is the accusation itself
            return [] if event.target.id in sides else [(event.target, event.target_code)]
        return [(event.source, event.source_code)]

    def _unidentified(self, carriers: list[Token], resolver: ActorResolver) -> list[tuple[Actor, str]]:
        """Unidentified armed men (CAMEO UAF) of the one country named as where an attack happened."""
        country = self._one_country(self._location_targets(carriers, resolver, named=True))
        return [] if country is None else [self.gazetteer.agent_of(country, UNIDENTIFIED)]

    def _one_country(self, places: list[tuple[Actor, str]]) -> Entry | None:
        """The country when the places name exactly one."""
        countries = [self.gazetteer.country_entry(actor.id) for actor, _ in places]
        return countries[0] if len(countries) == 1 else None

    def _placed(self, actors: list[tuple[Actor, str]], places: list[tuple[Actor, str]],
                only: Callable[[Actor, str], bool] = lambda actor, code: is_unattributed(actor),
                ) -> list[tuple[Actor, str]]:
        """Unattributed groups (those `only` picks) given the one country they are in; the others as they
        are."""
        country = self._one_country(places)
        if country is None:
            return actors
        return [self.gazetteer.agent_of(country, code[3:]) if only(actor, code) else (actor, code)
                for actor, code in actors]

    def _home_country(self, sources: list[tuple[Actor, str]]) -> list[tuple[Actor, str]]:
        """"Egypt declared a state of emergency": a curfew, a state of emergency or martial law that names no
        place is the acting state's own country."""
        out = []
        for actor, _ in sources:
            country = self.gazetteer.country_entry(actor.part_of or actor.id)
            if country is not None and all(a.id != country.id for a, _ in out):
                out.append((country.actor, country.actor.cameo or country.actor.id))
        return out

    def _home_government(self, sources: list[tuple[Actor, str]]) -> list[tuple[Actor, str]]:
        """"Egyptian students rioted": a protest that names no target is aimed at the government of the
        protesters' own country, as event coders record it (CAMEO 14); so is calling one off (082)."""
        if len(sources) != 1 or len(sources[0][1]) < 6 or sources[0][1][3:6] in STATE_AGENTS:
            return []
        country = self.gazetteer.country_entry(sources[0][0].part_of or "")
        return [] if country is None else [self.gazetteer.agent_of(country, GOVERNMENT)]

    def _governing(self, sources: list[tuple[Actor, str]],
                   places: list[tuple[Actor, str]]) -> list[tuple[Actor, str]]:
        """A country acting on a place of its own acts through its government: "Sri Lanka eased the curfew in
        Colombo" is Sri Lanka's government easing it for Sri Lanka, not Sri Lanka acting on itself."""
        own = {actor.id for actor, _ in places}
        return self._country_agents(sources, GOVERNMENT, lambda actor, code: actor.id in own)

    def _location_targets(self, carriers: list[Token], resolver: ActorResolver,
                          named: bool = False) -> list[tuple[Actor, str]]:
        """`named`: only places named as such ("in Moscow", "in northern Iraq"), not a thing a country owns
        ("in an Iranian drone", "near a ship from Japan")."""
        # "cordoned off the roads leading into Donetsk": a participle of the object may name the place
        carriers = carriers + _participles(carriers)
        located = _prep_objects(carriers, LOCATION_PREPS)
        # "in a Russian attack" is no place, though its owner is named; but where that happened is: "killed in
        # clashes in northern Iraq", "killed in an Israeli air strike in Gaza"
        events = [h for h in located if h.lemma_.lower() in self.lexicon.nouns]
        places = [h for h in located if h not in events]
        places += _prep_objects(events + [h for h in places if not _places(resolver, [h])], LOCATION_PREPS)
        # "in the north of the West Bank", "in the city of Kharkiv": a part of a place is in it
        places += [o for h in places if h.lemma_.lower() in REGION_NOUNS for o in _prep_objects([h], {"of"})]
        if named:
            # a place's name, or a region its country owns: "in Yemen's Saada province", "in Kenya's capital"
            places = [h for h in places
                      if (m := resolver.mention_at(h)) is not None and m.how not in {"agent", "demonym"}
                      or any(c.dep_ == "poss" and (o := resolver.mention_at(c)) is not None
                             and o.how in {"name", "place", "seat"} for c in h.children)]
        return _places(resolver, places)

    def _passive_sources(self, verb: Token, entry: LexiconEntry,
                         resolver: ActorResolver) -> tuple[list[tuple[Actor, str]], bool]:
        """Who acted, when a passive names no agent: the owner of the event it happened in ("were killed in
        an Israeli air strike"), for an attack the place it came from ("a rocket was fired from Gaza"), else
        the country where it happened (True: only inferred from the place)."""
        nouns = [n for n in _prep_objects([verb], {"in", "by", "during"}) if n.lemma_.lower() in self.lexicon.nouns]
        sources = _resolve_all(resolver, *self._event_agents(nouns),
                               *(c for n in nouns for c in n.children if c.dep_ in {"amod", "compound", "nmod"}))
        if not sources and entry.code[:2] in {"16", "17", "18", "19", "20"}:
            # "a rocket was fired from Gaza"; "the French ambassador was expelled from Niger"
            sources = _places(resolver, _prep_objects([verb], {"from"}))
        weapons = [n for n in [*_prep_objects([verb], {"in", "during"}), _agent(verb)]
                   if n is not None and _attack_noun(n, self.lexicon)]
        if not sources and weapons and entry.code[:2] in AGENTLESS_ROOTS:
            # "killed by a roadside bomb in Afghanistan", "killed in a blast in Quetta": unidentified armed
            # men of where it happened
            return self._unidentified([verb, *weapons], resolver), True
        if not sources and entry.code[:2] in AGENTLESS_ROOTS:
            # "Russian soldiers were killed in Ukraine", "a US journalist was arrested in Iran": with no one
            # else named, event coders make the country where it happened the actor (foreign victims only:
            # an event needs two countries)
            return self._location_targets([verb], resolver), True
        return sources, False

    def _obligation_events(self, verb: Token, resolver: ActorResolver, document: Document, index: int,
                           evidence: Evidence) -> list[Event]:
        """"Britain said Libya must hand over the suspects": the speaker demands of the clause's subject."""
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            code = next((self.lexicon.demand_aux[c.lower_] for c in clause.children
                         if c.dep_ == "aux" and c.lower_ in self.lexicon.demand_aux), None)
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if code is None or subject is None:
                continue
            sources = _resolve_all(resolver, _subject(verb))
            targets = _resolve_all(resolver, subject)
            if sources and targets:
                entry = LexiconEntry(code=code, verb="demand")
                return self._events(entry, verb, sources, targets, resolver, document, index, evidence, 0.7)
        return []

    def _noun_targets(self, nouns: list[Token], resolver: ActorResolver) -> list[Token]:
        heads: list[Token] = []
        for noun in nouns:
            entries = self._noun_entries(noun)
            preps = {p for e in entries for p in e.preps}
            found = [h for h in _prep_objects(_nominal_carriers(noun, entries), preps - {"by"}) or _prep_objects([noun], NOUN_TARGET_PREPS)
                     if _resolve_all(resolver, h)]
            # "imposed anti-Russian sanctions": whom the noun is against; else the object's owner: "downed a
            # Russian plane", "seized Iran's tanker"
            # "an inquiry into abuses committed by Serb police": the participle's agent, last
            heads += _opposed(noun) or found or [
                c for c in noun.children if c.dep_ in {"poss", "amod", "compound", "nmod"} and c.pos_ != "PRON"
                and stance(c) is None
                and (c.dep_ == "poss" or not named_after_place(noun, resolver.mention_at(c)))  # "Kyiv's pact"
                and _resolve_all(resolver, c)] or [
                a for c in noun.children if not self._mediation(c) for a in _participle_agents(c)]
        return heads

    def _mediation(self, verb: Token) -> bool:
        """"a deal brokered by the US", "talks mediated by Qatar": a mediator is a third party, no side."""
        return any(e.code == MEDIATE_CODE for e in self.lexicon.verbs.get(verb.lemma_.lower(), []))

    def _event_agents(self, nouns: list[Token], trigger: Token | None = None) -> list[Token]:
        """Who an event noun is about: its by-phrase or possessor ("Iran's decision", "an attack by
        Russian troops"), else its partners ("a resumption of ties with Cuba", "talks between A and B")."""
        heads: list[Token] = []
        for noun in nouns:
            if noun.pos_ not in {"NOUN", "PROPN"}:
                continue
            for child in noun.children:
                if child.dep_ == "prep" and child.lower_ == "by":
                    heads += [c for c in child.children if c.dep_ == "pobj"]
                elif child.dep_ == "poss" and child.pos_ != "PRON":
                    # "their renewal of ties with B": the pronoun is the subject again; B is the target
                    heads.append(child)
                elif child != trigger and not self._mediation(child):
                    # "welcomed the assurances sent by Bree", "condemned the attack carried out by Hamas"
                    heads += _participle_agents(child)
            if not heads:
                of_objects = _prep_objects([noun], {"of"})
                heads += _prep_objects([noun, *of_objects], {"with", "between"})
        return heads

    def _loose_agents(self, verb: Token, nouns: list[Token], passive: bool) -> list[Token]:
        """The by-phrase the parser hung on an active verb, where it can only be its event noun's: "condemned
        the joint drills by South Korea"."""
        if passive or not any(n.lemma_.lower() in self.lexicon.nouns for n in nouns):
            return []
        return _prep_objects([verb], {"by"})

    def _choose(self, verb: Token, entries: list[LexiconEntry]) -> LexiconEntry | None:
        # a particle is often parsed as an adverb or a preposition ("pulled out of", "walked away from")
        known = {e.particle for e in entries if e.particle}
        marked = {c.lemma_.lower() for c in verb.children if c.dep_ == "prt"}
        # …but a preposition with its own object, away from the verb, is none: "gave a speech in Vienna" is
        # no "give in" ("cordoned off the roads" is "cordon off")
        particles = marked | {c.lower_ for c in verb.children if c.dep_ in {"advmod", "prep"}
                              and c.lower_ in known
                              and (c.i == verb.i + 1 or not any(o.dep_ == "pobj" for o in c.children))}
        object_lemmas = {w.lemma_.lower() for c in verb.children if c.dep_ in OBJECTS | PASSIVE_SUBJECTS
                         for w in [c, *partitive_wholes(c)]}
        object_lemmas |= {o.lemma_.lower() for o in _prep_objects([verb], OBJECT_PREPS)}
        # "called Putin on Friday" is no call on Putin: a phrase that only dates the event selects no entry
        preps = {c.lemma_.lower() for c in verb.children if c.dep_ in {"prep", "agent", "dative"}
                 and not _dates_only(c)}
        for o in verb.children:
            if o.dep_ in OBJECTS | PASSIVE_SUBJECTS:
                preps.update(c.lemma_.lower() for c in o.children if c.dep_ == "prep")
        best, best_score = None, float("-inf")
        asks = any(c.dep_ in {"xcomp", "ccomp"} and c.pos_ in {"VERB", "AUX"} for c in verb.children)
        for entry in entries:
            if entry.particle and entry.particle not in particles or entry.infinitive and not asks:
                continue
            if marked and not entry.particle and any(e.particle in marked for e in entries):
                continue
            if entry.objects and not set(entry.objects) & object_lemmas:
                continue
            # an entry whose prepositions are all absent ranks below the plain entry of the same verb
            has_prep = bool(set(entry.preps) & preps)
            score = entry.specificity + 8 * has_prep - 2 * bool(entry.preps and not has_prep)
            if score > best_score:
                best, best_score = entry, score
        return best

    # -- nouns ---------------------------------------------------------------------------------------
    def _noun_events(self, noun: Token, resolver: ActorResolver, document: Document, index: int,
                     evidence: Evidence) -> list[Event]:
        """"talks between A and B", "Russia's attack on Ukraine", "a Russian attack on Kyiv"."""
        entries = self._noun_entries(noun)
        carriers = _nominal_carriers(noun, entries)
        preps = {c.lemma_.lower(): c for t in carriers for c in t.children if c.dep_ == "prep"}
        for entry in sorted(entries, key=lambda e: -e.specificity):
            event_type = self.lexicon.event_type(entry.code)
            mutual = event_type.symmetric or event_type.root in RECIPROCAL_ROOTS
            if "between" in preps and "between" in entry.preps and mutual:
                actors = _resolve_all(resolver, *[c for c in preps["between"].children if c.dep_ == "pobj"])
                if len(actors) >= 2:
                    return self._events(entry, noun, actors, [], resolver, document, index, evidence, 0.75)
            # "France's suspension of its mediation between A and B": A and B are what it is done to
            target_preps = [p for p in entry.preps if p in preps and (p != "between" or not mutual)]
            if not target_preps:
                continue
            targets = _resolve_all(resolver, *_prep_objects(carriers, set(target_preps)))
            by = preps.get("by")
            source_heads = [c for c in by.children if c.dep_ == "pobj"] if by is not None else [
                c for c in noun.children if c.dep_ in {"poss", "amod", "compound", "nmod"} and stance(c) is None]
            sources = _resolve_all(resolver, *source_heads)
            if sources and targets:
                return self._events(entry, noun, sources, targets, resolver, document, index, evidence, 0.75)
        return []

    def _noun_entries(self, noun: Token) -> list[LexiconEntry]:
        """The noun's entries that fit it: one naming objects needs one of them as the noun's of-phrase
        ("the suspension of air links", "the lifting of sanctions")."""
        of_objects = {o.lemma_.lower() for o in _prep_objects([noun], {"of"})}
        return [e for e in self.lexicon.nouns.get(self._noun_key(noun), [])
                if not e.objects or set(e.objects) & of_objects]

    def _noun_key(self, noun: Token) -> str:
        """The noun's lemma, or the longest entry its modifiers make with it: a "hunger strike" or a "general
        strike" is no air strike."""
        return _compound_key(noun, self.lexicon.nouns) or noun.lemma_.lower()

    def _weapon_code(self, nouns: Iterable[Token]) -> str | None:
        """The attack code of the first weapon among `nouns`: "an air strike" 195, "a rocket attack" 194."""
        for noun in nouns:
            for word in (noun, *(c for c in noun.children if c.dep_ == "compound")):
                key = _compound_key(word, self.lexicon.weapons)
                if key is not None:
                    return self.lexicon.weapons[key]
        return None

    # -- shared --------------------------------------------------------------------------------------
    def _events(self, entry: LexiconEntry, trigger: Token, sources: list[tuple[Actor, str]],
                targets: list[tuple[Actor, str]], resolver: ActorResolver, document: Document, index: int,
                evidence: Evidence, confidence: float, domestic: bool = False, mutual: bool = False) -> list[Event]:
        """`domestic`: the targets are places, so an actor acting in its own country is an event
        ("Turkish police dispersed a rally in Ankara"). `mutual`: coordinated sources act on each other
        ("A and B postponed their meeting", "A and B accused each other")."""
        if entry.organisation_code and targets and all(a.kind == "organisation" for a, _ in targets):
            entry = replace(entry, code=entry.organisation_code)  # "left ECOWAS", "withdrew from the WHO"
        event_type = acted = self.lexicon.event_type(entry.code)
        negated, mode, origin = self._modality(trigger, entry)
        # "A held talks with B": B held talks with A too; and "A will meet B", a meeting to come, both ways
        meeting = event_type.symmetric and event_type.root == "04"
        both_ways = meeting and not entry.one_way and (mode == "asserted" or origin in {"aux", "schedule"})
        relation = entry.relation
        refusal = self.lexicon.intent_code("denied", event_type)
        if refusal in self.lexicon.types and (negated or mode == "denied"):
            # "refused to meet", "would not provide support": the refusal itself happened (CAMEO 12)
            event_type, negated, mode = self.lexicon.types[refusal], False, "asserted"
            relation = "refuse" + relation[:1].upper() + relation[1:]
        # a stated intent is CAMEO's intent code ("offered to meet" is 036); an arranged event keeps its own
        # code, mode intended ("is scheduled to meet" is a meeting to come, as event coders record it)
        code = None if origin == "schedule" else self.lexicon.intent_code(mode, event_type)
        if code and code in self.lexicon.types:
            event_type = self.lexicon.types[code]
        if domestic:
            sources = self._governing(sources, targets)
        if mutual and len(sources) >= 2 and targets and all(is_nobody(a, c) for a, c in targets):
            targets = []  # "Russia and Ukraine swapped prisoners": the prisoners are no party, the sides are
        if len(sources) >= 2 and targets and {a.id for a, _ in targets} <= {a.id for a, _ in sources}:
            # "France and Germany discussed France's proposal": a target that is one of the coordinated
            # sources makes them act on each other
            targets, mutual, confidence = [], True, min(confidence, MUTUAL_CONFIDENCE)
        if targets:
            # Other symmetric events stay one-way when one side is the subject ("A signed a deal with B" is
            # A's act, as event coders record it), as does an offer to meet ("A offered to meet B": A's intent).
            pairs = [(s, t) for s in sources for t in targets]
            if both_ways:
                pairs += [(t, s) for s, t in pairs]
        elif (mutual or acted.symmetric or acted.root in RECIPROCAL_ROOTS) and len(sources) >= 2:
            # what the act is, not its intent code: "the US and Britain will help" is no help to each other
            pairs = [(s, t) for s in sources for t in sources if s[0].id != t[0].id]
        else:
            return []
        date_text = _date_text(trigger)
        date = resolve_date(date_text, document.date) if date_text else None
        from_text = date is not None
        if date is None and document.date is not None:
            date = document.date.isoformat()
        speaker = _speaker(trigger, resolver)
        out = []
        for (src, src_code), (tgt, tgt_code) in pairs:
            if not domestic and (src.id == tgt.id or _same_government(src_code, tgt_code)):
                continue
            if is_unattributed(src) and is_unattributed(tgt) or is_nobody(src, src_code) \
                    or is_nobody(tgt, tgt_code):
                continue  # "police arrested protesters": no actor known on either side; "people" of no place
            out.append(Event(
                doc_id=document.id, sentence_index=index, source=src, target=tgt,
                source_code=src_code, target_code=tgt_code, verb=trigger.lemma_.lower(),
                relation=relation, event_type=event_type, negated=negated, mode=mode,
                date=date, date_from_text=from_text, evidence=evidence, confidence=confidence,
                extractor=self.name, attributed_to=speaker[0] if speaker else None,
            ))
        if speaker is not None and event_type.root in ALLEGED_ROOTS and mode == "asserted" and not negated:
            # "Israel said a mortar was fired at it from Gaza": saying that another used force accuses it
            accusation = self.lexicon.types[ACCUSE_CODE]
            for event in list(out):
                # the victim's word, or a claim: not a monitor's or a source's report ("HRW said", "officials said")
                if event.target.id != speaker[0].id and speaker[2] not in ALLEGING_VERBS:
                    continue
                if event.source.id != speaker[0].id and not is_unattributed(event.source):
                    out.append(replace(event, source=speaker[0], source_code=speaker[1], target=event.source,
                                       target_code=event.source_code, verb=speaker[2], relation=speaker[2],
                                       event_type=accusation, confidence=confidence * 0.8, attributed_to=None))
        return out

    def _modality(self, trigger: Token, entry: LexiconEntry) -> tuple[bool, str, str]:
        """Negation and mode from the trigger and the verbs that govern it through xcomp/ccomp, and where the
        mode comes from: "aux" (will, could), "schedule" (a word that schedules the event), "intent" (a word
        that states an intent, wish or demand: plan, offer, urge), "" (the entry itself or none)."""
        negated = False
        origin = ""
        mode = entry.mode or "asserted"
        token = trigger
        while True:
            for child in token.children:
                if child.dep_ == "neg" or child.lower_ in {"never"} and child.dep_ in {"advmod", "neg"}:
                    negated = True
                elif child.dep_ in SUBJECTS | PASSIVE_SUBJECTS | {"dobj"} and any(
                        c.lower_ == "neither" or c.dep_ == "cc" and c.lower_ == "nor" for c in child.children):
                    negated = True  # "Neither France nor Germany boycotted the talks"
                elif child.dep_ in {"aux", "auxpass"}:
                    aux_mode = self.lexicon.modal_aux.get(child.lower_.strip("'"))
                    if child.lower_ in {"would", "'d"} and _reported(token):
                        aux_mode = "intended"  # "Iran said it would resume talks": a backshifted "will"
                    if aux_mode and mode == "asserted":
                        mode, origin = aux_mode, "aux"
                elif child.dep_ == "mark" and child.lower_ in {"if", "unless"}:
                    mode = "hypothetical"
            if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in token.children):
                mode = "hypothetical"
            if token.head == token or token.dep_ not in {"xcomp", "ccomp", "conj"} and not _purpose(token) \
                    and not _infinitive_of_noun(token):
                break  # an infinitive of a noun takes the noun's mode: "its refusal to talk", "a plan to attack"
            governor = token.head
            if token.dep_ == "conj":
                token = governor
                continue
            licence = _licence(token, self.lexicon.modality)
            if licence is not None:
                # "would not give Peru permission to help": what is licensed is only licensed, and the
                # refusal to license is not a refusal to help
                return negated, self.lexicon.modality[licence[0].lemma_.lower()], "intent"
            governed_mode = self.lexicon.modality.get(governor.lemma_.lower())
            if governed_mode == "intended" and any(c.dep_ in SUBJECTS for c in token.children):
                governed_mode = "hypothetical"  # "Germany wants Poland to act": a wish, not Poland's intent
            if _infinitive_of_noun(token) and governor.dep_ in OBJECTS \
                    and self.lexicon.modality.get(governor.head.lemma_.lower()) == "denied":
                governed_mode = "denied"  # "suspended its plans to annex": the plan is dropped
            if governed_mode and (mode == "asserted" or mode == entry.mode):
                mode = governed_mode
                origin = "schedule" if governor.lemma_.lower() in self.lexicon.scheduling else "intent"
            elif token.dep_ == "ccomp" and governor.lemma_.lower() in SPEECH_VERBS:
                break  # reported speech: the speaker's own negation is not the event's
            token = governor
        if mode in {"asserted", "intended"} and any(
                c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
                for c in trigger.children):
            mode = "threatened"  # "will withdraw its troops unless Chad pays": a condition is a threat
        return negated, mode, origin


def _merge_complements(found: list[tuple[Token, Event]]) -> list[Event]:
    """"Jordan and Britain agreed to hold joint exercises", "China and Chad signed a deal to increase trade":
    an event in the complement of another event's trigger, between the same actors, is that event's content,
    not a second event. The more telling of the two stays: the complement where the governing event only
    agrees or states an intention (CAMEO 03), the governing event otherwise."""
    dropped: set[int] = set()
    for i, (governor, outer) in enumerate(found):
        for j, (trigger, inner) in enumerate(found):
            if trigger == governor or (outer.source.id, outer.target.id) != (inner.source.id, inner.target.id):
                continue
            if _complement_of(trigger, governor):
                dropped.add(i if outer.event_type.root == INTENT_ROOT else j)
    return [event for k, (_, event) in enumerate(found) if k not in dropped]


def _complement_of(token: Token, governor: Token) -> bool:
    """`token` heads a complement, object or purpose clause under `governor`: not a coordinated, relative
    or time clause ("struck Odesa a day after Moscow and Kyiv signed a deal" is two events)."""
    for _ in range(MAX_COMPLEMENT_DEPTH):
        if token.head == token or token.dep_ not in COMPLEMENT_DEPS and not _purpose(token):
            return False
        token = token.head
        if token == governor:
            return True
    return False


def _resolve_all(resolver: ActorResolver, *head_tokens: Token | None) -> list[tuple[Actor, str]]:
    out: list[tuple[Actor, str]] = []
    seen: set[str] = set()
    for head in head_tokens:
        if head is None:
            continue
        for actor, code in resolver.resolve_phrase(head):
            if actor.id not in seen:
                seen.add(actor.id)
                out.append((actor, code))
    return out


def _nominal_carriers(noun: Token, entries: list[LexiconEntry]) -> list[Token]:
    """Where an event noun's prepositions hang: on the noun, and for a nominalised verb also on its of-phrase
    ("Chad's suspension of links with Niger", "welcomed the lifting of sanctions on Iran")."""
    return [noun, *_prep_objects([noun], {"of"})] if any(e.objects for e in entries) else [noun]


def _topic_actors(topics: list[Token], resolver: ActorResolver, own: set[str],
                  first: set[str]) -> list[Token]:
    """The nearest actors named inside what a word or stance is about, breadth first through prepositional
    phrases, at most TOPIC_DEPTH deep: "the killing [of protesters [in Iran]]". Not the speaker's own country
    (`own`): "Hamas condemned an attack in Gaza" is not aimed at the Palestinians. `first`: the prepositions
    allowed on the topic itself."""
    layer = topics
    for depth in range(TOPIC_DEPTH):
        # "an attack [targeting tourists [at a hotel [in Mali's capital]]]": a participle goes on with the
        # noun; not a document's ("a statement calling on Egypt to …" is an event of its own)
        participles = _participles([t for t in layer if t.lemma_.lower() not in DOCUMENT_NOUNS])
        objects = [o for p in participles for o in p.children if o.dep_ == "dobj"]
        layer = _prep_objects(layer, first if depth == 0 else TOPIC_PREPS) \
            + _prep_objects(participles, TOPIC_PREPS) + objects
        found = [h for h in layer
                 if any((actor.country or actor.id) not in own and not is_unattributed(actor)
                        for actor, _ in _resolve_all(resolver, h))]
        if found:
            return found
    return []


def _names_nobody(noun: Token, resolver: ActorResolver) -> bool:
    """People of no country yet: "20 people", "hostages"."""
    found = _resolve_all(resolver, noun)
    return bool(found) and all(is_nobody(a, c) for a, c in found)


def _names_people(noun: Token, resolver: ActorResolver) -> bool:
    mention = resolver.mention_at(noun)
    return mention is not None and mention.how == "agent"


def _at_place(head: Token, resolver: ActorResolver) -> bool:
    """A city or region, or a capital named as where something happens ("a curfew in Algiers"), not as
    its government ("Algiers protested")."""
    mention = resolver.mention_at(head)
    if mention is None:
        return False
    located = head.dep_ == "pobj" and head.head.lower_ in LOCATION_PREPS
    return mention.how == "place" or mention.how == "seat" and located


def _places(resolver: ActorResolver, head_tokens: list[Token]) -> list[tuple[Actor, str]]:
    """The countries and territories named as places: "in Baghdad" is Iraq, not its government."""
    return [(actor, actor.cameo or actor.id) for actor, _ in _resolve_all(resolver, *head_tokens)
            if actor.kind in {"country", "territory"}]


def _opposed(noun: Token) -> list[Token]:
    """The modifiers of a noun marked "anti-": "anti-American protests" are against the US."""
    return [c for c in noun.children if c.dep_ in {"amod", "compound", "nmod"} and stance(c) == "anti"]


def _purpose(clause: Token) -> bool:
    """An infinitive adverbial clause: "pressed by Congress to help Iran", "met on Monday to discuss trade"."""
    return clause.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _mutual(objects: list[Token]) -> bool:
    """"their meeting", "each other", "one another": coordinated subjects act on each other."""
    for obj in objects:
        if obj.lower_ == "other" and any(c.lower_ in {"each", "one"} for c in obj.children):
            return True
        if obj.lower_ == "one" and any(c.lower_ == "another" for c in obj.children):
            return True
        their = any(c.dep_ == "poss" and c.lower_ == "their" for c in obj.children)
        if their and obj.lemma_.lower() not in PEOPLE_NOUNS:
            return True  # "postponed their meeting", not "warned their citizens"
        if obj.lemma_.lower() in RELATION_NOUNS:
            return True  # "Morocco and Algeria cut diplomatic ties": ties are between them
    return False


def _background(verb: Token, resolver: ActorResolver) -> bool:
    """A verb in a relative clause on an actor describes whom the sentence is about, not what the news is:
    "the militia, which controls towns in Syria", "UN peacekeepers, who are stationed along the border". A
    relative clause on anything else, or with a subject of its own, may be the news: "the first time France
    had recalled its ambassador", "Sweden and Finland, in which the two countries promised …"."""
    clause = next((t for t in (verb, *verb.ancestors) if t.dep_ == "relcl"), None)
    if clause is None or not any(c.tag_ in {"WDT", "WP"} and c.dep_ in SUBJECTS | PASSIVE_SUBJECTS
                                 for c in clause.children):
        return False  # "a memorandum in which the two countries promised …": not what the head did
    return bool(resolver.resolve_phrase(clause.head))


def _people_facing_the_state(source: tuple[Actor, str], targets: list[tuple[Actor, str]]) -> bool:
    """A country's people acting on state agents no one ties to a country: "protesters in Dhaka clashed with
    police". Not its refugees or migrants, who may be anywhere, nor its armed groups, who fight abroad too."""
    agent = source[1][3:6]
    return bool(targets) and agent not in STATE_AGENTS | NOT_AT_HOME and not is_unattributed(source[0]) \
        and all(is_unattributed(a) and c[3:6] in STATE_AGENTS for a, c in targets)


def _reported(clause: Token) -> bool:
    """The clause is what someone is said to have said: "Israel said [Hezbollah had fired …]"."""
    return clause.dep_ == "ccomp" and clause.head.lemma_.lower() in SPEECH_VERBS


def _condition_subjects(verb: Token) -> list[Token]:
    """Subjects of the if/unless clauses of a verb or of the infinitive it governs."""
    clauses = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    return [s for clause in clauses for c in clause.children
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)
            for s in c.children if s.dep_ in SUBJECTS]


def _clause_subjects(verb: Token, bare: bool = False) -> list[Token]:
    """Subjects of the verb's clausal complements; `bare`: only of a bare infinitive ("help Kyiv rebuild",
    "let Iran enrich"), whose subject is the verb's object in all but the parse."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and (not bare or c.tag_ == "VB" and not any(
        m.dep_ in {"aux", "mark"} for m in c.children))]
    return [s for c in clauses for s in c.children if s.dep_ in SUBJECTS]


def _subject(verb: Token) -> Token | None:
    """The verb's subject; for a verb without one, the subject it shares: a coordinated verb ("warned
    Russia and threatened sanctions"), a controlled infinitive ("intend to hold"), a relative clause."""
    token = verb
    for _ in range(6):
        subjects = [c for c in token.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS]
        # "Old foes Gondor and Osgiliath renewed ties": an apposed name parsed as a second subject
        subj = next((c for c in subjects if c.pos_ == "PROPN"), subjects[0]) if subjects else None
        if subj is not None:
            if subj.tag_ in {"WDT", "WP"} and token.dep_ == "relcl":
                return token.head
            return subj
        controller = next((c for c in token.head.children if c.dep_ == "dobj" and c.i < token.i), None)
        if token.dep_ == "xcomp" and token.pos_ == "VERB" and controller is not None \
                and token.head.lemma_.lower() not in INSTRUMENT_VERBS:
            return controller  # "urged Serbia to recognise Kosovo": the object of urge, ask, force … does it
        if token.dep_ in {"conj", "xcomp", "acomp"} and token.head != token:
            token = token.head  # "Arnor is about to restore …": the subject of "is"
        elif _infinitive_of_noun(token) and any(c.dep_ == "poss" and c.pos_ != "PRON" for c in token.head.children):
            # "Iran's refusal to talk to the US", "Chad's decision to resume talks": the owner would act ("its
            # decision" is the subject's, as below)
            return next(c for c in token.head.children if c.dep_ == "poss")
        elif _infinitive_of_noun(token) and token.head.dep_ in OBJECTS:
            recipient = _recipient(token.head.head)
            if recipient is not None:
                return recipient  # "gave Israel permission to strike": Israel would strike
            token = token.head.head  # "signed an accord to supply Gondor": the signer supplies
        elif _purpose(token):
            token = token.head  # "signed an accord on Monday to supply Chad": a purpose clause shares the subject
        elif token.dep_ == "advcl" and token.tag_ == "VBG" and token.head.pos_ in {"VERB", "AUX"} \
                and token.lemma_.lower() in STANCE_PARTICIPLES:
            # "Iran condemned the strike, accusing Israel of …": a participle clause of what the speaker says
            # shares the main clause's subject (not every participle: "…, killing 20" retells the act, and
            # "…, seeking to mend ties" is a purpose, not news)
            token = token.head
        # documents speak for who issued them: "issued a statement calling on Egypt to open the border"
        elif token.dep_ == "acl" and token.tag_ == "VBG" and token.head.lemma_.lower() in DOCUMENT_NOUNS \
                and token.head.dep_ in OBJECTS:
            token = token.head.head  # "Hamas issued a statement calling on Egypt …": who issued it calls
        elif token.dep_ in {"relcl", "acl"}:
            return token.head
        else:
            return None
    return None


def _misparsed_speaker(obj: Token) -> bool:
    """"abused immigrants, a rights group charged": an object the parser made of the sentence's speaker."""
    return any(c.dep_ == "acl" and c.lemma_.lower() in SPEAKER_VERBS for c in obj.children)


def _is_crowd(head: Token | None) -> bool:
    """"protesters", "a Ukrainian protestor", "hundreds of demonstrators"."""
    if head is None:
        return False
    return any(w.lemma_.lower() in CROWD_NOUNS for w in [head, *partitive_wholes(head)])


def _licence(clause: Token, nouns: dict[str, str]) -> tuple[Token, Token] | None:
    """The permission whose infinitive the parser hung on the giving verb, and whom it was given to: "gave
    permission to Peru [to help Chile]", "gave a mandate to France [to protect Mali]"."""
    if not _purpose(clause):
        return None
    for noun in (o for o in clause.head.children if o.dep_ == "dobj" and o.lemma_.lower() in nouns):
        recipient = _recipient(clause.head) or _recipient(noun)
        if recipient is not None:
            return noun, recipient
    return None


def _recipient(verb: Token) -> Token | None:
    """Whom a verb gives its object to: "gave Israel permission", "gave permission to Israel"."""
    for child in verb.children:
        if child.dep_ == "dative" and child.pos_ in {"PROPN", "NOUN"}:
            return child
        if child.dep_ in {"dative", "prep"} and child.lower_ == "to":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _compound_key(noun: Token, table: dict) -> str | None:
    """The longest key of `table` the noun makes with the modifiers right before it ("air strike", then
    "strike"), or None."""
    words = [noun.lemma_.lower()]
    left = noun.i - 1
    while left >= 0 and noun.doc[left].head == noun and noun.doc[left].dep_ in {"compound", "amod"}:
        words.insert(0, noun.doc[left].lemma_.lower())
        left -= 1
    return next((key for key in (" ".join(words[k:]) for k in range(len(words))) if key in table), None)


def _instruments(verb: Token) -> list[Token]:
    """What an act was carried out with, as far as the clause says: the passive's by-phrase ("blown up by a
    missile fired by rebels": the missile), with-, in- and during-phrases ("killed in an air strike")."""
    found = []
    for child in verb.children:
        if child.dep_ == "agent" or child.dep_ == "prep" and child.lower_ in {"with", "in", "during"}:
            found += [c for c in child.children if c.dep_ == "pobj"]
    return found


def _participles(nouns: list[Token]) -> list[Token]:
    """The participles modifying the nouns among `nouns`: "the roads [leading into Donetsk]", "an attack
    [targeting tourists]"."""
    return [c for t in nouns if t.pos_ in {"NOUN", "PROPN"} for c in t.children
            if c.dep_ == "acl" and c.tag_ in {"VBG", "VBN"}]


def _participle_agents(child: Token) -> list[Token]:
    """The by-phrase of a past participle modifying a noun: "the attack [carried out by Hamas]"."""
    if child.dep_ != "acl" or child.tag_ != "VBN":
        return []
    return [c for agent in child.children if agent.dep_ == "agent"
            for c in agent.children if c.dep_ == "pobj"]


def _dates_only(prep: Token) -> bool:
    """A prepositional phrase that only says when: "on Friday", "in March"."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    # every noun of it: "met with Syrian President Assad Tuesday", parsed with "Tuesday" as the object,
    # is still a meeting with Assad
    return bool(objects) and all(t.ent_type_ in {"DATE", "TIME"} for o in objects for t in o.subtree
                                 if t.pos_ in {"NOUN", "PROPN"})


def _infinitive_of_noun(verb: Token) -> bool:
    """"a decision [to withdraw]", "an accord [to supply arms]"."""
    return verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _agent(verb: Token) -> Token | None:
    """The by-phrase of a passive; through an instrument to whoever used it ("shot down by a drone launched by
    rebels")."""
    for child in verb.children:
        if child.dep_ == "agent":
            agent = next((c for c in child.children if c.dep_ == "pobj"), None)
            if agent is None:
                return None
            # "a missile fired by rebels", "a drone thought to have been launched by rebels"
            participles = [c for c in agent.children if c.dep_ == "acl" and c.tag_ == "VBN"]
            participles += [x for c in participles for x in c.children if x.dep_ == "xcomp"]
            return next((user for c in participles if (user := _agent(c)) is not None), agent)
    return None


def _event_anaphor(noun: Token) -> bool:
    """"the move", "this decision", "the launch": a definite event noun with no owner, agent or of-phrase."""
    definite = any(c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"}
                   for c in noun.children)
    # an owner, an of- or by-phrase, or a name before it ("the Russian attack") says whose it is
    own = any(c.dep_ in {"poss", "prep", "compound", "nmod"} or c.dep_ == "amod" and c.text[:1].isupper()
              for c in noun.children)
    return definite and not own and noun.lemma_.lower() in EVENT_ANAPHORS


def _attack_noun(noun: Token, lexicon: Lexicon) -> bool:
    """An explosion, a bomb or an attack, named as what did it."""
    lemma = noun.lemma_.lower()
    return lemma in ATTACK_NOUNS or any(e.code[:2] in AGENTLESS_ROOTS for e in lexicon.nouns.get(lemma, []))


def _accident(verb: Token) -> bool:
    """A passive whose cause is an accident or a disaster: "killed by the crash", "killed in the earthquake"."""
    causes = [c for p in verb.children if p.dep_ == "agent" for c in p.children if c.dep_ == "pobj"]
    causes += _prep_objects([verb], {"in", "during"})
    return any(c.lemma_.lower() in ACCIDENT_NOUNS for c in causes)


def _prep_objects(carriers: Iterable[Token], preps: set[str]) -> list[Token]:
    out = []
    for carrier in carriers:
        for child in carrier.children:
            if child.dep_ in {"prep", "dative"} and child.lemma_.lower() in preps:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                # "outside of Basra", "inside of Syria": the object hangs on "of"
                objects = objects or [o for c in child.children if c.dep_ == "prep" and c.lower_ == "of"
                                      for o in c.children if o.dep_ == "pobj"]
                out.extend(objects)
            elif child.dep_ == "dative" and child.pos_ in {"PROPN", "NOUN"} and preps & {"to", "for"}:
                out.append(child)  # "give Tanzania a grant" is "give a grant to Tanzania"
    return out


def _date_text(trigger: Token) -> str | None:
    """The text of a DATE entity that modifies the trigger: "on Monday", "last week", "the 1994 genocide".
    Dates inside its objects and purpose phrases are not the event's ("condemned the 1994 genocide",
    "a trade protocol for 1990")."""
    stack = [c for c in trigger.children if c.dep_ in TEMPORAL_DEPS and c.lower_ not in {"for", "of"}]
    while stack:
        token = stack.pop()
        if token.ent_type_ == "DATE":
            ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
            if ent is not None:
                return ent.text
        stack.extend(c for c in token.children if c.dep_ in TEMPORAL_DEPS | {"pobj"})
    if trigger.dep_ == "conj" and trigger.head.pos_ in {"VERB", "AUX"} \
            and not any(c.dep_ == "advmod" and c.lower_ in SEQUEL_ADVERBS for c in trigger.children):
        # "killed 1,200 people on October 7 and took 240 hostages": coordinated acts share their time (not
        # "… and later recalled its envoy")
        return _date_text(trigger.head)
    return None


def _speaker(trigger: Token, resolver: ActorResolver) -> tuple[Actor, str, str] | None:
    """Who reports the event ("The Kremlin said that Ukraine had shelled …"): the actor, its code, and the
    speech verb."""
    token = trigger
    for _ in range(6):
        if token.dep_ in {"ccomp", "parataxis"} and token.head.lemma_.lower() in SPEECH_VERBS:
            speakers = _resolve_all(resolver, _subject(token.head))
            return (*speakers[0], token.head.lemma_.lower()) if speakers else None
        if token.head == token:
            return None
        if token.dep_ not in {"xcomp", "conj", "ccomp"}:
            return None
        token = token.head
    return None


def _same_government(a: str | None, b: str | None) -> bool:
    """China and its foreign minister (CHN, CHNGOV) are one side: no event between them."""
    strip = lambda code: code[:-3] if code and code.endswith("GOV") else code  # noqa: E731
    return bool(a and b) and strip(a) == strip(b)


def _historical(event: Event, published: dt.date | None) -> bool:
    """A date in the text more than a year before publication marks a historical reference, not a new
    event ("the 1994 genocide", "the 2014 annexation")."""
    if not (event.date_from_text and published and event.date):
        return False
    return int(event.date[:4]) < published.year - 1
