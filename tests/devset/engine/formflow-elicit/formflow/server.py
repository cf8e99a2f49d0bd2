"""Import this module to get a fully registered server."""

from __future__ import annotations

from formflow import content, tools
from formflow.app import mcp, settings

__all__ = ["mcp", "settings", "content", "tools"]
