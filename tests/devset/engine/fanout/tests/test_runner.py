"""Runner, pool and report tests."""

from __future__ import annotations

import io
import json
import tempfile
from datetime import timedelta
from pathlib import Path
from unittest import mock

import anyio

from mcp.shared.exceptions import McpError
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.types import CallToolResult, ErrorData, TextContent

from fanout.jobs import Job, JobFileError, ServerSpec, iter_jobs
from fanout.pool import SessionPool, UnknownServer
from fanout.progress import ProgressBoard
from fanout.report import outcome_record, summarize, write_jsonl
from fanout.runner import BatchRunner, JobOutcome
from tests.echo_server import build_server


def _jobs() -> list[Job]:
    return [
        Job(id="e1", server="echo", tool="echo", arguments={"text": "hello"}),
        Job(id="c1", server="echo", tool="count", arguments={"n": 3}),
        Job(id="f1", server="echo", tool="flaky", arguments={"key": "k"}),
        Job(id="x1", server="echo", tool="missing"),
        Job(id="y1", server="nowhere", tool="echo"),
    ]


def test_server_spec_parse() -> None:
    spec = ServerSpec.parse("search=stdio:python -m search_server --ro")
    assert spec.kind == "stdio" and spec.command == ["python", "-m", "search_server", "--ro"]
    http = ServerSpec.parse("geo=http://geo:8000/mcp")
    assert http.kind == "http" and http.url == "http://geo:8000/mcp"


def test_iter_jobs_rejects_duplicates() -> None:
    lines = ['{"id": "a", "server": "s", "tool": "t"}', "", '{"id": "a", "server": "s", "tool": "t"}']
    try:
        list(iter_jobs(lines))
    except JobFileError as exc:
        assert exc.line == 3
    else:
        raise AssertionError("duplicate not detected")


def test_batch_in_memory() -> None:
    board = ProgressBoard(stream=io.StringIO())

    async def main() -> None:
        async with SessionPool() as pool:
            async with create_connected_server_and_client_session(
                build_server(), read_timeout_seconds=timedelta(seconds=5)
            ) as session:
                await pool.adopt("echo", session, server_name="echo-fixture")
                assert set(pool.get("echo").tools) == {"echo", "count", "flaky"}
                runner = BatchRunner(pool, concurrency=2, retries=0, board=board)
                outcomes = await runner.run(_jobs())

        by_id = {o.job.id: o for o in outcomes}
        assert by_id["e1"].ok
        assert by_id["c1"].ok
        c1 = by_id["c1"].result
        assert c1 is not None and c1.structuredContent == {"counted": 3}
        assert by_id["c1"].progress_updates == 3
        assert by_id["f1"].status == "tool_error"
        assert "flaky failure" in (by_id["f1"].error or "")
        assert by_id["x1"].status == "skipped"
        assert by_id["y1"].status == "skipped"

    anyio.run(main)


def test_retry_on_timeout_code() -> None:
    session = mock.AsyncMock()
    ok = CallToolResult(content=[TextContent(type="text", text="fine")])
    session.call_tool.side_effect = [McpError(ErrorData(code=408, message="Timed out")), ok]
    session.list_tools.return_value = mock.Mock(tools=[mock.Mock()], nextCursor=None)
    session.list_tools.return_value.tools[0].name = "slow"
    session.get_server_capabilities = mock.Mock(return_value=None)

    async def main() -> None:
        pool = SessionPool()
        await pool.adopt("s", session)
        runner = BatchRunner(pool, retries=2, backoff=0)
        [outcome] = await runner.run([Job(id="j", server="s", tool="slow", timeout=3)])
        assert outcome.ok and outcome.attempts == 2
        _, kwargs = session.call_tool.call_args
        assert kwargs["read_timeout_seconds"] == timedelta(seconds=3)
        assert kwargs["meta"]["job_id"] == "j"

    anyio.run(main)


def test_invalid_params_not_retried() -> None:
    session = mock.AsyncMock()
    session.call_tool.side_effect = McpError(ErrorData(code=-32602, message="bad args"))
    session.list_tools.return_value = mock.Mock(tools=[mock.Mock()], nextCursor=None)
    session.list_tools.return_value.tools[0].name = "t"
    session.get_server_capabilities = mock.Mock(return_value=None)

    async def main() -> None:
        pool = SessionPool()
        await pool.adopt("s", session)
        [outcome] = await BatchRunner(pool, retries=3).run([Job(id="j", server="s", tool="t")])
        assert outcome.status == "failed"
        assert outcome.attempts == 1
        assert outcome.error_code == -32602

    anyio.run(main)


def test_pool_unknown_server() -> None:
    try:
        SessionPool().get("nope")
    except UnknownServer:
        pass
    else:
        raise AssertionError("expected UnknownServer")


def test_report_roundtrip() -> None:
    async def main() -> list[JobOutcome]:
        async with create_connected_server_and_client_session(build_server()) as session:
            pool = SessionPool()
            await pool.adopt("echo", session)
            return await BatchRunner(pool).run(_jobs()[:2])

    outcomes = anyio.run(main)
    record = outcome_record(outcomes[1])
    assert record["data"] == {"counted": 3}
    assert record["result"]["structuredContent"] == {"counted": 3}
    assert "isError" in record["result"]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "r.jsonl"
        assert write_jsonl(outcomes, out) == 2
        lines = [json.loads(line) for line in out.read_text().splitlines()]
        assert [rec["id"] for rec in lines] == ["e1", "c1"]
    buf = io.StringIO()
    counts = summarize(outcomes, buf)
    assert counts["ok"] == 2 and "2 jobs" in buf.getvalue()
