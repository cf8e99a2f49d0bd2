import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

ANCHOR = "lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params"
NOTES = {"call_tool": " (`params.arguments` may be `None`: kept as `or {}`)"}


@rule(
    code="LOW001",
    title="Lowlevel `Server`: decorator-based handlers replaced with constructor `on_*` params",
    anchor=ANCHOR,
    fix_class="safe",
    summary="""
        Converts `@server.list_tools()`, `@server.call_tool()`, ... handlers of a lowlevel `Server` into v2
        `(ctx: ServerRequestContext, params: ...)` handlers: the v1 arguments are read from `params`, v1's
        shorthand returns are wrapped into the result type (LOW002), `server.request_context` becomes `ctx`
        (LOW010), and the handler is registered as `on_*=` in `Server(...)` moved below the handlers (the
        guide's way; also inside a function) or, when the server is built elsewhere (`self.server` in
        `__init__`, used before the handlers), with `server.add_request_handler(route, params_type, handler)`
        after the def (a `uri` used as more than text stays the `AnyUrl` v1 passed). A method registered as
        `server.list_tools()(self.list_tools)` takes `(self, ctx, params)` and is registered in that
        statement's place, unless code here or in another module reads it off an object, or a subclass
        may override it: then it is marked, since its signature changes. One server's
        conversion applies whole or not at all. A `call_tool` handler keeps a marker: v1 validated its
        `arguments` against the tool's `inputSchema` and v2 has no replacement (the guide says so). Marked instead:
        stacked decorators, sync handlers, handlers also called directly, returns whose shape cannot be
        told.
    """,
    why="""
        v2 removed the decorator methods; `@server.list_tools()` fails at import with
        `AttributeError: 'Server' object has no attribute 'list_tools'`.
    """,
    example="""
         import mcp.types as types
         from mcp.server.lowlevel import Server
        +from mcp.server import ServerRequestContext
        -
        -server = Server("my-server")


        +async def handle_list_tools(ctx: ServerRequestContext, params: types.PaginatedRequestParams | None) -> types.ListToolsResult:
        -@server.list_tools()
        -async def handle_list_tools() -> list[types.Tool]:
        -    return [types.Tool(name="my_tool", description="A tool", inputSchema={"type": "object"})]
        +    return types.ListToolsResult(tools=[types.Tool(name="my_tool", description="A tool", inputSchema={"type": "object"})])


        -@server.call_tool()
        -async def handle_call_tool(name: str, arguments: dict) -> list[types.TextContent]:
        +# mcp-migrate: LOW001 v1's `call_tool()` checked `arguments` against the tool's `inputSchema` (and structured output against `outputSchema`) before calling this handler; v2 does not, so validate here if you relied on it https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params
        +async def handle_call_tool(ctx: ServerRequestContext, params: types.CallToolRequestParams) -> types.CallToolResult:
        +    name = params.name
        -    await server.request_context.session.send_log_message("info", f"calling {name}")
        +    await ctx.session.send_log_message("info", f"calling {name}")
        -    return [types.TextContent(type="text", text=f"Called {name}")]
        +    return types.CallToolResult(content=[types.TextContent(type="text", text=f"Called {name}")])
        +
        +
        +server = Server("my-server", on_list_tools=handle_list_tools, on_call_tool=handle_call_tool)
    """,
    v1_names=[sdk.SERVER] + [sdk.SERVER + "." + m for m in sdk.SERVER_DECORATORS],
    v2_names=[sdk.SERVER + ".__init__(%s)" % k.kwarg for k in sdk.SERVER_HANDLERS.values()]
    + [sdk.SERVER + ".add_request_handler", sdk.SERVER + ".add_notification_handler", "mcp.server.ServerRequestContext"]
    + sorted({"mcp.types." + t for k in sdk.SERVER_HANDLERS.values() for t in k.param_types()}),
)
def check(ctx: PythonContext):
    plan = ctx.lowlevel_plan()
    for h in plan.values():
        if h.via_mcpserver:
            continue
        conv = h.conversion
        if conv is None:
            what = "request" if h.kind.result else "notification"
            add = "add_%s_handler(\"%s\", %s, %%s)" % (what, h.kind.route, h.kind.param_types()[0])
            handler = ctx.registered_handler(h.fn)
            how = (
                "replace this registration with `%s.%s`" % (ctx.source(h.dec.func.value), add % handler)
                if handler
                else "remove the decorator and register `%s` with `%s=` in `Server(...)` (or `%s`)"
                % (h.fn.name, h.kind.kwarg, add % h.fn.name)
            )
            ctx.manual(h.dec, "%s; v2 handlers take %s (%s)" % (how, ctx.handler_signature(h.kind), h.why))
            continue
        ctx.fix(
            h.dec,
            "%s; the handler takes `(ctx, params)`, its v1 arguments read from `params`%s"
            % (conv.registration(h), NOTES.get(h.method, "")),
            conv.edits,
        )
        for fn, node, note in conv.notes:
            if fn is h.fn:
                ctx.manual(node, note)
    decos = {id(h.dec.func) for h in plan.values() if isinstance(h.dec, ast.Call)}
    for node in ctx.attribute_uses(sdk.SERVER, *sdk.SERVER_DECORATORS):
        if id(node) not in decos:
            kind = sdk.SERVER_HANDLERS[node.attr]
            ctx.manual(
                node,
                "`Server.%s()` is gone: pass the handler as `%s=` to `Server(...)`, signature %s"
                % (node.attr, kind.kwarg, ctx.handler_signature(kind)),
            )
