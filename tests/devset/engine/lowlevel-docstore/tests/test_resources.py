from __future__ import annotations

import json

from pydantic import AnyUrl

import mcp.types as types
from mcp.shared.exceptions import McpError
from mcp.shared.memory import create_connected_server_and_client_session

from docstore.seed import PIXEL_PNG
from tests.support import connect, make_server


async def test_resource_listing_is_paginated() -> None:
    async with connect(make_server()) as client:
        first = await client.session.list_resources()
        assert len(first.resources) == 4 and first.nextCursor is not None

        resources = [r async for r in client.iter_resources()]
        assert len(resources) == 11  # 3 collection indexes + 8 documents
        indexes = [r for r in resources if r.uri.scheme == "collections"]
        assert [r.uri.host for r in indexes] == ["assets", "handbook", "notes"]
        assert all(r.mimeType == "application/json" for r in indexes)

        onboarding = next(r for r in resources if str(r.uri) == "docs://handbook/onboarding.md")
        assert onboarding.mimeType == "text/markdown" and onboarding.title == "Onboarding guide"
        assert onboarding.annotations is not None and onboarding.annotations.priority == 0.8
        assert onboarding.meta == {"revision": 1}


async def test_bad_cursor_is_rejected() -> None:
    async with create_connected_server_and_client_session(make_server()) as session:
        try:
            await session.list_resources(cursor="not-a-cursor")
        except McpError as exc:
            assert exc.error.code == types.INVALID_PARAMS and "cursor" in exc.error.message
        else:
            raise AssertionError("expected McpError")


async def test_read_text_binary_and_index_resources() -> None:
    async with connect(make_server()) as client:
        text, mime_type, revision = await client.read("docs://handbook/security.md")
        assert isinstance(text, str) and text.startswith("# Security policy")
        assert (mime_type, revision) == ("text/markdown", 1)

        raw = await client.session.read_resource(AnyUrl("docs://assets/pixel.png"))
        blob = raw.contents[0]
        assert isinstance(blob, types.BlobResourceContents) and blob.mimeType == "image/png"
        assert blob.uri.host == "assets" and blob.uri.path == "/pixel.png"
        assert (await client.read(blob.uri))[0] == PIXEL_PNG

        index, mime_type, _ = await client.read("collections://notes")
        assert mime_type == "application/json"
        entries = json.loads(index)
        assert [e["name"] for e in entries] == [f"weekly-{n:02d}.txt" for n in range(1, 5)]
        assert entries[0]["mimeType"] == "text/plain"

        for uri, code in (("docs://handbook/missing.md", -32002), ("ftp://example.com/file.txt", types.INVALID_PARAMS)):
            try:
                await client.read(uri)
            except McpError as exc:
                assert exc.error.code == code
                assert exc.error.data == {"uri": uri}
            else:
                raise AssertionError(f"reading {uri} should fail")


async def test_resource_templates_and_completion() -> None:
    async with connect(make_server()) as client:
        listing = await client.session.list_resource_templates()
        templates = {t.name: t for t in listing.resourceTemplates}
        assert templates["document"].uriTemplate == "docs://{collection}/{doc_id}"
        assert templates["collection-index"].mimeType == "application/json"

        ref = types.ResourceTemplateReference(type="ref/resource", uri="docs://{collection}/{doc_id}")
        collections = await client.session.complete(ref, {"name": "collection", "value": "ha"})
        assert collections.completion.values == ["handbook"]
        ids = await client.session.complete(ref, {"name": "doc_id", "value": ""}, context_arguments={"collection": "notes"})
        assert ids.completion.values == [f"weekly-{n:02d}.txt" for n in range(1, 5)]
        assert ids.completion.total == 4
