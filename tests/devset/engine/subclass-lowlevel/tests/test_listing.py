"""Initialization, capabilities and paginated listings."""

from __future__ import annotations

import anyio
import mcp.types as types
from mcp.server.lowlevel import NotificationOptions
from mcp.shared.exceptions import McpError

from docstore import __version__
from docstore.client import DocStoreClient
from tests.harness import connected, make_server


async def test_initialize_reports_identity_and_capabilities() -> None:
    server = make_server()
    async with connected(server) as session:
        client = DocStoreClient(session)
        assert client.supports_subscriptions()
        caps = session.get_server_capabilities()
        assert caps is not None
        assert caps.resources is not None and caps.resources.listChanged is True
        assert caps.tools is not None and caps.tools.listChanged is False
        assert caps.prompts is not None
        assert caps.completions is not None
        assert caps.logging is not None
        assert caps.experimental == {"docstore": {"cursorVersion": 1, "pageSize": 25}}

    options = server.create_initialization_options(NotificationOptions(tools_changed=True))
    assert options.server_name == "docstore"
    assert options.server_version == __version__
    assert options.capabilities.tools is not None and options.capabilities.tools.listChanged
    assert options.instructions is not None and "doc://" in options.instructions
    assert options.icons is not None and options.icons[0].src.endswith("docstore.png")


async def test_list_tools_exposes_schemas_and_annotations() -> None:
    async with connected(make_server()) as session:
        listing = await session.list_tools()
        tools = {tool.name: tool for tool in listing.tools}
        assert set(tools) == {"search_documents", "put_document", "delete_document", "bulk_import", "store_stats"}
        search = tools["search_documents"]
        assert search.inputSchema["required"] == ["query"]
        output_schema = search.outputSchema or {}
        assert "results" in output_schema["properties"]
        assert search.annotations is not None and search.annotations.readOnlyHint is True
        delete = tools["delete_document"]
        assert delete.annotations is not None and delete.annotations.destructiveHint is True
        bulk = tools["bulk_import"]
        assert bulk.execution is not None and bulk.execution.taskSupport == types.TASK_FORBIDDEN
        assert bulk.icons is not None and bulk.icons[0].src.endswith("import.svg")
        assert tools["store_stats"].meta == {"docstore/category": "diagnostics"}


async def test_resource_listing_is_paginated_with_cursors() -> None:
    server = make_server(page_size=3, extra_docs=5)
    async with connected(server) as session:
        first = await session.list_resources()
        assert first.resources[0].uri.scheme == "stats"
        cursor: types.Cursor | None = first.nextCursor
        assert cursor is not None
        seen = [str(r.uri) for r in first.resources[1:]]
        pages = 1
        while cursor is not None:
            page = await session.list_resources(cursor=cursor)
            seen.extend(str(r.uri) for r in page.resources)
            cursor = page.nextCursor
            pages += 1
        assert pages == 3
        assert len(seen) == len(server.store) == 9
        assert seen == sorted(seen)
        logo = next(r for r in first.resources if r.name == "logo")
        assert logo.mimeType == "image/png"
        assert logo.meta is not None and logo.meta["revision"] == 1

        try:
            await session.list_resources(params=types.PaginatedRequestParams(cursor="not-a-cursor"))
        except McpError as exc:
            assert exc.error.code == types.INVALID_PARAMS
            assert "malformed cursor" in exc.error.message
        else:
            raise AssertionError("expected an invalid cursor to be rejected")


async def test_prompts_paginate_and_templates_complete() -> None:
    async with connected(make_server()) as session:
        first = await session.list_prompts()
        assert [p.name for p in first.prompts] == ["summarize_document", "compare_documents"]
        next_cursor = first.nextCursor
        assert next_cursor == "2"
        second = await session.list_prompts(cursor=next_cursor)
        assert [p.name for p in second.prompts] == ["weekly_digest"]
        assert second.nextCursor is None

        templates = await session.list_resource_templates()
        assert templates.resourceTemplates[0].uriTemplate == "doc://{collection}/{slug}"

        ref = types.ResourceTemplateReference(type="ref/resource", uri="doc://{collection}/{slug}")
        completion = await session.complete(ref, {"name": "collection", "value": "g"})
        assert completion.completion.values == ["guides"]
        assert completion.completion.hasMore is False
        slugs = await session.complete(
            ref, {"name": "slug", "value": ""}, context_arguments={"collection": "guides"}
        )
        assert slugs.completion.values == ["getting-started", "subscriptions"]
        assert slugs.completion.total == 2

        prompt = await session.get_prompt("summarize_document", {"collection": "notes", "slug": "meeting-2024-05"})
        embedded = prompt.messages[0].content
        assert isinstance(embedded, types.EmbeddedResource)
        resource = embedded.resource
        assert isinstance(resource, types.TextResourceContents)
        assert str(resource.uri) == "doc://notes/meeting-2024-05"
        assert resource.mimeType == "text/markdown"
        with anyio.fail_after(5):
            try:
                await session.get_prompt("summarize_document", {"collection": "notes", "slug": "nope"})
            except McpError as exc:
                assert exc.error.data == {"uri": "doc://notes/nope"}
            else:
                raise AssertionError("expected a missing document error")
