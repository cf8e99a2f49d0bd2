from __future__ import annotations

import os
import sys
from datetime import timedelta

sys.path.insert(0, os.path.dirname(__file__))

from servers import build_paged_server, build_weather_server

from toolbridge import MultiServerMCPClient, load_mcp_tools, load_tools_from_client
from toolbridge.config import InMemoryConnection
from toolbridge.sessions import list_all_tools
from toolbridge.tools import MCPToolAdapter, ToolTimeoutError, call_tool_with_retry


def _weather() -> dict[str, InMemoryConnection]:
    return {"weather": {"transport": "memory", "server": build_weather_server()}}


async def test_load_and_invoke_weather_tools() -> None:
    async with MultiServerMCPClient(_weather()) as client:
        toolbox = {t.name: t for t in await load_tools_from_client(client)}
        assert "weather__get_forecast" in toolbox
        assert "weather__long_job" in toolbox

        forecast = toolbox["weather__get_forecast"]
        assert forecast.spec.read_only is True
        assert "open-world" in forecast.spec.tags
        assert forecast.spec.returns is not None
        assert forecast.spec.returns["properties"]["high_c"]["type"] == "array"
        assert forecast.metadata == {"mcp_tool": "get_forecast", "server": "weather", "structured": True}

        output = await forecast.ainvoke({"city": "Oslo", "days": 3})
        assert not output.isError
        assert output.artifact is not None
        structured = output.artifact["structuredContent"]
        assert structured["high_c"] == [12.5, 14.0, 15.5]
        assert structured["summary"] == "3-day outlook for Oslo"

        temp = toolbox["weather__current_temp"]
        enum_param = next(p for p in temp.spec.parameters if p.name == "city")
        assert enum_param.enum == ["oslo", "lima"]
        assert (await temp.ainvoke('{"city": "lima", "unit": "f"}')).text == "lima: 66.2F"

        radar = await toolbox["weather__radar_image"].ainvoke()
        assert radar.parts[0].type == "image" and radar.parts[0].mimeType == "image/png"

        report = await toolbox["weather__station_report"].ainvoke({"station": "OSL"})
        assert [p.type for p in report.parts] == ["text", "json", "file"]
        assert report.parts[1].value == {"station": "OSL", "pressure_hpa": 1013, "wind_kts": 12}
        assert report.parts[1].uri == "weather://stations/OSL"
        assert report.parts[2].uri == "https://files.example.com/reports/OSL.pdf"


async def test_tool_errors_timeouts_and_progress() -> None:
    server = build_weather_server()
    async with MultiServerMCPClient({"weather": {"transport": "memory", "server": server}}) as client:
        session = client.get_session("weather")

        tools = {t.name: t for t in await load_mcp_tools(session)}
        soft = await tools["fail"].ainvoke({"reason": "maintenance"})
        assert soft.isError and "station offline: maintenance" in soft.text

        try:
            await call_tool_with_retry(session, "slow", {"seconds": 1.0}, timeout=timedelta(milliseconds=50), retries=1)
        except ToolTimeoutError as exc:
            assert exc.tool_name == "slow"
        else:
            raise AssertionError("expected a timeout")

        quick = MCPToolAdapter(session, timeout=timedelta(milliseconds=50))
        slow_tool = quick.wrap(next(t for t in await list_all_tools(session) if t.name == "slow"))
        assert (await slow_tool.ainvoke({"seconds": 1.0})).text == "slow timed out"

        seen: list[tuple[float, float | None, str | None]] = []

        async def on_progress(progress: float, total: float | None, message: str | None) -> None:
            seen.append((progress, total, message))

        result = await session.call_tool("long_job", {"steps": 3}, progress_callback=on_progress)
        assert result.content[0].type == "text"
        assert seen == [(1, 3, "step 1"), (2, 3, "step 2"), (3, 3, "step 3")]
        assert client.logs.messages("weather") == ["long_job finished 3 steps"]


async def test_paginated_lowlevel_server() -> None:
    async with MultiServerMCPClient({"paged": {"transport": "memory", "server": build_paged_server()}}) as client:
        handle = client.handle("paged")
        assert handle.server_info.name == "paged"
        assert handle.server_info.version == "2.1.0"

        tools = await client.list_tools("paged")
        assert [t.name for t in tools] == [f"op_{i}" for i in range(7)]
        assert client.cached_tools("paged")[-1].name == "op_6"

        loaded = {t.name: t for t in await load_tools_from_client(client, prefix_with_server=False)}
        doubled = await loaded["op_4"].ainvoke({"x": 21})
        assert doubled.artifact == {"structuredContent": {"tool": "op_4", "result": 42}}

        bad = await loaded["op_0"].ainvoke({"x": -1})
        assert bad.isError and "x must be positive" in bad.text

        invalid = await client.get_session("paged").call_tool("op_1", {"x": "nope"})
        assert invalid.isError
        first = invalid.content[0]
        assert first.type == "text" and "Input validation error" in first.text
