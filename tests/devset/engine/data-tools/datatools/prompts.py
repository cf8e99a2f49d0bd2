"""Prompt templates for common analysis conversations."""

from __future__ import annotations

from pydantic import AnyUrl

from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.prompts.base import AssistantMessage, Message, UserMessage
from mcp.types import EmbeddedResource, TextResourceContents

from datatools.state import AppState, dataset_uri


def register_prompts(mcp: FastMCP[AppState]) -> None:
    @mcp.prompt(title="Explore a dataset")
    def explore_dataset(dataset: str, goal: str = "find interesting patterns") -> list[Message]:
        """Start an exploratory analysis session, with a preview of the data attached."""
        state = mcp.get_context().request_context.lifespan_context
        ds = state.dataset(dataset)
        preview = ds.frame.head(state.config.preview_rows).to_csv()
        dtypes = ", ".join(f"{c} ({t})" for c, t in ds.frame.dtypes().items())
        return [
            UserMessage(
                f"I want to explore the dataset '{dataset}' ({ds.frame.num_rows} rows). "
                f"Columns: {dtypes}. My goal: {goal}."
            ),
            UserMessage(
                content=EmbeddedResource(
                    type="resource",
                    resource=TextResourceContents(
                        uri=AnyUrl(dataset_uri(dataset)),
                        mimeType="text/csv",
                        text=preview,
                    ),
                )
            ),
            AssistantMessage(
                "I'll start with `describe` for summary statistics, then look at distributions "
                "with `plot_histogram` and relationships with `correlations`."
            ),
        ]

    @mcp.prompt(title="Compare two columns")
    async def compare_columns(dataset: str, x: str, y: str, ctx: Context) -> list[Message]:
        """Ask for a comparison of two columns, including their correlation."""
        state: AppState = ctx.request_context.lifespan_context
        frame = state.dataset(dataset).frame
        r = frame.correlation(x, y)
        corr = "undefined" if r is None else f"{r:.3f}"
        return [
            UserMessage(f"In '{dataset}', compare column '{x}' with column '{y}'."),
            UserMessage(f"Pearson correlation computed by the server: {corr}. Explain what this suggests."),
        ]

    @mcp.prompt()
    def cleaning_plan(dataset: str) -> str:
        """Draft a data-cleaning plan based on null counts."""
        state = mcp.get_context().request_context.lifespan_context
        stats = state.dataset(dataset).frame.describe()
        issues = [f"- {name}: {s['nulls']} missing" for name, s in stats.items() if s["nulls"]]
        listing = "\n".join(issues) if issues else "- no missing values detected"
        return f"Propose a cleaning plan for '{dataset}'. Known issues:\n{listing}"
