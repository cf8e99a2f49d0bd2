"""Assemble the full server: importing the feature modules registers their handlers."""

from __future__ import annotations

from . import prompts, resources, tickets, watchers, web
from .app import DeskState, mcp

__all__ = ["mcp", "DeskState", "prompts", "resources", "tickets", "watchers", "web"]
