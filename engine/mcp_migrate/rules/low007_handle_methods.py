import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

ANCHOR = "lowlevel-server-private-_handle_-dispatch-methods-removed"
PRIVATE = ("_handle_message", "_handle_request", "_handle_notification")
MESSAGE = (
    "v2 never calls `Server.%s` (dispatch moved to `JSONRPCDispatcher`/`ServerRunner`): observe "
    "requests with middleware, `server.middleware.append(mw)` where "
    "`async def mw(ctx: ServerRequestContext, call_next: CallNext) -> HandlerResult`"
)


@rule(
    code="LOW007",
    title="Lowlevel `Server`: private `_handle_*` dispatch methods removed",
    anchor=ANCHOR,
    fix_class="manual",
    summary="""
        Marks `_handle_message` / `_handle_request` / `_handle_notification` overrides in subclasses of
        the lowlevel `Server` (silently never called in v2) and calls of them on `Server` instances,
        pointing at `server.middleware`.
    """,
    why="""
        Silent for overrides: the subclass still imports and runs, but the interception never happens.
        Direct calls fail with `AttributeError: 'Server' object has no attribute '_handle_request'`.
    """,
    example="""
         from mcp.server.lowlevel import Server


         class MyServer(Server):
        +    # mcp-migrate: LOW007 v2 never calls `Server._handle_request` (dispatch moved to `JSONRPCDispatcher`/`ServerRunner`): observe requests with middleware, `server.middleware.append(mw)` where `async def mw(ctx: ServerRequestContext, call_next: CallNext) -> HandlerResult` https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-private-_handle_-dispatch-methods-removed
             async def _handle_request(self, message, req, session, lifespan_context, raise_exceptions):
        +        # mcp-migrate: LOW007 v2 never calls `Server._handle_request` (dispatch moved to `JSONRPCDispatcher`/`ServerRunner`): observe requests with middleware, `server.middleware.append(mw)` where `async def mw(ctx: ServerRequestContext, call_next: CallNext) -> HandlerResult` https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-private-_handle_-dispatch-methods-removed
                 return await super()._handle_request(message, req, session, lifespan_context, raise_exceptions)
    """,
    v1_names=[sdk.SERVER + "." + m for m in PRIVATE],
    v2_names=["mcp.server.context.CallNext", "mcp.server.context.HandlerResult"],
)
def check(ctx: PythonContext):
    for cls in ctx.walk(ast.ClassDef):
        if not any(
            ctx.is_ref(b, sdk.SERVER) or (isinstance(b, ast.Subscript) and ctx.is_ref(b.value, sdk.SERVER))
            for b in cls.bases
        ):
            continue
        for item in cls.body:
            if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name in PRIVATE:
                ctx.manual(item, MESSAGE % item.name)
    for node in ctx.attribute_uses(sdk.SERVER, *PRIVATE):
        ctx.manual(node, MESSAGE % node.attr)
