"""Hook and connection tests (plain functions, driven with anyio.run)."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import anyio
import httpx

from mcp.shared.exceptions import McpError
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.types import CallToolResult, ErrorData, TextContent

from flowhooks_mcp.connection import McpConnection
from flowhooks_mcp.content import result_to_xcom
from flowhooks_mcp.hooks import McpHook, McpHookError, McpHookTimeout
from tests.fixture_server import server


def _hook() -> McpHook:
    return McpHook(
        "index",
        session_factory=lambda: create_connected_server_and_client_session(
            server, read_timeout_seconds=timedelta(seconds=10)
        ),
    )


def test_connection_uri_parsing() -> None:
    conn = McpConnection.from_uri(
        "search", "mcp+http://search.internal:8000/mcp?timeout=12&header.Authorization=Bearer%20abc"
    )
    assert conn.transport == "http"
    assert conn.url == "http://search.internal:8000/mcp"
    assert conn.headers == {"Authorization": "Bearer abc"}
    assert conn.timeout == 12.0

    stdio = McpConnection.from_uri("local", "mcp+stdio:///usr/bin/python?arg=-m&arg=index_server&env.INDEX=/tmp")
    assert stdio.command == "/usr/bin/python"
    assert stdio.args == ["-m", "index_server"]
    assert stdio.env == {"INDEX": "/tmp"}


def test_connection_from_env_command() -> None:
    conn = McpConnection.from_env("local", {"FLOWHOOKS_CONN_LOCAL_COMMAND": "uvx index-server --ro"})
    assert conn.transport == "stdio"
    assert conn.command == "uvx"
    assert conn.args == ["index-server", "--ro"]


def test_run_tool_in_memory() -> None:
    async def main() -> None:
        result = await _hook().run_tool("reindex", {"collection": "docs"})
        assert not result.isError
        assert result.structuredContent is not None
        assert result.structuredContent["documents"] == 42
        payload = result_to_xcom(result)
        assert payload["structured"]["collection"] == "docs"
        assert "isError" in payload["raw"]

    anyio.run(main)


def test_tool_error_is_reported_as_result() -> None:
    async def main() -> None:
        result = await _hook().run_tool("explode", {"reason": "test"})
        assert result.isError
        assert isinstance(result.content[0], TextContent)
        assert "exploded: test" in result.content[0].text

    anyio.run(main)


def test_read_text_and_prompt() -> None:
    async def main() -> None:
        hook = _hook()
        text, mime = await hook.read_text("status://index")
        assert mime == "application/json"
        assert '"documents"' in text
        prompt = await hook.render_prompt("summarize", {"collection": "docs"})
        first = prompt.messages[0].content
        assert isinstance(first, TextContent) and "docs" in first.text

    anyio.run(main)


def test_timeout_is_translated() -> None:
    session = mock.AsyncMock()
    session.call_tool.side_effect = McpError(
        ErrorData(code=httpx.codes.REQUEST_TIMEOUT, message="Timed out while waiting for response")
    )

    async def main() -> None:
        hook = McpHook("index")
        try:
            await hook.run_tool("reindex", {"collection": "x"}, timeout_seconds=1, session=session)
        except McpHookTimeout as exc:
            assert exc.code == 408
        else:
            raise AssertionError("expected McpHookTimeout")
        _, kwargs = session.call_tool.call_args
        assert kwargs["read_timeout_seconds"] == timedelta(seconds=1)

    anyio.run(main)


def test_other_errors_keep_code() -> None:
    session = mock.AsyncMock()
    session.call_tool.side_effect = McpError(ErrorData(code=-32602, message="Unknown tool: nope"))

    async def main() -> None:
        try:
            await McpHook("index").run_tool("nope", session=session)
        except McpHookTimeout:
            raise AssertionError("not a timeout")
        except McpHookError as exc:
            assert exc.code == -32602

    anyio.run(main)


def test_list_tool_names_follows_cursor() -> None:
    pages = [
        mock.Mock(tools=[mock.Mock(), mock.Mock()], nextCursor="p2"),
        mock.Mock(tools=[mock.Mock()], nextCursor=None),
    ]
    for page, names in zip(pages, (["a", "b"], ["c"])):
        for tool, name in zip(page.tools, names):
            tool.name = name
    session = mock.AsyncMock()
    session.list_tools.side_effect = pages

    async def main() -> None:
        names = await McpHook("index").list_tool_names(session)
        assert names == ["a", "b", "c"]
        assert session.list_tools.await_args_list[1] == mock.call(cursor="p2")

    anyio.run(main)


def test_result_to_xcom_parses_json_text() -> None:
    result = CallToolResult(content=[TextContent(type="text", text='{"ok": true}')], isError=False)
    payload = result_to_xcom(result)
    assert payload["structured"] == {"ok": True}
