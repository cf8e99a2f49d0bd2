"""Trivial stateless echo server; handy for load-balancer smoke tests."""

from __future__ import annotations

import platform
import time

from mcp.server.fastmcp import FastMCP
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

STARTED = time.time()

echo = FastMCP(
    name="echo",
    stateless_http=True,
    json_response=True,
    streamable_http_path="/",
    log_level="WARNING",
)


@echo.tool(description="Echo the input back, optionally upper-cased")
def say(text: str, shout: bool = False) -> str:
    return text.upper() if shout else text


@echo.tool()
def server_time() -> dict[str, float]:
    """Current server time and uptime in seconds."""
    now = time.time()
    return {"now": now, "uptime": now - STARTED}


@echo.resource("echo://info")
def info() -> str:
    return f"echo server on {platform.node()} (python {platform.python_version()})"


@echo.custom_route("/health", methods=["GET"])
async def health(request: Request) -> Response:
    return JSONResponse(
        {
            "status": "ok",
            "server": echo.name,
            "stateless": echo.settings.stateless_http,
            "path": echo.settings.streamable_http_path,
        }
    )
