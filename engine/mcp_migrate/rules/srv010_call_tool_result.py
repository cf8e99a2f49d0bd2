import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

V2_FIELDS = ("content", "structured_content", "is_error", "meta")
MESSAGE = (
    "`call_tool()` now returns a `CallToolResult` (not a content list or a `(content, structured)` "
    "tuple): read `.content` and `.structured_content` from it"
)


@rule(
    code="SRV010",
    title="`MCPServer.call_tool()` returns `CallToolResult`",
    anchor="mcpservercall_tool-returns-calltoolresult",
    fix_class="manual",
    summary="""
        Marks direct `FastMCP.call_tool()` calls whose result is used: it is now a `CallToolResult`; read
        `.content` / `.structured_content` instead of branching on a sequence or tuple.
    """,
    why="""
        v1 returned a bare content sequence or a `(content, structured_content)` tuple; v2 returns a
        `CallToolResult`, so indexing or unpacking the result fails (`TypeError: 'CallToolResult' object is
        not subscriptable` / `cannot unpack non-iterable CallToolResult object`).
    """,
    example="""
         from mcp.server.fastmcp import FastMCP

         mcp = FastMCP("Demo")


         async def check() -> None:
        +    # mcp-migrate: SRV010 `call_tool()` now returns a `CallToolResult` (not a content list or a `(content, structured)` tuple): read `.content` and `.structured_content` from it https://py.sdk.modelcontextprotocol.io/v2/migration/#mcpservercall_tool-returns-calltoolresult
             content, structured = await mcp.call_tool("add", {"a": 1, "b": 2})
    """,
    v1_names=[sdk.FASTMCP + ".call_tool"],
    v2_names=["mcp.server.mcpserver.server.MCPServer.call_tool", "mcp.types.CallToolResult"],
)
def check(ctx: PythonContext):
    for call in ctx.method_calls(sdk.FASTMCP, "call_tool"):
        awaited = ctx.parent(call)
        if isinstance(awaited, ast.Await) and isinstance(ctx.parent(awaited), ast.Expr):
            continue  # the result is dropped: a failing tool still raises, as in v1
        if ctx.returned_by_own_override(call):
            continue  # an override handing v2's result straight back to v2's handler
        ctx.manual(call, MESSAGE)
        for use in _uses_of_result(ctx, ctx.parent(awaited)):
            ctx.manual(
                use,
                "`%s` holds a `CallToolResult` now (from `call_tool()` above): read `%s.content` / "
                "`%s.structured_content`" % (use.id, use.id, use.id),
            )


def _uses_of_result(ctx, stmt):
    """Later reads of the name `x = await mcp.call_tool(...)` binds, where v1's sequence, dict or
    tuple was taken apart: the errors are there, so markers go there too."""
    if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)):
        return []
    out = []
    for n in ctx.names_with_id(stmt.targets[0].id):
        b = ctx.binding(n) if isinstance(n.ctx, ast.Load) else None
        if b is None or b.node is not stmt:
            continue
        parent = ctx.parent(n)
        if not (isinstance(parent, ast.Attribute) and parent.attr in V2_FIELDS):
            out.append(n)
    return out
