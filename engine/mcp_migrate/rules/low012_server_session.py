import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

ANCHOR = "serversession-is-now-a-thin-proxy-no-longer-a-basesession"
SS = sdk.SERVER_SESSION
GONE = sdk.SERVER_SESSION_REMOVED


@rule(
    code="LOW012",
    title="`ServerSession` is now a thin proxy (no longer a `BaseSession`)",
    anchor=ANCHOR,
    fix_class="manual",
    summary="""
        Marks code that builds, subclasses or drives `ServerSession` itself: `ServerSession(read, write,
        options)`, subclasses, `async with session`, `session.incoming_messages`,
        `_initialization_state`, and the removed `InitializationState` / `ServerRequestResponder`.
    """,
    why="""
        v2's `ServerSession` is a per-request proxy built by `Server.run()`: the v1 constructor,
        context-manager protocol and inbound-message stream are gone.
    """,
    example="""
         from mcp.server.session import ServerSession


         async def serve(read_stream, write_stream, init_options) -> None:
        +    # mcp-migrate: LOW012 let `Server.run(read_stream, write_stream, init_options)` build the session: `ServerSession(...)` now takes `(request_outbound, connection)` https://py.sdk.modelcontextprotocol.io/v2/migration/#serversession-is-now-a-thin-proxy-no-longer-a-basesession
             session = ServerSession(read_stream, write_stream, init_options)
             print(session)
    """,
    v1_names=[SS, SS + ".incoming_messages"] + list(GONE),
    v2_names=["mcp.server.lowlevel.server.Server.run"],
)
def check(ctx: PythonContext):
    run = "let `Server.run(read_stream, write_stream, init_options)` build the session"
    for call in ctx.calls(SS):
        ctx.manual(call, "%s: `ServerSession(...)` now takes `(request_outbound, connection)`" % run)
    for cls in ctx.walk(ast.ClassDef):
        if any(ctx.is_ref(b, SS) for b in cls.bases):
            ctx.manual(
                cls,
                "`ServerSession` has nothing left to override in v2 (no receive loop, no "
                "`_received_request`): observe inbound messages with `Server.middleware`",
            )
    removed = (
        "incoming_messages",
        "_initialization_state",
        "_receive_loop",
        "_received_request",
        "_received_notification",
        "_handle_incoming",
    )
    for node in ctx.attribute_uses(SS, *removed) + [
        a for a in ctx.walk(ast.Attribute) if a.attr in removed and ctx.is_ref(a.value, SS)
    ]:
        ctx.manual(
            node,
            "`ServerSession.%s` is gone: register `on_*` handlers and use `Server.middleware` "
            "to observe inbound messages" % node.attr,
        )
    for node in ctx.references(SS):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.ctx, ast.Store)
            and ctx.qualname(node.value) == sdk.LOWLEVEL_SERVER_MODULE
        ):
            ctx.manual(
                node,
                "`mcp.server.lowlevel.server` no longer uses `ServerSession` (sessions are built by "
                "the server runner), so patching it changes nothing: observe inbound messages with "
                "`Server.middleware`",
            )
    for w in ctx.walk(ast.With, ast.AsyncWith):
        for item in w.items:
            if not isinstance(item.context_expr, ast.Call) and ctx.is_instance(item.context_expr, SS):
                ctx.manual(item.context_expr, "`ServerSession` is no longer an async context manager; %s" % run)
    for node in ctx.references(*GONE):
        ctx.manual(
            node,
            "`%s` was removed: initialization state lives on `mcp.server.connection.Connection`" % node.attr
            if isinstance(node, ast.Attribute)
            else "`%s` was removed: initialization state lives on `mcp.server.connection.Connection`" % node.id,
        )
    for imp in ctx.imports():
        if getattr(imp, "module", None) == sdk.SERVER_SESSION_MODULE and any(
            a.name in ("InitializationState", "ServerRequestResponder") for a in imp.names
        ):
            ctx.manual(imp, "`InitializationState` and `ServerRequestResponder` were removed from `mcp.server.session`")
