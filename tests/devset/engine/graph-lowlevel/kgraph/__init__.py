"""Knowledge-graph MCP server built on the lowlevel ``mcp`` Server."""

from __future__ import annotations

__version__ = "0.6.2"

from kgraph.graph import Entity, GraphStore, Relation  # noqa: E402

__all__ = ["Entity", "GraphStore", "Relation", "__version__"]
