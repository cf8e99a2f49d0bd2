import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule


@rule(
    code="SRV002",
    title="`FastMCP` renamed to `MCPServer`",
    anchor="fastmcp-renamed-to-mcpserver",
    fix_class="safe",
    summary="""
        Renames the handler `Context`'s `fastmcp` property to `mcp_server` (`ctx.fastmcp` ->
        `ctx.mcp_server`) where `ctx` is an SDK `Context` (an annotated `ctx: Context` parameter), and
        the constructor keyword with it (`Context(request_context=rc, fastmcp=server)` in tests, also for
        a subclass keeping the SDK constructor).
    """,
    why="""
        v2 renamed the property with the class; `ctx.fastmcp` raises
        `AttributeError: 'Context' object has no attribute 'fastmcp'`, and `Context(fastmcp=server)`
        drops the server without a word (the keyword lands in the model's ignored extras).
    """,
    example="""
         from mcp.server.fastmcp import Context, FastMCP

         mcp = FastMCP("Demo")


         @mcp.tool()
         async def names(ctx: Context) -> str:
        -    return ctx.fastmcp.name
        +    return ctx.mcp_server.name
    """,
    v1_names=["mcp.server.fastmcp.server.Context.fastmcp", "mcp.server.fastmcp.server.Context.__init__(fastmcp)"],
    v2_names=[
        "mcp.server.mcpserver.context.Context.mcp_server",
        "mcp.server.mcpserver.context.Context.__init__(mcp_server)",
    ],
)
def check(ctx: PythonContext):
    for call in ctx.walk(ast.Call):
        kw = ctx.keyword(call, "fastmcp")
        if kw is None or sdk.FASTMCP_CONTEXT not in (ctx.resolve(call.func), ctx.types.sdk_constructor(call)):
            continue
        span = ctx.name_span(kw)
        if span:
            ctx.fix(kw, "`Context(fastmcp=...)` is `Context(mcp_server=...)` in v2", [ctx.replace(span, "mcp_server")])
    for node in ctx.context_attrs("fastmcp"):
        span = ctx.attr_span(node)
        if span:
            ctx.fix(node, "`Context.fastmcp` is now `Context.mcp_server`", [ctx.replace(span, "mcp_server")])
        else:
            ctx.manual(node, "rename `ctx.fastmcp` to `ctx.mcp_server`")
