"""Prompt templates for common analysis tasks."""

from __future__ import annotations

from pydantic import AnyUrl

from mcp.server.fastmcp import Context
from mcp.server.fastmcp.prompts.base import AssistantMessage, Message, UserMessage
from mcp.types import EmbeddedResource, TextResourceContents

from warehouse.server import WarehouseServer, WarehouseState
from warehouse.tools import describe

FOCUS_HINTS = {
    "quality": "Look for NULLs, duplicates and out-of-range values.",
    "trends": "Group by date columns and describe how the measures move over time.",
    "outliers": "Find rows whose numeric columns sit far from the median.",
}


def register(mcp: WarehouseServer) -> None:
    @mcp.prompt(title="Analyze a table")
    async def analyze_table(table: str, ctx: Context, focus: str = "quality", column: str | None = None) -> list[Message]:
        """Walk the model through profiling one table."""
        state: WarehouseState = ctx.request_context.lifespan_context
        schema = describe(state.pool, table)
        hint = FOCUS_HINTS.get(focus, FOCUS_HINTS["quality"])
        target = f" Pay particular attention to `{column}`." if column else ""
        return [
            UserMessage(
                EmbeddedResource(
                    type="resource",
                    resource=TextResourceContents(
                        uri=AnyUrl(f"warehouse://tables/{table}/schema"),
                        mimeType="application/json",
                        text=schema.model_dump_json(),
                    ),
                )
            ),
            UserMessage(f"Profile the `{table}` table ({schema.row_count} rows). {hint}{target}"),
            AssistantMessage("I'll start with a row count and the distribution of each column."),
        ]

    @mcp.prompt()
    def write_query(question: str, table: str = "orders") -> str:
        """Turn a business question into SQL."""
        return (
            f"Write a single read-only SQL query against the `{table}` table (join others as needed) "
            f"that answers: {question}\nReturn only the SQL."
        )
