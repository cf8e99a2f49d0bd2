from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import anyio  # noqa: E402
import mcp.types as types  # noqa: E402
from fixture_server import build_workspace_server  # noqa: E402
from mcp.client.session import ClientSession  # noqa: E402
from mcp.shared.context import RequestContext  # noqa: E402
from mcp.shared.memory import create_connected_server_and_client_session  # noqa: E402
from support import FakeBackend, ScriptedPrompter, make_callbacks  # noqa: E402

from copilot.results import tool_text  # noqa: E402


async def test_sampling_callback_answers_server_requests() -> None:
    backend = FakeBackend(reply="Fix typo in README")
    callbacks = make_callbacks(backend=backend)
    async with create_connected_server_and_client_session(
        build_workspace_server(), **callbacks.session_kwargs("workspace")
    ) as session:
        result = await session.call_tool("draft_commit_message", {"diff": "-teh\n+the"})
        assert tool_text(result) == "Fix typo in README [local-llm, endTurn]"
        callbacks.allow_sampling = False
        refused = await session.call_tool("draft_commit_message", {"diff": "x"})
        assert refused.isError and "Sampling is disabled" in tool_text(refused)
    system, turns, max_tokens = backend.calls[0]
    assert system == "Write a one-line commit message."
    assert turns == [("user", "-teh\n+the")]
    assert max_tokens == 12


async def test_form_and_url_elicitation() -> None:
    prompter = ScriptedPrompter(answers=[{"confirm": True, "reason": "release"}, None])
    callbacks = make_callbacks(prompter=prompter)
    async with create_connected_server_and_client_session(
        build_workspace_server(), **callbacks.session_kwargs("workspace")
    ) as session:
        ok = await session.call_tool("deploy", {"env": "staging"})
        skipped = await session.call_tool("deploy", {"env": "prod"})
    assert tool_text(ok) == "deployed to staging"
    assert tool_text(skipped) == "deploy to prod skipped"
    _server, message, schema = prompter.forms[0]
    assert message == "Deploy to staging?"
    assert schema["required"] == ["confirm"]

    # URL-mode elicitation and roots, driven directly through the callbacks.
    callbacks = make_callbacks(prompter=ScriptedPrompter(open_urls=False))
    async with create_connected_server_and_client_session(build_workspace_server()) as session:
        setattr(session, "copilot_server_name", "billing")
        context = RequestContext[ClientSession, Any](request_id=1, meta=None, session=session, lifespan_context=None)
        params = types.ElicitRequestURLParams(
            message="Authorize billing", url="https://billing.acme.test/oauth", elicitationId="el-9"
        )
        result = await callbacks.elicitation(context, params)
        roots = await callbacks.list_roots(context)
    assert isinstance(result, types.ElicitResult) and result.action == "decline"
    assert callbacks.events[-1].server == "billing" and callbacks.events[-1].detail == "el-9"
    assert roots.roots[0].name == "acme-web"
    assert roots.roots[0].uri.path == "/home/dev/acme-web"


async def test_roots_logging_and_notifications() -> None:
    callbacks = make_callbacks(extra_roots=[Path("/home/dev/shared-lib")])
    updates: list[str] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        updates.append(message or "")

    async with create_connected_server_and_client_session(
        build_workspace_server(), **callbacks.session_kwargs("workspace")
    ) as session:
        roots = await session.call_tool("list_workspace_roots", {})
        assert roots.structuredContent == {"roots": ["file:///home/dev/acme-web", "file:///home/dev/shared-lib"]}
        await session.call_tool("lint", {"path": "src/app.py"}, progress_callback=on_progress)
        with anyio.fail_after(2):
            while not any(e.kind == "resource-updated" for e in callbacks.events):
                await anyio.sleep(0.01)

    kinds = [e.kind for e in callbacks.events]
    assert kinds[:2] == ["log:info", "log:warning"]
    assert "tools-changed" in kinds
    assert callbacks.stale_tool_lists == {"workspace"}
    updated = [e for e in callbacks.events if e.kind == "resource-updated"][0]
    assert updated.detail == "/ws/src/app.py"
    assert updates == ["parsing", "done"]
