"""The command line as a user runs it: a subprocess, real files, exit codes and messages."""

import json
import subprocess
import sys

import pytest
from rdflib import Graph


def kgraph(*args, input=None):
    return subprocess.run([sys.executable, "-m", "kgraph.cli", *map(str, args)], capture_output=True, text=True,
                          input=input)


@pytest.fixture(scope="module")
def cli_build(tmp_path_factory, examples_dir):
    out = tmp_path_factory.mktemp("cli")
    result = kgraph("build", examples_dir, "-o", out)
    return result, out


def test_build_writes_the_three_outputs(cli_build):
    result, out = cli_build
    assert result.returncode == 0, result.stderr
    assert "documents read: 15, skipped: 0" in result.stderr
    assert len(Graph().parse(out / "graph.ttl")) > 100
    lines = (out / "events.jsonl").read_text().splitlines()
    assert len(lines) >= 30 and all(json.loads(line)["evidence"]["text"] for line in lines)
    html = (out / "graph.html").read_text()
    assert "<script src=" not in html and "<link " not in html


def test_query_prints_a_table_and_formats(cli_build):
    _, out = cli_build
    table = kgraph("query", out / "graph.ttl", "SELECT ?a ?b WHERE { ?a rel:warn ?b }")
    assert table.returncode == 0 and "actor:USA" in table.stdout and "actor:RUS" in table.stdout
    as_json = kgraph("query", out / "graph.ttl", "SELECT ?a ?b WHERE { ?a rel:warn ?b }", "--format", "json")
    assert {"a", "b"} <= set(json.loads(as_json.stdout)[0])
    csv = kgraph("query", out / "graph.ttl", "SELECT ?a WHERE { ?a a kg:Country }", "--format", "csv")
    assert csv.stdout.splitlines()[0] == "a"


def test_query_refuses_updates_and_reports_bad_sparql(cli_build):
    _, out = cli_build
    before = (out / "graph.ttl").read_bytes()
    update = kgraph("query", out / "graph.ttl", "DELETE WHERE { ?s ?p ?o }")
    assert update.returncode == 1 and "update" in update.stderr
    bad = kgraph("query", out / "graph.ttl", "SELECT WHERE {")
    assert bad.returncode == 1 and "invalid SPARQL" in bad.stderr and "Traceback" not in bad.stderr
    assert (out / "graph.ttl").read_bytes() == before


def test_extract_from_stdin_and_skips_reported(tmp_path):
    records = "\n".join([json.dumps({"id": "x", "text": "Egypt condemned Israel."}), "{broken"])
    result = kgraph("extract", "-", "--format", "jsonl", input=records)
    assert result.returncode == 3  # finished, but a record was skipped
    (event,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert (event["source"]["id"], event["target"]["id"]) == ("EGY", "ISR")
    assert "<stdin>:2: invalid JSON" in result.stderr
    assert "documents read: 1, skipped: 1" in result.stderr


def test_view_command_and_missing_file(cli_build, tmp_path):
    _, out = cli_build
    result = kgraph("view", out / "graph.ttl", "-o", tmp_path / "v.html")
    assert result.returncode == 0 and (tmp_path / "v.html").stat().st_size > 100_000
    missing = kgraph("view", tmp_path / "nope.ttl", "-o", tmp_path / "x.html")
    assert missing.returncode == 1 and "nope.ttl" in missing.stderr and "Traceback" not in missing.stderr


def test_unknown_model_is_a_clear_error(tmp_path):
    (tmp_path / "a.txt").write_text("Egypt condemned Israel.")
    result = kgraph("extract", tmp_path / "a.txt", "--model", "no_such_model")
    assert result.returncode == 1 and "no_such_model" in result.stderr and "Traceback" not in result.stderr
