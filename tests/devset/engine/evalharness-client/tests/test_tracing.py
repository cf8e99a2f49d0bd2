from __future__ import annotations

import os
import sys
from datetime import timedelta

import httpx

sys.path.insert(0, os.path.dirname(__file__))

import mcp.types as types
from mcp.shared.exceptions import McpError
from mcp.shared.memory import create_connected_server_and_client_session

from evalharness.callbacks import MessageCollector, ScriptedSampler
from evalharness.calibration import build_calibration_server
from evalharness.cases import EvalCase
from evalharness.runner import EvalRunner, connect_in_process
from evalharness.tracing import ping_roundtrip
from servers import build_target_server


async def test_every_request_gets_a_timing_row() -> None:
    async with connect_in_process(build_calibration_server()) as conn:
        result = await conn.session.call_tool("echo", {"text": "hi"})
        assert not result.isError
        trace = conn.session.trace
        # call_tool lists tools first so it can validate structured output
        assert [t.method for t in trace.requests] == ["initialize", "tools/call", "tools/list"]
        assert trace.requests[0].request_id == 0
        call = trace.by_method("tools/call")[0]
        assert call.outcome == "ok" and call.elapsed_ms is not None and call.elapsed_ms > 0
        assert trace.summary()["errors"] == 0


async def test_progress_and_log_notifications_are_recorded() -> None:
    async with connect_in_process(build_calibration_server()) as conn:
        await conn.session.set_logging_level("debug")
        case = EvalCase(id="cd", toolName="countdown", arguments={"n": 3}, trackProgress=True)
        score = await EvalRunner(conn).run_case(case)
        assert score.verdict == "pass", score.checks
        assert score.progress == [(1.0, 3.0, "3 left"), (2.0, 3.0, "2 left"), (3.0, 3.0, "1 left")]

        trace = conn.session.trace
        timing = trace.by_method("tools/call")[-1]
        assert timing.progress_events == 3
        assert [r.progress for r in trace.progress_for(timing.request_id)] == [1.0, 2.0, 3.0]
        logs = [n for n in trace.notifications if n.method == "notifications/message"]
        assert [(n.level, n.logger_name) for n in logs] == [("debug", "calibration")] * 3
        assert logs[0].data == {"remaining": 3}


async def test_timeouts_are_classified() -> None:
    async with connect_in_process(build_target_server()) as conn:
        runner = EvalRunner(conn, default_timeout=timedelta(seconds=0.2))
        case = EvalCase(id="slow", toolName="slow_echo", arguments={"text": "z", "delay": 2})
        score = await runner.run_case(case)
        assert score.verdict == "timeout"
        assert score.error is not None and score.error.code == httpx.codes.REQUEST_TIMEOUT
        assert score.error.message.startswith("Timed out while waiting for response to ClientRequest")
        timing = conn.session.trace.by_method("tools/call")[-1]
        assert (timing.outcome, timing.error_code) == ("timeout", 408)


async def test_server_initiated_sampling_is_timed() -> None:
    sampler = ScriptedSampler({"fox": "A fox jumps over a dog."}, default="one two three four five six seven eight 9")
    async with connect_in_process(build_target_server(), sampling_callback=sampler) as conn:
        result = await conn.session.call_tool("summarize", {"text": "The quick brown fox..."})
        block = result.content[0]
        assert isinstance(block, types.TextContent)
        assert block.text == "A fox jumps over a dog. (scripted-model-1, endTurn)"
        timing = conn.session.trace.server_requests[0]
        assert (timing.method, timing.direction, timing.outcome) == ("sampling/createMessage", "server", "ok")
        assert sampler.requests[0].systemPrompt == "One line only."

        block = (await conn.session.call_tool("summarize", {"text": "anything else"})).content[0]
        assert isinstance(block, types.TextContent)
        assert block.text == "one two three four five six seven eight (scripted-model-1, maxTokens)"


async def test_message_handler_sees_list_changes_and_resource_updates() -> None:
    collector = MessageCollector()
    async with connect_in_process(build_calibration_server(page_size=10), message_handler=collector) as conn:
        await conn.session.call_tool("unlock", {})
        await ping_roundtrip(conn.session)
        assert len(collector.of_type(types.ToolListChangedNotification)) == 1
        updates = collector.of_type(types.ResourceUpdatedNotification)
        assert [(u.params.uri.scheme, u.params.uri.host) for u in updates] == [("fixture", "baseline")]
        assert not collector.errors
        assert "secret" in {t.name for t in (await conn.session.list_tools()).tools}


async def test_protocol_errors_surface_as_mcp_error() -> None:
    async with create_connected_server_and_client_session(build_calibration_server()) as session:
        try:
            await session.list_prompts()
        except McpError as exc:
            assert (exc.error.code, exc.error.message) == (types.METHOD_NOT_FOUND, "Method not found")
        else:
            raise AssertionError("calibration server should not serve prompts")
        assert await ping_roundtrip(session) >= 0
