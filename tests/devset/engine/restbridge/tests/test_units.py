"""Unit tests with mocks standing in for SDK results."""

from __future__ import annotations

import os
from unittest import mock

import anyio

from mcp.shared.exceptions import McpError
from mcp.types import (
    INVALID_PARAMS,
    CallToolResult,
    EmbeddedResource,
    ErrorData,
    ListToolsResult,
    TextContent,
    TextResourceContents,
    Tool,
)
from restbridge.config import BridgeConfig, UpstreamConfig
from restbridge.translate import error_to_http, tool_result_to_http
from restbridge.upstreams import Upstream


def test_error_mapping() -> None:
    assert error_to_http(McpError(ErrorData(code=408, message="Timed out")))[0] == 504
    assert error_to_http(McpError(ErrorData(code=INVALID_PARAMS, message="bad")))[0] == 400
    status, body = error_to_http(McpError(ErrorData(code=-32000, message="db down", data={"retry": True})))
    assert status == 502 and body["data"] == {"retry": True}
    assert error_to_http(LookupError("no upstream"))[0] == 404


def test_embedded_resource_and_error_result() -> None:
    embedded = EmbeddedResource(
        type="resource",
        resource=TextResourceContents(uri="memo://1", text="hello", mimeType="text/plain"),  # type: ignore[arg-type]
    )
    status, body = tool_result_to_http(CallToolResult(content=[embedded], structuredContent={"n": 1}))
    assert status == 200
    assert body == {"content": [{"type": "resource", "uri": "memo://1", "text": "hello"}], "result": {"n": 1}}

    status, body = tool_result_to_http(CallToolResult(content=[TextContent(type="text", text="nope")], isError=True))
    assert status == 422 and body["error"] == "nope"


def test_refresh_tools_follows_cursor() -> None:
    schema = {"type": "object", "properties": {}}
    pages = [
        ListToolsResult(tools=[Tool(name="a", inputSchema=schema)], nextCursor="p2"),
        ListToolsResult(tools=[Tool(name="b", inputSchema=schema), Tool(name="hidden", inputSchema=schema)]),
    ]
    session = mock.MagicMock()
    session.list_tools = mock.AsyncMock(side_effect=pages)
    upstream = Upstream(config=UpstreamConfig(name="x", command="x", expose=["a", "b"]), session=session)

    tools = anyio.run(upstream.refresh_tools)
    assert sorted(tools) == ["a", "b"]
    assert session.list_tools.await_args_list == [mock.call(cursor=None), mock.call(cursor="p2")]


def test_config_expands_environment() -> None:
    import json
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bridge.json")
        with open(path, "w") as fh:
            json.dump(
                {
                    "title": "ops",
                    "upstreams": [
                        {"name": "crm", "transport": "http", "url": "https://crm/mcp", "headers": {"Authorization": "Bearer ${CRM_TOKEN}"}},
                        {"name": "fs", "command": "python", "args": ["-m", "fs"]},
                    ],
                },
                fh,
            )
        with mock.patch.dict(os.environ, {"CRM_TOKEN": "s3cret"}):
            cfg = BridgeConfig.load(path)
    assert cfg.title == "ops"
    assert cfg.upstreams[0].headers == {"Authorization": "Bearer s3cret"}
    assert cfg.upstreams[1].transport == "stdio"
    try:
        UpstreamConfig.from_dict({"name": "bad", "transport": "http"})
    except ValueError as exc:
        assert "needs a url" in str(exc)
    else:
        raise AssertionError("expected ValueError")
