"""The same jobs exposed through FastMCP, for hosts that prefer the decorator API."""

from __future__ import annotations

from mcp.server.fastmcp import Context, FastMCP
from mcp.shared.progress import progress

from .event_store import InMemoryEventStore
from .jobs import JobRegistry

registry = JobRegistry()

mcp = FastMCP(
    "streaming-worker-fast",
    event_store=InMemoryEventStore(),
    retry_interval=2000,
    streamable_http_path="/mcp",
)


@mcp.tool()
async def crunch(steps: int, ctx: Context) -> dict[str, object]:
    """Run a job, reporting progress after every step."""
    job = registry.create("crunch", steps)

    async def on_step(j) -> None:
        await ctx.report_progress(j.completed, j.steps, message=f"step {j.completed}")

    await registry.run(job, on_step)
    await ctx.info(f"job {job.id} finished: {job.state.value}")
    return {"job": job.id, "state": job.state.value}


@mcp.tool()
async def upload(chunks: list[str], ctx: Context) -> int:
    """Pretend to ingest chunks, using the shared progress helper."""
    if ctx.request_context.meta is None or ctx.request_context.meta.progressToken is None:
        return sum(len(c) for c in chunks)
    total = 0
    with progress(ctx.request_context, total=len(chunks)) as p:
        for chunk in chunks:
            total += len(chunk)
            await p.progress(1, message=f"{total} bytes")
    return total
