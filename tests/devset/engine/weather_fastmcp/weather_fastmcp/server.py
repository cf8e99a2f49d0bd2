"""Weather MCP server built on the standalone `fastmcp` framework."""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import Annotated, AsyncIterator

from fastmcp import Context, FastMCP
from fastmcp.exceptions import ToolError
from pydantic import BaseModel, Field

from .providers import WeatherProvider

provider = WeatherProvider()


@asynccontextmanager
async def lifespan(server: FastMCP) -> AsyncIterator[None]:
    try:
        yield
    finally:
        await provider.aclose()


mcp = FastMCP(
    "Weather",
    instructions="Forecasts from Open-Meteo. Temperatures are in Celsius.",
    lifespan=lifespan,
)


class DayOut(BaseModel):
    date: str
    low_c: float
    high_c: float
    rain_mm: float


class Forecast(BaseModel):
    city: str
    country: str
    days: list[DayOut]


@mcp.tool(annotations={"title": "Forecast", "readOnlyHint": True, "openWorldHint": True})
async def forecast(
    city: Annotated[str, Field(description="City name, e.g. 'Lisbon'")],
    ctx: Context,
    days: Annotated[int, Field(ge=1, le=16)] = 3,
) -> Forecast:
    """Daily forecast for a city."""
    await ctx.info(f"geocoding {city}")
    try:
        place = await provider.geocode(city)
    except LookupError as exc:
        raise ToolError(str(exc)) from exc
    await ctx.report_progress(progress=1, total=2)
    daily = await provider.daily(place, days)
    await ctx.report_progress(progress=2, total=2)
    return Forecast(
        city=place.name,
        country=place.country,
        days=[DayOut(date=d.date, low_c=d.temp_min, high_c=d.temp_max, rain_mm=d.precipitation_mm) for d in daily],
    )


@mcp.resource("weather://{city}/today", mime_type="application/json")
async def today(city: str) -> dict[str, float | str]:
    place = await provider.geocode(city)
    day = (await provider.daily(place, 1))[0]
    return {"city": place.name, "low": day.temp_min, "high": day.temp_max}


@mcp.prompt
def trip_brief(city: str, start: str, nights: int = 3) -> str:
    return f"Plan a {nights}-night trip to {city} starting {start}. Call forecast first."


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--transport", default="stdio", choices=["stdio", "http", "sse"])
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    if args.transport == "stdio":
        mcp.run()
    else:
        mcp.run(transport=args.transport, host="0.0.0.0", port=args.port, path="/mcp")


if __name__ == "__main__":
    main()
