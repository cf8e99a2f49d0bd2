"""Domain models for the booking server (plain pydantic, no MCP)."""

from __future__ import annotations

from datetime import date, datetime, time
from enum import Enum

from pydantic import BaseModel, Field, field_validator


class Seating(str, Enum):
    INDOOR = "indoor"
    TERRACE = "terrace"
    BAR = "bar"


class Restaurant(BaseModel):
    slug: str
    name: str
    cuisine: str
    seats: int
    opens: time = time(17, 0)
    closes: time = time(23, 0)

    def is_open_at(self, when: time) -> bool:
        return self.opens <= when < self.closes


class Reservation(BaseModel):
    id: str
    restaurant: str
    party_size: int = Field(ge=1, le=20)
    at: datetime
    name: str
    seating: Seating = Seating.INDOOR
    notes: str = ""


class ConfirmBooking(BaseModel):
    """Schema the user fills in when we ask them to confirm."""

    confirm: bool = Field(description="Book this table?")
    name: str = Field(description="Name for the reservation")
    notes: str = Field(default="", description="Allergies, occasions, ...")


class AlternativeDate(BaseModel):
    check_alternative: bool = Field(description="Would you like another date?")
    alternative_date: str = Field(default="", description="Alternative date (YYYY-MM-DD)")

    @field_validator("alternative_date")
    @classmethod
    def _iso(cls, v: str) -> str:
        if v:
            date.fromisoformat(v)
        return v


RESTAURANTS = {
    r.slug: r
    for r in [
        Restaurant(slug="luigi", name="Luigi's Trattoria", cuisine="italian", seats=40),
        Restaurant(slug="sakura", name="Sakura", cuisine="japanese", seats=24, opens=time(12, 0)),
        Restaurant(slug="verde", name="Casa Verde", cuisine="vegetarian", seats=30, closes=time(22, 0)),
    ]
}
