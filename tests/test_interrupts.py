"""Crashes and interruptions: a killed build never leaves a truncated output; Ctrl-C stops cleanly."""

import signal
import subprocess
import sys
import time

from rdflib import Graph
from rdflib.compare import isomorphic


def _start(*args):
    return subprocess.Popen([sys.executable, "-m", "kgraph.cli", *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_sigkill_at_any_moment_leaves_old_or_new_outputs(examples_dir, tmp_path):
    out = tmp_path / "out"
    # the old outputs: a build of a single article
    first = subprocess.run([sys.executable, "-m", "kgraph.cli", "build",
                            examples_dir / "articles" / "05-trump-kim-singapore.txt", "-o", out, "-q"],
                           capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    old_graph = Graph().parse(out / "graph.ttl")
    old_events = (out / "events.jsonl").read_text()
    full = subprocess.run([sys.executable, "-m", "kgraph.cli", "build", examples_dir, "-o", tmp_path / "full", "-q"],
                          capture_output=True, text=True)
    assert full.returncode == 0, full.stderr
    new_graph = Graph().parse(tmp_path / "full" / "graph.ttl")
    seen = set()
    for delay in (0.5, 1.5, 2.5, 3.5, 4.5, 6.0, 8.0):
        process = _start("build", examples_dir, "-o", out, "-q")
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        graph = Graph().parse(out / "graph.ttl")  # always parses: never truncated
        if isomorphic(graph, old_graph):
            seen.add("old")
            assert (out / "events.jsonl").read_text() in {old_events, (tmp_path / "full" / "events.jsonl").read_text()}
        else:
            assert isomorphic(graph, new_graph)
            seen.add("new")
        old_graph, old_events = graph, (out / "events.jsonl").read_text()
    assert "old" in seen  # at least one kill landed before the outputs were replaced
    leftovers = [p.name for p in out.iterdir() if p.name.startswith(".")]
    # a killed writer may leave its temporary file behind, never a half-written output
    assert all(name.endswith(".tmp") for name in leftovers), leftovers


def test_ctrl_c_stops_cleanly(examples_dir, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    articles = sorted((examples_dir / "articles").glob("*.txt"))
    for k in range(40):  # long enough that the signal always lands mid-run
        for article in articles:
            (corpus / f"{k:02d}-{article.name}").write_text(article.read_text())
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("# previous graph\n")
    process = _start("build", corpus, "-o", out)
    time.sleep(4)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    assert (out / "graph.ttl").read_text() == "# previous graph\n"
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_interrupted_build_into_a_store_can_be_rerun(examples_dir, tmp_path):
    """Kill a build into an on-disk Oxigraph store half way; running it again ends with the graph an
    uninterrupted run makes."""
    from conftest import canonical

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    articles = sorted((examples_dir / "articles").glob("*.txt"))
    for k in range(20):
        for article in articles:
            text = article.read_text().replace("\nhttps://", f"\nhttps://copy{k}.")  # 20 distinct documents each
            (corpus / f"{k:02d}-{article.name}").write_text(text)
    store = tmp_path / "store"
    process = _start("build", corpus, "-o", tmp_path / "killed", "-q", "--no-html", "--store", store)
    time.sleep(10)  # past the first flush of 200 documents into the store, before the end
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    rerun = subprocess.run([sys.executable, "-m", "kgraph.cli", "build", corpus, "-o", tmp_path / "rerun", "-q",
                            "--no-html", "--store", store], capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    clean = subprocess.run([sys.executable, "-m", "kgraph.cli", "build", corpus, "-o", tmp_path / "clean", "-q",
                            "--no-html"], capture_output=True, text=True)
    assert clean.returncode == 0, clean.stderr
    assert isomorphic(canonical(Graph().parse(tmp_path / "rerun" / "graph.ttl")),
                      canonical(Graph().parse(tmp_path / "clean" / "graph.ttl")))
