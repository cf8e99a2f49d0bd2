"""Weather MCP server backed by the US National Weather Service API.

Run with `python weather.py` (stdio) or `python weather.py --sse` to expose it
over HTTP for remote clients.
"""

import sys
from typing import Any

import httpx
from mcp.server.fastmcp import FastMCP

from formatting import celsius, format_alert, format_period

NWS_API_BASE = "https://api.weather.gov"
USER_AGENT = "weather-app/1.0 (mcp demo)"

# Initialize FastMCP server
mcp = FastMCP(
    "weather",
    "You answer questions about US weather. Prefer alerts over forecasts when both are relevant.",
    host="0.0.0.0",
    port=8080,
)


async def make_nws_request(url: str) -> dict[str, Any] | None:
    """Make a request to the NWS API with proper error handling."""
    headers = {"User-Agent": USER_AGENT, "Accept": "application/geo+json"}
    async with httpx.AsyncClient() as client:
        try:
            response = await client.get(url, headers=headers, timeout=30.0)
            response.raise_for_status()
            return response.json()
        except httpx.HTTPError:
            return None


@mcp.tool()
async def get_alerts(state: str, limit: int = 10) -> str:
    """Get weather alerts for a US state.

    Args:
        state: Two-letter US state code (e.g. CA, NY)
        limit: Maximum number of alerts to return
    """
    url = f"{NWS_API_BASE}/alerts/active/area/{state.upper()}"
    data = await make_nws_request(url)

    if not data or "features" not in data:
        return "Unable to fetch alerts or no alerts found."

    if not data["features"]:
        return "No active alerts for this state."

    alerts = [format_alert(feature) for feature in data["features"][:limit]]
    return "\n---\n".join(alerts)


@mcp.tool()
async def get_forecast(latitude: float, longitude: float, metric: bool = False) -> str:
    """Get weather forecast for a location.

    Args:
        latitude: Latitude of the location
        longitude: Longitude of the location
        metric: Also show temperatures in Celsius
    """
    points_url = f"{NWS_API_BASE}/points/{latitude},{longitude}"
    points_data = await make_nws_request(points_url)

    if not points_data:
        return "Unable to fetch forecast data for this location."

    forecast_url = points_data["properties"]["forecast"]
    forecast_data = await make_nws_request(forecast_url)

    if not forecast_data:
        return "Unable to fetch detailed forecast."

    forecasts: list[str] = []
    for period in forecast_data["properties"]["periods"][:5]:
        text = format_period(period)
        if metric and period.get("temperatureUnit") == "F":
            text += f" ({celsius(period['temperature'])}°C)"
        forecasts.append(text)

    return "\n---\n".join(forecasts)


@mcp.resource("weather://stations/{state}")
async def stations(state: str) -> str:
    """List observation stations in a state, one per line."""
    data = await make_nws_request(f"{NWS_API_BASE}/stations?state={state.upper()}&limit=50")
    if not data:
        return ""
    return "\n".join(f["properties"]["stationIdentifier"] for f in data.get("features", []))


if __name__ == "__main__":
    if "--sse" in sys.argv:
        print(f"Serving SSE on {mcp.settings.host}:{mcp.settings.port}{mcp.settings.sse_path}", file=sys.stderr)
        mcp.run(transport="sse")
    else:
        mcp.run(transport="stdio")
