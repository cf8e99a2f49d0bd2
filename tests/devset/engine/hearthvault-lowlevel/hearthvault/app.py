"""Lowlevel MCP server wrapping a DeviceHub."""

from __future__ import annotations

import json
import logging
import weakref
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import anyio
import mcp.types as types
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.lowlevel.server import request_ctx
from mcp.server.models import InitializationOptions
from mcp.server.session import ServerSession
from pydantic import AnyUrl

from hearthvault.devices import Device, DeviceHub

logger = logging.getLogger("hearthvault")

TOOLS = [
    types.Tool(
        name="set_light",
        title="Switch a light",
        description="Turn a light on or off and optionally set brightness (0-100).",
        inputSchema={
            "type": "object",
            "properties": {
                "device_id": {"type": "string"},
                "on": {"type": "boolean"},
                "brightness": {"type": "integer", "minimum": 0, "maximum": 100},
            },
            "required": ["device_id", "on"],
        },
    ),
    types.Tool(
        name="set_temperature",
        description="Set a thermostat target in °C.",
        inputSchema={
            "type": "object",
            "properties": {"device_id": {"type": "string"}, "target": {"type": "number"}},
            "required": ["device_id", "target"],
        },
        outputSchema={
            "type": "object",
            "properties": {"device_id": {"type": "string"}, "target": {"type": "number"}},
            "required": ["device_id", "target"],
        },
        annotations=types.ToolAnnotations(idempotentHint=True),
    ),
    types.Tool(
        name="all_off",
        description="Switch off every light, reporting progress.",
        inputSchema={"type": "object", "properties": {}},
    ),
    types.Tool(
        name="arm_alarm",
        description="Arm the alarm after asking the user for the PIN.",
        inputSchema={"type": "object", "properties": {}},
    ),
    types.Tool(
        name="add_device",
        description="Register a new device.",
        inputSchema={
            "type": "object",
            "properties": {"device_id": {"type": "string"}, "room": {"type": "string"}, "kind": {"type": "string"}},
            "required": ["device_id", "room", "kind"],
        },
    ),
]


@dataclass
class HubState:
    hub: DeviceHub
    started_at: float


class HearthServer:
    def __init__(self, hub: DeviceHub | None = None) -> None:
        self.hub = hub or DeviceHub.demo()
        self.server: Server[HubState, Any] = Server(
            "hearthvault",
            "2.3.0",
            instructions="Control lights, thermostats and locks in the house.",
            lifespan=self._lifespan,
        )
        # per-client subscriptions, keyed by the session object of the connection
        self.subscriptions: weakref.WeakKeyDictionary[ServerSession, set[str]] = weakref.WeakKeyDictionary()
        self.client_log_level: types.LoggingLevel = "info"
        self.progress_seen: list[tuple[str | int, float]] = []
        self._register_handlers()

    @asynccontextmanager
    async def _lifespan(self, server: Server[HubState, Any]) -> AsyncIterator[HubState]:
        logger.info("hub online with %d devices", len(self.hub.devices))
        yield HubState(hub=self.hub, started_at=anyio.current_time())

    # ----------------------------------------------------------------- helpers
    @property
    def state(self) -> HubState:
        return self.server.request_context.lifespan_context

    async def _log(self, level: types.LoggingLevel, message: str) -> None:
        order = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"]
        if order.index(level) < order.index(self.client_log_level):
            return
        ctx = request_ctx.get()
        await ctx.session.send_log_message(level=level, data=message, logger="hearthvault", related_request_id=ctx.request_id)

    async def _progress(self, done: float, total: float, message: str) -> None:
        ctx = self.server.request_context
        if ctx.meta and ctx.meta.progressToken is not None:
            await ctx.session.send_progress_notification(ctx.meta.progressToken, done, total, message)

    async def _notify_device(self, device: Device) -> None:
        uri = f"hearth://devices/{device.id}"
        stale: list[ServerSession] = []
        for session, uris in list(self.subscriptions.items()):
            if uri in uris:
                try:
                    await session.send_resource_updated(AnyUrl(uri))
                except (anyio.ClosedResourceError, anyio.BrokenResourceError):
                    stale.append(session)
        for session in stale:
            self.subscriptions.pop(session, None)

    async def _ask_pin(self) -> str | None:
        ctx = self.server.request_context
        result = await ctx.session.send_request(
            types.ServerRequest(
                types.ElicitRequest(
                    params=types.ElicitRequestFormParams(
                        message="Enter the 4-digit alarm PIN",
                        requestedSchema={
                            "type": "object",
                            "properties": {"pin": {"type": "string", "minLength": 4, "maxLength": 4}},
                            "required": ["pin"],
                        },
                    )
                )
            ),
            types.ElicitResult,
            request_read_timeout_seconds=timedelta(seconds=30),
        )
        if result.action != "accept" or not result.content:
            return None
        return str(result.content.get("pin"))

    # ---------------------------------------------------------------- handlers
    def _register_handlers(self) -> None:
        server = self.server

        @server.list_tools()
        async def list_tools() -> list[types.Tool]:
            return TOOLS

        @server.call_tool()
        async def call_tool(name: str, arguments: dict[str, Any]) -> Any:
            hub = self.state.hub
            if name == "set_light":
                dev = hub.set_light(arguments["device_id"], arguments["on"], arguments.get("brightness"))
                await self._log("info", f"{dev.id} is now {'on' if dev.state['on'] else 'off'}")
                await self._notify_device(dev)
                return [types.TextContent(type="text", text=json.dumps(dev.state))]
            if name == "set_temperature":
                dev = hub.set_temperature(arguments["device_id"], float(arguments["target"]))
                await self._notify_device(dev)
                return {"device_id": dev.id, "target": dev.state["target"]}
            if name == "all_off":
                lights = [d for d in hub.devices.values() if d.kind == "light" and d.online]
                for n, dev in enumerate(lights, start=1):
                    hub.set_light(dev.id, False)
                    await self._progress(n, len(lights), f"{dev.id} off")
                return [types.TextContent(type="text", text=f"{len(lights)} lights off")]
            if name == "arm_alarm":
                pin = await self._ask_pin()
                if pin != "4321":
                    return types.CallToolResult(
                        content=[types.TextContent(type="text", text="wrong or missing PIN")], isError=True
                    )
                hub.alarm_armed = True
                await self._log("warning", "alarm armed")
                return [types.TextContent(type="text", text="alarm armed")]
            if name == "add_device":
                hub.add(Device(arguments["device_id"], arguments["room"], arguments["kind"]))
                await self.server.request_context.session.send_notification(
                    types.ServerNotification(types.ResourceListChangedNotification())
                )
                return [types.TextContent(type="text", text=f"added {arguments['device_id']}")]
            raise ValueError(f"unknown tool {name}")

        @server.list_resources()
        async def list_resources() -> list[types.Resource]:
            return [
                types.Resource(
                    uri=AnyUrl(f"hearth://devices/{d.id}"),
                    name=d.id,
                    description=f"{d.kind} in {d.room}",
                    mimeType="application/json",
                )
                for d in self.state.hub.devices.values()
            ]

        @server.list_resource_templates()
        async def list_templates() -> list[types.ResourceTemplate]:
            return [
                types.ResourceTemplate(
                    uriTemplate="hearth://rooms/{room}",
                    name="room",
                    description="All devices in a room",
                    mimeType="application/json",
                )
            ]

        @server.read_resource()
        async def read_resource(uri: AnyUrl) -> Iterable[ReadResourceContents]:
            hub = self.state.hub
            if uri.host == "devices" and uri.path:
                dev = hub.get(uri.path.lstrip("/"))
                payload = {"id": dev.id, "room": dev.room, "kind": dev.kind, "online": dev.online, **dev.state}
                return [ReadResourceContents(content=json.dumps(payload), mime_type="application/json")]
            if uri.host == "rooms" and uri.path:
                room = uri.path.lstrip("/")
                ids = [d.id for d in hub.devices.values() if d.room == room]
                return [ReadResourceContents(content=json.dumps(ids), mime_type="application/json")]
            raise ValueError(f"unknown resource {uri}")

        @server.subscribe_resource()
        async def subscribe(uri: AnyUrl) -> None:
            session = self.server.request_context.session
            self.subscriptions.setdefault(session, set()).add(str(uri))

        @server.unsubscribe_resource()
        async def unsubscribe(uri: AnyUrl) -> None:
            session = self.server.request_context.session
            self.subscriptions.get(session, set()).discard(str(uri))

        @server.set_logging_level()
        async def set_level(level: types.LoggingLevel) -> None:
            self.client_log_level = level

        @server.list_prompts()
        async def list_prompts() -> list[types.Prompt]:
            return [
                types.Prompt(
                    name="evening_scene",
                    description="Plan an evening lighting scene for a room",
                    arguments=[types.PromptArgument(name="room", required=True)],
                )
            ]

        @server.get_prompt()
        async def get_prompt(name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:
            if name != "evening_scene":
                raise ValueError(f"unknown prompt {name}")
            room = (arguments or {}).get("room", "living")
            return types.GetPromptResult(
                description=f"Evening scene for {room}",
                messages=[
                    types.PromptMessage(
                        role="user",
                        content=types.TextContent(
                            type="text", text=f"Dim the lights in the {room} to 30% and set 21°C."
                        ),
                    )
                ],
            )

        @server.completion()
        async def complete(
            ref: types.PromptReference | types.ResourceTemplateReference,
            argument: types.CompletionArgument,
            context: types.CompletionContext | None,
        ) -> types.Completion | None:
            if argument.name == "room":
                rooms = [r for r in self.hub.rooms() if r.startswith(argument.value)]
                return types.Completion(values=rooms, total=len(rooms), hasMore=False)
            return None

        @server.progress_notification()
        async def on_progress(token: str | int, progress: float, total: float | None, message: str | None) -> None:
            self.progress_seen.append((token, progress))

    # -------------------------------------------------------------- plumbing
    def has_handler(self, request_type: type) -> bool:
        return request_type in self.server.request_handlers

    def initialization_options(self) -> InitializationOptions:
        return self.server.create_initialization_options(
            notification_options=NotificationOptions(resources_changed=True, tools_changed=False),
            experimental_capabilities={"hearthvault/scenes": {"version": 1}},
        )
