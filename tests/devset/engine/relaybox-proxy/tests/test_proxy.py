from __future__ import annotations

import base64
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import anyio
import mcp.types as types
from harness import error_text, proxied, upstream_session
from mcp.shared.exceptions import McpError
from mcp.shared.memory import create_connected_server_and_client_session
from pydantic import AnyUrl
from servers import LOGO_BYTES, build_bare_server, build_inventory_server

from relaybox.proxy import create_proxy_server
from relaybox.relay import NotificationRelay


async def test_list_tools_is_prefixed_and_schema_preserved() -> None:
    async with proxied(build_inventory_server(), prefix="inv") as p:
        listed = await p.client.list_tools()
        by_name = {tool.name: tool for tool in listed.tools}
        assert set(by_name) == {"inv__add", "inv__lookup_sku", "inv__recount", "inv__draft_reorder"}

        add = by_name["inv__add"]
        assert add.inputSchema["required"] == ["a", "b"]
        output_schema = add.outputSchema or {}
        assert "result" in output_schema["properties"]
        assert add.execution is not None and add.execution.taskSupport == types.TASK_FORBIDDEN
        assert add.meta is not None and add.meta["relaybox/upstream"] == "up"

        lookup = by_name["inv__lookup_sku"]
        assert lookup.annotations is not None and lookup.annotations.readOnlyHint is True
        assert lookup.description and lookup.description.startswith("[up]")


async def test_call_tool_forwards_structured_result() -> None:
    async with proxied(build_inventory_server(), prefix="inv") as p:
        result = await p.client.call_tool("inv__add", {"a": 2, "b": 40})
        assert result.structuredContent == {"result": 42}
        assert isinstance(result.content[0], types.TextContent) and result.content[0].text == "42"

        found = await p.client.call_tool("inv__lookup_sku", {"sku": "SKU-2"})
        assert found.structuredContent == {"sku": "SKU-2", "onHand": 0, "inStock": False}

        summary = p.stats.summary()
        assert summary["up"]["calls"] == 2 and summary["up"]["errors"] == 0


async def test_upstream_tool_errors_and_unknown_tools_become_error_results() -> None:
    async with proxied(build_inventory_server(), prefix="inv") as p:
        await p.client.list_tools()
        failed = await p.client.call_tool("inv__lookup_sku", {"sku": "NOPE"})
        assert "unknown sku NOPE" in error_text(failed)

        missing = await p.client.call_tool("inv__does_not_exist", {})
        assert "Unknown tool" in error_text(missing)

        invalid = await p.client.call_tool("inv__add", {"a": "two"})
        assert error_text(invalid).startswith("Input validation error")
        assert p.stats.summary()["up"]["errors"] == 1


async def test_progress_is_forwarded_to_the_downstream_caller() -> None:
    seen: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        seen.append((progress, total, message))

    async with proxied(build_inventory_server()) as p:
        result = await p.client.call_tool("recount", {"n": 3}, progress_callback=on_progress)
        assert isinstance(result.content[0], types.TextContent)
        assert result.content[0].text == "recounted 3 shelves"
        with anyio.fail_after(5):
            while len(seen) < 3:
                await anyio.sleep(0.01)
        assert seen == [(1, 3, "shelf 1"), (2, 3, "shelf 2"), (3, 3, "shelf 3")]
        recent = p.stats.recent()["calls"][0]
        assert recent["toolName"] == "recount" and recent["progressToken"] is not None


async def test_read_text_blob_and_templated_resources() -> None:
    async with proxied(build_inventory_server()) as p:
        listing = await p.client.list_resources()
        uris = sorted(str(r.uri) for r in listing.resources)
        assert uris == ["asset://inventory/logo.png", "note://inventory/readme"]

        templates = await p.client.list_resource_templates()
        assert [t.uriTemplate for t in templates.resourceTemplates] == ["stock://{sku}"]

        readme = await p.client.read_resource(AnyUrl("note://inventory/readme"))
        text = readme.contents[0]
        assert isinstance(text, types.TextResourceContents)
        assert text.mimeType == "text/markdown"
        assert text.text.startswith("# Inventory")
        assert text.uri.scheme == "note"

        logo = await p.client.read_resource(AnyUrl("asset://inventory/logo.png"))
        blob = logo.contents[0]
        assert isinstance(blob, types.BlobResourceContents)
        assert blob.mimeType == "image/png"
        assert base64.b64decode(blob.blob) == LOGO_BYTES

        stock = await p.client.read_resource(AnyUrl("stock://SKU-3"))
        assert isinstance(stock.contents[0], types.TextResourceContents)
        assert stock.contents[0].text == "SKU-3=7"


async def test_prompts_and_completions_pass_through() -> None:
    async with proxied(build_inventory_server()) as p:
        prompts = await p.client.list_prompts()
        assert [pr.name for pr in prompts.prompts] == ["restock_note"]
        args = {a.name: a.required for a in prompts.prompts[0].arguments or []}
        assert args == {"sku": True, "qty": False}

        rendered = await p.client.get_prompt("restock_note", {"sku": "SKU-1", "qty": "4"})
        message = rendered.messages[0]
        assert message.role == "user"
        assert isinstance(message.content, types.TextContent)
        assert message.content.text == "Please restock 4 units of SKU-1."

        completed = await p.client.complete(
            types.PromptReference(type="ref/prompt", name="restock_note"), {"name": "sku", "value": "s"}
        )
        assert completed.completion.values == ["SKU-1", "SKU-2"]
        assert completed.completion.total == 4 and completed.completion.hasMore is True

        nothing = await p.client.complete(
            types.ResourceTemplateReference(type="ref/resource", uri="stock://{sku}"), {"name": "qty", "value": "1"}
        )
        assert nothing.completion.values == []


async def test_handlers_follow_upstream_capabilities() -> None:
    relay = NotificationRelay("bare")
    async with upstream_session(build_bare_server(), relay) as (session, init):
        assert init.serverInfo.name == "bare"
        upstream_caps = session.get_server_capabilities()
        assert upstream_caps is not None and upstream_caps.prompts is None

        proxy = create_proxy_server(session)
        registered = set(proxy.request_handlers)
        assert types.ListToolsRequest in registered
        assert types.ListPromptsRequest not in registered and types.ReadResourceRequest not in registered

        async with create_connected_server_and_client_session(proxy) as client:
            caps = client.get_server_capabilities()
            assert caps is not None
            assert caps.tools is not None and caps.prompts is None and caps.resources is None
            try:
                await client.list_prompts()
            except McpError as exc:
                assert exc.error.code == types.METHOD_NOT_FOUND
            else:
                raise AssertionError("list_prompts should not be routed")

            echoed = await client.call_tool("echo", {"text": "hi"})
            assert echoed.structuredContent == {"echo": "hi"}
