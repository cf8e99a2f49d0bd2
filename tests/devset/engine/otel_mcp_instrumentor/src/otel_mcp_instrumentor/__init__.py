"""OpenTelemetry instrumentation for the MCP Python SDK.

Usage::

    from otel_mcp_instrumentor import MCPInstrumentor

    MCPInstrumentor().instrument(tracer_provider=provider)
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from opentelemetry import trace  # type: ignore[import-not-found]

from mcp import ClientSession
from mcp.server.fastmcp.tools import ToolManager
from mcp.server.lowlevel.server import Server
from mcp.shared.session import BaseSession

from otel_mcp_instrumentor.client_wrappers import wrap_call_tool, wrap_received_notification, wrap_send_request
from otel_mcp_instrumentor.server_wrappers import patch_server_decorators, wrap_handle_request, wrap_tool_manager_call

__version__ = "0.4.2"
__all__ = ["MCPInstrumentor", "__version__"]

_instruments = ("mcp >= 1.8.1, < 2.0.0",)


class MCPInstrumentor:
    """Mirrors opentelemetry-instrumentation's `BaseInstrumentor` API (entry point `mcp`)."""

    def __init__(self) -> None:
        self._originals: list[tuple[type[Any], str, Any]] = []

    def instrumentation_dependencies(self) -> Collection[str]:
        return _instruments

    def _patch(self, owner: type[Any], attribute: str, wrapper: Any) -> None:
        self._originals.append((owner, attribute, owner.__dict__[attribute]))
        setattr(owner, attribute, wrapper)

    def instrument(self, **kwargs: Any) -> None:
        if self._originals:
            return
        tracer = kwargs.get("tracer") or trace.get_tracer(__name__, __version__, kwargs.get("tracer_provider"))

        self._patch(BaseSession, "send_request", wrap_send_request(tracer, BaseSession.send_request))
        self._patch(ClientSession, "call_tool", wrap_call_tool(tracer, ClientSession.call_tool))
        self._patch(
            ClientSession,
            "_received_notification",
            wrap_received_notification(tracer, ClientSession._received_notification),
        )
        self._patch(Server, "_handle_request", wrap_handle_request(tracer, Server._handle_request))
        self._patch(ToolManager, "call_tool", wrap_tool_manager_call(tracer, ToolManager.call_tool))
        for attribute, wrapper in patch_server_decorators(tracer).items():
            self._patch(Server, attribute, wrapper)

    def uninstrument(self, **kwargs: Any) -> None:
        for owner, attribute, original in reversed(self._originals):
            setattr(owner, attribute, original)
        self._originals.clear()
