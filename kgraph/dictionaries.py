"""User actor dictionaries (`--actors FILE`).

kgraph's own format is JSON Lines as in ontology/actors/README.md. A PETRARCH actor dictionary converted
to JSON (`{"actors_by_code": {CODE: [{"names": [...], "date_restriction": "<950601"}]}, "agents": [...]}`,
the shape of ../shared/eval/petrarch_validation_actors.json) loads through a small adapter: names match
whatever their case, date restrictions become dated roles, a compound name ("compound_of": "FRO/BIL/SAM")
stands for all its members, and agent phrases join the agent list.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from .actors import Entry, entry_from_json
from .model import Actor, Role
from .resources import DataFileError, read_jsonl

NULL_CODES = {"---", "+++"}


def load_user_actors(path: Path) -> tuple[list[Entry], dict[str, str]]:
    """Actor entries and agent phrases (lower case → agent code) of a user dictionary."""
    if not path.exists():
        raise DataFileError(f"{path}: no such actor dictionary")
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
            raise DataFileError(f"{path}: not a readable JSON actor dictionary ({err})") from err
        if isinstance(data, dict) and "actors_by_code" in data:
            return petrarch_entries(data, path), petrarch_agents(data)
        raise DataFileError(f"{path}: a .json actor dictionary must be in the PETRARCH shape (actors_by_code)")
    entries = []
    for number, obj in read_jsonl(path):
        try:
            entries.append(entry_from_json(obj))
        except (KeyError, TypeError, ValueError) as err:
            raise DataFileError(f"{path}:{number}: bad actor entry ({err})") from err
    return entries, {}


def petrarch_agents(data: dict) -> dict[str, str]:
    """Agent phrase (lower case) → agent code, from a PETRARCH dictionary's "agents" list."""
    out = {}
    for item in data.get("agents", []):
        code = str(item.get("code", "")).replace("~", "")
        if item.get("phrase") and code:
            out[item["phrase"].lower()] = code[:3]
    return out


def petrarch_entries(data: dict, path: Path) -> list[Entry]:
    # name → [(code, restriction)]: one name may code differently by date (GOLLUM: HOB, HOBGOV, HOBREB).
    options: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    # a compound name stands for several actors at once ("THE SHIRE" is FRO/BIL/SAM)
    compounds: dict[str, tuple[str, ...]] = {}
    for code, groups in data["actors_by_code"].items():
        if code in NULL_CODES:
            continue
        for group in groups:
            for name in group.get("names", []):
                if group.get("compound_of"):
                    compounds[name] = tuple(group["compound_of"].split("/"))
                else:
                    options[name].append((code, group.get("date_restriction")))
    # names with the same options are one actor ("GOLLUM", "SMEAGOL" …)
    by_options: dict[tuple, list[str]] = defaultdict(list)
    for name, opts in options.items():
        by_options[tuple(sorted(opts, key=lambda o: (o[1] or "", o[0])))].append(name)
    entries, used_ids = [], set()
    for opts, names in by_options.items():
        default = next((code for code, restriction in opts if not restriction), None)
        roles = tuple(_role(code, restriction, path) for code, restriction in opts if restriction)
        base = default or opts[0][0]
        actor_id = base
        k = 2
        while actor_id in used_ids:
            actor_id, k = f"{base}_{k}", k + 1
        used_ids.add(actor_id)
        entries.append(Entry(
            actor=replace(_petrarch_actor(base, names[0].title()), id=actor_id),
            names=tuple(names), roles=roles, match_case=False, fallback=default or "",
        ))
    known = {e.actor.id for e in entries}
    for members in sorted(set(compounds.values())):
        for code in members:
            if code not in known:  # a member named only through the compound
                known.add(code)
                entries.append(Entry(actor=_petrarch_actor(code, code)))
    for name, members in compounds.items():
        entries.append(Entry(actor=Actor(id="/".join(members) + ":" + name, label=name.title(), kind="group"),
                             names=(name,), match_case=False, members=members))
    return entries


def _petrarch_actor(code: str, label: str) -> Actor:
    kind = "country" if len(code) == 3 and code.isalpha() else "group"
    return Actor(id=code, label=label, kind=kind, country=code[:3] if kind == "country" else None, cameo=code)


def _role(code: str, restriction: str, path: Path) -> Role:
    start, end = parse_restriction(restriction, path)
    return Role(country=None, agent="", title="", start=start, end=end, code=code)


def parse_restriction(text: str, path: Path) -> tuple[dt.date | None, dt.date | None]:
    """PETRARCH date restrictions: "<950601" (before), ">20130119" (after), "19950601 - 19990815"."""
    text = text.replace(" ", "")
    if m := re.fullmatch(r"(\d{6,8})-(\d{6,8})", text):
        return _petrarch_date(m.group(1), path), _petrarch_date(m.group(2), path) + dt.timedelta(days=1)
    if text.startswith("<"):
        return None, _petrarch_date(text[1:], path)
    if text.startswith(">"):
        return _petrarch_date(text[1:], path) + dt.timedelta(days=1), None
    raise DataFileError(f"{path}: unknown date restriction {text!r}")


def _petrarch_date(value: str, path: Path) -> dt.date:
    if len(value) == 6:  # YYMMDD, as TABARI wrote them
        year = int(value[:2])
        value = f"{1900 + year if year > 30 else 2000 + year}{value[2:]}"
    try:
        return dt.date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    except ValueError as err:
        raise DataFileError(f"{path}: bad date {value!r} in a date restriction") from err
