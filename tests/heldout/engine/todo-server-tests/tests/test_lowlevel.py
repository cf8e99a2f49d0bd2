from __future__ import annotations

import json

from mcp import types

from lowlevel_todo import create_server

from .helpers import connected, raw_session, run, text_of


def test_list_tools_and_schemas() -> None:
    async def body() -> None:
        async with connected(create_server()) as session:
            result = await session.list_tools()
            assert [t.name for t in result.tools] == ["add", "list", "done"]
            assert result.tools[0].inputSchema["required"] == ["title"]
            assert result.nextCursor is None

    run(body)


def test_structured_list_output() -> None:
    async def body() -> None:
        async with connected(create_server(["one", "two"])) as session:
            result = await session.call_tool("list", {})
            assert result.structuredContent == {
                "items": [{"title": "one", "done": False}, {"title": "two", "done": False}]
            }
            # the low-level server also mirrors structured output as JSON text
            assert json.loads(text_of(result)) == result.structuredContent

    run(body)


def test_errors_become_error_results() -> None:
    async def body() -> None:
        async with connected(create_server()) as session:
            out_of_range = await session.call_tool("done", {"index": 3})
            assert out_of_range.isError
            assert text_of(out_of_range) == "index 3 out of range"

            unknown = await session.call_tool("nope", {})
            assert unknown.isError
            assert "Unknown tool nope" in text_of(unknown)

            invalid = await session.call_tool("add", {})
            assert invalid.isError, "jsonschema validation should reject a missing title"

    run(body)


def test_initialize_result_over_raw_streams() -> None:
    async def body() -> None:
        server = create_server()
        async with raw_session(server) as session:
            await session.send_ping()
            caps = session.get_server_capabilities()
            assert caps is not None and caps.tools is not None
            pong = await session.send_request(types.ClientRequest(types.PingRequest()), types.EmptyResult)
            assert isinstance(pong, types.EmptyResult)

    run(body)


def test_registered_handlers() -> None:
    server = create_server()
    assert types.ListToolsRequest in server.request_handlers
    assert types.CallToolRequest in server.request_handlers
    assert types.ProgressNotification in server.notification_handlers
    assert types.ListPromptsRequest not in server.request_handlers
