"""The HTML view in a real headless browser: offline, faithful to the graph, filterable, and inert
with hostile article text."""

import json

import kgraph
from browser import open_page
from kgraph.view import graph_data
from rdflib import Graph


def test_bundled_graph_opens_offline_and_draws_the_graph(built, tmp_path):
    g = Graph().parse(built.outputs["turtle"])
    actors, edges = graph_data(g)
    with open_page(built.outputs["html"].resolve().as_uri()) as (page, external, errors):
        assert external == [] and errors == []
        nodes, drawn_edges = page.evaluate("[kgraph.nodeView.length, kgraph.edgeView.length]")
        assert drawn_edges == len(edges)
        assert nodes == len({e.source for e in edges} | {e.target for e in edges})
        labels = page.evaluate("kgraph.nodeView.get().map(n => n.label)")
        assert "United States" in labels and "Russia" in labels
        page.screenshot(path=str(tmp_path / "graph.png"))


def test_filters_and_focus(built):
    g = Graph().parse(built.outputs["turtle"])
    _, edges = graph_data(g)
    conflict = sum(1 for e in edges if e.quad == 4)
    with open_page(built.outputs["html"].resolve().as_uri()) as (page, _, errors):
        page.uncheck("input[data-quad='4']")
        assert page.evaluate("kgraph.edgeView.length") == len(edges) - conflict
        assert int(page.get_attribute("#stats", "data-edges")) == len(edges) - conflict
        page.click("#reset")
        assert page.evaluate("kgraph.edgeView.length") == len(edges)
        page.fill("#search", "Russia")
        page.dispatch_event("#search", "change")
        focused = page.evaluate("kgraph.edgeView.get().every(e => e.from.endsWith('/RUS') || e.to.endsWith('/RUS'))")
        assert focused and page.evaluate("kgraph.edgeView.length") > 0
        assert errors == []


HOSTILE_TITLE = "Breaking</title><script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">"
HOSTILE_BODY = ("Egypt condemned Israel. <script>window.__pwned=3</script> \"'><img src=x onerror=window.__pwned=4> "
                "Egypt accused Israel of </script><svg onload=window.__pwned=5> violations.")


def test_hostile_article_text_never_runs(tmp_path):
    record = {"id": "evil\"><script>window.__pwned=6</script>", "title": HOSTILE_TITLE, "text": HOSTILE_BODY,
              "url": "javascript:window.__pwned=7", "date": "2023-01-01"}
    src = tmp_path / "evil.jsonl"
    src.write_text(json.dumps(record) + "\n")
    result = kgraph.build([src], tmp_path / "out")
    assert result.events >= 1
    with open_page((tmp_path / "out" / "graph.html").resolve().as_uri()) as (page, external, errors):
        edge_id = page.evaluate("kgraph.edgeView.getIds()[0]")
        page.evaluate(f"kgraph.network.emit('click', {{nodes: [], edges: ['{edge_id}']}})")
        panel_text = page.inner_text("#panel")
        assert "<script>" in panel_text  # shown as text ...
        assert page.evaluate("window.__pwned") is None  # ... never run
        assert page.evaluate("document.querySelectorAll('img, svg[onload], a[href^=javascript]').length") == 0
        assert external == [] and errors == []
