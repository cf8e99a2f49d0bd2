"""The buildops FastMCP server object.

Feature modules (``builds``, ``artifacts``, ``prompts``, ``subscriptions``)
import :data:`mcp` from here and register their handlers on it; use
:func:`buildops.app.get_server` to obtain a fully populated server.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from mcp.server.fastmcp import FastMCP
from mcp.server.transport_security import TransportSecuritySettings
from mcp.types import Icon, LoggingLevel
from starlette.requests import Request
from starlette.responses import JSONResponse

from buildops import __version__
from buildops.pipeline import BuildQueue, default_pipelines

INSTRUCTIONS = """\
You are connected to the CI build controller.
Use list_builds / get_build to inspect state before acting.
trigger_build, cancel_build and retry_step change real builds: explain what
you are about to do first. Build logs are exposed as resources under
buildops://builds/{build_id}/log.
"""


@dataclass
class OpsState:
    queue: BuildQueue
    client_log_level: LoggingLevel = "info"
    audit: list[str] = field(default_factory=list)


# One controller per process; every MCP session sees the same queue.
BUILD_QUEUE = BuildQueue(default_pipelines())


@asynccontextmanager
async def ops_lifespan(server: FastMCP[OpsState]) -> AsyncIterator[OpsState]:
    yield OpsState(queue=BUILD_QUEUE, audit=[f"session opened on {server.name}"])


mcp: FastMCP[OpsState] = FastMCP(
    "buildops",
    INSTRUCTIONS,
    website_url="https://ci.internal/docs/buildops",
    icons=[Icon(src="https://ci.internal/static/buildops-64.png", mimeType="image/png", sizes=["64x64"])],
    host="127.0.0.1",
    port=8765,
    streamable_http_path="/mcp",
    json_response=False,
    stateless_http=False,
    lifespan=ops_lifespan,
    transport_security=TransportSecuritySettings(
        enable_dns_rebinding_protection=True,
        allowed_hosts=["127.0.0.1:*", "localhost:*", "ci-ops.internal"],
        allowed_origins=["http://127.0.0.1:*", "http://localhost:*", "https://ci-ops.internal"],
    ),
)


@mcp.custom_route("/status", methods=["GET"])
async def status(request: Request) -> JSONResponse:
    return JSONResponse(
        {
            "service": mcp.name,
            "version": __version__,
            "builds": BUILD_QUEUE.stats(),
            "transport": {
                "path": mcp.settings.streamable_http_path,
                "json_response": mcp.settings.json_response,
                "stateless": mcp.settings.stateless_http,
            },
        }
    )
