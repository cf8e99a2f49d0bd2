"""One live connection to a configured server."""

from __future__ import annotations

import contextlib
import enum
import logging
from datetime import timedelta

from mcp import ClientSession, McpError, types
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS

from deskmate import __version__
from deskmate.callbacks import ServerCallbacks
from deskmate.config import ServerEntry
from deskmate.transports import TransportHandle, TransportOpener

log = logging.getLogger(__name__)

CLIENT_INFO = types.Implementation(name="deskmate", title="Deskmate", version=__version__)


class ConnectionState(enum.Enum):
    PENDING = "pending"
    READY = "ready"
    FAILED = "failed"
    CLOSED = "closed"


class ServerConnection:
    def __init__(
        self, entry: ServerEntry, callbacks: ServerCallbacks, opener: TransportOpener, request_timeout: timedelta
    ) -> None:
        self.entry = entry
        self.callbacks = callbacks
        self.opener = opener
        self.request_timeout = request_timeout
        self.state = ConnectionState.PENDING
        self.error: str | None = None
        self._stack = contextlib.AsyncExitStack()
        self._session: ClientSession | None = None
        self._handle: TransportHandle | None = None
        self.init_result: types.InitializeResult | None = None

    @property
    def name(self) -> str:
        return self.entry.name

    @property
    def session(self) -> ClientSession:
        if self._session is None:
            raise McpError(types.ErrorData(code=types.CONNECTION_CLOSED, message=f"{self.name} is not connected"))
        return self._session

    @property
    def server_info(self) -> types.Implementation:
        assert self.init_result is not None
        return self.init_result.serverInfo

    @property
    def capabilities(self) -> types.ServerCapabilities:
        caps = self.session.get_server_capabilities()
        return caps if caps is not None else types.ServerCapabilities()

    @property
    def session_id(self) -> str | None:
        getter = self._handle.get_session_id if self._handle else None
        return getter() if getter else None

    async def start(self) -> types.InitializeResult:
        try:
            self._handle = await self._stack.enter_async_context(self.opener(self.entry))
            session = await self._stack.enter_async_context(
                ClientSession(
                    self._handle.read,
                    self._handle.write,
                    read_timeout_seconds=self.request_timeout,
                    sampling_callback=self.callbacks.sampling,
                    elicitation_callback=self.callbacks.elicitation,
                    list_roots_callback=self.callbacks.list_roots,
                    logging_callback=self.callbacks.logging,
                    message_handler=self.callbacks.on_message,
                    client_info=CLIENT_INFO,
                )
            )
            result = await session.initialize()
        except BaseException as exc:
            self.state = ConnectionState.FAILED
            self.error = exc.error.message if isinstance(exc, McpError) else repr(exc)
            await self._stack.aclose()
            raise
        if result.protocolVersion not in SUPPORTED_PROTOCOL_VERSIONS:
            log.warning("%s negotiated unknown protocol %s", self.name, result.protocolVersion)
        elif result.protocolVersion != types.LATEST_PROTOCOL_VERSION:
            log.info("%s speaks an older protocol (%s)", self.name, result.protocolVersion)
        self._session = session
        self.init_result = result
        self.state = ConnectionState.READY
        return result

    def supports(self, feature: str) -> bool:
        caps = self.capabilities
        checks = {
            "tools": caps.tools is not None,
            "tools.listChanged": bool(caps.tools and caps.tools.listChanged),
            "resources": caps.resources is not None,
            "resources.subscribe": bool(caps.resources and caps.resources.subscribe),
            "prompts": caps.prompts is not None,
            "logging": caps.logging is not None,
            "completions": caps.completions is not None,
        }
        return checks[feature]

    def describe(self) -> dict[str, object]:
        init = self.init_result
        return {
            "name": self.name,
            "state": self.state.value,
            "server": f"{init.serverInfo.name} {init.serverInfo.version}" if init else None,
            "protocolVersion": init.protocolVersion if init else None,
            "instructions": init.instructions if init else None,
            "transport": self._handle.kind if self._handle else self.entry.transport,
        }

    async def ping(self) -> bool:
        try:
            await self.session.send_request(
                types.ClientRequest(types.PingRequest()),
                types.EmptyResult,
                request_read_timeout_seconds=timedelta(seconds=5),
            )
        except McpError as exc:
            self.error = exc.error.message
            return False
        return True

    async def close(self) -> None:
        if self.state is ConnectionState.CLOSED:
            return
        self.state = ConnectionState.CLOSED
        self._session = None
        await self._stack.aclose()
