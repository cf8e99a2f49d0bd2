import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule


@rule(
    code="SRV021",
    title="Streamable HTTP: session manager, `EventStore`, and stateless mode unchanged",
    anchor="streamable-http-session-manager-eventstore-and-stateless-mode-unchanged",
    fix_class="review",
    summary="""
        Replaces reads of the private `mcp._session_manager` with the public `mcp.session_manager`
        property (the private attribute moved to the lowlevel server in v2).
    """,
    why="""
        v2 moved the attribute: `mcp._session_manager` raises
        `AttributeError: 'MCPServer' object has no attribute '_session_manager'`. The public property
        raises `RuntimeError` instead of returning `None` before `streamable_http_app()` was called.
    """,
    example="""
         import contextlib

         from mcp.server.fastmcp import FastMCP

         mcp = FastMCP("Demo")


         @contextlib.asynccontextmanager
         async def lifespan(app):
        -    async with mcp._session_manager.run():
        +    async with mcp.session_manager.run():
                 yield
    """,
    v1_names=[sdk.FASTMCP + ".session_manager"],
    v2_names=["mcp.server.mcpserver.server.MCPServer.session_manager"],
)
def check(ctx: PythonContext):
    for node in ctx.attribute_uses(sdk.FASTMCP, "_session_manager"):
        span = ctx.attr_span(node)
        msg = "`_session_manager` moved in v2; use the public `session_manager` property"
        if span and isinstance(node.ctx, ast.Load):
            ctx.fix(node, msg, [ctx.replace(span, "session_manager")])
        else:
            ctx.manual(node, msg)
