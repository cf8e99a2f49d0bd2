"""SRV017: `ProgressContext` and `progress()` context manager removed

Rule: engine/mcp_migrate/rules/srv017_progress_removed.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        "+# mcp-migrate: SRV017 `mcp.shared.progress` was removed: call `await ctx.report_progress(current, total, message=...)` with the absolute running total (not a delta as `p.progress(amount)` took) https://py.sdk.modelcontextprotocol.io/v2/migration/#progresscontext-and-progress-context-manager-removed\n"
        " from mcp.shared.progress import progress\n"
        " \n"
        " \n"
        " async def work(ctx):\n"
        "+    # mcp-migrate: SRV017 `mcp.shared.progress` was removed: call `await ctx.report_progress(current, total, message=...)` with the absolute running total (not a delta as `p.progress(amount)` took) https://py.sdk.modelcontextprotocol.io/v2/migration/#progresscontext-and-progress-context-manager-removed\n"
        "     with progress(ctx, total=100) as p:\n"
        "         await p.progress(25, message='step 1')\n",
        findings=["SRV017:1 manual", "SRV017:5 manual"],
    ),
]

NOOP = [
    "from mcp.server.fastmcp import Context\n\nasync def t(ctx: Context):\n    await ctx.report_progress(25, 100)\n",
    "from tqdm import progress\n\nwith progress() as p:\n    pass\n",
]
