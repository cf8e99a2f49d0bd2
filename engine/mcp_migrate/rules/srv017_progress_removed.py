import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

MOD = sdk.SHARED_PROGRESS
NAMES = [MOD + ".progress", MOD + ".ProgressContext", MOD + ".Progress"]
MESSAGE = (
    "`mcp.shared.progress` was removed: call `await ctx.report_progress(current, total, message=...)` "
    "with the absolute running total (not a delta as `p.progress(amount)` took)"
)


@rule(
    code="SRV017",
    title="`ProgressContext` and `progress()` context manager removed",
    anchor="progresscontext-and-progress-context-manager-removed",
    fix_class="manual",
    summary="""
        Marks imports and uses of `mcp.shared.progress` (`progress()`, `ProgressContext`, `Progress`):
        report progress with `Context.report_progress()` and keep the running total yourself.
    """,
    why="""
        v2 removed the module: `from mcp.shared.progress import progress` raises
        `ModuleNotFoundError: No module named 'mcp.shared.progress'`. `report_progress` takes absolute
        values, so passing the old deltas silently reports jittering progress.
    """,
    example="""
         from mcp.server.fastmcp import Context, FastMCP
        +# mcp-migrate: SRV017 `mcp.shared.progress` was removed: call `await ctx.report_progress(current, total, message=...)` with the absolute running total (not a delta as `p.progress(amount)` took) https://py.sdk.modelcontextprotocol.io/v2/migration/#progresscontext-and-progress-context-manager-removed
         from mcp.shared.progress import progress

         mcp = FastMCP("Demo")


         @mcp.tool()
         async def crunch(ctx: Context) -> str:
        +    # mcp-migrate: SRV017 `mcp.shared.progress` was removed: call `await ctx.report_progress(current, total, message=...)` with the absolute running total (not a delta as `p.progress(amount)` took) https://py.sdk.modelcontextprotocol.io/v2/migration/#progresscontext-and-progress-context-manager-removed
             with progress(ctx, total=100) as p:
                 await p.progress(25)
             return "done"
    """,
    v1_names=[MOD] + NAMES,
    v2_names=["mcp.server.mcpserver.context.Context.report_progress"],
)
def check(ctx: PythonContext):
    for node in ctx.imports():
        if isinstance(node, ast.ImportFrom):
            mods = [node.module] if node.level == 0 and node.module else []
            mods += [node.module + "." + a.name for a in node.names if node.level == 0 and node.module]
        else:
            mods = [a.name for a in node.names]
        if any(m == MOD or m.startswith(MOD + ".") or ctx.canonical(m) in NAMES for m in mods):
            ctx.manual(node, MESSAGE)
    for ref in ctx.references(*NAMES):
        if not isinstance(ctx.parent(ref), ast.Attribute):
            ctx.manual(ref, MESSAGE)
