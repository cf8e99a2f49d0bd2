from __future__ import annotations

from typing import Any, cast

from mcp.client.session import ClientSession
from mcp.server.fastmcp.exceptions import ToolError
from mcp.shared.context import RequestContext
from mcp.types import (
    CallToolResult,
    CreateMessageRequestParams,
    CreateMessageResult,
    ElicitRequestFormParams,
    ElicitRequestParams,
    ElicitResult,
    ErrorData,
    TextContent,
)

from buildops.app import get_server
from buildops.server import BUILD_QUEUE
from tests.support import LogSink, connect, reset_state, seed_builds


def _text(result: CallToolResult) -> str:
    return "\n".join(block.text for block in result.content if isinstance(block, TextContent))


async def test_tool_catalogue_metadata() -> None:
    reset_state()
    async with connect() as session:
        listing = await session.list_tools()
    tools = {tool.name: tool for tool in listing.tools}

    assert {"list_builds", "get_build", "trigger_build", "cancel_build", "retry_step", "explain_failure"} <= set(tools)
    assert listing.nextCursor is None
    trigger = tools["trigger_build"]
    assert trigger.title == "Trigger build"
    assert trigger.inputSchema["required"] == ["pipeline"]
    assert "ctx" not in trigger.inputSchema["properties"]
    assert trigger.outputSchema is not None and "failed_steps" in trigger.outputSchema["properties"]
    annotations = tools["get_build"].annotations
    assert annotations is not None and annotations.readOnlyHint is True and annotations.openWorldHint is False
    cancel = tools["cancel_build"].annotations
    assert cancel is not None and cancel.destructiveHint is True


async def test_trigger_build_reports_progress_and_logs() -> None:
    reset_state()
    logs = LogSink()
    updates: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        updates.append((progress, total, message))

    async with connect(logs=logs) as session:
        result = await session.call_tool(
            "trigger_build",
            {"pipeline": "billing", "ref": "release/2.4"},
            progress_callback=on_progress,
            meta={"client_id": "alice"},
        )
        failed = await session.call_tool("trigger_build", {"pipeline": "api-gateway", "fail_step": "test"})

    assert result.isError is False and result.structuredContent is not None
    status = result.structuredContent
    assert (status["build_id"], status["state"], status["ref"]) == ("billing-1", "passed", "release/2.4")
    assert status["requested_by"] == "alice"
    assert [u[0] for u in updates] == [1, 2, 3, 4, 5]
    assert updates[-1] == (5, 5, "package: passed")
    assert any("queued billing-1 for alice" in m for m in logs.messages("info"))
    assert logs.records[0].logger == "buildops.trigger"

    assert failed.structuredContent is not None
    assert failed.structuredContent["state"] == "failed"
    assert failed.structuredContent["failed_steps"] == ["test"]
    assert failed.structuredContent["requested_by"] == "anonymous"
    assert logs.messages("warning") == ["api-gateway-1: step test failed"]


async def test_tool_errors_become_error_results() -> None:
    reset_state()
    async with connect() as session:
        missing = await session.call_tool("get_build", {"build_id": "api-gateway-99"})
        bad_pipeline = await session.call_tool("trigger_build", {"pipeline": "nope"})

    assert missing.isError is True
    assert "Unknown build 'api-gateway-99'" in _text(missing)
    assert bad_pipeline.isError is True
    assert "unknown pipeline 'nope'" in _text(bad_pipeline)


async def test_list_builds_paginates_with_next_cursor() -> None:
    reset_state()
    seed_builds("api-gateway", 5, fail_every=2)
    seen: list[str] = []
    cursor: str | None = None
    pages = 0
    async with connect() as session:
        while True:
            args: dict[str, Any] = {"pipeline": "api-gateway", "limit": 2}
            if cursor:
                args["cursor"] = cursor
            page = await session.call_tool("list_builds", args)
            assert page.isError is False and page.structuredContent is not None
            seen.extend(b["buildId"] for b in page.structuredContent["builds"])
            cursor = page.structuredContent["nextCursor"]
            pages += 1
            if cursor is None:
                break
        failed_only = await session.call_tool("list_builds", {"state": "failed"})

    assert pages == 3
    assert seen == [f"api-gateway-{n}" for n in (5, 4, 3, 2, 1)]
    assert failed_only.structuredContent is not None
    assert [b["buildId"] for b in failed_only.structuredContent["builds"]] == ["api-gateway-4", "api-gateway-2"]
    assert all(b["isError"] for b in failed_only.structuredContent["builds"])


async def test_cancel_build_asks_for_confirmation() -> None:
    reset_state()
    queued = BUILD_QUEUE.enqueue("web-frontend", "feature/x", requested_by="bob")
    other = BUILD_QUEUE.enqueue("web-frontend", "feature/y", requested_by="bob")
    prompts: list[str] = []
    answers = iter(["accept", "decline"])

    async def on_elicit(
        context: RequestContext[ClientSession, Any], params: ElicitRequestParams
    ) -> ElicitResult | ErrorData:
        assert isinstance(params, ElicitRequestFormParams)
        assert set(params.requestedSchema["properties"]) == {"confirm", "reason"}
        prompts.append(params.message)
        if next(answers) == "accept":
            return ElicitResult(action="accept", content={"confirm": True, "reason": "wrong branch"})
        return ElicitResult(action="decline")

    async with connect(elicitation_callback=on_elicit) as session:
        first = await session.call_tool("cancel_build", {"build_id": queued.build_id})
        second = await session.call_tool("cancel_build", {"build_id": other.build_id})
        again = await session.call_tool("cancel_build", {"build_id": queued.build_id})

    assert _text(first) == "cancelled web-frontend-1"
    assert _text(second) == "user declined; web-frontend-2 left running"
    assert _text(again) == "web-frontend-1 already cancelled; nothing to cancel"
    assert len(prompts) == 2 and "feature/x" in prompts[0]
    assert BUILD_QUEUE.get(other.build_id).state == "queued"


async def test_explain_failure_samples_client_model() -> None:
    reset_state()
    [build_id] = seed_builds("billing", 1, fail_every=1)
    seen: list[CreateMessageRequestParams] = []

    async def on_sample(
        context: RequestContext[ClientSession, Any], params: CreateMessageRequestParams
    ) -> CreateMessageResult:
        seen.append(params)
        return CreateMessageResult(
            role="assistant",
            content=TextContent(type="text", text="The test step exited with status 1."),
            model="triage-small",
            stopReason="endTurn",
        )

    async with connect(sampling_callback=on_sample) as session:
        result = await session.call_tool("explain_failure", {"build_id": build_id})

    assert _text(result) == "[triage-small] The test step exited with status 1."
    [params] = seen
    assert params.maxTokens == 300
    assert params.systemPrompt is not None and "two sentences" in params.systemPrompt
    assert params.stopSequences == ["\n\n\n"]
    first = params.messages[0].content
    assert isinstance(first, TextContent) and "test: exit status 1" in first.text


async def test_retry_checks_and_tail_log() -> None:
    reset_state()
    [build_id] = seed_builds("api-gateway", 1, fail_every=1)
    updates: list[float] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        updates.append(progress)

    async with connect() as session:
        tail = await session.call_tool("tail_log", {"build_id": build_id, "lines": 3})
        retry = await session.call_tool("retry_step", {"build_id": build_id, "step": "test"})
        twice = await session.call_tool("retry_step", {"build_id": build_id, "step": "test"})
        checks = await session.call_tool("run_checks", {"pipeline": "web-frontend"}, progress_callback=on_progress)

    assert len(tail.content) == 2 and _text(tail).splitlines()[-1] == "failed: test"
    assert retry.isError is False and retry.structuredContent is not None
    assert retry.structuredContent["backoff"] == 30.0 and retry.structuredContent["notBefore"] > 0
    assert BUILD_QUEUE.get(build_id).state == "queued"
    assert twice.isError is True and "only failed steps can be retried" in _text(twice)
    assert "matrix: linux/py3.12, macos/py3.12" in _text(checks)
    assert updates == [1.0, 2.0, 3.0]


async def test_direct_server_calls_without_session() -> None:
    reset_state()
    seed_builds("billing", 2)
    server = get_server()

    prompt = await server.get_prompt("release_notes", {"pipeline": "billing", "from_ref": "2.3.0", "to_ref": "2.4.0"})
    assert isinstance(prompt.messages[0].content, TextContent)
    assert "Green builds seen on: trunk" in prompt.messages[0].content.text

    contents = list(await server.read_resource("buildops://pipelines"))
    assert contents[0].mime_type == "application/json"
    assert '"defaultBranch": "trunk"' in str(contents[0].content)

    raw = cast(Any, await server.call_tool("pipeline_matrix", {"pipeline": "api-gateway"}))
    blocks, structured = raw if isinstance(raw, tuple) else (raw, None)
    assert structured == {"result": ["linux/py3.11", "linux/py3.12"]}
    assert isinstance(blocks[0], TextContent)
    try:
        await server.call_tool("get_build", {"build_id": "billing-1"})
    except ToolError as exc:
        assert "Context is not available outside of a request" in str(exc)
    else:
        raise AssertionError("get_build needs a request context")
