"""Normalising the different server objects a test may hand us."""

from __future__ import annotations

from typing import Any

from mcp.server.fastmcp import FastMCP
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.models import InitializationOptions

AnyServer = Server[Any, Any] | FastMCP[Any]


def lowlevel(server: AnyServer) -> Server[Any, Any]:
    """Return the protocol-level server behind *server*."""
    if isinstance(server, FastMCP):
        return server._mcp_server
    return server


def init_options(
    server: AnyServer,
    *,
    notification_options: NotificationOptions | None = None,
    experimental: dict[str, dict[str, Any]] | None = None,
) -> InitializationOptions:
    srv = lowlevel(server)
    return srv.create_initialization_options(
        notification_options=notification_options,
        experimental_capabilities=experimental,
    )
