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
    # an MCPServer `Context`'s request context: `report_progress` with the running total v1 kept; a
    # total that is not a name is computed once, as v1 did
    case(
        ' from mcp.server.fastmcp import Context, FastMCP\n'
        '-from mcp.shared.progress import progress\n'
        ' \n'
        ' mcp = FastMCP("Demo")\n'
        ' \n'
        ' \n'
        ' @mcp.tool()\n'
        ' async def rotate(name: str, ctx: Context) -> str:\n'
        '     """Rotate a secret."""\n'
        '-    with progress(ctx.request_context, total=3) as p:\n'
        '+    p = 0\n'
        '+    p += 1\n'
        '-        await p.progress(1, message="generating")\n'
        '+    await ctx.report_progress(p, 3, message="generating")\n'
        '-        secret = name * 2\n'
        '+    secret = name * 2\n'
        '+    p += 1\n'
        '-        await p.progress(1, message="storing")\n'
        '+    await ctx.report_progress(p, 3, message="storing")\n'
        '-        for _ in range(2):\n'
        '+    for _ in range(2):\n'
        '-            await p.progress(0.5)\n'
        '+        p += 0.5\n'
        '+        await ctx.report_progress(p, 3)\n'
        '     return secret\n'
        ' \n'
        ' \n'
        ' @mcp.tool()\n'
        ' async def scan(files: list[str], ctx: Context) -> int:\n'
        '-    with progress(ctx.request_context, total=len(files)) as p:  # type: ignore[arg-type]\n'
        '+    p = 0\n'
        '+    p_total = len(files)\n'
        '-        for f in files:\n'
        '+    for f in files:\n'
        '-            await p.progress(1)\n'
        '+        p += 1\n'
        '+        await ctx.report_progress(p, p_total)\n'
        '     return len(files)\n',
        findings=["SRV017:10 safe", "SRV017:21 safe"],
    ),
    # the progress context read after the block: marked
    case(
        ' from mcp.server.fastmcp import Context\n'
        '+# mcp-migrate: SRV017 `mcp.shared.progress` was removed: call `await ctx.report_progress(current, total, message=...)` with the absolute running total (not a delta as `p.progress(amount)` took) https://py.sdk.modelcontextprotocol.io/v2/migration/#progresscontext-and-progress-context-manager-removed\n'
        ' from mcp.shared.progress import progress\n'
        ' \n'
        ' \n'
        ' async def work(ctx: Context):\n'
        '+    # mcp-migrate: SRV017 `mcp.shared.progress` was removed: call `await ctx.report_progress(current, total, message=...)` with the absolute running total (not a delta as `p.progress(amount)` took) https://py.sdk.modelcontextprotocol.io/v2/migration/#progresscontext-and-progress-context-manager-removed\n'
        '     with progress(ctx.request_context, total=2) as p:\n'
        '         await p.progress(1)\n'
        '     return p.current\n',
        findings=["SRV017:2 manual", "SRV017:6 manual"],
    ),
    # v1's class built and called directly (its only import from the module): defined here in place of
    # the import, under the name the file uses
    case(
        ' from mcp.server.fastmcp import Context, FastMCP\n'
        '-from mcp.shared.progress import ProgressContext\n'
        '+from dataclasses import dataclass, field\n'
        '+from typing import Any\n'
        '+\n'
        '+\n'
        '+@dataclass\n'
        '+class ProgressContext:\n'
        '+    """v1\'s `mcp.shared.progress.ProgressContext`, which v2 removed\n'
        '+    (https://py.sdk.modelcontextprotocol.io/v2/migration/#progresscontext-and-progress-context-manager-removed):\n'
        '+    `progress(amount)` adds to the running total and reports the total."""\n'
        '+\n'
        '+    session: Any\n'
        '+    progress_token: str | int\n'
        '+    total: float | None\n'
        '+    current: float = field(default=0.0, init=False)\n'
        '+\n'
        '+    async def progress(self, amount: float, message: str | None = None) -> None:\n'
        '+        self.current += amount\n'
        '+        await self.session.send_progress_notification(self.progress_token, self.current, total=self.total, message=message)\n'
        '+\n'
        ' \n'
        ' mcp = FastMCP("Demo")\n'
        ' \n'
        ' \n'
        ' @mcp.tool()\n'
        ' async def crunch(names: list[str], ctx: Context) -> int:\n'
        '     tracker: ProgressContext | None = None\n'
        '     if ctx.request_context.meta is not None and ctx.request_context.meta.progressToken is not None:\n'
        '         tracker = ProgressContext(ctx.session, ctx.request_context.meta.progressToken, total=len(names))\n'
        '     for name in names:\n'
        '         if tracker is not None:\n'
        '             await tracker.progress(1, message=name)\n'
        '     return len(names)\n',
        findings=['SRV017:2 safe'],
    ),
    # v1's generic spelled out (`ProgressContext[...]`): the local class would not take it, so marked
    case(
        ' from mcp.server.session import ServerSession\n'
        '+# mcp-migrate: SRV017 `mcp.shared.progress` was removed: call `await ctx.report_progress(current, total, message=...)` with the absolute running total (not a delta as `p.progress(amount)` took) https://py.sdk.modelcontextprotocol.io/v2/migration/#progresscontext-and-progress-context-manager-removed\n'
        ' from mcp.shared.progress import ProgressContext\n'
        ' \n'
        ' \n'
        '+# mcp-migrate: SRV017 `mcp.shared.progress` was removed: call `await ctx.report_progress(current, total, message=...)` with the absolute running total (not a delta as `p.progress(amount)` took) https://py.sdk.modelcontextprotocol.io/v2/migration/#progresscontext-and-progress-context-manager-removed\n'
        ' def tracker(session: ServerSession, token: str) -> ProgressContext[ServerSession, None, None, None, None]:\n'
        '+    # mcp-migrate: SRV017 `mcp.shared.progress` was removed: call `await ctx.report_progress(current, total, message=...)` with the absolute running total (not a delta as `p.progress(amount)` took) https://py.sdk.modelcontextprotocol.io/v2/migration/#progresscontext-and-progress-context-manager-removed\n'
        '     return ProgressContext(session, token, total=None)\n',
        findings=['SRV017:2 manual', 'SRV017:5 manual', 'SRV017:6 manual'],
    ),
]

NOOP = [
    "from mcp.server.fastmcp import Context\n\nasync def t(ctx: Context):\n    await ctx.report_progress(25, 100)\n",
    "from tqdm import progress\n\nwith progress() as p:\n    pass\n",
]
