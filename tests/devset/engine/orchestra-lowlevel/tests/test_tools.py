from __future__ import annotations

from typing import Any

import mcp.types as types
from mcp.client.session import ClientSession
from mcp.shared.context import RequestContext

from orchestra.app import registered_methods
from orchestra.testing import ToolFailed, call_json, connect, text_of, wait_for


async def test_tools_are_listed_with_schemas() -> None:
    async with connect() as session:
        tools = {t.name: t for t in (await session.list_tools()).tools}
        caps = session.get_server_capabilities()
    assert list(tools) == ["list_workflows", "run_workflow", "run_status", "cancel_run"]
    assert tools["run_workflow"].inputSchema["required"] == ["workflow"]
    assert tools["run_status"].outputSchema is not None
    assert tools["list_workflows"].annotations is not None and tools["list_workflows"].annotations.readOnlyHint
    assert caps is not None and caps.resources is not None and caps.resources.listChanged is True
    assert caps.experimental == {"orchestra/runs": {"cancel": True, "approvals": True}}
    assert {"tools/call", "resources/read", "completion/complete", "logging/setLevel"} <= set(registered_methods())


async def test_run_workflow_reports_progress_and_logs() -> None:
    updates: list[tuple[float, float | None, str | None]] = []
    logs: list[types.LoggingMessageNotificationParams] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        updates.append((progress, total, message))

    async def on_log(params: types.LoggingMessageNotificationParams) -> None:
        logs.append(params)

    async with connect(logging_callback=on_log) as session:
        listed = await call_json(session, "list_workflows", {"tag": "ci"})
        assert [w["name"] for w in listed["workflows"]] == ["nightly-build"]

        await session.set_logging_level("info")
        result = await session.call_tool(
            "run_workflow", {"workflow": "nightly-build", "params": {"branch": "release"}}, progress_callback=on_progress
        )
        assert not result.isError
        assert result.structuredContent is not None
        assert result.structuredContent["status"] == "succeeded"
        run_id = result.structuredContent["run_id"]
        status = await call_json(session, "run_status", {"run_id": run_id})
        assert [s["status"] for s in status["steps"]] == ["succeeded"] * 3
        await wait_for(lambda: len(logs) >= 1)

    assert [u[0] for u in updates] == [1, 2, 3]
    assert updates[0][1] == 3 and updates[0][2] == "checkout: succeeded"
    assert logs[0].logger == "orchestra"
    assert isinstance(logs[0].data, dict) and logs[0].data["event"] == "run-started"
    assert all(log.level != "debug" for log in logs)


async def test_failures_become_error_results() -> None:
    async with connect() as session:
        failed = await session.call_tool("run_workflow", {"workflow": "rotate-keys"})
        assert failed.isError and "failed at step 'upload' after 2 attempts" in text_of(failed)

        invalid = await session.call_tool("run_workflow", {"params": {}})
        assert invalid.isError and text_of(invalid).startswith("Input validation error")

        unknown_run = await session.call_tool("run_status", {"run_id": "run-missing"})
        assert unknown_run.isError and "unknown run 'run-missing'" in text_of(unknown_run)

        unknown_tool = await session.call_tool("drop_database", {})
        assert unknown_tool.isError

        try:
            await call_json(session, "run_workflow", {"workflow": "no-such-flow"})
        except ToolFailed as exc:
            assert "try list_workflows" in exc.text
        else:
            raise AssertionError("expected ToolFailed")


async def test_deploy_asks_for_approval() -> None:
    answers = [
        types.ElicitResult(action="accept", content={"approve": True, "note": "change #42"}),
        types.ElicitResult(action="decline"),
    ]
    asked: list[str] = []

    async def on_elicit(
        context: RequestContext[ClientSession, Any], params: types.ElicitRequestParams
    ) -> types.ElicitResult | types.ErrorData:
        assert isinstance(params, types.ElicitRequestFormParams)
        assert params.requestedSchema["required"] == ["approve"]
        asked.append(params.message)
        return answers.pop(0)

    async with connect(elicitation_callback=on_elicit) as session:
        approved = await call_json(session, "run_workflow", {"workflow": "deploy-service", "params": {"service": "api", "env": "prod"}})
        declined = await call_json(session, "run_workflow", {"workflow": "deploy-service", "params": {"service": "web", "env": "prod"}})
        cancel = await session.call_tool("cancel_run", {"run_id": approved["run_id"]})

    assert approved["status"] == "succeeded"
    assert declined["status"] == "cancelled"
    assert [s["status"] for s in declined["steps"]] == ["succeeded", "succeeded", "pending"]
    assert asked[0].startswith("Approve step 'approve' of deploy-service")
    assert text_of(cancel) == f"{approved['run_id']} is succeeded"
    link = cancel.content[1]
    assert isinstance(link, types.ResourceLink) and str(link.uri) == f"orchestra://runs/{approved['run_id']}"
