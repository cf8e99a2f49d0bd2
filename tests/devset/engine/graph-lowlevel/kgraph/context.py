"""Small helpers around ``server.request_context``.

Handlers registered on the lowlevel server only get their protocol arguments
(``name``, ``arguments``, ``uri`` ...), so anything about the *request* -- the
session, the lifespan state, the progress token -- is read from the request
context the server sets while a handler runs.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, TypeAlias

import mcp.types as types
from mcp.server.lowlevel import Server
from mcp.server.lowlevel.server import request_ctx
from mcp.server.session import ServerSession
from mcp.shared.context import RequestContext
from mcp.shared.progress import ProgressContext
from starlette.requests import Request

from kgraph.state import GraphState

logger = logging.getLogger(__name__)

GraphRequestContext: TypeAlias = RequestContext[ServerSession, GraphState, Request]
ServerProgress: TypeAlias = ProgressContext[
    types.ServerRequest, types.ServerNotification, types.ServerResult, types.ClientRequest, types.ClientNotification
]


def current_request_id() -> types.RequestId | None:
    """Request id of the handler currently running, if any (used in log records)."""
    try:
        return request_ctx.get().request_id
    except LookupError:
        return None


class RequestHelpers:
    def __init__(self, server: Server[GraphState, Request]) -> None:
        self._server = server

    @property
    def ctx(self) -> GraphRequestContext:
        return self._server.request_context

    @property
    def state(self) -> GraphState:
        return self.ctx.lifespan_context

    @property
    def session(self) -> ServerSession:
        return self.ctx.session

    def progress_token(self) -> types.ProgressToken | None:
        return self.ctx.meta.progressToken if self.ctx.meta is not None else None

    def meta_value(self, key: str) -> Any:
        """Custom ``_meta`` keys sent by the caller (e.g. ``traceId``)."""
        meta = self.ctx.meta
        return (meta.model_extra or {}).get(key) if meta is not None else None

    def note_call(self) -> int:
        state = self.state
        state.calls += 1
        if state.client_name is None and self.session.client_params is not None:
            state.client_name = self.session.client_params.clientInfo.name
        if self.ctx.request is not None:
            state.tags["user-agent"] = self.ctx.request.headers.get("user-agent", "")
        state.subscriptions.touch(self.session)
        return state.calls

    async def report(self, done: float, total: float | None = None, message: str | None = None) -> None:
        token = self.progress_token()
        if token is not None:
            await self.session.send_progress_notification(
                token, done, total=total, message=message, related_request_id=str(self.ctx.request_id)
            )

    @asynccontextmanager
    async def steps(self, total: int) -> AsyncIterator[ServerProgress | None]:
        """Yield a running-total progress tracker when the caller asked for progress."""
        token = self.progress_token()
        tracker = ServerProgress(self.session, token, float(total)) if token is not None else None
        yield tracker
        if tracker is not None:
            logger.debug("progress %s finished at %s/%s", token, tracker.current, total)

    async def log(self, level: types.LoggingLevel, data: Any, *, logger_name: str = "kgraph") -> None:
        if self.state.wants(level):
            await self.session.send_log_message(
                level=level, data=data, logger=logger_name, related_request_id=self.ctx.request_id
            )
