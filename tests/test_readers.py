import datetime as dt
import io
import json
import sys

from kgraph.readers import read_documents
from kgraph.report import Report


def read(paths, **kw):
    report = Report(emit=lambda message: None)
    return list(read_documents(paths, report)), report


def test_news_dump_layout_is_detected(examples_dir):
    docs, report = read([examples_dir / "articles" / "01-russia-invades-ukraine.txt"])
    (doc,) = docs
    assert doc.title and doc.title[0].isupper()
    assert doc.date == dt.date(2022, 2, 24)
    assert doc.url.startswith("https://")
    # the body starts after the URL line: neither the date line nor the URL is part of the text
    assert "20220224" not in doc.text.splitlines()[0]
    assert not doc.text.startswith("http")
    assert report.read == 0 and not report.skipped


def test_directory_is_read_recursively_and_readme_is_ignored(examples_dir):
    docs, report = read([examples_dir])
    assert len(docs) == 15
    assert all(d.id.startswith("articles/") for d in docs)
    assert any(path.endswith("README.md") for path in report.ignored)
    assert not report.skipped


def test_jsonl_records_and_bad_lines(tmp_path):
    path = tmp_path / "news.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "Turkey accused Sweden of harbouring militants.", "date": "2022-05-18",
                    "url": "https://example.org/a", "title": "Turkey and Sweden"}),
        "{not json",
        json.dumps({"id": "b"}),
        json.dumps({"id": 7, "text": "France condemned the attack."}),
        json.dumps({"id": "c", "text": "Egypt hosted talks.", "date": "2022-02-30"}),
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    docs, report = read([path])
    assert [d.id for d in docs] == ["a", "7", "c"]
    assert docs[0].date == dt.date(2022, 5, 18) and docs[0].title == "Turkey and Sweden"
    assert docs[2].date is None  # impossible date: kept, without a date, with a warning
    reasons = {origin.rsplit(":", 1)[1]: reason for origin, reason in report.skipped}
    assert reasons["2"].startswith("invalid JSON")
    assert "text" in reasons["3"]
    assert any("impossible date" in w for _, w in report.warnings)


def test_html_article_text_is_extracted(tmp_path):
    body = " ".join(["Japan and South Korea agreed to resume regular talks on security, officials said."] * 6)
    html = f"""<!DOCTYPE html><html><head><title>Tokyo and Seoul to talk</title>
    <script>var tracking = "Japan attacked nobody";</script><style>p {{ color: red }}</style></head>
    <body><nav>Home | World | Sport</nav><article><h1>Tokyo and Seoul to talk</h1><p>{body}</p></article>
    <footer>Copyright</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    (doc,) = read([path])[0]
    assert "resume regular talks" in doc.text
    assert "tracking" not in doc.text and "color" not in doc.text


def test_stdin(monkeypatch):
    data = json.dumps({"id": "s", "text": "India and China held talks."}) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    docs, _ = read(["-"])
    assert [d.id for d in docs] == ["s"]


def test_encodings_and_empty_files(tmp_path):
    (tmp_path / "bom.txt").write_bytes("\ufeffGermany praised Poland.".encode("utf-8"))
    (tmp_path / "latin1.txt").write_bytes("Côte d'Ivoire's president thanked France.".encode("cp1252"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    docs, report = read([tmp_path])
    by_id = {d.id: d for d in docs}
    assert by_id["bom.txt"].text.startswith("Germany")
    assert "Côte d'Ivoire" in by_id["latin1.txt"].text
    skipped = dict(report.skipped)
    assert "empty" in skipped[str(tmp_path / "empty.txt")]
    assert "binary" in skipped[str(tmp_path / "binary.txt")]
