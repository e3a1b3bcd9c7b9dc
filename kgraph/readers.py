"""Readers: files, directories and standard input → Document.

Formats: JSON Lines records `{"id", "text", "title"?, "date"?, "url"?}`, the four-part news dump
(title / YYYYMMDD / URL / body), plain text and HTML (article text extracted with trafilatura).

Scraped input is damaged, huge, mislabelled and sometimes hostile. Whatever is wrong with one file or
record is reported through the Report as one line naming it (and the line, in JSON Lines) and the
problem, that file or record is skipped, and the rest is read:

- empty files and records, binary files, HTML with no article, a title with no body: skipped;
- text that is not UTF-8 is read as Windows-1252 (or what charset-normalizer finds) with a warning; a
  UTF-8 byte-order mark is dropped and UTF-16/32 with a byte-order mark is decoded; \\r\\n and \\r line
  ends become \\n; control characters (NUL, terminal escapes) and lone surrogates in the text are
  replaced by spaces and U+FFFD, one character each, so the text keeps its length (with a warning);
- JSON Lines are streamed: a malformed line, a record without a "text" string or a line longer than
  the line cap is skipped; a record with a non-string id or an impossible date is kept with a warning;
- size cap: a document longer than `max_chars` characters (default MAX_CHARS, or the environment
  variable KGRAPH_MAX_CHARS; 0 for no cap) is cut at a line break or space before the cap and the rest
  is reported as skipped ("truncated"); only the bytes that can make that many characters are read.
  Parsing with the small English model takes about 50 s and 1.5 GB of memory per million characters on
  one core, so one 100 MB text would take well over an hour and more memory than the machine has;
- language: a document confidently in none of `languages` (default English, the default model's
  language; None reads every language) is skipped with a note (kgraph.langid);
- directories: hidden entries and files that are not articles are ignored with a note; named pipes,
  sockets and devices are not read (a FIFO would block the run for ever); a broken symbolic link or a
  file symlink loop is skipped; a symbolic link to a directory is never followed: pointing back into
  the input (a loop) it is ignored, since those files are read anyway, pointing elsewhere it is skipped
  with a hint; a file reached twice (a symlink, a hard link, a repeated input) is read once.
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import hashlib
import io
import json
import os
import re
import stat
import sys
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from . import langid
from .model import Document
from .report import Report

ARTICLE_SUFFIXES = {".txt", ".text", ".jsonl", ".ndjson", ".html", ".htm", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
DATE_LINE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
URL_LINE = re.compile(r"^\s*(https?://\S+)\s*$", re.IGNORECASE)
HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[ >])", re.IGNORECASE)

SENTENCE_END = re.compile(r"[.!?\u3002\uff01\uff1f\u061f\u0964\u0965\u1362\u2026]")  # . ! ? and CJK, Arabic, Hindi, Amharic ones
MAX_CHARS = 2_000_000  # about ten times the longest news article; ~100 s and ~3.5 GB to parse
MAX_CHARS_ENV = "KGRAPH_MAX_CHARS"
SNIFF_BYTES = 8192
BYTES_PER_CHAR = 4  # the most a UTF-8 character takes: enough bytes to make max_chars characters
# HTML: markup, scripts and styles around the text, but trafilatura slows down faster than the page
# grows (a 16 MB page of repeated paragraphs takes ~100 s): 4 MB at the default cap, cut beyond that.
HTML_BYTES_PER_CHAR = 2
MIN_LINE_CAP = 64 * 1024 * 1024  # JSON Lines: a longer line is skipped unread
BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Characters that break RDF/XML, terminals or UTF-8 output: C0 controls but tab and line breaks, lone
# surrogates (a JSON "\ud800"), and the noncharacters U+FFFE/U+FFFF.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def read_documents(
    inputs: Iterable[str | os.PathLike],
    report: Report | None = None,
    *,
    languages: Collection[str] | None = langid.DEFAULT_LANGUAGES,
    max_chars: int | None = None,
) -> Iterator[Document]:
    """Yield every readable document under `inputs` (files, directories, or "-" for stdin).

    `languages`: ISO 639-1 codes of the languages to read (the parsing model's); documents confidently
    in another language are skipped with a note. None reads every language. `max_chars`: the size cap
    per document in characters (None: $KGRAPH_MAX_CHARS or MAX_CHARS; 0: no cap).

    Unknown language codes raise ValueError here, before anything is read.
    """
    report = report or Report()
    accepted = None
    if isinstance(languages, str):
        languages = [languages]
    if languages is not None:
        accepted = frozenset(languages) if set(languages) <= langid.DEFAULT_LANGUAGES else langid.check_languages(languages)
    reader = _Reader(report, resolve_max_chars(max_chars, report))
    return _language_filter(reader.read(inputs), accepted, report)


def resolve_max_chars(max_chars: int | None, report: Report) -> int | None:
    """The cap in characters (None: no cap) from the argument, else the environment, else MAX_CHARS."""
    if max_chars is None:
        raw = os.environ.get(MAX_CHARS_ENV, "").strip().replace("_", "").replace(",", "")
        if not raw:
            max_chars = MAX_CHARS
        elif raw.isdigit():
            max_chars = int(raw)
        else:
            report.warn(MAX_CHARS_ENV, f"{raw!r} is not a number of characters; the cap stays {MAX_CHARS:,}")
            max_chars = MAX_CHARS
    if max_chars < 0:
        raise ValueError(f"the size cap per document must be 0 (no cap) or a number of characters, not {max_chars}")
    return max_chars or None


def _language_filter(documents: Iterator[Document], accepted: frozenset[str] | None,
                     report: Report) -> Iterator[Document]:
    for document in documents:
        try:
            verdict = langid.foreign(document.text, accepted) if accepted else None
        except ImportError as err:  # py3langid missing: read everything, and say so once
            report.warn("language check", f"off, every document is read: {err}")
            accepted = None
            verdict = None
        if verdict is not None:
            wanted = " or ".join(langid.language_name(code) for code in sorted(accepted))
            report.skip(
                document.origin,
                f"not {wanted}: reads as {verdict.name} ({verdict.language}, p={verdict.confidence:.2f}); "
                f"to read it, parse with a {verdict.name} model (--model) and accept the language "
                f"(--language {verdict.language})",
            )
            continue
        yield document


class _Reader:
    def __init__(self, report: Report, max_chars: int | None) -> None:
        self.report = report
        self.max_chars = max_chars
        self.seen: dict[tuple[int, int], str] = {}  # (device, inode) of every regular file read

    def read(self, inputs: Iterable[str | os.PathLike]) -> Iterator[Document]:
        for item in inputs:
            if str(item) == "-":
                yield from self._read_stream(sys.stdin.buffer, "<stdin>", "stdin", sniff=True, size=None)
                continue
            path = Path(item)
            if path.is_dir():
                yield from self._read_directory(path)
            else:
                yield from self._read_file(path, _doc_key(path.name), explicit=True)

    # -- files and directories -------------------------------------------------------------------

    def _read_directory(self, root: Path) -> Iterator[Document]:
        report = self.report
        root_real = os.path.realpath(root)

        def on_error(err: OSError) -> None:
            report.skip(str(err.filename), f"cannot read directory ({err.strerror})")

        # os.walk does not follow symbolic links to directories: they are listed among the directories
        # and reported here, so a link loop cannot trap the walk and nothing is left out unsaid.
        for dirpath, dirnames, filenames in os.walk(root, onerror=on_error):
            kept = []
            for name in sorted(dirnames):
                if name.startswith("."):
                    continue
                sub = Path(dirpath) / name
                if sub.is_symlink():
                    self._directory_link(sub, root_real)
                else:
                    kept.append(name)
            dirnames[:] = kept
            for name in sorted(filenames):
                if name.startswith("."):
                    continue
                path = Path(dirpath) / name
                if path.suffix.lower() not in ARTICLE_SUFFIXES:
                    report.ignore(str(path), f"not an article file ({path.suffix or 'no suffix'})")
                    continue
                if path.is_symlink() and (target := _walked_target(path, root_real)):
                    report.ignore(str(path), f"symbolic link to {target} in this input: read there, once")
                    continue
                yield from self._read_file(path, _doc_key(path.relative_to(root).as_posix()), explicit=False)

    def _directory_link(self, link: Path, root_real: str) -> None:
        target = os.path.realpath(link)
        inside = os.path.relpath(target, root_real)
        walked = target == root_real or (
            target.startswith(root_real.rstrip(os.sep) + os.sep)
            and not any(part.startswith(".") for part in Path(inside).parts)  # hidden: not walked
        )
        if walked:
            parent = os.path.realpath(link.parent)
            loop = parent == target or parent.startswith(target.rstrip(os.sep) + os.sep)
            self.report.ignore(
                str(link),
                f"symbolic link to {'its own parent' if loop else 'a directory'} in this input "
                f"({'the input itself' if inside == '.' else inside}): not followed, "
                f"{'it is a loop and ' if loop else ''}its files are read once where they are",
            )
        else:
            self.report.skip(
                str(link),
                f"symbolic link to a directory {'outside' if inside.startswith('..') else 'hidden in'} "
                f"this input ({target}): not followed; "
                f"give that directory as an input to read it",
            )

    def _read_file(self, path: Path, doc_key: str, explicit: bool) -> Iterator[Document]:
        origin = str(path)
        try:
            st = path.stat()
        except OSError as err:
            self.report.skip(origin, _stat_problem(path, err))
            return
        if stat.S_ISDIR(st.st_mode):  # a directory that vanished and came back between two looks
            self.report.skip(origin, "a directory where a file was expected")
            return
        regular = stat.S_ISREG(st.st_mode)
        if not regular and not explicit:
            # A FIFO in a directory would block the run until something writes to it; one named on the
            # command line (a shell's <(...)) is read like standard input.
            self.report.skip(origin, f"not a regular file ({_file_kind(st.st_mode)}): not read")
            return
        if regular:
            key = (st.st_dev, st.st_ino)
            if key in self.seen:
                self.report.ignore(origin, f"the same file as {self.seen[key]}, already read")
                return
            self.seen[key] = origin
        try:
            with open(path, "rb") as stream:
                yield from self._read_stream(stream, origin, doc_key, sniff=path.suffix == "",
                                             size=st.st_size if regular else None)
        except OSError as err:
            self.report.skip(origin, f"cannot read file ({err.strerror or err})")

    # -- one stream of bytes ---------------------------------------------------------------------

    def _read_stream(self, stream: BinaryIO, origin: str, doc_key: str, sniff: bool,
                     size: int | None) -> Iterator[Document]:
        report = self.report
        head = stream.read(SNIFF_BYTES)
        encoding = next((name for bom, name in BOMS if head.startswith(bom)), None)
        if not head.strip() and (size is not None and size <= len(head) or not head):
            report.skip(origin, "empty file")
            return
        if encoding is None and b"\x00" in head:
            report.skip(origin, "binary file, not text")
            return
        probe = head.decode(encoding or "utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
        suffix = Path(doc_key).suffix.lower()
        if suffix in JSONL_SUFFIXES or (sniff and probe.startswith("{")):
            yield from self._read_jsonl(_joined(head, stream), origin, encoding)
            return
        html = suffix in HTML_SUFFIXES or bool((sniff or suffix in {".txt", ".text"}) and HTML_START.match(probe))
        per_char = HTML_BYTES_PER_CHAR if html else BYTES_PER_CHAR
        limit = None if self.max_chars is None else self.max_chars * per_char + 3
        data, total = _read_capped(head, stream, limit, size)
        more = total > len(data)
        if html:
            yield from self._read_html(data, origin, doc_key, more, total, encoding)
            return
        text = decode(data, origin, report, final=not more, encoding=encoding)
        if text is None:
            return
        if not text.strip():
            report.skip(origin, "empty file")
            return
        if _looks_binary(text):
            report.skip(origin, "binary file, not text")
            return
        text = self._cap(text, origin, more, f"{total:,} bytes in all")
        text = _scrub_text(text, origin, report)
        doc = parse_text_document(text, origin, doc_key, report)
        if doc is not None:
            yield doc

    def _cap(self, text: str, origin: str, more: bool, whole: str) -> str:
        """`text` cut at the size cap, with the cut reported (`more`: the input went on past `text`)."""
        if self.max_chars is None or (len(text) <= self.max_chars and not more):
            return text
        kept = _cut(text, self.max_chars)
        self.report.truncate(
            origin,
            f"longer than the size cap per document: read its first {len(kept):,} characters and skipped the "
            f"rest ({whole}; the cap is {self.max_chars:,} characters, set by --max-chars or "
            f"{MAX_CHARS_ENV}, 0 for none)",
        )
        return kept

    def _read_jsonl(self, stream: io.BufferedReader, origin: str, encoding: str | None) -> Iterator[Document]:
        report = self.report
        line_cap = None if self.max_chars is None else max(MIN_LINE_CAP, 8 * self.max_chars)
        records = 0
        not_utf8: list[int] = []
        for number, line in _jsonl_lines(stream, encoding, line_cap, not_utf8):
            where = f"{origin}:{number}"
            if line is None:
                report.skip(where, f"line longer than {line_cap:,} bytes: not read (the line cap follows the "
                                   f"size cap per document, --max-chars or {MAX_CHARS_ENV})")
                records += 1
                continue
            if number == 1:
                line = line.lstrip("\ufeff")
            if not line.strip():
                continue
            records += 1
            if not_utf8 and not_utf8[0] == number:
                report.warn(where, "not valid UTF-8, read as Windows-1252")
            document = self._jsonl_record(line, where, origin, number)
            if document is not None:
                yield document
        if len(not_utf8) > 1:
            report.warn(origin, f"{len(not_utf8) - 1} more line(s) not valid UTF-8, read as Windows-1252")
        if records == 0:
            report.skip(origin, "empty file")

    def _jsonl_record(self, line: str, where: str, origin: str, number: int) -> Document | None:
        report = self.report
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            report.skip(where, f"invalid JSON ({err.msg}, column {err.colno})")
            return None
        except RecursionError:
            report.skip(where, "invalid JSON (nested too deeply)")
            return None
        except ValueError as err:  # an integer of more than 4,300 digits
            report.skip(where, f"invalid JSON ({err})")
            return None
        if not isinstance(record, dict):
            report.skip(where, f"record is not a JSON object (a JSON {_json_kind(record)})")
            return None
        body = record.get("text")
        if not isinstance(body, str):
            report.skip(where, "record has no \"text\" string" + ("" if body is None else f" (a JSON {_json_kind(body)})"))
            return None
        if not body.strip():
            report.skip(where, "empty text")
            return None
        raw_id = record.get("id")
        if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)) or str(raw_id).strip() == "":
            doc_id = f"{Path(origin).name}:{number}"
            if raw_id is not None:
                report.warn(where, f"id {_short(raw_id)} is not a string; using {doc_id!r}")
        else:
            doc_id = str(raw_id)
            if isinstance(raw_id, int):
                report.warn(where, f"id {raw_id} is a number; read as the string {doc_id!r}")
        title = record.get("title") if isinstance(record.get("title"), str) else None
        url = record.get("url") if isinstance(record.get("url"), str) else None
        body = body.replace("\r\n", "\n").replace("\r", "\n")
        body = self._cap(body, where, False, f"{len(body):,} characters in all")
        return Document(
            id=_scrub(doc_id),
            text=_scrub_text(body, where, report),
            title=_scrub(title) if title else None,
            date=parse_iso_date(record.get("date"), where, report),
            url=_scrub(url) if url else None,
            origin=where,
        )

    def _read_html(self, data: bytes, origin: str, doc_key: str, more: bool, total: int,
                   encoding: str | None) -> Iterator[Document]:
        import trafilatura

        report = self.report
        html = decode(data, origin, report, final=not more, encoding=encoding)
        if html is None:
            return
        if _looks_binary(html):
            report.skip(origin, "binary file, not text")
            return
        try:
            extracted = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
        except Exception as err:  # trafilatura and lxml raise many kinds on hostile markup
            report.skip(origin, f"HTML that cannot be parsed ({type(err).__name__}: {err})")
            return
        body = getattr(extracted, "text", None) if extracted is not None else None
        if not body or not body.strip():
            report.skip(origin, "no article text found in the HTML")
            return
        if len(body.strip()) < 200 and not SENTENCE_END.search(body):
            # trafilatura falls back to any text it finds: a menu ("Home | World") is no article
            report.skip(origin, f"no article text found in the HTML (only {body.strip()[:40]!r})")
            return
        if more:
            whole = f"the HTML has {total:,} bytes; only the first {len(data):,} were parsed"
            body = self._cap(body, origin, True, whole)
        else:
            body = self._cap(body, origin, False, f"{len(body):,} characters of article text")
        date = parse_iso_date(getattr(extracted, "date", None), origin, report) if extracted.date else None
        title = getattr(extracted, "title", None) or None
        url = getattr(extracted, "url", None) or None
        yield Document(
            id=doc_key,
            text=_scrub_text(body, origin, report),
            title=_scrub(title) if title else None,
            date=date,
            url=_scrub(url) if url else None,
            origin=origin,
        )


# -- decoding and text -----------------------------------------------------------------------------


def decode(data: bytes, origin: str, report: Report, *, final: bool = True, encoding: str | None = None) -> str | None:
    """UTF-8 (a byte-order mark is dropped), or UTF-16/32 with a byte-order mark; else Windows-1252 for
    mostly-ASCII text, which is what mislabelled Western news almost always is (charset detection
    guesses wildly on short texts); else what charset-normalizer finds. Anything but UTF-8 is read with
    a warning. `final=False`: `data` is the start of a longer input, so a character cut in two at its
    end is dropped, not taken for an error."""
    if encoding is not None:
        return _newlines(codecs.getincrementaldecoder(encoding)(errors="replace").decode(data, final=final))
    try:
        text = codecs.getincrementaldecoder("utf-8-sig")().decode(data, final=final)
    except UnicodeDecodeError:
        text = None
        ascii_share = sum(b < 0x80 for b in data[:1_000_000]) / min(len(data), 1_000_000)
        found = None
        if ascii_share >= 0.9:
            for found in ("cp1252", "latin-1"):
                try:
                    text = data.decode(found)
                    break
                except UnicodeDecodeError:
                    continue
        else:
            from charset_normalizer import from_bytes

            best = from_bytes(data).best()
            found = best.encoding if best is not None else None
            text = str(best) if best is not None else None
        if text is None:
            report.skip(origin, "binary file, not text (not valid UTF-8, and no other text encoding fits)")
            return None
        report.warn(origin, f"not valid UTF-8, read as {found}")
    return _newlines(text)


def _newlines(text: str) -> str:
    # Mixed line endings: one convention for everything downstream (offsets refer to this text).
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(text: str) -> bool:
    """Decoded text that is mostly control characters and replacement marks: a binary file that has
    no NUL byte near its start (random bytes, compressed data)."""
    sample = text[:65536]
    odd = sum(1 for c in sample if (c < " " and c not in "\t\n\f\v") or c == "\ufffd" or "\x7f" <= c <= "\x9f")
    return odd > 0.1 * len(sample)


def _scrub(text: str) -> str:
    """Control characters to spaces (vertical tab and form feed to line breaks), lone surrogates and
    noncharacters to U+FFFD: one character for one, so offsets into the text stay right."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(lambda m: "\n" if m.group() in "\x0b\x0c" else " " if m.group() < " " else "\ufffd", text)


def _scrub_text(text: str, origin: str, report: Report) -> str:
    scrubbed = _scrub(text)
    if scrubbed is not text:
        n = sum(a != b for a, b in zip(text, scrubbed))
        report.warn(origin, f"{n} control character(s) or lone surrogate(s) replaced (NUL, escape codes, \\ud800)")
    return scrubbed


def _cut(text: str, limit: int) -> str:
    """The first `limit` characters of `text` or fewer: cut at a line break in the last tenth, else at a
    space, else hard."""
    if len(text) <= limit:
        return text
    for sep in ("\n", " "):
        cut = text.rfind(sep, limit - limit // 10, limit)
        if cut > 0:
            return text[:cut]
    return text[:limit]


def parse_text_document(text: str, origin: str, doc_key: str, report: Report) -> Document | None:
    """Plain text, or the four-part news dump layout when lines 2 and 3 are a YYYYMMDD date and a URL."""
    lines = text.split("\n", 3)
    head = [line.strip() for line in lines[:3]]
    if len(head) == 3 and DATE_LINE.match(head[1]) and URL_LINE.match(head[2]):
        title, url = head[0], head[2]
        date = _parse_yyyymmdd(head[1], origin, report)
        body = lines[3].strip("\n") if len(lines) > 3 else ""
        if not body.strip():
            report.skip(origin, "no body text (title only)")
            return None
        return Document(id=doc_key, text=body, title=title or None, date=date, url=url, origin=origin)
    if not text.strip():
        report.skip(origin, "empty document")
        return None
    if len(text) < 200 and "\n" not in text.strip() and not SENTENCE_END.search(text):
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
    report.warn(origin, f"impossible date {_short(value)}, document kept without a date")
    return None


# -- helpers -----------------------------------------------------------------------------------------


class _Joined(io.RawIOBase):
    """`head` (bytes already read to sniff the format), then the rest of `stream`."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self.head = memoryview(head)
        self.stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        read = getattr(self.stream, "read1", self.stream.read)
        data = read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _joined(head: bytes, stream: BinaryIO) -> io.BufferedReader:
    return io.BufferedReader(_Joined(head, stream), buffer_size=1 << 16)


def _read_capped(head: bytes, stream: BinaryIO, limit: int | None, size: int | None) -> tuple[bytes, int]:
    """(the first `limit` bytes of the input, its whole size in bytes). The rest of a pipe is read and
    counted but not kept (so a writer upstream is not cut off); the size of a file comes from stat."""
    if limit is None:
        data = head + stream.read()
        return data, len(data)
    data = head[:limit] + (stream.read(limit - len(head)) if limit > len(head) else b"")
    if size is not None and size >= len(data):
        return data, size
    total = len(data) + (len(head) - limit if len(head) > limit else 0)
    while chunk := stream.read(1 << 20):
        total += len(chunk)
    return data, total


def _jsonl_lines(stream: io.BufferedReader, encoding: str | None, line_cap: int | None,
                 not_utf8: list[int]) -> Iterator[tuple[int, str | None]]:
    """(line number, text) of each line, None for a line over `line_cap` bytes (read past, not kept).
    \\r\\n, \\r and \\n all end a line. Lines that are not UTF-8 are read as Windows-1252 and their
    numbers put in `not_utf8`."""
    if encoding is not None:  # UTF-16/32: decode the stream as a whole
        text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline=None)
        for number, line in enumerate(text, start=1):
            yield number, line.rstrip("\n")
        return
    number = 0
    size = -1 if line_cap is None else line_cap
    while raw := stream.readline(size):
        if line_cap is not None and len(raw) >= line_cap and not raw.endswith(b"\n"):
            while (rest := stream.readline(size)) and not rest.endswith(b"\n"):
                pass
            number += 1
            yield number, None
            continue
        if raw.endswith(b"\r\n"):
            raw = raw[:-2]
        elif raw.endswith(b"\n"):
            raw = raw[:-1]
        for piece in raw.split(b"\r"):
            number += 1
            try:
                yield number, piece.decode("utf-8")
            except UnicodeDecodeError:
                not_utf8.append(number)
                try:
                    yield number, piece.decode("cp1252")
                except UnicodeDecodeError:
                    yield number, piece.decode("latin-1")


def _walked_target(link: Path, root_real: str) -> str | None:
    """The target of a file symlink, relative to the input, when the directory walk reads it anyway."""
    target = os.path.realpath(link)
    if not target.startswith(root_real.rstrip(os.sep) + os.sep) or not os.path.isfile(target):
        return None
    relative = Path(os.path.relpath(target, root_real))
    if any(part.startswith(".") for part in relative.parts) or relative.suffix.lower() not in ARTICLE_SUFFIXES:
        return None
    return relative.as_posix()


def _stat_problem(path: Path, err: OSError) -> str:
    if path.is_symlink():
        if err.errno == errno.ELOOP:
            return f"symbolic link loop ({err.strerror})"
        if err.errno == errno.ENOENT:
            return f"broken symbolic link: its target {os.readlink(path)} does not exist"
    if err.errno == errno.ENOENT:
        return "no such file or directory"
    return f"cannot read file ({err.strerror or err})"


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"


def _json_kind(value: object) -> str:
    return {list: "array", str: "string", bool: "boolean", type(None): "null", dict: "object"}.get(
        type(value), "number")


def _short(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _doc_key(name: str) -> str:
    """A path as a document id: bytes of a file name that are not UTF-8 become \\xNN escapes."""
    return _scrub(os.fsencode(name).decode("utf-8", "backslashreplace"))


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
