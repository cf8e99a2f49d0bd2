"""Assemble the full buildops server (server object plus every feature module)."""

from __future__ import annotations

from mcp.server.fastmcp import FastMCP

from buildops.server import OpsState, mcp

_loaded = False


def get_server() -> FastMCP[OpsState]:
    """Import the feature modules (which register on :data:`buildops.server.mcp`) and return the server."""
    global _loaded
    if not _loaded:
        from buildops import artifacts, builds, prompts, subscriptions

        _ = (artifacts, builds, prompts, subscriptions)
        _loaded = True
    return mcp
