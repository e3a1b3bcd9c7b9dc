"""Readers: files, directories and standard input → Document.

Formats: JSON Lines records `{"id", "text", "title"?, "date"?, "url"?}`, the four-part news dump
(title / YYYYMMDD / URL / body), plain text and HTML (article text extracted with trafilatura).
A bad file or record is reported through the Report and skipped; the rest is read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from .model import Document
from .report import Report

ARTICLE_SUFFIXES = {".txt", ".text", ".jsonl", ".ndjson", ".html", ".htm", ""}
DATE_LINE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
URL_LINE = re.compile(r"^\s*(https?://\S+)\s*$", re.IGNORECASE)
HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[ >])", re.IGNORECASE)


def read_documents(inputs: Iterable[str | os.PathLike], report: Report | None = None) -> Iterator[Document]:
    """Yield every readable document under `inputs` (files, directories, or "-" for stdin)."""
    report = report or Report()
    for item in inputs:
        if str(item) == "-":
            yield from _read_bytes(sys.stdin.buffer.read(), "<stdin>", "stdin", report, sniff=True)
            continue
        path = Path(item)
        if path.is_dir():
            yield from _read_directory(path, report)
        elif path.exists():
            yield from _read_file(path, path.name, report)
        else:
            report.skip(str(path), "no such file or directory")


def _read_directory(root: Path, report: Report) -> Iterator[Document]:
    # os.walk does not follow directory symlinks by default, so symlink loops cannot trap it;
    # linked files are read like any other file.
    def on_error(err: OSError) -> None:
        report.skip(str(err.filename), f"cannot read directory ({err.strerror})")

    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(dirpath) / name
            rel = path.relative_to(root).as_posix()
            if path.suffix.lower() not in ARTICLE_SUFFIXES:
                report.ignore(str(path), f"not an article file ({path.suffix or 'no suffix'})")
                continue
            yield from _read_file(path, rel, report)


def _read_file(path: Path, doc_key: str, report: Report) -> Iterator[Document]:
    try:
        data = path.read_bytes()
    except OSError as err:
        report.skip(str(path), f"cannot read file ({err.strerror or err})")
        return
    yield from _read_bytes(data, str(path), doc_key, report, sniff=path.suffix.lower() == "")


def _read_bytes(data: bytes, origin: str, doc_key: str, report: Report, sniff: bool) -> Iterator[Document]:
    if not data.strip():
        report.skip(origin, "empty file")
        return
    if b"\x00" in data[:8192]:
        report.skip(origin, "binary file, not text")
        return
    suffix = Path(doc_key).suffix.lower()
    if suffix in {".html", ".htm"} or (sniff or suffix in {".txt", ".text"}) and HTML_START.match(data):
        yield from _read_html(data, origin, doc_key, report)
        return
    text = decode(data, origin, report)
    if text is None:
        return
    if suffix in {".jsonl", ".ndjson"} or (sniff and text.lstrip().startswith("{")):
        yield from _read_jsonl(text, origin, report)
    else:
        doc = parse_text_document(text, origin, doc_key, report)
        if doc is not None:
            yield doc


def decode(data: bytes, origin: str, report: Report) -> str | None:
    """UTF-8 (a byte-order mark is dropped); else Windows-1252 for mostly-ASCII text, which is what
    mislabelled Western news almost always is (charset detection guesses wildly on short texts); else
    what charset-normalizer finds. Anything but UTF-8 is read with a warning."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
        ascii_share = sum(b < 0x80 for b in data) / len(data)
        if ascii_share >= 0.9:
            for encoding in ("cp1252", "latin-1"):
                try:
                    text = data.decode(encoding)
                    break
                except UnicodeDecodeError:
                    continue
        else:
            from charset_normalizer import from_bytes

            best = from_bytes(data).best()
            encoding = best.encoding if best is not None else None
            text = str(best) if best is not None else None
        if text is None:
            report.skip(origin, "not valid UTF-8 and no other text encoding fits")
            return None
        report.warn(origin, f"not valid UTF-8, read as {encoding}")
    # Mixed line endings: one convention for everything downstream (offsets refer to this text).
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_text_document(text: str, origin: str, doc_key: str, report: Report) -> Document | None:
    """Plain text, or the four-part news dump layout when lines 2 and 3 are a YYYYMMDD date and a URL."""
    lines = text.split("\n")
    head = [line.strip() for line in lines[:3]]
    if len(head) == 3 and DATE_LINE.match(head[1]) and URL_LINE.match(head[2]):
        title, url = head[0], head[2]
        date = _parse_yyyymmdd(head[1], origin, report)
        body = "\n".join(lines[3:]).strip("\n")
        if not body.strip():
            report.skip(origin, "no body text (title only)")
            return None
        return Document(id=doc_key, text=body, title=title or None, date=date, url=url, origin=origin)
    if not text.strip():
        report.skip(origin, "empty document")
        return None
    if len(lines) == 1 and len(text) < 200 and not re.search(r"[.!?]", text):
        report.skip(origin, "no body text (title only)")
        return None
    return Document(id=doc_key, text=text, origin=origin)


def _parse_yyyymmdd(value: str, origin: str, report: Report) -> dt.date | None:
    m = DATE_LINE.match(value)
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
    except ValueError:
        report.warn(origin, f"impossible date {value.strip()!r}, document kept without a date")
        return None


def parse_iso_date(value: object, origin: str, report: Report) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        text = value.strip()
        if DATE_LINE.match(text):
            return _parse_yyyymmdd(text, origin, report)
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            pass
    report.warn(origin, f"impossible date {value!r}, document kept without a date")
    return None


def _read_jsonl(text: str, origin: str, report: Report) -> Iterator[Document]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            report.skip(where, f"invalid JSON ({err.msg})")
            continue
        if not isinstance(record, dict):
            report.skip(where, "record is not a JSON object")
            continue
        body = record.get("text")
        if not isinstance(body, str):
            report.skip(where, "record has no \"text\" string")
            continue
        if not body.strip():
            report.skip(where, "empty text")
            continue
        raw_id = record.get("id")
        if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)) or str(raw_id).strip() == "":
            if raw_id is not None:
                report.warn(where, f"id {raw_id!r} is not a string; using the line number")
            doc_id = f"{Path(origin).name}:{number}"
        else:
            doc_id = str(raw_id)
            if isinstance(raw_id, int):
                report.warn(where, f"id {raw_id} is a number; read as the string {doc_id!r}")
        title = record.get("title") if isinstance(record.get("title"), str) else None
        url = record.get("url") if isinstance(record.get("url"), str) else None
        body = body.replace("\r\n", "\n").replace("\r", "\n")
        yield Document(
            id=doc_id,
            text=body,
            title=title,
            date=parse_iso_date(record.get("date"), where, report),
            url=url,
            origin=where,
        )


def _read_html(data: bytes, origin: str, doc_key: str, report: Report) -> Iterator[Document]:
    import trafilatura

    html = decode(data, origin, report)
    if html is None:
        return
    extracted = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    body = getattr(extracted, "text", None) if extracted is not None else None
    if not body or not body.strip():
        report.skip(origin, "no article text found in the HTML")
        return
    date = parse_iso_date(getattr(extracted, "date", None), origin, report) if extracted.date else None
    yield Document(
        id=doc_key,
        text=body,
        title=getattr(extracted, "title", None) or None,
        date=date,
        url=getattr(extracted, "url", None) or None,
        origin=origin,
    )


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
