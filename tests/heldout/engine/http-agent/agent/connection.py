"""One long-lived connection to a remote MCP server (streamable HTTP or SSE)."""

from __future__ import annotations

import logging
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Literal

import anyio
import httpx
from mcp import ClientSession, types
from mcp.client.sse import sse_client
from mcp.client.streamable_http import streamablehttp_client
from mcp.client.websocket import websocket_client
from mcp.shared.exceptions import McpError

from .callbacks import ClientHandlers

logger = logging.getLogger(__name__)


@dataclass
class ServerConfig:
    name: str
    url: str
    transport: Literal["streamable-http", "sse", "websocket"] = "streamable-http"
    headers: dict[str, str] = field(default_factory=dict)
    timeout_s: float = 30
    retries: int = 2


class McpConnection:
    def __init__(self, config: ServerConfig, handlers: ClientHandlers) -> None:
        self.config = config
        self.handlers = handlers
        self._stack = AsyncExitStack()
        self._session: ClientSession | None = None
        self._get_session_id: Any = None
        self.server_info: types.Implementation | None = None

    @property
    def session(self) -> ClientSession:
        if self._session is None:
            raise RuntimeError(f"{self.config.name}: not connected")
        return self._session

    @property
    def session_id(self) -> str | None:
        return self._get_session_id() if self._get_session_id else None

    async def __aenter__(self) -> McpConnection:
        await self.connect()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def connect(self) -> None:
        cfg = self.config
        if cfg.transport == "websocket":
            read, write = await self._stack.enter_async_context(websocket_client(cfg.url))
        elif cfg.transport == "sse":
            read, write = await self._stack.enter_async_context(
                sse_client(cfg.url, headers=cfg.headers, timeout=cfg.timeout_s, sse_read_timeout=300)
            )
        else:
            read, write, get_session_id = await self._stack.enter_async_context(
                streamablehttp_client(
                    cfg.url,
                    headers=cfg.headers,
                    timeout=timedelta(seconds=cfg.timeout_s),
                    sse_read_timeout=timedelta(minutes=5),
                )
            )
            self._get_session_id = get_session_id

        self._session = await self._stack.enter_async_context(
            ClientSession(
                read,
                write,
                read_timeout_seconds=timedelta(seconds=cfg.timeout_s),
                sampling_callback=self.handlers.sampling,
                elicitation_callback=self.handlers.elicitation,
                list_roots_callback=self.handlers.list_roots,
                logging_callback=self.handlers.logging,
            )
        )
        init = await self._session.initialize()
        self.server_info = init.serverInfo
        logger.info(
            "connected to %s (%s %s), session %s",
            cfg.name,
            init.serverInfo.name,
            init.serverInfo.version,
            self.session_id,
        )

    async def close(self) -> None:
        await self._stack.aclose()
        self._session = None

    async def cancel(self, request_id: types.RequestId, reason: str = "user aborted") -> None:
        await self.session.send_notification(
            types.ClientNotification(
                types.CancelledNotification(
                    params=types.CancelledNotificationParams(requestId=request_id, reason=reason)
                )
            )
        )

    async def tools_as_functions(self) -> list[dict[str, Any]]:
        """Translate MCP tools to OpenAI function-calling schema."""
        listing = await self.session.list_tools()
        return [
            {
                "type": "function",
                "function": {
                    "name": f"{self.config.name}__{tool.name}",
                    "description": tool.description or "",
                    "parameters": tool.inputSchema,
                },
            }
            for tool in listing.tools
        ]

    async def call(self, tool: str, arguments: dict[str, Any]) -> str:
        attempt = 0
        while True:
            try:
                result = await self.session.call_tool(
                    tool, arguments, read_timeout_seconds=timedelta(seconds=self.config.timeout_s * 4)
                )
                break
            except McpError as exc:
                if exc.error.code == httpx.codes.REQUEST_TIMEOUT and attempt < self.config.retries:
                    attempt += 1
                    logger.warning("%s timed out, retry %d", tool, attempt)
                    await anyio.sleep(2**attempt)
                    continue
                return f"ERROR {exc.error.code}: {exc.error.message}"

        texts = [b.text for b in result.content if isinstance(b, types.TextContent)]
        if result.isError:
            return "TOOL ERROR: " + "\n".join(texts)
        if not texts and result.structuredContent is not None:
            return str(result.structuredContent)
        return "\n".join(texts)
