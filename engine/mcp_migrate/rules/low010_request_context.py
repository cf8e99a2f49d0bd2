from .. import sdk
from ..context import PythonContext
from ..framework import rule

ANCHOR = "lowlevel-server-request_context-property-removed"
CTXVAR = sdk.REQUEST_CTX
MESSAGE = ("`%s` is gone in v2: use the handler's first argument `ctx: ServerRequestContext` "
           "(`ctx.session`, `ctx.lifespan_context`, `ctx.request_id`, `ctx.request`)")


@rule(
    code="LOW010",
    title="Lowlevel `Server`: `request_context` property removed",
    anchor=ANCHOR,
    fix_class="manual",
    summary="""
        Marks `server.request_context` on lowlevel `Server` instances and the removed `request_ctx`
        contextvar (`mcp.server.lowlevel.server.request_ctx`): v2 passes the request context to every
        handler as its first argument `ctx`.
    """,
    why="""
        `AttributeError: 'Server' object has no attribute 'request_context'`, and
        `ImportError: cannot import name 'request_ctx' from 'mcp.server.lowlevel.server'`.
    """,
    example="""
         from mcp.server.lowlevel import Server

         server = Server("my-server")


         async def current_request_id():
        +    # mcp-migrate: LOW010 `server.request_context` is gone in v2: use the handler's first argument `ctx: ServerRequestContext` (`ctx.session`, `ctx.lifespan_context`, `ctx.request_id`, `ctx.request`) https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-request_context-property-removed
             ctx = server.request_context
             return ctx.request_id
    """,
    v1_names=[sdk.SERVER + ".request_context", CTXVAR],
    v2_names=["mcp.server.ServerRequestContext"],
)
def check(ctx: PythonContext):
    for node in ctx.attribute_uses(sdk.SERVER, "request_context"):
        ctx.manual(node, MESSAGE % "server.request_context")
    for imp in ctx.imports():
        mod = getattr(imp, "module", None)
        if mod in (sdk.LOWLEVEL_SERVER_MODULE,) and any(a.name == "request_ctx" for a in imp.names):
            ctx.manual(imp, MESSAGE % "request_ctx")
    for node in ctx.references(CTXVAR):
        ctx.manual(node, MESSAGE % "request_ctx")
