from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import mcp.types as types  # noqa: E402
from support import ScriptedModel, ScriptedUser, connect, fresh_app, structured, text_of  # noqa: E402

from pluginhost.events import EventLog  # noqa: E402


async def test_draft_reply_uses_sampling() -> None:
    app = fresh_app("assistant")
    model = ScriptedModel("  Thanks, will do!  ")
    async with connect(app, sampling_callback=model) as session:
        result = await session.call_tool("draft_reply", {"message": "Can you review?", "tone": "friendly"})
        assert not result.isError
        assert text_of(result) == "Thanks, will do!"
        bad = await session.call_tool("draft_reply", {"message": "x", "tone": "rude"})
        assert bad.isError
    params = model.seen[0]
    assert params.maxTokens == 120
    assert params.systemPrompt == "You write short replies for a busy engineer."
    assert params.includeContext == "thisServer"
    preferences = params.modelPreferences
    assert preferences is not None and preferences.speedPriority == 0.8


async def test_confirm_action_accept_and_decline() -> None:
    app = fresh_app("assistant")
    yes = ScriptedUser("accept", {"confirm": True, "reason": "cleanup"})
    async with connect(app, elicitation_callback=yes) as session:
        result = await session.call_tool("confirm_action", {"action": "drop cache"}, meta={"client_id": "ci-bot"})
        data = structured(result)
        assert data == {"action": "drop cache", "confirmed": True, "reason": "cleanup", "caller": "ci-bot"}
    assert "confirm" in yes.last_schema["properties"]

    no = ScriptedUser("decline")
    async with connect(app, elicitation_callback=no) as session:
        data = structured(await session.call_tool("confirm_action", {"action": "drop cache"}))
        assert data["confirmed"] is False and data["reason"] == "declined"
        assert data["caller"] == "anonymous"


async def test_collect_profile_form() -> None:
    app = fresh_app("assistant")
    user = ScriptedUser("accept", {"name": "Ada", "team": "infra"})
    async with connect(app, elicitation_callback=user) as session:
        data = structured(await session.call_tool("collect_profile", {}))
        assert data == {"status": "ok", "name": "Ada", "team": "infra"}
    assert user.last_schema["required"] == ["name", "team"]

    async with connect(app, elicitation_callback=ScriptedUser("cancel")) as session:
        assert structured(await session.call_tool("collect_profile", {})) == {"status": "skipped"}


async def test_batch_job_reports_progress() -> None:
    app = fresh_app("assistant")
    events = EventLog()
    async with connect(app, events) as session:
        result = await session.call_tool("batch_job", {"items": 3}, progress_callback=events.on_progress)
        data = structured(result)
        assert data["processed"] == 3
        assert data["accumulated"] == 1.5
        assert data["token"] is not None
    from_callback = [e for e in events.progress if e.token == "callback"]
    from_handler = [e for e in events.progress if e.token != "callback"]
    assert [e.progress for e in from_callback] == [1, 2, 3, 0.5, 1.0, 1.5]
    assert from_callback[0].message == "item 1" and from_callback[-1].message == "chunk 3"
    assert {e.token for e in from_handler} == {data["token"]}


async def test_mcp_error_becomes_tool_error() -> None:
    app = fresh_app("assistant")
    async with connect(app) as session:
        ok = await session.call_tool("strict_echo", {"text": "hi"})
        assert text_of(ok) == "hi"
        failed = await session.call_tool("strict_echo", {"text": ""})
        assert failed.isError
        assert "text is required" in text_of(failed)
        negative = await session.call_tool("batch_job", {"items": 0})
        assert negative.isError
        tools = await session.list_tools()
        echo = next(t for t in tools.tools if t.name == "strict_echo")
        assert echo.annotations is not None and echo.annotations.idempotentHint
        assert echo.meta == {"plugin": "assistant", "context": False}
        assert isinstance(failed.content[0], types.TextContent)
