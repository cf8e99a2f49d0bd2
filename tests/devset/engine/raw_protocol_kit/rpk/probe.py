"""Client-side probe: raw requests, typed wrappers and a traffic recorder."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import anyio
from mcp import ClientSession
from mcp import types as t
from mcp.shared.exceptions import McpError
from mcp.shared.message import SessionMessage
from mcp.shared.session import RequestResponder
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS

from rpk.framing import classify, method_of
from rpk.transport import ReadStream, WriteStream


@dataclass
class Recorder:
    """Collects every server notification the session sees."""

    notifications: list[t.ServerNotification] = field(default_factory=list)
    errors: list[Exception] = field(default_factory=list)

    async def __call__(
        self,
        message: RequestResponder[t.ServerRequest, t.ClientResult] | t.ServerNotification | Exception,
    ) -> None:
        if isinstance(message, Exception):
            self.errors.append(message)
        elif isinstance(message, t.ServerNotification):
            self.notifications.append(message)

    def log_payloads(self) -> list[Any]:
        return [n.root.params.data for n in self.notifications if isinstance(n.root, t.LoggingMessageNotification)]


class Tap:
    """Forwards messages between two stream pairs while keeping a copy of each."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str, str | None]] = []

    async def relay(self, direction: str, source: ReadStream, sink: WriteStream) -> None:
        async with source, sink:
            async for item in source:
                if isinstance(item, Exception):
                    continue
                self.seen.append((direction, classify(item.message), method_of(item.message)))
                await sink.send(item)

    def methods(self, direction: str) -> list[str]:
        return [m for d, _, m in self.seen if d == direction and m]


class Probe:
    def __init__(self, read: ReadStream, write: WriteStream, *, timeout: float = 5.0):
        self.recorder = Recorder()
        self.session = ClientSession(
            read,
            write,
            read_timeout_seconds=timedelta(seconds=timeout),
            message_handler=self.recorder,
            client_info=t.Implementation(name="rpk-probe", version="0.3.1"),
        )
        self.initialize_result: t.InitializeResult | None = None

    async def __aenter__(self) -> Probe:
        await self.session.__aenter__()
        self.initialize_result = await self.session.initialize()
        if self.initialize_result.protocolVersion not in SUPPORTED_PROTOCOL_VERSIONS:
            raise RuntimeError(f"server negotiated {self.initialize_result.protocolVersion}")
        return self

    async def __aexit__(self, *exc_info) -> None:
        await self.session.__aexit__(*exc_info)

    @property
    def server_name(self) -> str:
        assert self.initialize_result is not None
        return self.initialize_result.serverInfo.name

    async def ping(self) -> float:
        started = anyio.current_time()
        await self.session.send_request(t.ClientRequest(t.PingRequest(method="ping")), t.EmptyResult)
        return anyio.current_time() - started

    async def raw(self, method: str, params: dict[str, Any] | None = None, *, timeout: float = 2.0) -> t.EmptyResult:
        """Send a request from a plain dict (method + params); the result is expected to be empty."""
        request = t.ClientRequest.model_validate({"method": method, "params": params})
        return await self.session.send_request(
            request, t.EmptyResult, request_read_timeout_seconds=timedelta(seconds=timeout)
        )

    async def notify_cancelled(self, request_id: t.RequestId, reason: str = "probe") -> None:
        await self.session.send_notification(
            t.ClientNotification(
                t.CancelledNotification(params=t.CancelledNotificationParams(requestId=request_id, reason=reason))
            )
        )

    async def call(self, name: str, arguments: dict[str, Any]) -> t.CallToolResult:
        try:
            return await self.session.call_tool(name, arguments, read_timeout_seconds=timedelta(seconds=3))
        except McpError as exc:
            return t.CallToolResult(
                content=[t.TextContent(type="text", text=exc.error.message)], isError=True
            )
