from __future__ import annotations

import os
import sys
from datetime import timedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import httpx  # noqa: E402
import mcp.types as types  # noqa: E402
from mcp.shared.memory import create_connected_server_and_client_session  # noqa: E402
from servers import build_catalog_server, build_workbench  # noqa: E402

from agentloop import Agent, FakeLLM, LLMReply, ToolCall, ToolExecutor  # noqa: E402
from agentloop.connect import CatalogWatcher  # noqa: E402
from agentloop.llm import CompletionRequest, last_tool_output  # noqa: E402


async def test_agent_runs_the_tool_loop() -> None:
    def answer(request: CompletionRequest) -> LLMReply:
        return LLMReply(text=f"The sum is {last_tool_output(request)}.")

    model = FakeLLM([LLMReply(tool_calls=[ToolCall("wb__add", {"a": 2, "b": 3.5})]), answer])
    async with create_connected_server_and_client_session(build_workbench()) as session:
        agent = Agent(session, model, tool_prefix="wb")
        result = await agent.run("What is 2 + 3.5?")
    assert result.answer == 'The sum is {"result": 5.5}.'
    assert result.turns == 2
    assert [t["function"]["name"] for t in model.requests[0].tools][:2] == ["wb__add", "wb__forecast"]
    (exchange,) = result.transcript.exchanges
    assert exchange.call.name == "add" and exchange.tool is not None
    assert exchange.result is not None and exchange.result.structuredContent == {"result": 5.5}


async def test_progress_is_recorded_per_call() -> None:
    seen: list[str] = []

    async def hook(call: ToolCall, progress: float, total: float | None, message: str | None) -> None:
        seen.append(f"{call.name}:{progress:g}/{total:g}")

    async with create_connected_server_and_client_session(build_workbench()) as session:
        executor = ToolExecutor(session, on_progress=hook)
        exchange = await executor.execute(ToolCall("count_slowly", {"n": 3}))
    assert exchange.progress == [(1.0, 3.0, "step 1"), (2.0, 3.0, "step 2"), (3.0, 3.0, "step 3")]
    assert seen == ["count_slowly:1/3", "count_slowly:2/3", "count_slowly:3/3"]
    assert exchange.result is not None and not exchange.result.isError


async def test_timeouts_are_retried_then_reported() -> None:
    async with create_connected_server_and_client_session(build_workbench()) as session:
        patient = ToolExecutor(session, timeout=timedelta(seconds=0.1), retries=1, backoff=4.0)
        recovered = await patient.execute(ToolCall("sleepy", {"seconds": 0.2}))
        assert recovered.attempts == 2 and recovered.error is None
        impatient = ToolExecutor(session, timeout=timedelta(seconds=0.05), retries=0)
        gave_up = await impatient.execute(ToolCall("sleepy", {"seconds": 1}))
    assert gave_up.error is not None
    assert gave_up.error.code == httpx.codes.REQUEST_TIMEOUT
    assert gave_up.error.message == "sleepy did not answer within 0.05s"
    assert gave_up.failed


async def test_url_elicitation_errors_surface_the_link() -> None:
    async with create_connected_server_and_client_session(build_workbench()) as session:
        executor = ToolExecutor(session)
        exchange = await executor.execute(ToolCall("connect_calendar", {}))
    assert exchange.error is not None
    assert exchange.error.code == types.URL_ELICITATION_REQUIRED
    assert executor.pending_urls == ["https://auth.example.com/calendar"]
    assert "needs the user to visit" in exchange.error.message


async def test_paginated_catalog_reloads_when_the_server_says_so() -> None:
    watcher = CatalogWatcher()
    model = FakeLLM([LLMReply(tool_calls=[ToolCall("enable_delta", {})]), LLMReply(text="done")])
    async with create_connected_server_and_client_session(build_catalog_server(), message_handler=watcher) as session:
        agent = Agent(session, model, watcher=watcher)
        loaded = await agent.load_tools()
        assert [t.name for t in loaded] == ["alpha", "beta", "gamma", "enable_delta"]
        result = await agent.run("turn on delta")
        assert result.answer == "done"
    assert [t.name for t in agent.tools][-1] == "delta"
    assert not watcher.tools_stale
    assert [t["function"]["name"] for t in model.requests[1].tools][-1] == "delta"
