"""Connections to the upstream MCP servers the bridge aggregates."""

from __future__ import annotations

import logging
from collections.abc import Generator, Iterator
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Protocol

import httpx
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream

from mcp import ClientSession, StdioServerParameters, types
from mcp.client.session_group import StreamableHttpParameters
from mcp.client.stdio import get_default_environment, stdio_client
from mcp.client.streamable_http import GetSessionIdCallback, streamablehttp_client
from mcp.shared.context import RequestContext
from mcp.shared.exceptions import McpError
from mcp.shared.message import SessionMessage
from mcp.shared.session import ProgressFnT, RequestResponder
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS
from mcpbridge import __version__
from mcpbridge.settings import UpstreamSpec

logger = logging.getLogger(__name__)

IncomingMessage = RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception


class UpstreamHooks(Protocol):
    """What the pool calls back into for traffic initiated by an upstream."""

    async def on_upstream_message(self, upstream: Upstream, message: IncomingMessage) -> None: ...

    async def on_upstream_log(self, upstream: Upstream, params: types.LoggingMessageNotificationParams) -> None: ...

    async def on_sampling(
        self, upstream: Upstream, params: types.CreateMessageRequestParams
    ) -> types.CreateMessageResult | types.ErrorData: ...


class BearerAuth(httpx.Auth):
    def __init__(self, token: str) -> None:
        self.token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self.token}"
        response = yield request
        if response.status_code == httpx.codes.UNAUTHORIZED:
            logger.warning("upstream %s rejected the bearer token", request.url.host)


@dataclass
class Upstream:
    spec: UpstreamSpec
    session: ClientSession
    init: types.InitializeResult
    session_id: GetSessionIdCallback | None = None
    tools: list[types.Tool] = field(default_factory=list)
    resources: list[types.Resource] = field(default_factory=list)
    prompts: list[types.Prompt] = field(default_factory=list)

    @property
    def prefix(self) -> str:
        return self.spec.prefix

    @property
    def label(self) -> str:
        info = self.init.serverInfo
        return f"{info.name}@{info.version}"

    @property
    def protocol(self) -> str:
        return str(self.init.protocolVersion)

    @property
    def capabilities(self) -> types.ServerCapabilities:
        return self.session.get_server_capabilities() or self.init.capabilities

    def supports_subscribe(self) -> bool:
        return bool(self.capabilities.resources and self.capabilities.resources.subscribe)

    async def refresh(self) -> None:
        caps = self.capabilities
        self.tools = []
        cursor: types.Cursor | None = None
        while caps.tools:
            page = await self.session.list_tools(cursor=cursor)
            self.tools.extend(page.tools)
            if (cursor := page.nextCursor) is None:
                break
        self.resources = (await self.session.list_resources()).resources if caps.resources else []
        self.prompts = (await self.session.list_prompts()).prompts if caps.prompts else []
        logger.info("%s: %d tools, %d resources", self.label, len(self.tools), len(self.resources))

    async def call(self, name: str, arguments: dict[str, Any], progress: ProgressFnT | None) -> types.CallToolResult:
        timeout = timedelta(seconds=self.spec.callTimeoutSeconds)
        try:
            return await self.session.call_tool(name, arguments, read_timeout_seconds=timeout, progress_callback=progress)
        except McpError as exc:
            if exc.error.code != httpx.codes.REQUEST_TIMEOUT:
                raise
            text = f"{self.label} timed out after {timeout.total_seconds():.0f}s"
            return types.CallToolResult(content=[types.TextContent(type="text", text=text)], isError=True)


class UpstreamPool:
    """Owns the upstream sessions; use as an async context manager."""

    def __init__(self, hooks: UpstreamHooks) -> None:
        self.hooks = hooks
        self.members: dict[str, Upstream] = {}
        self._stack = AsyncExitStack()

    async def __aenter__(self) -> UpstreamPool:
        await self._stack.__aenter__()
        return self

    async def __aexit__(self, *exc_info: Any) -> bool | None:
        self.members.clear()
        return await self._stack.__aexit__(*exc_info)

    def __iter__(self) -> Iterator[Upstream]:
        return iter(list(self.members.values()))

    def get(self, prefix: str) -> Upstream:
        if prefix not in self.members:
            raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"no upstream named {prefix!r}"))
        return self.members[prefix]

    async def connect(self, spec: UpstreamSpec) -> Upstream:
        if spec.transport == "stdio" and spec.command:
            params = StdioServerParameters(command=spec.command, args=spec.args, env=get_default_environment())
            read, write = await self._stack.enter_async_context(stdio_client(params))
            return await self.attach(spec, read, write)
        if spec.transport == "http" and spec.url:
            http = StreamableHttpParameters(
                url=spec.url,
                headers=spec.headers,
                timeout=timedelta(seconds=spec.readTimeoutSeconds),
                sse_read_timeout=timedelta(seconds=spec.callTimeoutSeconds),
            )
            read, write, get_session_id = await self._stack.enter_async_context(
                streamablehttp_client(
                    http.url,
                    headers=http.headers,
                    timeout=http.timeout,
                    sse_read_timeout=http.sse_read_timeout,
                    auth=BearerAuth(spec.bearerToken) if spec.bearerToken else None,
                )
            )
            upstream = await self.attach(spec, read, write)
            upstream.session_id = get_session_id
            return upstream
        raise ValueError(f"{spec.serverName}: cannot connect a {spec.transport!r} upstream without attach()")

    async def attach(
        self,
        spec: UpstreamSpec,
        read: MemoryObjectReceiveStream[SessionMessage | Exception],
        write: MemoryObjectSendStream[SessionMessage],
    ) -> Upstream:
        """Open a ``ClientSession`` over already-connected streams."""
        holder: list[Upstream] = []

        async def sampling(
            context: RequestContext[ClientSession, Any], params: types.CreateMessageRequestParams
        ) -> types.CreateMessageResult | types.ErrorData:
            logger.debug("sampling request %s from %s", context.request_id, spec.serverName)
            return await self.hooks.on_sampling(holder[0], params)

        async def on_log(params: types.LoggingMessageNotificationParams) -> None:
            await self.hooks.on_upstream_log(holder[0], params)

        async def on_message(message: IncomingMessage) -> None:
            if holder:
                await self.hooks.on_upstream_message(holder[0], message)

        session = await self._stack.enter_async_context(
            ClientSession(
                read,
                write,
                read_timeout_seconds=timedelta(seconds=spec.readTimeoutSeconds),
                sampling_callback=sampling,
                logging_callback=on_log,
                message_handler=on_message,
                client_info=types.Implementation(name="proxy-bridge", version=__version__),
            )
        )
        upstream = Upstream(spec=spec, session=session, init=await session.initialize())
        if upstream.protocol not in SUPPORTED_PROTOCOL_VERSIONS:
            raise RuntimeError(f"{upstream.label} negotiated unsupported protocol {upstream.protocol}")
        holder.append(upstream)
        await upstream.refresh()
        self.members[spec.prefix] = upstream
        return upstream
