"""Query and maintenance tools."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from mcp.server.elicitation import AcceptedElicitation, CancelledElicitation, DeclinedElicitation
from mcp.server.fastmcp.exceptions import ToolError
from mcp.shared.exceptions import McpError
from mcp.types import (
    INVALID_PARAMS,
    CallToolResult,
    ErrorData,
    SamplingMessage,
    TextContent,
    ToolAnnotations,
)

from warehouse.models import ColumnInfo, ExportOptions, ExportReceipt, QueryResult, RefreshReport, TableSchema
from warehouse.pool import MATERIALIZED_VIEWS, ConnectionPool, is_read_only
from warehouse.server import WarehouseContext, WarehouseServer

READ_ONLY = ToolAnnotations(readOnlyHint=True, idempotentHint=True, openWorldHint=False)


def describe(pool: ConnectionPool, table: str) -> TableSchema:
    try:
        columns = pool.columns(table)
    except KeyError:
        raise ToolError(f"Unknown table: {table}") from None
    return TableSchema(
        table=table,
        columns=[ColumnInfo(name=c.name, type=c.type, nullable=c.nullable, primary_key=c.primary_key) for c in columns],
        row_count=pool.row_count(table),
        materialized=table in MATERIALIZED_VIEWS,
    )


def register(mcp: WarehouseServer) -> None:
    @mcp.tool(title="Run a read-only SQL query", annotations=READ_ONLY)
    async def run_query(sql: str, ctx: WarehouseContext, limit: int = 100) -> QueryResult:
        """Execute a SELECT statement against the warehouse and return the rows."""
        state = ctx.request_context.lifespan_context
        if state.config.read_only and not is_read_only(sql):
            raise ToolError("Only single SELECT/WITH statements are allowed on this warehouse")
        limit = max(1, min(limit, state.config.max_rows))
        caller = ctx.client_id or "anonymous"
        state.audit.append(f"{caller}:{sql.strip()}")
        if state.should_log("info"):
            await ctx.info(f"query from {caller} (limit {limit})")
        await ctx.report_progress(0, 3, "waiting for a connection")
        async with state.pool.acquire() as conn:
            await ctx.report_progress(1, 3, "executing")
            try:
                columns, rows, truncated, elapsed_ms = ConnectionPool.run(conn, sql, limit)
            except Exception as exc:
                await ctx.log(level="error", message=f"query failed: {exc}", logger_name="warehouse.sql")
                raise ToolError(f"Query failed: {exc}") from exc
        state.pool.queries_served += 1
        await ctx.report_progress(3, 3, f"{len(rows)} rows")
        if truncated and state.should_log("warning"):
            await ctx.warning(f"result truncated to {limit} rows")
        return QueryResult(
            columns=columns,
            rows=[list(row) for row in rows],
            row_count=len(rows),
            truncated=truncated,
            elapsed_ms=round(elapsed_ms, 3),
        )

    @mcp.tool(annotations=READ_ONLY)
    def list_tables(include_views: bool = True) -> list[str]:
        """Names of the tables (and materialized views) in the warehouse."""
        state = mcp.get_context().request_context.lifespan_context
        return state.pool.table_names(include_views=include_views)

    @mcp.tool(annotations=READ_ONLY)
    async def describe_table(table: str, ctx: WarehouseContext) -> TableSchema:
        """Column definitions and row count for one table."""
        state = ctx.request_context.lifespan_context
        await ctx.debug(f"describing {table}")
        return describe(state.pool, table)

    @mcp.tool(annotations=READ_ONLY, structured_output=True)
    def estimate_cost(sql: str) -> dict[str, Any]:
        """Rough cost estimate for a query, used by agents to decide whether to sample first."""
        loop = asyncio.get_running_loop()
        started = loop.time()
        state = mcp.get_context().request_context.lifespan_context
        tables = [t for t in state.pool.table_names() if t in sql.lower()]
        scanned = sum(state.pool.row_count(t) for t in tables)
        return {
            "tables": tables,
            "estimatedRows": scanned,
            "units": round(0.25 + scanned / 100, 2),
            "plannerMs": round((loop.time() - started) * 1000, 3),
        }

    @mcp.tool(
        title="Table statistics",
        annotations=ToolAnnotations(readOnlyHint=True, openWorldHint=False),
        meta={"category": "catalog"},
    )
    async def table_stats(table: str, ctx: WarehouseContext) -> CallToolResult:
        """Row count and pool statistics; never fails the call, reports errors inline."""
        pool = ctx.request_context.lifespan_context.pool
        try:
            rows = pool.row_count(table)
        except KeyError:
            return CallToolResult(
                content=[TextContent(type="text", text=f"no such table: {table}")],
                isError=True,
            )
        payload = {"table": table, "rows": rows, "pool": pool.stats()}
        return CallToolResult(
            content=[TextContent(type="text", text=json.dumps(payload))],
            structuredContent=payload,
            _meta={"warehouse/cached": False},
        )

    @mcp.tool(annotations=ToolAnnotations(readOnlyHint=False, destructiveHint=False, idempotentHint=True))
    async def refresh_view(view: str, ctx: WarehouseContext) -> RefreshReport:
        """Rebuild a materialized view and notify subscribers of its schema resource."""
        state = ctx.request_context.lifespan_context
        if view not in MATERIALIZED_VIEWS:
            raise McpError(
                ErrorData(
                    code=INVALID_PARAMS,
                    message=f"Unknown materialized view: {view}",
                    data={"view": view, "known": sorted(MATERIALIZED_VIEWS)},
                )
            )
        rows = await state.pool.refresh(view)
        notified = await state.subscriptions.publish(f"warehouse://tables/{view}/schema")
        await ctx.session.send_resource_list_changed()
        return RefreshReport(view=view, rows=rows, notified_subscribers=notified)

    @mcp.tool(title="Export a table")
    async def export_table(table: str, ctx: WarehouseContext, destination: str = "s3://exports") -> ExportReceipt:
        """Export a whole table after the user confirms."""
        pool = ctx.request_context.lifespan_context.pool
        schema = describe(pool, table)
        answer = await ctx.elicit(
            message=f"Export {schema.row_count} rows of {table} to {destination}?",
            schema=ExportOptions,
        )
        if isinstance(answer, AcceptedElicitation):
            options = answer.data
            if not options.confirm:
                return ExportReceipt(table=table, status="declined")
            location = f"{destination.rstrip('/')}/{table}.{options.format}"
            await ctx.info(f"exporting {table} to {location}")
            return ExportReceipt(
                table=table, status="exported", rows=schema.row_count, location=location, format=options.format
            )
        if isinstance(answer, DeclinedElicitation):
            return ExportReceipt(table=table, status="declined")
        assert isinstance(answer, CancelledElicitation)
        return ExportReceipt(table=table, status="cancelled")

    @mcp.tool()
    async def explain_query(sql: str, ctx: WarehouseContext) -> str:
        """Ask the client's model to explain a query in plain English."""
        tables = ", ".join(ctx.request_context.lifespan_context.pool.table_names())
        response = await ctx.session.create_message(
            messages=[
                SamplingMessage(role="user", content=TextContent(type="text", text=f"Explain this SQL:\n{sql}")),
            ],
            max_tokens=300,
            system_prompt=f"You are a data analyst. Available tables: {tables}.",
            temperature=0.2,
            stop_sequences=["\n\n\n"],
        )
        if not isinstance(response.content, TextContent):
            raise ToolError("model did not answer with text")
        text = response.content.text.strip()
        if response.stopReason == "maxTokens":
            text += " [truncated]"
        return f"{text} (model: {response.model})"
