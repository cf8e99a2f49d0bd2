"""Weather MCP server: NWS forecasts and alerts over streamable HTTP."""

from __future__ import annotations

import logging
import os
from typing import Any

import httpx
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.prompts import base
from mcp.shared.exceptions import McpError
from mcp.types import INTERNAL_ERROR, INVALID_PARAMS, ErrorData, TextContent

import mcp.types as types

logger = logging.getLogger(__name__)

NWS_API_BASE = "https://api.weather.gov"
USER_AGENT = "weather-mcp/0.3 (weather@example.com)"

mcp = FastMCP(
    "weather",
    "Get weather forecasts and active alerts for US locations. "
    "Use get_forecast for a latitude/longitude and get_alerts for a two-letter state code.",
    host=os.environ.get("WEATHER_HOST", "0.0.0.0"),
    port=int(os.environ.get("WEATHER_PORT", "8080")),
    stateless_http=True,
    dependencies=["httpx"],
)


async def make_nws_request(url: str) -> dict[str, Any]:
    """Make a request to the NWS API with proper error handling."""
    headers = {"User-Agent": USER_AGENT, "Accept": "application/geo+json"}
    async with httpx.AsyncClient(timeout=30.0) as client:
        try:
            response = await client.get(url, headers=headers)
            response.raise_for_status()
            return response.json()
        except httpx.HTTPStatusError as exc:
            raise McpError(
                ErrorData(code=INTERNAL_ERROR, message=f"NWS returned {exc.response.status_code}")
            ) from exc


def format_alert(feature: dict[str, Any]) -> str:
    props = feature["properties"]
    return (
        f"Event: {props.get('event', 'Unknown')}\n"
        f"Area: {props.get('areaDesc', 'Unknown')}\n"
        f"Severity: {props.get('severity', 'Unknown')}\n"
        f"Instructions: {props.get('instruction') or 'No specific instructions provided'}"
    )


@mcp.tool()
async def get_alerts(state: str, ctx: Context) -> str:
    """Get active weather alerts for a US state.

    Args:
        state: Two-letter US state code (e.g. CA, NY)
    """
    if len(state) != 2 or not state.isalpha():
        raise McpError(ErrorData(code=INVALID_PARAMS, message=f"not a state code: {state!r}"))
    await ctx.info(f"Fetching alerts for {state.upper()}")
    data = await make_nws_request(f"{NWS_API_BASE}/alerts/active/area/{state.upper()}")
    features = data.get("features", [])
    if not features:
        await ctx.log(level="warning", message="no active alerts")
        return "No active alerts for this state."
    await ctx.debug(f"{len(features)} alerts", extra={"state": state})
    return "\n---\n".join(format_alert(f) for f in features)


@mcp.tool()
async def get_forecast(latitude: float, longitude: float, ctx: Context) -> list[TextContent]:
    """Get the weather forecast for a location."""
    await ctx.report_progress(0, 2)
    points = await make_nws_request(f"{NWS_API_BASE}/points/{latitude},{longitude}")
    forecast = await make_nws_request(points["properties"]["forecast"])
    await ctx.report_progress(2, 2)
    logger.info("forecast for %s,%s requested by %s", latitude, longitude, ctx.client_id)
    periods = forecast["properties"]["periods"][:5]
    return [
        TextContent(
            type="text",
            text=f"{p['name']}: {p['temperature']}°{p['temperatureUnit']}, {p['detailedForecast']}",
        )
        for p in periods
    ]


@mcp.tool()
def celsius_to_fahrenheit(celsius: float) -> float:
    """Convert a temperature from Celsius to Fahrenheit (a plain sync tool)."""
    return celsius * 9 / 5 + 32


@mcp.resource("weather://stations/{station_id}", mime_type="application/json")
async def station(station_id: str) -> str:
    """Metadata for one NWS observation station."""
    data = await make_nws_request(f"{NWS_API_BASE}/stations/{station_id}")
    return str(data.get("properties", {}))


@mcp.resource("weather://about")
def about() -> str:
    return "Data from the US National Weather Service (api.weather.gov)."


@mcp.prompt()
def plan_outdoor_day(city: str, activity: str = "hiking") -> list[base.Message]:
    return [
        base.UserMessage(f"I want to go {activity} near {city} this weekend."),
        base.AssistantMessage("I'll check the forecast and any alerts first."),
    ]


@mcp.prompt(title="Severe weather briefing")
def severe_weather_briefing(state: str) -> str:
    return f"Summarise the active weather alerts for {state} for an emergency manager."


def describe_tool(tool: types.Tool) -> dict[str, Any]:
    """Used by our admin page: a compact view of a tool definition."""
    return {
        "name": tool.name,
        "schema": tool.inputSchema,
        "output": tool.outputSchema,
        "read_only": bool(tool.annotations and tool.annotations.readOnlyHint),
    }


def summarise_result(result: types.CallToolResult) -> str:
    if result.isError:
        return "error"
    if result.structuredContent is not None:
        return repr(result.structuredContent)
    return " ".join(c.text for c in result.content if isinstance(c, types.TextContent))


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    mcp.run(transport="streamable-http")


if __name__ == "__main__":
    main()
