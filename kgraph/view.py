"""View: the RDF graph → an interactive HTML page (pyvis data model, networkx analytics, and for big
graphs a layout computed here, so that the page opens laid out: see `layout`).

The page is self-contained: vis-network's script and style (shipped inside the pyvis package) are
inlined, so it opens from disk with no network. pyvis's own templates fetch CSS and JavaScript from
CDNs, so kgraph renders pyvis's nodes, edges and options through its own template
(kgraph/templates/graph.html.j2). Everything that comes from an article travels as JSON data inside a
<script type="application/json"> element and reaches the page through textContent, never as markup.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from .graph import write_atomic
from .vocab import QUAD_LABELS

if TYPE_CHECKING:  # networkx, numpy, pyvis and jinja2 load when a page is drawn, not with the package
    import networkx as nx
    import pyoxigraph as ox
    from pyvis.network import Network
    from rdflib import Graph

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
# (bench/view_bench.py measures it: README.md, "How big a graph the view handles".)
MAX_NODES = 2_000
# The layout's ideal distance between two related actors, in the page's pixels at zoom 1.
EDGE_LENGTH = 120.0

# Every required pattern before the OPTIONALs: a required pattern after an OPTIONAL makes Oxigraph join
# the optional's result with it, which took 15 s for 1,000 events (0.15 s in this order).
EVENTS_QUERY = """
SELECT ?event ?source ?target ?quad ?plover ?cameo ?verb ?date ?negated ?mode ?sentence ?title ?url ?docdate
WHERE {
  ?event a kg:Event ; kg:source ?source ; kg:target ?target ; kg:quadClass ?quad ; kg:cameoCode ?cameo ;
         kg:verb ?verb ; kg:negated ?negated ; kg:mode ?mode ; kg:evidence ?ev .
  ?ev kg:sentence ?sentence ; prov:wasDerivedFrom ?doc .
  OPTIONAL { ?event kg:ploverCategory ?plover }
  OPTIONAL { ?event kg:date ?date }
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


def graph_data(graph: Graph | ox.Store) -> tuple[dict[str, dict], list[EdgeGroup]]:
    """Actors and edges aggregated per (source, target, relation category) from an RDF graph (an rdflib
    Graph, or a pyoxigraph Store as it is)."""
    import pyoxigraph as ox

    from .sparql import run_query, store_from_graph

    store = graph if isinstance(graph, ox.Store) else store_from_graph(graph)
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
    for group in groups.values():  # the same page for the same graph, whatever order the store answers in
        group.evidence.sort(key=lambda x: (x["date"], x["docdate"], x["title"], x["url"], x["sentence"], x["verb"]))
    return actors, [groups[key] for key in sorted(groups)]


def _rows(result) -> list[dict]:
    return [dict(zip(result.variables, row)) for row in result.rows]


def build_network(actors: dict[str, dict], edges: list[EdgeGroup], max_nodes: int = MAX_NODES) -> tuple[Network, dict]:
    """A pyvis Network (with Python-computed layout when large) and the page's side data."""
    import networkx as nx
    from pyvis.network import Network

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
    positions = {} if physics else layout(sub.to_undirected())
    net = Network(height="100%", width="100%", directed=True, cdn_resources="local")
    for n in kept:
        info = actors.get(n, {"label": n.rsplit("/", 1)[-1], "kind": "Actor", "cameo": "", "wikidata": ""})
        size = 10 + 8 * math.log2(1 + activity.get(n, 0))
        extra = {"x": round(positions[n][0], 1), "y": round(positions[n][1], 1)} if positions else {}
        net.add_node(n, label=info["label"], color=KIND_COLOURS[info["kind"]], size=min(size, 60),
                     kind=info["kind"], cameo=info["cameo"], wikidata=info["wikidata"],
                     activity=activity.get(n, 0), shape="dot", **extra)
    panel_edges = []
    shown = [(i, e) for i, e in enumerate(sorted(edges, key=lambda e: (e.source, e.target, e.category)))
             if e.source in keep and e.target in keep]
    # Without physics edges are straight (cheap to draw), except where two actors share several: those
    # bend by different amounts so each stays visible (A → B and B → A bend to opposite sides).
    between: dict[frozenset, int] = {}
    for _, e in shown:
        between[frozenset((e.source, e.target))] = between.get(frozenset((e.source, e.target)), 0) + 1
    nth: dict[tuple, int] = {}
    vis_edges = []
    for i, e in shown:
        count = len(e.events)
        dates = sorted(x["date"] for x in e.evidence if x["date"])
        extra = {}
        if not physics and between[frozenset((e.source, e.target))] > 1:
            k = nth[(e.source, e.target)] = nth.get((e.source, e.target), 0) + 1
            extra["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": round(0.12 * k, 2)}
        # an explicit width, not vis's "value", which vis rescales on every edge at each change of the data
        vis_edges.append({"from": e.source, "to": e.target, "id": f"e{i}",
                          "width": round(min(1 + 2 * math.log2(count), 15), 2), "color": QUAD_COLOURS[e.quad], "arrows": "to",
                          "category": e.category, "quad": e.quad, "count": count,
                          "first": dates[0] if dates else "", "last": dates[-1] if dates else "", **extra})
        panel_edges.append({"id": f"e{i}", "evidence": e.evidence})
    net.edges = vis_edges  # pyvis's add_edge checks both ends in a list: O(actors) per edge
    net.toggle_physics(physics)
    side = {
        "evidence": {p["id"]: p["evidence"] for p in panel_edges},
        "quads": {str(k): {"label": QUAD_LABELS[k], "colour": c} for k, c in QUAD_COLOURS.items()},
        "kinds": KIND_COLOURS,
        "leftOut": left_out,
        "physics": physics,
    }
    return net, side


def layout(g: nx.Graph, edge_length: float = EDGE_LENGTH, iterations: int = 40, seed: int = 7) -> dict:
    """Positions of an undirected graph's nodes for a page drawn without physics, in O(nodes + edges)
    per step (networkx's spring_layout is O(nodes²) per step, and needs scipy above 500 nodes).

    Each connected component starts from PivotMDS (Brandes & Pich 2006: classical scaling of the hop
    distances to 50 pivot nodes, which gets the overall shape right at once), the components are packed
    in rows, largest first, and a few Fruchterman–Reingold steps with the grid variant of their paper
    (repulsion only from nodes within two edge lengths) spread out what scaling puts on one spot.
    """
    import numpy as np

    nodes = list(g)
    n = len(nodes)
    if n == 0:
        return {}
    index = {v: i for i, v in enumerate(nodes)}
    adjacency = [[index[u] for u in g[v] if u != v] for v in nodes]
    rng = np.random.default_rng(seed)
    k = float(edge_length)
    pos = np.zeros((n, 2))
    blocks = []
    for comp in _components(adjacency):
        if len(comp) > 3:
            p = _pivot_mds(adjacency, comp, rng)
            # hop distances crowd a small-world graph into a few hops across: scale each component so that
            # half its nodes lie within the radius of a disc holding one node per edge length squared
            # (at least half a hop: the leaves of a star all land on one spot, and their median with them)
            radius = max(np.median(np.sqrt(((p - p.mean(axis=0)) ** 2).sum(axis=1))), 0.5)
            p = p * (k * math.sqrt(len(comp) / (2 * math.pi)) / radius)
        else:
            p = np.array([[0.0, 0.0], [k, 0.0], [k / 2, k * 0.87]])[: len(comp)]
        p = p + rng.normal(scale=k / 20, size=p.shape)  # nodes scaling puts on one spot can move apart
        p -= p.min(axis=0)
        blocks.append((comp, p))
    # the largest component on top, the others in centred rows beneath it, as wide as it or a bit wider
    sizes = [(p[:, 0].max() + k, p[:, 1].max() + k) for _, p in blocks]
    rest = sum(w * h for w, h in sizes[1:])
    row_width = max(sizes[0][0], math.sqrt(rest * 1.6))
    rows: list[list[int]] = [[0]]
    used = row_width
    for b, (w, _h) in enumerate(sizes[1:], 1):
        if used + w > row_width:
            rows.append([])
            used = 0.0
        rows[-1].append(b)
        used += w
    y = 0.0
    for row in rows:
        x = (row_width - sum(sizes[b][0] for b in row)) / 2
        for b in row:
            comp, p = blocks[b]
            pos[comp] = p + (x, y)
            x += sizes[b][0]
        y += max(sizes[b][1] for b in row)
    src = np.array([i for i, near in enumerate(adjacency) for j in near if i < j], dtype=np.int64)
    dst = np.array([j for i, near in enumerate(adjacency) for j in near if i < j], dtype=np.int64)
    pos = _spread(pos, src, dst, k, iterations)
    pos -= pos.mean(axis=0)
    return {v: (float(pos[i, 0]), float(pos[i, 1])) for i, v in enumerate(nodes)}


def _components(adjacency: list[list[int]]) -> list[list[int]]:
    """Connected components (node indexes in order), largest first."""
    seen = [False] * len(adjacency)
    found = []
    for start in range(len(adjacency)):
        if seen[start]:
            continue
        seen[start] = True
        comp = [start]
        for v in comp:  # grows while it is walked: breadth first
            for u in adjacency[v]:
                if not seen[u]:
                    seen[u] = True
                    comp.append(u)
        found.append(sorted(comp))
    return sorted(found, key=lambda c: (-len(c), c[0]))


def _hops(adjacency: list[list[int]], start: int) -> dict[int, int]:
    depth = {start: 0}
    frontier = [start]
    while frontier:
        following = []
        for v in frontier:
            d = depth[v] + 1
            for u in adjacency[v]:
                if u not in depth:
                    depth[u] = d
                    following.append(u)
        frontier = following
    return depth


def _pivot_mds(adjacency: list[list[int]], comp: list[int], rng, pivots: int = 50):
    """2-D coordinates (in hops) of a connected component by PivotMDS, pivots chosen far apart."""
    import numpy as np

    local = {v: i for i, v in enumerate(comp)}
    m = min(pivots, len(comp))
    dist = np.zeros((len(comp), m))
    nearest = np.full(len(comp), np.inf)
    pivot = comp[int(rng.integers(len(comp)))]
    for j in range(m):
        for v, d in _hops(adjacency, pivot).items():
            dist[local[v], j] = d
        nearest = np.minimum(nearest, dist[:, j])
        pivot = comp[int(np.argmax(nearest))]  # the next pivot: the node farthest from all so far
    sq = dist ** 2
    c = -0.5 * (sq - sq.mean(axis=0) - sq.mean(axis=1, keepdims=True) + sq.mean())
    # the leading singular vectors of the n × m matrix, through the small m × m eigenproblem
    values, vectors = np.linalg.eigh(c.T @ c)
    top = vectors[:, np.argsort(values)[::-1][:2]]
    coords = c @ top
    if coords.shape[1] < 2:
        coords = np.column_stack([coords, np.zeros(len(comp))])
    return coords


def _spread(pos, src, dst, k: float, iterations: int, heat: float = 0.5, pull: float = 0.25):
    """Fruchterman–Reingold steps with repulsion from the nodes of the neighbouring grid cells only.

    Without the far repulsion FR's full attraction would crush the graph into a ball, so the edges pull
    with `pull` times FR's force and nodes move at most `heat` edge lengths a step, cooling: the steps
    spread what is crowded and leave the shape scaling found.
    """
    import numpy as np

    n = len(pos)
    cutoff = 2 * k
    temperature = heat * k
    for step in range(iterations):
        disp = np.zeros_like(pos)
        i, j = _near_pairs(pos, cutoff)
        d = pos[i] - pos[j]
        d2 = np.maximum((d ** 2).sum(axis=1), (k / 100) ** 2)
        near = d2 < cutoff ** 2
        i, j, d, f = i[near], j[near], d[near], (k * k / d2[near])[:, None]
        push = d * f
        for axis in (0, 1):
            disp[:, axis] += np.bincount(i, push[:, axis], n) - np.bincount(j, push[:, axis], n)
        d = pos[src] - pos[dst]
        spring = d * (pull * np.sqrt((d ** 2).sum(axis=1)) / k)[:, None]
        for axis in (0, 1):
            disp[:, axis] += np.bincount(dst, spring[:, axis], n) - np.bincount(src, spring[:, axis], n)
        length = np.maximum(np.sqrt((disp ** 2).sum(axis=1)), 1e-9)
        pos = pos + disp * (np.minimum(length, temperature) / length)[:, None]
        temperature = heat * k * (1 - (step + 1) / iterations) + k / 50
    return pos


def _near_pairs(pos, cell: float):
    """Every unordered pair of nodes in the same or adjacent grid cells of side `cell`, as two arrays."""
    import numpy as np

    n = len(pos)
    c = np.floor(pos / cell).astype(np.int64)
    c -= c.min(axis=0) - 1
    width = int(c[:, 1].max()) + 2
    key = c[:, 0] * width + c[:, 1]
    order = np.argsort(key, kind="stable")
    sorted_keys = key[order]
    pairs_i, pairs_j = [], []
    for dx, dy in ((0, 0), (0, 1), (1, -1), (1, 0), (1, 1)):  # half the neighbourhood: each pair once
        wanted = key + dx * width + dy
        lo = np.searchsorted(sorted_keys, wanted, "left")
        count = np.searchsorted(sorted_keys, wanted, "right") - lo
        total = int(count.sum())
        if not total:
            continue
        i = np.repeat(np.arange(n), count)
        j = order[np.arange(total) + np.repeat(lo - (np.cumsum(count) - count), count)]
        if dx == dy == 0:
            keep = i < j
            i, j = i[keep], j[keep]
        pairs_i.append(i)
        pairs_j.append(j)
    if not pairs_i:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(pairs_i), np.concatenate(pairs_j)


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


def render_html(graph: Graph | ox.Store, title: str = "kgraph", max_nodes: int = MAX_NODES) -> str:
    """The page of an rdflib Graph or a pyoxigraph Store, drawing at most `max_nodes` actors."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    actors, edges = graph_data(graph)
    net, side = build_network(actors, edges, max_nodes=max_nodes)
    nodes, vis_edges, _heading, _h, _w, options = net.get_network_data()
    options = json.loads(options)
    # a big graph pans and zooms with its actors only: drawing every edge takes 65 ms a frame at 5,000 edges
    big = len(nodes) > 500 or len(vis_edges) > 2000
    options.setdefault("interaction", {}).update({"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big,
                                                  "hideEdgesOnZoom": big})
    options["physics"] = {
        "enabled": side["physics"],
        "solver": "forceAtlas2Based",
        "stabilization": {"enabled": True, "iterations": 400, "fit": True},
    }
    # Positions come from Python above PHYSICS_MAX_NODES: no improved layout in the page, straight edges.
    options["layout"] = {"improvedLayout": side["physics"]}
    options["edges"] = {"smooth": {"enabled": side["physics"] and len(vis_edges) < 2000, "type": "dynamic"},
                        "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}}
    options["nodes"] = {"font": {"size": 14}}
    env = Environment(loader=PackageLoader("kgraph", "templates"), autoescape=select_autoescape(["html", "j2"]))
    vis_js, vis_css = _vis_assets()
    data = {"nodes": nodes, "edges": vis_edges, "options": options, **side}
    return env.get_template("graph.html.j2").render(
        title=title, data_json=_script_json(data), vis_js=vis_js, vis_css=vis_css,
        node_count=len(nodes), edge_count=len(vis_edges),
    )


def write_html(graph: Graph | ox.Store, path: str | Path, title: str = "kgraph", max_nodes: int = MAX_NODES) -> None:
    write_atomic(path, render_html(graph, title=title, max_nodes=max_nodes).encode("utf-8"))
