"""Play the game through real client sessions on in-memory streams."""

from __future__ import annotations

from typing import Any
from unittest import mock

import anyio
from pydantic import AnyUrl

from mcp.shared.exceptions import McpError
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.shared.session import RequestResponder
from mcp.types import (
    ClientResult,
    CompletionArgument,
    PromptReference,
    ResourceTemplateReference,
    ResourceUpdatedNotification,
    ServerNotification,
    ServerRequest,
    TextContent,
    TextResourceContents,
)
from dungeon_mcp.server import ROOM_URI, GameHub, build_server, initialization_options
from dungeon_mcp.world import default_world


def text_of(result: Any) -> str:
    return "\n".join(b.text for b in result.content if isinstance(b, TextContent))


def test_join_move_and_status() -> None:
    async def main() -> None:
        async with create_connected_server_and_client_session(build_server()) as session:
            joined = await session.call_tool("join", {"player": "ada"})
            assert "Welcome, ada." in text_of(joined) and "Great Hall" in text_of(joined)

            moved = await session.call_tool("move", {"player": "ada", "direction": "north"})
            assert not moved.isError
            assert text_of(moved).startswith("# Library")

            status = await session.call_tool("status", {"player": "ada"})
            assert status.structuredContent == {"player": "ada", "room": "library", "inventory": [], "moves": 1}

            blocked = await session.call_tool("move", {"player": "ada", "direction": "west"})
            assert blocked.isError
            assert "cannot go west from the library" in text_of(blocked)

            ghost = await session.call_tool("look", {"player": "nobody"})
            assert ghost.isError and "has not joined" in text_of(ghost)

            invalid = await session.call_tool("move", {"player": "ada", "direction": "sideways"})
            assert invalid.isError, "rejected by the inputSchema enum"

    anyio.run(main)


def test_dark_crypt_needs_the_lantern() -> None:
    async def main() -> None:
        async with create_connected_server_and_client_session(build_server()) as session:
            await session.call_tool("join", {"player": "bo"})
            await session.call_tool("move", {"player": "bo", "direction": "down"})
            dark = await session.call_tool("move", {"player": "bo", "direction": "east"})
            assert dark.isError and "pitch black" in text_of(dark)

            await session.call_tool("move", {"player": "bo", "direction": "up"})
            took = await session.call_tool("take", {"player": "bo", "item": "lantern"})
            assert text_of(took) == "You pick up the lantern."
            await session.call_tool("move", {"player": "bo", "direction": "down"})
            lit = await session.call_tool("move", {"player": "bo", "direction": "east"})
            assert not lit.isError and "# Crypt" in text_of(lit)

    anyio.run(main)


def test_resources_templates_and_capabilities() -> None:
    async def main() -> None:
        async with create_connected_server_and_client_session(build_server()) as session:
            caps = session.get_server_capabilities()
            assert caps is not None and caps.resources is not None
            assert caps.resources.subscribe is False
            stdio_caps = initialization_options(build_server()).capabilities
            assert stdio_caps.resources is not None and stdio_caps.resources.listChanged is True
            assert caps.completions is not None and caps.prompts is not None

            resources = (await session.list_resources()).resources
            assert resources[0].uri == AnyUrl("dungeon://map")
            assert resources[0].mimeType == "text/plain"
            templates = (await session.list_resource_templates()).resourceTemplates
            assert templates[0].uriTemplate == ROOM_URI

            hall = await session.read_resource(AnyUrl("dungeon://room/hall"))
            part = hall.contents[0]
            assert isinstance(part, TextResourceContents)
            assert part.mimeType == "text/markdown" and part.text.startswith("# Great Hall")

            await session.call_tool("join", {"player": "cy"})
            world_map = await session.read_resource(AnyUrl("dungeon://map"))
            assert "[hall    ]" in world_map.contents[0].model_dump()["text"]
            assert "<- cy" in world_map.contents[0].model_dump()["text"]

            try:
                await session.read_resource(AnyUrl("dungeon://room/attic"))
            except McpError as exc:
                assert "no room called 'attic'" in exc.error.message
            else:
                raise AssertionError("reading a missing room should fail")

            tools = {t.name: t for t in (await session.list_tools()).tools}
            assert tools["move"].inputSchema["properties"]["direction"]["enum"][0] == "north"
            assert tools["status"].outputSchema is not None
            assert tools["look"].annotations is not None and tools["look"].annotations.readOnlyHint

    anyio.run(main)


def test_subscriber_sees_other_player_arrive() -> None:
    async def main() -> None:
        server = build_server()
        updated: list[str] = []
        arrived = anyio.Event()

        async def watch(
            message: RequestResponder[ServerRequest, ClientResult] | ServerNotification | Exception,
        ) -> None:
            if isinstance(message, ServerNotification) and isinstance(message.root, ResourceUpdatedNotification):
                updated.append(str(message.root.params.uri))
                if message.root.params.uri == AnyUrl("dungeon://room/library"):
                    arrived.set()

        async with create_connected_server_and_client_session(server, message_handler=watch) as watcher:
            await watcher.subscribe_resource(AnyUrl("dungeon://room/library"))
            async with create_connected_server_and_client_session(server) as mover:
                await mover.call_tool("join", {"player": "dee"})
                await mover.call_tool("move", {"player": "dee", "direction": "north"})
                with anyio.fail_after(2):
                    await arrived.wait()
            await watcher.unsubscribe_resource(AnyUrl("dungeon://room/library"))
        assert updated == ["dungeon://room/library"]

    anyio.run(main)


def test_completions_and_hint_prompt() -> None:
    async def main() -> None:
        async with create_connected_server_and_client_session(build_server()) as session:
            rooms = await session.complete(
                ResourceTemplateReference(type="ref/resource", uri=ROOM_URI), {"name": "room_id", "value": "c"}
            )
            assert rooms.completion.values == ["cellar", "crypt"]
            assert rooms.completion.hasMore is False
            prompt_rooms = await session.complete(PromptReference(type="ref/prompt", name="hint"), {"name": "room", "value": "t"})
            assert prompt_rooms.completion.values == ["tower"]
            other = await session.complete(PromptReference(type="ref/prompt", name="hint"), {"name": "mood", "value": ""})
            assert other.completion.values == []

            hint = await session.get_prompt("hint", {"room": "crypt"})
            content = hint.messages[0].content
            assert isinstance(content, TextContent) and "lantern" in content.text
            assert hint.description == "Hint for Crypt"

    anyio.run(main)


def test_explore_reports_progress() -> None:
    async def main() -> None:
        seen: list[tuple[float, float | None, str | None]] = []

        async def on_progress(progress: float, total: float | None, message: str | None) -> None:
            seen.append((progress, total, message))

        async with create_connected_server_and_client_session(build_server()) as session:
            await session.call_tool("join", {"player": "eve"})
            result = await session.call_tool("explore", {"player": "eve"}, progress_callback=on_progress)
            assert "down: Cellar" in text_of(result) and "north: Library" in text_of(result)
        assert seen == [(1, 2, "peeked down"), (2, 2, "peeked north")]

    anyio.run(main)


def test_notify_prunes_closed_sessions() -> None:
    hub = GameHub(world=default_world())
    alive = mock.MagicMock()
    alive.send_resource_updated = mock.AsyncMock()
    gone = mock.MagicMock()
    gone.send_resource_updated = mock.AsyncMock(side_effect=anyio.ClosedResourceError)
    hub.watchers["dungeon://room/hall"] = {alive, gone}

    anyio.run(hub.notify, "hall")

    assert hub.watchers["dungeon://room/hall"] == {alive}
    alive.send_resource_updated.assert_awaited_once_with(AnyUrl("dungeon://room/hall"))
    assert CompletionArgument(name="x", value="y").value == "y"
