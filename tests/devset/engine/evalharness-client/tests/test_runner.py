from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.path.dirname(__file__))

import mcp.types as types

from evalharness.calibration import CALIBRATION_SUITE, FIXTURES, build_calibration_server
from evalharness.cases import CaseSuite
from evalharness.report import EvalReport, tool_snapshot
from evalharness.runner import EvalRunner, build_call, connect_in_process
from servers import TARGET_SUITE, build_target_server


async def test_calibration_suite_passes() -> None:
    async with connect_in_process(build_calibration_server()) as conn:
        report = await EvalRunner(conn).run_suite(CALIBRATION_SUITE, name="calibration")
        assert {c.case_id: c.failed_checks for c in report.cases if c.verdict != "pass"} == {}
        assert report.pass_rate == 1.0
        assert (report.server.name, report.server.version) == ("evalharness-calibration", "0.3.0")
        assert report.capabilities.experimental == {"evalharness": {"tracing": True}}


async def test_tool_discovery_follows_cursors() -> None:
    async with connect_in_process(build_calibration_server(page_size=2)) as conn:
        tools = await EvalRunner(conn).discover_tools()
        assert [t.name for t in tools] == ["echo", "stats", "countdown", "unlock"]
        assert len(conn.session.trace.by_method("tools/list")) == 2
        assert (await conn.session.list_tools()).nextCursor == "2"
        assert tools[0].annotations is not None and tools[0].annotations.readOnlyHint is True


async def test_fastmcp_target_suite() -> None:
    async with connect_in_process(build_target_server()) as conn:
        assert conn.init.serverInfo.name == "eval-target"
        assert conn.init.instructions == "Arithmetic, text and media helpers."
        runner = EvalRunner(conn)
        report = await runner.run_suite(TARGET_SUITE, name="target")
        failures = {c.case_id: c.failed_checks for c in report.cases if c.verdict != "pass"}
        assert failures == {}
        badge = next(s for s in runner.scores if s.case_id == "badge")
        assert badge.result is not None
        image = badge.result.content[0]
        assert isinstance(image, types.ImageContent) and image.mimeType == "image/png"
        link = next(c for c in report.cases if c.case_id == "link")
        assert link.blocks == [{"type": "resource_link", "scheme": "fixtures", "host": "g", "mimeType": "text/plain"}]


async def test_case_metadata_reaches_the_server() -> None:
    suite = CaseSuite.model_validate([{"id": "meta-1", "toolName": "case_meta", "tags": ["smoke", "meta"]}])
    case = suite.get("meta-1")
    request = build_call(case)
    wire = request.model_dump(by_alias=True, mode="json", exclude_none=True)
    assert wire["params"]["_meta"] == {"evalCaseId": "meta-1", "evalTags": "smoke,meta"}
    async with connect_in_process(build_target_server()) as conn:
        result = await conn.session.send_request(request, types.CallToolResult)
        assert result.structuredContent == {"caseId": "meta-1", "tags": "smoke,meta"}


async def test_capabilities_and_fixtures() -> None:
    async with connect_in_process(build_calibration_server()) as conn:
        runner = EvalRunner(conn)
        caps = await runner.probe_capabilities()
        assert caps == {"tools": True, "toolsListChanged": True, "logging": True, "prompts": False}
        assert await runner.read_fixture("fixture://unicode") == FIXTURES["unicode"]
        listing = await conn.session.list_resources()
        assert [(r.uri.host, r.mimeType) for r in listing.resources] == [
            ("baseline", "text/plain"),
            ("unicode", "text/plain"),
        ]

    async with connect_in_process(build_target_server()) as conn:
        runner = EvalRunner(conn)
        assert (await runner.probe_capabilities())["prompts"] is True
        assert await runner.read_fixture("fixtures://greeting") == "fixture body for greeting"


async def test_report_exports_wire_shaped_json() -> None:
    async with connect_in_process(build_calibration_server()) as conn:
        report = await EvalRunner(conn).run_suite(CALIBRATION_SUITE.tagged("validation"), name="validation")

    dumped = report.model_dump(mode="json")
    echo = next(t for t in dumped["tools"] if t["name"] == "echo")
    assert echo["inputSchema"]["required"] == ["text"]
    assert echo["annotations"]["readOnlyHint"] is True
    case = dumped["cases"][0]
    assert case["result"]["isError"] is True and case["result"]["structuredContent"] is None
    assert case["blocks"] == [{"type": "text", "chars": len(case["result"]["content"][0]["text"])}]
    summary = report.summary()
    assert summary["passRate"] == 1.0 and summary["capabilities"]["tools"]["listChanged"] is True

    with tempfile.TemporaryDirectory() as tmp:
        path = report.write(Path(tmp) / "runs" / "validation.json")
        text = path.read_text(encoding="utf-8")
    assert '"isError": true' in text and '"inputSchema"' in text
    reloaded = EvalReport.model_validate_json(text)
    assert reloaded.tools == report.tools and reloaded.cases == report.cases
    assert json.loads(text)["trace_summary"]["requests"] == report.trace_summary["requests"]


async def test_snapshots_detect_tool_changes() -> None:
    async with connect_in_process(build_calibration_server(page_size=10)) as conn:
        runner = EvalRunner(conn)
        before = await runner.discover_tools()
        await conn.session.call_tool("unlock", {})
        after = await runner.discover_tools()

    snap = tool_snapshot(before[1])
    assert snap["inputSchema"]["properties"]["values"]["items"] == {"type": "number"}
    assert snap["outputSchema"]["required"] == ["count", "mean", "max"]
    assert (snap["argumentNames"], snap["hasOutputSchema"]) == (["values"], True)
    assert tool_snapshot(before[0])["readOnly"] is True
    assert [t.name for t in after if t.name not in {b.name for b in before}] == ["secret"]

