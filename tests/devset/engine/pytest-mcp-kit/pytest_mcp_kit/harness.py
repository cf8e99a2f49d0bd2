"""In-memory wiring: :func:`connect` for a quick session, :class:`McpHarness` for a recorded one."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial
from typing import Any, TypeVar

import anyio
from pydantic import AnyUrl, BaseModel

import mcp.types as types
from mcp.client.session import ClientSession, ElicitationFnT, LoggingFnT, MessageHandlerFnT, SamplingFnT
from mcp.server.fastmcp import FastMCP
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.shared.context import RequestContext
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.shared.session import RequestResponder

from pytest_mcp_kit.config import DEFAULT_CONFIG, KitConfig
from pytest_mcp_kit.recording import RecordingTransport, WireLog, recording_memory_streams

AnyServer = FastMCP[Any] | Server[Any, Any]
NotificationT = TypeVar("NotificationT", bound=BaseModel)
KIT_CLIENT_INFO = types.Implementation(name="pytest-mcp-kit", version="0.6.2")


def lowlevel_of(server: AnyServer) -> Server[Any, Any]:
    """The protocol-level server behind a FastMCP app (or the server itself)."""
    return server._mcp_server if isinstance(server, FastMCP) else server


class NotificationCollector:
    """A ``message_handler`` that keeps everything the server pushes at the client."""

    def __init__(self) -> None:
        self.notifications: list[types.ServerNotificationType] = []
        self.server_requests: list[str] = []
        self.errors: list[Exception] = []
        self._arrived = anyio.Event()

    async def __call__(
        self, message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception
    ) -> None:
        match message:
            case Exception():
                self.errors.append(message)
            case RequestResponder(request=types.ServerRequest(root=request)):
                self.server_requests.append(request.method)
            case types.ServerNotification(root=notification):
                self.notifications.append(notification)
        self._arrived.set()
        self._arrived = anyio.Event()

    def of_type(self, kind: type[NotificationT]) -> list[NotificationT]:
        return [n for n in self.notifications if isinstance(n, kind)]

    def methods(self) -> list[str]:
        return [n.method for n in self.notifications]

    def updated_uris(self) -> list[AnyUrl]:
        return [n.params.uri for n in self.of_type(types.ResourceUpdatedNotification)]

    async def wait_for(self, method: str, count: int = 1, timeout: float = 2.0) -> None:
        with anyio.fail_after(timeout):
            while self.methods().count(method) < count:
                await self._arrived.wait()


class LogCapture:
    """A ``logging_callback`` that records ``notifications/message`` params."""

    def __init__(self) -> None:
        self.records: list[types.LoggingMessageNotificationParams] = []

    async def __call__(self, params: types.LoggingMessageNotificationParams) -> None:
        self.records.append(params)

    def texts(self, level: types.LoggingLevel) -> list[str]:
        return [str(r.data) for r in self.records if r.level == level]


@dataclass
class ScriptedSampler:
    """Answers ``sampling/createMessage`` with canned replies, in order."""

    replies: list[str]
    model: str = "kit-fake-model"
    seen: list[types.CreateMessageRequestParams] = field(default_factory=list)

    async def __call__(
        self, context: RequestContext[ClientSession, Any], params: types.CreateMessageRequestParams
    ) -> types.CreateMessageResult | types.ErrorData:
        self.seen.append(params)
        if not self.replies:
            return types.ErrorData(code=types.INVALID_REQUEST, message="ScriptedSampler has no replies left")
        text = types.TextContent(type="text", text=self.replies.pop(0))
        return types.CreateMessageResult(role="assistant", content=text, model=self.model, stopReason="endTurn")


@dataclass
class ScriptedElicitor:
    """Answers ``elicitation/create`` with a fixed action and payload."""

    answer: dict[str, str | int | float | bool | list[str] | None] | None = None
    action: str = "accept"
    schemas: list[dict[str, Any]] = field(default_factory=list)

    async def __call__(
        self, context: RequestContext[ClientSession, Any], params: types.ElicitRequestParams
    ) -> types.ElicitResult | types.ErrorData:
        if not isinstance(params, types.ElicitRequestFormParams):
            return types.ErrorData(code=types.INVALID_REQUEST, message="only form elicitation is scripted")
        self.schemas.append(params.requestedSchema)
        if self.action == "accept":
            return types.ElicitResult(action="accept", content=self.answer or {})
        return types.ElicitResult(action="decline" if self.action == "decline" else "cancel")


@asynccontextmanager
async def connect(
    server: AnyServer,
    *,
    read_timeout: timedelta | None = DEFAULT_CONFIG.read_timeout(),
    sampling_callback: SamplingFnT | None = None,
    elicitation_callback: ElicitationFnT | None = None,
    logging_callback: LoggingFnT | None = None,
    message_handler: MessageHandlerFnT | None = None,
) -> AsyncIterator[ClientSession]:
    """Run ``server`` in memory and yield an initialized ``ClientSession``."""
    async with create_connected_server_and_client_session(
        lowlevel_of(server),
        read_timeout_seconds=read_timeout,
        sampling_callback=sampling_callback,
        logging_callback=logging_callback,
        message_handler=message_handler,
        client_info=KIT_CLIENT_INFO,
        elicitation_callback=elicitation_callback,
    ) as session:
        yield session


@dataclass
class Connection:
    session: ClientSession
    init: types.InitializeResult
    transport: RecordingTransport

    @property
    def wire(self) -> WireLog:
        return self.transport.log

    @property
    def server_info(self) -> tuple[str, str]:
        info = self.init.serverInfo
        return info.name, info.version


class McpHarness:
    def __init__(
        self,
        server: AnyServer,
        *,
        config: KitConfig = DEFAULT_CONFIG,
        notification_options: NotificationOptions | None = None,
        experimental_capabilities: dict[str, dict[str, Any]] | None = None,
    ) -> None:
        self.server = lowlevel_of(server)
        self.config = config
        self.options = self.server.create_initialization_options(
            notification_options=notification_options or NotificationOptions(),
            experimental_capabilities=experimental_capabilities,
        )

    @asynccontextmanager
    async def open(
        self, *, logging_callback: LoggingFnT | None = None, message_handler: MessageHandlerFnT | None = None
    ) -> AsyncIterator[Connection]:
        async with recording_memory_streams() as transport, anyio.create_task_group() as tg:
            run = partial(self.server.run, raise_exceptions=self.config.raise_exceptions, stateless=False)
            tg.start_soon(run, *transport.server_streams, self.options)
            try:
                async with ClientSession(
                    *transport.client_streams,
                    read_timeout_seconds=self.config.read_timeout(),
                    logging_callback=logging_callback,
                    message_handler=message_handler,
                    client_info=types.Implementation(name=self.config.client_name, version="0.6.2"),
                ) as session:
                    yield Connection(session=session, init=await session.initialize(), transport=transport)
            finally:
                tg.cancel_scope.cancel()
