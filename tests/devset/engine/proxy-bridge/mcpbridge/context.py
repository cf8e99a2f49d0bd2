"""Helpers for reading the active downstream request from anywhere in the bridge."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from starlette.requests import Request

from mcp import types
from mcp.server.lowlevel.server import request_ctx
from mcp.server.session import ServerSession
from mcp.shared.context import RequestContext

if TYPE_CHECKING:
    from mcpbridge.server import Bridge


@dataclass
class BridgeState:
    """Lifespan value handed to every request handler."""

    bridge: Bridge
    started_at: float = field(default_factory=time.monotonic)
    requests: int = 0


BridgeContext = RequestContext[ServerSession, BridgeState, Request]


def current() -> RequestContext[ServerSession, Any, Any] | None:
    try:
        return request_ctx.get()
    except LookupError:
        return None


def client_label(ctx: RequestContext[ServerSession, Any, Any]) -> str:
    params = ctx.session.client_params
    return f"{params.clientInfo.name}/{params.clientInfo.version}" if params else "unknown"


def client_supports_sampling(session: ServerSession) -> bool:
    return session.check_client_capability(types.ClientCapabilities(sampling=types.SamplingCapability()))


def meta_extras(ctx: RequestContext[ServerSession, Any, Any]) -> dict[str, Any]:
    """Non-standard keys the caller put in ``_meta``; tracing headers when served over HTTP."""
    extras = dict(ctx.meta.model_extra or {}) if ctx.meta else {}
    if isinstance(ctx.request, Request) and "x-request-id" in ctx.request.headers:
        extras["requestId"] = ctx.request.headers["x-request-id"]
    return extras


async def log(level: types.LoggingLevel, message: str, **data: Any) -> None:
    """Send a log notification to the client of the active request, if any."""
    ctx = current()
    if ctx is not None:
        await ctx.session.send_log_message(
            level=level,
            data={"message": message, **data},
            logger="proxy-bridge",
            related_request_id=ctx.request_id,
        )
