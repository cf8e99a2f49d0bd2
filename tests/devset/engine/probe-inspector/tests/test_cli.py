"""CLI runs: transports are patched to in-memory servers except for the stdio test."""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any
from unittest import mock

sys.path.insert(0, os.path.dirname(__file__))

import anyio

from mcp.shared.message import SessionMessage

from catalog_server import build_catalog_server
from probe_inspector import cli
from probe_inspector.demo_server import build_demo_server
from probe_inspector.settings import ServerEntry
from probe_inspector.transports import BearerAuth, open_transport
from support import fake_open_transport


async def _run_cli(argv: list[str], server: Any = None) -> tuple[int, str, str, list[ServerEntry]]:
    out, err = io.StringIO(), io.StringIO()
    seen: list[ServerEntry] = []
    if server is None:
        return await cli.run(argv, out=out, err=err), out.getvalue(), err.getvalue(), seen
    with mock.patch("probe_inspector.inspector.open_transport", fake_open_transport(server, seen)):
        code = await cli.run(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue(), seen


async def test_cli_commands_and_exit_codes() -> None:
    argv = ["--transport", "sse", "--url", "http://127.0.0.1:9000/sse", "--header", "X-Debug=1", "list", "tools"]
    code, out, _, seen = await _run_cli(argv, build_demo_server())
    assert code == 0 and seen[0].transport == "sse" and seen[0].headers == {"X-Debug": "1"}
    assert out.startswith("Tools (11)\n  echo -- Echo  [read-only, idempotent, closed-world]\n")

    argv = ["--json", "--command", "demo", "call", "add", "--arg", "operands=[2, 3]"]
    code, out, _, _ = await _run_cli(argv, build_demo_server())
    assert code == 0 and json.loads(out)["structuredContent"] == {"total": 5.0, "operands": [2.0, 3.0]}

    code, out, _, _ = await _run_cli(["--command", "demo", "call", "countdown", "--arg", "steps=2"], build_demo_server())
    assert "  .. 50.0% 1 left" in out and "log:\n  [info] -: starting countdown from 2" in out

    code, out, _, _ = await _run_cli(["--command", "x", "prompt", "triage", "--arg", "ticket=T-1"], build_catalog_server())
    assert out.splitlines() == ["Ticket triage", "user: Triage ticket T-1 for team unassigned."]

    code, _, err, _ = await _run_cli(["--command", "x", "read", "nope://x"], build_catalog_server())
    assert code == 1 and "(code -32602)" in err
    code, _, err, _ = await _run_cli(["--command", "demo", "call", "fail"], build_demo_server())
    assert code == 1 and err == ""
    code, _, err, _ = await _run_cli(["--server", "ghost", "info"])
    assert code == 2 and "unknown server 'ghost'" in err


async def test_http_transports_get_headers_auth_and_timeouts() -> None:
    calls: dict[str, dict[str, Any]] = {}

    def fake(kind: str, *extra: Any):
        @asynccontextmanager
        async def _client(url: str, **kwargs: Any) -> AsyncIterator[tuple[Any, ...]]:
            calls[kind] = {"url": url, **kwargs}
            send, recv = anyio.create_memory_object_stream[SessionMessage | Exception](1)
            out_send, out_recv = anyio.create_memory_object_stream[SessionMessage](1)
            async with send, recv, out_send, out_recv:
                yield (recv, out_send, *extra)

        return _client

    entry = ServerEntry(name="remote", transport="streamable-http", url="https://mcp.example.com/mcp", bearer_token="s3cret")
    with mock.patch("probe_inspector.transports.streamablehttp_client", fake("http", lambda: "sess-42")):
        async with open_transport(entry, timeout=timedelta(seconds=12)) as handle:
            assert handle.session_id() == "sess-42"
    http = calls["http"]
    assert http["url"] == "https://mcp.example.com/mcp"
    assert (http["timeout"], http["sse_read_timeout"]) == (timedelta(seconds=12), timedelta(minutes=5))
    assert isinstance(http["auth"], BearerAuth) and http["auth"].token == "s3cret"

    with mock.patch("probe_inspector.transports.sse_client", fake("sse")):
        legacy = ServerEntry(name="legacy", transport="sse", port=9100)
        async with open_transport(legacy, timeout=timedelta(seconds=3)) as handle:
            assert handle.session_id() is None
    assert calls["sse"]["url"] == "http://127.0.0.1:9100/sse"
    assert (calls["sse"]["timeout"], calls["sse"]["sse_read_timeout"], calls["sse"]["auth"]) == (3.0, 300.0, None)


async def test_stdio_round_trip_with_real_subprocess() -> None:
    command = f"{sys.executable} -m probe_inspector.demo_server --transport stdio"
    with anyio.fail_after(30):
        argv = ["--timeout", "20", "--command", command, "call", "echo", "--arg", "text=hi", "--arg", "repeat=2"]
        code, out, err, _ = await _run_cli(argv)
    assert code == 0, err
    assert out.splitlines()[:2] == ["ok", "    hi hi"]
