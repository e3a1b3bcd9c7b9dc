"""Stats: a graph summarised for reading rather than browsing, computed with networkx.

What `kgraph stats` reports, from the event nodes of a graph (read with SPARQL on Oxigraph's engine):

- the most active actors: events in which each actor is the source or the target;
- the most central actors in the network of who deals with whom: distinct partners (degree),
  betweenness (how often an actor lies on the shortest paths between others) and eigenvector
  centrality (ties to actors that are themselves well tied), all pure-Python networkx functions;
- communities (Louvain) of the cooperation network (quad classes 1–2) and of the conflict network
  (quad classes 3–4), each with its members and the cooperative and conflictual events among them;
- the busiest pairs of actors with their counts of cooperative and conflictual events and mean Goldstein;
- the dates the events cover.

Every event counts for activity and centrality: a denied or hypothetical event is still news about who
deals with whom. Only events that happened as stated (not negated, not hypothetical or denied, the events
that get a direct edge in the graph) count as cooperation or conflict.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from urllib.parse import unquote

from .graph import FACTUAL_MODES
from .vocab import QUAD_LABELS

# Exact betweenness costs one search per actor, each O(actors + pairs); above this budget of steps it is
# estimated from a sample of source actors (at least 100). 3,000 actors in 20,000 events: 500 sources took
# 15 s, the budget's ~110 take 3 s; the six most central came out in the same order, close ones further
# down can swap.
BETWEENNESS_BUDGET = 2_000_000
SEED = 7

EVENTS_QUERY = """
SELECT ?event ?source ?target ?quad ?goldstein ?date ?negated ?mode WHERE {
  ?event a kg:Event ; kg:source ?source ; kg:target ?target ; kg:quadClass ?quad .
  OPTIONAL { ?event kg:goldstein ?goldstein }
  OPTIONAL { ?event kg:date ?date }
  OPTIONAL { ?event kg:negated ?negated }
  OPTIONAL { ?event kg:mode ?mode }
}
"""
LABELS_QUERY = "SELECT ?actor ?label WHERE { ?actor rdfs:label ?label }"  # any base IRI (build --base)
DOCUMENTS_QUERY = "SELECT (COUNT(DISTINCT ?doc) AS ?n) WHERE { ?doc a kg:Document }"


def stats(graph, top: int | None = 10) -> dict:
    """A summary of `graph` (an rdflib Graph or a pyoxigraph Store) as plain data (JSON-ready).

    `top` bounds each list (actors, central actors, pairs, communities of each kind; None: all of them),
    busiest first; a community always lists all its members.
    """
    import networkx as nx

    from .sparql import run_query, store_from_graph

    store = graph if _is_store(graph) else store_from_graph(graph)
    labels = {iri: label for iri, label in run_query(store, LABELS_QUERY).rows}
    events = _events(run_query(store, EVENTS_QUERY))
    documents = int(run_query(store, DOCUMENTS_QUERY).rows[0][0] or 0)

    def actor(iri: str) -> dict:
        return {"id": _local(iri), "label": labels.get(iri) or _local(iri), "iri": iri}

    as_source: Counter[str] = Counter(e["source"] for e in events)
    as_target: Counter[str] = Counter(e["target"] for e in events)
    activity: Counter[str] = Counter()
    for e in events:
        activity.update({e["source"], e["target"]})  # an actor acting on itself counts once per event
    ranked = sorted(activity, key=lambda a: (-activity[a], labels.get(a, a)))

    network = nx.Graph()
    network.add_nodes_from(activity)
    for e in events:
        if e["source"] != e["target"]:
            _add_weight(network, e["source"], e["target"])
    central = _centrality(network)

    pairs = _pairs(events)
    cooperation = _communities(events, (1, 2), activity)
    conflict = _communities(events, (3, 4), activity)

    dates = sorted(e["date"] for e in events if e["date"])
    by_quad = Counter(e["quad"] for e in events if e["factual"])
    cut = (lambda items: items) if top is None else (lambda items: items[:top])
    eigenvector = central["eigenvector"]
    by_centrality = sorted(network, key=lambda a: (-central["betweenness"][a], -network.degree(a), -activity[a],
                                                   labels.get(a, a)))
    return {
        "totals": {
            "events": len(events),
            "actors": len(activity),
            "documents": documents,
            "pairs": len(pairs),
            "cooperation": by_quad[1] + by_quad[2],
            "conflict": by_quad[3] + by_quad[4],
            "not_as_stated": sum(1 for e in events if not e["factual"]),
            "by_quad_class": {QUAD_LABELS[q]: by_quad[q] for q in sorted(QUAD_LABELS)},
            "mean_goldstein": _mean(e["goldstein"] for e in events if e["factual"]),
        },
        "dates": {"first": dates[0] if dates else None, "last": dates[-1] if dates else None,
                  "undated": len(events) - len(dates)},
        "most_active": cut([{**actor(a), "events": activity[a], "as_source": as_source[a],
                             "as_target": as_target[a]} for a in ranked]),
        "most_central": cut([{**actor(a), "partners": network.degree(a),
                              "degree": round(central["degree"][a], 4),
                              "betweenness": round(central["betweenness"][a], 4),
                              "eigenvector": None if eigenvector is None else round(eigenvector[a], 4)}
                             for a in by_centrality]),
        "betweenness_sampled": central["sampled"],
        "busiest_pairs": cut([{"a": actor(a), "b": actor(b), **counts} for (a, b), counts in pairs]),
        "communities": {
            "cooperation": cut([{**c, "members": [actor(m) for m in c["members"]]} for c in cooperation]),
            "conflict": cut([{**c, "members": [actor(m) for m in c["members"]]} for c in conflict]),
        },
    }


def _is_store(graph) -> bool:
    import pyoxigraph as ox

    return isinstance(graph, ox.Store)


def _events(result) -> list[dict]:
    seen: dict[str, dict] = {}
    for row in result.rows:
        r = dict(zip(result.variables, row))
        if r["event"] in seen:  # a malformed graph may repeat a property; one event is one event
            continue
        mode = (r["mode"] or "").rsplit("#", 1)[-1].lower() or "asserted"
        negated = r["negated"] == "true"
        seen[r["event"]] = {
            "source": r["source"], "target": r["target"], "quad": int(r["quad"]),
            "goldstein": float(r["goldstein"]) if r["goldstein"] is not None else None,
            "date": r["date"] or "", "factual": not negated and mode in FACTUAL_MODES,
        }
    # in IRI order: Louvain's result depends on the order nodes and edges are added, and the store's does not
    return [seen[iri] for iri in sorted(seen)]


def _local(iri: str) -> str:
    return unquote(iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1])


def _add_weight(g, a: str, b: str) -> None:
    if g.has_edge(a, b):
        g[a][b]["weight"] += 1
    else:
        g.add_edge(a, b, weight=1)


def _mean(values) -> float | None:
    values = [v for v in values if v is not None]
    return round(sum(values) / len(values), 2) if values else None


def _centrality(g) -> dict:
    """Degree, betweenness and eigenvector centrality with networkx's pure-Python functions (no scipy)."""
    import networkx as nx

    n = len(g)
    step = n + g.number_of_edges()
    sources = min(n, max(100, BETWEENNESS_BUDGET // max(step, 1)))
    sampled = sources < n
    degree = nx.degree_centrality(g) if n > 1 else dict.fromkeys(g, 0.0)
    betweenness = nx.betweenness_centrality(g, k=sources if sampled else None, seed=SEED) if n else {}
    try:
        eigenvector = nx.eigenvector_centrality(g, max_iter=1000, weight="weight") if g.number_of_edges() else None
    except nx.PowerIterationFailedConvergence:
        eigenvector = None
    return {"degree": degree, "betweenness": betweenness, "eigenvector": eigenvector, "sampled": sampled}


def _pairs(events: list[dict]) -> list[tuple[tuple[str, str], dict]]:
    """Every unordered pair of actors with its events: cooperative and conflictual (as stated), the rest
    (negated, hypothetical or denied), and the mean Goldstein of the events as stated; busiest first."""
    acc: dict[tuple[str, str], dict] = defaultdict(lambda: {"events": 0, "cooperation": 0, "conflict": 0,
                                                            "not_as_stated": 0, "goldstein": []})
    for e in events:
        pair = tuple(sorted((e["source"], e["target"])))
        p = acc[pair]
        p["events"] += 1
        if not e["factual"]:
            p["not_as_stated"] += 1
            continue
        p["cooperation" if e["quad"] <= 2 else "conflict"] += 1
        p["goldstein"].append(e["goldstein"])
    out = []
    for pair, p in acc.items():
        out.append((pair, {"events": p["events"], "cooperation": p["cooperation"], "conflict": p["conflict"],
                           "not_as_stated": p["not_as_stated"], "mean_goldstein": _mean(p.pop("goldstein"))}))
    return sorted(out, key=lambda item: (-item[1]["events"], item[0]))


def _communities(events: list[dict], quads: tuple[int, ...], activity: Counter) -> list[dict]:
    """Louvain communities of the network of events as stated in `quads`, with two or more members;
    for each, the cooperative and conflictual events among its members (of any quad class)."""
    import networkx as nx
    from networkx.algorithms.community import louvain_communities

    g = nx.Graph()
    for e in events:
        if e["factual"] and e["quad"] in quads and e["source"] != e["target"]:
            _add_weight(g, e["source"], e["target"])
    if not g.number_of_edges():
        return []
    communities = [c for c in louvain_communities(g, weight="weight", seed=SEED) if len(c) >= 2]
    community_of = {a: i for i, members in enumerate(communities) for a in members}
    within: dict[int, list[dict]] = defaultdict(list)
    for e in events:
        i = community_of.get(e["source"])
        if e["factual"] and i is not None and community_of.get(e["target"]) == i:
            within[i].append(e)
    found = []
    for i, members in enumerate(communities):
        inside = within[i]
        coop = sum(1 for e in inside if e["quad"] <= 2)
        found.append({
            "members": sorted(members, key=lambda a: (-activity[a], a)),
            "events": len(inside),
            "cooperation": coop,
            "conflict": len(inside) - coop,
            "mean_goldstein": _mean(e["goldstein"] for e in inside),
        })
    return sorted(found, key=lambda c: (-c["events"], -len(c["members"]), c["members"]))


def format_stats(summary: dict, fmt: str = "table") -> str:
    """The summary as text tables for people (`table`) or as JSON (`json`)."""
    if fmt == "json":
        return json.dumps(summary, ensure_ascii=False, indent=1)
    if fmt != "table":
        raise ValueError(f"unknown output format {fmt!r} (table, json)")
    t, d = summary["totals"], summary["dates"]
    span = f"{d['first']} to {d['last']}" if d["first"] else "no dates"
    out = [f"{t['events']} events between {t['actors']} actors in {t['documents']} documents, {span}"
           + (f" ({d['undated']} undated)" if d["undated"] else ""),
           f"as stated: {t['cooperation']} cooperation, {t['conflict']} conflict, mean Goldstein "
           f"{_num(t['mean_goldstein'])}; not as stated (negated, hypothetical, denied): {t['not_as_stated']}", ""]
    out += _section("Events by quad class", ["quad class", "events"], list(t["by_quad_class"].items()))
    out += _section("Most active actors", ["actor", "id", "events", "as source", "as target"],
                    [(a["label"], a["id"], a["events"], a["as_source"], a["as_target"])
                     for a in summary["most_active"]])
    sampled = " (betweenness estimated from sampled actors)" if summary["betweenness_sampled"] else ""
    out += _section("Most central actors" + sampled, ["actor", "partners", "betweenness", "eigenvector"],
                    [(a["label"], a["partners"], f"{a['betweenness']:.3f}",
                      "" if a["eigenvector"] is None else f"{a['eigenvector']:.3f}")
                     for a in summary["most_central"]])
    out += _section("Busiest pairs",
                    ["actor", "actor", "events", "cooperation", "conflict", "not as stated", "mean Goldstein"],
                    [(p["a"]["label"], p["b"]["label"], p["events"], p["cooperation"], p["conflict"],
                      p["not_as_stated"], _num(p["mean_goldstein"])) for p in summary["busiest_pairs"]])
    for key, heading in (("cooperation", "Communities that cooperate (cooperation network, quad classes 1-2)"),
                         ("conflict", "Communities that clash (conflict network, quad classes 3-4)")):
        rows = [(i, c["events"], c["cooperation"], c["conflict"], _num(c["mean_goldstein"]),
                 _members(c["members"]))
                for i, c in enumerate(summary["communities"][key], 1)]
        out += _section(heading, ["#", "events", "cooperation", "conflict", "mean Goldstein", "members"], rows)
    return "\n".join(out).rstrip()


def _members(members: list[dict], shown: int = 12) -> str:
    text = ", ".join(m["label"] for m in members[:shown])
    return text + (f" and {len(members) - shown} more" if len(members) > shown else "")


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:+.2f}"


def _numeric(value) -> bool:
    return isinstance(value, (int, float)) or value == "" or str(value).lstrip("+-").replace(".", "", 1).isdigit()


def _section(title: str, header: list[str], rows: list[tuple]) -> list[str]:
    lines = [title, "-" * len(title)]
    if not rows:
        return lines + ["(none)", ""]
    cells = [[str(v) for v in row] for row in rows]
    numeric = [all(_numeric(row[i]) for row in rows) for i in range(len(header))]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]

    def line(values: list[str]) -> str:
        return "  ".join(v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric)).rstrip()

    lines += [line(header), line(["-" * w for w in widths])] + [line(r) for r in cells]
    return lines + [""]
