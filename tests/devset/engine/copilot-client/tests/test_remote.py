from __future__ import annotations

import os
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from unittest import mock

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import anyio  # noqa: E402
import httpx  # noqa: E402
import mcp.types as types  # noqa: E402
from fixture_server import build_workspace_server  # noqa: E402
from mcp.shared.exceptions import McpError  # noqa: E402
from mcp.shared.memory import create_client_server_memory_streams  # noqa: E402

from copilot.remote import WorkspaceTokenAuth, call_remote, open_remote  # noqa: E402
from copilot.results import tool_text  # noqa: E402


class FakeTransport:
    """Replaces streamable_http_client: runs the fixture server in memory."""

    def __init__(self, fail_first_with: McpError | None = None) -> None:
        self.clients: list[httpx.AsyncClient] = []
        self.fail_first_with = fail_first_with

    @asynccontextmanager
    async def __call__(self, url: str, *, http_client: httpx.AsyncClient, **_: Any) -> AsyncIterator[Any]:
        self.clients.append(http_client)
        if self.fail_first_with is not None:
            error, self.fail_first_with = self.fail_first_with, None
            raise error
        server = build_workspace_server()._mcp_server
        async with create_client_server_memory_streams() as (client_streams, server_streams):
            async with anyio.create_task_group() as tg:
                tg.start_soon(lambda: server.run(*server_streams, server.create_initialization_options()))
                yield client_streams[0], client_streams[1], lambda: f"session-{len(self.clients)}"
                tg.cancel_scope.cancel()


def tokens() -> Any:
    issued: list[bool] = []

    def provider(refresh: bool) -> str:
        issued.append(refresh)
        return "fresh-token" if refresh else "cached-token"

    return provider


async def test_open_remote_builds_an_authenticated_client() -> None:
    transport = FakeTransport()
    with mock.patch("copilot.remote.streamable_http_client", transport):
        async with open_remote("https://tools.acme.test/mcp", tokens()) as (session, session_id):
            result = await session.call_tool("count_lines", {"text": "a\nb"})
    assert session_id == "session-1"
    assert result.structuredContent == {"lines": 2, "words": 2}
    client = transport.clients[0]
    assert isinstance(client.auth, WorkspaceTokenAuth)
    assert client.headers["User-Agent"] == "copilot-ide/0.12.0"
    assert client.timeout.read == 300
    assert client.is_closed

    flow = client.auth.auth_flow(httpx.Request("POST", "https://tools.acme.test/mcp"))
    first = next(flow)
    assert first.headers["Authorization"] == "Bearer cached-token"
    retry = flow.send(httpx.Response(401))
    assert retry.headers["Authorization"] == "Bearer fresh-token"


async def test_call_remote_reconnects_after_session_expiry() -> None:
    expired = McpError(types.ErrorData(code=32600, message="Session terminated"))
    transport = FakeTransport(fail_first_with=expired)
    with mock.patch("copilot.remote.streamable_http_client", transport):
        result = await call_remote("https://tools.acme.test/mcp", tokens(), "count_lines", {"text": "x y"})
    assert tool_text(result).startswith("{")
    assert result.structuredContent == {"lines": 1, "words": 2}
    assert len(transport.clients) == 2

    other = FakeTransport(fail_first_with=McpError(types.ErrorData(code=types.INTERNAL_ERROR, message="boom")))
    with mock.patch("copilot.remote.streamable_http_client", other):
        try:
            await call_remote("https://tools.acme.test/mcp", tokens(), "count_lines", {"text": "x"})
        except McpError as exc:
            assert exc.error.code == types.INTERNAL_ERROR
        else:
            raise AssertionError("non-expiry errors must propagate")
