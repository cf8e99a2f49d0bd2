from __future__ import annotations

import anyio

import mcp.types as types
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS

from docstore import __version__
from tests.support import connect, make_server

WATCHED = "docs://handbook/security.md"


async def test_initialization_advertises_capabilities() -> None:
    server = make_server()
    assert types.SubscribeRequest in server.request_handlers
    caps = server.describe_capabilities()
    assert caps["resources"] == {"subscribe": True, "listChanged": True}
    assert caps["experimental"] == {"docstore": {"pageSize": 4}} and caps["logging"]

    async with connect(server) as client:
        info = client.describe_server()
        assert (info["name"], info["version"]) == ("docstore", __version__)
        assert info["protocolSupported"] and info["protocolVersion"] == types.LATEST_PROTOCOL_VERSION
        assert info["protocolVersion"] in SUPPORTED_PROTOCOL_VERSIONS
        assert info["subscribe"] is True and info["resourcesListChanged"] is True
        assert client.init.instructions is not None and "docs://" in client.init.instructions
        assert client.init.capabilities.tools is not None and client.init.capabilities.tools.listChanged is False


async def test_subscriber_hears_about_edits_from_other_sessions() -> None:
    server = make_server()
    async with connect(server) as watcher, connect(server) as editor:
        received = anyio.Event()

        async def on_update(uri: str) -> None:
            received.set()

        watcher.notifications.on_update = on_update
        await watcher.watch(WATCHED)
        result = await editor.put_text("handbook", "security.md", "# Security policy\n\nUse a password manager.")
        assert result["notified"] == 1
        with anyio.fail_after(5):
            await received.wait()
        assert watcher.notifications.updated == [WATCHED] and editor.notifications.updated == []
        text, _, revision = await watcher.read(WATCHED)
        assert revision == 2 and "password manager" in str(text)


async def test_unsubscribe_and_list_changed() -> None:
    async with connect(make_server()) as client:
        await client.watch(WATCHED)
        await client.put_text("handbook", "security.md", "second draft")
        await client.watch(WATCHED, stop=True)
        await client.put_text("handbook", "security.md", "third draft")
        assert client.notifications.updated == [WATCHED]

        await client.put_text("handbook", "expenses.md", "# Expenses")
        await client.call("delete_document", {"collection": "handbook", "doc_id": "expenses.md"})
        assert client.notifications.list_changed == 2


async def test_client_progress_notifications_reach_the_server() -> None:
    server = make_server()
    async with connect(server) as client:
        await client.session.send_progress_notification("upload-7", 0.5, total=1.0, message="halfway")
        with anyio.fail_after(5):
            while "upload-7" not in server.state.client_progress:
                await anyio.sleep(0.01)
        assert server.state.client_progress["upload-7"] == (0.5, 1.0, "halfway")


async def test_prune_sessions_forgets_closed_connections() -> None:
    server = make_server()
    async with connect(server) as survivor:
        async with connect(server) as leaver:
            await leaver.watch(WATCHED)
        await survivor.session.list_resources()
        assert server.state.hub.session_count == 2

        assert await survivor.call("prune_sessions", {}) == {"text": ["1 session(s) alive"]}
        assert server.state.hub.session_count == 1 and server.state.hub.subscribers(WATCHED) == set()
        assert survivor.notifications.server_requests == []  # pings are answered by the session itself
