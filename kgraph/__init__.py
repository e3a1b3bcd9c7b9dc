"""kgraph: news articles → actor–relation–actor events (CAMEO/PLOVER) → an RDF knowledge graph."""

from .api import BuildResult, build, export, extract, query, remove, stats, validate, view
from .events import register
from .model import Actor, Document, Event, Evidence, EventType

__all__ = ["Actor", "BuildResult", "Document", "Event", "EventType", "Evidence", "build", "export", "extract",
           "query", "register", "remove", "stats", "validate", "view"]
__version__ = "0.1.0"
