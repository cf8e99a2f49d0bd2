"""Open a ClientSession for any configured server."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack, asynccontextmanager

import httpx

from mcp import ClientSession
from mcp.client.sse import sse_client
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import GetSessionIdCallback, streamablehttp_client
from mcp.shared._httpx_utils import create_mcp_http_client
from mcp.types import Implementation

from .callbacks import InspectorCallbacks
from .config import ServerConfig

logger = logging.getLogger(__name__)

CLIENT_INFO = Implementation(name="mcp-inspect", version="0.3.0")


def _client_factory(
    headers: dict[str, str] | None = None,
    timeout: httpx.Timeout | None = None,
    auth: httpx.Auth | None = None,
) -> httpx.AsyncClient:
    client = create_mcp_http_client(headers=headers, timeout=timeout, auth=auth)
    client.headers["User-Agent"] = "mcp-inspect/0.3"
    return client


class Connection:
    def __init__(self, session: ClientSession, get_session_id: GetSessionIdCallback | None = None) -> None:
        self.session = session
        self._get_session_id: Callable[[], str | None] | None = get_session_id

    @property
    def session_id(self) -> str | None:
        return self._get_session_id() if self._get_session_id else None


@asynccontextmanager
async def connect(cfg: ServerConfig, callbacks: InspectorCallbacks) -> AsyncIterator[Connection]:
    async with AsyncExitStack() as stack:
        get_session_id: GetSessionIdCallback | None = None
        if cfg.transport == "stdio":
            read, write = await stack.enter_async_context(stdio_client(cfg.stdio_parameters()))
        elif cfg.transport == "sse":
            assert cfg.url, "sse servers need a 'url'"
            read, write = await stack.enter_async_context(
                sse_client(
                    cfg.url,
                    headers=cfg.expanded_headers(),
                    timeout=cfg.timeout,
                    sse_read_timeout=cfg.read_timeout,
                    httpx_client_factory=_client_factory,
                    on_session_created=lambda sid: logger.debug("sse session %s", sid),
                )
            )
        else:
            assert cfg.url, "http servers need a 'url'"
            read, write, get_session_id = await stack.enter_async_context(
                streamablehttp_client(
                    cfg.url,
                    headers=cfg.expanded_headers(),
                    timeout=cfg.timeout_delta,
                    sse_read_timeout=cfg.read_timeout_delta,
                    httpx_client_factory=_client_factory,
                )
            )
        session = await stack.enter_async_context(
            ClientSession(
                read,
                write,
                read_timeout_seconds=cfg.read_timeout_delta,
                sampling_callback=callbacks.sampling,
                elicitation_callback=callbacks.elicitation,
                list_roots_callback=callbacks.list_roots,
                logging_callback=callbacks.logging,
                message_handler=callbacks.message_handler,
                client_info=CLIENT_INFO,
            )
        )
        yield Connection(session, get_session_id)
