"""Structured payloads returned by the data tools."""

from __future__ import annotations

from typing import Any

from typing_extensions import TypedDict

from pydantic import BaseModel, Field


class ColumnStats(BaseModel):
    dtype: str
    count: int
    nulls: int
    unique: int
    mean: float | None = None
    std: float | None = None
    min: float | None = None
    max: float | None = None
    top: str | None = None


class DescribeResult(BaseModel):
    dataset: str
    rows: int
    columns: dict[str, ColumnStats]


class DatasetInfo(BaseModel):
    name: str
    rows: int
    columns: list[str]
    dtypes: dict[str, str]
    version: int
    uri: str = Field(description="Resource URI of the CSV view of this dataset")


class SummaryResult(BaseModel):
    dataset: str
    summary: str
    model: str
    stop_reason: str | None = None


class ConfirmDrop(BaseModel):
    """Form shown to the user before a dataset is deleted."""

    confirm: bool = Field(description="Really delete the dataset?")
    reason: str = Field(default="", description="Optional note for the audit log")


class TableSlice(TypedDict):
    dataset: str
    columns: list[str]
    rows: list[list[Any]]
    total_rows: int


class CorrelationRow(TypedDict):
    left: str
    right: str
    pearson: float | None


class ColumnProfile(TypedDict):
    column: str
    dtype: str
    nulls: int
    distinct: int
