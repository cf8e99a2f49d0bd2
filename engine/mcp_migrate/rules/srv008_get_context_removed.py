import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

MANUAL = ("`get_context()` was removed: declare a `ctx: Context` parameter on the tool/resource/prompt "
          "function and pass it to helpers that need it")


@rule(
    code="SRV008",
    title="`MCPServer.get_context()` removed",
    anchor="mcpserverget_context-removed",
    fix_class="review",
    summary="""
        In a `@mcp.tool()` / `@mcp.prompt()` function, replaces `ctx = mcp.get_context()` by an injected
        `ctx: Context` parameter (or uses the `Context` parameter the function already has). Elsewhere,
        marks the call: the context must be passed down from the handler.
    """,
    why="""
        v2 removed the ambient context: `mcp.get_context()` raises
        `AttributeError: 'MCPServer' object has no attribute 'get_context'`.
    """,
    example="""
         from mcp.server.fastmcp import FastMCP
        +from mcp.server.mcpserver import Context

         mcp = FastMCP("Demo")


         @mcp.tool()
        -async def my_tool(x: int) -> str:
        -    ctx = mcp.get_context()
        +async def my_tool(x: int, ctx: Context) -> str:
             await ctx.report_progress(1, 2)
             return str(x)
    """,
    v1_names=[sdk.FASTMCP + ".get_context"],
    v2_names=["mcp.server.mcpserver.Context"],
)
def check(ctx: PythonContext):
    calls = ctx.method_calls(sdk.FASTMCP, "get_context")
    calls += [c for c in ctx.walk(ast.Call) if isinstance(c.func, ast.Attribute)
              and c.func.attr == "get_context" and not c.args and ctx.fragment_receiver(c.func.value)]
    handler_defs = {id(d): kind for d, _, kind in ctx.fastmcp_handlers("tool", "prompt")}
    for call in calls:
        fn = ctx.enclosing(call)
        edits = None
        if fn is not None and id(fn) in handler_defs:
            edits = _inject(ctx, fn, call)
        if edits:
            ctx.fix(call, "`get_context()` was removed; the handler receives the `Context` as a parameter", edits)
        else:
            ctx.manual(call, MANUAL)


def _inject(ctx, fn, call):
    existing = ctx.context_params(fn)
    if existing:
        return [ctx.replace(call, existing[0])]
    stmt = ctx.parent(call)
    if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)):
        return None
    if stmt not in fn.body or len(fn.body) == 1 or stmt.lineno != stmt.end_lineno:
        return None
    name = stmt.targets[0].id
    if name in {a.arg for a in fn.args.args + fn.args.kwonlyargs}:
        return None
    local, import_edit = ctx.context_name()
    if local is None:
        return None
    param = ctx.add_param(fn, "%s: %s" % (name, local))
    line = stmt.lineno
    start, end = ctx.index.line_start(line), ctx.span(stmt)[1]
    if ctx.text[start:ctx.span(stmt)[0]].strip():
        return None
    rest = ctx.index.line_start(line + 1) if line < ctx.index.line_count else len(ctx.text)
    if param is None or ctx.text[end:rest].strip():
        return None
    edits = [param, ctx.delete((start, rest))]
    return edits + ([import_edit] if import_edit is not None else [])
