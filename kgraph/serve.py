"""`kgraph serve`: a real SPARQL 1.1 Protocol endpoint — Oxigraph's server — over a graph.

kgraph does not implement HTTP: it loads the graph into an Oxigraph store directory and starts the
`oxigraph` server (from the PyPI package of that name) on 127.0.0.1, read-only (`serve-read-only`)
unless the user explicitly asks for a writable endpoint, with a query time limit.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .sparql import OX_FORMATS, QueryError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878


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
    fmt = OX_FORMATS.get(graph.suffix.lower())
    if fmt is None:
        raise QueryError(f"{graph}: unknown RDF file type {graph.suffix!r}")
    if not graph.exists():
        raise QueryError(f"{graph}: no such graph file")
    store = ox.Store(str(location))
    try:
        store.bulk_load(path=str(graph), format=fmt)
    except SyntaxError as err:
        raise QueryError(f"{graph}: not valid RDF ({err})") from err
    store.flush()
    del store  # release the directory lock before the server opens it
    return location


@dataclass
class Server:
    process: subprocess.Popen
    url: str
    location: Path
    _tmp: tempfile.TemporaryDirectory | None = None

    @property
    def query_url(self) -> str:
        return self.url + "/query"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        if self._tmp is not None:
            self._tmp.cleanup()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def serve(graph: str | Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, writable: bool = False,
          timeout_s: int = 30, store: str | Path | None = None, wait: float = 20.0) -> Server:
    """Start the endpoint and return once it answers. Read-only unless `writable`."""
    tmp = None
    if store is None and not Path(graph).is_dir():
        tmp = tempfile.TemporaryDirectory(prefix="kgraph-serve-")
        store = tmp.name
    location = load_store_dir(graph, store or graph)
    command = [oxigraph_binary(), "serve" if writable else "serve-read-only", "--location", str(location),
               "--bind", f"{host}:{port}", "--timeout-s", str(timeout_s)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    server = Server(process, f"http://{host}:{port}", location, tmp)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if process.poll() is not None:
            err = process.stderr.read().decode(errors="replace").strip() if process.stderr else ""
            server.stop()
            raise RuntimeError(f"the SPARQL server did not start on {host}:{port}: {err[-300:]}")
        try:
            with urllib.request.urlopen(server.query_url + "?query=ASK%7B%7D", timeout=1):
                return server
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.1)
    server.stop()
    raise RuntimeError(f"the SPARQL server on {host}:{port} did not answer within {wait:.0f} s")
