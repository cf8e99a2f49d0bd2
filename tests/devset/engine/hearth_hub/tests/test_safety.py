from __future__ import annotations

import os

os.environ["HEARTH_SIMULATE_SENSORS"] = "0"

from typing import Any, Literal

import anyio

from mcp.client.session import ClientSession
from mcp.shared.context import RequestContext
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.shared.session import RequestResponder
from mcp.types import (
    ClientResult,
    ElicitRequestFormParams,
    ElicitRequestParams,
    ElicitResult,
    ErrorData,
    ResourceListChangedNotification,
    ServerNotification,
    ServerRequest,
    TextContent,
)

from hearth_hub.app import mcp, registry
from hearth_hub.safety import AUDIT_TRAIL


def _text(result: Any) -> str:
    block = result.content[0]
    assert isinstance(block, TextContent)
    return block.text


def answering(action: Literal["accept", "decline", "cancel"], content: dict[str, Any] | None = None):
    seen: list[ElicitRequestFormParams] = []

    async def callback(context: RequestContext[ClientSession, Any], params: ElicitRequestParams) -> ElicitResult | ErrorData:
        assert isinstance(params, ElicitRequestFormParams)
        seen.append(params)
        return ElicitResult(action=action, content=content)

    return callback, seen


async def _unlock_confirmed() -> None:
    registry.apply("hall.front_door", locked=True)
    callback, seen = answering("accept", {"confirm": True, "reason": "parcel delivery"})
    async with create_connected_server_and_client_session(mcp, elicitation_callback=callback) as session:
        result = await session.call_tool("unlock_door", {"device_id": "hall.front_door"})
    assert _text(result) == "Front door unlocked."
    assert registry.get("hall.front_door").state["locked"] is False
    assert "confirm" in seen[0].requestedSchema["properties"]
    assert AUDIT_TRAIL[-1].note == "parcel delivery"
    assert AUDIT_TRAIL[-1].client == "anonymous"


def test_unlock_confirmed() -> None:
    anyio.run(_unlock_confirmed)


async def _unlock_declined() -> None:
    registry.apply("hall.front_door", locked=True)
    callback, _ = answering("decline")
    async with create_connected_server_and_client_session(mcp, elicitation_callback=callback) as session:
        result = await session.call_tool("unlock_door", {"device_id": "hall.front_door"})
    assert _text(result) == "Front door stays locked (declined)."
    assert registry.get("hall.front_door").state["locked"] is True
    assert AUDIT_TRAIL[-1].allowed is False


def test_unlock_declined() -> None:
    anyio.run(_unlock_declined)


async def _unlock_rejects_non_lock() -> None:
    callback, seen = answering("accept", {"confirm": True})
    async with create_connected_server_and_client_session(mcp, elicitation_callback=callback) as session:
        result = await session.call_tool("unlock_door", {"device_id": "kitchen.ceiling"})
    assert result.isError
    assert "not a lock" in _text(result)
    assert seen == []


def test_unlock_rejects_non_lock() -> None:
    anyio.run(_unlock_rejects_non_lock)


async def _create_scene() -> None:
    callback, seen = answering("accept", {"brightness": 30, "lock_doors": True})
    changed = anyio.Event()

    async def on_message(
        message: RequestResponder[ServerRequest, ClientResult] | ServerNotification | Exception,
    ) -> None:
        if isinstance(message, ServerNotification) and isinstance(message.root, ResourceListChangedNotification):
            changed.set()

    async with create_connected_server_and_client_session(
        mcp, elicitation_callback=callback, message_handler=on_message
    ) as session:
        # any prior request registers the session for list-changed broadcasts
        await session.call_tool("set_light", {"device_id": "living.lamp", "on": True})
        result = await session.call_tool("create_scene", {"name": "Movie Night"})
        assert _text(result) == "Scene 'Movie Night' saved as hearth://scenes/movie-night"
        with anyio.fail_after(2):
            await changed.wait()
        listed = await session.list_resources()
        uris = {str(r.uri) for r in listed.resources}
        assert "hearth://scenes/movie-night" in uris
    assert seen[0].requestedSchema["required"] == ["brightness"]


def test_create_scene() -> None:
    anyio.run(_create_scene)

