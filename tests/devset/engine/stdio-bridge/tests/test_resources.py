from __future__ import annotations

import base64
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import anyio  # noqa: E402
from pydantic import AnyUrl  # noqa: E402

import mcp.types as types  # noqa: E402
from mcp.shared.exceptions import McpError  # noqa: E402

from harness import bridged  # noqa: E402
from upstream_app import PNG_BYTES, build_inventory_upstream, build_paged_upstream  # noqa: E402


async def test_resources_are_filtered_by_scheme_and_read_through() -> None:
    upstream, _ = build_inventory_upstream()
    async with bridged(upstream) as rig:
        listing = await rig.client.list_resources()
        uris = sorted(str(r.uri) for r in listing.resources)
        assert uris == ["inventory://catalog", "inventory://logo"]
        catalog = next(r for r in listing.resources if r.uri.host == "catalog")
        assert catalog.mimeType == "application/json"

        templates = await rig.client.list_resource_templates()
        assert [t.uriTemplate for t in templates.resourceTemplates] == ["inventory://items/{sku}"]

        text = await rig.client.read_resource(AnyUrl("inventory://items/A-100"))
        first = text.contents[0]
        assert isinstance(first, types.TextResourceContents)
        assert first.text == "A-100: 4 on hand"
        assert first.uri.scheme == "inventory" and first.uri.path == "/A-100"

        blob = await rig.client.read_resource(catalog.uri)
        assert isinstance(blob.contents[0], types.TextResourceContents)
        assert json.loads(blob.contents[0].text) == ["A-100", "B-200", "C-300"]


async def test_binary_resource_survives_base64_roundtrip() -> None:
    upstream, _ = build_inventory_upstream()
    async with bridged(upstream) as rig:
        result = await rig.client.read_resource(AnyUrl("inventory://logo"))
        content = result.contents[0]
        assert isinstance(content, types.BlobResourceContents)
        assert content.mimeType == "image/png"
        assert base64.b64decode(content.blob) == PNG_BYTES


async def test_blocked_scheme_is_a_protocol_error() -> None:
    upstream, _ = build_inventory_upstream()
    async with bridged(upstream) as rig:
        try:
            await rig.client.read_resource(AnyUrl("secret://keys"))
        except McpError as exc:
            assert exc.error.code == types.INVALID_PARAMS
            assert exc.error.data == {"uri": "secret://keys"}
            assert "'secret' is not bridged" in exc.error.message
        else:
            raise AssertionError("secret:// should not be readable through the bridge")


async def test_subscriptions_and_resource_updates() -> None:
    upstream, subscribed = build_inventory_upstream()
    async with bridged(upstream) as rig:
        init_caps = rig.client.get_server_capabilities()
        assert init_caps is not None and init_caps.resources is not None
        # the SDK never advertises subscribe for FastMCP, so the bridge does not either
        assert init_caps.resources.subscribe is False
        try:
            await rig.client.subscribe_resource(AnyUrl("inventory://items/A-100"))
        except McpError as exc:
            assert exc.error.code == types.METHOD_NOT_FOUND
        else:
            raise AssertionError("subscribe should be refused")

        # pretend the upstream advertised subscriptions after all
        assert rig.bridge.info is not None
        assert rig.bridge.info.capabilities.resources is not None
        rig.bridge.info.capabilities.resources.subscribe = True
        await rig.client.subscribe_resource(AnyUrl("inventory://items/A-100"))
        assert subscribed == ["inventory://items/A-100"]
        assert rig.bridge.subscriptions == {"inventory://items/A-100"}

        await rig.client.call_tool("touch_item", {"sku": "A-100"})
        notification = await rig.inbox.wait_for("notifications/resources/updated")
        assert isinstance(notification, types.ResourceUpdatedNotification)
        assert notification.params.uri == AnyUrl("inventory://items/A-100")
        assert "notifications/resources/updated" in rig.bridge.relay.forwarded

        await rig.client.unsubscribe_resource(AnyUrl("inventory://items/A-100"))
        assert subscribed == [] and not rig.bridge.subscriptions


async def test_prompts_and_completion_are_forwarded() -> None:
    upstream, _ = build_inventory_upstream()
    async with bridged(upstream) as rig:
        prompts = await rig.client.list_prompts()
        assert [p.name for p in prompts.prompts] == ["reorder"]
        assert prompts.prompts[0].arguments is not None and prompts.prompts[0].arguments[0].required

        prompt = await rig.client.get_prompt("reorder", {"sku": "B-200"})
        message = prompt.messages[0]
        assert message.role == "user"
        assert isinstance(message.content, types.TextContent)
        assert message.content.text == "Please draft a reorder email for B-200."

        completion = await rig.client.complete(types.PromptReference(type="ref/prompt", name="reorder"), {"name": "sku", "value": "C"})
        assert completion.completion.values == ["C-300"]
        assert completion.completion.hasMore is False
        assert completion.completion.total == 1


async def test_upstream_without_prompts_or_resources() -> None:
    async with bridged(build_paged_upstream()) as rig:
        caps = rig.client.get_server_capabilities()
        assert caps is not None
        assert caps.prompts is None
        assert caps.experimental == {"bridge": {"upstream": "paged-upstream"}}
        resources = await rig.client.list_resources()
        assert resources.resources == [] and resources.nextCursor is None
        ping = await rig.client.send_ping()
        assert isinstance(ping, types.EmptyResult)
        with anyio.fail_after(1):
            pong = await rig.client.send_ping()
        assert pong.model_dump() == {"meta": None}
