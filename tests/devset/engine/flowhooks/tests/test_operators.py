"""Operator and sensor tests."""

from __future__ import annotations

from unittest import mock

from mcp.shared.memory import create_connected_server_and_client_session
from mcp.types import CallToolResult, TextContent

from flowhooks_mcp.base import TaskContext, TaskFailed
from flowhooks_mcp.hooks import McpHook, McpHookTimeout
from flowhooks_mcp.operators import McpPromptOperator, McpToolOperator
from flowhooks_mcp.sensors import McpResourceSensor, McpToolAvailableSensor
from tests.fixture_server import STATE, server


def _hook() -> McpHook:
    return McpHook("index", session_factory=lambda: create_connected_server_and_client_session(server))


def _ctx() -> TaskContext:
    return TaskContext(dag_id="nightly", run_id="r1", params={"collection": "docs"})


def test_tool_operator_renders_and_pushes() -> None:
    op = McpToolOperator(
        task_id="reindex",
        mcp_conn_id="index",
        tool_name="reindex",
        arguments={"collection": "{{ params.collection }}"},
        hook=_hook(),
    )
    ctx = _ctx()
    payload = op.execute(ctx)
    assert op.arguments == {"collection": "docs"}
    assert payload["structured"]["documents"] == 42
    assert ctx.xcom_pull("reindex.collection") == "docs"


def test_tool_operator_fails_on_error_result() -> None:
    op = McpToolOperator(
        task_id="boom", mcp_conn_id="index", tool_name="explode", arguments={"reason": "x"}, hook=_hook()
    )
    try:
        op.execute(_ctx())
    except TaskFailed as exc:
        assert "exploded" in str(exc)
    else:
        raise AssertionError("expected TaskFailed")


def test_tool_operator_best_effort() -> None:
    op = McpToolOperator(
        task_id="boom",
        mcp_conn_id="index",
        tool_name="explode",
        arguments={"reason": "x"},
        fail_on_tool_error=False,
        hook=_hook(),
    )
    payload = op.execute(_ctx())
    assert payload["is_error"] is True


def test_tool_operator_retries_timeouts() -> None:
    hook = McpHook("index")
    ok = CallToolResult(content=[TextContent(type="text", text="done")], structuredContent={"n": 1})
    with mock.patch.object(hook, "run_tool", side_effect=[McpHookTimeout("slow", 408), ok]) as run_tool:
        op = McpToolOperator(task_id="t", mcp_conn_id="index", tool_name="slow", retries=1, hook=hook)
        payload = op.execute(_ctx())
    assert run_tool.call_count == 2
    assert payload["structured"] == {"n": 1}


def test_prompt_operator() -> None:
    op = McpPromptOperator(
        task_id="p",
        mcp_conn_id="index",
        prompt_name="summarize",
        prompt_arguments={"collection": "{{ params.collection }}"},
        hook=_hook(),
    )
    messages = op.execute(_ctx())
    assert messages == [{"role": "user", "content": "Summarize the documents in the docs collection."}]


def test_resource_sensor_json_key() -> None:
    STATE["ready"] = True
    sensor = McpResourceSensor(
        task_id="wait", mcp_conn_id="index", uri="status://index", json_key="ready", hook=_hook(), poke_interval=0
    )
    ctx = _ctx()
    assert sensor.poke(ctx) is True
    assert ctx.xcom_pull("sensor_payload")["ready"] is True


def test_tool_available_sensor() -> None:
    sensor = McpToolAvailableSensor(task_id="w", mcp_conn_id="index", tool_name="reindex", hook=_hook())
    assert sensor.poke(_ctx()) is True
    missing = McpToolAvailableSensor(task_id="w2", mcp_conn_id="index", tool_name="vacuum", hook=_hook())
    assert missing.poke(_ctx()) is False
