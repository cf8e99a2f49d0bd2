"""LOW006: Lowlevel `Server`: `request_handlers` and `notification_handlers` attributes removed

Rule: engine/mcp_migrate/rules/low006_handler_dicts.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.server import Server\n"
        " from mcp.types import ListToolsRequest\n"
        " server = Server('s')\n"
        '+# mcp-migrate: LOW006 `server.request_handlers` is gone: register with `on_*=` in `Server(...)` or `server.add_request_handler(method, params_type, handler)`, look up with `server.get_request_handler("<method>")` (keyed by method string, not request type) https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-request_handlers-and-notification_handlers-attributes-removed\n'
        " server.request_handlers[ListToolsRequest] = handle\n",
        findings=["LOW006:4 manual"],
    ),
    case(
        " from mcp.server import Server\n"
        " \n"
        " class A:\n"
        "     def __init__(self):\n"
        "         self.server = Server('s')\n"
        " \n"
        "     def has(self):\n"
        '+        # mcp-migrate: LOW006 `server.request_handlers` is gone: register with `on_*=` in `Server(...)` or `server.add_request_handler(method, params_type, handler)`, look up with `server.get_request_handler("<method>")` (keyed by method string, not request type) https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-request_handlers-and-notification_handlers-attributes-removed\n'
        "         return ListToolsRequest in self.server.request_handlers\n",
        findings=["LOW006:8 manual"],
    ),
]

NOOP = [
    "class Server:\n"
    "    request_handlers = {}\n"
    "\n"
    "Server().request_handlers\n",
    "from mcp.server import Server\n"
    "server = Server('s')\n"
    "server.get_request_handler('tools/list')\n",
]
