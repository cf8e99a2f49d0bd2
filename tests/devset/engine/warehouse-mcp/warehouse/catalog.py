"""Catalog resources (static and templated) and argument completion."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from pydantic import AnyUrl

from mcp.server.fastmcp import Context
from mcp.server.fastmcp.resources import FileResource, TextResource
from mcp.types import (
    Annotations,
    Completion,
    CompletionArgument,
    CompletionContext,
    PromptReference,
    ResourceTemplateReference,
)

from warehouse.pool import MATERIALIZED_VIEWS, ConnectionPool
from warehouse.server import WarehouseServer, WarehouseState
from warehouse.tools import describe

SCHEMA_TEMPLATE = "warehouse://tables/{table}/schema"
SAMPLE_TEMPLATE = "warehouse://tables/{table}/sample/{rows}"
SAMPLE_SIZES = ["5", "10", "25", "50", "100"]
MAX_COMPLETIONS = 5

SQL_DIALECT = """\
# Warehouse SQL dialect

* Dates are ISO-8601 strings; materialized views are prefixed `mv_` and rebuilt by `refresh_view`.
"""


def _state(ctx: Context) -> WarehouseState:
    state: WarehouseState = ctx.request_context.lifespan_context
    return state


def _pool_of(mcp: WarehouseServer) -> ConnectionPool:
    return mcp.get_context().request_context.lifespan_context.pool


def _matching(candidates: list[str], prefix: str) -> Completion:
    hits = [c for c in candidates if c.lower().startswith(prefix.lower())]
    return Completion(values=hits[:MAX_COMPLETIONS], total=len(hits), hasMore=len(hits) > MAX_COMPLETIONS)


def register(mcp: WarehouseServer, manifest: Path | None = None) -> None:
    settings = mcp.settings

    @mcp.resource(
        "warehouse://catalog",
        name="catalog",
        title="Warehouse catalog",
        mime_type="application/json",
        annotations=Annotations(audience=["assistant"], priority=0.9),
    )
    def catalog() -> dict[str, Any]:
        pool = _pool_of(mcp)
        return {
            "tables": [
                {"name": name, "rows": pool.row_count(name), "materialized": name in MATERIALIZED_VIEWS}
                for name in pool.table_names()
            ],
            "schemaTemplate": SCHEMA_TEMPLATE,
            "debug": settings.debug,
        }

    @mcp.resource(SCHEMA_TEMPLATE, name="table_schema", mime_type="application/json")
    async def table_schema(table: str, ctx: Context) -> str:
        """JSON description of a table's columns."""
        schema = describe(_state(ctx).pool, table)
        return schema.model_dump_json(indent=2)

    @mcp.resource(SAMPLE_TEMPLATE, name="table_sample", mime_type="text/csv")
    async def table_sample(table: str, rows: int, ctx: Context) -> str:
        """The first rows of a table as CSV."""
        state = _state(ctx)
        if table not in state.pool.table_names():
            raise ValueError(f"Unknown table: {table}")
        rows = max(1, min(rows, state.config.max_rows))
        async with state.pool.acquire() as conn:
            columns, data, _, _ = ConnectionPool.run(conn, f'SELECT * FROM "{table}"', rows)
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(data)
        return buffer.getvalue()

    mcp.add_resource(
        TextResource(
            uri=AnyUrl("warehouse://docs/sql-dialect"),
            name="sql-dialect",
            title="SQL dialect notes",
            text=SQL_DIALECT,
            mime_type="text/markdown",
        )
    )

    if manifest is not None:
        mcp.add_resource(
            FileResource(
                uri=AnyUrl(manifest.as_uri()),
                name="manifest",
                path=manifest,
                mime_type="application/json",
                description="dbt-style manifest of the models that feed the warehouse",
            )
        )

    @mcp.completion()
    async def complete(
        ref: PromptReference | ResourceTemplateReference,
        argument: CompletionArgument,
        context: CompletionContext | None,
    ) -> Completion | None:
        pool = _pool_of(mcp)
        if isinstance(ref, ResourceTemplateReference):
            if ref.uri not in (SCHEMA_TEMPLATE, SAMPLE_TEMPLATE):
                return None
            if argument.name == "table":
                return _matching(pool.table_names(), argument.value)
            if argument.name == "rows":
                return _matching(SAMPLE_SIZES, argument.value)
            return None
        if ref.name not in ("analyze_table", "write_query"):
            return None
        if argument.name == "table":
            return _matching(pool.table_names(include_views=False), argument.value)
        if argument.name == "column":
            table = (context.arguments or {}).get("table") if context else None
            if not table or table not in pool.table_names():
                return Completion(values=[], total=0, hasMore=False)
            return _matching([c.name for c in pool.columns(table)], argument.value)
        return None

