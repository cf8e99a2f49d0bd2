"""FastMCP server definition: tools, resources and prompts."""

from __future__ import annotations

import json
import statistics

from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.exceptions import ToolError
from mcp.server.fastmcp.prompts import base
from mcp.server.session import ServerSession
from mcp.types import ToolAnnotations

from . import db
from .config import get_settings
from .models import DailySeries, MetricSummary, Mover, QueryResult, SeriesPoint
from .state import WarehouseState, warehouse_lifespan

settings = get_settings()

mcp = FastMCP(
    "metrics-warehouse",
    "Read-only access to the company metrics warehouse. Call summarize_metric before "
    "pulling raw series, and use the warehouse://catalog resource to discover metric names.",
    lifespan=warehouse_lifespan,
    host=settings.host,
    port=settings.port,
    stateless_http=settings.stateless,
    json_response=settings.json_response,
    log_level=settings.log_level,
)

WarehouseContext = Context[ServerSession, WarehouseState]

READ_ONLY = ToolAnnotations(readOnlyHint=True, idempotentHint=True, openWorldHint=False)


def _state(ctx: WarehouseContext) -> WarehouseState:
    return ctx.request_context.lifespan_context


def _require_metric(state: WarehouseState, metric: str) -> tuple[str, str]:
    row = db.metric_row(state.conn, metric)
    if row is None:
        known = ", ".join(db.metric_names(state.conn))
        raise ToolError(f"Unknown metric {metric!r}. Known metrics: {known}")
    return row["name"], row["unit"]


# --------------------------------------------------------------------------- tools


@mcp.tool(title="Summarize a metric", annotations=READ_ONLY)
def summarize_metric(
    metric: str,
    ctx: WarehouseContext,
    start: str | None = None,
    end: str | None = None,
) -> MetricSummary:
    """Min/max/mean and period-over-period change for one metric (days are ISO dates)."""
    state = _state(ctx)
    name, unit = _require_metric(state, metric)
    rows = db.series(state.conn, name, start, end)
    if not rows:
        raise ToolError(f"No data for {name} between {start or '-inf'} and {end or '+inf'}")
    values = [float(r["value"]) for r in rows]
    first, last = values[0], values[-1]
    return MetricSummary(
        metric=name,
        unit=unit,
        days=len(values),
        first=first,
        last=last,
        minimum=min(values),
        maximum=max(values),
        mean=round(statistics.fmean(values), 4),
        change_pct=round((last - first) / first * 100, 2) if first else 0.0,
    )


@mcp.tool(annotations=READ_ONLY)
async def daily_series(
    metric: str,
    ctx: WarehouseContext,
    start: str | None = None,
    end: str | None = None,
) -> DailySeries:
    """Raw daily values for a metric, oldest first."""
    state = _state(ctx)
    name, unit = _require_metric(state, metric)
    await ctx.info(f"Loading daily series for {name}")
    rows = db.series(state.conn, name, start, end)
    limit = state.settings.max_rows
    points: list[SeriesPoint] = []
    for i, row in enumerate(rows[:limit]):
        points.append(SeriesPoint(day=row["day"], value=float(row["value"])))
        if i and i % 50 == 0:
            await ctx.report_progress(i, min(len(rows), limit), message=f"{i} rows")
    if len(rows) > limit:
        await ctx.warning(f"Series truncated to {limit} of {len(rows)} rows")
    return DailySeries(metric=name, unit=unit, points=points)


@mcp.tool(annotations=READ_ONLY)
def top_movers(ctx: WarehouseContext, window_days: int = 7, limit: int = 3) -> list[Mover]:
    """Metrics with the largest relative change over the trailing window."""
    state = _state(ctx)
    movers: list[Mover] = []
    for name in db.metric_names(state.conn):
        values = [float(r["value"]) for r in db.series(state.conn, name)][-(window_days + 1) :]
        if len(values) < 2 or not values[0]:
            continue
        change = round((values[-1] - values[0]) / values[0] * 100, 2)
        direction = "up" if change > 0.5 else "down" if change < -0.5 else "flat"
        movers.append(Mover(metric=name, direction=direction, change_pct=change))
    movers.sort(key=lambda m: abs(m.change_pct), reverse=True)
    return movers[:limit]


@mcp.tool(annotations=READ_ONLY)
async def run_readonly_query(sql: str, ctx: WarehouseContext) -> QueryResult:
    """Run a single read-only SELECT statement against the warehouse."""
    statement = sql.strip().rstrip(";")
    if not statement.lower().startswith(("select", "with")) or ";" in statement:
        raise ToolError("Only a single SELECT/WITH statement is allowed")
    state = _state(ctx)
    limit = state.settings.max_rows
    try:
        columns, rows = db.run_query(state.conn, statement, limit + 1)
    except Exception as exc:  # sqlite3.Error and friends
        raise ToolError(f"Query failed: {exc}") from exc
    state.query_count += 1
    state.recent_queries = (state.recent_queries + [statement])[-20:]
    truncated = len(rows) > limit
    if truncated:
        await ctx.log(level="warning", message=f"Result truncated to {limit} rows", logger_name="warehouse.sql")
    return QueryResult(columns=list(columns), rows=[list(r) for r in rows[:limit]], truncated=truncated)


# ----------------------------------------------------------------------- resources


@mcp.resource("warehouse://catalog", name="catalog", mime_type="application/json")
def catalog() -> str:
    """Every metric with its unit, owner and date coverage."""
    state = mcp.get_context().request_context.lifespan_context
    entries = []
    for name in db.metric_names(state.conn):
        row = db.metric_row(state.conn, name)
        days = db.days_for(state.conn, name)
        assert row is not None
        entries.append(
            {
                "metric": name,
                "unit": row["unit"],
                "owner": row["owner"],
                "description": row["description"],
                "first_day": days[0] if days else None,
                "last_day": days[-1] if days else None,
            }
        )
    return json.dumps({"metrics": entries, "queries_served": state.query_count}, indent=2)


@mcp.resource("warehouse://tables/{table}/schema", mime_type="application/json")
def table_schema(table: str, ctx: Context) -> str:
    """Column list for a warehouse table."""
    state: WarehouseState = ctx.request_context.lifespan_context
    try:
        columns = db.table_columns(state.conn, table)
    except KeyError:
        raise ValueError(f"No such table: {table}") from None
    return json.dumps({"table": table, "columns": columns})


@mcp.resource("warehouse://metrics/{metric}/daily/{day}", mime_type="application/json")
def metric_on_day(metric: str, day: str) -> dict[str, object]:
    """A single daily datapoint."""
    state = mcp.get_context().request_context.lifespan_context
    rows = db.series(state.conn, metric, day, day)
    if not rows:
        raise ValueError(f"No value for {metric} on {day}")
    return {"metric": metric, "day": day, "value": rows[0]["value"]}


# ------------------------------------------------------------------------- prompts


@mcp.prompt(title="Weekly KPI review")
def weekly_review(owner: str, focus: str = "trends") -> list[base.Message]:
    """Kick off a weekly review of the metrics a team owns."""
    return [
        base.UserMessage(
            f"Prepare the weekly KPI review for the {owner} team. Focus on {focus}. "
            "Start from warehouse://catalog, summarise each metric the team owns, "
            "then call top_movers for the last 7 days."
        ),
        base.AssistantMessage("Understood. I will start by reading the catalog."),
    ]


# Completion handlers live in their own module but must be registered on `mcp`.
from . import completions as _completions  # noqa: E402,F401
