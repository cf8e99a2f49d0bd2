"""Log level negotiation, server log messages and client-sent progress."""

from __future__ import annotations

from typing import Any

import mcp.types as types
from mcp.shared.memory import create_connected_server_and_client_session

from kgraph.client import GraphClient
from tests.support import eventually, make_graph


async def test_logging_follows_the_requested_level() -> None:
    graph = make_graph()
    received: list[tuple[str, Any, str | None]] = []

    async def on_log(params: types.LoggingMessageNotificationParams) -> None:
        received.append((params.level, params.data, params.logger))

    async with create_connected_server_and_client_session(graph.server, logging_callback=on_log) as session:
        client = GraphClient(session)
        await client.call("create_entities", {"entities": [{"name": "Hopper", "entityType": "person"}]})
        assert received == [("info", "created 1 entities", "kgraph")]
        await session.set_logging_level("debug")
        await client.call("search_nodes", {"query": "hopper"}, trace_id="trace-42")
        await session.set_logging_level("error")
        await client.call("delete_entity", {"name": "Hopper"})

    assert [entry[0] for entry in received] == ["info", "notice", "debug"]
    assert received[1][1] == "log level set to debug"
    assert received[2][1] == {"tool": "search_nodes", "call": 2, "trace": "trace-42"}


async def test_client_progress_reaches_the_server() -> None:
    graph = make_graph()
    async with create_connected_server_and_client_session(graph.server) as session:
        await session.send_progress_notification("upload-7", 0.25, total=1.0, message="uploading")
        await session.send_progress_notification("upload-7", 1.0, total=1.0)
        await eventually(lambda: len(graph.client_progress) == 2)
    assert graph.client_progress == [("upload-7", 0.25, 1.0, "uploading"), ("upload-7", 1.0, 1.0, None)]
