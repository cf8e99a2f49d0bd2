from __future__ import annotations

import os

os.environ["HEARTH_SIMULATE_SENSORS"] = "0"

import json

import anyio
from pydantic import AnyUrl

from mcp.shared.memory import create_connected_server_and_client_session
from mcp.shared.session import RequestResponder
from mcp.types import (
    ClientResult,
    LoggingMessageNotificationParams,
    ResourceListChangedNotification,
    ResourceUpdatedNotification,
    ServerNotification,
    ServerRequest,
    TextResourceContents,
)

from hearth_hub.app import hub, mcp, registry

KITCHEN = "hearth://rooms/kitchen/state"


class Inbox:
    def __init__(self) -> None:
        self.updated: list[str] = []
        self.list_changed = 0
        self.logs: list[LoggingMessageNotificationParams] = []
        self.event = anyio.Event()

    async def __call__(
        self,
        message: RequestResponder[ServerRequest, ClientResult] | ServerNotification | Exception,
    ) -> None:
        if isinstance(message, Exception):
            raise message
        if not isinstance(message, ServerNotification):
            return
        match message.root:
            case ResourceUpdatedNotification(params=params):
                self.updated.append(str(params.uri))
                self.event.set()
            case ResourceListChangedNotification():
                self.list_changed += 1
                self.event.set()
            case _:
                pass

    async def on_log(self, params: LoggingMessageNotificationParams) -> None:
        self.logs.append(params)


async def _subscribe_then_change() -> None:
    inbox = Inbox()
    async with create_connected_server_and_client_session(
        mcp, message_handler=inbox, logging_callback=inbox.on_log
    ) as session:
        await session.subscribe_resource(AnyUrl(KITCHEN))
        assert hub.subscription_counts().get(KITCHEN) == 1

        result = await session.call_tool("set_light", {"device_id": "kitchen.counter", "on": True, "brightness": 55})
        assert not result.isError, result.content
        with anyio.fail_after(2):
            await inbox.event.wait()
        assert inbox.updated == [KITCHEN]
        assert [log.data for log in inbox.logs] == ["Counter strip -> on"]

        state = await session.read_resource(AnyUrl(KITCHEN))
        body = state.contents[0]
        assert isinstance(body, TextResourceContents)
        devices = {d["id"]: d for d in json.loads(body.text)["devices"]}
        assert devices["kitchen.counter"]["state"] == {"on": True, "brightness": 55}

        # a change in another room is not delivered
        inbox.updated.clear()
        await session.call_tool("set_light", {"device_id": "living.lamp", "on": True})
        assert inbox.updated == []

        await session.unsubscribe_resource(AnyUrl(KITCHEN))
        await session.call_tool("set_light", {"device_id": "kitchen.counter", "on": False})
        assert inbox.updated == []


def test_subscribe_then_change() -> None:
    anyio.run(_subscribe_then_change)


async def _log_level_filter() -> None:
    inbox = Inbox()
    async with create_connected_server_and_client_session(
        mcp, message_handler=inbox, logging_callback=inbox.on_log
    ) as session:
        await session.set_logging_level("warning")
        await session.call_tool("set_light", {"device_id": "living.lamp", "on": False})
        assert inbox.logs == []
        bad = await session.call_tool("set_thermostat", {"device_id": "living.thermostat", "target_c": 40})
        assert bad.isError
        assert [log.level for log in inbox.logs] == ["warning"]


def test_log_level_filter() -> None:
    anyio.run(_log_level_filter)


async def _disconnected_sessions_are_pruned() -> None:
    async with create_connected_server_and_client_session(mcp) as session:
        await session.subscribe_resource(AnyUrl("hearth://devices/hall.front_door"))
        assert hub.watchers("hearth://devices/hall.front_door")
    # the client is gone: publishing must not raise and must forget the session
    assert await hub.publish("hearth://devices/hall.front_door") == 0
    assert hub.watchers("hearth://devices/hall.front_door") == []


def test_disconnected_sessions_are_pruned() -> None:
    anyio.run(_disconnected_sessions_are_pruned)


def test_list_rooms_direct() -> None:
    rooms = {room: [d.id for d in registry.in_room(room)] for room in registry.rooms()}
    assert rooms["hall"] == ["hall.front_door", "hall.motion"]
