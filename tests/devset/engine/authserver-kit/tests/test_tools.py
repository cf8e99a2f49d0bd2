"""Tool, resource and prompt behaviour over an in-memory MCP session."""

from __future__ import annotations

import json

from pydantic import AnyUrl

import mcp.types as types
from mcp.shared.exceptions import McpError

from authkit.client import MessageRecorder
from authkit.server import build_server, dump_tool_result
from authkit.testing import TEST_SETTINGS, connected_session


def _text(result: types.CallToolResult) -> str:
    return "\n".join(block.text for block in result.content if isinstance(block, types.TextContent))


async def test_whoami_reflects_the_bearer_token() -> None:
    kit = build_server(TEST_SETTINGS)
    assert kit.provider is not None
    token = kit.provider.mint_access_token("notes-cli", ["notes:read"], subject="alice")
    recorder = MessageRecorder()

    async with connected_session(kit.mcp, token=token, message_handler=recorder) as session:
        result = await session.call_tool("whoami", {})
        assert not result.isError, _text(result)
        assert result.structuredContent is not None
        assert result.structuredContent["client_id"] == "notes-cli"
        assert result.structuredContent["subject"] == "alice"
        assert result.structuredContent["scopes"] == ["notes:read"]
        assert result.structuredContent["server"] == "authkit"

        info = await session.call_tool("server_info", {})
        assert info.structuredContent is not None
        assert str(info.structuredContent.pop("request_id")).isdigit()
        assert info.structuredContent == {
            "issuer": "http://localhost:8765/",
            "required_scopes": ["notes:read"],
            "host": "127.0.0.1",
            "port": 8765,
            "streamable_http_path": "/mcp",
            "sse_path": "/sse",
            "stateless": True,
        }

    assert recorder.methods == ["notifications/message"]
    assert recorder.logs == [("info", "whoami for client notes-cli")]


async def test_scope_checks_turn_into_tool_errors() -> None:
    kit = build_server(TEST_SETTINGS)
    assert kit.provider is not None
    reader = kit.provider.mint_access_token("notes-cli", ["notes:read"], subject="alice")

    async with connected_session(kit.mcp, token=reader) as session:
        denied = await session.call_tool("add_note", {"title": "t", "body": "b"})
        assert denied.isError
        assert "insufficient_scope: requires notes:write" in _text(denied)

        admin_only = await session.call_tool("list_clients", {})
        assert admin_only.isError and "authkit:admin" in _text(admin_only)

        listed = await session.call_tool("list_notes", {})
        assert not listed.isError
        assert listed.structuredContent == {"result": []}

    async with connected_session(kit.mcp, token=None) as session:
        anonymous = await session.call_tool("whoami", {})
        assert anonymous.isError and "authentication required" in _text(anonymous)
        rendered = json.loads(dump_tool_result(anonymous))
        assert rendered["isError"] is True and rendered["structured"] is None


async def test_notes_are_scoped_to_the_subject() -> None:
    kit = build_server(TEST_SETTINGS)
    assert kit.provider is not None
    alice = kit.provider.mint_access_token("notes-cli", ["notes:read", "notes:write"], subject="alice")
    bob = kit.provider.mint_access_token("notes-cli", ["notes:read", "notes:write"], subject="bob")

    async with connected_session(kit.mcp, token=alice) as session:
        created = await session.call_tool("add_note", {"title": "groceries", "body": "milk, eggs"})
        assert created.structuredContent is not None and created.structuredContent["id"] == 1
        await session.call_tool("add_note", {"title": "ideas", "body": "oauth for toasters"})
        found = await session.call_tool("list_notes", {"contains": "TOASTER"})
        assert found.structuredContent is not None
        assert [n["title"] for n in found.structuredContent["result"]] == ["ideas"]

    async with connected_session(kit.mcp, token=bob) as session:
        empty = await session.call_tool("list_notes", {})
        assert empty.structuredContent == {"result": []}
    assert sorted(kit.notes) == ["alice"]


async def test_admin_tools_listing_and_pagination() -> None:
    kit = build_server(TEST_SETTINGS)
    assert kit.provider is not None
    kit.provider.preregister("svc-a", ["https://a.example/cb"], client_secret="x", scopes=["notes:read"])
    kit.provider.preregister("svc-b", ["https://b.example/cb"], auth_method="none", scopes=["notes:read"])
    victim = kit.provider.mint_access_token("svc-b", ["notes:read"])
    admin = kit.provider.mint_access_token("console", ["notes:read", "authkit:admin"], subject="root")

    async with connected_session(kit.mcp, token=admin) as session:
        tools = await session.list_tools()
        assert tools.nextCursor is None
        by_name = {tool.name: tool for tool in tools.tools}
        assert {"whoami", "list_clients", "revoke_client", "introspect_token", "audit_events"} <= set(by_name)
        whoami = by_name["whoami"]
        assert whoami.title == "Who am I"
        assert whoami.annotations is not None and whoami.annotations.readOnlyHint is True
        revoke = by_name["revoke_client"]
        assert revoke.annotations is not None and revoke.annotations.destructiveHint is True
        assert revoke.inputSchema["required"] == ["client_id"]
        assert by_name["list_notes"].outputSchema is not None

        clients = await session.call_tool("list_clients", {})
        assert clients.structuredContent is not None
        listed = {c["client_id"]: c for c in clients.structuredContent["result"]}
        assert listed["svc-a"]["auth_method"] == "client_secret_post"
        assert listed["svc-b"]["auth_method"] == "none"

        revoked = await session.call_tool("revoke_client", {"client_id": "svc-b"})
        assert not revoked.isError
        assert revoked.structuredContent == {"client_id": "svc-b", "revoked": 1}
        assert victim.token not in kit.provider.access_tokens
        again = await session.call_tool("revoke_client", {"client_id": "svc-b"})
        assert again.isError and "revoked 0 token(s)" in _text(again)

        own = await session.call_tool("revoke_client", {"client_id": "console"})
        assert own.isError and "refusing" in _text(own)

        seen: list[str] = []
        cursor: str | None = None
        while True:
            args: dict[str, object] = {"limit": 2}
            if cursor:
                args["cursor"] = cursor
            page = await session.call_tool("audit_events", args)
            assert page.structuredContent is not None
            seen.extend(e["event"] for e in page.structuredContent["events"])
            cursor = page.structuredContent["nextCursor"]
            if cursor is None:
                break
        assert seen.count("token.issued") == 2 and seen[-1] == "token.revoked"

        broken = await session.call_tool("audit_events", {"cursor": "!!"})
        assert broken.isError and "malformed cursor" in _text(broken)


async def test_resources_and_prompts() -> None:
    kit = build_server(TEST_SETTINGS)
    assert kit.provider is not None
    kit.provider.preregister("svc-a", ["https://a.example/cb"], client_secret="hidden", client_name="Service A")
    admin = kit.provider.mint_access_token("console", ["notes:read", "authkit:admin"])

    async with connected_session(kit.mcp, token=admin) as session:
        resources = await session.list_resources()
        static = [r for r in resources.resources if r.uri.scheme == "authkit"]
        assert [str(r.uri) for r in static] == ["authkit://metadata"]
        assert static[0].mimeType == "application/json"

        templates = await session.list_resource_templates()
        assert [t.uriTemplate for t in templates.resourceTemplates] == ["authkit://clients/{client_id}"]

        record = await session.read_resource(AnyUrl("authkit://clients/svc-a"))
        content = record.contents[0]
        assert isinstance(content, types.TextResourceContents)
        assert content.uri.host == "clients" and content.uri.path == "/svc-a"
        assert content.mimeType == "application/json"
        body = json.loads(content.text)
        assert body["client_id"] == "svc-a" and "client_secret" not in body

        metadata = await session.read_resource(AnyUrl("authkit://metadata"))
        first = metadata.contents[0]
        assert isinstance(first, types.TextResourceContents)
        assert json.loads(first.text)["token_endpoint"] == "http://localhost:8765/token"

        try:
            await session.read_resource(AnyUrl("authkit://nowhere"))
        except McpError as exc:
            assert exc.error.code == 0
            assert "Unknown resource" in exc.error.message
        else:
            raise AssertionError("reading an unknown resource succeeded")

        prompt = await session.get_prompt("consent_summary", {"client_name": "Notes", "scopes": "notes:read notes:write"})
        assert [m.role for m in prompt.messages] == ["user", "assistant"]
        first_message = prompt.messages[0].content
        assert isinstance(first_message, types.TextContent)
        assert "notes:read, notes:write" in first_message.text

    reader = kit.provider.mint_access_token("cli", ["notes:read"])
    async with connected_session(kit.mcp, token=reader) as session:
        try:
            await session.read_resource(AnyUrl("authkit://clients/svc-a"))
        except McpError as exc:
            assert "authkit:admin" in exc.error.message
        else:
            raise AssertionError("non-admin read a client record")
