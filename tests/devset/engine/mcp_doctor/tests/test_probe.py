"""Run the doctor against real in-memory servers."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio

from mcp_doctor.checks import Status
from mcp_doctor.connect import Streams
from mcp_doctor.probe import Doctor, Report
from mcp_doctor.report import render_json, render_text
from mcp_doctor.targets import Target, parse_target
from tests.servers import build_broken, build_healthy, memory_transport

TARGET = parse_target("stdio:python -m weather")


def _by_check(report: Report) -> dict[str, tuple[Status, list[str]]]:
    return {r.check: (r.status, r.details) for r in report.results}


def test_healthy_server_passes_everything() -> None:
    doctor = Doctor(transport=memory_transport(build_healthy()))
    report = anyio.run(doctor.examine, TARGET, None)
    assert report.fatal is None
    checks = _by_check(report)
    assert checks["handshake"][0] is Status.OK
    assert checks["identity"][0] is Status.OK
    assert checks["tools"][0] is Status.OK, checks["tools"]
    assert checks["templates"][0] is Status.OK
    assert checks["logging"][0] is Status.SKIP
    assert any("daily_briefing: 1 message(s)" in d for d in checks["prompts"][1])
    assert any("compare: requires city_a, city_b" in d for d in checks["prompts"][1])
    assert checks["safe_calls"] == (Status.OK, [checks["safe_calls"][1][0]])
    assert checks["safe_calls"][1][0].startswith("status: ok, structured")
    assert report.exit_code == 0
    assert report.init is not None and report.init.instructions == "Forecasts for European cities."


def test_broken_server_is_diagnosed() -> None:
    doctor = Doctor(transport=memory_transport(build_broken()))
    report = anyio.run(doctor.examine, TARGET, None)
    checks = _by_check(report)

    status, details = checks["tools"]
    assert status is Status.FAIL
    assert "'stock level': invalid tool name" in details
    assert "stock level: inputSchema must have type 'object'" in details
    assert "purge: readOnlyHint and destructiveHint both set" in details
    assert "count: no description" in details

    status, details = checks["resources"]
    assert status is Status.WARN
    assert "https://example.com/catalog.csv: no mimeType" in details
    assert any("remote URI" in d for d in details)

    status, details = checks["safe_calls"]
    assert status is Status.FAIL
    assert len(details) == 1 and details[0].startswith("count: returned isError"), details

    assert checks["identity"][0] is Status.WARN
    assert checks["logging"][0] is Status.OK
    assert "[info] level set to debug" in report.inbox.logs
    assert checks["prompts"][0] is Status.SKIP
    assert report.exit_code == 2


def test_slow_tool_is_a_warning_not_a_failure() -> None:
    doctor = Doctor(transport=memory_transport(build_healthy(slow_status=True)), call_timeout=0.2)
    report = anyio.run(doctor.examine, TARGET, ["safe_calls", "ping"])
    checks = _by_check(report)
    assert list(checks) == ["ping", "safe_calls"]
    assert checks["safe_calls"] == (Status.WARN, ["status: no answer within 0.2s"])
    assert report.exit_code == 1


def test_reports_render() -> None:
    doctor = Doctor(transport=memory_transport(build_healthy()), call_safe_tools=False)
    report = anyio.run(doctor.examine, TARGET, ["handshake", "tools", "safe_calls"])

    text = render_text(report)
    assert "server weather-healthy 1.28.1, protocol 2025-11-25" in text
    assert "- safe_calls" in text and "skipped" in text
    assert text.endswith("result: ok")

    doc = json.loads(render_json(report))
    assert doc["worst"] == "ok"
    assert doc["server"]["serverInfo"]["name"] == "weather-healthy"
    assert doc["server"]["protocolVersion"] == "2025-11-25"
    assert doc["server"]["capabilities"]["tools"]["listChanged"] is False
    assert [c["check"] for c in doc["checks"]] == ["handshake", "tools", "safe_calls"]


def test_transport_failure_is_fatal() -> None:
    @asynccontextmanager
    async def refuse(target: Target) -> AsyncIterator[Streams]:
        raise ConnectionRefusedError(111, "Connection refused")
        yield  # pragma: no cover

    report = anyio.run(Doctor(transport=refuse).examine, parse_target("http://localhost:1/mcp"), None)
    assert report.fatal is not None and "Connection refused" in report.fatal
    assert report.exit_code == 2
    assert "✘ could not start transport" in render_text(report)
