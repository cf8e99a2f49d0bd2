"""Helpers for reading the current request context inside handlers."""

from __future__ import annotations

import logging
from typing import Any, TypeAlias

import mcp.types as types
from mcp.server.lowlevel.server import request_ctx
from mcp.server.session import ServerSession
from mcp.shared.context import RequestContext
from starlette.requests import Request

from docstore.state import AppState

logger = logging.getLogger(__name__)

DocContext: TypeAlias = RequestContext[ServerSession, AppState, Request]


def current_context() -> DocContext:
    """Return the context of the request being handled.

    Raises ``LookupError`` when called outside a request handler.
    """
    return request_ctx.get()


def progress_token(ctx: DocContext) -> types.ProgressToken | None:
    if ctx.meta is None:
        return None
    return ctx.meta.progressToken


def meta_extra(ctx: DocContext) -> dict[str, Any]:
    """Non-standard ``_meta`` keys sent by the caller (e.g. ``client_tag``)."""
    if ctx.meta is None:
        return {}
    return dict(ctx.meta.model_extra or {})


def client_tag(ctx: DocContext) -> str | None:
    tag = meta_extra(ctx).get("client_tag")
    return tag if isinstance(tag, str) else None


def client_name(ctx: DocContext) -> str:
    params = ctx.session.client_params
    if params is None:
        return "unknown"
    return params.clientInfo.name


def http_header(ctx: DocContext, name: str) -> str | None:
    """Header of the HTTP request that carried this message, if any."""
    request = ctx.request
    if request is None:
        return None
    return request.headers.get(name)


class ProgressReporter:
    """Sends ``notifications/progress`` for the current request, if asked to."""

    def __init__(self, ctx: DocContext, total: float | None = None) -> None:
        self._ctx = ctx
        self._token = progress_token(ctx)
        self.total = total
        self.sent = 0

    @property
    def enabled(self) -> bool:
        return self._token is not None

    async def update(self, progress: float, message: str | None = None) -> None:
        if self._token is None:
            return
        await self._ctx.session.send_progress_notification(
            self._token,
            progress,
            total=self.total,
            message=message,
            related_request_id=str(self._ctx.request_id),
        )
        self.sent += 1


async def log_to_client(ctx: DocContext, level: types.LoggingLevel, data: Any, *, logger_name: str = "docstore") -> None:
    """Forward a log line to the client, honouring ``logging/setLevel``."""
    if not ctx.lifespan_context.should_log(level):
        return
    await ctx.session.send_log_message(
        level=level,
        data=data,
        logger=logger_name,
        related_request_id=ctx.request_id,
    )
