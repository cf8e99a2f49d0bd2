import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

ANCHOR = "lowlevel-server-request_context-property-removed"
CTXVAR = sdk.REQUEST_CTX
HELPER = "; outside a handler, pass the handler's `ctx` in as an argument"
MESSAGE = (
    "`%s` is gone in v2: use the handler's first argument `ctx: ServerRequestContext` "
    "(`ctx.session`, `ctx.lifespan_context`, `ctx.request_id`, `ctx.request`)"
)


@rule(
    code="LOW010",
    title="Lowlevel `Server`: `request_context` property removed",
    anchor=ANCHOR,
    fix_class="review",
    summary="""
        Inside a handler LOW001 converts, `server.request_context` and `request_ctx.get()` become the
        handler's `ctx` (part of that conversion). A helper that only such handlers call takes their `ctx`
        as a parameter, which they pass. Elsewhere (other helpers, handlers left to a person) it marks
        them, and the removed `request_ctx` contextvar: v2 passes the request context to every handler
        as its first argument.
    """,
    why="""
        `AttributeError: 'Server' object has no attribute 'request_context'`, and
        `ImportError: cannot import name 'request_ctx' from 'mcp.server.lowlevel.server'`.
    """,
    example="""
         import mcp.types as types
         from mcp.server.lowlevel import Server
        +from mcp.server import ServerRequestContext
        -
        -server = Server("my-server")


        -@server.progress_notification()
        -async def handle_progress(progress_token, progress, total, message) -> None:
        +async def handle_progress(ctx: ServerRequestContext, params: types.ProgressNotificationParams) -> None:
        +    progress, total = params.progress, params.total
        -    await server.request_context.session.send_log_message("info", f"{progress}/{total}")
        +    await ctx.session.send_log_message("info", f"{progress}/{total}")
        +
        +
        +server = Server("my-server", on_progress=handle_progress)


         async def current_request_id():
        +    # mcp-migrate: LOW010 `server.request_context` is gone in v2: use the handler's first argument `ctx: ServerRequestContext` (`ctx.session`, `ctx.lifespan_context`, `ctx.request_id`, `ctx.request`); outside a handler, pass the handler's `ctx` in as an argument https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-request_context-property-removed
             return server.request_context.request_id
    """,
    v1_names=[sdk.SERVER + ".request_context", CTXVAR],
    v2_names=["mcp.server.ServerRequestContext"],
)
def check(ctx: PythonContext):
    converted = {}
    for h in ctx.lowlevel_plan().values():
        if h.conversion is not None:
            for node in h.conversion.contexts:
                converted[id(node)] = h.conversion
    handlers = {id(h.fn) for h in ctx.lowlevel_plan().values()}
    for node, conv in ((n, c) for c in {id(c): c for c in converted.values()}.values() for n in c.contexts):
        in_handler = id(ctx.enclosing(node, ast.FunctionDef, ast.AsyncFunctionDef)) in handlers
        ctx.fix(
            node,
            "`server.request_context` is gone: use the handler's `ctx` (this fix also turns the handler into a "
            "`(ctx, params)` handler)"
            if in_handler
            else "`server.request_context` is gone: this helper takes the calling handlers' `ctx` as a parameter, "
            "which they pass (this fix also turns them into `(ctx, params)` handlers)",
            conv.edits,
            fix_class="safe",
        )
    for node in ctx.attribute_uses(sdk.SERVER, "request_context"):
        if id(node) not in converted:
            ctx.manual(node, MESSAGE % "server.request_context" + HELPER * _outside_handlers(ctx, node))
    dropped = {id(a): c for c in {id(c): c for c in converted.values()}.values() for a in c.imports}
    for imp in ctx.imports():
        mod = getattr(imp, "module", None)
        if mod in (sdk.LOWLEVEL_SERVER_MODULE,) and any(a.name == "request_ctx" for a in imp.names):
            conv = next((dropped[id(a)] for a in imp.names if id(a) in dropped), None)
            if conv is not None:
                ctx.fix(
                    imp,
                    "drop the `request_ctx` import: the handler reads its `ctx`",
                    conv.edits,
                    fix_class="safe",
                )
            else:
                ctx.manual(imp, MESSAGE % "request_ctx")
    for node in ctx.references(CTXVAR):
        if id(ctx.parent(ctx.parent(node))) not in converted:
            ctx.manual(node, MESSAGE % "request_ctx" + HELPER * _outside_handlers(ctx, node))


def _outside_handlers(ctx, node) -> bool:
    handlers = {id(h.fn) for h in ctx.lowlevel_plan().values()}
    fn = ctx.enclosing(node, ast.FunctionDef, ast.AsyncFunctionDef)
    while fn is not None:
        if id(fn) in handlers:
            return False
        fn = ctx.enclosing(fn, ast.FunctionDef, ast.AsyncFunctionDef)
    return True
