"""The MCP face of the game, on the low-level Server."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import anyio
from pydantic import AnyUrl

import mcp.types as types
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.models import InitializationOptions
from mcp.server.session import ServerSession

from dungeon_mcp import __version__
from dungeon_mcp.render import ascii_map, describe
from dungeon_mcp.world import DIRECTIONS, GameError, World, default_world

log = logging.getLogger(__name__)

ROOM_URI = "dungeon://room/{room_id}"
MAP_URI = "dungeon://map"

PLAYER = {"type": "string", "description": "Your player name"}

STATUS_SCHEMA = {
    "type": "object",
    "properties": {
        "player": {"type": "string"},
        "room": {"type": "string"},
        "inventory": {"type": "array", "items": {"type": "string"}},
        "moves": {"type": "integer"},
    },
    "required": ["player", "room", "inventory", "moves"],
}

TOOLS = [
    types.Tool(
        name="join",
        description="Join the game (or rejoin) under a player name.",
        inputSchema={"type": "object", "properties": {"player": PLAYER}, "required": ["player"]},
    ),
    types.Tool(
        name="look",
        description="Describe the room you are in.",
        inputSchema={"type": "object", "properties": {"player": PLAYER}, "required": ["player"]},
        annotations=types.ToolAnnotations(readOnlyHint=True),
    ),
    types.Tool(
        name="move",
        description="Walk in a direction.",
        inputSchema={
            "type": "object",
            "properties": {"player": PLAYER, "direction": {"type": "string", "enum": list(DIRECTIONS)}},
            "required": ["player", "direction"],
        },
    ),
    types.Tool(
        name="take",
        description="Pick up an item in the current room.",
        inputSchema={
            "type": "object",
            "properties": {"player": PLAYER, "item": {"type": "string"}},
            "required": ["player", "item"],
        },
    ),
    types.Tool(
        name="status",
        description="Where you are and what you carry.",
        inputSchema={"type": "object", "properties": {"player": PLAYER}, "required": ["player"]},
        outputSchema=STATUS_SCHEMA,
        annotations=types.ToolAnnotations(readOnlyHint=True, idempotentHint=True),
    ),
    types.Tool(
        name="explore",
        description="Wander through every exit of the current room and come back, reporting progress.",
        inputSchema={"type": "object", "properties": {"player": PLAYER}, "required": ["player"]},
        annotations=types.ToolAnnotations(readOnlyHint=True),
    ),
]


@dataclass
class GameHub:
    world: World
    watchers: dict[str, set[ServerSession]] = field(default_factory=lambda: defaultdict(set))

    async def notify(self, *room_ids: str) -> None:
        """Tell subscribers of these rooms (and of the map) that something changed."""
        uris = [ROOM_URI.format(room_id=r) for r in room_ids] + [MAP_URI]
        for uri in uris:
            dead: list[ServerSession] = []
            for session in list(self.watchers.get(uri, ())):
                try:
                    await session.send_resource_updated(AnyUrl(uri))
                except (anyio.ClosedResourceError, anyio.BrokenResourceError):
                    dead.append(session)
            for session in dead:
                self.watchers[uri].discard(session)


def _room_id_from(uri: AnyUrl) -> str | None:
    if uri.scheme != "dungeon" or uri.host != "room" or not uri.path:
        return None
    return uri.path.lstrip("/") or None


def _text(text: str) -> list[types.TextContent]:
    return [types.TextContent(type="text", text=text)]


def build_server(world_factory: Callable[[], World] = default_world) -> Server[GameHub, Any]:
    hub = GameHub(world=world_factory())

    @asynccontextmanager
    async def lifespan(_: Server[GameHub, Any]) -> AsyncIterator[GameHub]:
        log.info("dungeon open with %d rooms", len(hub.world.rooms))
        yield hub

    server: Server[GameHub, Any] = Server("dungeon-mcp", __version__, lifespan=lifespan)

    @server.list_tools()
    async def list_tools() -> list[types.Tool]:
        return TOOLS

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> list[types.TextContent] | dict[str, Any]:
        ctx = server.request_context
        game: GameHub = ctx.lifespan_context
        world = game.world
        player = str(arguments.get("player", ""))
        try:
            match name:
                case "join":
                    p = world.join(player)
                    await game.notify(p.room)
                    return _text(f"Welcome, {player}.\n\n" + describe(world, world.room(p.room), player))
                case "look":
                    p = world.player(player)
                    return _text(describe(world, world.room(p.room), player))
                case "move":
                    src, dst = world.move(player, arguments["direction"])
                    await game.notify(src, dst)
                    return _text(describe(world, world.room(dst), player))
                case "take":
                    room = world.take(player, arguments["item"])
                    await game.notify(room.id)
                    return _text(f"You pick up the {arguments['item']}.")
                case "status":
                    p = world.player(player)
                    return {"player": p.name, "room": p.room, "inventory": list(p.inventory), "moves": p.moves}
                case "explore":
                    return _text(await _explore(server, world, player))
                case _:
                    raise ValueError(f"unknown tool {name}")
        except GameError as exc:
            # surfaced to the model as an error result it can react to
            raise ValueError(str(exc)) from exc

    @server.list_resources()
    async def list_resources() -> list[types.Resource]:
        return [
            types.Resource(uri=AnyUrl(MAP_URI), name="map", title="Dungeon map", mimeType="text/plain"),
        ]

    @server.list_resource_templates()
    async def list_templates() -> list[types.ResourceTemplate]:
        return [
            types.ResourceTemplate(
                uriTemplate=ROOM_URI,
                name="room",
                description="Description of one room, including who is there",
                mimeType="text/markdown",
            )
        ]

    @server.read_resource()
    async def read_resource(uri: AnyUrl) -> list[ReadResourceContents]:
        world = server.request_context.lifespan_context.world
        if str(uri) == MAP_URI:
            return [ReadResourceContents(content=ascii_map(world), mime_type="text/plain")]
        room_id = _room_id_from(uri)
        if room_id is None:
            raise ValueError(f"unknown resource {uri}")
        return [ReadResourceContents(content=describe(world, world.room(room_id)), mime_type="text/markdown")]

    @server.subscribe_resource()
    async def subscribe(uri: AnyUrl) -> None:
        ctx = server.request_context
        ctx.lifespan_context.watchers[str(uri)].add(ctx.session)

    @server.unsubscribe_resource()
    async def unsubscribe(uri: AnyUrl) -> None:
        ctx = server.request_context
        ctx.lifespan_context.watchers[str(uri)].discard(ctx.session)

    @server.list_prompts()
    async def list_prompts() -> list[types.Prompt]:
        return [
            types.Prompt(
                name="hint",
                description="Ask the game master for a hint about a room",
                arguments=[types.PromptArgument(name="room", description="Room id", required=True)],
            )
        ]

    @server.get_prompt()
    async def get_prompt(name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:
        if name != "hint":
            raise ValueError(f"unknown prompt {name}")
        room = hub.world.room((arguments or {}).get("room", hub.world.start))
        text = f"You are the game master. Give a one-sentence hint for the {room.title}: {room.description}"
        if room.dark:
            text += " (The room is dark: players need the lantern.)"
        return types.GetPromptResult(
            description=f"Hint for {room.title}",
            messages=[types.PromptMessage(role="user", content=types.TextContent(type="text", text=text))],
        )

    @server.completion()
    async def complete(
        ref: types.PromptReference | types.ResourceTemplateReference,
        argument: types.CompletionArgument,
        context: types.CompletionContext | None,
    ) -> types.Completion | None:
        match ref, argument.name:
            case (types.ResourceTemplateReference(uri=uri), "room_id") if uri == ROOM_URI:
                pass
            case (types.PromptReference(name="hint"), "room"):
                pass
            case _:
                return None
        matches = sorted(r for r in hub.world.rooms if r.startswith(argument.value))
        return types.Completion(values=matches, total=len(matches), hasMore=False)

    return server


async def _explore(server: Server[GameHub, Any], world: World, player: str) -> str:
    ctx = server.request_context
    p = world.player(player)
    origin = world.room(p.room)
    token = ctx.meta.progressToken if ctx.meta else None
    seen: list[str] = []
    exits = sorted(origin.exits.items())
    for i, (direction, target) in enumerate(exits, start=1):
        room = world.room(target)
        seen.append(f"{direction}: {room.title}" + (" (dark)" if room.dark else ""))
        if token is not None:
            await ctx.session.send_progress_notification(
                token, i, total=len(exits), message=f"peeked {direction}", related_request_id=str(ctx.request_id)
            )
        await anyio.sleep(0)
    return f"From the {origin.title} you can reach:\n" + "\n".join(seen)


def initialization_options(server: Server[GameHub, Any]) -> InitializationOptions:
    return server.create_initialization_options(
        notification_options=NotificationOptions(resources_changed=True),
        experimental_capabilities={},
    )
