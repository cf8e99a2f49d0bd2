"""Open-Meteo client (no API key needed)."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

GEOCODE_URL = "https://geocoding-api.open-meteo.com/v1/search"
FORECAST_URL = "https://api.open-meteo.com/v1/forecast"


@dataclass
class Place:
    name: str
    country: str
    latitude: float
    longitude: float


@dataclass
class DailyForecast:
    date: str
    temp_min: float
    temp_max: float
    precipitation_mm: float


class WeatherProvider:
    def __init__(self, client: httpx.AsyncClient | None = None) -> None:
        self._client = client or httpx.AsyncClient(timeout=10.0)

    async def aclose(self) -> None:
        await self._client.aclose()

    async def geocode(self, city: str) -> Place:
        response = await self._client.get(GEOCODE_URL, params={"name": city, "count": 1})
        response.raise_for_status()
        results = response.json().get("results") or []
        if not results:
            raise LookupError(f"unknown city: {city}")
        hit = results[0]
        return Place(hit["name"], hit.get("country", ""), hit["latitude"], hit["longitude"])

    async def daily(self, place: Place, days: int) -> list[DailyForecast]:
        fields = "temperature_2m_min,temperature_2m_max,precipitation_sum"
        params = {"latitude": place.latitude, "longitude": place.longitude, "daily": fields, "forecast_days": days}
        response = await self._client.get(FORECAST_URL, params=params)
        response.raise_for_status()
        daily = response.json()["daily"]
        columns = [daily[k] for k in ("time", *fields.split(","))]
        return [DailyForecast(*row) for row in zip(*columns)]
