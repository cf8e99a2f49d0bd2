from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import AnyUrl

sys.path.insert(0, str(Path(__file__).parent))

from support import MCP_URL, act_as, make_codec, make_settings  # noqa: E402

from mcp.server.auth.provider import AccessToken  # noqa: E402
from mcp.shared.memory import create_connected_server_and_client_session  # noqa: E402
from mcp.types import LoggingMessageNotificationParams, TextContent, TextResourceContents  # noqa: E402

from gatehouse.server import build_server  # noqa: E402
from gatehouse.verifier import JWTTokenVerifier  # noqa: E402


def _server():
    settings = make_settings()
    return build_server(settings, JWTTokenVerifier(make_codec(), MCP_URL, ["mcp:read"]))


def _token(*scopes: str, subject: str = "alice") -> AccessToken:
    return AccessToken(token="t", client_id="cli-1", scopes=list(scopes), expires_at=4102444800, subject=subject)


async def test_whoami_reads_authenticated_user() -> None:
    mcp = _server()
    act_as(_token("mcp:read", "notes:read"))
    logs: list[LoggingMessageNotificationParams] = []

    async def on_log(params: LoggingMessageNotificationParams) -> None:
        logs.append(params)

    async with create_connected_server_and_client_session(mcp._mcp_server, logging_callback=on_log) as session:
        await session.set_logging_level("debug")
        init = session.get_server_capabilities()
        assert init is not None and init.tools is not None
        result = await session.call_tool("whoami", {}, meta={"client_id": "desktop-app"})
        assert not result.isError
        assert result.structuredContent is not None
        assert result.structuredContent["clientId"] == "cli-1"
        assert result.structuredContent["subject"] == "alice"
        assert result.structuredContent["scopes"] == ["mcp:read", "notes:read"]
        assert result.structuredContent["metaClientId"] == "desktop-app"
        assert result.structuredContent["server"] == "gatehouse"

        scopes = await session.call_tool("granted_scopes", {})
        first = scopes.content[0]
        assert isinstance(first, TextContent)
        assert scopes.structuredContent == {"result": ["mcp:read", "notes:read"]}

        tools = await session.list_tools()
        by_name = {tool.name: tool for tool in tools.tools}
        assert by_name["whoami"].title == "Who am I"
        annotations = by_name["whoami"].annotations
        assert annotations is not None and annotations.readOnlyHint is True
        assert by_name["add_note"].inputSchema["required"] == ["text"]
        assert by_name["whoami"].outputSchema is not None
    assert [entry.data for entry in logs] == ["whoami called by cli-1"]


async def test_scope_enforcement_and_notes() -> None:
    mcp = _server()
    act_as(_token("mcp:read", "notes:read"))
    async with create_connected_server_and_client_session(mcp._mcp_server) as session:
        denied = await session.call_tool("add_note", {"text": "ship it"})
        assert denied.isError
        block = denied.content[0]
        assert isinstance(block, TextContent) and "insufficient_scope: notes:write" in block.text

    act_as(_token("mcp:read", "notes:read", "notes:write"))
    reported: list[float] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        reported.append(progress)

    async with create_connected_server_and_client_session(mcp._mcp_server) as session:
        stored = await session.call_tool("add_note", {"text": "  ship it  "}, progress_callback=on_progress)
        assert not stored.isError
        await session.call_tool("add_note", {"text": "write docs"})
        listed = await session.call_tool("list_notes", {"limit": 5})
        assert listed.structuredContent == {"result": ["ship it", "write docs"]}
    assert reported == [1.0]


async def test_resources_and_prompts() -> None:
    mcp = _server()
    act_as(_token("mcp:read", "notes:write", subject="bob"))
    async with create_connected_server_and_client_session(mcp, raise_exceptions=False) as session:
        await session.call_tool("add_note", {"text": "hello"})

        templates = await session.list_resource_templates()
        assert [t.uriTemplate for t in templates.resourceTemplates] == ["notes://{owner}/latest"]

        latest = await session.read_resource(AnyUrl("notes://bob/latest"))
        content = latest.contents[0]
        assert isinstance(content, TextResourceContents)
        assert content.text == "hello"
        assert content.mimeType == "text/plain"
        assert content.uri.scheme == "notes" and content.uri.host == "bob"

        listing = await session.list_resources()
        uris = [str(r.uri) for r in listing.resources]
        assert uris == ["gatehouse://deployment"]
        deployment = await session.read_resource(listing.resources[0].uri)
        body = deployment.contents[0]
        assert isinstance(body, TextResourceContents)
        manifest: dict[str, Any] = json.loads(body.text)
        assert manifest["requiredScopes"] == ["mcp:read"]

        direct = list(await mcp.read_resource("gatehouse://deployment"))
        assert direct[0].mime_type == "application/json" and direct[0].content == body.text

        prompt = await session.get_prompt("summarize_notes", {"owner": "bob"})
        first = prompt.messages[0].content
        assert isinstance(first, TextContent) and "- hello" in first.text
        assert prompt.messages[1].role == "assistant"
