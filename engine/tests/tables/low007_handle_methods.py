"""LOW007: Lowlevel `Server`: private `_handle_*` dispatch methods removed

Rule: engine/mcp_migrate/rules/low007_handle_methods.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.server.lowlevel.server import Server\n"
        " \n"
        " class My(Server):\n"
        "+    # mcp-migrate: LOW007 v2 never calls `Server._handle_request` (dispatch moved to `JSONRPCDispatcher`/`ServerRunner`): observe requests with middleware, `server.middleware.append(mw)` where `async def mw(ctx: ServerRequestContext, call_next: CallNext) -> HandlerResult` https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-private-_handle_-dispatch-methods-removed\n"
        "     async def _handle_request(self, message, req, session, lc, raise_exceptions):\n"
        "+        # mcp-migrate: LOW007 v2 never calls `Server._handle_request` (dispatch moved to `JSONRPCDispatcher`/`ServerRunner`): observe requests with middleware, `server.middleware.append(mw)` where `async def mw(ctx: ServerRequestContext, call_next: CallNext) -> HandlerResult` https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-private-_handle_-dispatch-methods-removed\n"
        "         return await super()._handle_request(message, req, session, lc, raise_exceptions)\n",
        findings=["LOW007:4 manual", "LOW007:5 manual"],
    ),
    case(
        " from mcp.server import Server\n"
        " s = Server('x')\n"
        "+# mcp-migrate: LOW007 v2 never calls `Server._handle_message` (dispatch moved to `JSONRPCDispatcher`/`ServerRunner`): observe requests with middleware, `server.middleware.append(mw)` where `async def mw(ctx: ServerRequestContext, call_next: CallNext) -> HandlerResult` https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-private-_handle_-dispatch-methods-removed\n"
        " await s._handle_message(m, sess, {}, False)\n",
        findings=["LOW007:3 manual"],
    ),
]

NOOP = [
    "class Server:\n    pass\n\nclass My(Server):\n    async def _handle_request(self):\n        pass\n",
    "from mcp.server import Server\n\nclass My(Server):\n    async def handle(self):\n        pass\n",
]
