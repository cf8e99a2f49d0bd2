"""LOW006: Lowlevel `Server`: `request_handlers` and `notification_handlers` attributes removed

Rule: engine/mcp_migrate/rules/low006_handler_dicts.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    # whether the server handles a method: looked up by method string
    case(
        " import mcp.types as types\n"
        " from mcp.server.lowlevel import Server\n"
        " \n"
        " def subscribable(s: Server) -> bool:\n"
        "-    return types.SubscribeRequest in s.request_handlers and types.PingRequest not in s.request_handlers\n"
        '+    return s.get_request_handler("resources/subscribe") is not None and s.get_request_handler("ping") is None\n',
        findings=["LOW006:5 safe", "LOW006:5 safe"],
    ),
    # handlers registered in the dicts: `add_request_handler` / `add_notification_handler`, `(request)` -> `(ctx, params)`
    case(
        ' from typing import Any\n'
        ' \n'
        ' from mcp import server, types\n'
        '+from mcp.server import ServerRequestContext\n'
        ' \n'
        ' \n'
        ' def build(remote) -> server.Server[object]:\n'
        '     app: server.Server[object] = server.Server(name="proxy")\n'
        ' \n'
        '-    async def _list_tools(_: Any) -> types.ServerResult:\n'
        '+    async def _list_tools(ctx: ServerRequestContext[Any], params: types.PaginatedRequestParams | None) -> types.ServerResult:\n'
        '         return types.ServerResult(await remote.list_tools())\n'
        ' \n'
        '-    app.request_handlers[types.ListToolsRequest] = _list_tools\n'
        '+    app.add_request_handler("tools/list", types.PaginatedRequestParams, _list_tools)\n'
        ' \n'
        '-    async def _call_tool(req: types.CallToolRequest) -> types.ServerResult:\n'
        '+    async def _call_tool(ctx: ServerRequestContext[Any], params: types.CallToolRequestParams) -> types.ServerResult:\n'
        '-        return types.ServerResult(await remote.call_tool(req.params.name, req.params.arguments or {}))\n'
        '+        return types.ServerResult(await remote.call_tool(params.name, params.arguments or {}))\n'
        ' \n'
        '-    app.request_handlers[types.CallToolRequest] = _call_tool\n'
        '+    app.add_request_handler("tools/call", types.CallToolRequestParams, _call_tool)\n'
        ' \n'
        '-    async def _progress(req: types.ProgressNotification) -> None:\n'
        '+    async def _progress(ctx: ServerRequestContext[Any], params: types.ProgressNotificationParams) -> None:\n'
        '-        await remote.send_progress_notification(req.params.progressToken, req.params.progress)\n'
        '+        await remote.send_progress_notification(params.progressToken, params.progress)\n'
        ' \n'
        '-    app.notification_handlers[types.ProgressNotification] = _progress\n'
        '+    app.add_notification_handler("notifications/progress", types.ProgressNotificationParams, _progress)\n'
        '     return app\n',
        findings=["LOW006:12 safe", "LOW006:17 safe", "LOW006:22 safe"],
    ),
    # a handler used elsewhere, or not a def of this file: markers
    case(
        ' from mcp.server import Server\n'
        ' from mcp.types import ListToolsRequest, ListPromptsRequest\n'
        " server = Server('s')\n"
        ' \n'
        ' async def handle(request):\n'
        '     return []\n'
        ' \n'
        '+# mcp-migrate: LOW006 `server.request_handlers` is gone: register with `on_*=` in `Server(...)` or `server.add_request_handler(method, params_type, handler)`, look up with `server.get_request_handler("<method>")` (keyed by method string, not request type) (the handler is also called or referenced elsewhere, and its signature changes) https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-request_handlers-and-notification_handlers-attributes-removed\n'
        ' server.request_handlers[ListToolsRequest] = handle\n'
        '+# mcp-migrate: LOW006 `server.request_handlers` is gone: register with `on_*=` in `Server(...)` or `server.add_request_handler(method, params_type, handler)`, look up with `server.get_request_handler("<method>")` (keyed by method string, not request type) (the handler is not an `async def` of this file) https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-request_handlers-and-notification_handlers-attributes-removed\n'
        ' server.request_handlers[ListPromptsRequest] = make_handler()\n'
        ' HANDLERS = [handle]\n',
        findings=["LOW006:8 manual", "LOW006:9 manual"],
    ),
    # reads of the dicts: markers
    case(
        ' from mcp.server import Server\n'
        ' \n'
        ' class A:\n'
        '     def __init__(self):\n'
        "         self.server = Server('s')\n"
        ' \n'
        '     def has(self):\n'
        '+        # mcp-migrate: LOW006 `server.request_handlers` is gone: register with `on_*=` in `Server(...)` or `server.add_request_handler(method, params_type, handler)`, look up with `server.get_request_handler("<method>")` (keyed by method string, not request type) https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-request_handlers-and-notification_handlers-attributes-removed\n'
        '         return ListToolsRequest in self.server.request_handlers\n',
        findings=["LOW006:8 manual"],
    ),
    # a server the file cannot see, keyed by a v1 request type
    case(
        ' import mcp.types as types\n'
        ' \n'
        ' \n'
        ' async def list_tools(app):\n'
        '+    # mcp-migrate: LOW006 `server.request_handlers` is gone: register with `on_*=` in `Server(...)` or `server.add_request_handler(method, params_type, handler)`, look up with `server.get_request_handler("<method>")` (keyed by method string, not request type) https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-request_handlers-and-notification_handlers-attributes-removed\n'
        '     handler = app.server.request_handlers[types.ListToolsRequest]\n'
        '     return await handler(types.ListToolsRequest(method="tools/list"))\n',
        findings=["LOW006:5 manual"],
    ),
]

NOOP = [
    "class Server:\n    request_handlers = {}\n\nServer().request_handlers\n",
    "from mcp.server import Server\nserver = Server('s')\nserver.get_request_handler('tools/list')\n",
    # a dict of the same name keyed by something else
    "handlers.request_handlers['x'] = f\n",
]
