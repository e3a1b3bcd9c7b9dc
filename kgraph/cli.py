"""The command line: a thin layer over kgraph.api; each command is one call of a public function.

Exit status: 0 all inputs were read; 3 the run finished but some inputs were skipped (each named on
standard error); 1 the run failed (nothing was written); 2 the command line was wrong.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import api
from .parse import DEFAULT_MODEL, ModelNotFound
from .sparql import QueryError, format_result
from .report import Report
from .resources import DataFileError
from .vocab import DEFAULT_BASE

EXIT_SKIPPED = 3

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn news articles into a knowledge graph of who did what to whom (CAMEO/PLOVER, RDF).",
    pretty_exceptions_enable=False,
)

Inputs = Annotated[list[str], typer.Argument(help="Files, directories, or - for standard input.")]
Model = Annotated[str, typer.Option("--model", help="Installed spaCy pipeline to parse with.")]
Actors = Annotated[Optional[list[Path]], typer.Option("--actors", help="Extra actor dictionary (JSON Lines; repeatable).")]
LexiconOpt = Annotated[Optional[list[Path]], typer.Option("--lexicon", help="Extra verb lexicon (JSON Lines; repeatable).")]
ExtractorOpt = Annotated[Optional[list[str]], typer.Option("--extractor", help="Extractor by name (repeatable).")]
LanguageOpt = Annotated[Optional[list[str]], typer.Option(
    "--language", help="ISO 639-1 code of a language to read (repeatable; default the model's; 'any' reads all).")]
MaxChars = Annotated[Optional[int], typer.Option(
    "--max-chars", help="Size cap per document in characters; the rest is reported as skipped (0: no cap).")]


def _fail(message: str, code: int = 1) -> None:
    typer.echo(f"kgraph: error: {message}", err=True)
    raise typer.Exit(code)


def _finish(report: Report, quiet: bool) -> None:
    if not quiet or report.skipped:
        report.write_summary()
    if report.skipped:
        raise typer.Exit(EXIT_SKIPPED)


@app.command()
def build(
    inputs: Inputs,
    out: Annotated[Path, typer.Option("-o", "--out", help="Output directory.")] = Path("out"),
    graph: Annotated[Optional[Path], typer.Option("--graph", help="Existing graph to add to.")] = None,
    model: Model = DEFAULT_MODEL,
    actors: Actors = None,
    lexicon: LexiconOpt = None,
    extractor: ExtractorOpt = None,
    base: Annotated[str, typer.Option("--base", help="Base IRI for actors, events and documents.")] = DEFAULT_BASE,
    no_html: Annotated[bool, typer.Option("--no-html", help="Skip the HTML view.")] = False,
    store: Annotated[Optional[str], typer.Option("--store", help="Oxigraph store directory to build into, or a SPARQL Update endpoint URL.")] = None,
    jobs: Annotated[int, typer.Option("-j", "--jobs", help="Worker processes for extraction.")] = 1,
    engine: Annotated[str, typer.Option("--engine", help="local (this machine) or dask.")] = "local",
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Dask scheduler address (default: a local cluster).")] = None,
    language: LanguageOpt = None,
    max_chars: MaxChars = None,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="No progress bar or summary.")] = False,
) -> None:
    """Build the graph: out/graph.ttl, out/events.jsonl, out/graph.html.

    Example: kgraph build examples/ -o out/
    """
    report = Report()
    try:
        result = api.build(
            inputs, out, graph=graph, model=model, actors=actors or (), lexicon=lexicon or (),
            extractors=extractor or ("dependency",), base=base, html=not no_html, progress=not quiet, store=store,
            jobs=jobs, engine=engine, scheduler=scheduler, languages=language, max_chars=max_chars, report=report,
        )
    except KeyboardInterrupt:
        _fail(f"interrupted after {report.read} documents; nothing was written, earlier outputs in {out} are unchanged",
              130)
    except (ModelNotFound, DataFileError, QueryError, OSError, KeyError, ValueError, RuntimeError) as err:
        _fail(str(err).strip("'\""))
    if not quiet:
        for name, path in result.outputs.items():
            typer.echo(f"wrote {path}", err=True)
    _finish(report, quiet)


@app.command()
def extract(
    inputs: Inputs,
    fmt: Annotated[str, typer.Option("--format", help="jsonl (the DESIGN.md contract) or tsv.")] = "jsonl",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
    model: Model = DEFAULT_MODEL,
    actors: Actors = None,
    lexicon: LexiconOpt = None,
    extractor: ExtractorOpt = None,
    language: LanguageOpt = None,
    max_chars: MaxChars = None,
    quiet: Annotated[bool, typer.Option("-q", "--quiet")] = False,
) -> None:
    """Extract events only, one JSON object a line.

    Example: kgraph extract news.jsonl --format jsonl > events.jsonl
    """
    if fmt not in {"jsonl", "tsv"}:
        _fail(f"unknown format {fmt!r} (jsonl, tsv)", 2)
    report = Report()
    # -o is written atomically: a temporary file beside it, renamed once every document is done
    partial = output.with_name(f".{output.name}.{os.getpid()}.tmp") if output else None
    try:
        stream = open(partial, "w", encoding="utf-8") if partial else sys.stdout
    except OSError as err:
        _fail(f"{output}: cannot write ({err.strerror})")
    try:
        for event in api.extract(inputs, model=model, actors=actors or (), lexicon=lexicon or (),
                                 extractors=extractor or ("dependency",), languages=language, max_chars=max_chars,
                                 report=report):
            if fmt == "jsonl":
                stream.write(json.dumps(event.as_json(), ensure_ascii=False) + "\n")
            else:
                d = event.as_json()
                stream.write("\t".join([d["doc_id"], d["source"]["cameo"] or "", d["cameo"], d["target"]["cameo"] or "",
                                        d["verb"], d["date"] or "", d["mode"], str(d["negated"]).lower()]) + "\n")
        if report.read == 0 and not report.skipped:
            raise ValueError(f"no documents found in {', '.join(map(str, inputs))}")
        if partial:
            stream.close()
            os.replace(partial, output)
    except KeyboardInterrupt:
        _fail(f"interrupted after {report.read} documents" + (f"; {output} is unchanged" if output else ""), 130)
    except (ModelNotFound, DataFileError, KeyError, ValueError, OSError) as err:
        _fail(str(err).strip("'\""))
    finally:
        if partial:
            stream.close()
            partial.unlink(missing_ok=True)
    _finish(report, quiet)


@app.command()
def query(
    graph: Annotated[Path, typer.Argument(help="Graph file (.ttl, .nt, .nq, .trig, .jsonld) or store directory.")],
    sparql: Annotated[str, typer.Argument(help="SPARQL text, a .rq file, or a saved query name (see --list).")] = "",
    fmt: Annotated[str, typer.Option("--format", help="table, csv, tsv or json.")] = "table",
    allow_update: Annotated[bool, typer.Option("--allow-update", help="Let an UPDATE change the graph.")] = False,
    list_saved: Annotated[bool, typer.Option("--list", help="List the saved queries.")] = False,
    param: Annotated[Optional[list[str]], typer.Option("--param", help="NAME=VALUE bound to ?NAME (repeatable).")] = None,
) -> None:
    """Run a SPARQL query with the project prefixes bound.

    Example: kgraph query out/graph.ttl 'SELECT ?a ?b WHERE { ?a rel:warn ?b }'
    """
    from .sparql import saved_queries

    if list_saved:
        for name, path in saved_queries().items():
            first = next((l[1:].strip() for l in path.read_text().splitlines() if l.startswith("#")), "")
            typer.echo(f"{name:24} {first}")
        return
    if not sparql:
        _fail("give a SPARQL query, a .rq file or a saved query name", 2)
    try:
        params = dict(p.split("=", 1) for p in param or () if "=" in p)
        if len(params) != len(param or ()):
            _fail("--param takes NAME=VALUE", 2)
        result = api.query(graph, sparql, allow_update=allow_update, params=params)
        typer.echo(format_result(result, fmt))
    except QueryError as err:
        _fail(str(err))


@app.command()
def view(
    graph: Annotated[Path, typer.Argument(help="Graph file to draw.")],
    out: Annotated[Path, typer.Option("-o", "--out", help="HTML file to write.")] = Path("out/graph.html"),
) -> None:
    """Write the interactive HTML view of a graph.

    Example: kgraph view out/graph.ttl -o out/graph.html
    """
    try:
        path = api.view(graph, out)
    except (FileNotFoundError, ValueError) as err:
        _fail(str(err))
    typer.echo(f"wrote {path}", err=True)


@app.command()
def export(
    graph: Annotated[Path, typer.Argument(help="Graph file to convert.")],
    out: Annotated[Path, typer.Argument(help="Output: .ttl .nt .nq .trig .jsonld .rdf, or .csv for a GDELT-like events table.")],
) -> None:
    """Export a graph as another RDF format or as a flat CSV of events.

    Example: kgraph export out/graph.ttl out/events.csv
    """
    try:
        typer.echo(f"wrote {api.export(graph, out)}", err=True)
    except (FileNotFoundError, ValueError) as err:
        _fail(str(err))


@app.command()
def remove(
    graph: Annotated[Path, typer.Argument(help="Graph file to change in place.")],
    documents: Annotated[list[str], typer.Argument(help="Document ids or URLs to retract.")],
) -> None:
    """Retract documents: their evidence, and events and edges left with none.

    Example: kgraph remove out/graph.ttl articles/03-iran-nuclear-deal-vienna.txt
    """
    try:
        n = api.remove(graph, documents)
    except (FileNotFoundError, ValueError) as err:
        _fail(str(err))
    if n == 0:
        _fail(f"no document with id or URL {', '.join(documents)} in {graph}")
    typer.echo(f"removed {n} document(s) from {graph}", err=True)


@app.command()
def validate(graph: Annotated[Path, typer.Argument(help="Graph file to check.")]) -> None:
    """Check a graph against the SHACL shapes of ontology/shapes.ttl (exit 1 if it does not conform).

    Example: kgraph validate out/graph.ttl
    """
    try:
        conforms, report = api.validate(graph)
    except (FileNotFoundError, ValueError) as err:
        _fail(str(err))
    typer.echo(report if not conforms else f"{graph} conforms to the kgraph shapes")
    if not conforms:
        raise typer.Exit(1)


@app.command()
def serve(
    graph: Annotated[Path, typer.Argument(help="Graph file or Oxigraph store directory to serve.")],
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port")] = 7878,
    writable: Annotated[bool, typer.Option("--writable", help="Accept SPARQL UPDATE (off: read-only).")] = False,
    timeout: Annotated[int, typer.Option("--timeout", help="Query time limit in seconds.")] = 30,
    max_result_mb: Annotated[int, typer.Option("--max-result-mb", help="Largest answer sent, in MiB.")] = 100,
    log: Annotated[bool, typer.Option("--log", help="Log each request to stderr.")] = False,
) -> None:
    """Serve the graph as a SPARQL 1.1 Protocol endpoint (Oxigraph's server), read-only by default.

    Example: kgraph serve out/graph.ttl   # then GET http://127.0.0.1:7878/query?query=...
    """
    from .serve import serve as start

    if timeout <= 0 or max_result_mb <= 0:
        _fail("--timeout and --max-result-mb take positive numbers", 2)
    try:
        server = start(graph, host=host, port=port, writable=writable, timeout_s=timeout,
                       max_result_mb=max_result_mb, log=log)
    except (FileNotFoundError, QueryError, RuntimeError) as err:
        _fail(str(err))
    typer.echo(f"SPARQL endpoint at {server.query_url} ({'read-write' if writable else 'read-only'}; "
               f"{timeout} s and {max_result_mb} MiB per query); Ctrl-C stops it", err=True)
    try:
        server.wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


@app.command()
def stats(
    graph: Annotated[Path, typer.Argument(help="Graph file or Oxigraph store directory to summarise.")],
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    top: Annotated[int, typer.Option("--top", help="Rows in each list (0: all).")] = 10,
) -> None:
    """Summarise a graph: most active and central actors, communities, busiest pairs, dates.

    Example: kgraph stats out/graph.ttl --top 5
    """
    from .stats import format_stats

    if fmt not in {"table", "json"}:
        _fail(f"unknown format {fmt!r} (table, json)", 2)
    if top < 0:
        _fail("--top takes a number of rows, 0 for all", 2)
    try:
        summary = api.stats(graph, top=top or None)
    except (FileNotFoundError, QueryError, ValueError) as err:
        _fail(str(err))
    typer.echo(format_stats(summary, fmt))


@app.command(name="eval")
def evaluate(
    gold: Annotated[list[Path], typer.Argument(help="Gold JSON Lines files (formats of shared/eval/README.md).")],
    model: Model = DEFAULT_MODEL,
    actors: Actors = None,
    lexicon: LexiconOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
) -> None:
    """Score extraction on gold event data: strict, dyad + CAMEO root, dyad only.

    Example: kgraph eval ../shared/eval/petrarch2_gsr_validation.jsonl
    """
    from .evaluate import evaluate as run, format_results
    from .pipeline import Pipeline

    try:
        pipeline = Pipeline(model=model, actors=actors or (), lexicon=lexicon or ())
        results = [run(path, pipeline) for path in gold]
    except (ModelNotFound, DataFileError, ValueError, OSError) as err:
        _fail(str(err))
    if as_json:
        typer.echo(json.dumps([r.as_json() for r in results], indent=1))
    else:
        typer.echo(format_results(results))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
