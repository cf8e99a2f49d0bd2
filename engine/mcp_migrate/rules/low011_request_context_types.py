import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

ANCHOR = "requestcontext-type-parameters-simplified"
RC = sdk.REQUEST_CONTEXT
CONTEXT = sdk.FASTMCP_CONTEXT
SERVER_SESSION = sdk.SERVER_SESSION
CLIENT_SESSION = sdk.CLIENT_SESSION


@rule(
    code="LOW011",
    title="`RequestContext` type parameters simplified",
    anchor=ANCHOR,
    fix_class="safe",
    summary="""
        Drops the session type argument of `Context[ServerSession, ...]` annotations. Marks
        `RequestContext` (removed from `mcp.shared.context`) with its replacement:
        `ServerRequestContext[LifespanT, RequestT]` from `mcp.server.context` for server code,
        `ClientRequestContext` from `mcp.client.context` for client callbacks.
    """,
    why="""
        `ImportError: cannot import name 'RequestContext' from 'mcp.shared.context'`; `Context` now has
        two type parameters, so `Context[ServerSession, None]` binds the session to the lifespan slot.
    """,
    example="""
         from mcp.server.fastmcp import Context, FastMCP
         from mcp.server.session import ServerSession

         mcp = FastMCP("Demo")


         @mcp.tool()
        -async def my_tool(ctx: Context[ServerSession, None]) -> str:
        +async def my_tool(ctx: Context[None]) -> str:
             return "ok"
    """,
    v1_names=[RC, CONTEXT, SERVER_SESSION, CLIENT_SESSION],
    v2_names=["mcp.server.context.ServerRequestContext", "mcp.client.context.ClientRequestContext",
              "mcp.server.mcpserver.Context"],
)
def check(ctx: PythonContext):
    for sub in ctx.walk(ast.Subscript):
        if ctx.is_ref(sub.value, CONTEXT) and isinstance(sub.slice, ast.Tuple) and len(sub.slice.elts) >= 2 \
                and ctx.is_ref(sub.slice.elts[0], SERVER_SESSION):
            elts = sub.slice.elts
            ctx.fix(sub, "`Context` lost its session type parameter in v2",
                    [ctx.delete((ctx.span(elts[0])[0], ctx.span(elts[1])[0]))])
        elif isinstance(sub.value, ast.Name) and sub.value.id == "Context" and isinstance(sub.slice, ast.Tuple) \
                and len(sub.slice.elts) >= 2 and isinstance(sub.slice.elts[0], ast.Name) \
                and sub.slice.elts[0].id == "ServerSession" and ctx.is_unbound(sub.value) \
                and ctx.is_unbound(sub.slice.elts[0]):
            ctx.manual(sub, "`Context[ServerSession, LifespanT]` is `Context[LifespanT]` in v2 (bare `Context` "
                            "is usually enough)")
    for imp in ctx.imports():
        if getattr(imp, "module", None) == sdk.SHARED_CONTEXT and any(a.name == "RequestContext" for a in imp.names):
            ctx.manual(imp, "`mcp.shared.context.RequestContext` is gone: import `ServerRequestContext` from "
                            "`mcp.server.context` (server) or `ClientRequestContext` from `mcp.client.context` (client)")
    for node in ctx.references(RC):
        if isinstance(ctx.parent(node), (ast.Import, ast.ImportFrom)):
            continue
        sub = ctx.parent(node)
        first = None
        if isinstance(sub, ast.Subscript) and sub.value is node:
            first = sub.slice.elts[0] if isinstance(sub.slice, ast.Tuple) else sub.slice
        if first is not None and ctx.is_ref(first, SERVER_SESSION):
            ctx.manual(node, "use `ServerRequestContext[LifespanT, RequestT]` (from `mcp.server.context`) "
                             "instead of `RequestContext[ServerSession, ...]`")
        elif first is not None and ctx.is_ref(first, CLIENT_SESSION):
            ctx.manual(node, "use `ClientRequestContext` (from `mcp.client.context`, no type parameters) "
                             "instead of `RequestContext[ClientSession, ...]`")
        else:
            ctx.manual(node, "`RequestContext` is gone: use `ServerRequestContext[LifespanT, RequestT]` "
                             "(server) or `ClientRequestContext` (client)")
