import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

# v1 lowlevel decorator -> (v2 registration method, JSON-RPC method, params type in mcp.types)
ROUTES = {
    "set_logging_level": ("add_request_handler", "logging/setLevel", "SetLevelRequestParams"),
    "subscribe_resource": ("add_request_handler", "resources/subscribe", "SubscribeRequestParams"),
    "unsubscribe_resource": ("add_request_handler", "resources/unsubscribe", "UnsubscribeRequestParams"),
    "progress_notification": ("add_notification_handler", "notifications/progress", "ProgressNotificationParams"),
    "completion": ("add_request_handler", "completion/complete", "CompleteRequestParams"),
    "list_tools": ("add_request_handler", "tools/list", "PaginatedRequestParams"),
    "call_tool": ("add_request_handler", "tools/call", "CallToolRequestParams"),
    "list_resources": ("add_request_handler", "resources/list", "PaginatedRequestParams"),
    "list_resource_templates": ("add_request_handler", "resources/templates/list", "PaginatedRequestParams"),
    "read_resource": ("add_request_handler", "resources/read", "ReadResourceRequestParams"),
    "list_prompts": ("add_request_handler", "prompts/list", "PaginatedRequestParams"),
    "get_prompt": ("add_request_handler", "prompts/get", "GetPromptRequestParams"),
}


@rule(
    code="SRV019",
    title="Registering lowlevel handlers from `MCPServer`",
    anchor="registering-lowlevel-handlers-from-mcpserver",
    fix_class="safe",
    summary="""
        Renames the private `mcp._mcp_server` to `mcp._lowlevel_server`. Handler registrations through its
        removed decorators (`@mcp._mcp_server.set_logging_level()`, `.subscribe_resource()(fn)`, ...) are
        marked with the exact `add_request_handler(method, ParamsType, handler)` call to use; the handler now
        takes `(ctx, params)` and returns a result object.
    """,
    why="""
        v2 renamed the attribute and removed the lowlevel decorators:
        `AttributeError: 'MCPServer' object has no attribute '_mcp_server'`.
    """,
    example="""
         from mcp.server.fastmcp import FastMCP

         mcp = FastMCP("Demo")
        -lowlevel = mcp._mcp_server
        +lowlevel = mcp._lowlevel_server


        +# mcp-migrate: SRV019 the lowlevel `set_logging_level()` decorator is gone: register a `(ctx, params: SetLevelRequestParams)` handler with `mcp._lowlevel_server.add_request_handler("logging/setLevel", SetLevelRequestParams, handler)` https://py.sdk.modelcontextprotocol.io/v2/migration/#registering-lowlevel-handlers-from-mcpserver
         @mcp._mcp_server.set_logging_level()
         async def handle_set_logging_level(level: str) -> None:
             print(level)
    """,
    v1_names=[sdk.FASTMCP, sdk.SERVER + ".set_logging_level"],
    v2_names=["mcp.server.lowlevel.server.Server.add_request_handler",
              "mcp.server.lowlevel.server.Server.add_notification_handler"]
    + ["mcp.types." + p for p in sorted({r[2] for r in ROUTES.values()})],
)
def check(ctx: PythonContext):
    uses = ctx.attribute_uses(sdk.FASTMCP, "_mcp_server")
    uses += [a for a in ctx.walk(ast.Attribute) if a.attr == "_mcp_server" and ctx.fragment_receiver(a.value)]
    for node in uses:
        parent = ctx.parent(node)
        if isinstance(parent, ast.Attribute) and parent.attr in ROUTES:
            method, route, params = ROUTES[parent.attr]
            ctx.manual(parent, "the lowlevel `%s()` decorator is gone: register a `(ctx, params: %s)` handler "
                               "with `%s._lowlevel_server.%s(\"%s\", %s, handler)`"
                       % (parent.attr, params, ctx.source(node.value), method, route, params))
            continue
        span = ctx.attr_span(node)
        if span and not ctx.fragment_receiver(node.value):
            ctx.fix(node, "`_mcp_server` is now `_lowlevel_server` (private; prefer public API)",
                    [ctx.replace(span, "_lowlevel_server")])
        else:
            ctx.manual(node, "`_mcp_server` is now `_lowlevel_server`")
