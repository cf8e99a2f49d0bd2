from __future__ import annotations

import os
import sys
from typing import Any

sys.path.insert(0, os.path.dirname(__file__))

import anyio
import mcp.types as types
from harness import Inbox, proxied
from mcp import ClientSession
from mcp.shared.context import RequestContext
from pydantic import AnyUrl
from servers import FeedsState, build_feeds_server, build_inventory_server


async def test_subscription_updates_reach_the_downstream_client() -> None:
    state = FeedsState()
    inbox = Inbox()
    async with proxied(build_feeds_server(state), prefix="feeds", message_handler=inbox) as p:
        caps = p.client.get_server_capabilities()
        assert caps is not None and caps.resources is not None
        assert caps.resources.subscribe is True
        assert p.init.capabilities.resources is not None and p.init.capabilities.resources.subscribe

        await p.client.subscribe_resource(AnyUrl("feed://alerts"))
        assert state.subscribed == {"feed://alerts"}

        await p.client.call_tool("feeds__publish", {"uri": "feed://alerts"})
        updated = await inbox.wait_for(types.ResourceUpdatedNotification)
        assert isinstance(updated, types.ResourceUpdatedNotification)
        assert str(updated.params.uri) == "feed://alerts"
        assert "notifications/resources/updated" in p.relay.forwarded

        await p.client.unsubscribe_resource(AnyUrl("feed://alerts"))
        assert state.subscribed == set()


async def test_log_messages_and_level_changes_are_relayed() -> None:
    state = FeedsState()
    logs: list[types.LoggingMessageNotificationParams] = []
    got_log = anyio.Event()

    async def on_log(params: types.LoggingMessageNotificationParams) -> None:
        logs.append(params)
        got_log.set()

    async with proxied(build_feeds_server(state), logging_callback=on_log) as p:
        await p.client.set_logging_level("debug")
        assert state.level == "debug"

        await p.client.call_tool("shout", {"level": "info", "text": "restock started"})
        with anyio.fail_after(5):
            await got_log.wait()
        assert logs[0].level == "info"
        assert logs[0].data == "restock started"
        assert logs[0].logger == "up/feeds.core"


async def test_client_progress_notifications_reach_the_upstream() -> None:
    state = FeedsState()
    async with proxied(build_feeds_server(state)) as p:
        await p.client.send_progress_notification("upload-7", 0.5, total=1.0, message="halfway")
        with anyio.fail_after(5):
            while not state.progress:
                await anyio.sleep(0.01)
        assert state.progress == [("upload-7", 0.5, 1.0, "halfway")]


async def test_sampling_requests_are_answered_by_the_downstream_client() -> None:
    asked: list[types.CreateMessageRequestParams] = []

    async def sample(
        context: RequestContext[ClientSession, Any], params: types.CreateMessageRequestParams
    ) -> types.CreateMessageResult:
        asked.append(params)
        return types.CreateMessageResult(
            role="assistant",
            content=types.TextContent(type="text", text="PO: 50 x SKU-2"),
            model="fake-llm-1",
            stopReason="endTurn",
        )

    async with proxied(build_inventory_server(), sampling_callback=sample) as p:
        result = await p.client.call_tool("draft_reorder", {"sku": "SKU-2"})
        assert isinstance(result.content[0], types.TextContent)
        assert result.content[0].text == "fake-llm-1/endTurn: PO: 50 x SKU-2"
        assert asked[0].maxTokens == 64


async def test_relay_drops_notifications_until_a_client_is_attached() -> None:
    from relaybox.relay import NotificationRelay

    relay = NotificationRelay("idle")
    await relay(types.ServerNotification(types.ToolListChangedNotification()))
    await relay(RuntimeError("stream reset"))
    assert relay.dropped == 1
    assert relay.forwarded == []
    assert isinstance(relay.errors[0], RuntimeError)
