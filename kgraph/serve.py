"""`kgraph serve`: a real SPARQL 1.1 Protocol endpoint — Oxigraph's server — behind a small guard.

The SPARQL engine and protocol are Oxigraph's (the `oxigraph` server from PyPI, `serve-read-only`
unless the user asks for a writable endpoint). kgraph loads the graph into an Oxigraph store
directory, starts that server on a private loopback port, and puts a guard in front of it on the
address users connect to (127.0.0.1 by default).

Why a guard at all: Oxigraph's `--timeout-s` stops some queries, but a sort over a cross join keeps
running (and growing in memory) after its client has gone, and a plain `SELECT *` streams results
without any size limit. The guard forwards only the SPARQL endpoints, buffers each answer (spilling
to a temporary file) up to a size limit, turns an answer that Oxigraph had to abandon half-way into
an HTTP error instead of a truncated 200, and restarts the engine when a query outlives the time
limit, which is the only way to stop one that Oxigraph cannot cancel. It does not parse or evaluate
SPARQL; the standard library's HTTP server and client are enough for a forwarder.
"""

from __future__ import annotations

import http.client
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph as ox

from .sparql import load_file

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT_S = 30
DEFAULT_MAX_RESULT_MB = 100
MAX_QUERY_BYTES = 1 << 20  # a SPARQL query (not an update) larger than 1 MiB is refused
READ_ONLY_PATHS = frozenset({"/query"})
WRITABLE_PATHS = READ_ONLY_PATHS | {"/update", "/store"}
FORWARDED_HEADERS = ("Accept", "Content-Type")
SPOOL_IN_MEMORY = 8 << 20


def oxigraph_binary() -> str:
    for candidate in (Path(sys.executable).parent / "oxigraph", shutil.which("oxigraph")):
        if candidate and Path(candidate).exists():
            return str(candidate)
    raise FileNotFoundError("the oxigraph server is not installed (pip install oxigraph)")


def load_store_dir(graph: str | Path, location: str | Path) -> Path:
    """Bulk-load a graph file into an Oxigraph store directory (a directory is used as it is)."""
    graph = Path(graph)
    location = Path(location)
    if graph.is_dir():
        return graph
    store = ox.Store(str(location))
    load_file(store, graph)
    store.flush()
    del store  # release the directory lock before the server opens it
    return location


def _free_loopback_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Engine:
    """The Oxigraph server process on a private loopback port, restartable."""

    def __init__(self, location: Path, writable: bool, timeout_s: int, wait: float):
        self.location = location
        self.writable = writable
        self.timeout_s = timeout_s
        self.wait = wait
        self.port = _free_loopback_port()
        self.process: subprocess.Popen | None = None
        self.restarts = 0
        self._lock = threading.Lock()
        self.start()

    def start(self) -> None:
        command = [oxigraph_binary(), "serve" if self.writable else "serve-read-only",
                   "--location", str(self.location), "--bind", f"127.0.0.1:{self.port}",
                   "--timeout-s", str(self.timeout_s)]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + self.wait
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                err = self.process.stderr.read().decode(errors="replace").strip() if self.process.stderr else ""
                raise RuntimeError(f"the Oxigraph server did not start: {err[-300:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"the Oxigraph server did not answer within {self.wait:.0f} s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def restart(self, seen: subprocess.Popen) -> None:
        """Restart unless another request already restarted the process it saw."""
        with self._lock:
            if self.process is not seen:
                return
            self.process.kill()  # a runaway query may hold gigabytes; no need to be gentle
            self.process.wait()
            self.restarts += 1
            self.start()


class _Refused(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


class GuardHandler(BaseHTTPRequestHandler):
    server: GuardServer
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self._forward("GET")

    def do_POST(self) -> None:
        self._forward("POST")

    def do_PUT(self) -> None:
        self._forward("PUT")

    def do_DELETE(self) -> None:
        self._forward("DELETE")

    def log_message(self, format: str, *args) -> None:  # noqa: A002 — the base class's signature
        if self.server.log:
            super().log_message(format, *args)

    def _forward(self, method: str) -> None:
        guard = self.server
        try:
            path = urlsplit(self.path).path
            if path == "/":
                help_text = f"SPARQL endpoint: {guard.public_url}/query" + (
                    f" (updates: {guard.public_url}/update)" if guard.engine.writable else "")
                self._send(200, help_text.encode() + b"\n", "text/plain; charset=utf-8")
                return
            if path not in guard.allowed_paths:
                status = 403 if path in WRITABLE_PATHS else 404
                raise _Refused(status, f"{path} is not served here"
                               + ("; the endpoint is read-only (kgraph serve --writable allows updates)"
                                  if status == 403 else ""))
            if method in {"PUT", "DELETE"} and path != "/store":
                raise _Refused(405, f"{method} is not allowed on {path}")
            length = self._request_length(method, path)
            self._relay(method, length)
        except _Refused as refused:
            self._send(refused.status, str(refused).encode() + b"\n", "text/plain; charset=utf-8")

    def _request_length(self, method: str, path: str) -> int:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            raise _Refused(411, "send the request body with a Content-Length")
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError as err:
            raise _Refused(400, "invalid Content-Length") from err
        if length < 0:
            raise _Refused(400, "invalid Content-Length")
        if path == "/query" and length > MAX_QUERY_BYTES:
            raise _Refused(413, f"a query may be at most {MAX_QUERY_BYTES} bytes")
        return length

    def _request_body(self, length: int):
        remaining = length
        while remaining:
            block = self.rfile.read(min(remaining, 1 << 16))
            if not block:
                return
            remaining -= len(block)
            yield block

    def _relay(self, method: str, length: int) -> None:
        guard = self.server
        engine = guard.engine
        process = engine.process
        deadline = time.monotonic() + engine.timeout_s
        headers = {name: self.headers[name] for name in FORWARDED_HEADERS if self.headers.get(name)}
        headers["Content-Length"] = str(length)
        upstream = http.client.HTTPConnection("127.0.0.1", engine.port, timeout=engine.timeout_s)
        try:
            upstream.request(method, self.path, body=self._request_body(length) if length else None,
                             headers=headers)
            sock = upstream.sock  # kept: the response may take the connection over
            response = upstream.getresponse()
            with tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY) as body:
                size = self._read_answer(response, sock, body, deadline)
                complete = size >= 0
                if not complete:
                    raise _Refused(500, "the SPARQL engine stopped the query part-way: it ran past the "
                                   f"{engine.timeout_s} s time limit or failed")
                body.seek(0)
                self._send(response.status, body, response.getheader("Content-Type", "text/plain"),
                           size=size)
        except TimeoutError as err:
            upstream.close()
            engine.restart(process)
            raise _Refused(503, f"query stopped: it ran past the {engine.timeout_s} s time limit") from err
        except (ConnectionError, http.client.HTTPException) as err:
            raise _Refused(502, f"the SPARQL engine did not answer ({err.__class__.__name__})") from err
        finally:
            upstream.close()

    def _read_answer(self, response: http.client.HTTPResponse, sock: socket.socket, sink, deadline: float) -> int:
        """Copy the answer into `sink`; return its size, or -1 if the engine broke it off."""
        limit = self.server.max_result_bytes
        size = 0
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            sock.settimeout(left)
            try:
                block = response.read1(1 << 16)
            except http.client.IncompleteRead:
                return -1
            if not block:
                break
            size += len(block)
            if size > limit:
                raise _Refused(413, f"the answer is larger than the {limit >> 20} MiB limit of this endpoint; "
                               "add a LIMIT to the query (or start kgraph serve with a larger --max-result-mb)")
            sink.write(block)
        # Oxigraph signals a query it cancelled while streaming by ending the body with this text
        sink.seek(max(0, size - 200))
        if b"has been cancelled" in sink.read():
            return -1
        return size

    def _send(self, status: int, body, content_type: str, size: int | None = None) -> None:
        payload = body if isinstance(body, bytes) else None
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload) if payload is not None else size))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if payload is not None:
            self.wfile.write(payload)
        else:
            shutil.copyfileobj(body, self.wfile)


class GuardServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, engine: Engine, max_result_bytes: int, log: bool):
        super().__init__(address, GuardHandler)
        self.engine = engine
        self.max_result_bytes = max_result_bytes
        self.log = log
        self.allowed_paths = WRITABLE_PATHS if engine.writable else READ_ONLY_PATHS
        self.public_url = f"http://{address[0]}:{self.server_address[1]}"


@dataclass
class Server:
    engine: Engine
    guard: GuardServer
    url: str
    _tmp: tempfile.TemporaryDirectory | None = None
    _thread: threading.Thread | None = field(default=None, repr=False)

    @property
    def query_url(self) -> str:
        return self.url + "/query"

    @property
    def process(self) -> subprocess.Popen:
        return self.engine.process

    def wait(self) -> None:
        """Block until the server is stopped (Ctrl-C in the CLI)."""
        while self._thread is not None and self._thread.is_alive():
            self._thread.join(0.5)

    def stop(self) -> None:
        self.guard.shutdown()
        self.guard.server_close()
        self.engine.stop()
        if self._tmp is not None:
            self._tmp.cleanup()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def serve(graph: str | Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, writable: bool = False,
          timeout_s: int = DEFAULT_TIMEOUT_S, max_result_mb: int = DEFAULT_MAX_RESULT_MB,
          store: str | Path | None = None, wait: float = 20.0, log: bool = False) -> Server:
    """Start the endpoint and return once it answers. Read-only unless `writable`."""
    if timeout_s <= 0 or max_result_mb <= 0:
        raise ValueError("the time limit and the result size limit must be positive")
    tmp = None
    if store is None and not Path(graph).is_dir():
        tmp = tempfile.TemporaryDirectory(prefix="kgraph-serve-")
        store = tmp.name
    location = load_store_dir(graph, store or graph)
    engine = Engine(location, writable, timeout_s, wait)
    try:
        guard = GuardServer((host, port), engine, max_result_mb << 20, log)
    except OSError as err:
        engine.stop()
        raise RuntimeError(f"cannot listen on {host}:{port}: {err.strerror or err}") from err
    thread = threading.Thread(target=guard.serve_forever, name="kgraph-serve", daemon=True)
    thread.start()
    server = Server(engine, guard, f"http://{host}:{guard.server_address[1]}", tmp, thread)
    try:
        with urllib.request.urlopen(server.query_url + "?query=ASK%7B%7D", timeout=wait):
            return server
    except (urllib.error.URLError, OSError) as err:
        server.stop()
        raise RuntimeError(f"the SPARQL endpoint on {host}:{port} did not answer: {err}") from err
