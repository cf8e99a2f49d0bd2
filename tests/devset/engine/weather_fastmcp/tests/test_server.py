from __future__ import annotations

from unittest.mock import AsyncMock, patch

import anyio
from fastmcp import Client

from weather_fastmcp.providers import DailyForecast, Place
from weather_fastmcp.server import mcp, provider

LISBON = Place("Lisbon", "Portugal", 38.72, -9.14)
DAYS = [DailyForecast("2025-06-01", 17.0, 26.5, 0.0), DailyForecast("2025-06-02", 16.2, 24.1, 1.2)]


def test_tool_schema_and_annotations() -> None:
    async def run() -> None:
        async with Client(mcp) as client:
            tools = {t.name: t for t in await client.list_tools()}
            schema = tools["forecast"].inputSchema
            assert schema["required"] == ["city"]
            assert tools["forecast"].outputSchema is not None
            assert tools["forecast"].annotations.readOnlyHint is True

    anyio.run(run)


def test_forecast_structured_result() -> None:
    async def run() -> None:
        with (
            patch.object(provider, "geocode", AsyncMock(return_value=LISBON)),
            patch.object(provider, "daily", AsyncMock(return_value=DAYS)),
        ):
            async with Client(mcp) as client:
                result = await client.call_tool("forecast", {"city": "lisbon", "days": 2})
                assert result.data.city == "Lisbon"
                raw = await client.call_tool_mcp("forecast", {"city": "lisbon", "days": 2})
                assert not raw.isError
                assert raw.structuredContent["days"][1]["rain_mm"] == 1.2

    anyio.run(run)


def test_unknown_city_is_tool_error() -> None:
    async def run() -> None:
        with patch.object(provider, "geocode", AsyncMock(side_effect=LookupError("unknown city: Atlantis"))):
            async with Client(mcp) as client:
                raw = await client.call_tool_mcp("forecast", {"city": "Atlantis"})
                assert raw.isError
                assert "Atlantis" in raw.content[0].text

    anyio.run(run)
