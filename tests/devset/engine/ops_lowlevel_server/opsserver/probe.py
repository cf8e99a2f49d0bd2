"""Minimal health-probe server used by the load balancer (built in a factory function)."""

from __future__ import annotations

import time
from typing import Any

from mcp import types
from mcp.server.lowlevel import Server
from mcp.server.lowlevel.server import request_ctx


def build_probe_server(checks: dict[str, Any] | None = None, *, version: str = "1"):
    started = time.monotonic()
    checks = checks if checks is not None else {"db": lambda: True, "queue": lambda: True}
    server = Server("ops-probe", version)

    @server.list_tools()
    async def list_tools():
        return [
            types.Tool(
                name="health",
                description="Run all health checks",
                inputSchema={"type": "object", "properties": {}},
            )
        ]

    @server.call_tool(validate_input=False)
    async def call_tool(name, arguments):
        if name != "health":
            return types.CallToolResult(content=[types.TextContent(type="text", text=f"no tool {name}")], isError=True)
        results = {check: bool(fn()) for check, fn in checks.items()}
        ctx = request_ctx.get()
        client = ctx.session.client_params
        return {
            "ok": all(results.values()),
            "checks": results,
            "uptime": round(time.monotonic() - started, 3),
            "caller": client.clientInfo.name if client else None,
        }

    @server.progress_notification()
    async def on_progress(token, progress, total, message):
        # the LB sends progress pings as keep-alives; nothing to do
        return None

    return server
