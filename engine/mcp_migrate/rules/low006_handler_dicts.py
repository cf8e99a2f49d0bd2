from .. import sdk
from ..context import PythonContext
from ..framework import rule

ANCHOR = "lowlevel-server-request_handlers-and-notification_handlers-attributes-removed"


@rule(
    code="LOW006",
    title="Lowlevel `Server`: `request_handlers` and `notification_handlers` attributes removed",
    anchor=ANCHOR,
    fix_class="manual",
    summary="""
        Marks uses of a lowlevel `Server`'s `request_handlers` / `notification_handlers` dicts with their
        v2 replacements: `on_*=` constructor arguments or `add_request_handler(method, params_type,
        handler)` to register, `get_request_handler("tools/list")` to look up (keyed by method string).
    """,
    why="""
        v2 removed both dicts: `AttributeError: 'Server' object has no attribute 'request_handlers'`.
    """,
    example="""
         from mcp.server.lowlevel import Server
         from mcp.types import ListToolsRequest

         server = Server("my-server")


         async def handle_list_tools(request: ListToolsRequest):
             return []

        +# mcp-migrate: LOW006 `server.request_handlers` is gone: register with `on_*=` in `Server(...)` or `server.add_request_handler(method, params_type, handler)`, look up with `server.get_request_handler("<method>")` (keyed by method string, not request type) https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-request_handlers-and-notification_handlers-attributes-removed
         server.request_handlers[ListToolsRequest] = handle_list_tools
    """,
    v1_names=[sdk.SERVER],
    v2_names=[sdk.SERVER + "." + m for m in ("add_request_handler", "add_notification_handler",
                                           "get_request_handler", "get_notification_handler")],
)
def check(ctx: PythonContext):
    for node in ctx.attribute_uses(sdk.SERVER, "request_handlers", "notification_handlers"):
        kind = "request" if node.attr == "request_handlers" else "notification"
        ctx.manual(node, "`server.%s` is gone: register with `on_*=` in `Server(...)` or `server.add_%s_handler("
                         "method, params_type, handler)`, look up with `server.get_%s_handler(\"<method>\")` "
                         "(keyed by method string, not request type)" % (node.attr, kind, kind))
