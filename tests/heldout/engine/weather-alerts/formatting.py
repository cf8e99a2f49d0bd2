"""Plain formatting helpers for NWS API payloads (no MCP code in here)."""

from __future__ import annotations

from typing import Any

def format_alert(feature: dict[str, Any]) -> str:
    """Format an alert feature into a readable string."""
    props = feature.get("properties", {})
    return "\n".join(
        [
            f"Event: {props.get('event', 'Unknown')}",
            f"Area: {props.get('areaDesc', 'Unknown')}",
            f"Severity: {props.get('severity', 'Unknown')}",
            f"Description: {props.get('description', 'No description available')}",
            f"Instructions: {props.get('instruction', 'No specific instructions provided')}",
        ]
    )


def format_period(period: dict[str, Any]) -> str:
    """Format one forecast period."""
    wind = f"{period.get('windSpeed', '?')} {period.get('windDirection', '')}".strip()
    return (
        f"{period['name']}:\n"
        f"Temperature: {period['temperature']}°{period.get('temperatureUnit', 'F')}\n"
        f"Wind: {wind}\n"
        f"Forecast: {period['detailedForecast']}"
    )


def celsius(fahrenheit: float) -> float:
    return round((fahrenheit - 32) * 5 / 9, 1)
