"""Resource subscriptions and notifications/resources/updated."""

from __future__ import annotations

import anyio
import mcp.types as types
from mcp.shared.exceptions import McpError
from pydantic import AnyUrl

from docstore.client import DocStoreClient, NotificationLog
from tests.harness import connected, make_server

WATCHED = "doc://guides/subscriptions"


async def test_subscriber_is_notified_on_its_own_request_stream() -> None:
    server = make_server()
    inbox = NotificationLog()
    async with connected(server, message_handler=inbox) as session:
        await session.subscribe_resource(AnyUrl(WATCHED))
        assert server.registry.session_count() == 1

        client = DocStoreClient(session)
        await client.put("guides", "subscriptions", "Subscriptions", "Now with more detail.")
        assert inbox.updated == [WATCHED]

        await client.put("guides", "brand-new", "Brand new", "A fresh page.")
        with anyio.fail_after(2):
            while inbox.list_changed < 1:
                await anyio.sleep(0.01)
        assert inbox.updated == [WATCHED]

        await client.unwatch(WATCHED)
        await client.put("guides", "subscriptions", "Subscriptions", "Third revision.")
        assert inbox.updated == [WATCHED]
        assert server.registry.session_count() == 0
    assert server.audit["resources/subscribe"] == 1
    assert server.audit["resources/unsubscribe"] == 1


async def test_updates_are_broadcast_to_other_sessions() -> None:
    server = make_server()
    watcher_inbox = NotificationLog()
    async with connected(server, message_handler=watcher_inbox, client_name="watcher") as watcher:
        await DocStoreClient(watcher).watch(WATCHED)
        async with connected(server, client_name="editor") as editor:
            result = await editor.call_tool(
                "put_document",
                {"collection": "guides", "slug": "subscriptions", "title": "Subs", "body": "edited elsewhere"},
            )
            assert not result.isError
            link = result.content[1]
            assert isinstance(link, types.ResourceLink)
            assert link.uri == AnyUrl(WATCHED)
            assert await watcher_inbox.wait_for_update() == WATCHED
            assert server.registry.delivered == 1

            stats = await DocStoreClient(watcher).stats(tag="watcher-1")
            assert stats["client"] == "watcher"
            assert stats["clientTag"] == "watcher-1"
            assert stats["subscriptions"] == [WATCHED]
            assert stats["sessionHeader"] is None


async def test_subscribing_to_missing_document_fails() -> None:
    async with connected(make_server()) as session:
        try:
            await session.subscribe_resource(AnyUrl("doc://guides/ghost"))
        except McpError as exc:
            assert exc.error.code == types.INVALID_PARAMS
            assert "ghost" in exc.error.message
        else:
            raise AssertionError("expected subscription to be rejected")
