from __future__ import annotations

from typing import Any

import anyio
from pydantic import AnyUrl

from mcp.shared.exceptions import McpError
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.types import (
    CancelledNotification,
    CancelledNotificationParams,
    ClientNotification,
    LoggingMessageNotificationParams,
    ResourceTemplateReference,
    TextContent,
    TextResourceContents,
)

from sandbox_runner.server import server


def _text(result: Any) -> str:
    block = result.content[0]
    assert isinstance(block, TextContent)
    return block.text


async def _tools_are_declared() -> None:
    async with create_connected_server_and_client_session(server) as session:
        listing = await session.list_tools()
        run_python = next(t for t in listing.tools if t.name == "run_python")
        assert run_python.inputSchema["required"] == ["code"]
        assert run_python.outputSchema is not None
        assert "exit_code" in run_python.outputSchema["properties"]
        assert run_python.annotations is not None and run_python.annotations.destructiveHint is False


def test_tools_are_declared() -> None:
    anyio.run(_tools_are_declared)


async def _run_with_progress() -> None:
    seen: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        seen.append((progress, total, message))

    async with create_connected_server_and_client_session(server) as session:
        result = await session.call_tool(
            "run_python",
            {"code": "for i in range(3):\n    print(f'step {i}')"},
            progress_callback=on_progress,
        )
        assert not result.isError, _text(result)
        assert result.structuredContent is not None
        assert result.structuredContent["exit_code"] == 0
        assert result.structuredContent["stdout"] == "step 0\nstep 1\nstep 2\n"
    # one progress notification per line, cumulative
    assert [p[0] for p in seen] == [1.0, 2.0, 3.0]
    assert [p[2] for p in seen] == ["step 0", "step 1", "step 2"]


def test_run_with_progress() -> None:
    anyio.run(_run_with_progress)


async def _failures_and_errors() -> None:
    async with create_connected_server_and_client_session(server) as session:
        failed = await session.call_tool("run_python", {"code": "raise SystemExit(3)"})
        assert not failed.isError
        assert failed.structuredContent is not None and failed.structuredContent["exit_code"] == 3

        timed_out = await session.call_tool("run_python", {"code": "while True: pass", "timeout_seconds": 0.5})
        assert timed_out.isError
        assert _text(timed_out) == "execution timed out after 0.5s"

        invalid = await session.call_tool("run_python", {"source": "print(1)"})
        assert invalid.isError
        assert _text(invalid).startswith("Input validation error")

        unknown = await session.call_tool("format_disk", {})
        assert unknown.isError
        assert "Unknown tool" in _text(unknown)

        runs = await session.call_tool("list_runs", {"limit": 2})
        assert runs.structuredContent is not None
        assert [r["status"] for r in runs.structuredContent["runs"]] == ["timeout", "failed"]


def test_failures_and_errors() -> None:
    anyio.run(_failures_and_errors)


async def _cancellation_kills_the_run() -> None:
    started = anyio.Event()
    outcome: dict[str, str] = {}

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        started.set()

    async with create_connected_server_and_client_session(server) as session:
        request_id = session._request_id  # id the next request will be sent with

        async def call() -> None:
            try:
                await session.call_tool(
                    "run_python",
                    {"code": "import time\nprint('ready')\ntime.sleep(30)", "timeout_seconds": 60},
                    progress_callback=on_progress,
                )
            except McpError as exc:
                outcome["error"] = exc.error.message

        with anyio.fail_after(15):
            async with anyio.create_task_group() as tg:
                tg.start_soon(call)
                await started.wait()
                await session.send_notification(
                    ClientNotification(
                        CancelledNotification(
                            params=CancelledNotificationParams(requestId=request_id, reason="user pressed stop")
                        )
                    )
                )
        assert outcome == {"error": "Request cancelled"}

        # the error response races the handler's own cleanup, so poll briefly
        status = "running"
        with anyio.fail_after(5):
            while status == "running":
                runs = await session.call_tool("list_runs", {"limit": 1})
                assert runs.structuredContent is not None
                status = runs.structuredContent["runs"][0]["status"]
                await anyio.sleep(0.05)
        assert status == "cancelled"


def test_cancellation_kills_the_run() -> None:
    anyio.run(_cancellation_kills_the_run)


async def _outputs_as_resources() -> None:
    logs: list[LoggingMessageNotificationParams] = []

    async def on_log(params: LoggingMessageNotificationParams) -> None:
        logs.append(params)

    async with create_connected_server_and_client_session(server, logging_callback=on_log) as session:
        await session.set_logging_level("debug")
        result = await session.call_tool("run_python", {"code": "print('persisted')"})
        assert result.structuredContent is not None
        run_id = result.structuredContent["run_id"]
        assert logs and logs[0].logger == "sandbox.stdout"
        assert logs[0].data == {"run_id": run_id, "line": "persisted"}

        listed = await session.list_resources()
        uri = f"sandbox://runs/{run_id}/output"
        assert uri in [str(r.uri) for r in listed.resources]

        read = await session.read_resource(AnyUrl(uri))
        body = read.contents[0]
        assert isinstance(body, TextResourceContents)
        assert body.text == "persisted\n"
        assert body.mimeType == "text/plain"

        templates = await session.list_resource_templates()
        assert templates.resourceTemplates[0].uriTemplate == "sandbox://runs/{run_id}/output"

        completion = await session.complete(
            ResourceTemplateReference(type="ref/resource", uri="sandbox://runs/{run_id}/output"),
            {"name": "run_id", "value": run_id[:6]},
        )
        assert run_id in completion.completion.values


def test_outputs_as_resources() -> None:
    anyio.run(_outputs_as_resources)
