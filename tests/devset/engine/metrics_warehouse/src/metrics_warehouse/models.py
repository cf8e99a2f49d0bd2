"""Structured output types returned by the warehouse tools."""

from __future__ import annotations

from typing import Literal, TypedDict

from pydantic import BaseModel, Field


class MetricSummary(TypedDict):
    metric: str
    unit: str
    days: int
    first: float
    last: float
    minimum: float
    maximum: float
    mean: float
    change_pct: float


class SeriesPoint(BaseModel):
    day: str
    value: float


class DailySeries(BaseModel):
    metric: str
    unit: str
    points: list[SeriesPoint] = Field(default_factory=list)


class Mover(BaseModel):
    metric: str
    direction: Literal["up", "down", "flat"]
    change_pct: float


class QueryResult(BaseModel):
    columns: list[str]
    rows: list[list[str | int | float | None]]
    truncated: bool = False
