from __future__ import annotations

import os
import sys
from typing import Any

sys.path.insert(0, os.path.dirname(__file__))

from pydantic import AnyUrl
from servers import build_notes_server, build_weather_server

import mcp.types as types
from mcp.shared.memory import create_connected_server_and_client_session
from toolbridge import MultiServerMCPClient
from toolbridge.gateway import build_gateway_server, build_status_server
from toolbridge.settings import GatewaySettings


def _downstream() -> dict[str, Any]:
    return {
        "weather": {"transport": "memory", "server": build_weather_server()},
        "notes": {"transport": "memory", "server": build_notes_server()},
    }


async def test_gateway_proxies_tools_and_resources() -> None:
    async with MultiServerMCPClient(_downstream()) as downstream:
        gateway = build_gateway_server(downstream)
        async with create_connected_server_and_client_session(gateway) as session:
            listing = await session.list_tools()
            names = {t.name for t in listing.tools}
            assert {"weather__get_forecast", "notes__add_note", "weather__long_job"} <= names
            forecast_tool = next(t for t in listing.tools if t.name == "weather__get_forecast")
            assert forecast_tool.outputSchema is not None
            assert forecast_tool.annotations is not None and forecast_tool.annotations.readOnlyHint

            stored = await session.call_tool("notes__add_note", {"key": "gw", "text": "via gateway"})
            assert stored.structuredContent == {"stored": "gw", "count": 3}

            seen: list[float] = []

            async def on_progress(progress: float, total: float | None, message: str | None) -> None:
                seen.append(progress)

            job = await session.call_tool("weather__long_job", {"steps": 2}, progress_callback=on_progress)
            assert not job.isError and seen == [1, 2]

            unknown = await session.call_tool("nowhere__tool", {})
            assert unknown.isError
            assert isinstance(unknown.content[0], types.TextContent)
            assert "Unknown tool: nowhere__tool" in unknown.content[0].text

            resources = await session.list_resources()
            uris = {str(r.uri) for r in resources.resources}
            assert {"weather://readme", "notes://index"} <= uris

            readme = await session.read_resource(AnyUrl("weather://readme"))
            first = readme.contents[0]
            assert isinstance(first, types.TextResourceContents)
            assert first.mimeType == "text/markdown" and first.text.startswith("# Weather")
            logo = await session.read_resource(AnyUrl("weather://logo.png"))
            assert isinstance(logo.contents[0], types.BlobResourceContents)
            assert logo.contents[0].mimeType == "image/png"


async def test_status_server_reports_connections() -> None:
    settings = GatewaySettings(port=9100, json_response=True, allowed_hosts=["gw.internal:9100"])
    async with MultiServerMCPClient(_downstream()) as downstream:
        status = build_status_server(downstream, settings)
        assert status.name == "toolbridge-gateway-status"
        assert status.instructions is not None and status.instructions.startswith("Reports which")
        assert status.settings.port == 9100 and status.settings.json_response is True
        assert status.settings.streamable_http_path == "/mcp"

        await downstream.list_tools("notes")
        async with create_connected_server_and_client_session(status._mcp_server) as session:
            report = await session.call_tool("list_servers", {}, meta={"client_id": "cli-7"})
            assert not report.isError
            assert report.structuredContent is not None
            assert report.structuredContent["requested_by"] == "cli-7"
            servers = report.structuredContent["servers"]
            assert servers["notes"]["protocol"] == types.LATEST_PROTOCOL_VERSION
            assert servers["weather"]["tools"] is True

            count = await session.call_tool("tool_count", {"server": "notes"})
            assert count.structuredContent == {"result": 1}

            info = await session.read_resource(AnyUrl("status://servers/weather"))
            body = info.contents[0]
            assert isinstance(body, types.TextResourceContents)
            assert '"instructions": "Forecasts and station data' in body.text
