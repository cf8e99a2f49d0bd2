from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import mcp.types as types  # noqa: E402
from mcp.shared.memory import create_connected_server_and_client_session  # noqa: E402
from servers import build_workbench  # noqa: E402

from agentloop import ConsolePrompter, FakeLLM, LLMReply, LLMSamplingHandler, LogCollector, StaticRoots  # noqa: E402


def text_of(result: types.CallToolResult) -> str:
    block = result.content[0]
    assert isinstance(block, types.TextContent)
    return block.text


async def test_server_sampling_is_answered_by_the_agent_model() -> None:
    model = FakeLLM([LLMReply(text="solar roads, kelp farms, quiet trains")], name="fake-gpt")
    sampler = LLMSamplingHandler(model, max_tokens_cap=20)
    async with create_connected_server_and_client_session(build_workbench(), sampling_callback=sampler) as session:
        result = await session.call_tool("brainstorm", {"topic": "transport"})
    assert text_of(result) == "fake-gpt: solar roads, kelp farms, quiet trains"
    (request,) = model.requests
    assert [(m.role, m.content) for m in request.messages] == [
        ("system", "Be brief."),
        ("user", "Three ideas about transport"),
    ]
    assert request.max_tokens == 20 and request.stop == ["\n\n"]
    assert sampler.served == 1


async def test_console_prompter_answers_form_elicitation() -> None:
    answers = iter(["yes", "stale build output", "n", "", "cancel"])
    shown: list[str] = []
    prompter = ConsolePrompter(ask=lambda prompt: next(answers), say=shown.append)
    async with create_connected_server_and_client_session(
        build_workbench(), elicitation_callback=prompter
    ) as session:
        deleted = await session.call_tool("delete_file", {"path": "build/"})
        kept = await session.call_tool("delete_file", {"path": "src/"})
        cancelled = await session.call_tool("delete_file", {"path": "docs/"})
    assert text_of(deleted) == "deleted build/ (stale build output)"
    assert text_of(kept) == "kept src/ (accept)"
    assert text_of(cancelled) == "kept docs/ (cancel)"
    assert shown == ["Delete build/?", "Delete src/?", "Delete docs/?"]
    assert [r.action for r in prompter.history] == ["accept", "accept", "cancel"]
    assert prompter.history[0].content == {"confirm": True, "reason": "stale build output"}


async def test_url_mode_consent_and_roots_and_logs() -> None:
    prompter = ConsolePrompter(ask=lambda prompt: "y", say=lambda text: None)
    params = types.ElicitRequestURLParams(
        mode="url", message="Sign in", url="https://auth.example.com/x", elicitationId="e-1"
    )
    consent = prompter._url(params)
    assert consent.action == "accept" and consent.content is None

    logs = LogCollector()
    await logs(types.LoggingMessageNotificationParams(level="warning", logger="db", data="slow query"))
    assert logs.messages() == ["slow query"]

    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        project.mkdir()
        roots = StaticRoots([project])
        async with create_connected_server_and_client_session(
            build_workbench(), list_roots_callback=roots
        ) as session:
            result = await session.call_tool("workspace_roots", {})
        assert result.structuredContent == {"result": [f"project={project.resolve()}"]}
