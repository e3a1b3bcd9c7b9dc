"""Bad inputs, as users meet them running kgraph unattended over scraped news: empty, binary, mislabelled,
huge, malformed, foreign, unreadable and hostile files.

Every input is made here at test time (in tmp_path; nothing big is committed) and goes through the real
command line, `python -m kgraph.cli build|extract`, and through the readers API where the API is the
point. For each one: no traceback, one line on standard error naming the file (and the line, in JSON
Lines) and the problem, the good documents still read and their events written, a summary at the end,
and exit status 3 when anything was skipped, 0 when nothing was.

Runtime: the 1 MB run-on sentence is parsed in full (about 40 s and 1.3 GB on one core), in a process
started first so that it overlaps the other tests; the 100 MB file is read under the default size cap
through the API (well under a second) and parsed under a 20,000-character cap through the CLI.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from kgraph import readers
from kgraph.readers import MAX_CHARS, read_documents
from kgraph.report import Report

GOOD = ("The United States warned Russia over the build-up of troops near the Ukrainian border. "
        "China warned Japan over the military drills, officials said on Tuesday.")
GOOD_DYADS = {("USA", "warn", "RUS"), ("CHN", "warn", "JPN")}
FRENCH = ("Le président français a rencontré jeudi son homologue allemand à Berlin pour discuter de la guerre en "
          "Ukraine. Les deux dirigeants ont appelé la Russie à retirer ses troupes et ont promis de renforcer "
          "l'aide militaire et humanitaire à Kiev dans les prochains mois.")
RUSSIAN = ("Президент России провёл в четверг телефонный разговор с руководством Китая. Стороны обсудили "
           "ситуацию на Украине и договорились расширять экономическое сотрудничество.")
CHINESE = "中国外交部发言人周三表示，中方坚决反对美国向台湾出售武器，并敦促美方停止干涉中国内政。发言人说，中方将采取必要措施维护国家主权。"
ARTICLE_HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Cairo condemns strike</title>
<script>var ad = "China warned Japan";</script><style>p {{ color: red }}</style></head>
<body><nav>Home | World | Sport</nav><article><h1>Cairo condemns strike</h1><p>{body}</p></article>
<footer>Copyright</footer></body></html>"""
SCRIPTS_ONLY_HTML = """<!DOCTYPE html><html><head><title>Loading</title>
<script>var story = "Iran threatened Israel"; document.write(story);</script>
<style>body { background: #fff } .ad { display: none }</style></head>
<body><nav>Home | World</nav><script src="app.js"></script><div class="ad"></div></body></html>"""
HOSTILE_NAME = "evil\n\x1b[31mname.txt"  # a newline and a terminal escape in a file name
CLI_CAP = 20_000  # the size cap for the CLI runs (KGRAPH_MAX_CHARS): the 100 MB file parses its start only
MB100 = 100 * 1024 * 1024


def kgraph(*args, env=None, input=None):
    return subprocess.run([sys.executable, "-m", "kgraph.cli", *map(str, args)], capture_output=True, text=True,
                          input=input, env={**os.environ, **(env or {})})


def start(*args, stdout, stderr):
    return subprocess.Popen([sys.executable, "-m", "kgraph.cli", *map(str, args)], stdout=stdout, stderr=stderr)


def wait_with_usage(process):
    """Exit code and peak resident memory (bytes) of a child process."""
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, usage.ru_maxrss * 1024


def quiet_read(paths, **kw):
    report = Report(emit=lambda message: None)
    return list(read_documents(paths, report, **kw)), report


# -- the 1 MB run-on sentence: started first, checked last -------------------------------------------------


@pytest.fixture(scope="module")
def run_on_sentence(tmp_path_factory):
    """A single 1,000,000-character "sentence" with no punctuation at all, in a directory that also has a
    README and a symlink loop (both ignored, so the run must exit 0), through `kgraph extract`."""
    root = tmp_path_factory.mktemp("sentence")
    corpus = root / "in"
    corpus.mkdir()
    rng = random.Random(7)
    words = ("Washington Russia warned Ukraine France criticised Germany China praised Japan administration "
             "international negotiations representatives governments parliamentary considerations humanitarian "
             "infrastructure reconstruction unprecedented transportation").split()
    pieces, n = [], 0
    while n < 1_000_000:
        pieces.append(rng.choice(words))
        n += len(pieces[-1]) + 1
    (corpus / "run-on.txt").write_text(" ".join(pieces)[:1_000_000])
    (corpus / "README.md").write_text("not an article")
    (corpus / "loop").symlink_to(".")
    out, err = open(root / "events.jsonl", "w"), open(root / "stderr.txt", "w")
    began = time.monotonic()
    process = start("extract", corpus, "--format", "jsonl", stdout=out, stderr=err)
    yield process, began, root, corpus
    if process.returncode is None:
        process.kill()
        process.wait()
    out.close()
    err.close()


@pytest.fixture(scope="module", autouse=True)
def _start_the_long_run_first(run_on_sentence):
    """The 1 MB parse takes the longest: start it before anything else so it overlaps the other tests."""


# -- the corpus of bad inputs, through `kgraph build` ------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad")
    d = root / "corpus"
    d.mkdir()
    (root / "elsewhere").mkdir()
    (root / "elsewhere" / "far.txt").write_text(GOOD)

    # good documents, some in damaged or mislabelled form
    (d / "good.txt").write_text(f"US warns Russia\n20211207\nhttps://news.example.org/good\n{GOOD}\n")
    body = ("Egypt condemned Israel over the air strike on Gaza, the foreign ministry said on Sunday. "
            "Jordan also condemned Israel and called for calm. ") * 3
    (d / "good.html").write_text(ARTICLE_HTML.format(body=body))
    (d / "bom.txt").write_bytes(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    (d / "utf16.txt").write_bytes(GOOD.encode("utf-16"))  # what Windows tools write: UTF-16 with a BOM
    (d / "windows-1252.txt").write_bytes(
        "Côte d’Ivoire’s president thanked France for its support – the talks were “constructive”.".encode("cp1252"))
    (d / "invalid-utf8.txt").write_bytes(
        b"Egypt condemned Israel over the strike, officials said. \xff\xfe stray \xc3 bytes. Jordan condemned Israel.")
    (d / "mixed-endings.txt").write_bytes(
        b"China warns Japan\r\n20220804\rhttps://news.example.org/mixed\n"
        b"China warned Japan over the drills.\r\nJapan criticised China.\rIndia praised France.\n")

    # damaged, empty, binary, foreign
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text("  \n\n\t \r\n")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 16)
    noise = random.Random(3)
    (d / "noise.txt").write_bytes(bytes(noise.randrange(1, 256) for _ in range(20_000)))  # no NUL byte
    (d / "title-only.txt").write_text("Russia invades Ukraine\n20220224\nhttps://news.example.org/t\n\n   \n")
    (d / "scripts-only.html").write_text(SCRIPTS_ONLY_HTML)
    (d / "french.txt").write_text(FRENCH)
    (d / "chinese.html").write_text(f"<html><head><title>外交部</title></head><body><article><p>{CHINESE * 3}</p>"
                                    f"</article></body></html>")
    (d / (HOSTILE_NAME)).write_bytes(b"")

    # JSON Lines: good records among bad ones, with \n and \r\n line ends
    records = [
        json.dumps({"id": "rec-good", "text": "Turkey accused Sweden of harbouring militants, officials said.",
                    "date": "2022-05-18"}),
        "{not json",
        json.dumps({"id": "no-text", "title": "A title and nothing else"}),
        json.dumps({"id": ["a", "list"], "text": "France condemned the attack on Ukraine by Russia."}),
        json.dumps({"id": "bad-date", "text": "Egypt condemned Israel over the strike.", "date": "2022-02-30"}),
        "",
        "{}",
        json.dumps({"id": "blank-text", "text": "   "}),
        json.dumps({"id": "hostile", "text": "Egypt condemned \ud800 Israel.\u0000 Jordan \u001b[31mcondemned\u001b[0m Israel."}),
        "[1, 2]",
        json.dumps({"id": "russian", "text": RUSSIAN}, ensure_ascii=False),
        json.dumps({"id": 7, "text": "Germany praised Poland for its help, officials said."}),
        json.dumps({"id": "number-text", "text": 42}),
        '{"id": ' + "9" * 5000 + ', "text": "Egypt condemned Israel."}',  # Python refuses ints this long
        "[" * 100_000 + "]" * 100_000,  # deeper than the JSON parser's recursion
    ]
    lines = [r + ("\r\n" if k % 2 else "\n") for k, r in enumerate(records)]
    (d / "news.jsonl").write_bytes("".join(lines).encode("utf-8", "surrogatepass"))
    (d / "empty.jsonl").write_text("\n\n")
    (d / "utf16.jsonl").write_bytes((json.dumps({"id": "utf16-rec", "text": GOOD}) + "\r\n").encode("utf-16"))

    # huge: 100 MB of text in one file (made here, deleted after the module)
    paragraph = "India and China held talks on the border dispute. The United States warned Russia again.\n"
    chunk = (paragraph * (2**20 // len(paragraph) + 1)).encode()[: 2**20]
    with open(d / "big.txt", "wb") as fh:
        for _ in range(100):
            fh.write(chunk)

    # unreadable entries and links
    (d / "dangling.txt").symlink_to("missing-article.txt")
    (d / "self-loop.txt").symlink_to("self-loop.txt")
    os.mkfifo(d / "pipe.txt")
    (d / "loop").symlink_to(".")
    (d / "outside").symlink_to(root / "elsewhere")
    (d / "alias.txt").symlink_to("good.txt")
    (d / "README.md").write_text("# notes\n")

    out = root / "out"
    result = kgraph("build", d, root / "missing.txt", "-o", out, env={"KGRAPH_MAX_CHARS": str(CLI_CAP)})
    events = [json.loads(line) for line in (out / "events.jsonl").read_text().splitlines()] if out.exists() else []
    yield result, d, root, out, events
    (d / "big.txt").unlink(missing_ok=True)


def messages(result) -> list[str]:
    return result.stderr.splitlines()


# (entry in the corpus, verb, the exact problem) for every input that is skipped, truncated or warned about
SKIPPED = [
    ("empty.txt", "skipped", "empty file"),
    ("blank.txt", "skipped", "empty file"),
    ("binary.txt", "skipped", "binary file, not text"),
    ("noise.txt", "skipped", re.compile(r"binary file, not text( \(not valid UTF-8, and no other text encoding fits\))?")),
    ("title-only.txt", "skipped", "no body text (title only)"),
    ("scripts-only.html", "skipped", "no article text found in the HTML (only 'Home | World')"),
    ("french.txt", "skipped", re.compile(r"not English: reads as French \(fr, p=\d\.\d\d\); to read it, parse with a French "
                                         r"model \(--model\) and accept the language \(--language fr\)")),
    ("chinese.html", "skipped", re.compile(r"not English: reads as Chinese \(zh, p=\d\.\d\d\); .*--language zh\)")),
    (HOSTILE_NAME, "skipped", "empty file"),
    ("news.jsonl:2", "skipped", "invalid JSON (Expecting property name enclosed in double quotes, column 2)"),
    ("news.jsonl:3", "skipped", 'record has no "text" string'),
    ("news.jsonl:7", "skipped", 'record has no "text" string'),
    ("news.jsonl:8", "skipped", "empty text"),
    ("news.jsonl:10", "skipped", "record is not a JSON object (a JSON array)"),
    ("news.jsonl:11", "skipped", re.compile(r"not English: reads as Russian \(ru, p=\d\.\d\d\); .*--language ru\)")),
    ("news.jsonl:13", "skipped", 'record has no "text" string (a JSON number)'),
    ("news.jsonl:14", "skipped", re.compile(r"invalid JSON \(Exceeds the limit \(4300 digits\) for integer string "
                                            r"conversion.*\)")),
    ("news.jsonl:15", "skipped", "invalid JSON (nested too deeply)"),
    ("empty.jsonl", "skipped", "empty file"),
    ("big.txt", "truncated", re.compile(
        r"longer than the size cap per document: read its first 1\d,\d\d\d characters and skipped the rest "
        r"\(104,857,600 bytes in all; the cap is 20,000 characters, set by --max-chars or KGRAPH_MAX_CHARS, "
        r"0 for none\)")),
    ("dangling.txt", "skipped", "broken symbolic link: its target missing-article.txt does not exist"),
    ("self-loop.txt", "skipped", "symbolic link loop (Too many levels of symbolic links)"),
    ("pipe.txt", "skipped", "not a regular file (a named pipe): not read"),
    ("outside", "skipped", re.compile(r"symbolic link to a directory outside this input \(.*elsewhere\): not followed; "
                                      r"give that directory as an input to read it")),
    ("../missing.txt", "skipped", "no such file or directory"),
]
WARNED = [
    ("windows-1252.txt", "not valid UTF-8, read as cp1252"),
    ("invalid-utf8.txt", "not valid UTF-8, read as cp1252"),
    ("news.jsonl:4", "id ['a', 'list'] is not a string; using 'news.jsonl:4'"),
    ("news.jsonl:5", "impossible date '2022-02-30', document kept without a date"),
    ("news.jsonl:9", "4 control character(s) or lone surrogate(s) replaced (NUL, escape codes, \\ud800)"),
    ("news.jsonl:12", "id 7 is a number; read as the string '7'"),
]
IGNORED = [
    ("loop", ("symbolic link to its own parent in this input (the input itself): not followed, it is a loop and "
              "its files are read once where they are")),
    ("alias.txt", "symbolic link to good.txt in this input: read there, once"),
    ("README.md", "not an article file (.md)"),
]
READ = ["good.txt", "good.html", "bom.txt", "utf16.txt", "windows-1252.txt", "invalid-utf8.txt", "mixed-endings.txt",
        "rec-good", "news.jsonl:4", "bad-date", "hostile", "7", "utf16-rec", "big.txt"]


def _line(d, name, verb, problem):
    from kgraph.report import printable

    origin = printable(os.path.normpath(str(d / name)))
    prefix = f"kgraph: {verb}: {origin}: " if verb == "warning" else f"kgraph: {verb} {origin}: "
    return prefix, problem


@pytest.mark.parametrize("name,verb,problem", SKIPPED, ids=[repr(s[0]) for s in SKIPPED])
def test_each_bad_input_is_named_on_one_line_with_its_problem(corpus, name, verb, problem):
    result, d, *_ = corpus
    prefix, problem = _line(d, name, verb, problem)
    lines = [line[len(prefix):] for line in messages(result) if line.startswith(prefix)]
    assert len(lines) == 1, (prefix, result.stderr)
    if isinstance(problem, str):
        assert lines[0] == problem
    else:
        assert problem.fullmatch(lines[0]), lines[0]


@pytest.mark.parametrize("name,problem", WARNED, ids=[w[0] for w in WARNED])
def test_documents_kept_with_a_warning(corpus, name, problem):
    result, d, *_ = corpus
    prefix, problem = _line(d, name, "warning", problem)
    assert prefix + problem in messages(result), result.stderr


@pytest.mark.parametrize("name,problem", IGNORED, ids=[i[0] for i in IGNORED])
def test_links_and_other_files_are_noted_not_counted(corpus, name, problem):
    result, d, *_ = corpus
    prefix, problem = _line(d, name, "ignored", problem)
    assert prefix + problem in messages(result), result.stderr


def test_the_run_finishes_with_status_3_a_summary_and_nothing_else_on_stderr(corpus):
    result, _d, _root, out, events = corpus
    assert "Traceback" not in result.stderr
    assert result.returncode == 3, result.stderr  # finished, but inputs were skipped
    assert (out / "graph.ttl").exists() and (out / "graph.html").exists()
    lines = messages(result)
    summary = f"documents read: {len(READ)}, skipped: {len(SKIPPED)}, events: {len(events)}"
    assert summary in lines, result.stderr
    tail = lines[lines.index(summary):]
    assert "  skipped 4: empty file" in tail
    assert "  skipped 3: not English" in tail
    assert "  skipped 1: longer than the size cap per document" in tail
    assert f"  {len(WARNED)} warning(s), documents kept (see above)" in tail
    # every line is a one-line message, a written file or the summary: no library noise, no traceback
    known = re.compile(r"kgraph: (skipped|truncated|ignored|warning:) |wrote |documents read: |  ")
    assert all(known.match(line) for line in lines), [line for line in lines if not known.match(line)]
    assert len([line for line in lines if line.startswith("kgraph: ")]) == len(SKIPPED) + len(WARNED) + len(IGNORED)


def test_good_documents_still_yield_their_events(corpus):
    *_, events = corpus
    by_doc = {}
    for event in events:
        by_doc.setdefault(event["doc_id"], set()).add((event["source"]["id"], event["verb"], event["target"]["id"]))
    for doc in ("good.txt", "bom.txt", "utf16.txt", "utf16-rec"):
        assert GOOD_DYADS <= by_doc[doc], doc
    assert {("EGY", "condemn", "ISR"), ("JOR", "condemn", "ISR")} <= by_doc["good.html"]
    assert ("CIV", "thank", "FRA") in by_doc["windows-1252.txt"]
    assert {("EGY", "condemn", "ISR"), ("JOR", "condemn", "ISR")} <= by_doc["invalid-utf8.txt"]
    assert {("CHN", "warn", "JPN"), ("JPN", "criticise", "CHN"), ("IND", "praise", "FRA")} <= by_doc["mixed-endings.txt"]
    assert ("TUR", "accuse", "SWE") in by_doc["rec-good"]
    assert ("FRA", "condemn", "RUS") in by_doc["news.jsonl:4"]  # an id that is a list: the line stands in
    assert ("EGY", "condemn", "ISR") in by_doc["bad-date"]
    assert ("EGY", "condemn", "ISR") in by_doc["hostile"]  # NUL, escape codes and a lone surrogate replaced
    assert ("DEU", "praise", "POL") in by_doc["7"]
    assert ("USA", "warn", "RUS") in by_doc["big.txt"]  # from the part read under the cap
    assert set(by_doc) <= set(READ)
    # the record with an impossible date is kept without one; the evidence holds no control character
    assert {e["date"] for e in events if e["doc_id"] == "bad-date"} == {None}
    assert not any(re.search(r"[\x00-\x08\x0b-\x1f\ud800-\udfff]", e["evidence"]["text"]) for e in events)
    # skipped documents made no events: not the French, Russian or Chinese text, not the scripts
    assert not {"french.txt", "chinese.html", "scripts-only.html", "russian", "far.txt"} & set(by_doc)


def test_the_graph_holds_the_good_documents_and_parses_back(corpus):
    from rdflib import Graph, Namespace

    *_, out, _events = corpus
    graph = Graph().parse(out / "graph.ttl")
    kg = Namespace("https://w3id.org/kgraph/ontology#")
    ids = {str(o) for o in graph.objects(None, kg.documentId)}
    assert set(READ) <= ids  # every document read is in the graph, even those that gave no event


def test_mixed_line_endings_and_byte_order_marks_are_read_right(corpus):
    _, d, *_ = corpus
    docs, report = quiet_read([d / "mixed-endings.txt", d / "bom.txt", d / "utf16.txt", d / "utf16.jsonl"])
    mixed, bom, utf16, utf16_rec = docs
    # the four-part layout is found though its lines end in \r\n, \r and \n
    assert (mixed.title, str(mixed.date), mixed.url) == ("China warns Japan", "2022-08-04", "https://news.example.org/mixed")
    assert mixed.text == "China warned Japan over the drills.\nJapan criticised China.\nIndia praised France."
    assert bom.text == GOOD and utf16.text == GOOD and utf16_rec.text == GOOD
    assert not report.skipped and not report.warnings


# -- huge inputs -------------------------------------------------------------------------------------------


def test_a_100_mb_file_is_read_under_the_default_cap_in_bounded_time_and_memory(corpus):
    _, d, *_ = corpus
    big = d / "big.txt"
    assert big.stat().st_size == MB100
    tracemalloc.start()
    began = time.monotonic()
    docs, report = quiet_read([big])
    elapsed = time.monotonic() - began
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    (doc,) = docs
    assert MAX_CHARS - 100 <= len(doc.text) <= MAX_CHARS and doc.text.endswith("again.")  # cut at a line break
    assert peak < 64 * 2**20, peak  # the first 8 MB are read, not the 100 MB (measured: ~20 MB)
    assert elapsed < 10, elapsed  # measured: ~0.1 s
    ((origin, reason),) = report.truncated
    assert origin == str(big) and "104,857,600 bytes in all; the cap is 2,000,000 characters" in reason
    assert report.skipped == report.truncated  # the rest counts as skipped: the exit status says so


def test_a_100_mb_stream_on_stdin_is_capped_and_drained(monkeypatch, corpus):
    import io

    _, d, *_ = corpus
    with open(d / "big.txt", "rb") as fh:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(fh))
        docs, report = quiet_read(["-"], max_chars=50_000)
    (doc,) = docs
    assert doc.id == "stdin" and len(doc.text) <= 50_000
    assert "104,857,600 bytes in all" in report.truncated[0][1]


def test_no_cap_reads_everything_and_a_bad_setting_is_a_warning(tmp_path, monkeypatch):
    path = tmp_path / "long.txt"
    path.write_text("Egypt condemned Israel. " * 200_000)  # 4.8 million characters
    docs, report = quiet_read([path], max_chars=0)
    assert len(docs[0].text) == 4_800_000 and not report.skipped
    monkeypatch.setenv("KGRAPH_MAX_CHARS", "lots")
    docs, report = quiet_read([path])
    assert len(docs[0].text) <= MAX_CHARS and report.warnings == [
        ("KGRAPH_MAX_CHARS", "'lots' is not a number of characters; the cap stays 2,000,000")]
    monkeypatch.setenv("KGRAPH_MAX_CHARS", "1000")
    docs, report = quiet_read([path])
    assert len(docs[0].text) <= 1000 and len(report.truncated) == 1
    with pytest.raises(ValueError):
        quiet_read([path], max_chars=-1)


def test_jsonl_records_are_streamed_capped_and_overlong_lines_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MIN_LINE_CAP", 10_000)
    path = tmp_path / "many.jsonl"
    long_text = "Egypt condemned Israel. " * 1000  # 24,000 characters
    lines = [json.dumps({"id": "short", "text": "Egypt condemned Israel."}),
             json.dumps({"id": "long", "text": long_text[:5000]}),
             json.dumps({"id": "huge", "text": long_text}),  # over the line cap: not even parsed
             json.dumps({"id": "after", "text": "Jordan condemned Israel."})]
    path.write_text("\n".join(lines) + "\n")
    docs, report = quiet_read([path], max_chars=1000)
    assert [d.id for d in docs] == ["short", "long", "after"]
    assert len(docs[1].text) <= 1000
    assert report.truncated[0][0] == f"{path}:2" and "5,000 characters in all" in report.truncated[0][1]
    assert report.skipped[1] == (f"{path}:3", ("line longer than 10,000 bytes: not read (the line cap follows "
                                               "the size cap per document, --max-chars or KGRAPH_MAX_CHARS)"))


def test_a_big_html_page_is_parsed_in_part(tmp_path):
    """trafilatura's time grows faster than the page: only 2 bytes of HTML per character of the cap are parsed."""
    body = "".join(f"<p>Egypt condemned Israel over strike number {k}, officials said on Sunday.</p>" for k in range(400))
    path = tmp_path / "long.html"
    path.write_text(ARTICLE_HTML.format(body=body))
    size = path.stat().st_size
    docs, report = quiet_read([path], max_chars=5000)
    (doc,) = docs
    assert "Egypt condemned Israel over strike number 0," in doc.text and len(doc.text) <= 5000
    ((origin, reason),) = report.truncated
    assert origin == str(path)
    assert f"the HTML has {size:,} bytes; only the first 10,003 were parsed" in reason


def test_a_1_mb_sentence_without_punctuation_is_parsed_in_full(run_on_sentence):
    """Checked last: the process started with the module. Measured alone: ~40 s and ~1.3 GB; the limits
    here leave room for a loaded machine."""
    process, began, root, corpus = run_on_sentence
    code, peak = wait_with_usage(process)
    elapsed = time.monotonic() - began
    stderr = (root / "stderr.txt").read_text()
    assert "Traceback" not in stderr
    assert code == 0, stderr  # a README and a symlink loop are noted, not skipped
    assert "documents read: 1, skipped: 0" in stderr
    assert f"kgraph: ignored {corpus / 'README.md'}: not an article file (.md)" in stderr
    assert f"kgraph: ignored {corpus / 'loop'}: symbolic link to its own parent" in stderr
    events = [json.loads(line) for line in (root / "events.jsonl").read_text().splitlines()]
    assert len(events) > 100 and {e["doc_id"] for e in events} == {"run-on.txt"}
    # the parser cut it in pieces: no evidence is longer than a piece, and pieces reach the end of the text
    from kgraph.parse import SEGMENT_CHARS

    assert max(e["evidence"]["end"] - e["evidence"]["start"] for e in events) <= SEGMENT_CHARS
    assert max(e["evidence"]["end"] for e in events) > 900_000
    assert elapsed < 300, elapsed
    assert peak < 4 * 2**30, peak


# -- languages ---------------------------------------------------------------------------------------------


def test_other_languages_are_read_when_asked_for(tmp_path):
    (tmp_path / "fr.txt").write_text(FRENCH)
    (tmp_path / "en.txt").write_text(GOOD)
    docs, report = quiet_read([tmp_path])
    assert [d.id for d in docs] == ["en.txt"] and report.skipped[0][1].startswith("not English: reads as French")
    docs, report = quiet_read([tmp_path], languages=None)  # no check: a multilingual model, or the user knows
    assert [d.id for d in docs] == ["en.txt", "fr.txt"] and not report.skipped
    docs, report = quiet_read([tmp_path], languages=["fr"])  # a French model
    assert [d.id for d in docs] == ["fr.txt"] and report.skipped[0][1].startswith("not French: reads as English")
    docs, report = quiet_read([tmp_path], languages=["en", "fr"])
    assert len(docs) == 2
    with pytest.raises(ValueError, match="unknown language code"):
        quiet_read([tmp_path], languages=["english"])


def test_english_that_is_short_damaged_or_full_of_names_is_never_taken_for_another_language(tmp_path):
    texts = {
        "short.txt": "Egypt condemned Israel.",
        "names.txt": "Vladimir Putin, Xi Jinping, Emmanuel Macron, Olaf Scholz, Recep Tayyip Erdogan and Narendra "
                     "Modi met in Johannesburg.",
        "glued.txt": "TheUSwarnedRussiaonTuesdaythatitwouldimposesanctionsifMoscowinvadedUkraine.TheKremlin said "
                     "itwont back down.",
        "caps.txt": "US WARNS RUSSIA OVER UKRAINE BUILD-UP AS TALKS STALL IN GENEVA. KREMLIN DENIES PLANS.",
        "table.txt": "Country  2021  2022\nUSA  12.5  13.1\nRussia  4.2  3.9\nChina  9.9  10.4\nGermany 3.3 3.1.",
        "quote.txt": "The French foreign minister said: \"Nous ne céderons pas\" before talks in Paris broke down.",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text)
    docs, report = quiet_read([tmp_path])
    assert sorted(d.id for d in docs) == sorted(texts) and not report.skipped


# -- unreadable files --------------------------------------------------------------------------------------


def _read_unprivileged(paths) -> dict:
    """Read `paths` as the user nobody, in a forked child: root reads whatever the permissions say."""
    quiet_read(paths)  # as root first: whatever the reading imports lazily (codecs) is loaded before the fork
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop root, read, send the outcome back, leave without pytest's cleanup
        try:
            os.close(r)
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            docs, report = quiet_read(paths)
            payload = {"docs": [d.id for d in docs], "skipped": report.skipped}
        except BaseException as err:  # noqa: BLE001 - anything goes back to the parent as text
            payload = {"error": repr(err)}
        os.write(w, json.dumps(payload).encode())
        os._exit(0)
    os.close(w)
    data = b""
    while chunk := os.read(r, 65536):
        data += chunk
    os.close(r)
    os.waitpid(pid, 0)
    return json.loads(data)


def test_a_file_and_a_directory_without_read_permission():
    """chmod 000 stops anyone but root; as root the reading is done in a child that dropped to nobody."""
    import shutil
    import tempfile

    root = Path(tempfile.mkdtemp(prefix="kgraph-perm-"))
    try:
        root.chmod(0o755)
        (root / "locked.txt").write_text(GOOD)
        (root / "locked.txt").chmod(0)
        (root / "closed").mkdir()
        (root / "closed" / "a.txt").write_text(GOOD)
        (root / "closed").chmod(0)
        (root / "open.txt").write_text(GOOD)
        (root / "open.txt").chmod(0o644)
        if os.geteuid() == 0:
            outcome = _read_unprivileged([root])
        else:
            docs, report = quiet_read([root])
            outcome = {"docs": [d.id for d in docs], "skipped": report.skipped}
    finally:
        (root / "closed").chmod(0o755)
        shutil.rmtree(root)
    assert "error" not in outcome, outcome
    assert outcome["docs"] == ["open.txt"]
    assert {origin: reason for origin, reason in outcome["skipped"]} == {
        str(root / "locked.txt"): "cannot read file (Permission denied)",
        str(root / "closed"): "cannot read directory (Permission denied)"}


def test_a_fifo_named_on_the_command_line_is_read_like_stdin(tmp_path):
    """A pipe inside a directory is skipped (it could block for ever); one named as an input, such as a
    shell's <(...), is read."""
    import threading

    fifo = tmp_path / "stream"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_text(json.dumps({"id": "p", "text": GOOD}) + "\n"))
    writer.start()
    docs, report = quiet_read([fifo])
    writer.join(timeout=10)
    assert [d.id for d in docs] == ["p"] and not report.skipped


def test_everything_fine_exits_0_and_an_empty_record_on_stdin_exits_3():
    ok = kgraph("extract", "-", input=json.dumps({"id": "x", "text": "Egypt condemned Israel."}) + "\n")
    assert ok.returncode == 0 and "documents read: 1, skipped: 0" in ok.stderr
    bad = kgraph("extract", "-", input=json.dumps({"id": "x", "text": ""}) + "\n\n")
    assert bad.returncode == 3 and bad.stdout == ""
    assert bad.stderr.splitlines()[0] == "kgraph: skipped <stdin>:1: empty text"
    assert "documents read: 0, skipped: 1, events: 0" in bad.stderr


def test_a_directory_without_documents_fails_and_keeps_earlier_outputs(tmp_path):
    empty = tmp_path / "nothing-here"
    empty.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("# an earlier graph\n")
    result = kgraph("build", str(empty), "-o", str(out), "--quiet")
    assert result.returncode == 1
    assert f"no documents found in {empty}" in result.stderr and "Traceback" not in result.stderr
    assert (out / "graph.ttl").read_text() == "# an earlier graph\n"
