from __future__ import annotations

from typing import TypedDict

from pydantic import BaseModel, Field


class Summary(BaseModel):
    doc_id: str
    summary: str
    model: str
    words: int = Field(description="Word count of the source document")


class WordStats(TypedDict):
    doc_id: str
    words: int
    unique: int
    top: list[str]


class TripPreferences(BaseModel):
    """Schema used to ask the user for missing trip details."""

    nights: int = Field(ge=1, le=30, description="Number of nights")
    budget: str = Field(default="medium", description="low, medium or high")
    pets: bool = False


class Confirmation(BaseModel):
    confirm: bool = Field(description="Really delete the document?")


class IndexReport(BaseModel):
    indexed: int
    skipped: list[str]
