"""Opening a ClientSession to a remote server over streamable HTTP or SSE."""

from __future__ import annotations

import logging
from contextlib import AsyncExitStack
from datetime import timedelta

import httpx
from mcp import ClientSession
from mcp import types as t
from mcp.client.sse import sse_client
from mcp.client.streamable_http import GetSessionIdCallback, streamable_http_client, streamablehttp_client
from mcp.shared._httpx_utils import McpHttpClientFactory

from deskclient import __version__
from deskclient.callbacks import ClientHandlers

log = logging.getLogger(__name__)

USER_AGENT = f"deskclient/{__version__}"


def make_client_factory(*, verify: bool = True, proxy: str | None = None) -> McpHttpClientFactory:
    def factory(
        headers: dict[str, str] | None = None,
        timeout: httpx.Timeout | None = None,
        auth: httpx.Auth | None = None,
    ) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            headers={"User-Agent": USER_AGENT, **(headers or {})},
            timeout=timeout or httpx.Timeout(30.0, read=300.0),
            auth=auth,
            follow_redirects=True,
            verify=verify,
            proxy=proxy,
        )

    return factory


class RemoteServer:
    """``async with RemoteServer(url, ...) as session:`` -> an initialised ClientSession."""

    def __init__(
        self,
        url: str,
        *,
        transport: str = "http",
        auth: httpx.Auth | None = None,
        handlers: ClientHandlers | None = None,
        headers: dict[str, str] | None = None,
        timeout: timedelta = timedelta(seconds=30),
        client_factory: McpHttpClientFactory | None = None,
    ):
        self.url = url
        self.transport = transport
        self.auth = auth
        self.handlers = handlers or ClientHandlers()
        self.headers = headers or {}
        self.timeout = timeout
        self.client_factory = client_factory or make_client_factory()
        self.init_result: t.InitializeResult | None = None
        self._get_session_id: GetSessionIdCallback | None = None
        self._stack: AsyncExitStack | None = None

    async def __aenter__(self) -> ClientSession:
        stack = AsyncExitStack()
        await stack.__aenter__()
        self._stack = stack
        try:
            if self.transport == "sse":
                read, write = await stack.enter_async_context(
                    sse_client(
                        self.url,
                        headers=self.headers,
                        timeout=self.timeout.total_seconds(),
                        sse_read_timeout=300,
                        httpx_client_factory=self.client_factory,
                        auth=self.auth,
                    )
                )
            else:
                read, write, self._get_session_id = await stack.enter_async_context(
                    streamablehttp_client(
                        self.url,
                        headers=self.headers,
                        timeout=self.timeout,
                        sse_read_timeout=timedelta(minutes=5),
                        httpx_client_factory=self.client_factory,
                        auth=self.auth,
                    )
                )
            h = self.handlers
            session = await stack.enter_async_context(
                ClientSession(
                    read,
                    write,
                    read_timeout_seconds=self.timeout,
                    sampling_callback=h.sampling,
                    elicitation_callback=h.elicitation,
                    list_roots_callback=h.list_roots,
                    logging_callback=h.on_log,
                    message_handler=h.on_message,
                    client_info=t.Implementation(name="deskclient", version=__version__),
                )
            )
            self.init_result = await session.initialize()
        except BaseException:
            await stack.aclose()
            raise
        self.session = session
        return session

    async def __aexit__(self, *exc_info) -> None:
        if self._stack is not None:
            await self._stack.__aexit__(*exc_info)

    @property
    def session_id(self) -> str | None:
        return self._get_session_id() if self._get_session_id else None

    @property
    def server_label(self) -> str:
        if self.init_result is None:
            return self.url
        info = self.init_result.serverInfo
        return f"{info.title or info.name} {info.version} (protocol {self.init_result.protocolVersion})"

    def supports(self, feature: str) -> bool:
        caps = self.session.get_server_capabilities()
        return caps is not None and getattr(caps, feature, None) is not None


async def probe(url: str, http_client: httpx.AsyncClient) -> str | None:
    """Connect with a caller-owned httpx client and report the session id the server assigned."""
    session_id: str | None = None
    try:
        async with streamable_http_client(url, http_client=http_client) as (read, write, get_session_id):
            async with ClientSession(read, write) as session:
                await session.initialize()
                await session.send_ping()
                session_id = get_session_id()
    except* httpx.HTTPStatusError as group:
        log.warning("server rejected probe: %s", group.exceptions[0])
    return session_id
