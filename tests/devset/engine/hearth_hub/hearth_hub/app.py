"""The Hearth FastMCP server."""

from __future__ import annotations

import json
import os
import random
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import anyio
from pydantic import AnyUrl
from starlette.requests import Request
from starlette.responses import JSONResponse

from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.exceptions import ToolError
from mcp.server.fastmcp.resources import TextResource
from mcp.types import LoggingLevel

from .devices import DeviceError, DeviceRegistry, demo_registry, device_uri, room_uri
from .safety import ask_scene_settings, confirm_unlock, record
from .subscriptions import SubscriptionHub

SIMULATE_SENSORS = os.environ.get("HEARTH_SIMULATE_SENSORS", "1") == "1"
TICK_SECONDS = float(os.environ.get("HEARTH_TICK_SECONDS", "30"))

registry: DeviceRegistry = demo_registry()
hub = SubscriptionHub()
scenes: dict[str, dict[str, object]] = {}


@dataclass
class HubState:
    registry: DeviceRegistry
    hub: SubscriptionHub


async def _drift_temperatures() -> None:
    rng = random.Random()
    while True:
        await anyio.sleep(TICK_SECONDS)
        for device in registry:
            if device.kind == "thermostat":
                current = float(device.state.get("current_c", 20.0))
                target = float(device.state.get("target_c", 20.0))
                step = 0.2 if target > current else -0.2
                registry.touch_sensor(device.id, current_c=round(current + step + rng.uniform(-0.05, 0.05), 2))
                await hub.publish(device_uri(device.id), room_uri(device.room))


@asynccontextmanager
async def hearth_lifespan(server: FastMCP[HubState]) -> AsyncIterator[HubState]:
    async with anyio.create_task_group() as tg:
        if SIMULATE_SENSORS:
            tg.start_soon(_drift_temperatures)
        try:
            yield HubState(registry=registry, hub=hub)
        finally:
            tg.cancel_scope.cancel()


mcp = FastMCP(
    name="hearth-hub",
    instructions=(
        "Controls the lights, heating and locks of a home. Read hearth://devices first. "
        "Unlocking a door always requires the user's explicit confirmation."
    ),
    lifespan=hearth_lifespan,
    sse_path="/events",
    message_path="/events/messages/",
)


async def _notify(ctx: Context, level: LoggingLevel, message: str) -> None:
    """Log to the client, honouring the level it asked for via logging/setLevel."""
    if hub.wants(ctx.session, level):
        await ctx.session.send_log_message(level=level, data=message, logger="hearth", related_request_id=ctx.request_id)


async def _changed(device_id: str) -> None:
    device = registry.get(device_id)
    await hub.publish(device_uri(device.id), room_uri(device.room))


# ----------------------------------------------------------------------------- tools


@mcp.tool()
def list_rooms() -> dict[str, list[str]]:
    """Rooms and the device ids in each."""
    return {room: [d.id for d in registry.in_room(room)] for room in registry.rooms()}


@mcp.tool()
async def set_light(device_id: str, on: bool, ctx: Context, brightness: int | None = None) -> str:
    """Switch a light on/off and optionally set its brightness (0-100)."""
    hub.register(ctx.session)
    try:
        device = registry.apply(device_id, on=on, brightness=brightness)
    except DeviceError as exc:
        raise ToolError(str(exc)) from exc
    await _changed(device.id)
    await _notify(ctx, "info", f"{device.name} -> {'on' if on else 'off'}")
    return f"{device.name} is now {'on' if device.state['on'] else 'off'} at {device.state['brightness']}%"


@mcp.tool()
async def set_thermostat(device_id: str, target_c: float, ctx: Context) -> str:
    """Change a thermostat's target temperature (5-28 °C)."""
    hub.register(ctx.session)
    try:
        device = registry.apply(device_id, target_c=target_c)
    except DeviceError as exc:
        await _notify(ctx, "warning", str(exc))
        raise ToolError(str(exc)) from exc
    await _changed(device.id)
    return f"{device.name} target set to {target_c:.1f} °C"


@mcp.tool()
async def unlock_door(device_id: str, ctx: Context) -> str:
    """Unlock a door. The user is always asked to confirm first."""
    try:
        device = registry.get(device_id)
    except DeviceError as exc:
        raise ToolError(str(exc)) from exc
    if device.kind != "lock":
        raise ToolError(f"{device_id} is not a lock")

    allowed, note = await confirm_unlock(ctx, device)
    record(ctx, "unlock", device.id, allowed, note)
    if not allowed:
        return f"{device.name} stays locked ({note})."
    registry.apply(device.id, locked=False)
    await _changed(device.id)
    await _notify(ctx, "notice", f"{device.name} unlocked")
    return f"{device.name} unlocked."


@mcp.tool()
async def create_scene(name: str, ctx: Context) -> str:
    """Create a named scene; the user fills in the settings."""
    slug = name.strip().lower().replace(" ", "-")
    if not slug:
        raise ToolError("scene name must not be empty")
    settings = await ask_scene_settings(ctx, name)
    if settings is None:
        return "Scene creation cancelled."
    scenes[slug] = {"name": name, **settings}
    mcp.add_resource(
        TextResource(
            uri=AnyUrl(f"hearth://scenes/{slug}"),
            name=f"scene-{slug}",
            description=f"Scene '{name}'",
            mime_type="application/json",
            text=json.dumps(scenes[slug]),
        )
    )
    await hub.announce_resource_list_changed()
    return f"Scene '{name}' saved as hearth://scenes/{slug}"


# ------------------------------------------------------------------------- resources


@mcp.resource("hearth://devices", mime_type="application/json")
def all_devices() -> str:
    """Every device with its current state."""
    return json.dumps([d.as_dict() for d in registry])


@mcp.resource("hearth://rooms/{room}/state", mime_type="application/json")
def room_state(room: str) -> str:
    """State of every device in one room."""
    return json.dumps({"room": room, "devices": [d.as_dict() for d in registry.in_room(room)]})


@mcp.resource("hearth://devices/{device_id}", mime_type="application/json")
def device_state(device_id: str) -> str:
    return json.dumps(registry.get(device_id).as_dict())


# ------------------------------------------------------------ protocol-level handlers
# FastMCP has no decorators for these, so register them on the wrapped lowlevel server.

_lowlevel = mcp._mcp_server  # pyright: ignore[reportPrivateUsage]


@_lowlevel.subscribe_resource()
async def handle_subscribe(uri: AnyUrl) -> None:
    hub.subscribe(_lowlevel.request_context.session, uri)


@_lowlevel.unsubscribe_resource()
async def handle_unsubscribe(uri: AnyUrl) -> None:
    hub.unsubscribe(_lowlevel.request_context.session, uri)


@_lowlevel.set_logging_level()
async def handle_set_level(level: LoggingLevel) -> None:
    hub.set_level(_lowlevel.request_context.session, level)


# ----------------------------------------------------------------------------- HTTP


@mcp.custom_route("/healthz", methods=["GET"])
async def healthz(request: Request) -> JSONResponse:
    return JSONResponse(
        {
            "status": "ok",
            "devices": len(list(registry)),
            "subscriptions": hub.subscription_counts(),
        }
    )
