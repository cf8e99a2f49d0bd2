"""Reading resources and calling the document tools."""

from __future__ import annotations

import base64
import json

import mcp.types as types
from mcp.shared.exceptions import McpError
from pydantic import AnyUrl

from docstore.client import DocStoreClient, describe_error
from tests.harness import connected, make_server


async def test_read_text_and_binary_resources() -> None:
    async with connected(make_server()) as session:
        result = await session.read_resource(AnyUrl("doc://guides/getting-started"))
        content = result.contents[0]
        assert isinstance(content, types.TextResourceContents)
        assert content.uri.host == "guides"
        assert content.uri.path == "/getting-started"
        assert content.mimeType == "text/markdown"
        assert content.text.startswith("# Getting started")
        assert content.meta is not None and content.meta["revision"] == 1

        blob = await DocStoreClient(session).first_content("doc://assets/logo")
        assert isinstance(blob, types.BlobResourceContents)
        assert blob.mimeType == "image/png"
        assert base64.b64decode(blob.blob).startswith(b"\x89PNG")

        stats = await DocStoreClient(session).first_content("stats://summary")
        assert isinstance(stats, types.TextResourceContents)
        assert json.loads(stats.text)["documents"] == 4


async def test_missing_resource_is_a_protocol_error() -> None:
    async with connected(make_server()) as session:
        try:
            await DocStoreClient(session).first_content("doc://guides/missing")
        except McpError as exc:
            assert exc.error.code == types.INVALID_PARAMS
            assert exc.error.data == {"uri": "doc://guides/missing"}
            assert describe_error(exc).endswith("(doc://guides/missing)")
        else:
            raise AssertionError("expected McpError")


async def test_search_returns_structured_content() -> None:
    async with connected(make_server()) as session:
        result = await session.call_tool("search_documents", {"query": "subscribe notifications", "limit": 3})
        assert not result.isError
        structured = result.structuredContent
        assert structured is not None and structured["total"] == 1
        top = structured["results"][0]
        assert top["uri"] == "doc://guides/subscriptions"
        first = result.content[0]
        assert isinstance(first, types.TextContent)
        assert json.loads(first.text) == structured

        client = DocStoreClient(session)
        hits = await client.search("pagination")
        assert [hit["uri"] for hit in hits] == ["doc://notes/meeting-2024-05"]


async def test_put_and_delete_round_trip() -> None:
    server = make_server()
    async with connected(server) as session:
        client = DocStoreClient(session)
        uri = await client.put("notes", "retro", "Retro", "Went well: cursors.", tags=["team"])
        assert uri == "doc://notes/retro"
        text, mime = await client.read_text(uri)
        assert "Went well" in text and mime == "text/markdown"

        deleted = await session.call_tool("delete_document", {"collection": "notes", "slug": "retro"})
        assert deleted.structuredContent == {"uri": "doc://notes/retro", "revision": 1}

        again = await session.call_tool("delete_document", {"collection": "notes", "slug": "retro"})
        assert again.isError is True
        block = again.content[0]
        assert isinstance(block, types.TextContent)
        assert "no document notes/retro" in block.text
    assert server.audit["tools/call"] == 3


async def test_tool_arguments_are_validated_against_input_schema() -> None:
    async with connected(make_server()) as session:
        result = await session.call_tool("search_documents", {"limit": 2})
        assert result.isError
        block = result.content[0]
        assert isinstance(block, types.TextContent)
        assert block.text.startswith("Input validation error")

        unknown = await session.call_tool("rename_document", {})
        text = unknown.content[0]
        assert isinstance(text, types.TextContent) and "Unknown tool" in text.text
