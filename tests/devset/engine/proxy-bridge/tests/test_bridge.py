from __future__ import annotations

import base64
from typing import Any

import anyio
from pydantic import AnyUrl

from mcp import ClientSession, types
from mcp.shared.context import RequestContext
from mcp.shared.exceptions import McpError
from mcp.shared.session import RequestResponder
from mcpbridge.settings import BridgeSettings
from tests.harness import bridged_client
from tests.upstreams import PNG_BYTES

Incoming = RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception


def text_of(result: types.CallToolResult, *, error: bool = False) -> str:
    assert result.isError is error
    block = result.content[0]
    assert isinstance(block, types.TextContent)
    return block.text


async def all_tool_names(client: ClientSession) -> list[str]:
    names: list[str] = []
    cursor: str | None = None
    while True:
        page = await client.list_tools(cursor=cursor)
        names.extend(t.name for t in page.tools)
        if (cursor := page.nextCursor) is None:
            return names


async def test_tools_are_namespaced_and_paginated() -> None:
    async with bridged_client(BridgeSettings(page_size=3)) as (bridge, client):
        caps = client.get_server_capabilities()
        assert caps is not None and caps.tools is not None and caps.tools.listChanged
        assert caps.resources is not None and caps.resources.subscribe
        assert caps.experimental == {"proxyBridge": {"version": "0.6.2"}}
        first = await client.list_tools()
        assert [t.name for t in first.tools] == ["bridge.status", "wx.forecast", "wx.slow_count"]
        assert first.nextCursor == "o:3"
        assert "nt.grow" in await all_tool_names(client)
        forecast = bridge.catalog.tool("wx.forecast")
        assert forecast is not None and forecast.inputSchema["required"] == ["city"]
        assert "tempC" in (forecast.outputSchema or {})["properties"]
        assert forecast.annotations == types.ToolAnnotations(readOnlyHint=True)
        assert forecast.meta == {"bridge/upstream": "wx"}


async def test_calls_are_forwarded_with_structured_content() -> None:
    async with bridged_client() as (bridge, client):
        result = await client.call_tool("wx.forecast", {"city": "Bergen"})
        assert '"conditions": "rain"' in text_of(result)
        assert result.structuredContent == {"city": "Bergen", "tempC": 9.0, "conditions": "rain"}
        assert bridge.audit.entries[-1] == {"upstream": "wx", "tool": "forecast", "isError": False, "hasStructured": True}
        linked = await client.call_tool("wx.touch_station", {"station": "tromso"})
        link = linked.content[0]
        assert isinstance(link, types.ResourceLink)
        assert str(link.uri) == "wx+weather://stations/tromso"


async def test_failures_become_error_results() -> None:
    async with bridged_client() as (bridge, client):
        unknown = await client.call_tool("zz.nope", {})
        assert "Unknown tool: zz.nope" in text_of(unknown, error=True)
        exploded = await client.call_tool("nt.explode", {})
        assert "on fire" in text_of(exploded, error=True)
        invalid = await client.call_tool("wx.forecast", {"town": "Oslo"})
        assert text_of(invalid, error=True).startswith("Input validation error")
        assert [e["tool"] for e in bridge.audit.failures()] == ["explode"]


async def test_resources_are_rewritten_and_readable() -> None:
    async with bridged_client() as (_bridge, client):
        listing = await client.list_resources()
        mime = {str(r.uri): r.mimeType for r in listing.resources}
        assert mime == {
            "wx+weather://stations/oslo": "text/plain",
            "wx+weather://radar/latest.png": "image/png",
        }
        text = (await client.read_resource(AnyUrl("wx+weather://stations/oslo"))).contents[0]
        assert isinstance(text, types.TextResourceContents)
        assert text.text == "oslo: 4.5C sleet" and text.uri.scheme == "wx+weather"
        blob = (await client.read_resource(AnyUrl("wx+weather://radar/latest.png"))).contents[0]
        assert isinstance(blob, types.BlobResourceContents) and blob.mimeType == "image/png"
        assert base64.b64decode(blob.blob) == PNG_BYTES
        try:
            await client.read_resource(AnyUrl("weather://stations/oslo"))
        except McpError as exc:
            assert exc.error.code == types.INVALID_PARAMS
            assert exc.error.data == {"uri": "weather://stations/oslo"}
        else:
            raise AssertionError("un-prefixed URI should be rejected")


async def test_prompts_and_completions_are_forwarded() -> None:
    async with bridged_client() as (_bridge, client):
        prompts = await client.list_prompts()
        assert [p.name for p in prompts.prompts] == ["wx.briefing"]
        prompt = await client.get_prompt("wx.briefing", {"city": "Tromso"})
        assert prompt.description == "[wx] Morning weather briefing"
        content = prompt.messages[0].content
        assert isinstance(content, types.TextContent) and "Tromso" in content.text
        ref = types.PromptReference(type="ref/prompt", name="wx.briefing")
        assert (await client.complete(ref, {"name": "city", "value": "b"})).completion.values == ["Bergen"]
        template = types.ResourceTemplateReference(type="ref/resource", uri="wx+weather://stations/{station}")
        by_template = await client.complete(template, {"name": "station", "value": "t"})
        assert by_template.completion.values == ["tromso"] and by_template.completion.hasMore is False


async def test_progress_and_logs_are_relayed() -> None:
    logs: list[types.LoggingMessageNotificationParams] = []
    updates: list[tuple[float, float | None, str | None]] = []

    async def on_log(params: types.LoggingMessageNotificationParams) -> None:
        logs.append(params)

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        updates.append((progress, total, message))

    async with bridged_client(logging_callback=on_log) as (bridge, client):
        await client.set_logging_level("info")
        assert list(bridge.log_levels.values()) == ["info"]
        await client.call_tool("wx.slow_count", {}, progress_callback=on_progress)
        assert updates == [(1, 3, "step 1"), (2, 3, "step 2"), (3, 3, "step 3")]
        relayed = [(p.level, p.data) for p in logs if p.logger == "wx.weather"]
        assert relayed == [("warning", "counting to 3")]


async def test_resource_updates_reach_subscribers_only() -> None:
    updated: list[str] = []
    got_update = anyio.Event()

    async def on_message(message: Incoming) -> None:
        match message:
            case types.ServerNotification(root=types.ResourceUpdatedNotification(params=params)):
                updated.append(str(params.uri))
                got_update.set()
            case _:
                pass

    async with bridged_client(message_handler=on_message) as (bridge, client):
        oslo = AnyUrl("wx+weather://stations/oslo")
        await client.subscribe_resource(oslo)
        await client.call_tool("wx.touch_station", {"station": "bergen"})
        await client.call_tool("wx.touch_station", {"station": "oslo"})
        with anyio.fail_after(5):
            await got_update.wait()
        assert updated == ["wx+weather://stations/oslo"]
        try:
            await client.subscribe_resource(AnyUrl("nt+notes://all"))
        except McpError as exc:
            assert exc.error.code == types.INVALID_PARAMS and exc.error.data == {"uri": "nt+notes://all"}
        else:
            raise AssertionError("notes upstream cannot be subscribed")
        assert len(bridge.subscribers[str(oslo)]) == 1


async def test_sampling_is_relayed_and_status_reports_upstreams() -> None:
    seen: list[types.CreateMessageRequestParams] = []

    async def sample(
        context: RequestContext[ClientSession, Any], params: types.CreateMessageRequestParams
    ) -> types.CreateMessageResult:
        seen.append(params)
        text = types.TextContent(type="text", text="one note about milk")
        return types.CreateMessageResult(role="assistant", content=text, model="fake-llm-1", stopReason="endTurn")

    async with bridged_client(sampling_callback=sample) as (_bridge, client):
        result = await client.call_tool("nt.summarize", {})
        assert text_of(result) == "fake-llm-1: one note about milk (endTurn)"
        assert seen[0].maxTokens == 64 and seen[0].systemPrompt == "You are terse."

        status = (await client.call_tool("bridge.status", {}, meta={"tenant": "acme"})).structuredContent
        assert status is not None
        assert [(u["prefix"], u["subscribe"]) for u in status["upstreams"]] == [("wx", True), ("nt", False)]
        assert status["upstreams"][0]["protocolVersion"] == types.LATEST_PROTOCOL_VERSION
        assert status["client"] == "bridge-tests/1.0" and status["tags"] == {"tenant": "acme"}


async def test_upstream_list_changes_propagate() -> None:
    changed = anyio.Event()

    async def on_message(message: Incoming) -> None:
        match message:
            case types.ServerNotification(root=types.ToolListChangedNotification()):
                changed.set()
            case _:
                pass

    async with bridged_client(message_handler=on_message) as (bridge, client):
        await client.call_tool("nt.grow", {})
        with anyio.fail_after(5):
            await changed.wait()
        assert "nt.extra_4" in await all_tool_names(client)
        assert bridge.pool.get("nt").tools[-1].name == "extra_4"
