from __future__ import annotations

import os
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from types import ModuleType
from typing import Any
from unittest import mock

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import anyio  # noqa: E402
import httpx  # noqa: E402
from mcp.server.fastmcp import FastMCP  # noqa: E402
from mcp.shared.memory import create_client_server_memory_streams  # noqa: E402
from servers import PNG, build_workbench  # noqa: E402

from agentloop import Agent, FakeLLM, ServerSpec, open_session  # noqa: E402
from agentloop.connect import BearerAuth, ClientHandlers  # noqa: E402


def fake_transport(server: FastMCP, calls: list[tuple[str, dict[str, Any]]], *, with_session_id: bool):
    lowlevel = server._mcp_server

    @asynccontextmanager
    async def transport(target: Any, **kwargs: Any) -> AsyncIterator[Any]:
        calls.append((str(getattr(target, "command", target)), kwargs))
        async with create_client_server_memory_streams() as (client_streams, server_streams):
            async with anyio.create_task_group() as tg:
                tg.start_soon(lambda: lowlevel.run(*server_streams, lowlevel.create_initialization_options()))
                if with_session_id:
                    yield client_streams[0], client_streams[1], lambda: "session-7f3a"
                else:
                    yield client_streams
                tg.cancel_scope.cancel()

    return transport


async def test_streamable_http_and_sse_specs_are_wired() -> None:
    calls: list[tuple[str, dict[str, Any]]] = []
    http = fake_transport(build_workbench(), calls, with_session_id=True)
    spec = ServerSpec("wb", "http", url="https://mcp.example.com/mcp", token="t0k", timeout=7, headers={"X-Team": "qa"})
    with mock.patch("agentloop.connect.streamablehttp_client", http):
        async with open_session(spec) as (session, init):
            assert init.serverInfo.name == "workbench"
            assert init.instructions == "Tools for testing agent loops."
            assert len((await session.list_tools()).tools) == 9
    url, kwargs = calls[0]
    assert url == "https://mcp.example.com/mcp"
    assert kwargs["timeout"] == timedelta(seconds=7)
    assert kwargs["sse_read_timeout"] == timedelta(minutes=5)
    assert kwargs["headers"] == {"X-Team": "qa"}
    assert isinstance(kwargs["auth"], BearerAuth) and kwargs["auth"].token == "t0k"

    sse = fake_transport(build_workbench(), calls, with_session_id=False)
    with mock.patch("agentloop.connect.sse_client", sse):
        async with open_session(ServerSpec("wb", "sse", url="https://mcp.example.com/sse", timeout=3)) as (s, _):
            await s.send_ping()
    assert calls[1][1]["timeout"] == 3 and calls[1][1]["auth"] is None

    # mcp.client.websocket needs the optional `websockets` package; stand in for the whole module.
    ws_module = ModuleType("mcp.client.websocket")
    setattr(ws_module, "websocket_client", fake_transport(build_workbench(), calls, with_session_id=False))
    with mock.patch.dict(sys.modules, {"mcp.client.websocket": ws_module}):
        async with open_session(ServerSpec("wb", "ws", url="wss://mcp.example.com/ws")) as (s, init):
            assert init.serverInfo.name == "workbench"
    assert calls[2][0] == "wss://mcp.example.com/ws"


async def test_stdio_spec_and_agent_resources_and_prompts() -> None:
    calls: list[tuple[str, dict[str, Any]]] = []
    stdio = fake_transport(build_workbench(), calls, with_session_id=False)
    spec = ServerSpec("wb", "stdio", command="python", args=["-m", "workbench"], env={"MODE": "test"})
    with mock.patch("agentloop.connect.stdio_client", stdio):
        async with open_session(spec, ClientHandlers()) as (session, _):
            agent = Agent(session, FakeLLM([]))
            persona = await agent.use_prompt("persona", {"style": "pirate"})
            guide = await agent.attach_resource("docs://guide")
            notes = await agent.attach_resource("docs://notes.txt")
            logo = await agent.attach_resource("docs://logo.png")
            missing = await agent.attach_resource("docs://nope")
    assert calls[0][0] == "python"
    assert [(m.role, m.content) for m in persona] == [
        ("system", "Agent persona"),
        ("user", "You are a pirate assistant. Prefer tools over guessing."),
    ]
    assert guide is not None and guide.startswith("# Guide")
    assert notes == "remember the milk"
    assert logo == f"[image/png, {len(PNG)} bytes, logo.png]"
    assert missing is None
    assert agent.resource_errors == {"docs://nope": 0}
    assert agent.context[-1].content.startswith("Resource docs://nope is unavailable")
    assert [r.contents[0].mimeType for r in agent.transcript.resources] == ["text/markdown", "text/plain", "image/png"]
    assert agent.transcript.prompt is not None and agent.transcript.prompt.description == "Agent persona"


def test_bearer_auth_refreshes_once_on_401() -> None:
    auth = BearerAuth("old", refresh=lambda: "new")
    request = httpx.Request("POST", "https://mcp.example.com/mcp")
    flow = auth.auth_flow(request)
    first = next(flow)
    assert first.headers["Authorization"] == "Bearer old"
    retried = flow.send(httpx.Response(401, request=request))
    assert retried.headers["Authorization"] == "Bearer new"
    assert auth.token == "new"
