"""The lowlevel Server instance and the request-scoped helpers every handler
module shares. Handlers register themselves in tools.py, resources.py and
prompts.py."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import mcp.types as types
from mcp.server.lowlevel import Server
from mcp.server.lowlevel.server import request_ctx
from mcp.server.session import ServerSession
from mcp.shared.context import RequestContext
from pydantic import BaseModel
from starlette.requests import Request

from orchestra.engine import Engine, default_workflows

logger = logging.getLogger("orchestra")

LEVELS: list[types.LoggingLevel] = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"]


@dataclass
class OrchestraState:
    engine: Engine
    log_level: types.LoggingLevel = "info"


@asynccontextmanager
async def lifespan(app: Server[OrchestraState, Request]) -> AsyncIterator[OrchestraState]:
    # Each connection gets its own sandboxed engine; runs are not shared.
    logger.debug("%s: new engine", app.name)
    yield OrchestraState(engine=Engine(default_workflows()))


server: Server[OrchestraState, Request] = Server(
    "orchestra",
    "0.9.0",
    instructions="Start workflows with run_workflow, then watch orchestra://runs/{run_id}.",
    lifespan=lifespan,
)

OrchestraContext = RequestContext[ServerSession, OrchestraState, Request]


def current() -> OrchestraContext:
    return server.request_context


def state() -> OrchestraState:
    return server.request_context.lifespan_context


def progress_token() -> types.ProgressToken | None:
    meta = server.request_context.meta
    return meta.progressToken if meta is not None else None


async def report_progress(done: float, total: float, message: str | None = None) -> None:
    token = progress_token()
    if token is None:
        return
    ctx = current()
    await ctx.session.send_progress_notification(
        token, done, total=total, message=message, related_request_id=str(ctx.request_id)
    )


async def emit_log(level: types.LoggingLevel, data: Any) -> None:
    """Send a log notification if the client asked for this level."""
    if LEVELS.index(level) < LEVELS.index(state().log_level):
        return
    ctx = request_ctx.get()
    await ctx.session.send_log_message(level=level, data=data, logger="orchestra", related_request_id=ctx.request_id)


def caller() -> str:
    request = server.request_context.request
    if request is None:
        return "local"
    return request.headers.get("x-orchestra-user", "anonymous")


def registered_methods() -> list[str]:
    """Protocol methods this server answers (used by /healthz)."""
    methods: list[str] = []
    for request_type in server.request_handlers:
        if issubclass(request_type, BaseModel) and "method" in request_type.model_fields:
            methods.append(str(request_type.model_fields["method"].default))
    return sorted(methods)
