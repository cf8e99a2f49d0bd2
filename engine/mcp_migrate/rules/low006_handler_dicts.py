import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

ANCHOR = "lowlevel-server-request_handlers-and-notification_handlers-attributes-removed"


@rule(
    code="LOW006",
    title="Lowlevel `Server`: `request_handlers` and `notification_handlers` attributes removed",
    anchor=ANCHOR,
    fix_class="safe",
    summary="""
        Turns `server.request_handlers[types.ListToolsRequest] = handler` (and `notification_handlers`)
        into `server.add_request_handler("tools/list", types.PaginatedRequestParams, handler)`, with the
        handler's v1 `(request)` parameter becoming `(ctx, params)` and its `request.params` reads `params`.
        `types.SubscribeRequest in server.request_handlers` becomes
        `server.get_request_handler("resources/subscribe") is not None`. Marks the rest: other uses of the
        dicts (look up with `get_request_handler("tools/list")`, keyed by method string), handlers that are
        not a def of the file or are used elsewhere.
    """,
    why="""
        v2 removed both dicts: `AttributeError: 'Server' object has no attribute 'request_handlers'`.
    """,
    example="""
         import mcp.types as types
         from mcp.server.lowlevel import Server
        +from mcp.server import ServerRequestContext

         server = Server("my-server")


        -async def handle_list_tools(request: types.ListToolsRequest) -> types.ServerResult:
        +async def handle_list_tools(ctx: ServerRequestContext, params: types.PaginatedRequestParams | None) -> types.ServerResult:
             return types.ServerResult(types.ListToolsResult(tools=[]))

        -server.request_handlers[types.ListToolsRequest] = handle_list_tools
        +server.add_request_handler("tools/list", types.PaginatedRequestParams, handle_list_tools)
    """,
    v1_names=[sdk.SERVER] + ["mcp.types." + n for n in sdk.HANDLER_ROUTES],
    v2_names=[
        sdk.SERVER + "." + m
        for m in ("add_request_handler", "add_notification_handler", "get_request_handler", "get_notification_handler")
    ]
    + sorted({"mcp.types." + p for _, p in sdk.HANDLER_ROUTES.values()})
    + ["mcp.server.ServerRequestContext"],
)
def check(ctx: PythonContext):
    plan = ctx.handler_dict_plan()
    for node in ctx.handler_dicts():
        conv, why = plan.get(id(node), (None, ""))
        kind = "request" if node.attr == "request_handlers" else "notification"
        if conv is None and _membership(ctx, node, kind):
            continue
        if conv is not None:
            ctx.fix(
                node,
                "register the handler with `add_%s_handler(...)`; it takes `(ctx, params)`, its v1 "
                "request's `.params` now `params`" % kind,
                conv.edits,
            )
            continue
        ctx.manual(
            node,
            "`server.%s` is gone: register with `on_*=` in `Server(...)` or `server.add_%s_handler("
            "method, params_type, handler)`, look up with `server.get_%s_handler(\"<method>\")` "
            "(keyed by method string, not request type)%s" % (node.attr, kind, kind, " (%s)" % why if why else ""),
        )


def _membership(ctx, node, kind) -> bool:
    """`types.SubscribeRequest in server.request_handlers` (or `not in`): whether the server handles
    that method, which v2 answers by method string: `server.get_request_handler("resources/subscribe")
    is not None`. True when fixed."""
    test = ctx.parent(node)
    if not (
        isinstance(test, ast.Compare)
        and len(test.ops) == 1
        and isinstance(test.ops[0], (ast.In, ast.NotIn))
        and test.comparators[0] is node
    ):
        return False
    route = ctx.handler_route(test.left, kind == "notification")
    if route is None:
        return False
    check = "is None" if isinstance(test.ops[0], ast.NotIn) else "is not None"
    text = '%s.get_%s_handler("%s") %s' % (ctx.source(node.value), kind, route[0], check)
    ctx.fix(test, "v2 looks handlers up by method string", [ctx.replace(test, text)])
    return True
