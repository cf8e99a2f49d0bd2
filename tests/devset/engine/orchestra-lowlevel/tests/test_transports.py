from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from unittest import mock

import anyio
from mcp.client.session import ClientSession
from mcp.shared.memory import create_client_server_memory_streams
from starlette.testclient import TestClient

from orchestra import transports
from orchestra.testing import call_json


def test_http_app_health_and_initialize() -> None:
    app = transports.build_http_app(json_response=True)
    with TestClient(app, base_url="http://localhost:7430") as client:
        health = client.get("/healthz").json()
        assert health == {
            "server": "orchestra",
            "version": "0.9.0",
            "stateless": False,
            "json_response": True,
            "methods": health["methods"],
        }
        assert "tools/call" in health["methods"]
        response = client.post(
            "/mcp/",
            headers={"Accept": "application/json, text/event-stream", "X-Orchestra-User": "ops"},
            json={
                "jsonrpc": "2.0",
                "id": 1,
                "method": "initialize",
                "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "t", "version": "0"}},
            },
        )
        assert response.status_code == 200, response.text
        result = response.json()["result"]
        assert result["serverInfo"] == {"name": "orchestra", "version": "0.9.0"}
        assert result["capabilities"]["resources"]["subscribe"] is False
        assert result["instructions"].startswith("Start workflows with run_workflow")

        rejected = client.post("/mcp/", headers={"Host": "evil.example"}, json={})
        assert rejected.status_code == 421


async def test_stdio_entry_point_serves_a_client() -> None:
    async with create_client_server_memory_streams() as (client_streams, server_streams):

        @asynccontextmanager
        async def fake_stdio() -> AsyncIterator[Any]:
            yield server_streams

        async with anyio.create_task_group() as tg:
            with mock.patch.object(transports, "stdio_server", fake_stdio):
                tg.start_soon(transports.run_stdio)
                async with ClientSession(*client_streams) as session:
                    init = await session.initialize()
                    assert init.serverInfo.name == "orchestra"
                    assert init.instructions is not None and "run_workflow" in init.instructions
                    listed = await call_json(session, "list_workflows", {})
                    assert len(listed["workflows"]) == 3
                tg.cancel_scope.cancel()

    with mock.patch.object(transports.anyio, "run") as run:
        transports.main([])
    run.assert_called_once_with(transports.run_stdio)
