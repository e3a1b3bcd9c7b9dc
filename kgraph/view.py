"""View: the RDF graph → an interactive HTML page (pyvis data model, networkx analytics and layout).

The page is self-contained: vis-network's script and style (shipped inside the pyvis package) are
inlined, so it opens from disk with no network. pyvis's own templates fetch CSS and JavaScript from
CDNs, so kgraph renders pyvis's nodes, edges and options through its own template
(kgraph/templates/graph.html.j2). Everything that comes from an article travels as JSON data inside a
<script type="application/json"> element and reaches the page through textContent, never as markup.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import networkx as nx
from jinja2 import Environment, PackageLoader, select_autoescape
from pyvis.network import Network
from rdflib import Graph

from .graph import write_atomic
from .vocab import QUAD_LABELS

QUAD_COLOURS = {1: "#2b8cbe", 2: "#31a354", 3: "#fd8d3c", 4: "#d7301f"}
KIND_COLOURS = {
    "Country": "#6a51a3",
    "Territory": "#9e9ac8",
    "Organisation": "#1f78b4",
    "ArmedGroup": "#b2182b",
    "Person": "#e7a400",
    "Group": "#4d9221",
    "Actor": "#777777",
}
# Above this many actors the layout is computed in Python and physics stays off: measured in headless
# Chromium, vis-network's physics needs ~45 s to settle 1,000 nodes and never settles 10,000.
PHYSICS_MAX_NODES = 150
# What a browser page draws comfortably; beyond it the most active actors are shown, with a note.
MAX_NODES = 2_000

EVENTS_QUERY = """
SELECT ?event ?source ?target ?quad ?plover ?cameo ?verb ?date ?negated ?mode ?sentence ?title ?url ?docdate
WHERE {
  ?event a kg:Event ; kg:source ?source ; kg:target ?target ; kg:quadClass ?quad ; kg:cameoCode ?cameo ;
         kg:verb ?verb ; kg:negated ?negated ; kg:mode ?mode ; kg:evidence ?ev .
  OPTIONAL { ?event kg:ploverCategory ?plover }
  OPTIONAL { ?event kg:date ?date }
  ?ev kg:sentence ?sentence ; prov:wasDerivedFrom ?doc .
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc schema:url ?url }
  OPTIONAL { ?doc dcterms:date ?docdate }
}
"""
ACTORS_QUERY = """
SELECT ?actor ?label ?kind ?cameo ?wikidata WHERE {
  ?actor rdfs:label ?label ; a ?cls .
  FILTER(STRSTARTS(STR(?cls), STR(kg:)))
  BIND(STRAFTER(STR(?cls), "#") AS ?kind)
  OPTIONAL { ?actor kg:cameoCode ?cameo }
  OPTIONAL { ?actor owl:sameAs ?wikidata }
}
"""


@dataclass
class EdgeGroup:
    source: str
    target: str
    category: str
    quad: int
    events: set[str] = field(default_factory=set)
    evidence: list[dict] = field(default_factory=list)


def graph_data(graph: Graph) -> tuple[dict[str, dict], list[EdgeGroup]]:
    """Actors and edges aggregated per (source, target, relation category) from an RDF graph."""
    from .sparql import run_query, store_from_graph

    store = store_from_graph(graph)
    actors: dict[str, dict] = {}
    kind_order = list(KIND_COLOURS)
    for row in _rows(run_query(store, ACTORS_QUERY)):
        kind = row["kind"]
        if kind not in KIND_COLOURS:
            continue
        known = actors.get(row["actor"])
        if known and kind_order.index(known["kind"]) <= kind_order.index(kind):
            continue
        actors[row["actor"]] = {"label": row["label"], "kind": kind, "cameo": row["cameo"] or "",
                                "wikidata": row["wikidata"] or ""}
    groups: dict[tuple[str, str, str], EdgeGroup] = {}
    for row in _rows(run_query(store, EVENTS_QUERY)):
        category = row["plover"] or f"CAMEO {row['cameo'][:2]}"
        key = (row["source"], row["target"], category)
        group = groups.get(key)
        if group is None:
            group = groups[key] = EdgeGroup(key[0], key[1], category, int(row["quad"]))
        group.events.add(row["event"])
        group.evidence.append({
            "sentence": row["sentence"],
            "date": row["date"] or "",
            "verb": row["verb"],
            "cameo": row["cameo"],
            "negated": row["negated"] == "true",
            "mode": row["mode"].rsplit("#", 1)[-1].lower(),
            "title": row["title"] or "",
            "url": row["url"] or "",
            "docdate": row["docdate"] or "",
        })
    return actors, list(groups.values())


def _rows(result) -> list[dict]:
    return [dict(zip(result.variables, row)) for row in result.rows]


def build_network(actors: dict[str, dict], edges: list[EdgeGroup], max_nodes: int = MAX_NODES) -> tuple[Network, dict]:
    """A pyvis Network (with Python-computed layout when large) and the page's side data."""
    g = nx.DiGraph()
    for e in edges:
        w = g.get_edge_data(e.source, e.target, {}).get("weight", 0)
        g.add_edge(e.source, e.target, weight=w + len(e.events))
    activity = {n: sum(d["weight"] for *_, d in g.in_edges(n, data=True)) +
                sum(d["weight"] for *_, d in g.out_edges(n, data=True)) for n in g.nodes}
    kept = sorted(g.nodes, key=lambda n: (-activity[n], n))[:max_nodes]
    left_out = len(g.nodes) - len(kept)
    keep = set(kept)
    sub = g.subgraph(kept)
    physics = len(kept) <= PHYSICS_MAX_NODES
    positions = {} if physics else nx.spring_layout(sub.to_undirected(), seed=7, k=2 / math.sqrt(max(len(sub), 1)),
                                                    iterations=50 if len(sub) < 3000 else 20)
    scale = 60 * math.sqrt(max(len(sub), 1))
    net = Network(height="100%", width="100%", directed=True, cdn_resources="local")
    for n in kept:
        info = actors.get(n, {"label": n.rsplit("/", 1)[-1], "kind": "Actor", "cameo": "", "wikidata": ""})
        size = 10 + 8 * math.log2(1 + activity.get(n, 0))
        extra = {"x": float(positions[n][0] * scale), "y": float(positions[n][1] * scale)} if positions else {}
        net.add_node(n, label=info["label"], color=KIND_COLOURS[info["kind"]], size=min(size, 60),
                     kind=info["kind"], cameo=info["cameo"], wikidata=info["wikidata"],
                     activity=activity.get(n, 0), shape="dot", **extra)
    panel_edges = []
    for i, e in enumerate(sorted(edges, key=lambda e: (e.source, e.target, e.category))):
        if e.source not in keep or e.target not in keep:
            continue
        count = len(e.events)
        dates = sorted(x["date"] for x in e.evidence if x["date"])
        net.add_edge(e.source, e.target, id=f"e{i}", value=count, width=1 + 2 * math.log2(1 + count),
                     color=QUAD_COLOURS[e.quad], arrows="to", category=e.category, quad=e.quad, count=count,
                     first=dates[0] if dates else "", last=dates[-1] if dates else "")
        panel_edges.append({"id": f"e{i}", "evidence": e.evidence})
    net.toggle_physics(physics)
    side = {
        "evidence": {p["id"]: p["evidence"] for p in panel_edges},
        "quads": {str(k): {"label": QUAD_LABELS[k], "colour": c} for k, c in QUAD_COLOURS.items()},
        "kinds": KIND_COLOURS,
        "leftOut": left_out,
        "physics": physics,
    }
    return net, side


def _script_json(value: object) -> str:
    """JSON safe inside a <script> element: no '<', '>', '&' or line separators can end or break it."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def _vis_assets() -> tuple[str, str]:
    lib = resources.files("pyvis") / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(encoding="utf-8")


def render_html(graph: Graph, title: str = "kgraph", max_nodes: int = MAX_NODES) -> str:
    actors, edges = graph_data(graph)
    net, side = build_network(actors, edges, max_nodes=max_nodes)
    nodes, vis_edges, _heading, _h, _w, options = net.get_network_data()
    options = json.loads(options)
    options.setdefault("interaction", {}).update({"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": len(nodes) > 500})
    options["physics"] = {
        "enabled": side["physics"],
        "solver": "forceAtlas2Based",
        "stabilization": {"enabled": True, "iterations": 400, "fit": True},
    }
    options["edges"] = {"smooth": {"enabled": len(vis_edges) < 2000, "type": "dynamic"}, "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}}
    options["nodes"] = {"font": {"size": 14}}
    env = Environment(loader=PackageLoader("kgraph", "templates"), autoescape=select_autoescape(["html", "j2"]))
    vis_js, vis_css = _vis_assets()
    data = {"nodes": nodes, "edges": vis_edges, "options": options, **side}
    return env.get_template("graph.html.j2").render(
        title=title, data_json=_script_json(data), vis_js=vis_js, vis_css=vis_css,
        node_count=len(nodes), edge_count=len(vis_edges),
    )


def write_html(graph: Graph, path: str | Path, title: str = "kgraph", max_nodes: int = MAX_NODES) -> None:
    write_atomic(path, render_html(graph, title=title, max_nodes=max_nodes).encode("utf-8"))
