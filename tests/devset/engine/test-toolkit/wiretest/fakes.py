"""Fakes for the server side of a connection.

:class:`FakeServerSession` records what a handler sends, and
:func:`make_request_context` + :func:`active_request` let a handler that reads
``server.request_context`` (or ``FastMCP.get_context()``) run without a client.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeAlias, cast
from unittest import mock

from pydantic import AnyUrl

import mcp.types as types
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.lowlevel.server import request_ctx
from mcp.server.session import ServerSession
from mcp.shared.context import RequestContext

ServerContext: TypeAlias = RequestContext[ServerSession, Any, Any]


class FakeServerSession:
    """Stands in for ``ServerSession``; notifications are kept instead of sent."""

    def __init__(self) -> None:
        self.notifications: list[types.ServerNotificationType] = []
        self.related_ids: list[types.RequestId | None] = []

    async def send_notification(
        self, notification: types.ServerNotification, related_request_id: types.RequestId | None = None
    ) -> None:
        match notification:
            case types.ServerNotification(root=inner):
                self.notifications.append(inner)
        self.related_ids.append(related_request_id)

    async def _emit(self, notification: types.ServerNotificationType, related_request_id: Any = None) -> None:
        await self.send_notification(types.ServerNotification(notification), related_request_id)

    async def send_log_message(
        self, level: types.LoggingLevel, data: Any, logger: str | None = None, related_request_id: Any = None
    ) -> None:
        params = types.LoggingMessageNotificationParams(level=level, data=data, logger=logger)
        await self._emit(types.LoggingMessageNotification(params=params), related_request_id)

    async def send_progress_notification(
        self,
        progress_token: str | int,
        progress: float,
        total: float | None = None,
        message: str | None = None,
        related_request_id: str | None = None,
    ) -> None:
        params = types.ProgressNotificationParams(
            progressToken=progress_token, progress=progress, total=total, message=message
        )
        await self._emit(types.ProgressNotification(params=params), related_request_id)

    async def send_resource_updated(self, uri: AnyUrl) -> None:
        await self._emit(types.ResourceUpdatedNotification(params=types.ResourceUpdatedNotificationParams(uri=uri)))

    def logged(self) -> list[Any]:
        return [n.params.data for n in self.notifications if isinstance(n, types.LoggingMessageNotification)]

    def progress(self) -> list[tuple[float, float | None, str | None]]:
        return [
            (n.params.progress, n.params.total, n.params.message)
            for n in self.notifications
            if isinstance(n, types.ProgressNotification)
        ]

    def as_session(self) -> ServerSession:
        return cast(ServerSession, self)


def make_request_context(
    session: ServerSession | FakeServerSession | None = None,
    *,
    request_id: types.RequestId = 1,
    progress_token: types.ProgressToken | None = None,
    lifespan_context: Any = None,
    **meta_extra: Any,
) -> ServerContext:
    if isinstance(session, FakeServerSession):
        session = session.as_session()
    elif session is None:
        session = cast(ServerSession, mock.create_autospec(ServerSession, instance=True))
    meta = None
    if progress_token is not None or meta_extra:
        meta = types.RequestParams.Meta(progressToken=progress_token, **meta_extra)
    return RequestContext(request_id=request_id, meta=meta, session=session, lifespan_context=lifespan_context)


@contextmanager
def active_request(ctx: ServerContext) -> Iterator[ServerContext]:
    token = request_ctx.set(ctx)
    try:
        yield ctx
    finally:
        request_ctx.reset(token)


def fastmcp_context(app: FastMCP[Any], ctx: ServerContext) -> Context[ServerSession, Any, Any]:
    return Context(request_context=ctx, fastmcp=app)
