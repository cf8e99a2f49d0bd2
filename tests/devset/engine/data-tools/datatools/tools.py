"""Tool handlers: loading, inspecting, transforming and summarising datasets."""

from __future__ import annotations

import asyncio
import itertools
import json
from typing import Any, Literal

import anyio
from pydantic import AnyUrl

from mcp.server.elicitation import AcceptedElicitation, CancelledElicitation, DeclinedElicitation
from mcp.server.fastmcp import FastMCP, Image
from mcp.server.fastmcp.exceptions import ToolError
from mcp.shared.progress import ProgressContext
from mcp.types import (
    CallToolResult,
    ContentBlock,
    EmbeddedResource,
    ResourceLink,
    SamplingMessage,
    TextContent,
    TextResourceContents,
    ToolAnnotations,
)

from datatools.charts import bar_chart
from datatools.frames import Frame, FrameError, Operator, parse_query
from datatools.models import (
    ColumnProfile,
    ColumnStats,
    ConfirmDrop,
    CorrelationRow,
    DatasetInfo,
    DescribeResult,
    SummaryResult,
    TableSlice,
)
from datatools.state import AppState, DataContext, dataset_uri, emit, state_of
from datatools.store import Dataset

READ_ONLY = ToolAnnotations(readOnlyHint=True, openWorldHint=False)
MUTATING = ToolAnnotations(readOnlyHint=False, destructiveHint=False, idempotentHint=False, openWorldHint=False)
DESTRUCTIVE = ToolAnnotations(readOnlyHint=False, destructiveHint=True, idempotentHint=True, openWorldHint=False)

SUMMARY_SYSTEM_PROMPT = (
    "You are a careful data analyst. Summarise the dataset described below in at most "
    "three sentences, mentioning notable ranges and anything that looks like a data quality issue."
)


def dataset_info(ds: Dataset) -> DatasetInfo:
    return DatasetInfo(
        name=ds.name,
        rows=ds.frame.num_rows,
        columns=ds.frame.column_names,
        dtypes={col: str(kind) for col, kind in ds.frame.dtypes().items()},
        version=ds.version,
        uri=dataset_uri(ds.name),
    )


def _text(message: str) -> TextContent:
    return TextContent(type="text", text=message)


def _error(message: str) -> CallToolResult:
    return CallToolResult(content=[_text(message)], isError=True)


async def _announce_change(ctx: DataContext, state: AppState, name: str, *, created: bool) -> None:
    if created:
        await ctx.session.send_resource_list_changed()
    await state.subscriptions.notify(dataset_uri(name, "csv"), dataset_uri(name, "schema"))


def register_tools(mcp: FastMCP[AppState]) -> None:
    @mcp.tool(title="Load CSV", annotations=MUTATING)
    async def load_csv(name: str, csv_text: str, ctx: DataContext, description: str = "") -> DatasetInfo:
        """Parse CSV text and register it as a dataset (replacing any dataset of that name)."""
        state = state_of(ctx)
        try:
            frame = Frame.from_csv(csv_text)
        except FrameError as exc:
            raise ToolError(f"could not parse CSV for {name!r}: {exc}") from exc
        created = name not in state.store
        ds = state.store.put(name, frame, description=description)
        await emit(ctx, "info", f"loaded {name} ({frame.num_rows} rows, version {ds.version})")
        await _announce_change(ctx, state, name, created=created)
        return dataset_info(ds)

    @mcp.tool(annotations=READ_ONLY)
    async def describe(dataset: str, ctx: DataContext, columns: list[str] | None = None) -> DescribeResult:
        """Summary statistics per column (count, nulls, mean, std, min, max...)."""
        ds = state_of(ctx).dataset(dataset)
        try:
            stats = ds.frame.describe(columns)
        except FrameError as exc:
            raise ToolError(str(exc)) from exc
        await emit(ctx, "debug", f"described {len(stats)} columns of {dataset}")
        return DescribeResult(
            dataset=dataset,
            rows=ds.frame.num_rows,
            columns={name: ColumnStats.model_validate(values) for name, values in stats.items()},
        )

    @mcp.tool(annotations=READ_ONLY)
    def head(dataset: str, n: int = 5) -> TableSlice:
        """First ``n`` rows of a dataset."""
        ctx = mcp.get_context()
        state = ctx.request_context.lifespan_context
        ds = state.dataset(dataset)
        preview = ds.frame.head(max(0, min(n, state.config.max_rows)))
        return TableSlice(
            dataset=dataset,
            columns=preview.column_names,
            rows=[list(row.values()) for row in preview.rows()],
            total_rows=ds.frame.num_rows,
        )

    @mcp.tool(annotations=MUTATING)
    async def filter_rows(
        dataset: str,
        ctx: DataContext,
        query: str | None = None,
        column: str | None = None,
        op: Operator = "==",
        value: str | float | None = None,
        save_as: str | None = None,
    ) -> CallToolResult:
        """Filter rows either with a query string ("units > 100 & region != south")
        or with a single column/op/value triple. Optionally saves the result."""
        state = state_of(ctx)
        ds = state.dataset(dataset)
        try:
            if query:
                parsed = parse_query(query)
                result = parsed.apply(ds.frame)
                described = parsed.source
            elif column is not None:
                result = ds.frame.filter(column, op, value)
                described = f"{column} {op} {value!r}"
            else:
                return _error("either 'query' or 'column' must be given")
        except FrameError as exc:
            return _error(f"filter failed: {exc}")

        summary: dict[str, Any] = {
            "dataset": dataset,
            "filter": described,
            "matched": result.num_rows,
            "of": ds.frame.num_rows,
            "savedAs": None,
        }
        content: list[ContentBlock] = [_text(f"{result.num_rows} of {ds.frame.num_rows} rows match {described}")]
        if save_as:
            created = save_as not in state.store
            state.store.put(save_as, result, source=f"filter:{dataset}")
            summary["savedAs"] = save_as
            content.append(
                ResourceLink(
                    type="resource_link",
                    name=save_as,
                    uri=AnyUrl(dataset_uri(save_as)),
                    mimeType="text/csv",
                )
            )
            await _announce_change(ctx, state, save_as, created=created)
        return CallToolResult(content=content, structuredContent=summary)

    @mcp.tool(annotations=READ_ONLY, structured_output=False)
    async def plot_histogram(dataset: str, column: str, ctx: DataContext, bins: int = 10) -> Image:
        """Render a histogram of a numeric column as a PNG image."""
        ds = state_of(ctx).dataset(dataset)
        try:
            counts, edges = ds.frame.histogram(column, bins)
        except FrameError as exc:
            raise ToolError(str(exc)) from exc
        await emit(ctx, "debug", f"histogram {column}: {len(counts)} bins from {edges[0]}")
        return Image(data=bar_chart(counts), format="png")

    @mcp.tool(annotations=READ_ONLY, structured_output=False)
    async def export_dataset(
        dataset: str, ctx: DataContext, fmt: Literal["csv", "json"] = "csv"
    ) -> list[ContentBlock]:
        """Export a dataset inline as an embedded resource."""
        ds = state_of(ctx).dataset(dataset)
        if fmt == "csv":
            body, mime = ds.frame.to_csv(), "text/csv"
        else:
            body, mime = json.dumps(ds.frame.to_records(), indent=2), "application/json"
        embedded = EmbeddedResource(
            type="resource",
            resource=TextResourceContents(uri=AnyUrl(dataset_uri(dataset, fmt)), mimeType=mime, text=body),
        )
        return [_text(f"{dataset}: {ds.frame.num_rows} rows as {fmt}"), embedded]

    @mcp.tool(annotations=MUTATING)
    async def append_rows(dataset: str, rows: list[dict[str, Any]], ctx: DataContext) -> DatasetInfo:
        """Append records to an existing dataset and notify subscribers."""
        state = state_of(ctx)
        ds = state.dataset(dataset)
        try:
            frame = ds.frame.append(rows)
        except FrameError as exc:
            raise ToolError(str(exc)) from exc
        ds = state.store.replace_frame(dataset, frame)
        notified = await state.subscriptions.notify(dataset_uri(dataset, "csv"), dataset_uri(dataset, "schema"))
        await emit(ctx, "info", f"appended {len(rows)} rows to {dataset}; {notified} subscriber(s) notified")
        return dataset_info(ds)

    @mcp.tool(annotations=READ_ONLY)
    async def correlations(dataset: str, ctx: DataContext) -> list[CorrelationRow]:
        """Pairwise Pearson correlation of every numeric column pair."""
        ds = state_of(ctx).dataset(dataset)
        pairs = list(itertools.combinations(ds.frame.numeric_columns(), 2))
        rows: list[CorrelationRow] = []
        for done, (a, b) in enumerate(pairs, start=1):
            r = ds.frame.correlation(a, b)
            rows.append(CorrelationRow(left=a, right=b, pearson=None if r is None else round(r, 4)))
            await ctx.report_progress(done, len(pairs), message=f"{a} ~ {b}")
            await anyio.sleep(0)
        await emit(ctx, "info", f"computed {len(rows)} correlations for {dataset}")
        return rows

    @mcp.tool(annotations=READ_ONLY)
    async def profile_columns(dataset: str, ctx: DataContext) -> list[ColumnProfile]:
        """Null and distinct counts per column; reports progress per column when asked to."""
        ds = state_of(ctx).dataset(dataset)
        profiles: list[ColumnProfile] = []
        meta = ctx.request_context.meta
        names = ds.frame.column_names
        if meta is not None and meta.progressToken is not None:
            tracker = ProgressContext(ctx.session, meta.progressToken, total=len(names))
            for name in names:
                profiles.append(_profile(ds.frame, name))
                await tracker.progress(1, message=name)
        else:
            profiles = [_profile(ds.frame, name) for name in names]
        return profiles

    @mcp.tool(title="Summarise with the client's model", annotations=READ_ONLY)
    async def summarize(dataset: str, ctx: DataContext, focus: str | None = None) -> SummaryResult:
        """Ask the connected client's LLM to write a short narrative summary."""
        ds = state_of(ctx).dataset(dataset)
        stats = json.dumps(ds.frame.describe(), default=str, indent=1)
        prompt = f"Dataset '{dataset}' has {ds.frame.num_rows} rows.\nColumn statistics:\n{stats}"
        if focus:
            prompt += f"\nPay particular attention to: {focus}"
        result = await ctx.session.create_message(
            messages=[SamplingMessage(role="user", content=TextContent(type="text", text=prompt))],
            max_tokens=300,
            system_prompt=SUMMARY_SYSTEM_PROMPT,
            temperature=0.2,
            include_context="thisServer",
            related_request_id=ctx.request_id,
        )
        if not isinstance(result.content, TextContent):
            raise ToolError(f"client model returned {result.content.type} content, expected text")
        await emit(ctx, "info", f"summary for {dataset} produced by {result.model}")
        return SummaryResult(
            dataset=dataset,
            summary=result.content.text.strip(),
            model=result.model,
            stop_reason=result.stopReason,
        )

    @mcp.tool(annotations=DESTRUCTIVE)
    async def drop_dataset(dataset: str, ctx: DataContext) -> CallToolResult:
        """Delete a dataset after asking the user for confirmation."""
        state = state_of(ctx)
        ds = state.dataset(dataset)
        answer = await ctx.elicit(
            message=f"Delete dataset '{dataset}' ({ds.frame.num_rows} rows)? This cannot be undone.",
            schema=ConfirmDrop,
        )
        match answer:
            case AcceptedElicitation(data=ConfirmDrop(confirm=True, reason=reason)):
                state.store.remove(dataset)
                await ctx.session.send_resource_list_changed()
                await emit(ctx, "warning", f"dataset {dataset} dropped ({reason or 'no reason given'})")
                return CallToolResult(
                    content=[_text(f"Dropped {dataset}.")],
                    structuredContent={"dataset": dataset, "dropped": True, "reason": reason},
                )
            case AcceptedElicitation():
                outcome = "not confirmed"
            case DeclinedElicitation():
                outcome = "declined"
            case CancelledElicitation():
                outcome = "cancelled"
        return CallToolResult(
            content=[_text(f"Kept {dataset} ({outcome}).")],
            structuredContent={"dataset": dataset, "dropped": False, "reason": outcome},
        )

    @mcp.tool(annotations=READ_ONLY)
    def server_status() -> dict[str, Any]:
        """Small health snapshot: datasets loaded, subscriptions, requested log level."""
        ctx = mcp.get_context()
        state = ctx.request_context.lifespan_context
        loop = asyncio.get_running_loop()
        return {
            "server": ctx.fastmcp.name,
            "requestId": ctx.request_id,
            "clientId": ctx.client_id,
            "datasets": state.store.names(),
            "watching": state.subscriptions.watched(),
            "logLevel": state.log_level,
            "loopTime": round(loop.time(), 3),
        }


def _profile(frame: Frame, name: str) -> ColumnProfile:
    values = frame.column(name)
    return ColumnProfile(
        column=name,
        dtype=frame.dtypes()[name],
        nulls=sum(v is None for v in values),
        distinct=len({v for v in values if v is not None}),
    )
