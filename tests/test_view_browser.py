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


def test_a_graph_above_max_nodes_shows_its_most_active_part(tmp_path):
    """5 hubs, 195 actors in two events each and 60 in one: with room for 200 actors the page draws the
    hubs and the 195 (laid out in Python, no physics) and says that 60 less active actors are left out."""
    import datetime as dt

    from kgraph.graph import GraphWriter, new_graph
    from kgraph.lexicon import Lexicon
    from kgraph.model import Actor, Document, Event, Evidence
    from kgraph.view import PHYSICS_MAX_NODES, write_html

    lexicon = Lexicon.load()
    hubs = [Actor(id=f"Hub_{i}", label=f"Hub {i}", kind="country") for i in range(5)]
    regular = [Actor(id=f"Regular_{i:03d}", label=f"Regular {i}", kind="person") for i in range(195)]
    minor = [Actor(id=f"Minor_{i:02d}", label=f"Minor {i}", kind="group") for i in range(60)]
    pairs = [(a, hubs[i % 5]) for i, a in enumerate(regular)] * 2 + [(a, hubs[i % 5]) for i, a in enumerate(minor)]
    day = dt.date(2020, 1, 1)
    events = [Event(doc_id="d", sentence_index=n, source=a, target=h, source_code="", target_code="", verb="criticize",
                    relation="criticize", event_type=lexicon.types["111"], negated=False, mode="asserted",
                    date=(day + dt.timedelta(days=n)).isoformat(), date_from_text=False,
                    evidence=Evidence(f"{a.label} criticised {h.label}.", n, n + 1), confidence=0.9, extractor="test")
              for n, (a, h) in enumerate(pairs)]
    graph = new_graph()
    writer = GraphWriter(graph, lexicon)
    writer.add_document(Document(id="d", text="x" * 1000, date=day), events)
    writer.finish()
    page_path = tmp_path / "big.html"
    write_html(graph, page_path, max_nodes=200)
    assert 200 > PHYSICS_MAX_NODES  # so this page is laid out in Python, as big graphs are
    with open_page(page_path.resolve().as_uri()) as (page, external, errors):
        assert external == [] and errors == []
        labels = set(page.evaluate("kgraph.nodeView.get().map(n => n.label)"))
        assert labels == {a.label for a in hubs + regular}
        assert page.evaluate("kgraph.nodes.get().every(n => Number.isFinite(n.x) && Number.isFinite(n.y))")
        note = page.text_content("#note")
        assert note == "Showing the 200 most active actors; 60 less active actors are left out."
        assert page.get_attribute("#stats", "data-nodes") == "200"
        assert "Minor" not in page.text_content("#kg-data")  # what is left out is not in the page at all
        page.uncheck("input[data-quad='3']")  # every event here is verbal conflict
        assert page.evaluate("[kgraph.nodeView.length, kgraph.edgeView.length]") == [0, 0]
        page.click("#reset")
        assert page.evaluate("kgraph.nodeView.length") == 200
        assert errors == []
