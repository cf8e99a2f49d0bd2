"""Resources: a dataset index plus per-dataset CSV / schema / chart views."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import AnyUrl

from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.resources import FileResource
from mcp.types import Annotations

from datatools.charts import bar_chart
from datatools.state import AppState, dataset_uri


def register_resources(mcp: FastMCP[AppState], data_dir: Path) -> None:
    @mcp.resource(
        "datasets://index",
        name="dataset-index",
        title="All datasets",
        mime_type="application/json",
        annotations=Annotations(audience=["assistant"], priority=0.9),
    )
    def dataset_index() -> str:
        state = mcp.get_context().request_context.lifespan_context
        entries = [
            {"name": ds.name, "rows": ds.frame.num_rows, "version": ds.version, "uri": dataset_uri(ds.name),
             "mimeType": "text/csv", "description": ds.description}
            for ds in state.store
        ]
        return json.dumps({"datasets": entries, "nextCursor": None}, indent=2)

    @mcp.resource("dataset://{name}/csv", title="Dataset as CSV", mime_type="text/csv")
    async def dataset_csv(name: str, ctx: Context) -> str:
        state: AppState = ctx.request_context.lifespan_context
        await ctx.debug(f"serving csv for {name}")
        return state.dataset(name).frame.to_csv()

    @mcp.resource("dataset://{name}/schema", title="Column types and stats", mime_type="application/json")
    def dataset_schema(name: str) -> dict[str, Any]:
        ds = mcp.get_context().request_context.lifespan_context.dataset(name)
        stats = ds.frame.describe()
        return {
            "name": name,
            "version": ds.version,
            "rowCount": ds.frame.num_rows,
            "columns": [{"name": col, "type": s["dtype"], "stats": s} for col, s in stats.items()],
        }

    @mcp.resource("chart://{name}/{column}", title="Histogram", mime_type="image/png")
    def column_chart(name: str, column: str) -> bytes:
        state = mcp.get_context().request_context.lifespan_context
        counts, _ = state.dataset(name).frame.histogram(column, bins=12)
        return bar_chart(counts)

    catalog = data_dir / "catalog.json"
    if catalog.exists():
        mcp.add_resource(
            FileResource(
                uri=AnyUrl(catalog.resolve().as_uri()),
                path=catalog.resolve(),
                name="catalog",
                description="Catalog of the bundled sample datasets",
                mime_type="application/json",
            )
        )
