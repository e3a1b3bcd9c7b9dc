"""kgraph: news articles → actor–relation–actor events (CAMEO/PLOVER) → an RDF knowledge graph."""

# The modules named like API functions load first: importing one later would rebind kgraph.stats or
# kgraph.view from the function to the module.
from . import stats as _stats_module, view as _view_module  # noqa: F401  (cheap: their heavy imports are lazy)
from .api import BuildResult, build, export, extract, query, remove, stats, validate, view
from .events import register
from .model import Actor, Document, Event, Evidence, EventType

__all__ = ["Actor", "BuildResult", "Document", "Event", "EventType", "Evidence", "build", "export", "extract",
           "query", "register", "remove", "stats", "validate", "view"]
__version__ = "0.1.0"
