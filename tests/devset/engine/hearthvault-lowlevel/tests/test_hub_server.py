from __future__ import annotations

import json
from typing import Any

import anyio
import mcp.types as types
from mcp.client.session import ClientSession
from mcp.shared.context import RequestContext
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.shared.session import RequestResponder
from pydantic import AnyUrl

from hearthvault.app import HearthServer


def text_of(result: types.CallToolResult) -> str:
    block = result.content[0]
    assert isinstance(block, types.TextContent)
    return block.text


async def test_tools_are_listed_and_input_is_validated() -> None:
    app = HearthServer()
    async with create_connected_server_and_client_session(app.server) as session:
        tools = await session.list_tools()
        names = [t.name for t in tools.tools]
        assert names[:2] == ["set_light", "set_temperature"]
        assert tools.tools[1].annotations is not None and tools.tools[1].annotations.idempotentHint
        bad = await session.call_tool("set_light", {"device_id": "kitchen-light"})
        assert bad.isError
        assert text_of(bad).startswith("Input validation error")


async def test_structured_and_unstructured_results() -> None:
    app = HearthServer()
    async with create_connected_server_and_client_session(app.server) as session:
        temp = await session.call_tool("set_temperature", {"device_id": "living-thermostat", "target": 22})
        assert temp.structuredContent == {"device_id": "living-thermostat", "target": 22.0}
        light = await session.call_tool("set_light", {"device_id": "kitchen-light", "on": True, "brightness": 80})
        assert json.loads(text_of(light)) == {"on": True, "brightness": 80}
        assert light.structuredContent is None


async def test_handler_exceptions_become_error_results() -> None:
    app = HearthServer()
    async with create_connected_server_and_client_session(app.server) as session:
        too_hot = await session.call_tool("set_temperature", {"device_id": "living-thermostat", "target": 99})
        assert too_hot.isError and "between 5 and 30" in text_of(too_hot)
        offline = await session.call_tool("set_light", {"device_id": "garage-sensor", "on": True})
        assert offline.isError


async def test_all_off_reports_progress() -> None:
    app = HearthServer()
    updates: list[float] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        updates.append(progress)

    async with create_connected_server_and_client_session(app.server) as session:
        result = await session.call_tool("all_off", {}, progress_callback=on_progress)
        assert text_of(result) == "2 lights off"
    assert updates == [1, 2]
    assert all(not d.state.get("on") for d in app.hub.devices.values() if d.kind == "light")


async def test_arm_alarm_elicits_pin() -> None:
    app = HearthServer()
    pins = iter(["0000", "4321"])

    async def answer(context: RequestContext[ClientSession, Any], params: types.ElicitRequestParams) -> types.ElicitResult:
        assert isinstance(params, types.ElicitRequestFormParams)
        assert params.requestedSchema["required"] == ["pin"]
        return types.ElicitResult(action="accept", content={"pin": next(pins)})

    async with create_connected_server_and_client_session(app.server, elicitation_callback=answer) as session:
        first = await session.call_tool("arm_alarm", {})
        assert first.isError and text_of(first) == "wrong or missing PIN"
        second = await session.call_tool("arm_alarm", {})
        assert not second.isError
    assert app.hub.alarm_armed


async def test_subscriptions_receive_updates() -> None:
    app = HearthServer()
    updated: list[str] = []
    list_changes = 0

    async def on_message(
        message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception,
    ) -> None:
        nonlocal list_changes
        if isinstance(message, types.ServerNotification):
            if isinstance(message.root, types.ResourceUpdatedNotification):
                updated.append(str(message.root.params.uri))
            elif isinstance(message.root, types.ResourceListChangedNotification):
                list_changes += 1

    async with create_connected_server_and_client_session(app.server, message_handler=on_message) as session:
        await session.subscribe_resource(AnyUrl("hearth://devices/hall-light"))
        await session.call_tool("set_light", {"device_id": "hall-light", "on": False})
        await session.call_tool("set_light", {"device_id": "kitchen-light", "on": True})
        await session.unsubscribe_resource(AnyUrl("hearth://devices/hall-light"))
        await session.call_tool("set_light", {"device_id": "hall-light", "on": True})
        await session.call_tool("add_device", {"device_id": "porch-light", "room": "porch", "kind": "light"})
        await anyio.sleep(0.05)
    assert updated == ["hearth://devices/hall-light"]
    assert list_changes == 1


async def test_resources_and_templates() -> None:
    app = HearthServer()
    async with create_connected_server_and_client_session(app.server) as session:
        listed = await session.list_resources()
        assert len(listed.resources) == 5
        assert all(r.mimeType == "application/json" for r in listed.resources)
        templates = await session.list_resource_templates()
        assert templates.resourceTemplates[0].uriTemplate == "hearth://rooms/{room}"
        door = await session.read_resource(AnyUrl("hearth://devices/front-door"))
        contents = door.contents[0]
        assert isinstance(contents, types.TextResourceContents)
        assert json.loads(contents.text)["locked"] is True
        hall = await session.read_resource(AnyUrl("hearth://rooms/hall"))
        hall_contents = hall.contents[0]
        assert isinstance(hall_contents, types.TextResourceContents)
        assert sorted(json.loads(hall_contents.text)) == ["front-door", "hall-light"]


async def test_prompts_completion_and_logging_level() -> None:
    app = HearthServer()
    logs: list[types.LoggingMessageNotificationParams] = []

    async def on_log(params: types.LoggingMessageNotificationParams) -> None:
        logs.append(params)

    async with create_connected_server_and_client_session(app.server, logging_callback=on_log) as session:
        prompt = await session.get_prompt("evening_scene", {"room": "hall"})
        assert prompt.description == "Evening scene for hall"
        done = await session.complete(
            types.PromptReference(type="ref/prompt", name="evening_scene"), {"name": "room", "value": "g"}
        )
        assert done.completion.values == ["garage"]
        await session.set_logging_level("warning")
        await session.call_tool("set_light", {"device_id": "hall-light", "on": False})
        await session.set_logging_level("debug")
        await session.call_tool("set_light", {"device_id": "hall-light", "on": True})
    assert [entry.data for entry in logs] == ["hall-light is now on"]
    assert logs[0].logger == "hearthvault"


async def test_client_progress_and_init_options() -> None:
    app = HearthServer()
    assert app.has_handler(types.CallToolRequest)
    assert app.has_handler(types.SubscribeRequest)
    opts = app.initialization_options()
    assert opts.server_name == "hearthvault" and opts.server_version == "2.3.0"
    assert opts.capabilities.experimental == {"hearthvault/scenes": {"version": 1}}
    assert opts.capabilities.resources is not None and opts.capabilities.resources.listChanged
    async with create_connected_server_and_client_session(app.server) as session:
        await session.send_progress_notification("sync-1", 0.5, total=1.0)
        await session.send_ping()
    assert app.progress_seen == [("sync-1", 0.5)]
