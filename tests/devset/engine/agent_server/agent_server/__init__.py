"""research-agent MCP server."""

from .models import IndexReport, Summary, TripPreferences, WordStats
from .server import mcp
from .state import AppState, KnowledgeBase, app_lifespan

__all__ = ["AppState", "IndexReport", "KnowledgeBase", "Summary", "TripPreferences", "WordStats", "app_lifespan", "mcp"]
