import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

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
        ctx.manual(call, MESSAGE)
