"""A small inventory dashboard used by the test-suite."""

from __future__ import annotations

from enum import Enum
from typing import Literal, TypedDict

import anyio

from widgetkit import AppSettings, CallerInfo, ProgressReporter, Widget, WidgetApp, WidgetError


class Unit(Enum):
    PIECE = "piece"
    BOX = "box"


class ItemOut(TypedDict):
    name: str
    qty: int
    unit: str
    total_items: int


def build_app(*, settings: AppSettings | None = None, filler: int = 0) -> WidgetApp:
    app = WidgetApp("inventory", "2.4.0", settings=settings)
    items: dict[str, int] = {}

    @app.endpoint(title="Add item", tags=("stock",))
    def add_item(name: str, qty: int = 1, unit: Unit = Unit.PIECE, note: str | None = None) -> ItemOut:
        """Add stock for an item."""
        if qty <= 0:
            raise WidgetError("qty must be positive", code="bad_qty")
        items[name] = items.get(name, 0) + qty
        app.set_state("item_count", sum(items.values()))
        return {"name": name, "qty": items[name], "unit": unit.value, "total_items": sum(items.values())}

    @app.endpoint(title="Search", read_only=True, tags=("stock",))
    def search(query: str, limit: int = 10) -> str:
        """Find items whose name contains the query."""
        hits = sorted(n for n in items if query in n)[:limit]
        return ", ".join(hits) if hits else "no matches"

    @app.endpoint(title="Stock chart", read_only=True, tags=("chart",))
    def stock_chart(kind: Literal["bar", "line"] = "bar") -> Widget:
        """Render the stock levels as a chart widget."""
        bars = [Widget("bar", {"label": n, "value": q}) for n, q in sorted(items.items())]
        return Widget("chart", {"kind": kind}, bars)

    @app.endpoint(title="Export", read_only=True)
    async def export_rows(rows: int, report: ProgressReporter) -> str:
        """Export inventory rows, reporting progress per batch."""
        for done in range(1, rows + 1):
            await anyio.sleep(0)
            await report(done, rows, f"row {done}/{rows}")
        return f"exported {rows} rows"

    @app.endpoint(read_only=True)
    def whoami(caller: CallerInfo) -> dict[str, str | None]:
        """Echo the caller as seen by the server."""
        return {"user": caller.user, "client": caller.client, "transport": caller.transport, "session": caller.session_id}

    @app.endpoint(read_only=True)
    async def slow_report(seconds: float = 0.2) -> str:
        """A report that takes a while to build."""
        await anyio.sleep(seconds)
        return "report ready"

    @app.endpoint(destructive=True)
    def enable_beta() -> str:
        """Turn on the beta endpoints."""
        if "beta_forecast" not in app.endpoints:

            @app.endpoint(title="Forecast (beta)", read_only=True, tags=("beta",))
            def beta_forecast(days: int = 7) -> str:
                """Naive stock forecast."""
                return f"forecast for {days} days: flat"

        return "beta enabled"

    def noop(x: int = 0) -> str:
        """Filler endpoint."""
        return f"noop {x}"

    for i in range(filler):
        app.endpoint(f"filler_{i:02d}", read_only=True)(noop)

    @app.page("overview", title="Stock overview", description="Headline numbers")
    def overview() -> Widget:
        return Widget(
            "column",
            children=[
                Widget("metric", {"label": "Items", "value": sum(items.values())}),
                Widget("metric", {"label": "SKUs", "value": len(items)}),
            ],
        )

    @app.page("orders", title="Open orders")
    def orders() -> Widget:
        return Widget("table", {"columns": ["id", "item", "qty"], "rows": []})

    app.prompt(
        "restock_plan",
        "Write a restock plan for {item} keeping at least {minimum} units in stock.",
        description="Plan a restock for one item",
        arguments=("item", "minimum"),
    )
    app.prompt(
        "explain_page",
        "Explain the {page} page of this dashboard to a new user.",
        description="Describe a page",
        arguments=("page",),
        attach_page="overview",
    )
    app.state["warehouse"] = "north"
    return app
