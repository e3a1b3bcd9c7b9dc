"""kgraph: news articles → actor–relation–actor events (CAMEO/PLOVER) → an RDF knowledge graph."""

from .api import BuildResult, build, extract, query, view
from .events import register
from .model import Actor, Document, Event, Evidence, EventType

__all__ = ["Actor", "BuildResult", "Document", "Event", "EventType", "Evidence", "build", "extract",
           "query", "register", "view"]
__version__ = "0.1.0"
