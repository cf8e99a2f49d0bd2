"""Pages, state, prompts and completions."""

from __future__ import annotations

import json

import anyio
import mcp.types as types
from mcp.shared.exceptions import McpError
from pydantic import AnyUrl

from tests.demo_app import build_app
from widgetkit.adapter import McpAdapter
from widgetkit.resources import describe_contents, page_uri, state_uri
from widgetkit.testing import AdapterHarness


async def test_list_and_read_pages() -> None:
    harness = AdapterHarness(McpAdapter(build_app()))
    async with harness.connect() as session:
        await session.set_logging_level("debug")
        listing = await session.list_resources()
        assert [str(r.uri) for r in listing.resources] == [
            "widget://pages/orders",
            "widget://pages/overview",
            "widget://state/warehouse",
        ]
        overview = listing.resources[1]
        assert overview.uri.host == "pages" and overview.uri.path == "/overview"
        assert overview.mimeType == "application/vnd.widgetkit.page+json"

        read = await session.read_resource(AnyUrl("widget://pages/overview"))
        contents = read.contents[0]
        assert isinstance(contents, types.TextResourceContents) and contents.uri == page_uri("overview")
        body = json.loads(contents.text)
        assert [c["props"]["label"] for c in body["tree"]["children"]] == ["Items", "SKUs"]
        assert describe_contents(contents) == {
            "scheme": "widget",
            "collection": "pages",
            "name": "overview",
            "mimeType": "application/vnd.widgetkit.page+json",
        }
        state = await session.read_resource(state_uri("warehouse"))
        assert isinstance(state.contents[0], types.TextResourceContents) and state.contents[0].text == '"north"'
    reads = [p.data for p in harness.traffic.logs if p.level == "debug"]
    assert [(r["event"], r["collection"]) for r in reads] == [("read", "pages"), ("read", "state")]


async def test_missing_resources_raise_invalid_params() -> None:
    harness = AdapterHarness(McpAdapter(build_app(), expose_state=False))
    async with harness.connect() as session:
        listing = await session.list_resources()
        assert all(r.uri.host == "pages" for r in listing.resources)
        for uri in ("widget://pages/nope", "widget://state/warehouse", "other://pages/overview"):
            try:
                await session.read_resource(AnyUrl(uri))
            except McpError as exc:
                assert exc.error.code == types.INVALID_PARAMS and exc.error.data == {"uri": uri}
            else:
                raise AssertionError(f"{uri} should not be readable")


async def test_subscriptions_receive_updates() -> None:
    harness = AdapterHarness(McpAdapter(build_app()))
    async with harness.connect() as session:
        await session.subscribe_resource(state_uri("item_count"))
        await harness.call(session, "add_item", {"name": "washer", "qty": 5})
        await harness.call(session, "add_item", {"name": "washer"})
        await session.unsubscribe_resource(state_uri("item_count"))
        await harness.call(session, "add_item", {"name": "washer"})
        with anyio.fail_after(2):
            while len(harness.traffic.updated) < 2:
                await anyio.sleep(0.01)
    assert harness.traffic.updated == ["widget://state/item_count"] * 2
    # the first write created a brand-new key, so the resource list changed exactly once
    assert harness.traffic.list_changed == ["resources"]
    assert harness.adapter.state.subscriptions["widget://state/item_count"] == set()


async def test_templates_prompts_and_completion() -> None:
    harness = AdapterHarness(McpAdapter(build_app()))
    async with harness.connect() as session:
        templates = await session.list_resource_templates()
        assert [t.uriTemplate for t in templates.resourceTemplates] == ["widget://pages/{slug}", "widget://state/{key}"]
        prompts = await session.list_prompts()
        restock = next(p for p in prompts.prompts if p.name == "restock_plan")
        assert [(a.name, a.required) for a in restock.arguments or []] == [("item", True), ("minimum", True)]

        plan = await session.get_prompt("restock_plan", {"item": "bolt", "minimum": "40"})
        assert plan.messages[0].content == types.TextContent(
            type="text", text="Write a restock plan for bolt keeping at least 40 units in stock."
        )
        explained = await session.get_prompt("explain_page", {"page": "orders"})
        attached = explained.messages[1].content
        assert isinstance(attached, types.EmbeddedResource) and attached.resource.uri.path == "/overview"
        try:
            await session.get_prompt("restock_plan", {"item": "bolt"})
        except McpError as exc:
            assert "missing prompt arguments: minimum" in exc.error.message
        else:
            raise AssertionError("expected McpError")

        ref = types.PromptReference(type="ref/prompt", name="explain_page")
        done = await session.complete(ref, {"name": "page", "value": "o"})
        assert done.completion.values == ["orders", "overview"] and done.completion.hasMore is False
        template_ref = types.ResourceTemplateReference(type="ref/resource", uri="widget://pages/{slug}")
        slugs = await session.complete(template_ref, {"name": "slug", "value": "ov"})
        assert slugs.completion.values == ["overview"]
