from ..context import PythonContext
from ..framework import rule


@rule(
    code="SRV002",
    title="`FastMCP` renamed to `MCPServer`",
    anchor="fastmcp-renamed-to-mcpserver",
    fix_class="safe",
    summary="""
        Renames the handler `Context`'s `fastmcp` property to `mcp_server` (`ctx.fastmcp` ->
        `ctx.mcp_server`) where `ctx` is an SDK `Context` (an annotated `ctx: Context` parameter).
    """,
    why="""
        v2 renamed the property with the class; `ctx.fastmcp` raises
        `AttributeError: 'Context' object has no attribute 'fastmcp'`.
    """,
    example="""
         from mcp.server.fastmcp import Context, FastMCP

         mcp = FastMCP("Demo")


         @mcp.tool()
         async def names(ctx: Context) -> str:
        -    return ctx.fastmcp.name
        +    return ctx.mcp_server.name
    """,
    v1_names=["mcp.server.fastmcp.server.Context.fastmcp"],
    v2_names=["mcp.server.mcpserver.context.Context.mcp_server"],
)
def check(ctx: PythonContext):
    for node in ctx.context_attrs("fastmcp"):
        span = ctx.attr_span(node)
        if span:
            ctx.fix(node, "`Context.fastmcp` is now `Context.mcp_server`", [ctx.replace(span, "mcp_server")])
        else:
            ctx.manual(node, "rename `ctx.fastmcp` to `ctx.mcp_server`")
