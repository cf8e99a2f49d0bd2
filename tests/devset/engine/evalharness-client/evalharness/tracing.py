"""A ClientSession that times every request and records what the server sends back."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Literal

import httpx
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream

import mcp.types as types
from mcp.client.session import ClientSession, MessageHandlerFnT, SamplingFnT
from mcp.shared.exceptions import McpError
from mcp.shared.message import MessageMetadata, SessionMessage
from mcp.shared.session import BaseSession, ProgressFnT, ReceiveResultT, RequestResponder

Outcome = Literal["pending", "ok", "error", "timeout", "cancelled"]
ClientSideSession = BaseSession[
    types.ClientRequest, types.ClientNotification, types.ClientResult, types.ServerRequest, types.ServerNotification
]


@dataclass
class RequestTiming:
    request_id: str | int
    method: str
    started_at: float
    direction: Literal["client", "server"] = "client"
    elapsed_ms: float | None = None
    outcome: Outcome = "pending"
    error_code: int | None = None
    progress_events: int = 0


@dataclass
class NotificationRecord:
    method: str
    level: types.LoggingLevel | None = None
    logger_name: str | None = None
    progress_token: types.ProgressToken | None = None
    progress: float | None = None
    total: float | None = None
    data: Any = None


@dataclass
class SessionTrace:
    requests: list[RequestTiming] = field(default_factory=lambda: [])
    server_requests: list[RequestTiming] = field(default_factory=lambda: [])
    notifications: list[NotificationRecord] = field(default_factory=lambda: [])

    def by_method(self, method: str) -> list[RequestTiming]:
        return [t for t in self.requests if t.method == method]

    def progress_for(self, token: types.ProgressToken) -> list[NotificationRecord]:
        return [n for n in self.notifications if n.progress_token == token]

    def summary(self) -> dict[str, Any]:
        ok = [t.elapsed_ms for t in self.requests if t.outcome == "ok" and t.elapsed_ms is not None]
        outcomes = [t.outcome for t in self.requests]
        return {
            "requests": len(outcomes),
            "errors": outcomes.count("error"),
            "timeouts": outcomes.count("timeout"),
            "meanLatencyMs": round(statistics.fmean(ok), 3) if ok else None,
        }


class TracingClientSession(ClientSession):
    """Every typed helper (``list_tools``, ``call_tool``...) goes through ``send_request``, so all are traced."""

    def __init__(
        self,
        read_stream: MemoryObjectReceiveStream[SessionMessage | Exception],
        write_stream: MemoryObjectSendStream[SessionMessage],
        read_timeout_seconds: timedelta | None = None,
        sampling_callback: SamplingFnT | None = None,
        message_handler: MessageHandlerFnT | None = None,
        *,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        super().__init__(
            read_stream,
            write_stream,
            read_timeout_seconds=read_timeout_seconds,
            sampling_callback=sampling_callback,
            message_handler=message_handler,
            client_info=types.Implementation(name="evalharness", version="0.9.2"),
        )
        self.trace = SessionTrace()
        self._clock = clock

    async def send_request(
        self,
        request: types.ClientRequest,
        result_type: type[ReceiveResultT],
        request_read_timeout_seconds: timedelta | None = None,
        metadata: MessageMetadata = None,
        progress_callback: ProgressFnT | None = None,
    ) -> ReceiveResultT:
        timing = RequestTiming(request_id=self._request_id, method=request.root.method, started_at=self._clock())
        self.trace.requests.append(timing)
        callback = progress_callback
        if progress_callback is not None:
            inner = progress_callback

            async def counting(progress: float, total: float | None, message: str | None) -> None:
                timing.progress_events += 1
                await inner(progress, total, message)

            callback = counting
        try:
            result = await super().send_request(
                request, result_type, request_read_timeout_seconds, metadata, progress_callback=callback
            )
        except McpError as exc:
            timing.error_code = exc.error.code
            timing.outcome = "timeout" if exc.error.code == httpx.codes.REQUEST_TIMEOUT else "error"
            raise
        except BaseException:
            timing.outcome = "cancelled"
            raise
        finally:
            self._finish(timing)
        timing.outcome = "ok"
        return result

    def _finish(self, timing: RequestTiming) -> None:
        timing.elapsed_ms = (self._clock() - timing.started_at) * 1000.0

    async def _received_request(self, responder: RequestResponder[types.ServerRequest, types.ClientResult]) -> None:
        timing = RequestTiming(
            request_id=responder.request_id,
            method=responder.request.root.method,
            started_at=self._clock(),
            direction="server",
        )
        self.trace.server_requests.append(timing)
        await super()._received_request(responder)
        timing.outcome = "ok"
        self._finish(timing)

    async def _received_notification(self, notification: types.ServerNotification) -> None:
        root = notification.root
        record = NotificationRecord(method=root.method)
        match root:
            case types.LoggingMessageNotification(params=params):
                record.level, record.logger_name, record.data = params.level, params.logger, params.data
            case types.ProgressNotification(params=params):
                record.progress_token = params.progressToken
                record.progress, record.total, record.data = params.progress, params.total, params.message
            case types.ResourceUpdatedNotification(params=params):
                record.data = str(params.uri)
            case _:
                pass
        self.trace.notifications.append(record)
        await super()._received_notification(notification)


async def ping_roundtrip(session: ClientSideSession, timeout: timedelta = timedelta(seconds=5)) -> float:
    started = time.perf_counter()
    await session.send_request(
        types.ClientRequest(types.PingRequest(method="ping")), types.EmptyResult, request_read_timeout_seconds=timeout
    )
    return (time.perf_counter() - started) * 1000.0
