from __future__ import annotations

from pathlib import Path
from typing import Any

import mcp.types as types
from mcp import ClientSession
from mcp.shared.context import RequestContext
from mcp.shared.memory import create_connected_server_and_client_session

from agentmesh.convert import result_to_message
from agentmesh.hooks import AgentHooks
from tests.harness import ScriptedModel, connected
from tests.servers import build_demo_server


async def test_sampling_goes_through_the_agent_model() -> None:
    model = ScriptedModel()
    hooks = AgentHooks(llm=model)
    async with connected(build_demo_server(), hooks) as conn:
        ok = await conn.call_tool("summarize", {"text": "MCP lets agents call tools on remote servers."})
        hooks.max_sampling_tokens = 16
        too_big = await conn.call_tool("summarize", {"text": "too long"})

    assert result_to_message(ok, tool_name="summarize", call_id="1").text == (
        "TL;DR MCP lets agents call [scripted-small/endTurn]"
    )
    [call] = model.calls
    assert call["system"] == "Summarize in one line." and call["max_tokens"] == 64
    [event] = [e for e in hooks.events if e.kind == "sampling"]
    assert event.server == "demo-tools" and event.detail["model"] == "scripted-small"
    refused = result_to_message(too_big, tool_name="summarize", call_id="2")
    assert refused.is_error and "maxTokens 64 exceeds limit 16" in refused.text


async def test_elicitation_accept_and_decline() -> None:
    answers: list[dict[str, Any] | None] = [{"confirm": True, "reason": "cleanup"}, None]
    asked: list[tuple[str, dict[str, Any]]] = []

    async def ask_user(message: str, schema: dict[str, Any]) -> dict[str, Any] | None:
        asked.append((message, schema))
        return answers.pop(0)

    async with connected(build_demo_server(), AgentHooks(ask_user=ask_user)) as conn:
        first = await conn.call_tool("delete_file", {"path": "/tmp/a.txt"})
        second = await conn.call_tool("delete_file", {"path": "/tmp/b.txt"})

    assert result_to_message(first, tool_name="d", call_id="1").text == "deleted /tmp/a.txt (cleanup)"
    assert result_to_message(second, tool_name="d", call_id="2").text == "kept /tmp/b.txt (decline)"
    message, schema = asked[0]
    assert message == "Delete /tmp/a.txt?" and schema["properties"]["confirm"]["type"] == "boolean"


async def test_callbacks_plug_into_a_plain_client_session() -> None:
    """Hooks also work when an integration builds its own ClientSession."""
    hooks = AgentHooks(llm=ScriptedModel("plain"), roots=[Path("/srv/projects/atlas"), Path("/data")])
    bound = hooks.bind("inline")
    seen: list[RequestContext[ClientSession, Any]] = []

    async def spy_sampling(
        context: RequestContext[ClientSession, Any], params: types.CreateMessageRequestParams
    ) -> types.CreateMessageResult | types.ErrorData:
        seen.append(context)
        return await bound.sample(context, params)

    async with create_connected_server_and_client_session(
        build_demo_server(),
        sampling_callback=spy_sampling,
        list_roots_callback=bound.list_roots_callback,
        message_handler=bound.message_handler,
    ) as session:
        summary = await session.call_tool("summarize", {"text": "short"})
        roots = await session.call_tool("workspace_roots", {})

    assert isinstance(summary.content[0], types.TextContent) and "[plain-small/endTurn]" in summary.content[0].text
    assert roots.structuredContent == {"result": ["atlas=file:///srv/projects/atlas", "data=file:///data"]}
    assert isinstance(seen[0].session, ClientSession) and isinstance(seen[0].request_id, int)


async def test_message_handler_dispatch() -> None:
    changed: list[str] = []

    async def on_tools_changed(server: str) -> None:
        changed.append(server)

    hooks = AgentHooks(on_tools_changed=on_tools_changed)
    handler = hooks.bind("billing").message_handler
    progress = types.ProgressNotificationParams(progressToken="job-7", progress=0.5, total=1.0)

    await handler(types.ServerNotification(types.ToolListChangedNotification()))
    await handler(types.ServerNotification(types.ProgressNotification(params=progress)))
    await handler(types.ServerNotification(types.PromptListChangedNotification()))
    await handler(ConnectionResetError("peer went away"))

    assert changed == ["billing"]
    events = [(e.kind, e.detail) for e in hooks.events]
    assert events[:3] == [
        ("tools_changed", {}),
        ("progress", {"token": "job-7", "progress": 0.5}),
        ("notification", {"method": "notifications/prompts/list_changed"}),
    ]
    assert events[3][0] == "error" and "peer went away" in events[3][1]["error"]
