"""Structured tool outputs and elicitation schemas."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Scalar = str | int | float | None


class ColumnInfo(BaseModel):
    name: str
    type: str
    nullable: bool = True
    primary_key: bool = False


class TableSchema(BaseModel):
    table: str
    columns: list[ColumnInfo]
    row_count: int = Field(ge=0)
    materialized: bool = False


class QueryResult(BaseModel):
    columns: list[str]
    rows: list[list[Scalar]]
    row_count: int
    truncated: bool = False
    elapsed_ms: float = 0.0


class ExportOptions(BaseModel):
    """Asked of the user before a table leaves the warehouse."""

    confirm: bool = Field(description="Export the table?")
    format: str = Field(default="csv", description="csv or parquet")
    include_header: bool = Field(default=True, description="Write a header row")


class ExportReceipt(BaseModel):
    table: str
    status: Literal["exported", "declined", "cancelled"]
    rows: int = 0
    location: str | None = None
    format: str | None = None


class RefreshReport(BaseModel):
    view: str
    rows: int
    notified_subscribers: int
