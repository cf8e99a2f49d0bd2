from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, TypedDict

from pydantic import BaseModel, Field


class LineItem(BaseModel):
    sku: str
    quantity: int = Field(ge=1)
    unit_price: float


class Order(BaseModel):
    order_id: str
    customer: str
    status: Literal["pending", "shipped", "delivered", "refunded"]
    created_at: datetime
    items: list[LineItem] = Field(default_factory=list)

    @property
    def total(self) -> float:
        return round(sum(i.quantity * i.unit_price for i in self.items), 2)


class ExportSummary(TypedDict):
    exported: int
    skipped: int
    destination: str


class RefundDecision(BaseModel):
    """Schema used when asking the user to confirm a refund."""

    confirm: bool = Field(description="Refund the full order amount?")
    reason: str = Field(default="", description="Optional reason shown to the customer")


@dataclass
class AppState:
    """Lifespan state shared with every MCP request."""

    orders: dict[str, Order] = field(default_factory=dict)
    audit_log: list[str] = field(default_factory=list)
    log_level: str = "info"
