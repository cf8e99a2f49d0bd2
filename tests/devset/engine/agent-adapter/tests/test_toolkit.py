from __future__ import annotations

import os
import sys
from contextlib import AsyncExitStack
from pathlib import Path

import anyio
import httpx

from agentmesh.config import ServerConfig
from agentmesh.hooks import AgentHooks
from agentmesh.http import make_client_factory, quiet_http_logging
from agentmesh.session import MCPServerConnection
from agentmesh.toolkit import GroupedToolkit, MCPToolkit
from tests.harness import connected, memory_config
from tests.servers import build_demo_server, build_paged_server, paged_init_options

ROOT = Path(__file__).resolve().parent.parent


async def test_toolkit_namespaces_and_invokes_tools() -> None:
    hooks = AgentHooks()
    toolkit = MCPToolkit([], hooks)
    paged = build_paged_server()
    async with AsyncExitStack() as stack:
        demo = await stack.enter_async_context(connected(build_demo_server(), hooks, config=memory_config("demo")))
        catalog = await stack.enter_async_context(
            connected(paged, hooks, config=memory_config("catalog"), init_options=paged_init_options(paged))
        )
        toolkit.add_connection(demo)
        toolkit.add_connection(catalog)
        names = [t.name for t in await toolkit.refresh()]
        assert {"demo__add", "catalog__lookup", "catalog__noop_6"} <= set(names)
        assert toolkit.get("catalog__reindex").long_running and not toolkit.get("demo__add").long_running

        looked_up = await toolkit.invoke("catalog__lookup", {"id": 1})
        assert looked_up.structured == {"label": "item_1"} and not looked_up.is_error

        add = toolkit.get("demo__add")
        summed = await add(a=20, b=22)
        assert summed.text == "42" and summed.call_id.startswith("demo-")
        missing = await add(a=1)
        assert missing.is_error and "missing required argument(s): b" in missing.text

        await toolkit.invoke("catalog__reindex", {})
        with anyio.fail_after(2):
            while "catalog" not in toolkit.stale_servers:
                await anyio.sleep(0.01)
        await toolkit.invoke("catalog__lookup", {"id": 0})
        assert toolkit.stale_servers == set()
        assert await demo.ping() and await catalog.ping()


async def test_streamable_http_through_asgi_app() -> None:
    quiet_http_logging()
    server = build_demo_server(stateless=True)
    statuses: list[int] = []

    async def record(response: httpx.Response) -> None:
        statuses.append(response.status_code)

    app = server.streamable_http_app()
    factory = make_client_factory(transport=httpx.ASGITransport(app=app), response_hooks=[record])
    settings = server.settings
    raw = {"transport": "streamable-http", "host": settings.host, "port": settings.port}
    raw["path"] = settings.streamable_http_path
    cfg = ServerConfig.from_dict("remote", {**raw, "auth": {"type": "bearer", "token": "s3cret"}})
    assert cfg.endpoint == "http://127.0.0.1:8765/mcp"

    async with server.session_manager.run():
        async with MCPServerConnection(cfg, client_factory=factory) as conn:
            assert conn.session_id is None  # stateless server
            assert conn.server_info is not None and conn.server_info.name == "demo-tools"
            assert "whoami" in {t.name for t in await conn.list_all_tools()}
            who = await conn.call_tool("whoami", {})
            added = await conn.call_tool("add", {"a": 4, "b": 5})

    assert who.structuredContent == {"result": "Bearer s3cret"}
    assert added.structuredContent == {"result": 9}
    assert statuses and set(statuses) <= {200, 202}


def _stdio_config(name: str) -> ServerConfig:
    return ServerConfig.from_dict(
        name,
        {
            "command": sys.executable,
            "args": [str(ROOT / "tests" / "stdio_server.py")],
            "env": {"PYTHONPATH": os.environ.get("PYTHONPATH", str(ROOT))},
            "readTimeoutSeconds": 20,
        },
    )


async def test_stdio_server_via_toolkit_and_session_group() -> None:
    async with MCPToolkit([_stdio_config("local")]) as toolkit:
        conn = toolkit.connections["local"]
        assert conn.instructions == "Tools for exercising the agentmesh adapter."
        reply = await toolkit.invoke("add", {"a": 2, "b": 40})
        assert reply.structured == {"result": 42}
        failure = await toolkit.invoke("guarded", {"token": "wrong"})
        assert failure.is_error and "bad token" in failure.text

    async with GroupedToolkit([_stdio_config("grouped")]) as grouped:
        assert grouped.tools()["demo-tools.add"].inputSchema["required"] == ["a", "b"]
        message = await grouped.invoke("demo-tools.add", {"a": 1, "b": 2})
        assert message.structured == {"result": 3}
