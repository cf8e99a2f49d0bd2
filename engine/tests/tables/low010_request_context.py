"""LOW010: Lowlevel `Server`: `request_context` property removed

Rule: engine/mcp_migrate/rules/low010_request_context.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        "+# mcp-migrate: LOW010 `request_ctx` is gone in v2: use the handler's first argument `ctx: ServerRequestContext` (`ctx.session`, `ctx.lifespan_context`, `ctx.request_id`, `ctx.request`) https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-request_context-property-removed\n"
        " from mcp.server.lowlevel.server import Server, request_ctx\n"
        " server = Server('s')\n"
        " \n"
        " async def h():\n"
        "+    # mcp-migrate: LOW010 `server.request_context` is gone in v2: use the handler's first argument `ctx: ServerRequestContext` (`ctx.session`, `ctx.lifespan_context`, `ctx.request_id`, `ctx.request`) https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-request_context-property-removed\n"
        "     a = server.request_context\n"
        "+    # mcp-migrate: LOW010 `request_ctx` is gone in v2: use the handler's first argument `ctx: ServerRequestContext` (`ctx.session`, `ctx.lifespan_context`, `ctx.request_id`, `ctx.request`) https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-request_context-property-removed\n"
        "     b = request_ctx.get()\n",
        findings=["LOW010:1 manual", "LOW010:5 manual", "LOW010:6 manual"],
    ),
]

NOOP = [
    "class Server:\n"
    "    request_context = None\n"
    "\n"
    "Server().request_context\n",
    "from mcp.server.fastmcp import Context\n"
    "\n"
    "async def t(ctx: Context):\n"
    "    return ctx.request_context\n",
]
