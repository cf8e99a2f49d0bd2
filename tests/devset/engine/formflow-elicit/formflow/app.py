"""The FastMCP application object and its lifespan."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from mcp.server.fastmcp import FastMCP
from mcp.server.session import ServerSession
from mcp.server.transport_security import TransportSecuritySettings
from mcp.types import LoggingLevel
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from formflow.settings import ServerSettings
from formflow.state import FormflowState

logger = logging.getLogger("formflow")

settings = ServerSettings.from_env()

INSTRUCTIONS = (
    "Formflow runs interactive forms. Start a wizard with start_signup, run a one-question "
    "poll with quick_poll, and browse templates under forms://templates/{template_id}."
)


@asynccontextmanager
async def formflow_lifespan(server: FastMCP[FormflowState]) -> AsyncIterator[FormflowState]:
    state = FormflowState.seeded()
    logger.debug("formflow state ready for %s", server.name)
    try:
        yield state
    finally:
        open_runs = [r.wizard_id for r in state.runs.values() if r.status == "in_progress"]
        if open_runs:
            logger.info("abandoning %d open wizard runs: %s", len(open_runs), ", ".join(open_runs))


def _transport_security(cfg: ServerSettings) -> TransportSecuritySettings | None:
    if not cfg.public_host:
        return None
    return TransportSecuritySettings(
        enable_dns_rebinding_protection=True,
        allowed_hosts=[f"{cfg.host}:*"],
        allowed_origins=list(cfg.allowed_origins),
    )


mcp: FastMCP[FormflowState] = FastMCP(
    "formflow",
    INSTRUCTIONS,
    lifespan=formflow_lifespan,
    host=settings.host,
    port=settings.port,
    sse_path=settings.sse_path,
    streamable_http_path=settings.streamable_http_path,
    json_response=settings.json_response,
    stateless_http=settings.stateless_http,
    transport_security=_transport_security(settings),
    log_level=settings.log_level,
)


@mcp.custom_route("/healthz", methods=["GET"])
async def healthz(request: Request) -> Response:
    return JSONResponse(
        {
            "status": "ok",
            "server": mcp.name,
            "transport": settings.transport,
            "path": mcp.settings.streamable_http_path,
        }
    )


@mcp._mcp_server.set_logging_level()
async def set_logging_level(level: LoggingLevel) -> None:
    ctx = mcp._mcp_server.request_context
    state: FormflowState = ctx.lifespan_context
    state.log_level = level
    session: ServerSession = ctx.session
    await session.send_log_message(level="notice", data=f"log level set to {level}", logger="formflow")
