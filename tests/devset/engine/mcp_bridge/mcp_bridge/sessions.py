"""Session subclasses that add tracing to the SDK's sessions."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import mcp.types as types
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream
from mcp import ClientSession
from mcp.server.session import ServerSession
from mcp.shared.message import MessageMetadata, SessionMessage
from mcp.shared.session import ProgressFnT, ReceiveResultT, RequestResponder

log = logging.getLogger("mcp_bridge.trace")

NotificationSink = Callable[[types.ServerNotification], Awaitable[None]]


class UpstreamSession(ClientSession):
    """ClientSession that times every request and tees notifications to a sink."""

    def __init__(
        self,
        read_stream: MemoryObjectReceiveStream[SessionMessage | Exception],
        write_stream: MemoryObjectSendStream[SessionMessage],
        read_timeout_seconds: timedelta | None = None,
        *,
        notification_sink: NotificationSink | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(read_stream, write_stream, read_timeout_seconds, **kwargs)
        self._sink = notification_sink
        self.request_count = 0

    async def send_request(
        self,
        request: types.ClientRequest,
        result_type: type[ReceiveResultT],
        request_read_timeout_seconds: timedelta | None = None,
        metadata: MessageMetadata = None,
        progress_callback: ProgressFnT | None = None,
    ) -> ReceiveResultT:
        method = request.root.method
        started = time.perf_counter()
        self.request_count += 1
        try:
            return await super().send_request(
                request,
                result_type,
                request_read_timeout_seconds=request_read_timeout_seconds or timedelta(seconds=90),
                metadata=metadata,
                progress_callback=progress_callback,
            )
        finally:
            log.debug("upstream %s took %.1f ms (request #%d)", method, (time.perf_counter() - started) * 1e3, self._request_id)

    async def _received_notification(self, notification: types.ServerNotification) -> None:
        await super()._received_notification(notification)
        if self._sink is not None and not isinstance(notification.root, types.LoggingMessageNotification):
            await self._sink(notification)


class TracingServerSession(ServerSession):
    """ServerSession used by the raw relay; logs each client request as it arrives."""

    async def _received_request(self, responder: RequestResponder[types.ClientRequest, types.ServerResult]) -> None:
        root = responder.request.root
        token = responder.request_meta.progressToken if responder.request_meta else None
        log.info("downstream %s id=%s progressToken=%s", root.method, responder.request_id, token)
        await super()._received_request(responder)

    async def _received_notification(self, notification: types.ClientNotification) -> None:
        if isinstance(notification.root, types.CancelledNotification):
            log.info("client cancelled %s: %s", notification.root.params.requestId, notification.root.params.reason)
        await super()._received_notification(notification)
