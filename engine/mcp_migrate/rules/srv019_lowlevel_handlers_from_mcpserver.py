import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule


@rule(
    code="SRV019",
    title="Registering lowlevel handlers from `MCPServer`",
    anchor="registering-lowlevel-handlers-from-mcpserver",
    fix_class="safe",
    summary="""
        Handlers registered through the removed lowlevel decorators of the private `mcp._mcp_server`
        (`@mcp._mcp_server.set_logging_level()`, `mcp._mcp_server.subscribe_resource()(handler)`) become
        the guide's workaround: `(ctx, params)` handlers registered with
        `mcp._lowlevel_server.add_request_handler(method, ParamsType, handler)` (the same conversion as
        LOW001's). Other uses of `mcp._mcp_server` are renamed `mcp._lowlevel_server`; handlers it cannot
        convert are marked with the exact call to use.
    """,
    why="""
        v2 renamed the attribute and removed the lowlevel decorators:
        `AttributeError: 'MCPServer' object has no attribute '_mcp_server'`.
    """,
    example="""
         from mcp.server.fastmcp import FastMCP
        +from mcp.server import ServerRequestContext
        +from mcp.types import EmptyResult, SetLevelRequestParams, SubscribeRequestParams
        +from typing import Any

         mcp = FastMCP("demo")


        -@mcp._mcp_server.set_logging_level()  # pyright: ignore[reportPrivateUsage]
        -async def handle_set_logging_level(level: str) -> None:
        +async def handle_set_logging_level(ctx: ServerRequestContext[Any], params: SetLevelRequestParams) -> EmptyResult:
        +    level = params.level
             print(level)
        +    return EmptyResult()


        +mcp._lowlevel_server.add_request_handler("logging/setLevel", SetLevelRequestParams, handle_set_logging_level)  # pyright: ignore[reportPrivateUsage]
        -async def handle_subscribe(uri) -> None:
        -    print(f"subscribed to {uri}")


        -mcp._mcp_server.subscribe_resource()(handle_subscribe)  # pyright: ignore[reportPrivateUsage]
        +async def handle_subscribe(ctx: ServerRequestContext[Any], params: SubscribeRequestParams) -> EmptyResult:
        +    uri = params.uri
        +    print(f"subscribed to {uri}")
        +    return EmptyResult()
        +
        +
        +mcp._lowlevel_server.add_request_handler("resources/subscribe", SubscribeRequestParams, handle_subscribe)  # pyright: ignore[reportPrivateUsage]
    """,
    v1_names=[sdk.FASTMCP] + [sdk.SERVER + "." + m for m in sdk.SERVER_DECORATORS],
    v2_names=[
        "mcp.server.lowlevel.server.Server.add_request_handler",
        "mcp.server.lowlevel.server.Server.add_notification_handler",
    ]
    + sorted({"mcp.types." + t for k in sdk.SERVER_HANDLERS.values() for t in k.param_types()})
    + ["mcp.types." + k.result for k in sdk.SERVER_HANDLERS.values() if k.result]
    + ["mcp.server.ServerRequestContext"],
)
def check(ctx: PythonContext):
    handlers = {id(h.dec.func): h for h in ctx.lowlevel_plan().values() if h.via_mcpserver}
    uses = ctx.attribute_uses(sdk.FASTMCP, "_mcp_server")
    uses += [a for a in ctx.walk(ast.Attribute) if a.attr == "_mcp_server" and ctx.fragment_receiver(a.value)]
    for node in uses:
        parent = ctx.parent(node)
        h = handlers.get(id(parent))
        if h is not None and h.conversion is not None:
            conv = h.conversion
            ctx.fix(
                parent,
                "the lowlevel `%s()` decorator is gone: the handler takes `(ctx, params)` and is "
                "registered with `%s._lowlevel_server.add_%s_handler(\"%s\", ...)`"
                % (parent.attr, ctx.source(node.value), "request" if h.kind.result else "notification", h.kind.route),
                conv.edits,
            )
            for _fn, note_node, note in conv.notes:
                ctx.manual(note_node, note)
            continue
        if isinstance(parent, ast.Attribute) and parent.attr in sdk.SERVER_HANDLERS:
            kind = sdk.SERVER_HANDLERS[parent.attr]
            params = kind.param_types()[0]
            ctx.manual(
                parent,
                "the lowlevel `%s()` decorator is gone: register a `(ctx, params: %s)` handler "
                "with `%s._lowlevel_server.add_%s_handler(\"%s\", %s, handler)`%s"
                % (
                    parent.attr,
                    params,
                    ctx.source(node.value),
                    "request" if kind.result else "notification",
                    kind.route,
                    params,
                    " (%s)" % h.why if h is not None else "",
                ),
            )
            continue
        span = ctx.attr_span(node)
        if span and not ctx.fragment_receiver(node.value):
            ctx.fix(
                node,
                "`_mcp_server` is now `_lowlevel_server` (private; prefer public API)",
                [ctx.replace(span, "_lowlevel_server")],
            )
        else:
            ctx.manual(node, "`_mcp_server` is now `_lowlevel_server`")
