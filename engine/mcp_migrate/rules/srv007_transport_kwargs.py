import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

SETTINGS = sdk.FASTMCP_SETTINGS
SSE = ("host", "port", "sse_path", "message_path", "transport_security")
HTTP = ("host", "port", "streamable_http_path", "json_response", "stateless_http", "event_store",
        "retry_interval", "transport_security")
MOVED = tuple(dict.fromkeys(SSE + HTTP))
# What each v2 destination accepts (`run()` by its transport); the app factories have no `port`.
ACCEPTS = {
    ("run", "sse"): SSE,
    ("run", "streamable-http"): HTTP,
    ("run", "stdio"): (),
    "run_sse_async": SSE,
    "run_streamable_http_async": HTTP,
    "run_stdio_async": (),
    "sse_app": tuple(p for p in SSE if p != "port"),
    "streamable_http_app": tuple(p for p in HTTP if p != "port"),
}
DESTINATIONS = ("run", "run_sse_async", "run_streamable_http_async", "run_stdio_async", "sse_app",
                "streamable_http_app")
WHERE = {
    "host": '`run(transport="sse"|"streamable-http", host=...)`, and `sse_app(host=...)` / '
            "`streamable_http_app(host=...)` for a mounted app",
    "port": '`run(transport="sse"|"streamable-http", port=...)` (a mounted app binds where the outer server does)',
    "sse_path": '`run(transport="sse", ...)` or `sse_app(...)`',
    "message_path": '`run(transport="sse", ...)` or `sse_app(...)`',
    "transport_security": "`run()` or `sse_app()` / `streamable_http_app()`",
}
_HTTP_WHERE = '`run(transport="streamable-http", ...)` or `streamable_http_app(...)`'


@rule(
    code="SRV007",
    title="Transport-specific parameters moved from MCPServer constructor to run()/app methods",
    anchor="transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods",
    fix_class="safe",
    summary="""
        Moves `host`, `port`, `sse_path`, `message_path`, `streamable_http_path`, `json_response`,
        `stateless_http`, `event_store`, `retry_interval` and `transport_security` from `FastMCP(...)` to the
        same server's `run()` / `sse_app()` / `streamable_http_app()` call in the file, where that call's
        transport takes them. Without such a call, marks the constructor with the exact destination;
        also marks `mcp.settings.<field>` uses of the removed settings.
    """,
    why="""
        v2 raises `TypeError: MCPServer.__init__() got an unexpected keyword argument 'port'`, and
        `mcp.settings.port = 9000` raises `ValueError: "Settings" object has no field "port"`.
    """,
    example="""
         from mcp.server.fastmcp import FastMCP

        -mcp = FastMCP("Server", host="0.0.0.0", port=9000, sse_path="/events")
        +mcp = FastMCP("Server")

         if __name__ == "__main__":
        -    mcp.run(transport="sse")
        +    mcp.run(transport="sse", host="0.0.0.0", port=9000, sse_path="/events")
    """,
    v1_names=[sdk.FASTMCP, SETTINGS] + ["mcp.server.fastmcp.server.FastMCP.__init__(%s)" % p for p in MOVED]
    + ["mcp.server.fastmcp.server.FastMCP.%s" % m for m in DESTINATIONS],
    v2_names=["mcp.server.mcpserver.server.MCPServer.run",
              "mcp.server.mcpserver.server.MCPServer.sse_app(host)",
              "mcp.server.mcpserver.server.MCPServer.run_sse_async(port)",
              "mcp.server.mcpserver.server.MCPServer.run_streamable_http_async(port)"]
    + ["mcp.server.mcpserver.server.MCPServer.streamable_http_app(%s)" % p for p in HTTP if p != "port"],
)
def check(ctx: PythonContext):
    for call in ctx.calls(sdk.FASTMCP):
        _constructor(ctx, call)
    for call in ctx.calls(SETTINGS):
        found = [k.arg for k in call.keywords if k.arg in MOVED]
        if found:
            ctx.manual(call, "`Settings` no longer has %s; pass them to `run()` / `sse_app()` / "
                             "`streamable_http_app()`" % _names(found))
    for node in ctx.attribute_uses(sdk.FASTMCP, "settings"):
        parent = ctx.parent(node)
        if isinstance(parent, ast.Attribute) and parent.attr in MOVED:
            ctx.manual(parent, "`settings.%s` was removed (assigning it raises `ValueError`); pass `%s=` to %s"
                       % (parent.attr, parent.attr, WHERE.get(parent.attr, _HTTP_WHERE)))


def _constructor(ctx, call):
    params = {k.arg: k for k in call.keywords if k.arg in MOVED}
    for i, arg in enumerate(call.args[6:8], start=6):  # positional event_store / retry_interval
        if isinstance(arg, ast.Starred) or any(isinstance(a, ast.Starred) for a in call.args[:i]):
            break
        params[sdk.FASTMCP_POSITIONAL[i]] = arg
    if not params:
        return
    dests = [(d, _accepts(d)) for d in ctx.same_object_calls(call, sdk.FASTMCP, *DESTINATIONS)]
    moves, stuck = {}, []
    for name, node in params.items():
        value = node.value if isinstance(node, ast.keyword) else node
        targets = [d for d, acc in dests if acc is not None and name in acc]
        if any(acc is None for _, acc in dests) or not targets or any(ctx.has_star(d) for d in targets) \
                or (len(targets) > 1 and not _simple(value)) \
                or any(ctx.keyword(d, name) is not None for d in targets):
            stuck.append(name)
        else:
            moves[name] = targets
    if moves:
        text = {n: (ctx.source(params[n]) if isinstance(params[n], ast.keyword)
                    else "%s=%s" % (n, ctx.source(params[n]))) for n in moves}
        edits = ctx.remove_args(call, [params[n] for n in moves])
        by_dest = {}
        for n, targets in moves.items():
            for d in targets:
                by_dest.setdefault(id(d), (d, []))[1].append(text[n])
        adds = [ctx.add_kwargs(d, ", ".join(parts)) for d, parts in by_dest.values()]
        if edits is None or any(a is None for a in adds):
            stuck.extend(moves)
        else:
            dest_names = sorted({"`%s()`" % d.func.attr for d, _ in by_dest.values()})
            ctx.fix(call, "move %s from the constructor to %s" % (_names(moves), " and ".join(dest_names)),
                    edits + adds)
    if stuck:
        ctx.manual(call, "v2 takes %s on `run()` / the app methods, not the constructor: %s"
                   % (_names(stuck), "; ".join("`%s=` -> %s" % (n, WHERE.get(n, _HTTP_WHERE)) for n in stuck)))


def _accepts(dest):
    """Parameters a destination call takes, or None when its transport is not a constant."""
    method = dest.func.attr
    if method != "run":
        return ACCEPTS[method]
    kw = next((k for k in dest.keywords if k.arg == "transport"), None)
    node = kw.value if kw is not None else (dest.args[0] if dest.args else None)
    if node is None:
        return ACCEPTS[("run", "stdio")]
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return ACCEPTS.get(("run", node.value))
    return None


def _simple(value):
    if isinstance(value, ast.UnaryOp):
        value = value.operand
    while isinstance(value, ast.Attribute):
        value = value.value
    return isinstance(value, (ast.Constant, ast.Name))


def _names(names):
    return ", ".join("`%s=`" % n for n in names)
