"""How big a graph the HTML view handles: synthetic graphs of several sizes, built through kgraph's own
API (model objects → GraphWriter → kgraph.view.write_html) and opened in headless Chromium.

    python bench/view_bench.py                          # 100/50, 1000/300, 5000/1000, 20000/3000
    python bench/view_bench.py --sizes 5000:1000 --keep out/bench

For each size (events:actors) it measures, side by side:

  render    Python time of kgraph.view.write_html on the graph in memory, as `kgraph build` draws it
  view      Python time of `kgraph view graph.nt` (kgraph.view(): the file straight into Oxigraph, then the page)
  open      page load until the graph is laid out and drawn (window.kgraph.isSettled(), then two frames)
  filter    a click on a quad-class checkbox until the stats line changes and the next frame is drawn
  frame     the time vis-network takes to draw one frame of the whole graph (a click, a hover, a filter)
  pan/zoom  one frame while the view moves: big pages hide their edges then (hideEdgesOnDrag/OnZoom)
  drawn     actors drawn / actors in the graph (above kgraph.view.MAX_NODES the least active are left out)

A script, not a test: pytest collects only tests/. Uses Debian's chromium through Playwright, as the tests do.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import kgraph  # noqa: E402
from kgraph.graph import GraphWriter, new_graph, save_graph  # noqa: E402
from kgraph.lexicon import Lexicon  # noqa: E402
from kgraph.model import Actor, Document, Event, Evidence  # noqa: E402
from kgraph.view import MAX_NODES, write_html  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
DEFAULT_SIZES = "100:50,1000:300,5000:1000,20000:3000"
# (CAMEO code, verb-level relation, verb, weight): cooperation and conflict in about the news's proportions
CODES = [("040", "consult", "met", 5), ("042", "makeVisit", "visited", 2), ("051", "praise", "praised", 2),
         ("057", "signAgreement", "signed an agreement with", 1), ("070", "provideAid", "sent aid to", 1),
         ("111", "criticize", "criticised", 3), ("112", "accuse", "accused", 2), ("130", "threaten", "threatened", 2),
         ("173", "arrest", "arrested members of", 1), ("190", "attack", "attacked", 2)]
KINDS = ["country"] * 5 + ["person"] * 3 + ["organisation", "armed_group", "group"]
EVENTS_PER_DOCUMENT = 8


def synthesise(n_events: int, n_actors: int, seed: int = 7):
    """An rdflib Graph of `n_events` distinct events between `n_actors` actors (every one of them in at
    least one event), written by kgraph's GraphWriter. Activity is heavy-tailed as in the news: a few
    actors take part in many events, most in a few."""
    rng = random.Random(seed)
    lexicon = Lexicon.load()
    actors = [Actor(id=f"Actor_{i:05d}", label=f"Actor {i}", kind=rng.choice(KINDS), cameo=f"A{i:05d}")
              for i in range(n_actors)]
    weights = [1 / (rank + 1) ** 0.9 for rank in range(n_actors)]
    codes, code_weights = CODES, [c[3] for c in CODES]
    start = dt.date(2015, 1, 1)
    seen: set[tuple] = set()
    plan: list[tuple[Actor, Actor, tuple, str]] = []
    while len(plan) < n_events:
        if len(plan) < n_actors:  # everyone once
            source = actors[len(plan)]
            target = rng.choices(actors, weights)[0]
        else:
            source, target = rng.choices(actors, weights, k=2)
        if source is target:
            continue
        code = rng.choices(codes, code_weights)[0]
        date = (start + dt.timedelta(days=rng.randrange(3650))).isoformat()
        key = (source.id, target.id, code[0], date)
        if key in seen:
            continue
        seen.add(key)
        plan.append((source, target, code, date))

    graph = new_graph()
    writer = GraphWriter(graph, lexicon)
    for d in range(0, n_events, EVENTS_PER_DOCUMENT):
        chunk = plan[d:d + EVENTS_PER_DOCUMENT]
        sentences, events, offset = [], [], 0
        for i, (source, target, (code, relation, verb, _), date) in enumerate(chunk):
            sentence = f"{source.label} {verb} {target.label} on {date}."
            negated = rng.random() < 0.03
            mode = "hypothetical" if rng.random() < 0.03 else "asserted"
            events.append(Event(
                doc_id=f"doc-{d // EVENTS_PER_DOCUMENT}", sentence_index=i, source=source, target=target,
                source_code=source.cameo, target_code=target.cameo, verb=verb.split()[0], relation=relation,
                event_type=lexicon.types[code], negated=negated, mode=mode, date=date, date_from_text=True,
                evidence=Evidence(sentence, offset, offset + len(sentence)), confidence=0.9, extractor="synthetic"))
            sentences.append(sentence)
            offset += len(sentence) + 1
        last = max(e.date for e in events)
        writer.add_document(Document(id=f"doc-{d // EVENTS_PER_DOCUMENT}", text=" ".join(sentences),
                                     title=f"Synthetic article {d // EVENTS_PER_DOCUMENT}",
                                     date=dt.date.fromisoformat(last),
                                     url=f"https://example.org/news/{d // EVENTS_PER_DOCUMENT}"), events)
    writer.finish()
    return graph


# One frame of the whole graph; with `dragging` the frame vis draws while the view pans or zooms, without the
# edges when the page sets hideEdgesOnDrag/hideEdgesOnZoom (vis-network's renderer.dragging flag).
FRAME_JS = """(dragging) => new Promise(resolve => {
  const net = kgraph.network; let t0 = 0;
  const before = () => { t0 = performance.now(); };
  const after = () => {
    net.off('beforeDrawing', before); net.off('afterDrawing', after); net.renderer.dragging = false;
    resolve(performance.now() - t0);
  };
  net.on('beforeDrawing', before); net.on('afterDrawing', after);
  net.renderer.dragging = dragging;
  net.redraw();
})"""
TWO_FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))"


def measure_page(browser, html: Path, timeout_s: float) -> dict:
    page = browser.new_page(viewport={"width": 1400, "height": 850}, bypass_csp=True)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        t0 = time.perf_counter()
        page.goto(html.resolve().as_uri(), timeout=timeout_s * 1000)
        page.wait_for_function("window.kgraph && window.kgraph.isSettled()", timeout=timeout_s * 1000, polling=50)
        page.evaluate(TWO_FRAMES)
        opened = time.perf_counter() - t0
        frame = min(page.evaluate(FRAME_JS, False) for _ in range(3)) / 1000
        moving = min(page.evaluate(FRAME_JS, True) for _ in range(3)) / 1000
        drawn = page.evaluate("kgraph.nodeView.length")
        before = page.text_content("#stats")
        t0 = time.perf_counter()
        page.uncheck("input[data-quad='3']")
        page.wait_for_function("(old) => document.getElementById('stats').textContent !== old", arg=before,
                               timeout=timeout_s * 1000, polling="raf")
        page.evaluate(TWO_FRAMES)
        filtered = time.perf_counter() - t0
        return {"open": opened, "filter": filtered, "frame": frame, "moving": moving, "drawn": drawn, "errors": errors}
    except Exception as err:  # a timeout is a result too
        return {"open": None, "filter": None, "frame": None, "moving": None, "drawn": None,
                "errors": errors + [str(err).splitlines()[0]]}
    finally:
        page.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help=f"events:actors,… (default {DEFAULT_SIZES})")
    parser.add_argument("--max-nodes", type=int, default=MAX_NODES, help="kgraph.view's cap on drawn actors")
    parser.add_argument("--keep", type=Path, help="keep the pages here (default: a temporary directory)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds before a page counts as failed")
    parser.add_argument("--no-browser", action="store_true", help="only the Python side")
    args = parser.parse_args()
    sizes = [tuple(int(x) for x in s.split(":")) for s in args.sizes.split(",")]
    out = args.keep or Path(tempfile.mkdtemp(prefix="kgraph-bench-"))
    out.mkdir(parents=True, exist_ok=True)

    rows = []
    for n_events, n_actors in sizes:
        t0 = time.perf_counter()
        graph = synthesise(n_events, n_actors)
        built = time.perf_counter() - t0
        html = out / f"view-{n_events}-{n_actors}.html"
        t0 = time.perf_counter()
        write_html(graph, html, title=f"bench {n_events} events", max_nodes=args.max_nodes)
        rendered = time.perf_counter() - t0
        nt = out / f"graph-{n_events}-{n_actors}.nt"
        save_graph(graph, nt)
        t0 = time.perf_counter()
        kgraph.view(nt, out / f"view-{n_events}-{n_actors}-cli.html", title=f"bench {n_events} events")
        viewed = time.perf_counter() - t0
        rows.append({"events": n_events, "actors": n_actors, "triples": len(graph), "synth": built,
                     "render": rendered, "view": viewed, "html": html, "mb": html.stat().st_size / 1e6})
        print(f"  {n_events} events / {n_actors} actors: synthesised in {built:.1f} s, rendered in {rendered:.1f} s, "
              f"kgraph view in {viewed:.1f} s", file=sys.stderr)

    if not args.no_browser:
        from playwright.sync_api import sync_playwright

        chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
        if chromium is None:
            sys.exit("no Chromium found: install Debian's chromium")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=ARGS)
            try:
                for row in rows:
                    row.update(measure_page(browser, row["html"], args.timeout))
            finally:
                browser.close()

    def sec(v):
        return "—" if v is None else f"{v:.2f} s"

    def ms(v):
        return "—" if v is None else f"{v * 1000:.0f} ms"

    header = ["events", "actors", "triples", "render (Python)", "kgraph view", "page MB", "open to settled",
              "filter click", "frame", "pan/zoom frame", "actors drawn"]
    table = [[f"{r['events']:,}", f"{r['actors']:,}", f"{r['triples']:,}", sec(r["render"]), sec(r["view"]),
              f"{r['mb']:.1f}",
              sec(r.get("open")), sec(r.get("filter")), ms(r.get("frame")), ms(r.get("moving")),
              "—" if r.get("drawn") is None else f"{r['drawn']:,} of {r['actors']:,}"] for r in rows]
    widths = [max(len(h), *(len(t[i]) for t in table)) for i, h in enumerate(header)]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for t in table:
        print("| " + " | ".join(v.rjust(w) for v, w in zip(t, widths)) + " |")
    for r in rows:
        for e in r.get("errors") or ():
            print(f"{r['events']}/{r['actors']}: {e}", file=sys.stderr)
    if not args.keep:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
